"""Daftar unit kerja dan pencarian nama (domain.md, "Who and what")."""
import csv
from pathlib import Path

import pytest

from rapk_xl import cari_unit, daftar_unit, saran_unit
from rapk_xl.reference import kunci_nama, temukan_unit

SUMBER = Path(__file__).resolve().parents[1] / "src/rapk_xl/data/unit_kerja.csv"


def test_103_unit_ditambah_bpom():
    units = daftar_unit()
    assert len(units) == 104
    kelompok = [u.kelompok for u in units]
    assert kelompok.count("Pusat") == 30
    assert kelompok.count("Balai") == 42
    assert kelompok.count("Loka") == 31
    assert kelompok.count("BPOM") == 1


def test_kunci_nama_unik():
    kunci = [kunci_nama(u.nama) for u in daftar_unit()]
    assert len(set(kunci)) == len(kunci)


@pytest.mark.parametrize("tulisan", [
    "Balai POM di Jember", "BALAI POM DI JEMBER", "BALAI PENGAWAS OBAT DAN MAKANAN DI JEMBER",
    "balai pom jember", "BPOM di Jember",
])
def test_jember_satu_unit(tulisan):
    u = cari_unit(tulisan)
    assert u is not None and u.nama == "Balai POM di Jember" and u.kelompok == "Balai"


@pytest.mark.parametrize("tulisan, nama", [
    ("BB POM di Surabaya", "Balai Besar POM di Surabaya"),
    ("BBPOM Surabaya", "Balai Besar POM di Surabaya"),
    ("LOKA POM DI KOTA DUMAI", "Loka POM di Kota Dumai"),
    ("Loka POM Dumai", "Loka POM di Kota Dumai"),
    ("DIT. STANDADISASI OBAT TRADISIONAL. SUPLEMEN KESEHATAN DAN KOSMETIK",
     "Direktorat Standardisasi Obat Tradisional, Suplemen Kesehatan dan Kosmetik"),
    ("Direktorat Standardisasi Pangan Olahan", "Direktorat Standardisasi Pangan Olahan"),
    ("Badan Pengawas Obat dan Makanan", "Badan Pengawas Obat dan Makanan"),
])
def test_variasi_nama(tulisan, nama):
    assert cari_unit(tulisan).nama == nama


def test_setiap_nama_referensi_ditemukan():
    with open(SUMBER, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            assert cari_unit(r["nama_referensi"]).kode == r["kode"]
            assert cari_unit(r["nama"]).kode == r["kode"]


def test_saran_nama_terdekat():
    assert cari_unit("Balai POM di Jembr") is None
    assert saran_unit("Balai POM di Jembr")[0].nama == "Balai POM di Jember"
    # jenis salah, tempat benar
    assert saran_unit("Balai POM di Surabaya")[0].nama == "Balai Besar POM di Surabaya"
    assert saran_unit("") == []


def test_temukan_sebagian_nama():
    assert [u.nama for u in temukan_unit("jember")] == ["Balai POM di Jember"]
    assert len(temukan_unit("loka pom")) == 31


def test_anggaran_referensi_ikut():
    u = cari_unit("Loka POM di Kota Dumai")
    assert u.pagu_2024 == 6_517_731_000 and u.realisasi_sd_juni_2024 == 2_685_831_890
