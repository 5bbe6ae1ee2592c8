"""Pemeriksaan berkas workbook di tingkat paket, sebelum isinya dibaca.

- Mengenali apa sebenarnya berkas yang bukan xlsx — CSV (juga satu kolom), HTML, .xls lama
  (Excel 2.x-4.0 tanpa wadah OLE, Excel 5.0/95, Excel 97-2003), .xlsb, spreadsheet
  OpenDocument (.ods, juga yang terenkripsi), workbook terenkripsi/berpassword, dokumen Word,
  PDF, arsip — dan memberi pesan yang menyebut cara menyimpannya dengan benar.
- Menolak zip bomb: batas ukuran tak-terkompresi dan rasio kompresi (lihat konstanta).
- Menemukan bagian workbook seperti standar OPC: lewat relasi ``officeDocument`` di
  ``_rels/.rels`` (bukan hanya ``xl/workbook.xml``); nama bagian zip dibandingkan tanpa peka
  huruf besar dan dengan ``\\`` sama dengan ``/`` (beberapa penulis zip memakainya).
- Memetakan nama sheet ke bagian XML-nya beserta jenisnya (lembar kerja, lembar grafik, lembar
  dialog, lembar makro Excel 4.0), dan membaca dari XML apa yang tidak diberikan
  python-calamine: sel berisi galat Excel (``#DIV/0!``), sel berumus, luas area terpakai.

XML hanya dipindai dengan ekspresi reguler atau defusedxml: entitas tidak pernah diperluas,
makro tidak pernah dijalankan. Bagian yang memuat DTD/entitas ditolak dengan pesan keamanan
(``xml-tidak-aman``).
"""
from __future__ import annotations

import html
import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as DET

__all__ = ["GagalBaca", "InfoBerkas", "periksa_berkas", "buka_berkas", "PaketXlsx",
           "MAKS_TOTAL_TAK_TERKOMPRESI", "MAKS_RASIO", "MAKS_BAGIAN", "kolom_ke_angka",
           "angka_ke_kolom", "pisah_alamat", "ada_dtd", "pesan_dtd"]

#: Batas jumlah ukuran tak-terkompresi semua bagian zip. Workbook RAPK biasa < 5 MB.
MAKS_TOTAL_TAK_TERKOMPRESI = 200 * 1024 * 1024
#: Batas rasio kompresi satu bagian besar (> 1 MB); XML wajar terkompresi 5-30x.
MAKS_RASIO = 200
#: Batas ukuran satu bagian (sheet) tak-terkompresi.
MAKS_BAGIAN = 100 * 1024 * 1024
#: Berkas OLE (.xls, berkas terenkripsi) sebesar ini paling banyak dibaca untuk dikenali.
_MAKS_OLE = 64 * 1024 * 1024

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: jenis relasi sheet (bagian terakhir URI Type) → jenis sheet
_JENIS_SHEET = {"worksheet": "lembar kerja", "chartsheet": "lembar grafik",
                "dialogsheet": "lembar dialog", "xlMacrosheet": "lembar makro",
                "xlIntlMacrosheet": "lembar makro"}
