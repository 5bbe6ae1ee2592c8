"""Pemeriksaan berkas .xlsx di tingkat paket zip, sebelum isinya dibaca.

- Mengenali berkas yang bukan xlsx (CSV yang diganti namanya, .xls lama, .xlsb, kosong),
  berkas terenkripsi/berpassword, dan zip rusak — dengan pesan yang jelas.
- Menolak zip bomb: batas ukuran tak-terkompresi dan rasio kompresi (lihat konstanta).
- Memetakan nama sheet ke bagian XML-nya, dan membaca dari XML apa yang tidak diberikan
  python-calamine: sel berisi galat Excel (``#DIV/0!``), sel berumus, luas area terpakai.

XML hanya dipindai dengan ekspresi reguler atau defusedxml: entitas tidak pernah diperluas,
makro tidak pernah dijalankan.
"""
from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as DET

__all__ = ["GagalBaca", "InfoBerkas", "periksa_berkas", "buka_berkas", "PaketXlsx",
           "MAKS_TOTAL_TAK_TERKOMPRESI", "MAKS_RASIO", "MAKS_BAGIAN", "kolom_ke_angka",
           "angka_ke_kolom", "pisah_alamat"]

#: Batas jumlah ukuran tak-terkompresi semua bagian zip. Workbook RAPK biasa < 5 MB.
MAKS_TOTAL_TAK_TERKOMPRESI = 200 * 1024 * 1024
#: Batas rasio kompresi satu bagian besar (> 1 MB); XML wajar terkompresi 5-30x.
MAKS_RASIO = 200
#: Batas ukuran satu bagian (sheet) tak-terkompresi.
MAKS_BAGIAN = 100 * 1024 * 1024

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"


class GagalBaca(Exception):
    """Berkas tidak dapat dibaca sebagai workbook. ``kode`` stabil, ``pesan`` untuk pengguna."""

    def __init__(self, kode: str, pesan: str):
        super().__init__(pesan)
        self.kode = kode
        self.pesan = pesan


@dataclass
class InfoBerkas:
    makro: bool = False  # berisi proyek VBA (tidak pernah dijalankan)
    tautan_eksternal: list[str] = field(default_factory=list)


def kolom_ke_angka(huruf: str) -> int:
    n = 0
    for ch in huruf:
        n = n * 26 + (ord(ch) - 64)
    return n


def angka_ke_kolom(n: int) -> str:
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


_ALAMAT = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")


def pisah_alamat(alamat: str) -> tuple[str, int]:
    m = _ALAMAT.match(alamat)
    if not m:
        raise ValueError(alamat)
    return m.group(1), int(m.group(2))


def _kenali_bukan_zip(awal: bytes, nama: str) -> GagalBaca:
    if not awal:
        return GagalBaca("berkas-kosong", "Berkas kosong (0 byte). Simpan ulang workbook dari "
                                          "Excel lalu kirim lagi.")
    if awal.startswith(_OLE):
        return GagalBaca("berkas-xls-atau-terenkripsi",
                         "Berkas ini workbook Excel lama (.xls) atau workbook yang dilindungi "
                         "password. Buka di Excel, hapus password (File > Info > Protect "
                         "Workbook), lalu simpan sebagai Excel Workbook (.xlsx).")
    try:
        teks = awal.decode("utf-8")
    except UnicodeDecodeError:
        teks = None
    if teks is not None and ("<html" in teks.lower() or "<table" in teks.lower()):
        return GagalBaca("bukan-xlsx", f"'{nama}' adalah halaman HTML yang diberi nama workbook "
                                       "(ekspor 'Excel' dari aplikasi web), bukan .xlsx. Buka di "
                                       "Excel lalu simpan sebagai Excel Workbook (.xlsx).")
    if teks is not None and any(p in teks for p in (",", ";", "\t")):
        return GagalBaca("bukan-xlsx", f"'{nama}' berisi teks (CSV), bukan workbook Excel. Buka "
                                       "template rapk-xl dan salin datanya ke sana, lalu simpan "
                                       "sebagai .xlsx.")
    return GagalBaca("bukan-xlsx", f"'{nama}' bukan workbook Excel (.xlsx). Simpan sebagai Excel "
                                   "Workbook (.xlsx) dari template rapk-xl.")


