"""Memasang add-in di komputer pengguna (Windows, macOS).

``rapk-xl addin install``:

1. membangun ``rapk_xl.xlam`` dari template xlwings yang terpasang — jadi DLL yang dideklarasikan
   VBA selalu versi xlwings yang terpasang — langsung ke folder startup Excel (XLSTART di
   Windows, folder Startup di macOS); Excel memuatnya sendiri saat mulai, dan XLSTART adalah
   lokasi tepercaya bawaan, sehingga tidak ada pengaturan Trust Center yang diubah;
2. menulis berkas konfigurasi pengguna yang dibaca VBA xlwings add-in ini
   (``%USERPROFILE%\\.rapk_xl\\rapk_xl.conf``; macOS: ``~/Library/Containers/
   com.microsoft.Excel/Data/rapk_xl.conf``): Python yang dipakai dan ``Use UDF Server``;
3. Windows: memastikan DLL xlwings ada di folder yang dicari VBA (folder interpreter atau
   induknya); pada pemasangan pip per pengguna DLL itu ada di ``%APPDATA%\\Python`` dan disalin;
4. macOS: menyalin AppleScript RunPython ``xlwings-<versi>.applescript`` ke
   ``~/Library/Application Scripts/com.microsoft.Excel`` (seperti ``xlwings runpython
   install``).

Semua path dihitung dari :class:`Lingkungan` sehingga logikanya dapat diuji di Linux dengan
HOME palsu.
"""
from __future__ import annotations

import os
import shutil
import site
import struct
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .buat import NAMA_ADDIN, GagalAddin, buat_addin

__all__ = ["XLWINGS_DIPATOK", "Lingkungan", "folder_startup", "berkas_konfig",
           "folder_applescript", "interpreter_addin", "folder_dll_vba", "nama_dll", "cari_dll",
           "baca_konfig", "tulis_konfig", "pasang_addin", "HasilPasang"]

#: versi xlwings yang dipatok pyproject.toml (tes memastikan keduanya sama)
XLWINGS_DIPATOK = "0.37.8"
#: nilai yang ditulis ke berkas konfigurasi pengguna selain interpreter
KONFIG_PENGGUNA = {"Use UDF Server": "True"}


@dataclass
class Lingkungan:
    """Fakta komputer yang menentukan letak berkas add-in."""

    platform: str = field(default_factory=lambda: sys.platform)
    home: Path = field(default_factory=Path.home)
    env: dict = field(default_factory=lambda: dict(os.environ))
    executable: Path = field(default_factory=lambda: Path(sys.executable))
    prefix: Path = field(default_factory=lambda: Path(sys.prefix))
    user_base: Path | None = field(
        default_factory=lambda: Path(site.USER_BASE) if site.USER_BASE else None)

    @property
    def windows(self) -> bool:
        return self.platform.startswith("win")

    @property
    def mac(self) -> bool:
        return self.platform == "darwin"


def folder_startup(l: Lingkungan) -> Path | None:
    """Folder yang dimuat Excel saat mulai; None bila sistem ini tidak menjalankan Excel."""
    if l.windows:
        appdata = l.env.get("APPDATA")
        return Path(appdata) / "Microsoft" / "Excel" / "XLSTART" if appdata else None
    if l.mac:
        return (l.home / "Library" / "Group Containers" / "UBF8T346G9.Office"
                / "User Content.localized" / "Startup.localized" / "Excel")
    return None


def berkas_konfig(l: Lingkungan) -> Path | None:
    """Berkas konfigurasi pengguna yang dibaca VBA add-in (``GetConfigFilePath`` xlwings
    dengan PROJECT_NAME = rapk_xl)."""
    if l.windows:
        profil = l.env.get("USERPROFILE") or str(l.home)
        return Path(profil) / ".rapk_xl" / "rapk_xl.conf"
    if l.mac:  # $HOME Excel yang di-sandbox
        return l.home / "Library" / "Containers" / "com.microsoft.Excel" / "Data" / "rapk_xl.conf"
    return None


def folder_applescript(l: Lingkungan) -> Path | None:
    if l.mac:
        return l.home / "Library" / "Application Scripts" / "com.microsoft.Excel"
    return None


