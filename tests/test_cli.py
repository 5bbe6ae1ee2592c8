"""Baris perintah rapk-xl (click), dipanggil seperti pengguna memanggilnya."""
import json
import subprocess
import sys

import openpyxl
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


def test_demo_menjalankan_pekerjaan_utama(tmp_path):
    folder = tmp_path / "demo"
    r = jalankan("demo", "-o", str(folder))
    assert r.exit_code == 0, r.output
    # contoh hitung: 1.01: 81 / 90 = 90,00 %; sasaran 1 (IKU 90, biasa 120) NPS 100,00
    assert "90,00" in r.output and "100,00" in r.output
    assert "Akhir Tahun" in r.output and "NPS unit" in r.output
    # template, tiga sampel, 103 kiriman, laporan validasi, buku nasional dan riwayatnya
    for nama in ("rapk_template.xlsx", "sampel/bpom_2024.xlsx", "sampel/balai_pom_jember_2024.xlsx",
                 "sampel/loka_pom_dumai_2025.xlsx", "laporan_validasi.xlsx", "nasional.xlsx",
                 "nasional.riwayat.sqlite"):
        assert (folder / nama).is_file(), nama
        assert str(folder / nama) in r.output
    assert len(list((folder / "kiriman").glob("*.xlsx"))) == 103
    # setiap kiriman yang dirusak generator disebut ditolak; sisanya masuk buku nasional
    manifest = json.loads((folder / "kiriman" / "manifest.json").read_text(encoding="utf-8"))
    tolak = [f["file"] for f in manifest["files"]
             if any(k["rule"] != "angka-sebagai-teks" for k in f["faults"])]
    assert 0 < len(tolak) < 103
    for nama in tolak:
        assert f"ditolak {nama}" in r.output
    assert f"{103 - len(tolak)} unit di buku nasional" in r.output
    # manifest.json tidak diperiksa: ia bukan kiriman yang ditolak
    assert (f"104 berkas: {103 - len(tolak)} lolos, {len(tolak)} dengan kesalahan isi; "
            "1 dilewati") in r.output
    ring = openpyxl.load_workbook(folder / "nasional.xlsx")["Ringkasan"]
    tabel = [[c.value for c in row] for row in ring[ring.tables["tblRingkasan"].ref]]
    status = [b[tabel[0].index("Status")] for b in tabel[1:]]
    assert status.count("diterima") == 103 - len(tolak)
    # demo kedua: kiriman dipakai lagi, konsolidasi ulang tidak mengubah apa pun
    r = jalankan("demo", "-o", str(folder))
    assert r.exit_code == 0, r.output
    assert "dipakai lagi" in r.output and "0 kiriman baru" in r.output
    assert "buku tidak berubah" in r.output


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
