"""Modul VBA add-in rapk_xl: dari template add-in ribbon xlwings, dengan identitas sendiri.

Yang dipakai dari template xlwings (``quickstart_addin_ribbon.xlam`` paket xlwings yang
terpasang) apa adanya: modul ``xlwings`` (RunPython, pemanggil UDF, konfigurasi), kelas
``Dictionary``, modul dokumen ``ThisWorkbook`` dan sheet konfigurasi. Yang diubah hanya yang
menyangkut identitas:

- ``PROJECT_NAME`` di modul xlwings: ``"myaddin"`` → ``"rapk_xl"`` (sheet konfigurasi
  ``rapk_xl.conf``, berkas konfigurasi ``%USERPROFILE%\\.rapk_xl\\rapk_xl.conf``);
- modul ribbon ``RibbonMyAddin`` diganti ``RibbonRapk`` (empat tombol, masing-masing
  menjalankan satu fungsi ``rapk_xl.ribbon``);
- modul ``xlwings_udfs`` ditambahkan: dihasilkan oleh generator xlwings sendiri
  (``xlwings.udfs.generate_vba_wrapper``) dari ``rapk_xl.udfs``, seperti yang dilakukan
  ``ImportPythonUDFs`` di Excel — tetapi saat add-in dibangun, sehingga pengguna tidak perlu
  editor VBA.
"""
from __future__ import annotations

import importlib.util
import io
import re
import sys
import types
from contextlib import contextmanager

from .ovba import Modul, ProyekVba, baca_proyek

__all__ = ["NAMA_PROYEK", "MODUL_UDF", "TOMBOL", "modul_udf", "modul_ribbon", "proyek_addin",
           "versi_xlwings_vba", "GagalVba", "fungsi_udf"]

NAMA_PROYEK = "rapk_xl"
MODUL_UDF = "rapk_xl.udfs"
NAMA_MODUL_RIBBON = "RibbonRapk"

#: tombol ribbon: (id, label, prosedur VBA, perintah Python, imageMso, keterangan)
TOMBOL = (
    ("rapkValidasi", "Validasi", "Validasi", "validasi", "DataValidation",
     "Periksa workbook yang sedang terbuka (termasuk perubahan yang belum disimpan). Hasilnya "
     "di sheet Validasi dengan tautan ke setiap sel yang bermasalah."),
    ("rapkHitungUlang", "Hitung Ulang", "HitungUlang", "hitung_ulang", "CalculateNow",
     "Hitung ulang semua rumus, termasuk fungsi CAPAIAN, KRITERIA dan NPS di sheet Capaian."),
    ("rapkCetakPdf", "Cetak PDF", "CetakPdf", "cetak_pdf", "FileSaveAsPdfOrXps",
     "Buat RAPK dalam tata letak dokumen resmi (xlsx dan PDF) di folder workbook ini."),
    ("rapkBantuan", "Bantuan", "Bantuan", "bantuan", "Help",
     "Buka petunjuk rapk-xl: langkah pemasangan, arti setiap tombol dan fungsi."),
)


class GagalVba(Exception):
    def __init__(self, pesan: str):
        super().__init__(pesan)
        self.pesan = pesan


# ---------------------------------------------------------------- generator UDF xlwings


