"""``rapk-xl addin paket``: folder luring dengan wheel Windows setiap dependensi.

Memerlukan indeks paket (pip download sungguhan); dilewati dengan alasan bila tidak terjangkau.
Agar cepat di CI tes memakai satu versi Python (perintahnya sendiri, tanpa ``--python``,
mencakup semua versi yang didukung) dan cache pip biasa."""
import email.parser
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.tags import Tag
from packaging.utils import canonicalize_name, parse_wheel_filename

from rapk_xl.addin import baca_info_addin
from rapk_xl.addin.paket import PASANG_BAT, PYTHON_DIDUKUNG, buat_paket

PY = "3.12"


def _indeks_terjangkau() -> str | None:
    with tempfile.TemporaryDirectory() as d:
        try:
            r = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps",
                                "--only-binary=:all:", "-d", d, "defusedxml==0.7.1"],
                               capture_output=True, text=True, timeout=120)
        except subprocess.TimeoutExpired:
            return "indeks paket tidak menjawab dalam 120 detik"
        return None if r.returncode == 0 else "indeks paket tidak terjangkau: " + r.stderr[-300:]


pytestmark = pytest.mark.indeks


@pytest.fixture(scope="module")
def paket(tmp_path_factory):
    alasan = _indeks_terjangkau()
    if alasan:
        pytest.skip(alasan)
    return buat_paket(tmp_path_factory.mktemp("paket") / "rapk-xl-paket", python=(PY,))


def _windows_312(nama: str) -> bool:
    """Tag wheel cocok dengan CPython 3.12 64-bit Windows (dihitung di sini, tanpa
    packaging.tags): cp312/abi3/none atau py3, platform win_amd64/any."""
    for t in parse_wheel_filename(nama)[3]:
        t: Tag
        if t.platform not in ("win_amd64", "any"):
            continue
        if t.interpreter in ("py3", "py2.py3", "cp312") or (
                t.interpreter.startswith("cp3") and t.abi == "abi3"
                and int(t.interpreter[3:]) <= 12):
            return True
    return False


def _meta(wheel: Path):
    with zipfile.ZipFile(wheel) as z:
        n = next(x for x in z.namelist() if x.endswith(".dist-info/METADATA") and x.count("/") == 1)
        return email.parser.Parser().parsestr(z.read(n).decode())


WINDOWS_312 = {"os_name": "nt", "sys_platform": "win32", "platform_system": "Windows",
               "platform_machine": "AMD64", "python_version": "3.12",
               "python_full_version": "3.12.4", "implementation_name": "cpython",
               "platform_python_implementation": "CPython", "extra": ""}


def test_semua_dependensi_windows_ada_wheelnya(paket):
    roda = {canonicalize_name(parse_wheel_filename(w.name)[0]): w for w in paket.wheels}
    assert all(_windows_312(w.name) for w in paket.wheels), [w.name for w in paket.wheels]
    # penutupan dependensi dari wheel rapk-xl, penanda dinilai untuk Windows
    antre, dilihat = [paket.wheel_rapk], set()
    while antre:
        w = antre.pop()
        if w in dilihat:
            continue
        dilihat.add(w)
        for teks in _meta(w).get_all("Requires-Dist") or []:
            r = Requirement(teks)
            if r.marker is not None and not r.marker.evaluate(WINDOWS_312):
                continue
            nama = canonicalize_name(r.name)
            assert nama in roda, f"{w.name} memerlukan {r} di Windows: tidak ada wheel-nya"
            assert r.specifier.contains(str(parse_wheel_filename(roda[nama].name)[1]),
                                        prereleases=True), (r, roda[nama].name)
            antre.append(roda[nama])
    # yang terlewat bila penanda dinilai di Linux: pywin32 (xlwings, platform_system == "Windows")
    assert {"pywin32", "xlwings", "pandas", "numpy", "tzdata"} <= set(roda)
    assert parse_wheel_filename(roda["xlwings"].name)[1].public == "0.37.8"


def test_isi_paket(paket):
    f = paket.folder
    assert paket.wheel_rapk.name.startswith("rapk_xl-") and paket.wheel_rapk.parent == f / "wheels"
    info = baca_info_addin(f / "rapk_xl.xlam")
    assert info.proyek.nama == "rapk_xl" and len(info.fungsi) == 6
    bat = (f / "pasang.bat").read_bytes()
    assert b"\r\n" in bat and b"\n" not in bat.replace(b"\r\n", b"")   # CRLF untuk cmd.exe
    teks = bat.decode("ascii")
    # hanya dari paket, lewat python -m (skrip tidak harus ada di PATH)
    assert '--no-index --find-links "%PAKET%wheels"' in teks
    assert '"%VPY%" -m rapk_xl addin install' in teks and '-m rapk_xl addin cek' in teks
    assert "rapk-xl addin" not in teks.replace("rapk-xl (", "")
    assert (f / "BACA-SAYA.txt").read_text(encoding="utf-8").count("pasang.bat") >= 2


def test_pasang_bat_ascii_dan_versi_yang_didukung():
    PASANG_BAT.encode("ascii")
    for v in PYTHON_DIDUKUNG:
        assert v in PASANG_BAT and v.replace(".", "") in PASANG_BAT
