"""``rapk-xl addin cek``: diagnosis semua yang dibutuhkan add-in di komputer ini.

Setiap baris: status (``ok`` / ``perlu`` = ada yang harus dilakukan / ``info`` = tidak berlaku
di sistem ini atau sekadar keterangan), apa yang diperiksa, dan temuan atau langkahnya.
"""
from __future__ import annotations

import platform
import sys
from dataclasses import dataclass
from pathlib import Path

from .buat import NAMA_ADDIN, SHEET_KONFIG, GagalAddin, baca_info_addin
from .pasang import (XLWINGS_DIPATOK, Lingkungan, baca_konfig, berkas_konfig, bit_python,
                     cari_dll, folder_applescript, folder_dll_vba, folder_startup,
                     interpreter_addin, nama_dll)
from .vba import MODUL_UDF, NAMA_MODUL_RIBBON, NAMA_PROYEK, TOMBOL

__all__ = ["Baris", "periksa", "bit_excel"]

FUNGSI = ("CAPAIAN", "KRITERIA", "NPS", "NPS_UNIT", "BOBOT", "EFISIENSI")
PYTHON_MIN = (3, 11)


@dataclass
class Baris:
    status: str   # "ok" | "perlu" | "info"
    hal: str
    teks: str


def bit_excel() -> tuple[int | None, str]:
    """Bit Excel dari registry Windows: (64/32/None, sumber keterangannya)."""
    if not sys.platform.startswith("win"):
        return None, "bukan Windows"
    import winreg

    def baca(akar, kunci, nilai, tampilan=0):
        try:
            with winreg.OpenKey(akar, kunci, 0, winreg.KEY_READ | tampilan) as k:
                return winreg.QueryValueEx(k, nilai)[0]
        except OSError:
            return None

    hklm = winreg.HKEY_LOCAL_MACHINE
    for tampilan in (winreg.KEY_WOW64_64KEY, winreg.KEY_WOW64_32KEY):
        p = baca(hklm, r"SOFTWARE\Microsoft\Office\ClickToRun\Configuration", "Platform",
                 tampilan)
        if p:
            return (64 if str(p).lower() == "x64" else 32), "Click-to-Run (Platform)"
    for versi in ("16.0", "15.0", "14.0"):
        for tampilan in (winreg.KEY_WOW64_64KEY, winreg.KEY_WOW64_32KEY):
            b = baca(hklm, rf"SOFTWARE\Microsoft\Office\{versi}\Outlook", "Bitness", tampilan)
            if b:
                return (64 if str(b).lower() == "x64" else 32), f"Office {versi} (Bitness)"
    jalur = baca(hklm, r"SOFTWARE\Microsoft\Windows\CurrentVersion\App Paths\excel.exe", "")
    if jalur:
        return (32 if "(x86)" in str(jalur) else 64), f"letak excel.exe ({jalur})"
    return None, "tidak tercatat di registry"


