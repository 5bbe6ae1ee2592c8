"""Add-in Excel ``rapk_xl.xlam``: tab RAPK dengan tombol Validasi, dan fungsi =CAPAIAN() dst.

Dibangun dari template add-in ribbon milik xlwings sendiri (``quickstart_addin_ribbon.xlam``,
yang dipakai ``xlwings quickstart --addin --ribbon``). Kode VBA-nya tidak diubah sama sekali:

- tombol ribbon memanggil ``RibbonMyAddin.RunMain``, yang menjalankan
  ``import <nama berkas>; <nama berkas>.main()`` — berkas bernama ``rapk_xl.xlam`` sehingga
  yang dijalankan adalah :func:`rapk_xl.main`;
- konfigurasi add-in dibaca dari sheet ``myaddin.conf`` di dalam add-in (template
  menyimpannya nonaktif sebagai ``_myaddin.conf``); di sana ``UDF Modules`` diisi
  ``rapk_xl.udfs`` dan, bila diberikan, ``Interpreter_Win``/``Interpreter_Mac``.
"""
from __future__ import annotations

import os
import re
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

__all__ = ["NAMA_ADDIN", "MODUL_UDF", "RIBBON", "template_xlwings", "buat_addin",
           "folder_xlstart", "pasang_addin", "GagalAddin"]

NAMA_ADDIN = "rapk_xl.xlam"
MODUL_UDF = "rapk_xl.udfs"
SHEET_KONFIG_TEMPLATE = "_myaddin.conf"
SHEET_KONFIG = "myaddin.conf"  # nama yang dicari VBA xlwings: PROJECT_NAME & ".conf"

RIBBON = """<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui">
  <ribbon>
    <tabs>
      <tab id="rapkTab" label="RAPK">
        <group id="rapkPemeriksaan" label="Pemeriksaan">
          <button id="rapkValidasi" label="Validasi" size="large" imageMso="DataValidation"
                  onAction="RibbonMyAddin.RunMain"
                  screentip="Validasi workbook RAPK"
                  supertip="Periksa workbook yang sedang terbuka (termasuk perubahan yang belum disimpan). Hasilnya ditulis di sheet Validasi dengan tautan ke setiap sel yang bermasalah."/>
        </group>
      </tab>
    </tabs>
  </ribbon>
</customUI>
"""


class GagalAddin(Exception):
    def __init__(self, pesan: str):
        super().__init__(pesan)
        self.pesan = pesan


def template_xlwings() -> Path:
    """Template add-in ribbon yang dibawa paket xlwings terpasang."""
    import xlwings

    p = Path(xlwings.__file__).parent / "quickstart_addin_ribbon.xlam"
    if not p.exists():
        raise GagalAddin(f"Template add-in xlwings tidak ditemukan ({p}). Pasang ulang xlwings.")
    return p


def _isi_baris(sheet_xml: bytes, baris: int, nilai: str) -> bytes:
    """Isi kolom B baris ``baris`` sheet konfigurasi dengan teks ``nilai`` (inline string)."""
    pola = re.compile(rb'(<row r="%d"[^>]*>)(.*?)(</row>)' % baris, re.S)
    m = pola.search(sheet_xml)
    if not m:
        raise GagalAddin(f"Sheet konfigurasi template xlwings tidak berbentuk seperti yang "
                         f"diharapkan (baris {baris}).")
    isi = re.sub(rb'<c r="B%d"[^>]*?(/>|>.*?</c>)' % baris, b"", m.group(2), flags=re.S)
    sel = ('<c r="B%d" t="inlineStr"><is><t>%s</t></is></c>' % (baris, escape(nilai))).encode()
    kepala = re.sub(rb' spans="[^"]*"', b' spans="1:2"', m.group(1))
    return sheet_xml[:m.start()] + kepala + isi + sel + m.group(3) + sheet_xml[m.end():]