@contextmanager
def _xlwings_udfs():
    """Modul ``xlwings.udfs`` yang asli.

    Di Windows modul itu diimpor apa adanya (pywin32 terpasang). Di sistem lain ia tidak
    dapat diimpor karena baris ``import pythoncom``/``pywintypes``/``win32com.client``; hanya
    ketiga modul itu yang diganti modul kosong selama impor, lalu semuanya dilepas lagi dari
    ``sys.modules`` (tidak ada yang memanggil COM: generator hanya menulis teks).
    """
    ganti: dict[str, types.ModuleType] = {}
    try:
        import pythoncom  # noqa: F401
    except ImportError:
        pc = types.ModuleType("pythoncom")
        pc.CoInitialize = lambda: None
        pt = types.ModuleType("pywintypes")
        pt.com_error = type("com_error", (Exception,), {})
        w32 = types.ModuleType("win32com")
        w32c = types.ModuleType("win32com.client")
        w32c.Dispatch = None
        w32.client = w32c
        ganti = {"pythoncom": pc, "pywintypes": pt, "win32com": w32, "win32com.client": w32c}
    if not ganti:  # Windows: modul asli, tanpa pengganti
        import xlwings.udfs as xu
        yield xu
        return
    lama = {k: sys.modules.get(k) for k in [*ganti, "xlwings.udfs"]}
    sys.modules.update(ganti)
    sys.modules.pop("xlwings.udfs", None)
    try:
        import xlwings.udfs as xu
        yield xu
    finally:
        import xlwings
        if "xlwings.udfs" in sys.modules:
            sys.modules["xlwings.udfs"].com_executor.shutdown(wait=False)
        for k, v in lama.items():
            if v is None:
                sys.modules.pop(k, None)
            else:
                sys.modules[k] = v
        if lama["xlwings.udfs"] is None and hasattr(xlwings, "udfs"):
            del xlwings.udfs


def fungsi_udf(xu) -> types.ModuleType:
    """``rapk_xl.udfs`` dimuat ulang dengan dekorator UDF xlwings yang asli (``xlfunc``,
    ``xlarg``, ``xlret``): sama dengan yang terjadi di Windows, tempat ``xw.func`` adalah
    ``xlwings.udfs.xlfunc``. Di sistem lain ``xw.func`` tidak berbuat apa-apa, jadi modul
    dimuat sebagai salinan tersendiri (``rapk_xl.udfs`` di ``sys.modules`` tidak disentuh)."""
    import xlwings

    from .. import udfs as asli

    spec = importlib.util.spec_from_file_location(MODUL_UDF, asli.__file__)
    modul = importlib.util.module_from_spec(spec)
    modul.__package__ = "rapk_xl"
    simpan = (xlwings.func, xlwings.arg, xlwings.ret)
    xlwings.func, xlwings.arg, xlwings.ret = xu.xlfunc, xu.xlarg, xu.xlret
    try:
        spec.loader.exec_module(modul)
    finally:
        xlwings.func, xlwings.arg, xlwings.ret = simpan
    return modul


class _BukuAddin:
    """Satu-satunya yang dibaca generator dari workbook: namanya (``.xlam`` → fungsi memakai
    ``ActiveWorkbook``, seperti add-in)."""

    Name = "rapk_xl.xlam"


def _keterangan_vba(teks: str) -> str:
    return teks.replace('"', "'").replace("\r", " ").replace("\n", " ")


def modul_udf(dengan_keterangan: bool = True) -> tuple[str, dict[str, dict]]:
    """Teks modul ``xlwings_udfs`` dan metadata tiap fungsi (``__xlfunc__`` xlwings).

    Kepala modul sama dengan yang ditulis ``xlwings.udfs.import_udfs``; isi fungsi dari
    ``generate_vba_wrapper``. Dengan ``dengan_keterangan``, keterangan fungsi (docstring,
    yang oleh ``import_udfs`` dikirim ke ``Application.MacroOptions``) disimpan sebagai
    atribut ``VB_Description`` tiap fungsi — bentuk yang sama dengan modul yang diekspor dari
    editor VBA — sehingga tampil di dialog Insert Function.
    """
    with _xlwings_udfs() as xu:
        modul = fungsi_udf(xu)
        buf = io.StringIO()
        vba = xu.VBAWriter(buf)
        vba.writeln('Attribute VB_Name = "xlwings_udfs"')
        vba.writeln("'Autogenerated code by xlwings - changes will be lost with next import!")
        vba.writeln("""#Const App = "Microsoft Excel" 'Adjust when using outside of Excel""")
        xu.generate_vba_wrapper(MODUL_UDF, modul, buf, _BukuAddin())
    meta = {nama: getattr(modul, nama).__xlfunc__ for nama in dir(modul)
            if hasattr(getattr(modul, nama), "__xlfunc__")}
    teks = buf.getvalue()
    if not meta:
        raise GagalVba("Generator xlwings tidak menemukan fungsi di rapk_xl.udfs.")
    if dengan_keterangan:
        baris = []
        for b in teks.splitlines():
            baris.append(b)
            m = re.match(r"(?:Function|Sub) (\w+)\(", b)
            if m and m.group(1) in meta:
                doc = _keterangan_vba(meta[m.group(1)]["ret"]["doc"])[:255]
                baris.append(f'Attribute {m.group(1)}.VB_Description = "{doc}"')
        teks = "\r\n".join(baris) + "\r\n"
    else:
        teks = teks.replace("\r\n", "\n").replace("\n", "\r\n")
    return teks, meta


