import os

# xlwings' remote engine (xlwings Server object model) needs a licence key; the
# noncommercial key is the documented free one.
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice")
perlu_soffice = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) tidak terpasang: apt-get install libreoffice-calc-nogui")

_PROFIL = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


@pytest.fixture(scope="session")
def libreoffice(tmp_path_factory):
    """Konversi dengan LibreOffice Calc headless; rumus selalu dihitung ulang saat dibuka."""
    profil = tmp_path_factory.mktemp("lo_profil")
    (profil / "user").mkdir()
    (profil / "user" / "registrymodifications.xcu").write_text(_PROFIL, encoding="utf-8")

    def konversi(berkas: Path, ke: str, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        r = subprocess.run(
            [SOFFICE, f"-env:UserInstallation={profil.as_uri()}", "--headless", "--norestore",
             "--convert-to", ke, "--outdir", str(folder), str(berkas)],
            capture_output=True, text=True, timeout=180)
        hasil = folder / (berkas.stem + "." + ke.split(":")[0])
        assert r.returncode == 0 and hasil.exists(), r.stdout + r.stderr
        return hasil

    return konversi
