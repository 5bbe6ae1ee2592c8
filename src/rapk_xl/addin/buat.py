"""Membangun ``rapk_xl.xlam`` dari template add-in ribbon xlwings yang terpasang.

Bagian paket Office (``[Content_Types].xml``, tema, gaya, relasi) dipakai apa adanya dari
template; yang ditulis ulang: ribbon (``customUI/customUI.xml``), nama dan isi sheet
konfigurasi, judul dokumen, dan proyek VBA (``xl/vbaProject.bin``, lihat :mod:`.vba`).
"""
from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from .ovba import OvbaRusak, baca_proyek, tulis_proyek
from .vba import NAMA_MODUL_RIBBON, NAMA_PROYEK, TOMBOL, GagalVba, proyek_addin, versi_xlwings_vba

__all__ = ["NAMA_ADDIN", "SHEET_KONFIG", "KONFIG_ADDIN", "GagalAddin", "template_xlwings",
           "ribbon_xml", "buat_addin", "isi_addin", "InfoAddin", "baca_info_addin"]

NAMA_ADDIN = "rapk_xl.xlam"
SHEET_KONFIG_TEMPLATE = "_myaddin.conf"
SHEET_KONFIG = f"{NAMA_PROYEK}.conf"   # dicari VBA xlwings: PROJECT_NAME & ".conf"
#: isi sheet konfigurasi add-in. Hanya kunci yang sama untuk semua komputer: kunci yang ada di
#: sheet (walau kosong) mengalahkan berkas konfigurasi pengguna, jadi Interpreter_Win dan
#: Use UDF Server sengaja tidak di sini melainkan di %USERPROFILE%\.rapk_xl\rapk_xl.conf.
KONFIG_ADDIN = (("UDF Modules", "rapk_xl.udfs"),)
#: tanggal tetap di docProps agar build berulang menghasilkan berkas yang sama persis
_WAKTU_ZIP = (2025, 1, 1, 0, 0, 0)


class GagalAddin(Exception):
    def __init__(self, pesan: str):
        super().__init__(pesan)
        self.pesan = pesan


def template_xlwings() -> Path:
    """Template add-in ribbon yang dibawa paket xlwings terpasang."""
    import xlwings

    p = Path(xlwings.__file__).parent / "quickstart_addin_ribbon.xlam"
    if not p.exists():
        raise GagalAddin(f"Template add-in xlwings tidak ditemukan ({p}). Pasang ulang xlwings: "
                         "python -m pip install --force-reinstall xlwings")
    return p


def ribbon_xml() -> str:
    """Tab RAPK: Pemeriksaan (Validasi, Hitung Ulang), Dokumen (Cetak PDF), Bantuan."""
    grup = {"Pemeriksaan": ("rapkValidasi", "rapkHitungUlang"), "Dokumen": ("rapkCetakPdf",),
            "Bantuan": ("rapkBantuan",)}
    tombol = {t[0]: t for t in TOMBOL}
    baris = ['<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui">',
             "  <ribbon>", "    <tabs>", '      <tab id="rapkTab" label="RAPK">']
    for k, (judul, ids) in enumerate(grup.items()):
        baris.append(f'        <group id="rapkGrup{k + 1}" label="{judul}">')
        for i in ids:
            _, label, prosedur, _, gambar, ket = tombol[i]
            baris.append(f'          <button id="{i}" label="{label}" size="large" '
                         f'imageMso="{gambar}" onAction="{NAMA_MODUL_RIBBON}.{prosedur}" '
                         f'screentip={quoteattr(label)} supertip={quoteattr(ket)}/>')
        baris.append("        </group>")
    baris += ["      </tab>", "    </tabs>", "  </ribbon>", "</customUI>", ""]
    return "\n".join(baris)


def _sheet_konfig(sheet_xml: bytes) -> bytes:
    """Sheet konfigurasi template dengan isi :data:`KONFIG_ADDIN` (teks inline)."""
    baris = "".join(
        f'<row r="{r}" spans="1:2"><c r="A{r}" s="1" t="inlineStr"><is><t>{escape(k)}</t></is>'
        f'</c><c r="B{r}" s="1" t="inlineStr"><is><t>{escape(v)}</t></is></c></row>'
        for r, (k, v) in enumerate(KONFIG_ADDIN, start=1))
    isi, n = re.subn(rb"<sheetData>.*?</sheetData>|<sheetData */>",
                     f"<sheetData>{baris}</sheetData>".encode(), sheet_xml, flags=re.S)
    if n != 1:
        raise GagalAddin("Sheet konfigurasi template xlwings tidak berbentuk seperti yang "
                         "diharapkan (sheetData).")
    isi = re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="A1:B{len(KONFIG_ADDIN)}"'.encode(),
                 isi)
    return isi


