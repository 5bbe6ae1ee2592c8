"""``rapk-xl addin paket -o DIR``: paket luring untuk komputer Windows tanpa internet.

Isi folder::

    DIR/
      pasang.bat          klik dua kali: pasang dari folder ini saja, lalu addin install
      BACA-SAYA.txt       petunjuk singkat untuk TI
      rapk_xl.xlam        add-in (untuk diperiksa; pasang.bat membangunnya ulang di tempat)
      wheels/             wheel rapk-xl + wheel Windows (win_amd64) semua dependensinya,
                          untuk setiap versi Python yang didukung

``pip download --platform win_amd64`` menilai penanda lingkungan (``platform_system ==
"Windows"``) menurut mesin yang mengunduh, bukan Windows: di Linux dependensi khusus Windows
(pywin32 untuk xlwings, colorama untuk click) terlewat. Karena itu penutupan dependensi
dihitung ulang di sini dengan penanda Windows dan yang kurang diunduh sampai lengkap.

``pasang.bat`` membuat lingkungan Python tersendiri (``%LOCALAPPDATA%\\rapk-xl\\python``):
tidak perlu hak administrator, skrip tidak perlu ada di PATH (semua lewat
``python -m rapk_xl``), dan DLL xlwings berada di folder yang dicari VBA add-in (induk folder
``Scripts``) — masalah pemasangan pip per pengguna (``%APPDATA%\\Python``) tidak muncul.
"""
from __future__ import annotations

import email.parser
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from packaging.requirements import Requirement
from packaging.tags import Tag, compatible_tags, cpython_tags
from packaging.utils import canonicalize_name, parse_wheel_filename

from .buat import NAMA_ADDIN, GagalAddin, buat_addin

__all__ = ["PYTHON_DIDUKUNG", "buat_paket", "HasilPaket", "lingkungan_windows",
           "tag_windows", "wheel_cocok", "PASANG_BAT", "GagalPaket"]

#: xlwings 0.37.8 memerlukan Python >= 3.11
PYTHON_DIDUKUNG = ("3.11", "3.12", "3.13", "3.14")
PLATFORM = "win_amd64"


class GagalPaket(GagalAddin):
    pass


def lingkungan_windows(py: str) -> dict[str, str]:
    """Nilai penanda PEP 508 untuk CPython ``py`` 64-bit di Windows."""
    return {"os_name": "nt", "sys_platform": "win32", "platform_system": "Windows",
            "platform_machine": "AMD64", "platform_release": "10", "platform_version": "10.0",
            "platform_python_implementation": "CPython", "implementation_name": "cpython",
            "implementation_version": f"{py}.0", "python_version": py,
            "python_full_version": f"{py}.0", "extra": ""}


def tag_windows(py: str) -> set[Tag]:
    mayor, minor = (int(x) for x in py.split("."))
    versi = (mayor, minor)
    return set(cpython_tags(versi, platforms=[PLATFORM])) | set(
        compatible_tags(versi, interpreter=f"cp{mayor}{minor}", platforms=[PLATFORM]))


def wheel_cocok(nama_berkas: str, py: str) -> bool:
    _, _, _, tags = parse_wheel_filename(nama_berkas)
    return bool(tags & tag_windows(py))


def _metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as z:
        nama = next(n for n in z.namelist()
                    if n.count("/") == 1 and n.endswith(".dist-info/METADATA"))
        return email.parser.Parser().parsestr(z.read(nama).decode("utf-8", "replace"))


def kebutuhan_windows(wheel: Path, py: str) -> list[Requirement]:
    """Requires-Dist wheel yang berlaku di Windows untuk Python ``py`` (tanpa extra)."""
    env = lingkungan_windows(py)
    hasil = []
    for teks in _metadata(wheel).get_all("Requires-Dist") or []:
        r = Requirement(teks)
        if r.marker is None or r.marker.evaluate(env):
            hasil.append(r)
    return hasil