# ---------------------------------------------------------------- modul ribbon dan xlwings


def modul_ribbon() -> str:
    """Modul ``RibbonRapk``: satu prosedur per tombol, masing-masing RunPython satu fungsi
    ``rapk_xl.ribbon`` (pola yang sama dengan ``RunMain`` template xlwings)."""
    baris = [f'Attribute VB_Name = "{NAMA_MODUL_RIBBON}"',
             "' Tombol tab RAPK. Setiap tombol menjalankan satu fungsi Python di rapk_xl.ribbon",
             "' lewat RunPython xlwings (modul xlwings di add-in ini).", ""]
    for _, label, prosedur, fungsi, _, _ in TOMBOL:
        baris += [f"Sub {prosedur}(control As IRibbonControl)",
                  f"    ' {label}",
                  f'    RunPython "import rapk_xl.ribbon; rapk_xl.ribbon.{fungsi}()"',
                  "End Sub", ""]
    return "\r\n".join(baris)


_POLA_NAMA = re.compile(r'^(Public Const PROJECT_NAME As String = )"([^"]*)"', re.M)
_POLA_VERSI = re.compile(r'^Public Const XLWINGS_VERSION As String = "([^"]+)"', re.M)


def versi_xlwings_vba(sumber: str) -> str | None:
    m = _POLA_VERSI.search(sumber)
    return m.group(1) if m else None


def _ubah_modul_xlwings(sumber: str) -> str:
    if len(_POLA_NAMA.findall(sumber)) != 1 or versi_xlwings_vba(sumber) is None:
        raise GagalVba("Modul VBA xlwings di template tidak berbentuk seperti yang diharapkan "
                       "(PROJECT_NAME/XLWINGS_VERSION). Pasang versi xlwings yang ditetapkan "
                       "rapk-xl: python -m pip install --force-reinstall rapk-xl")
    return _POLA_NAMA.sub(rf'\1"{NAMA_PROYEK}"', sumber)


def proyek_addin(vba_template: bytes) -> ProyekVba:
    """Proyek VBA add-in: modul template xlwings + ribbon RAPK + UDF."""
    sumber = baca_proyek(vba_template)
    modul: list[Modul] = []
    ada = {m.nama for m in sumber.modul}
    for nama in ("xlwings", "Dictionary", "ThisWorkbook"):
        if nama not in ada:
            raise GagalVba(f"Template add-in xlwings tidak memuat modul VBA '{nama}'.")
    for m in sumber.modul:
        if m.jenis == "modul" and m.nama.lower().startswith("ribbon"):
            continue  # diganti modul ribbon RAPK
        if m.nama == "xlwings":
            m = Modul(m.nama, _ubah_modul_xlwings(m.sumber), m.jenis)
        modul.append(m)
    modul.append(Modul(NAMA_MODUL_RIBBON, modul_ribbon(), "modul"))
    modul.append(Modul("xlwings_udfs", modul_udf()[0], "modul"))
    return ProyekVba(NAMA_PROYEK, modul, sumber.kode_halaman, sumber.info, sumber.project_teks)
