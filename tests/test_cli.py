"""Baris perintah rapk-xl (click), dipanggil seperti pengguna memanggilnya."""
import subprocess
import sys

from click.testing import CliRunner

from rapk_xl import __version__
from rapk_xl.cli import cli


def jalankan(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_versi():
    r = jalankan("--version")
    assert r.exit_code == 0 and __version__ in r.output


def test_python_m_sama_dengan_rapk_xl():
    r = subprocess.run([sys.executable, "-m", "rapk_xl", "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and "rapk-xl, versi" in r.stdout


def test_bantuan_bahasa_indonesia():
    r = jalankan("--help")
    assert r.exit_code == 0
    assert "Penggunaan:" in r.output and "Perintah" in r.output and "Opsi" in r.output
    assert "Show this message" not in r.output


def test_perintah_salah_pesan_indonesia():
    r = CliRunner().invoke(cli, ["nope"])
    assert r.exit_code == 2 and "tidak ada" in r.output and "Traceback" not in r.output


def test_demo_mencetak_contoh(tmp_path):
    r = jalankan("demo", "-o", str(tmp_path / "demo"))
    assert r.exit_code == 0
    # 1.01: 81 / 90 = 90,00 %; sasaran 1 (IKU 90, biasa 120) NPS 100,00
    assert "90,00" in r.output and "100,00" in r.output
    assert "Akhir Tahun" in r.output
    assert "NPS unit" in r.output
    # template dan tiga sampel ditulis dan disebutkan tempatnya
    ditulis = sorted(p.name for p in (tmp_path / "demo").rglob("*.xlsx"))
    assert ditulis == ["balai_pom_jember_2024.xlsx", "bpom_2024.xlsx", "loka_pom_dumai_2025.xlsx",
                       "rapk_template.xlsx"]
    assert str(tmp_path / "demo") in r.output


def test_hitung_capaian():
    r = jalankan("hitung", "capaian", "93,62", "94,75")
    assert r.exit_code == 0 and "98,81" in r.output and "Baik" in r.output
    r = jalankan("hitung", "capaian", "WDP", "WTP")
    assert "75,00" in r.output
    r = jalankan("hitung", "capaian", "80", "100", "--polaritas", "Negatif")
    assert "120,00" in r.output


def test_hitung_capaian_tidak_dapat_dihitung():
    r = jalankan("hitung", "capaian", "50", "0")
    assert r.exit_code == 1 and "Target bernilai 0" in r.output


def test_hitung_nps_kriteria_efisiensi():
    assert "100,00" in jalankan("hitung", "nps", "90:2", "120").output
    assert jalankan("hitung", "kriteria", "120").output.strip() == "Tidak Dapat Disimpulkan"
    assert "Efisien" in jalankan("hitung", "efisiensi", "100", "80").output
    r = CliRunner().invoke(cli, ["hitung", "kriteria", "abc"])
    assert r.exit_code == 2 and "bukan angka" in r.output


def test_unit():
    r = jalankan("unit")
    assert r.exit_code == 0 and "104 unit" in r.output
    r = jalankan("unit", "jember")
    assert r.exit_code == 0 and "Balai POM di Jember" in r.output
    r = CliRunner().invoke(cli, ["unit", "Balai POM di Jembr"])
    assert r.exit_code == 1 and "Balai POM di Jember" in r.output and "terdekat" in r.output
