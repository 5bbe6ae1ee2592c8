"""Korpus berkas rusak dan berbahaya (tests/korpus/): satu temuan yang jelas per berkas, tanpa
crash, memori dan waktu terbatas; berkas lain dalam folder yang sama tetap diperiksa."""
import json
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent / "korpus"))
from buat_korpus import KORPUS  # noqa: E402

from rapk_xl.cli import cli  # noqa: E402
from rapk_xl.validate.validator import validasi  # noqa: E402

KORPUS_DIR = Path(__file__).parent / "korpus"


@pytest.fixture
def folder_korpus(tmp_path):
    """Salinan korpus ditambah berkas kunci Excel ~$... (tidak disimpan di git: .gitignore
    mengabaikannya, seperti seharusnya untuk berkas kunci)."""
    folder = tmp_path / "korpus"
    shutil.copytree(KORPUS_DIR, folder,
                    ignore=shutil.ignore_patterns("*.py", "__pycache__", "real", "*.md"))
    (folder / "~$kunci_excel.xlsx").write_bytes(b"\x0cpemilik" + b"\x00" * 150)
    return folder


@pytest.mark.parametrize("nama, aturan", sorted(KORPUS.items()))
def test_satu_temuan_jelas(nama, aturan):
    h = validasi([KORPUS_DIR / nama], jobs=1).files[0]
    assert [t.rule for t in h.findings] == [aturan], [t.message for t in h.findings]
    t = h.findings[0]
    assert t.severity == "error" and len(t.message) > 30
    assert "Traceback" not in t.message


def test_folder_korpus_lengkap_dan_kunci_dilewati(folder_korpus):
    lap = validasi([folder_korpus], jobs=2)
    nama = {Path(f.file).name: f for f in lap.files}
    assert set(KORPUS) <= set(nama)
    kunci = nama["~$kunci_excel.xlsx"]
    assert kunci.dilewati and "kunci Excel" in kunci.catatan and not kunci.findings


def test_cli_folder_korpus_tanpa_traceback_memori_terbatas(folder_korpus):
    # proses terpisah, memori dibatasi 1,5 GB: zip bomb dan sheet raksasa harus ditolak
    # sebelum membengkak, bukan dibaca lalu gagal
    def batas():
        resource.setrlimit(resource.RLIMIT_AS, (1536 * 2**20, 1536 * 2**20))
    r = subprocess.run([sys.executable, "-m", "rapk_xl", "validasi", str(folder_korpus),
                        "--format", "json"], capture_output=True, text=True, timeout=120,
                       preexec_fn=batas)
    assert "Traceback" not in r.stderr and r.returncode == 1, r.stderr[-2000:]
    data = json.loads(r.stdout)
    assert len(data["files"]) == len(KORPUS) + 1
    assert all(not f["valid"] for f in data["files"])


def test_folder_campuran_berkas_baik_tetap_diperiksa(tmp_path):
    from bersih import data_bersih
    from rapk_xl.io.writer import tulis_workbook
    tulis_workbook(data_bersih(), tmp_path / "unit_baik.xlsx")
    (tmp_path / "rusak.xlsx").write_bytes(b"PK\x03\x04sampah")
    r = CliRunner().invoke(cli, ["validasi", str(tmp_path)])
    assert r.exit_code == 1
    assert "unit_baik.xlsx" in r.output and "LOLOS" in r.output and "TIDAK TERBACA" in r.output