def periksa(l: Lingkungan | None = None) -> list[Baris]:
    l = l or Lingkungan()
    hasil: list[Baris] = []
    tambah = lambda s, h, t: hasil.append(Baris(s, h, t))  # noqa: E731

    # 1. Python
    v = sys.version_info
    teks = f"{platform.python_version()} {bit_python()}-bit, {l.executable}"
    if (v.major, v.minor) >= PYTHON_MIN:
        tambah("ok", "Python", teks)
    else:
        tambah("perlu", "Python", f"{teks}: perlu Python {PYTHON_MIN[0]}.{PYTHON_MIN[1]} atau "
                                  "lebih baru (python.org), lalu jalankan pasang.bat lagi.")
    interp = interpreter_addin(l)
    if l.windows:
        if interp.name.lower() == "pythonw.exe":
            tambah("ok", "Python untuk add-in", str(interp))
        else:
            tambah("perlu", "Python untuk add-in", f"pythonw.exe tidak ada di samping {l.executable}; "
                   "tombol akan membuka jendela konsol. Pasang Python dari python.org.")

    # 2. xlwings dan DLL-nya
    try:
        import xlwings
        versi = xlwings.__version__
    except ImportError:
        versi = None
    if versi is None:
        tambah("perlu", "xlwings", f"tidak terpasang: \"{l.executable}\" -m pip install "
               f"xlwings=={XLWINGS_DIPATOK}")
    elif versi != XLWINGS_DIPATOK:
        tambah("perlu", "xlwings", f"{versi} terpasang, rapk-xl memakai {XLWINGS_DIPATOK}: "
               f"\"{l.executable}\" -m pip install xlwings=={XLWINGS_DIPATOK}  lalu  "
               f"\"{l.executable}\" -m rapk_xl addin install")
    else:
        tambah("ok", "xlwings", versi)
    excel_bit, sumber_bit = bit_excel()
    if l.windows and versi:
        bits = [excel_bit] if excel_bit else [64, 32]
        for bit in bits:
            di_vba, lain = cari_dll(l, versi, bit)
            nama = nama_dll(versi, bit)
            folder = " atau ".join(str(f) for f in folder_dll_vba(interp))
            if di_vba:
                tambah("ok", f"DLL xlwings {bit}-bit", str(di_vba))
            elif lain:
                tambah("perlu", f"DLL xlwings {bit}-bit", f"{nama} ada di {lain.parent}, "
                       f"tetapi add-in mencarinya di {folder}: jalankan "
                       f"\"{l.executable}\" -m rapk_xl addin install")
            elif excel_bit:
                tambah("perlu", f"DLL xlwings {bit}-bit", f"{nama} tidak ada di {folder}: "
                       f"\"{l.executable}\" -m pip install --force-reinstall xlwings=={versi}")
    elif versi:
        tambah("info", "DLL xlwings", "hanya dipakai Excel di Windows (tidak berlaku di sini)")

    # 3. Excel
    if l.windows:
        if excel_bit:
            tambah("ok", "Excel", f"{excel_bit}-bit ({sumber_bit})")
        else:
            tambah("info", "Excel", f"bit Excel tidak dapat dibaca: {sumber_bit}")
    elif not l.mac:
        tambah("info", "Excel", f"tidak ada Excel di {platform.system() or sys.platform}: "
               "add-in dipasang di komputer Windows/macOS (rapk-xl addin paket)")

    # 4. add-in
    folder = folder_startup(l)
    if folder is None:
        akar = Path(__file__).resolve().parents[3] / "templates" / NAMA_ADDIN
        addin = akar if akar.is_file() else None
        if addin is None:
            tambah("info", "Add-in", "tidak ada folder startup Excel di sistem ini")
    else:
        addin = folder / NAMA_ADDIN
        if not addin.is_file():
            tambah("perlu", "Add-in", f"{addin} belum ada: tutup Excel lalu jalankan "
                   f"\"{l.executable}\" -m rapk_xl addin install (atau pasang.bat)")
            addin = None
    if addin is not None:
        try:
            info = baca_info_addin(addin)
        except GagalAddin as e:
            tambah("perlu", "Add-in", f"{e.pesan} Pasang ulang: \"{l.executable}\" -m rapk_xl "
                   "addin install")
            info = None
        if info is not None:
            tambah("ok" if info.proyek.nama == NAMA_PROYEK else "perlu", "Add-in",
                   f"{addin} (proyek VBA {info.proyek.nama})")
            kurang = [f for f in FUNGSI if f not in info.fungsi]
            if kurang:
                tambah("perlu", "Fungsi di add-in", f"tidak ada: {', '.join(kurang)}. Pasang "
                       f"ulang: \"{l.executable}\" -m rapk_xl addin install")
            else:
                tambah("ok", "Fungsi di add-in", ", ".join(FUNGSI) + f" (modul {MODUL_UDF})")
            ribbon = info.modul.get(NAMA_MODUL_RIBBON)
            hilang = [t[1] for t in TOMBOL if not ribbon or f"Sub {t[2]}(" not in ribbon.sumber]
            tambah("perlu" if hilang else "ok", "Tombol ribbon",
                   f"tidak ada: {', '.join(hilang)}" if hilang else
                   ", ".join(t[1] for t in TOMBOL))
            if versi and info.versi_xlwings != versi:
                tambah("perlu", "Versi VBA add-in", f"add-in memakai DLL xlwings "
                       f"{info.versi_xlwings}, terpasang {versi}: jalankan \"{l.executable}\" "
                       "-m rapk_xl addin install (membangun ulang untuk versi terpasang)")
            elif versi:
                tambah("ok", "Versi VBA add-in", f"xlwings {info.versi_xlwings} = terpasang")
            if info.konfig.get("UDF Modules") != MODUL_UDF:
                tambah("perlu", f"Sheet {SHEET_KONFIG}", f"UDF Modules bukan {MODUL_UDF}")

    # 5. konfigurasi pengguna
    konfig = berkas_konfig(l)
    if konfig is not None:
        isi = baca_konfig(konfig)
        kunci = "interpreter_win" if l.windows else "interpreter_mac"
        nilai = {k.lower(): v for k, v in isi.items()}.get(kunci)
        if not konfig.is_file():
            tambah("perlu", "Konfigurasi", f"{konfig} belum ada: jalankan \"{l.executable}\" "
                   "-m rapk_xl addin install")
        elif not nilai or not Path(nilai).is_file():
            tambah("perlu", "Konfigurasi", f"{konfig}: Python '{nilai or ''}' tidak ada; "
                   f"jalankan \"{l.executable}\" -m rapk_xl addin install")
        else:
            tambah("ok", "Konfigurasi", f"{konfig} (Python {nilai})")

    # 6. macOS: AppleScript RunPython
    f_skrip = folder_applescript(l)
    if f_skrip is not None and versi:
        skrip = f_skrip / f"xlwings-{versi}.applescript"
        if skrip.is_file():
            tambah("ok", "AppleScript RunPython", str(skrip))
        else:
            tambah("perlu", "AppleScript RunPython", f"{skrip} belum ada: jalankan "
                   f"\"{l.executable}\" -m rapk_xl addin install")
    return hasil