def interpreter_addin(l: Lingkungan) -> Path:
    """Python untuk add-in: di Windows pythonw.exe (tanpa jendela konsol) bila ada."""
    if l.windows:
        w = l.executable.with_name("pythonw.exe")
        return w if w.exists() else l.executable
    return l.executable


def bit_python() -> int:
    return struct.calcsize("P") * 8


def nama_dll(versi: str, bit: int = 64) -> str:
    return f"xlwings{bit}-{versi}.dll"


def folder_dll_vba(interp: Path) -> list[Path]:
    """Folder tempat VBA xlwings mencari DLL (``XLPyLoadDLL``): folder interpreter
    (pemasangan biasa), lalu induknya (virtualenv: ``venv\\Scripts\\pythonw.exe`` → ``venv``)."""
    return [interp.parent, interp.parent.parent]


def cari_dll(l: Lingkungan, versi: str, bit: int = 64) -> tuple[Path | None, Path | None]:
    """(DLL di folder yang dicari VBA, DLL di tempat lain yang diketahui pip) — None bila
    tidak ada. pip menaruh DLL xlwings di ``sys.prefix``; pemasangan per pengguna di
    ``site.USER_BASE`` (``%APPDATA%\\Python``)."""
    nama = nama_dll(versi, bit)
    for f in folder_dll_vba(interpreter_addin(l)):
        if (f / nama).is_file():
            return f / nama, None
    for f in filter(None, (l.prefix, l.user_base)):
        if (f / nama).is_file():
            return None, f / nama
    return None, None


def baca_konfig(path: Path) -> dict[str, str]:
    """Berkas konfigurasi xlwings: baris ``"kunci","nilai"`` (format VBA ``Write #``)."""
    hasil: dict[str, str] = {}
    try:
        teks = path.read_text(encoding=_enc_konfig(), errors="replace")
    except OSError:
        return hasil
    for baris in teks.splitlines():
        bagian = baris.strip().split('","', 1)
        if len(bagian) == 2 and bagian[0].startswith('"') and bagian[1].endswith('"'):
            hasil[bagian[0][1:]] = bagian[1][:-1]
    return hasil


def _enc_konfig() -> str:
    # VBA "Input #" membaca dengan code page ANSI Windows
    return "mbcs" if sys.platform.startswith("win") else "utf-8"


def tulis_konfig(path: Path, nilai: dict[str, str]) -> None:
    """Tulis/ubah kunci di berkas konfigurasi; kunci lain (mis. yang diisi TI) dipertahankan.
    Kunci dibandingkan tanpa peka huruf besar, seperti ``GetConfigFromFile``."""
    lama = baca_konfig(path)
    baru = {k: v for k, v in lama.items() if k.lower() not in {x.lower() for x in nilai}}
    baru.update(nilai)
    for k, v in baru.items():
        if '"' in k or '"' in v:
            raise GagalAddin(f"Nilai konfigurasi tidak boleh memuat tanda kutip: {k}={v}")
    path.parent.mkdir(parents=True, exist_ok=True)
    sementara = path.with_name(path.name + ".tmp")
    sementara.write_text("".join(f'"{k}","{v}"\r\n' for k, v in baru.items()),
                         encoding=_enc_konfig())
    os.replace(sementara, path)


@dataclass
class HasilPasang:
    addin: Path
    konfig: Path
    langkah: list[str]      # apa yang dikerjakan, untuk ditampilkan
    peringatan: list[str]   # apa yang harus dilakukan pengguna/TI


def _versi_xlwings() -> str:
    import xlwings
    return xlwings.__version__


def _tutup_addin_di_excel() -> None:
    """Windows: tutup rapk_xl.xlam di Excel yang sedang berjalan agar berkasnya dapat ditulis
    (seperti ``xlwings addin install``). Gagal diam-diam: pesan tutup-Excel menyusul bila perlu."""
    try:
        import xlwings as xw
        for app in xw.apps:
            try:
                app.books[NAMA_ADDIN].close()
            except Exception:  # noqa: BLE001 — add-in tidak terbuka di app ini
                pass
    except Exception:  # noqa: BLE001
        pass