def kurang(folder: Path, akar: list[Requirement], py: str) -> list[Requirement]:
    """Kebutuhan (dari ``akar`` dan semua wheel yang terpenuhi) yang belum ada wheel-nya
    untuk ``py`` di ``folder``."""
    ada: dict[str, list[tuple[str, Path]]] = {}
    for w in folder.glob("*.whl"):
        if wheel_cocok(w.name, py):
            nama, versi, _, _ = parse_wheel_filename(w.name)
            ada.setdefault(canonicalize_name(nama), []).append((str(versi), w))
    hasil, antre, dilihat = [], list(akar), set()
    while antre:
        r = antre.pop()
        kunci = (canonicalize_name(r.name), str(r.specifier))
        if kunci in dilihat:
            continue
        dilihat.add(kunci)
        cocok = [w for v, w in ada.get(kunci[0], []) if r.specifier.contains(v, prereleases=True)]
        if not cocok:
            hasil.append(r)
            continue
        antre.extend(kebutuhan_windows(max(cocok, key=lambda p: p.name), py))
    return hasil


def _pip(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pip", *args], capture_output=True, text=True,
                          cwd=cwd, check=False)


def _akar_sumber() -> Path | None:
    """Folder sumber rapk-xl (berisi pyproject.toml) bila paket dipasang dari sumber."""
    akar = Path(__file__).resolve().parents[3]
    py = akar / "pyproject.toml"
    if py.is_file() and 'name = "rapk-xl"' in py.read_text(encoding="utf-8"):
        return akar
    return None


def _kunci_versi() -> list[str]:
    """Versi dependensi yang terpasang di lingkungan ini (yang diuji), sebagai batasan pip."""
    from importlib.metadata import PackageNotFoundError, distributions, version

    hasil = []
    nama = {canonicalize_name(d.metadata["Name"]) for d in distributions() if d.metadata["Name"]}
    for n in sorted(nama):
        if n in ("rapk-xl", "pip", "setuptools", "wheel"):
            continue
        try:
            hasil.append(f"{n}=={version(n)}")
        except PackageNotFoundError:
            pass
    return hasil


@dataclass
class HasilPaket:
    folder: Path
    wheel_rapk: Path
    wheels: list[Path]
    python: tuple[str, ...]
    catatan: list[str] = field(default_factory=list)


def _setuptools_cukup() -> bool:
    """setuptools di lingkungan ini dapat membangun wheel sendiri (>= 70.1, atau >= 68
    dengan paket wheel), sesuai build-system pyproject."""
    from importlib.metadata import PackageNotFoundError, version

    from packaging.version import Version
    try:
        st = Version(version("setuptools"))
    except PackageNotFoundError:
        return False
    if st >= Version("70.1"):
        return True
    try:
        version("wheel")
    except PackageNotFoundError:
        return False
    return st >= Version("68")


def _wheel_rapk(tujuan: Path, wheel: Path | None) -> Path:
    if wheel is not None:
        if not wheel.is_file() or not wheel.name.startswith("rapk_xl-"):
            raise GagalPaket(f"{wheel} bukan wheel rapk-xl (rapk_xl-*.whl).")
        return Path(shutil.copy2(wheel, tujuan / wheel.name))
    akar = _akar_sumber()
    if akar is None:
        raise GagalPaket("Folder sumber rapk-xl tidak ditemukan (rapk-xl dipasang dari wheel). "
                         "Berikan wheel-nya: rapk-xl addin paket -o DIR --wheel rapk_xl-*.whl")
    argumen = ["wheel", "--no-deps", "-w", str(tujuan), str(akar)]
    if _setuptools_cukup():
        argumen.insert(1, "--no-build-isolation")  # tanpa mengunduh setuptools lagi
    sebelum = set(tujuan.glob("rapk_xl-*.whl"))
    r = _pip(*argumen)
    baru = sorted(set(tujuan.glob("rapk_xl-*.whl")) - sebelum) or sorted(tujuan.glob("rapk_xl-*.whl"))
    if r.returncode != 0 or not baru:
        raise GagalPaket("Wheel rapk-xl tidak dapat dibangun:\n" + (r.stderr or r.stdout)[-2000:])
    return baru[-1]