#: jenis sheet yang dibaca python-calamine; sheet jenis lain membuatnya menolak seluruh berkas
_DIBACA_CALAMINE = {"worksheet", "chartsheet", "dialogsheet"}
_DTD = (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le"), "<!ENTITY".encode("utf-16-le"))

_SIMPAN_XLSX = ("Buka di Excel lalu pilih File > Save As (Simpan Sebagai), jenis \"Excel Workbook "
                "(*.xlsx)\"; lebih baik lagi salin isiannya ke template rapk-xl.")
_SIMPAN_LO = ("Buka di LibreOffice Calc, pilih Berkas > Simpan Sebagai (File > Save As), jenis "
              "berkas \"Excel 2007-365 (.xlsx)\", lalu pilih \"Gunakan Format Excel 2007-365!\" "
              "(Use Excel 2007-365!) saat ditanya.")


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
    #: nama sheet makro Excel 4.0 (XLM) dan sheet dialog Excel 5.0 (tidak pernah dijalankan)
    lembar_makro: list[str] = field(default_factory=list)


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


# -- berkas yang bukan zip ---------------------------------------------------------------------

def _u16(b: bytes, i: int) -> int:
    return struct.unpack_from("<H", b, i)[0]


def _u32(b: bytes, i: int) -> int:
    return struct.unpack_from("<I", b, i)[0]


class _Ole:
    """Pembaca minimal berkas OLE/CFB ([MS-CFB]): nama aliran (stream) dan awal isinya, cukup
    untuk mengenali jenis berkas. ``aliran`` kosong bila header/direktorinya tak terurai."""

    def __init__(self, data: bytes):
        self.data = data
        self.aliran: dict[str, tuple[int, int]] = {}  # nama (huruf kecil) → (sektor awal, ukuran)
        try:
            self._urai()
        except (struct.error, IndexError, ValueError):
            self.aliran = {}

    def _sektor(self, s: int) -> bytes:
        return self.data[(s + 1) * self.ss:(s + 2) * self.ss]

    def _rantai(self, fat: list[int], s: int, maks: int = 4096) -> list[int]:
        hasil: list[int] = []
        while s < 0xFFFFFFFA and s < len(fat) + 1 and len(hasil) < maks and s not in hasil:
            hasil.append(s)
            s = fat[s] if s < len(fat) else 0xFFFFFFFE
        return hasil

    def _urai(self) -> None:
        d = self.data
        shift = _u16(d, 0x1E)
        if shift not in (9, 12):
            return
        self.ss = ss = 1 << shift
        self.batas_mini = _u32(d, 0x38)
        n_fat = _u32(d, 0x2C)
        self.fat: list[int] = []
        for s in [_u32(d, 0x4C + 4 * i) for i in range(min(n_fat, 109))]:
            blok = self._sektor(s)
            if len(blok) == ss:
                self.fat.extend(struct.unpack(f"<{ss // 4}I", blok))
        self.minifat: list[int] = []
        for s in self._rantai(self.fat, _u32(d, 0x3C)):
            blok = self._sektor(s)
            if len(blok) == ss:
                self.minifat.extend(struct.unpack(f"<{ss // 4}I", blok))
        self.mini: list[int] = []
        for s in self._rantai(self.fat, _u32(d, 0x30)):
            blok = self._sektor(s)
            for j in range(0, len(blok) - 127, 128):
                e = blok[j:j + 128]
                n = _u16(e, 64)
                if e[66] == 5 and not self.mini:  # entri akar: rantai mini-stream
                    self.mini = self._rantai(self.fat, _u32(e, 116))
                if e[66] in (1, 2) and 2 <= n <= 64:
                    nama = e[:n - 2].decode("utf-16-le", "replace").lower()
                    self.aliran.setdefault(nama, (_u32(e, 116), _u32(e, 120)))

    def awal(self, nama: str, batas: int = 512) -> bytes:
        """Sampai ``batas`` byte pertama aliran ``nama`` (b"" bila tak ada)."""
        if nama not in self.aliran:
            return b""
        s, ukuran = self.aliran[nama]
        keluar = b""
        if ukuran < self.batas_mini:
            for m in self._rantai(self.minifat, s, batas // 64 + 1):
                posisi = m * 64
                i, sisa = divmod(posisi, self.ss)
                if i >= len(self.mini):
                    break
                mulai = (self.mini[i] + 1) * self.ss + sisa
                keluar += self.data[mulai:mulai + 64]
        else:
            for t in self._rantai(self.fat, s, batas // self.ss + 1):
                keluar += self._sektor(t)
        return keluar[:min(batas, ukuran)]


def _xls_berpassword(awal: bytes) -> bool:
    """Awal aliran Workbook/Book .xls memuat rekaman FILEPASS (0x002F): workbook itu dienkripsi
    dengan password (FILEPASS menyusul BOF di awal aliran)."""
    pos = 0
    for _ in range(64):
        if pos + 4 > len(awal):
            return False
        rid, n = struct.unpack_from("<HH", awal, pos)
        if rid == 0x002F:
            return True
        if rid in (0x0085, 0x00FC, 0x000A):  # BOUNDSHEET, SST, EOF: FILEPASS tidak ada
            return False
        pos += 4 + n
    return False


def _kenali_ole(path: Path, nama: str) -> GagalBaca:
    """Berkas OLE: .xls lama, workbook terenkripsi, atau dokumen Office lain."""
    try:
        with open(path, "rb") as f:
            data = f.read(_MAKS_OLE)
    except OSError:
        data = b""
    ole = _Ole(data)
    aliran = set(ole.aliran)
    if not aliran:  # direktori tak terbaca: cari nama aliran di awal berkas
        cari = data[:1 << 16]
        aliran = {n.lower() for n in ("EncryptedPackage", "Workbook", "Book", "WordDocument",
                                      "PowerPoint Document")
                  if n.encode("utf-16-le") in cari}
    if "encryptedpackage" in aliran:
        return GagalBaca("berkas-xls-atau-terenkripsi",
                         f"'{nama}' adalah workbook yang dilindungi password untuk membuka "
                         "(terenkripsi), jadi isinya tidak dapat diperiksa. Buka di Excel dengan "
                         "passwordnya, pilih File > Info > Protect Workbook > Encrypt with "
                         "Password, kosongkan password lalu OK, simpan sebagai .xlsx, dan kirim "
                         "lagi.")
    for aliran_buku, versi in (("workbook", "Excel 97-2003"), ("book", "Excel 5.0/95")):
        if aliran_buku in aliran:
            if _xls_berpassword(ole.awal(aliran_buku)):
                return GagalBaca("berkas-xls-atau-terenkripsi",
                                 f"'{nama}' adalah workbook Excel lama ({versi}, .xls) yang "
                                 "terenkripsi: dilindungi password, atau dikunci Excel dengan "
                                 "password bawaan karena proteksi workbook. Buka di Excel "
                                 "(masukkan passwordnya bila diminta), hapus password pembukanya "
                                 "bila ada (File > Info > Protect Workbook > Encrypt with "
                                 f"Password, kosongkan), lalu simpan sebagai .xlsx. {_SIMPAN_XLSX}")
            return GagalBaca("berkas-xls-atau-terenkripsi",
                             f"'{nama}' adalah workbook Excel lama ({versi}, .xls), format yang "
                             f"tidak dibaca rapk-xl. {_SIMPAN_XLSX}")
    if "worddocument" in aliran:
        return GagalBaca("bukan-xlsx", f"'{nama}' adalah dokumen Word lama (.doc), bukan "
                                       "workbook Excel. Kirim workbook .xlsx dari template "
                                       "rapk-xl.")
    if "powerpoint document" in aliran:
        return GagalBaca("bukan-xlsx", f"'{nama}' adalah presentasi PowerPoint lama (.ppt), bukan "
                                       "workbook Excel. Kirim workbook .xlsx dari template "
                                       "rapk-xl.")
    return GagalBaca("berkas-xls-atau-terenkripsi",
                     f"'{nama}' adalah berkas Office format lama (wadah OLE): workbook Excel lama "
                     "(.xls) atau workbook yang dilindungi password. Buka di Excel, hapus password "
                     "bila ada (File > Info > Protect Workbook), lalu simpan sebagai Excel "
                     "Workbook (.xlsx).")


_BIFF_LAMA = {0x00: "Excel 2.x", 0x02: "Excel 3.0", 0x04: "Excel 4.0",
              0x08: "Excel 5.0 atau lebih baru, tanpa wadah OLE"}


def _teks(awal: bytes) -> str | None:
    """Awal berkas sebagai teks (UTF-8/UTF-16 ber-BOM, UTF-8, atau Windows-1252), atau
    ``None`` bila tampak biner."""
    if awal.startswith(b"\xef\xbb\xbf"):
        return awal[3:].decode("utf-8", "ignore")
    if awal.startswith((b"\xff\xfe", b"\xfe\xff")):
        return awal.decode("utf-16", "ignore")
    if b"\x00" in awal:
        return None
    try:
        teks = awal.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.start >= len(awal) - 3:  # karakter terpotong di ujung potongan
            teks = awal[:e.start].decode("utf-8", "ignore")
        else:
            teks = awal.decode("cp1252", "replace")
    kendali = sum(1 for ch in teks if ord(ch) < 32 and ch not in "\t\r\n\f")
    return teks if kendali <= len(teks) // 100 else None


_PEMISAH = {";": "titik koma", ",": "koma", "\t": "tab", "|": "garis tegak"}
_CARA_CSV = ("Cara memasukkannya: buat workbook dari template rapk-xl (rapk-xl template -o "
             "nama.xlsx), buka CSV ini di Excel (bila kolomnya tidak terpisah: Data > Dari "
             "Teks/CSV, pilih pemisahnya), salin barisnya, lalu tempel ke tabel yang sesuai di "
             "template dengan Tempel Khusus > Nilai (Paste Special > Values), dan simpan sebagai "
             ".xlsx.")


def _kenali_teks(teks: str, nama: str, akhiran: str) -> GagalBaca:
    kecil = teks.lower()
    if "<html" in kecil or "<table" in kecil or "<!doctype html" in kecil:
        return GagalBaca("bukan-xlsx", f"'{nama}' adalah halaman HTML yang diberi nama workbook "
                                       "(ekspor 'Excel' dari aplikasi web), bukan .xlsx. Buka di "
                                       "Excel lalu simpan sebagai Excel Workbook (.xlsx).")
    if "urn:schemas-microsoft-com:office:spreadsheet" in kecil:
        return GagalBaca("bukan-xlsx", f"'{nama}' adalah workbook 'XML Spreadsheet 2003' (format "
                                       f"XML lama Excel), bukan .xlsx. {_SIMPAN_XLSX}")
    if "opendocument.spreadsheet" in kecil and "office:document" in kecil:
        return GagalBaca("format-ods", f"'{nama}' adalah spreadsheet OpenDocument datar (.fods, "
                                       "dari LibreOffice), bukan workbook Excel (.xlsx). "
                                       f"{_SIMPAN_LO}")
    if kecil.lstrip().startswith(("<?xml", "<")):
        return GagalBaca("bukan-xlsx", f"'{nama}' adalah berkas XML, bukan workbook Excel. Kirim "
                                       "workbook .xlsx dari template rapk-xl.")
    if kecil.lstrip().startswith("{\\rtf"):
        return GagalBaca("bukan-xlsx", f"'{nama}' adalah dokumen RTF (teks berformat), bukan "
                                       "workbook Excel. Kirim workbook .xlsx dari template "
                                       "rapk-xl.")
    baris = [b for b in teks.splitlines() if b.strip()]
    pertama = baris[0] if baris else ""
    hitung = {p: pertama.count(p) for p in _PEMISAH}
    pemisah = max(hitung, key=hitung.get)
    if akhiran in (".csv", ".tsv", ".txt") or hitung[pemisah] or len(baris) > 1:
        if hitung[pemisah]:
            bentuk = f"{hitung[pemisah] + 1} kolom dipisah {_PEMISAH[pemisah]}"
        else:
            bentuk = "satu kolom"
        return GagalBaca("bukan-xlsx", f"'{nama}' adalah berkas teks CSV ({bentuk}), bukan "
                                       "workbook Excel; rapk-xl hanya membaca workbook .xlsx dari "
                                       f"template. {_CARA_CSV}")
    return GagalBaca("bukan-xlsx", f"'{nama}' berisi teks biasa, bukan workbook Excel (mungkin "
                                   "berkas teks yang diganti namanya). Kirim workbook .xlsx dari "
                                   "template rapk-xl.")


_TANDA_BINER = [
    (b"%PDF-", "dokumen PDF", ""),
    (b"\x89PNG", "gambar PNG", ""),
    (b"\xff\xd8\xff", "gambar JPEG", ""),
    (b"Rar!\x1a\x07", "arsip RAR", " Ekstrak arsipnya dulu, lalu kirim/periksa workbook di "
                                   "dalamnya."),
    (b"7z\xbc\xaf\x27\x1c", "arsip 7-Zip", " Ekstrak arsipnya dulu, lalu kirim/periksa workbook "
                                           "di dalamnya."),
    (b"\x1f\x8b", "arsip gzip", " Ekstrak arsipnya dulu, lalu kirim/periksa workbook di "
                                "dalamnya."),
]


def _kenali_bukan_zip(awal: bytes, path: Path) -> GagalBaca:
    nama = path.name
    if not awal:
        return GagalBaca("berkas-kosong", "Berkas kosong (0 byte). Simpan ulang workbook dari "
                                          "Excel lalu kirim lagi.")
    if awal.startswith(_OLE):
        return _kenali_ole(path, nama)
    if (len(awal) >= 8 and awal[0] == 0x09 and awal[1] in _BIFF_LAMA
            and _u16(awal, 2) in (4, 6, 8, 16)):
        versi = _BIFF_LAMA[awal[1]]
        return GagalBaca("berkas-xls-atau-terenkripsi",
                         f"'{nama}' adalah workbook Excel lama ({versi}, format BIFF), format yang "
                         "tidak dibaca rapk-xl. Buka di Excel atau LibreOffice Calc lalu simpan "
                         "sebagai Excel Workbook (.xlsx); lebih baik lagi salin isiannya ke "
                         "template rapk-xl.")
    for tanda, jenis, saran in _TANDA_BINER:
        if awal.startswith(tanda):
            return GagalBaca("bukan-xlsx", f"'{nama}' adalah {jenis}, bukan workbook Excel. "
                                           f"Kirim workbook .xlsx dari template rapk-xl.{saran}")
    teks = _teks(awal)
    if teks is not None:
        return _kenali_teks(teks, nama, path.suffix.lower())
    return GagalBaca("bukan-xlsx", f"'{nama}' bukan workbook Excel (.xlsx): isinya data biner "
                                   "yang tidak dikenal. Simpan sebagai Excel Workbook (.xlsx) "
                                   "dari template rapk-xl.")


# -- paket zip --------------------------------------------------------------------------------

def _kunci(nama: str) -> str:
    """Nama bagian zip yang dinormalkan untuk dibandingkan: ``/`` (juga untuk ``\\``), tanpa
    ``/`` awal, huruf kecil (nama bagian OPC tidak peka huruf besar)."""
    return nama.replace("\\", "/").lstrip("/").lower()


def _lokal(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _tujuan(folder: str, target: str) -> str:
    """Nama bagian zip yang dirujuk ``Target`` sebuah relasi: mutlak (``/xl/...``) atau relatif
    terhadap ``folder`` bagian asal relasi; ``.`` dan ``..`` diselesaikan."""
    target = target.replace("\\", "/")
    jalur = target.lstrip("/") if target.startswith("/") or not folder else f"{folder}/{target}"
    bagian: list[str] = []
    for p in jalur.split("/"):
        if p == "..":
            if bagian:
                bagian.pop()
        elif p and p != ".":
            bagian.append(p)
    return "/".join(bagian)


_RELASI = re.compile(rb"<(?:[\w.-]+:)?Relationship\b([^>]*)>")
_ATRIBUT = re.compile(rb"""([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _relasi(data: bytes) -> list[dict[str, str]]:
    """Atribut setiap ``<Relationship>`` sebuah bagian relasi (``Id``, ``Type``, ``Target``,
    ``TargetMode``); relasi eksternal dilewati. Dipindai dengan ekspresi reguler (bagian relasi
    berisi elemen kosong saja): jauh lebih cepat daripada mengurai XML untuk setiap sheet."""
    hasil = []
    for m in _RELASI.finditer(data):
        atribut = {}
        for a in _ATRIBUT.finditer(m.group(1)):
            nilai = (a.group(2) if a.group(2) is not None else a.group(3)).decode("utf-8", "replace")
            atribut[a.group(1).decode("ascii", "replace").rpartition(":")[2]] = (
                html.unescape(nilai) if "&" in nilai else nilai)
        if atribut.get("TargetMode") != "External":
            hasil.append(atribut)
    return hasil


def _rels_dari(bagian: str) -> str:
    """Bagian relasi milik ``bagian`` (``xl/workbook.xml`` → ``xl/_rels/workbook.xml.rels``)."""
    folder, _, nama = bagian.rpartition("/")
    return f"{folder}/_rels/{nama}.rels" if folder else f"_rels/{nama}.rels"


def ada_dtd(xml: bytes) -> bool:
    """``xml`` memuat deklarasi DTD atau entitas (juga dalam UTF-16)."""
    return any(t in xml for t in _DTD)


def _prolog_aneh(xml: bytes) -> bool:
    """Cepat (tanpa memindai isi): prolog XML ini mungkin memuat DTD — ada ``<!`` sebelum elemen
    akar, atau teksnya UTF-16. DTD hanya boleh berada di prolog (XML 1.0 §2.8)."""
    if xml[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in xml[:4]:
        return True
    i = xml.find(b"<")
    if xml[i + 1:i + 2] == b"?":
        i = xml.find(b"<", i + 1)
    return i >= 0 and xml[i + 1:i + 2] == b"!"


def pesan_dtd(nama: str) -> str:
    """Pesan temuan ``xml-tidak-aman`` untuk bagian ``nama``."""
    return (f"Bagian '{nama}' memuat deklarasi DTD/entitas XML (<!DOCTYPE>/<!ENTITY>), yang "
            "tidak pernah ditulis Excel dan dipakai untuk serangan 'billion laughs'/XXE; berkas "
            "ditolak demi keamanan tanpa dibaca. Bila berkas ini memang kiriman unit, minta unit "
            "menyalin isiannya ke template rapk-xl yang baru lalu mengirim ulang.")


def _xml_escape(teks: str) -> str:
    return (teks.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&apos;"))


_BUKA_SEL = re.compile(rb"<c\b([^>]*?)(/?)>")
_ATTR_R = re.compile(rb'\br="([A-Z]{1,3}\d+)"')
_NILAI = re.compile(rb"<v>([^<]*)</v>")
_REF_BARIS = re.compile(rb'<c\b[^>]*?\br="[A-Z]{1,3}(\d+)"')
_REF_KOLOM = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3})\d')
#: sel yang isinya diawali <f> (skema OOXML: <f> selalu mendahului <v> di dalam <c>)
_SEL_BERISI = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3}\d+)"[^>]*?(?<!/)>\s*<(?:f|v|is)\b')
_SEL_BERUMUS = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3}\d+)"[^>]*?(?<!/)>\s*<f\b')


_ROW = re.compile(rb'<row\b[^>]*?\br="(\d+)"')


def _potongan_baris(xml: bytes, dari: int, sampai: int) -> tuple[int, int]:
    """(awal, akhir) bagian XML yang memuat baris ``dari``..``sampai``. Excel, LibreOffice dan
    openpyxl menulis baris berurutan naik; bila urutannya tidak naik, seluruh XML dipakai."""
    nomor = list(map(int, _ROW.findall(xml)))
    if any(a >= b for a, b in zip(nomor, nomor[1:])):
        return 0, len(xml)
    awal = akhir = None
    for m in _ROW.finditer(xml):
        r = int(m.group(1))
        if awal is None and r >= dari:
            awal = m.start()
        if r > sampai:
            akhir = m.start()
            break
    awal = len(xml) if awal is None else awal
    akhir = len(xml) if akhir is None else akhir
    return awal, akhir


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


def buka_berkas(path: str | Path) -> tuple[InfoBerkas, PaketXlsx]:
    """Periksa ``path`` seperti :func:`periksa_berkas`, lalu kembalikan juga paketnya yang
    sudah terbuka (zip tidak dibuka dua kali); pemanggil menutup paket itu."""
    path = Path(path)
    try:
        with open(path, "rb") as f:
            awal = f.read(4096)
    except OSError as e:
        raise GagalBaca("tidak-dapat-dibuka", f"Berkas tidak dapat dibuka: {e.strerror}.") from None
    if not awal.startswith(b"PK"):
        raise _kenali_bukan_zip(awal, path)
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise GagalBaca("rusak", "Berkas rusak: bukan paket zip yang utuh (mungkin terpotong saat "
                                 "diunduh atau disalin). Simpan ulang dari Excel lalu kirim "
                                 "lagi.") from None
    except (zipfile.LargeZipFile, NotImplementedError, RuntimeError, ValueError, OSError):
        raise GagalBaca("rusak", "Berkas rusak atau memakai kompresi yang tidak didukung.") from None
    paket = PaketXlsx(path, zf)
    try:
        info = paket.periksa()
    except BaseException:
        paket.close()
        raise
    return info, paket


def periksa_berkas(path: str | Path) -> InfoBerkas:
    """Pastikan ``path`` adalah paket xlsx/xlsm yang aman dibaca; lempar :class:`GagalBaca`."""
    info, paket = buka_berkas(path)
    paket.close()
    return info


class PaketXlsx:
    """Akses baca ke bagian-bagian paket workbook (xlsx/xlsm/xltx) yang sudah dibuka."""

    def __init__(self, path: str | Path, zf: zipfile.ZipFile | None = None):
        self.path = Path(path)
        self._zf = zf if zf is not None else zipfile.ZipFile(self.path)
        self._info: dict[str, zipfile.ZipInfo] = {}
        for i in self._zf.infolist():
            if not i.filename.endswith(("/", "\\")):
                self._info.setdefault(_kunci(i.filename), i)
        self._buku: str | None = None
        self._peta: dict[str, str] | None = None
        self._jenis: dict[str, tuple[str | None, str]] = {}
        self._rels_buku: dict[str, str] = {}  # jenis relasi workbook → Target-nya

    def close(self) -> None:
        self._zf.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- bagian ---------------------------------------------------------------------------
    def ada(self, nama: str) -> bool:
        return _kunci(nama) in self._info

    def _baca(self, nama: str | zipfile.ZipInfo, batas: int | None = None) -> bytes:
        """Isi bagian ``nama`` (nama dinormalkan, lihat :func:`_kunci`); ``KeyError`` bila tak
        ada. ``batas``: hanya sekian byte pertama."""
        info = nama if isinstance(nama, zipfile.ZipInfo) else self._info.get(_kunci(nama))
        if info is None:
            raise KeyError(nama)
        try:
            if batas is None:
                return self._zf.read(info)
            with self._zf.open(info) as f:
                return f.read(batas)
        except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError,
                ValueError, OSError):
            raise GagalBaca("rusak", f"Berkas rusak: bagian '{info.filename}' tidak utuh (data "
                                     "terkompresinya rusak). Simpan ulang dari Excel, lalu kirim "
                                     "lagi.") from None

    def _xml(self, nama: str):
        data = self._baca(nama)
        try:
            return DET.fromstring(data, forbid_dtd=True)
        except DefusedXmlException:
            raise GagalBaca("xml-tidak-aman", pesan_dtd(nama)) from None
        except DET.ParseError:
            if ada_dtd(data):
                raise GagalBaca("xml-tidak-aman", pesan_dtd(nama)) from None
            raise GagalBaca("rusak", f"Berkas rusak: bagian '{nama}' berisi XML yang tidak sah. "
                                     "Buka di Excel (terima tawaran perbaikannya bila ada), lalu "
                                     "simpan ulang sebagai .xlsx.") from None

    def _rels(self, nama: str) -> list[dict[str, str]]:
        """Relasi di bagian ``nama`` (lihat :func:`_relasi`); ``KeyError`` bila tak ada."""
        data = self._baca(nama)
        if _prolog_aneh(data) and ada_dtd(data):
            raise GagalBaca("xml-tidak-aman", pesan_dtd(nama))
        return _relasi(data)

    # -- pemeriksaan paket ----------------------------------------------------------------
    def periksa(self) -> InfoBerkas:
        """Batas ukuran (zip bomb), jenis paket dan bagian workbook; lempar :class:`GagalBaca`."""
        daftar = self._zf.infolist()
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
        if "mimetype" in self._info or "meta-inf/manifest.xml" in self._info:
            self._opendocument()
        buku = self.bagian_buku()
        if buku is None:
            raise self._bukan_buku()
        if buku.endswith(".bin"):
            raise GagalBaca("format-xlsb", f"'{self.path.name}' berformat Excel Binary (.xlsb). "
                                           f"{_SIMPAN_XLSX}")
        if _kunci(buku).startswith(("word/", "ppt/", "visio/")):
            raise self._bukan_buku(buku)
        folder = buku.rpartition("/")[0]
        awalan = f"{folder}/externallinks/" if folder else "externallinks/"
        return InfoBerkas(
            makro=any(k.endswith("vbaproject.bin") for k in self._info),
            tautan_eksternal=sorted(i.filename.replace("\\", "/") for k, i in self._info.items()
                                    if k.startswith(awalan) and k.endswith(".xml")),
        )

    def bagian_buku(self) -> str | None:
        """Bagian workbook paket menurut standar OPC: target relasi ``officeDocument`` di
        ``_rels/.rels``; bila relasi itu tidak ada, ``xl/workbook.xml`` (atau ``.bin``)."""
        if self._buku is None:
            self._buku = self._cari_buku() or ""
        return self._buku or None

    def _cari_buku(self) -> str | None:
        try:
            rels = self._rels("_rels/.rels") if "_rels/.rels" in self._info else []
        except GagalBaca as g:
            if g.kode != "rusak":
                raise
            rels = []  # relasi paket rusak: kenali dari nama bagian saja
        for r in rels:
            if (r.get("Type") or "").endswith("/officeDocument"):
                target = _tujuan("", r.get("Target") or "")
                for t in (target, unquote(target)):
                    if _kunci(t) in self._info:
                        return self._info[_kunci(t)].filename.replace("\\", "/").lstrip("/")
        for k in ("xl/workbook.xml", "xl/workbook.bin"):
            if k in self._info:
                return self._info[k].filename.replace("\\", "/").lstrip("/")
        return None

    def _opendocument(self) -> None:
        """Paket OpenDocument (.ods, .odt, ...): lempar temuan yang menyebut jenisnya."""
        nama = self.path.name
        try:
            mime = self._baca("mimetype", 200).strip().decode("ascii", "replace")
        except KeyError:
            mime = ""
        try:
            manifest = self._baca("META-INF/manifest.xml", 1 << 20)
        except KeyError:
            manifest = b""
        if not mime:  # tanpa berkas mimetype: media-type dokumen di manifest
            m = re.search(rb'full-path="/"[^>]*?media-type="([^"]+)"', manifest) or re.search(
                rb'media-type="([^"]+)"[^>]*?full-path="/"', manifest)
            mime = m.group(1).decode("ascii", "replace") if m else ""
        if not mime.startswith("application/vnd.oasis.opendocument."):
            return
        jenis = mime.rsplit(".", 1)[-1]
        if jenis.startswith("spreadsheet"):
            if b"encryption-data" in manifest:
                raise GagalBaca("format-ods",
                                f"'{nama}' adalah spreadsheet OpenDocument (.ods) yang dilindungi "
                                "password (terenkripsi), bukan workbook Excel (.xlsx). Buka di "
                                "LibreOffice Calc dengan passwordnya, pilih Berkas > Simpan "
                                "Sebagai (File > Save As), jenis berkas \"Excel 2007-365 "
                                "(.xlsx)\", hapus centang \"Simpan dengan kata sandi\" (Save "
                                "with password), lalu kirim berkas .xlsx-nya.")
            raise GagalBaca("format-ods",
                            f"'{nama}' adalah spreadsheet OpenDocument (.ods, dari LibreOffice "
                            "Calc atau aplikasi sejenis), bukan workbook Excel (.xlsx) yang dibaca "
                            f"rapk-xl. {_SIMPAN_LO} Nama sheet dan header harus tetap seperti "
                            "template.")
        dokumen = {"text": "dokumen teks OpenDocument (.odt)",
                   "presentation": "presentasi OpenDocument (.odp)"}.get(
            jenis.split("-")[0], f"dokumen OpenDocument ({jenis})")
        raise GagalBaca("bukan-xlsx", f"'{nama}' adalah {dokumen}, bukan workbook Excel. Kirim "
                                      "workbook .xlsx dari template rapk-xl.")

    def _bukan_buku(self, utama: str | None = None) -> GagalBaca:
        """Paket zip tanpa bagian workbook: sebutkan apa isinya."""
        nama = self.path.name
        kunci = self._info
        if "encryptedpackage" in kunci:
            return GagalBaca("berkas-xls-atau-terenkripsi",
                             f"'{nama}' adalah workbook terenkripsi (dilindungi password). Buka di "
                             "Excel, hapus password (File > Info > Protect Workbook), lalu simpan "
                             "sebagai .xlsx.")
        utama = (utama or "").lower()
        for awalan, jenis in (("word/", "dokumen Word (.docx)"), ("ppt/", "presentasi PowerPoint "
                              "(.pptx)"), ("visio/", "gambar Visio (.vsdx)")):
            if utama.startswith(awalan) or any(k.startswith(awalan) for k in kunci):
                return GagalBaca("bukan-xlsx", f"'{nama}' adalah {jenis}, bukan workbook Excel. "
                                               "Kirim workbook .xlsx dari template rapk-xl.")
        buku = sorted(i.filename for k, i in kunci.items()
                      if k.endswith((".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".csv")))
        if buku:
            contoh = ", ".join(Path(b.replace("\\", "/")).name for b in buku[:3])
            lagi = f" dan {len(buku) - 3} lainnya" if len(buku) > 3 else ""
            return GagalBaca("bukan-xlsx", f"'{nama}' adalah arsip zip berisi {len(buku)} berkas "
                                           f"({contoh}{lagi}), bukan satu workbook. Ekstrak "
                                           "arsipnya dulu, lalu periksa workbook di dalamnya.")
        return GagalBaca("bukan-xlsx", f"'{nama}' adalah paket zip yang tidak memuat workbook "
                                       "Excel (tidak ada bagian workbook, mis. xl/workbook.xml). "
                                       "Kirim workbook .xlsx dari template rapk-xl.")

    def cari_dtd(self) -> str | None:
        """Nama bagian XML pertama yang memuat DTD/entitas, atau ``None`` (memeriksa seluruh isi
        setiap bagian XML: hanya dipakai setelah pembaca lain gagal)."""
        for k, i in self._info.items():
            if not k.endswith((".xml", ".rels", ".vml")):
                continue
            try:
                if ada_dtd(self._baca(k)):
                    return i.filename
            except GagalBaca:
                continue
        return None

    def cari_xml_rusak(self) -> str | None:
        """Nama bagian XML pertama yang tidak dapat diurai (relasi paket dan workbook dulu),
        atau ``None``; hanya dipakai setelah pembaca lain gagal."""
        penting = ["_rels/.rels", self.bagian_buku() or "xl/workbook.xml"]
        penting.append(_rels_dari(penting[1]))
        urut = [k for k in map(_kunci, penting) if k in self._info]
        urut += [k for k in self._info if k.endswith((".xml", ".rels")) and k not in urut]
        for k in urut:
            try:
                DET.fromstring(self._baca(k), forbid_dtd=True)
            except (DET.ParseError, DefusedXmlException):
                return self._info[k].filename
            except GagalBaca:
                return self._info[k].filename
        return None

    # -- sheet ----------------------------------------------------------------------------
    def peta_sheet(self) -> dict[str, str]:
        """Nama sheet → nama bagian XML-nya (mis. ``xl/worksheets/sheet3.xml``), untuk setiap
        sheet yang relasinya ditemukan (semua jenis sheet; lihat :meth:`jenis_sheet`)."""
        if self._peta is None:
            buku = self.bagian_buku() or "xl/workbook.xml"
            wb = self._xml(buku)
            if _lokal(wb.tag) != "workbook":  # mis. dokumen Word dengan nama workbook
                raise self._bukan_buku(buku)
            folder = buku.rpartition("/")[0]
            try:
                target = {r.get("Id"): (r.get("Type") or "", r.get("Target") or "")
                          for r in self._rels(_rels_dari(buku))}
            except KeyError:
                target = {}
            self._rels_buku = {tipe.rsplit("/", 1)[-1]: t for tipe, t in target.values() if t}
            peta, jenis = {}, {}
            for anak in wb:
                if _lokal(anak.tag) != "sheets":
                    continue
                for s in anak:
                    nama = s.get("name")
                    if _lokal(s.tag) != "sheet" or nama is None:
                        continue
                    rid = next((v for k, v in s.attrib.items()
                                if k.startswith("{") and _lokal(k) == "id"), None)
                    tipe, t = target.get(rid, ("", ""))
                    jenis[nama] = (tipe.rsplit("/", 1)[-1] if t else None,
                                   s.get("state") or "visible")
                    if t:
                        peta[nama] = _tujuan(folder, t)
            self._peta, self._jenis = peta, jenis
        return self._peta

    def jenis_sheet(self) -> dict[str, tuple[str | None, str]]:
        """Nama sheet → (jenis relasi ``worksheet``/``chartsheet``/``dialogsheet``/
        ``xlMacrosheet``/..., atau ``None`` bila relasinya tidak ada; ``state``)."""
        self.peta_sheet()
        return self._jenis

    def sheet_ditolak_calamine(self) -> list[str]:
        """Sheet yang membuat python-calamine menolak seluruh berkas: jenisnya tidak ia kenal
        (lembar makro Excel 4.0) atau relasinya tidak ada."""
        return [n for n, (j, _) in self.jenis_sheet().items() if j not in _DIBACA_CALAMINE]

    def _tempat_baku(self) -> dict[str, str]:
        """Bagian yang dicari python-calamine di nama tetap (``<folder>/workbook.xml``,
        ``sharedStrings.xml``, ``styles.xml``, relasi workbook) tetapi di paket ini bernama
        lain: nama baku → nama bagian sebenarnya. Kosong untuk paket biasa."""
        buku = self.bagian_buku() or "xl/workbook.xml"
        folder = buku.rpartition("/")[0]
        awal = f"{folder}/" if folder else ""
        hasil = {}
        if _kunci(buku) != _kunci(awal + "workbook.xml"):
            hasil[awal + "workbook.xml"] = buku
            if self.ada(_rels_dari(buku)):
                hasil[awal + "_rels/workbook.xml.rels"] = _rels_dari(buku)
        self.peta_sheet()
        for jenis, baku in (("sharedStrings", "sharedStrings.xml"), ("styles", "styles.xml")):
            t = self._rels_buku.get(jenis)
            t = _tujuan(folder, t) if t else None
            if t and self.ada(t) and _kunci(t) != _kunci(awal + baku):
                hasil[awal + baku] = t
        return hasil

    def perlu_salinan(self) -> bool:
        """python-calamine tidak dapat membaca paket ini apa adanya (lihat :meth:`salinan_baku`)."""
        return bool(self.sheet_ditolak_calamine() or self._tempat_baku())

    def salinan_baku(self) -> io.BytesIO:
        """Salinan paket di memori yang dapat dibaca python-calamine: tanpa entri ``<sheet>``
        untuk :meth:`sheet_ditolak_calamine`, dan bagian yang dicarinya di nama tetap disalin ke
        nama itu (:meth:`_tempat_baku`). Bagian lain disalin apa adanya (tanpa kompresi)."""
        buku = self.bagian_buku() or "xl/workbook.xml"
        xml = self._baca(buku)
        for nama in self.sheet_ditolak_calamine():
            for bentuk in dict.fromkeys((nama, _xml_escape(nama), _xml_escape(nama).replace(
                    "&apos;", "'"))):
                pola = (rb'<(?:[\w.-]+:)?sheet\b[^>]*?\bname=(["\'])' + re.escape(bentuk.encode())
                        + rb'\1[^>]*?(?:/>|>\s*</(?:[\w.-]+:)?sheet>)')
                xml, n = re.subn(pola, b"", xml, count=1)
                if n:
                    break
        isi = {}  # kunci → (nama di salinan, data): bagian yang ditulis ulang
        lewati = {_kunci(buku)}  # bagian asli yang tidak disalin (pindah nama)
        isi[_kunci(buku)] = (buku, xml)
        for baku, asli in self._tempat_baku().items():
            if asli == buku:
                isi.pop(_kunci(buku))
                isi[_kunci(baku)] = (baku, xml)
            else:
                isi[_kunci(baku)] = (baku, self._baca(asli))
                if baku.endswith("workbook.xml.rels"):
                    lewati.add(_kunci(asli))
        keluaran = io.BytesIO()
        with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_STORED) as z:
            for nama, data in isi.values():
                z.writestr(nama, data)
            for k, i in self._info.items():
                if k not in lewati and k not in isi:
                    z.writestr(i.filename, self._baca(i))
        keluaran.seek(0)
        return keluaran

    def tabel(self) -> list[tuple[str, str, str, int, int]]:
        """Definisi tabel Excel: (nama, sheet, ref "A5:Q31", baris header, baris total).

        Dibaca langsung dari ``xl/tables/*.xml`` lewat relasi tiap sheet: kecil dan tanpa
        membangun kisi sheet (python-calamine membangun kisi padat sheet untuk setiap tabel).
        """
        hasil = []
        for sheet, bagian in self.peta_sheet().items():
            folder = bagian.rpartition("/")[0]
            rels = _rels_dari(bagian)
            if not self.ada(rels):
                continue
            for r in self._rels(rels):
                if not (r.get("Type") or "").endswith("/table"):
                    continue
                jalur = _tujuan(folder, r.get("Target") or "")
                if not self.ada(jalur):
                    continue
                t = self._xml(jalur)
                nama = t.get("displayName") or t.get("name")
                ref = t.get("ref")
                if nama and ref:
                    hasil.append((nama, sheet, ref, int(t.get("headerRowCount", "1") or 1),
                                  int(t.get("totalsRowCount", "0") or 0)))
        return hasil

    def isi_sheet(self, sheet: str) -> bytes:
        """XML sheet; sheet yang memuat DTD/entitas ditolak (``xml-tidak-aman``)."""
        bagian = self.peta_sheet()[sheet]
        xml = self._baca(bagian)
        if _prolog_aneh(xml) and ada_dtd(xml[:1 << 16]):
            raise GagalBaca("xml-tidak-aman", pesan_dtd(bagian))
        return xml

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
    def sel_berisi(xml: bytes, alamat: set[str]) -> set[str]:
        """Alamat dari ``alamat`` yang selnya berisi nilai atau rumus (sel yang hanya bergaya
        tidak termasuk)."""
        if not alamat:
            return set()
        baris = [int(a.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) for a in alamat]
        awal, akhir = _potongan_baris(xml, min(baris), max(baris))
        ada = set(_SEL_BERISI.findall(xml, awal, akhir))
        return {a for a in alamat if a.encode() in ada}

    @staticmethod
    def sel_berumus(xml: bytes) -> set[str]:
        """Alamat sel yang berumus (cepat: tanpa teks rumusnya)."""
        return {a.decode() for a in _SEL_BERUMUS.findall(xml)}