def _periksa_isi(zf: zipfile.ZipFile, nama_berkas: str) -> InfoBerkas:
    """Batas ukuran (zip bomb) dan bagian wajib paket yang sudah dibuka."""
    daftar = zf.infolist()
    nama = {i.filename for i in daftar}
    total = sum(i.file_size for i in daftar)
    if total > MAKS_TOTAL_TAK_TERKOMPRESI:
        raise GagalBaca("terlalu-besar",
                        f"Isi berkas terlalu besar setelah dibuka ({total // 2**20} MB; "
                        f"batas {MAKS_TOTAL_TAK_TERKOMPRESI // 2**20} MB). Workbook RAPK "
                        "wajar jauh di bawah batas ini; hapus isi yang tidak perlu.")
    for i in daftar:
        if i.file_size > MAKS_BAGIAN or (
                i.file_size > 2**20 and i.file_size > MAKS_RASIO * max(i.compress_size, 1)):
            raise GagalBaca("terlalu-besar",
                            f"Bagian '{i.filename}' tidak wajar besarnya ({i.file_size // 2**20} "
                            "MB setelah dibuka). Berkas ditolak demi keamanan.")
    if "xl/workbook.bin" in nama:
        raise GagalBaca("format-xlsb", "Berkas berformat Excel Binary (.xlsb). Simpan "
                                       "sebagai Excel Workbook (.xlsx).")
    if "xl/workbook.xml" not in nama:
        if "EncryptedPackage" in nama:
            raise GagalBaca("berkas-xls-atau-terenkripsi", "Berkas terenkripsi.")
        raise GagalBaca("bukan-xlsx", f"'{nama_berkas}' bukan workbook Excel (paket zip "
                                      "tanpa xl/workbook.xml, mis. dokumen Word).")
    return InfoBerkas(
        makro="xl/vbaProject.bin" in nama,
        tautan_eksternal=sorted(n for n in nama if n.startswith("xl/externalLinks/")
                                and n.endswith(".xml")),
    )


def buka_berkas(path: str | Path) -> tuple[InfoBerkas, PaketXlsx]:
    """Periksa ``path`` seperti :func:`periksa_berkas`, lalu kembalikan juga paketnya yang
    sudah terbuka (zip tidak dibuka dua kali); pemanggil menutup paket itu."""
    path = Path(path)
    try:
        with open(path, "rb") as f:
            awal = f.read(2048)
    except OSError as e:
        raise GagalBaca("tidak-dapat-dibuka", f"Berkas tidak dapat dibuka: {e.strerror}.") from None
    if not awal.startswith(b"PK"):
        raise _kenali_bukan_zip(awal, path.name)
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise GagalBaca("rusak", "Berkas rusak: bukan paket zip yang utuh. Simpan ulang dari "
                                 "Excel lalu kirim lagi.") from None
    except (zipfile.LargeZipFile, NotImplementedError, RuntimeError, ValueError):
        raise GagalBaca("rusak", "Berkas rusak atau memakai kompresi yang tidak didukung.") from None
    try:
        info = _periksa_isi(zf, path.name)
    except BaseException:
        zf.close()
        raise
    return info, PaketXlsx(path, zf)


def periksa_berkas(path: str | Path) -> InfoBerkas:
    """Pastikan ``path`` adalah paket xlsx/xlsm yang aman dibaca; lempar :class:`GagalBaca`."""
    info, paket = buka_berkas(path)
    paket.close()
    return info


_BUKA_SEL = re.compile(rb"<c\b([^>]*?)(/?)>")
_ATTR_R = re.compile(rb'\br="([A-Z]{1,3}\d+)"')
_NILAI = re.compile(rb"<v>([^<]*)</v>")
_REF_BARIS = re.compile(rb'<c\b[^>]*?\br="[A-Z]{1,3}(\d+)"')
_REF_KOLOM = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3})\d')
#: sel yang isinya diawali <f> (skema OOXML: <f> selalu mendahului <v> di dalam <c>)
_SEL_BERUMUS = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3}\d+)"[^>]*?(?<!/)>\s*<f\b')


def _tujuan(folder: str, target: str) -> str:
    """Nama bagian zip yang dirujuk ``Target`` sebuah relasi: mutlak (``/xl/...``) atau relatif
    terhadap ``folder`` bagian asal relasi; ``.`` dan ``..`` diselesaikan."""
    jalur = target.lstrip("/") if target.startswith("/") else f"{folder}/{target}"
    bagian: list[str] = []
    for p in jalur.split("/"):
        if p == "..":
            if bagian:
                bagian.pop()
        elif p and p != ".":
            bagian.append(p)
    return "/".join(bagian)


def _iter_sel(xml: bytes):
    """(atribut, isi) setiap ``<c>``; isi ``b""`` untuk sel yang menutup sendiri."""
    pos = 0
    while True:
        m = _BUKA_SEL.search(xml, pos)
        if not m:
            return
        if m.group(2):  # <c .../>
            yield m.group(1), b""
            pos = m.end()
            continue
        akhir = xml.find(b"</c>", m.end())
        if akhir < 0:
            return
        yield m.group(1), xml[m.end():akhir]
        pos = akhir + 4