def isi_addin(sumber: Path | None = None) -> dict[str, bytes]:
    """Bagian-bagian paket add-in (nama bagian → isi), dari template ``sumber``."""
    sumber = sumber or template_xlwings()
    try:
        with zipfile.ZipFile(sumber) as z:
            bagian = {i.filename: z.read(i.filename) for i in z.infolist()}
    except (OSError, zipfile.BadZipFile) as e:
        raise GagalAddin(f"Template add-in xlwings tidak dapat dibaca ({sumber}): {e}") from None
    wajib = ("customUI/customUI.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml",
             "xl/vbaProject.bin", "docProps/core.xml")
    if any(b not in bagian for b in wajib):
        raise GagalAddin(f"Template add-in xlwings tidak lengkap ({sumber}).")
    bagian["customUI/customUI.xml"] = ribbon_xml().encode("utf-8")
    wb = bagian["xl/workbook.xml"]
    if f'name="{SHEET_KONFIG_TEMPLATE}"'.encode() not in wb:
        raise GagalAddin("Template add-in xlwings tidak memuat sheet konfigurasi "
                         f"'{SHEET_KONFIG_TEMPLATE}'.")
    wb = wb.replace(f'name="{SHEET_KONFIG_TEMPLATE}"'.encode(), f'name="{SHEET_KONFIG}"'.encode())
    # path folder pembuat template xlwings (absPath) tidak ikut dibawa
    wb = re.sub(rb"<mc:AlternateContent[^>]*><mc:Choice[^>]*><x15ac:absPath[^>]*/></mc:Choice>"
                rb"</mc:AlternateContent>", b"", wb)
    bagian["xl/workbook.xml"] = wb
    bagian["xl/worksheets/sheet1.xml"] = _sheet_konfig(bagian["xl/worksheets/sheet1.xml"])
    core = bagian["docProps/core.xml"]
    core = re.sub(rb"<dc:title>.*?</dc:title>|<dc:title */>",
                  b"<dc:title>rapk-xl: tab RAPK dan fungsi CAPAIAN, KRITERIA, NPS</dc:title>", core)
    core = re.sub(rb"<dc:creator>.*?</dc:creator>", b"<dc:creator>rapk-xl</dc:creator>", core)
    core = re.sub(rb"<cp:lastModifiedBy>.*?</cp:lastModifiedBy>",
                  b"<cp:lastModifiedBy>rapk-xl</cp:lastModifiedBy>", core)
    bagian["docProps/core.xml"] = core
    try:
        bagian["xl/vbaProject.bin"] = tulis_proyek(proyek_addin(bagian["xl/vbaProject.bin"]))
    except (GagalVba, OvbaRusak) as e:
        raise GagalAddin(getattr(e, "pesan", str(e))) from None
    return bagian


def buat_addin(path: str | Path, sumber: Path | None = None) -> Path:
    """Tulis add-in ke ``path`` (nama berkas harus ``rapk_xl.xlam``). Penulisan atomik:
    berkas lama tetap utuh bila gagal di tengah jalan."""
    path = Path(path)
    if path.name != NAMA_ADDIN:
        raise GagalAddin(f"Nama berkas add-in harus {NAMA_ADDIN} (nama proyek VBA dan sheet "
                         f"konfigurasinya {SHEET_KONFIG}).")
    bagian = isi_addin(sumber)
    path.parent.mkdir(parents=True, exist_ok=True)
    sementara = path.with_name(path.name + ".tmp")
    try:
        with zipfile.ZipFile(sementara, "w", zipfile.ZIP_DEFLATED) as z:
            for nama, isi in bagian.items():
                info = zipfile.ZipInfo(nama, _WAKTU_ZIP)
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, isi)
        os.replace(sementara, path)
    finally:
        if sementara.exists():
            sementara.unlink()
    return path


class InfoAddin:
    """Apa yang dibaca dari sebuah berkas add-in: nama proyek, modul, versi xlwings di VBA,
    fungsi UDF di modul xlwings_udfs."""

    def __init__(self, proyek, konfig: dict[str, str]):
        self.proyek = proyek
        self.konfig = konfig
        self.modul = {m.nama: m for m in proyek.modul}
        xl = self.modul.get("xlwings")
        self.versi_xlwings = versi_xlwings_vba(xl.sumber) if xl else None
        udf = self.modul.get("xlwings_udfs")
        self.fungsi = (re.findall(r"^Function (\w+)\(", udf.sumber, re.M) if udf else [])


def baca_info_addin(path: str | Path) -> InfoAddin:
    """Baca add-in ``path`` (proyek VBA dan sheet konfigurasi) tanpa Excel."""
    try:
        with zipfile.ZipFile(path) as z:
            proyek = baca_proyek(z.read("xl/vbaProject.bin"))
            sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile, OvbaRusak, ValueError) as e:
        raise GagalAddin(f"{path} bukan add-in rapk-xl yang dapat dibaca ({e}).") from None
    konfig = {}
    for baris in re.findall(r"<row [^>]*>(.*?)</row>", sheet, re.S):
        teks = re.findall(r"<t[^>]*>(.*?)</t>", baris, re.S)
        if len(teks) >= 2:
            konfig[teks[0]] = teks[1]
    return InfoAddin(proyek, konfig)