def pasang_addin(l: Lingkungan | None = None, sumber: Path | None = None) -> HasilPasang:
    """Pasang add-in untuk Python ini. Lihat docstring modul untuk langkahnya."""
    l = l or Lingkungan()
    folder = folder_startup(l)
    konfig = berkas_konfig(l)
    if folder is None or konfig is None:
        raise GagalAddin("Add-in hanya dapat dipasang di Windows atau macOS (tempat Excel "
                         "berjalan). Di sistem ini jalankan `rapk-xl addin build` atau "
                         "`rapk-xl addin paket`, lalu pasang di komputer Windows/macOS.")
    langkah, peringatan = [], []
    versi = _versi_xlwings()
    if versi != XLWINGS_DIPATOK:
        peringatan.append(
            f"xlwings {versi} terpasang, rapk-xl diuji dengan xlwings {XLWINGS_DIPATOK}. "
            f"Add-in dibangun untuk {versi} (DLL xlwings{bit_python()}-{versi}.dll). Bila tombol "
            f"atau fungsi tidak bekerja, jalankan: \"{l.executable}\" -m pip install "
            f"xlwings=={XLWINGS_DIPATOK}  lalu ulangi: \"{l.executable}\" -m rapk_xl addin install")
    if l.windows and sys.platform.startswith("win"):
        _tutup_addin_di_excel()
    tujuan = folder / NAMA_ADDIN
    try:
        folder.mkdir(parents=True, exist_ok=True)
        buat_addin(tujuan, sumber)
    except PermissionError:
        raise GagalAddin(f"{tujuan} tidak dapat ditulis: tutup Excel dulu (semua jendelanya), "
                         "lalu ulangi.") from None
    langkah.append(f"Add-in (VBA xlwings {versi}, fungsi CAPAIAN dst.) ditulis: {tujuan}")

    interp = interpreter_addin(l)
    kunci = "Interpreter_Win" if l.windows else "Interpreter_Mac"
    try:
        tulis_konfig(konfig, {kunci: str(interp), **KONFIG_PENGGUNA})
    except OSError as e:
        raise GagalAddin(f"Berkas konfigurasi {konfig} tidak dapat ditulis: {e.strerror}.") from None
    langkah.append(f"Konfigurasi ditulis: {konfig} ({kunci} = {interp})")

    if l.windows:
        for bit in (64, 32):
            di_vba, lain = cari_dll(l, versi, bit)
            if di_vba or not lain:
                continue
            target = folder_dll_vba(interp)[0] / lain.name
            try:
                shutil.copy2(lain, target)
                langkah.append(f"DLL xlwings disalin dari {lain.parent} ke {target.parent} "
                               "(pemasangan pip per pengguna)")
            except OSError:
                peringatan.append(
                    f"{lain.name} ada di {lain.parent} (pemasangan pip per pengguna), padahal "
                    f"add-in mencarinya di {target.parent}, yang tidak dapat ditulis. Jalankan "
                    "pasang.bat dari paket rapk-xl (memasang di lingkungan Python tersendiri), "
                    f"atau salin {lain} ke {target.parent} sebagai administrator.")
        if not any(cari_dll(l, versi, bit)[0] or cari_dll(l, versi, bit)[1] for bit in (64, 32)):
            peringatan.append(f"DLL xlwings ({nama_dll(versi)}) tidak ditemukan. Pasang ulang "
                              f"xlwings: \"{l.executable}\" -m pip install --force-reinstall "
                              f"xlwings=={versi}")
    if l.mac:
        import xlwings
        skrip = Path(xlwings.__file__).parent / f"xlwings-{versi}.applescript"
        f_skrip = folder_applescript(l)
        try:
            f_skrip.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(skrip, f_skrip / skrip.name)
            langkah.append(f"AppleScript RunPython disalin: {f_skrip / skrip.name}")
        except OSError as e:
            peringatan.append(f"AppleScript RunPython tidak dapat disalin ke {f_skrip}: "
                              f"{e.strerror or e}. Tombol RAPK tidak akan bekerja di macOS.")
    return HasilPasang(tujuan, konfig, langkah, peringatan)
