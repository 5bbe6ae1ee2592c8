"""Riwayat versi 1 (dibuat rapk-xl sebelum id bidang) tetap terbaca: run konsolidasi berikutnya
memindahkannya ke skema sekarang di dalam transaksinya, tanpa kehilangan kiriman."""
import json
import sqlite3

import pytest

from rapk_xl.consolidate.konsolidasi import konsolidasi
from rapk_xl.consolidate.riwayat import VERSI_SKEMA, Riwayat
from rapk_xl.reference import cari_unit

from kiriman import baca_sheet

#: skema versi 1, persis seperti ditulis rapk-xl 0.1 (riwayat.py sebelum id bidang)
SKEMA_V1 = """
CREATE TABLE info (kunci TEXT PRIMARY KEY, nilai TEXT);
CREATE TABLE kiriman (
    id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, berkas TEXT NOT NULL,
    unit TEXT, kode_unit TEXT, tahun INTEGER, periode INTEGER, satuan_anggaran TEXT,
    diterima_pada TEXT NOT NULL, diubah_pada TEXT,
    status TEXT NOT NULL CHECK (status IN ('diterima', 'ditolak')),
    kesalahan INTEGER NOT NULL, peringatan INTEGER NOT NULL, temuan TEXT NOT NULL);
CREATE INDEX kiriman_periode ON kiriman (tahun, periode, kode_unit);
CREATE TABLE indikator (
    kiriman_id INTEGER NOT NULL REFERENCES kiriman(id), urutan INTEGER NOT NULL,
    no_sasaran, perspektif, sasaran, kode, indikator, satuan,
    jenis_target, polaritas, iku, bobot, target, bulan TEXT, realisasi TEXT, keterangan);
CREATE INDEX indikator_kiriman ON indikator (kiriman_id);
CREATE TABLE anggaran (
    kiriman_id INTEGER NOT NULL REFERENCES kiriman(id), urutan INTEGER NOT NULL,
    kode, kode_ro, rincian_output, komponen, sub_komponen, pagu, kontribusi, realisasi);
CREATE INDEX anggaran_kiriman ON anggaran (kiriman_id);
INSERT INTO info VALUES ('versi_skema', '1');
"""


@pytest.fixture
def riwayat_v1(tmp_path):
    p = tmp_path / "nasional.riwayat.sqlite"
    db = sqlite3.connect(p)
    db.executescript(SKEMA_V1)
    jember = cari_unit("Balai POM di Jember")
    db.execute("INSERT INTO kiriman VALUES (1, 'a'||hex(randomblob(30)), 'jember.xlsx', ?, ?, "
               "2024, 6, 'Rupiah', '2024-07-01T01:00:00.000000+00:00', NULL, 'diterima', 0, 0, "
               "'[]')", (jember.nama, jember.kode))
    b = json.dumps
    db.executemany("INSERT INTO indikator VALUES (1,?,1,NULL,'Obat aman',?,?,'%',?,'Positif',?,"
                   "NULL,?,?,?,NULL)", [
        (0, "1.01", "Persentase obat memenuhi syarat", "Tetap", "Tidak", 90,
         b([90] * 12), b([80, 82, 84, 86, 88, 81] + [None] * 6)),
        (1, "1.02", "Persentase sarana dibina", "Kumulatif", "Ya", 100,
         b([5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 100]), b([4, 9, 21, 30, 44, 55] + [None] * 6)),
    ])
    db.execute("INSERT INTO anggaran VALUES (1, 0, '1.01', '3165.QIA.005', 'Sampel', "
               "'055 - Pengadaan', 'A - Sampel', 1000, 1000, 250)")
    db.commit()
    db.close()
    return p


def test_run_berikutnya_memindahkan_dan_memakai_kiriman_lama(riwayat_v1, tmp_path):
    kosong = tmp_path / "kiriman"
    kosong.mkdir()
    h = konsolidasi([kosong], tmp_path / "nasional.xlsx", tahun=2024, periode=6,
                    riwayat=riwayat_v1)
    assert [k.berkas for k in h.dipakai] == ["jember.xlsx"]
    ringkasan = baca_sheet(tmp_path / "nasional.xlsx", "Ringkasan", "tblRingkasan")
    baris = ringkasan[ringkasan["Unit Kerja"] == "Balai POM di Jember"].iloc[0]
    # capaian periode Juni: 81/90 = 90 %; IKU 55/50 = 110 %, bobot 2 → (90 + 2×110) / 3
    assert baris["Status"] == "diterima"
    assert baris["NPS"] == pytest.approx((90 + 2 * 110) / 3)
    assert baris["Realisasi Anggaran (% Pagu)"] == pytest.approx(25.0)
    with Riwayat(riwayat_v1) as r:
        assert r.versi == VERSI_SKEMA
        data = r.data([1])
        tabel = {x[0] for x in r.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "indikator" not in tabel and {"pk", "rapk", "realisasi", "anggaran"} <= tabel
    assert list(data["pk"]["kode_indikator"]) == ["1.01", "1.02"]
    assert list(data["rapk"]["b06"]) == [90, 50] and list(data["realisasi"]["r06"]) == [81, 55]
    assert list(data["anggaran"]["realisasi_anggaran"]) == [250]


def test_riwayat_v1_terbaca_tanpa_ditulis(riwayat_v1):
    """``rapk-xl riwayat`` membaca riwayat lama apa adanya (tidak memindahkannya)."""
    with Riwayat(riwayat_v1) as r:
        assert r.versi == 1 and [k.unit for k in r.kiriman()] == ["Balai POM di Jember"]