def buat_addin(path: str | Path, interpreter_win: str | None = None,
               interpreter_mac: str | None = None) -> Path:
    """Tulis add-in ke ``path`` (nama berkas harus ``rapk_xl.xlam``: tombolnya mengimpor
    modul Python bernama sama dengan berkas)."""
    path = Path(path)
    if path.name != NAMA_ADDIN:
        raise GagalAddin(f"Nama berkas add-in harus {NAMA_ADDIN} (tombol Validasi menjalankan "
                         "main() dari modul Python yang bernama sama dengan berkasnya).")
    sumber = template_xlwings()
    with zipfile.ZipFile(sumber) as z:
        bagian = {i: z.read(i.filename) for i in z.infolist()}
    baru = {}
    nama_sheet = None
    for info, isi in bagian.items():
        if info.filename == "customUI/customUI.xml":
            isi = RIBBON.encode("utf-8")
        elif info.filename == "xl/workbook.xml":
            if SHEET_KONFIG_TEMPLATE.encode() not in isi:
                raise GagalAddin("Template add-in xlwings tidak memuat sheet konfigurasi "
                                 f"'{SHEET_KONFIG_TEMPLATE}'.")
            isi = isi.replace(f'name="{SHEET_KONFIG_TEMPLATE}"'.encode(),
                              f'name="{SHEET_KONFIG}"'.encode())
            nama_sheet = SHEET_KONFIG
        elif info.filename == "xl/worksheets/sheet1.xml":
            isi = _isi_baris(isi, 6, MODUL_UDF)  # baris 6: UDF Modules
            if interpreter_win:
                isi = _isi_baris(isi, 1, interpreter_win)  # baris 1: Interpreter_Win
            if interpreter_mac:
                isi = _isi_baris(isi, 2, interpreter_mac)  # baris 2: Interpreter_Mac
        elif info.filename == "docProps/core.xml":
            isi = re.sub(rb"<dc:title>.*?</dc:title>", b"", isi)
            isi = isi.replace(b"</cp:coreProperties>",
                              b"<dc:title>rapk-xl: tab RAPK dan fungsi CAPAIAN/NPS/KRITERIA"
                              b"</dc:title></cp:coreProperties>")
        baru[info] = isi
    if nama_sheet is None:
        raise GagalAddin("Template add-in xlwings tidak lengkap (xl/workbook.xml).")
    path.parent.mkdir(parents=True, exist_ok=True)
    sementara = path.with_suffix(".tmp")
    with zipfile.ZipFile(sementara, "w", zipfile.ZIP_DEFLATED) as z:
        for info, isi in baru.items():
            z.writestr(info, isi)
    os.replace(sementara, path)
    return path


def folder_xlstart() -> Path | None:
    """Folder tempat Excel memuat add-in saat mulai (Windows, macOS); None di sistem lain."""
    if sys.platform.startswith("win"):
        appdata = os.environ.get("APPDATA")
        return Path(appdata) / "Microsoft" / "Excel" / "XLSTART" if appdata else None
    if sys.platform == "darwin":
        return (Path.home() / "Library" / "Group Containers" / "UBF8T346G9.Office"
                / "User Content.localized" / "Startup.localized" / "Excel")
    return None


def _interpreter_gui() -> str:
    """Python untuk add-in: di Windows pythonw.exe (tanpa jendela konsol) bila ada."""
    exe = Path(sys.executable)
    if sys.platform.startswith("win"):
        w = exe.with_name("pythonw.exe")
        return str(w if w.exists() else exe)
    return str(exe)


def pasang_addin() -> Path:
    """Bangun add-in untuk Python ini dan salin ke folder XLSTART Excel."""
    folder = folder_xlstart()
    if folder is None:
        raise GagalAddin("Add-in hanya dapat dipasang di Windows atau macOS (tempat Excel "
                         "berjalan). Di sistem ini jalankan `rapk-xl addin build`, lalu pasang "
                         "rapk_xl.xlam di komputer Windows/macOS dengan `rapk-xl addin install`.")
    folder.mkdir(parents=True, exist_ok=True)
    interp = _interpreter_gui()
    tujuan = folder / NAMA_ADDIN
    try:
        buat_addin(tujuan, interpreter_win=interp if sys.platform.startswith("win") else None,
                   interpreter_mac=interp if sys.platform == "darwin" else None)
    except PermissionError:
        raise GagalAddin(f"{tujuan} tidak dapat ditulis: tutup Excel dulu, lalu ulangi.") from None
    return tujuan