def buat_paket(folder: str | Path, python: tuple[str, ...] = PYTHON_DIDUKUNG,
               wheel: Path | None = None, kunci_versi: bool = True,
               lapor=lambda teks: None) -> HasilPaket:
    """Susun paket luring di ``folder`` (lihat docstring modul)."""
    folder = Path(folder)
    for py in python:
        if py not in PYTHON_DIDUKUNG:
            raise GagalPaket(f"Python {py} tidak didukung; pilih dari {', '.join(PYTHON_DIDUKUNG)}.")
    roda = folder / "wheels"
    roda.mkdir(parents=True, exist_ok=True)
    lapor("Membangun wheel rapk-xl ...")
    w_rapk = _wheel_rapk(roda, wheel)
    akar = [Requirement(f"rapk-xl=={parse_wheel_filename(w_rapk.name)[1]}")]
    batasan = folder / "batasan.txt"
    catatan: list[str] = []
    if kunci_versi:
        batasan.write_text("\n".join(_kunci_versi()) + "\n", encoding="utf-8")
    for py in python:
        lapor(f"Mengunduh wheel Windows untuk Python {py} ...")
        butuh = [str(w_rapk)]
        for putaran in range(6):
            args = ["download", "--only-binary=:all:", "--platform", PLATFORM,
                    "--python-version", py, "--implementation", "cp", "-d", str(roda),
                    "--find-links", str(roda), *butuh]
            if kunci_versi:
                args += ["-c", str(batasan)]
            r = _pip(*args)
            if r.returncode != 0 and kunci_versi:
                # versi yang diuji tidak punya wheel untuk Python ini: versi terbaru yang cocok
                args = args[:-2]
                r = _pip(*args)
                catatan.append(f"Python {py}: sebagian dependensi memakai versi terbaru "
                               "(versi lingkungan ini tidak punya wheel Windows).")
            if r.returncode != 0:
                raise GagalPaket(f"Wheel untuk Python {py} tidak dapat diunduh:\n"
                                 + (r.stderr or r.stdout)[-2000:])
            sisa = kurang(roda, akar, py)
            if not sisa:
                break
            butuh = [str(x.name) + str(x.specifier) for x in sisa]
        else:
            raise GagalPaket(f"Dependensi untuk Python {py} tidak lengkap: "
                             + ", ".join(map(str, kurang(roda, akar, py))))
    if batasan.exists():
        batasan.unlink()
    lapor("Membangun add-in ...")
    buat_addin(folder / NAMA_ADDIN)
    (folder / "pasang.bat").write_bytes(PASANG_BAT.replace("\n", "\r\n").encode("ascii"))
    (folder / "BACA-SAYA.txt").write_bytes(
        BACA_SAYA.format(python=", ".join(python)).replace("\n", "\r\n").encode("utf-8"))
    return HasilPaket(folder, w_rapk, sorted(roda.glob("*.whl")), tuple(python), catatan)


BACA_SAYA = """rapk-xl: paket pemasangan luring untuk Windows
================================================

Untuk staf (dua langkah):
  1. Salin folder ini ke komputer (mis. ke Desktop).
  2. Tutup Excel, lalu klik dua kali pasang.bat. Setelah tertulis "Selesai", buka Excel:
     tab RAPK (Validasi, Hitung Ulang, Cetak PDF, Bantuan) muncul, dan fungsi =CAPAIAN(),
     =KRITERIA(), =NPS() dst. bekerja di sheet Capaian.

Syarat: Python {python} (64-bit, dari python.org) sudah terpasang. Tidak perlu internet,
hak administrator, editor VBA, atau perubahan pengaturan Trust Center.

Yang dilakukan pasang.bat:
  - membuat lingkungan Python tersendiri di %LOCALAPPDATA%\\rapk-xl\\python;
  - memasang rapk-xl dan dependensinya HANYA dari folder wheels\\ di sini
    (pip --no-index --find-links);
  - menjalankan "python -m rapk_xl addin install": add-in rapk_xl.xlam ditulis ke
    %APPDATA%\\Microsoft\\Excel\\XLSTART, konfigurasi ke %USERPROFILE%\\.rapk_xl\\rapk_xl.conf;
  - menjalankan "python -m rapk_xl addin cek" dan menampilkan hasilnya.

Memasang ulang atau memperbarui: jalankan lagi pasang.bat (dari paket yang lebih baru).
Diagnosis kapan saja:
  "%LOCALAPPDATA%\\rapk-xl\\python\\Scripts\\python.exe" -m rapk_xl addin cek
"""

