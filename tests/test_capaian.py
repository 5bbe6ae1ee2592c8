"""Capaian per domain.md ("Realisasi and capaian"): contoh dihitung dengan tangan."""
import pytest

import rapk_xl
from rapk_xl import Alasan, capaian, hitung_capaian
from rapk_xl.calc.turunan import capaian_input_array, rasio_pembilang


def test_capaian_tahunan_contoh_matriks_nasional():
    # target 94,75, realisasi s.d. TW II 93,62 -> 98,81 %
    assert round(capaian(93.62, 94.75), 2) == 98.81
    assert round(capaian("93,62", "94,75"), 2) == 98.81


def test_realisasi_dari_pembilang_penyebut():
    # domain.md: 12 965 / 13 020 = 99,58 %
    assert round(float(rasio_pembilang(12965, 13020)), 2) == 99.58
    assert rasio_pembilang(["12.965"], [0]).tolist() == [pytest.approx(float("nan"), nan_ok=True)]
    assert capaian(float(rasio_pembilang(12965, 13020)), 100) == pytest.approx(99.5776, abs=1e-4)


def test_capaian_tidak_dibatasi():
    assert round(capaian(123.37, 100), 2) == 123.37
    assert capaian(132.16, 100) > 120


@pytest.mark.parametrize("r, t, hasil", [
    ("WTP", "WTP", 100.0),
    ("WTP", 4, 100.0),          # campuran teks dan kode PK 2024
    (4, "WTP", 100.0),
    ("WDP", "WTP", 75.0),       # 3 / 4
    ("TW", 4, 50.0),            # 2 / 4
    ("TMP", "WTP", 25.0),       # 1 / 4
    ("wtp", " WTP ", 100.0),
    ("Wajar Dengan Pengecualian", "WTP", 75.0),
])
def test_opini_bpk(r, t, hasil):
    assert capaian(r, t) == pytest.approx(hasil)


def test_opini_tidak_dapat_dibandingkan_dengan_persentase():
    h = hitung_capaian("WTP", 90)
    assert h.nilai is None and h.alasan is Alasan.SKALA_OPINI


@pytest.mark.parametrize("r, t, hasil", [
    (80, 100, 120.0),   # (1 + (1 - 0,8)) x 100
    (100, 100, 100.0),
    (150, 100, 50.0),
    (200, 100, 0.0),
    (250, 100, 0.0),    # lebih dari 2x target: tidak pernah di bawah 0
    (0, 100, 200.0),
])
def test_polaritas_negatif(r, t, hasil):
    assert capaian(r, t, "Negatif") == pytest.approx(hasil)
    assert capaian(r, t, "negatif") == pytest.approx(hasil)


@pytest.mark.parametrize("r, t, alasan", [
    (50, 0, Alasan.TARGET_NOL),
    (50, "0,00", Alasan.TARGET_NOL),
    (50, None, Alasan.TARGET_KOSONG),
    (50, "-", Alasan.TARGET_KOSONG),
    (None, 90, Alasan.BELUM_ADA_REALISASI),
    ("", 90, Alasan.BELUM_ADA_REALISASI),
    ("-", 90, Alasan.BELUM_ADA_REALISASI),
    ("sembilan puluh", 90, Alasan.BUKAN_ANGKA),
    (90, "teks", Alasan.BUKAN_ANGKA),
    ("1.234", 90, Alasan.ANGKA_AMBIGU),
    ("Progres 45%", 80, Alasan.AKHIR_TAHUN),   # realisasi belum final
])
def test_tidak_dapat_dihitung_dengan_alasan(r, t, alasan):
    h = hitung_capaian(r, t)
    assert h.nilai is None
    assert h.alasan is alasan
    assert capaian(r, t) is None  # tidak pernah 0
    assert alasan.pesan  # ada penjelasan untuk laporan


def test_akhir_tahun_sebelum_desember_bukan_nol():
    h = hitung_capaian(None, 83, jenis_target="Akhir Tahun", bulan=6)
    assert h.nilai is None and h.alasan is Alasan.AKHIR_TAHUN
    assert h.alasan.tampil == "Akhir Tahun"
    # target bulan ini kosong karena hanya B12 yang diisi: tetap "Akhir Tahun"
    assert hitung_capaian(None, None, jenis_target="Akhir Tahun", bulan=6).alasan is Alasan.AKHIR_TAHUN
    # di bulan 12 realisasi yang kosong berarti memang belum dilaporkan
    assert hitung_capaian(None, 83, jenis_target="Akhir Tahun", bulan=12).alasan is Alasan.BELUM_ADA_REALISASI
    # realisasi yang sudah ada tetap dihitung
    assert capaian(83, 83, jenis_target="Akhir Tahun", bulan=6) == 100.0


def test_belum_ada_realisasi_tampil_kosong():
    assert Alasan.BELUM_ADA_REALISASI.tampil == ""
    assert Alasan.TARGET_KOSONG.tampil == "Target kosong"


def test_polaritas_tak_dikenal():
    assert hitung_capaian(1, 2, "naik").alasan is Alasan.POLARITAS


def test_versi_vektor():
    h = rapk_xl.capaian_array([81, None, "WDP", 80], [90, 90, "WTP", 100],
                              ["Positif", "Positif", "Positif", "Negatif"])
    assert h.nilai[0] == pytest.approx(90.0)
    assert h.alasan[1] is Alasan.BELUM_ADA_REALISASI
    assert h.nilai[2] == pytest.approx(75.0)
    assert h.nilai[3] == pytest.approx(120.0)


def test_capaian_input_anggaran():
    # seed referensi: Jember realisasi 2.591.638.866 dari pagu 8.912.798.000 = 29,08 %
    assert round(rapk_xl.capaian_input(2_591_638_866, 8_912_798_000), 2) == 29.08
    # belum ada realisasi anggaran: 0 % terserap (bukan "belum ada"); tanpa pagu: tidak ada
    assert rapk_xl.capaian_input(None, 8_912_798_000) == 0.0
    assert rapk_xl.capaian_input(0, 8_912_798_000) == 0.0
    assert rapk_xl.capaian_input(100, 0) is None and rapk_xl.capaian_input(100, None) is None
    h = capaian_input_array([None, 50, 5], [200, None, "lima"])
    assert h.nilai[0] == 0.0 and h.alasan[1] is Alasan.TANPA_PAGU and h.alasan[1].tampil == ""
    assert h.alasan[2] is Alasan.BUKAN_ANGKA