class PaketXlsx:
    """Akses baca ke bagian-bagian xlsx yang sudah lolos :func:`periksa_berkas`."""

    def __init__(self, path: str | Path, zf: zipfile.ZipFile | None = None):
        self.path = Path(path)
        self._zf = zf if zf is not None else zipfile.ZipFile(self.path)
        self._peta: dict[str, str] | None = None

    def close(self) -> None:
        self._zf.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _baca(self, nama: str) -> bytes:
        try:
            return self._zf.read(nama)
        except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError):
            raise GagalBaca("rusak", f"Berkas rusak: bagian '{nama}' tidak utuh (data "
                                     "terkompresinya rusak). Simpan ulang dari Excel, lalu kirim "
                                     "lagi.") from None

    def _xml(self, nama: str):
        try:
            return DET.fromstring(self._baca(nama))
        except (DefusedXmlException, DET.ParseError):
            raise GagalBaca("rusak", f"Bagian '{nama}' berisi XML yang tidak sah atau konstruksi "
                                     "yang tidak diizinkan (DTD/entitas); berkas ditolak demi "
                                     "keamanan. Simpan ulang dari Excel.") from None

    def peta_sheet(self) -> dict[str, str]:
        """Nama sheet → nama bagian XML-nya (mis. ``xl/worksheets/sheet3.xml``)."""
        if self._peta is None:
            wb = self._xml("xl/workbook.xml")
            try:
                rels = self._xml("xl/_rels/workbook.xml.rels")
                target = {r.get("Id"): r.get("Target") for r in rels.iter(f"{_NS_PKG}Relationship")}
            except KeyError:
                target = {}
            peta = {}
            for s in wb.iter(f"{_NS_MAIN}sheet"):
                t = target.get(s.get(f"{_NS_REL}id"))
                if not t:
                    continue
                peta[s.get("name")] = _tujuan("xl", t)
            self._peta = peta
        return self._peta

    def tabel(self) -> list[tuple[str, str, str, int, int]]:
        """Definisi tabel Excel: (nama, sheet, ref "A5:Q31", baris header, baris total).

        Dibaca langsung dari ``xl/tables/*.xml`` lewat relasi tiap sheet: kecil dan tanpa
        membangun kisi sheet (python-calamine membangun kisi padat sheet untuk setiap tabel).
        """
        hasil = []
        nama_ada = set(self._zf.namelist())
        for sheet, bagian in self.peta_sheet().items():
            folder, berkas = bagian.rsplit("/", 1)
            rels = f"{folder}/_rels/{berkas}.rels"
            if rels not in nama_ada:
                continue
            for r in self._xml(rels).iter(f"{_NS_PKG}Relationship"):
                if not (r.get("Type") or "").endswith("/table"):
                    continue
                jalur = _tujuan(folder, r.get("Target") or "")
                if jalur not in nama_ada:
                    continue
                t = self._xml(jalur)
                nama = t.get("displayName") or t.get("name")
                ref = t.get("ref")
                if nama and ref:
                    hasil.append((nama, sheet, ref, int(t.get("headerRowCount", "1") or 1),
                                  int(t.get("totalsRowCount", "0") or 0)))
        return hasil

    def isi_sheet(self, sheet: str) -> bytes:
        return self._baca(self.peta_sheet()[sheet])

    @staticmethod
    def luas(xml: bytes) -> tuple[int, int]:
        """(baris terakhir, kolom terakhir) yang berisi sel, dari rujukan sel di XML."""
        baris = set(_REF_BARIS.findall(xml))  # ratusan nilai unik, bukan satu per sel
        kolom = set(_REF_KOLOM.findall(xml))
        if not baris or not kolom:
            return 0, 0
        k = max(kolom, key=lambda k: (len(k), k))
        return max(map(int, baris)), kolom_ke_angka(k.decode())

    @staticmethod
    def sel_galat(xml: bytes) -> dict[str, str]:
        """Alamat → nilai galat (``#DIV/0!``, ``#REF!``, ...) untuk sel bertipe galat."""
        if b't="e"' not in xml:
            return {}
        hasil = {}
        for attr, isi in _iter_sel(xml):
            if b't="e"' not in attr:
                continue
            r = _ATTR_R.search(attr)
            v = _NILAI.search(isi)
            if r:
                hasil[r.group(1).decode()] = v.group(1).decode() if v else "#N/A"
        return hasil

    @staticmethod
    def sel_berumus(xml: bytes) -> set[str]:
        """Alamat sel yang berumus (cepat: tanpa teks rumusnya)."""
        return {a.decode() for a in _SEL_BERUMUS.findall(xml)}