PASANG_BAT = r"""@echo off
rem rapk-xl: pasang dari paket ini saja (tanpa internet), lalu pasang add-in Excel.
setlocal EnableExtensions
set "PAKET=%~dp0"
set "VENV=%LOCALAPPDATA%\rapk-xl\python"
title Pemasangan rapk-xl
echo.
echo Pemasangan rapk-xl (tab RAPK dan fungsi CAPAIAN di Excel)
echo ==========================================================
echo.

rem 1. Cari Python 3.11-3.14: peluncur py, lalu letak pemasangan python.org, lalu PATH
set "PY="
for %%v in (3.13 3.12 3.11 3.14) do call :cobapy %%v
if not defined PY for %%d in (313 312 311 314) do call :cobaexe "%LOCALAPPDATA%\Programs\Python\Python%%d\python.exe"
if not defined PY for %%d in (313 312 311 314) do call :cobaexe "%ProgramFiles%\Python%%d\python.exe"
if not defined PY call :cobaexe python
if not defined PY (
  echo GAGAL: Python 3.11 sampai 3.14 ^(64-bit^) tidak ditemukan di komputer ini.
  echo Minta TI memasang Python dari python.org, lalu klik dua kali pasang.bat lagi.
  goto :gagal
)
echo Python: %PY%

rem 2. Lingkungan Python tersendiri (tanpa hak administrator, tanpa PATH)
if not exist "%VENV%\Scripts\python.exe" (
  echo Membuat lingkungan Python di %VENV% ...
  %PY% -m venv "%VENV%"
  if errorlevel 1 (
    echo GAGAL: lingkungan Python tidak dapat dibuat di %VENV%.
    goto :gagal
  )
)
set "VPY=%VENV%\Scripts\python.exe"

rem 3. Pasang rapk-xl hanya dari folder wheels paket ini
echo Memasang rapk-xl dari %PAKET%wheels ...
"%VPY%" -m pip install --no-index --find-links "%PAKET%wheels" --upgrade --disable-pip-version-check rapk-xl
if errorlevel 1 (
  echo GAGAL: rapk-xl tidak dapat dipasang dari paket ini. Apakah versi Python cocok
  echo dengan isi folder wheels? Kirim tangkapan layar jendela ini ke TI.
  goto :gagal
)

rem 4. Add-in Excel
echo.
"%VPY%" -m rapk_xl addin install
if errorlevel 1 goto :gagal
echo.
"%VPY%" -m rapk_xl addin cek
echo.
echo Selesai. Buka Excel: tab RAPK ada di pita.
pause
exit /b 0

:cobapy
if defined PY exit /b 0
py -%1 -c "import struct,sys; sys.exit(0 if struct.calcsize('P')==8 else 1)" >nul 2>nul
if not errorlevel 1 set "PY=py -%1"
exit /b 0

:cobaexe
if defined PY exit /b 0
"%~1" -c "import struct,sys; sys.exit(0 if (3,11)<=sys.version_info[:2]<=(3,14) and struct.calcsize('P')==8 else 1)" >nul 2>nul
if not errorlevel 1 set "PY="%~1""
exit /b 0

:gagal
echo.
pause
exit /b 1
"""
