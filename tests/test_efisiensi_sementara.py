"""Aturan turunan untuk buku nasional dan dokumen: pagu diprorata ke periode (efisiensi
sementara), median capaian, NPS nasional. Harapan dihitung dengan tangan."""
import math

import pytest

from rapk_xl.calc.rules import Alasan
from rapk_xl.calc.turunan import (capaian_input, capaian_input_periode, efisiensi_sementara,
                                  median_capaian, nps_nasional, pagu_periode)


def test_pagu_diprorata():
    assert pagu_periode(1_200_000, 6) == 600_000          # Juni: separuh
    assert pagu_periode(1_200_000, 3) == 300_000          # Maret: seperempat
    assert pagu_periode(1_200_000, 12) == 1_200_000       # Desember: pagu setahun
    assert math.isnan(pagu_periode(1_200_000, 13))
    assert math.isnan(pagu_periode("bukan angka", 6))


def test_capaian_input_terhadap_pagu_periode():
    # realisasi 480 dari pagu 1.000 di Juni: 480 / (1.000 × 6/12) × 100 = 96 %
    h = capaian_input_periode([480, None, 5], [1000, 1000, 0], 6)
    assert h.nilai[0] == pytest.approx(96.0)
    assert h.nilai[1] == 0.0 and h.alasan[1] is None       # belum terserap: 0 %, bukan kosong
    assert h.alasan[2] is Alasan.TANPA_PAGU
    # Desember: sama dengan capaian input biasa (48 %)
    h12 = capaian_input_periode([480], [1000], 12)
    assert h12.nilai[0] == pytest.approx(capaian_input(480, 1000)) == pytest.approx(48.0)


def test_sementara_sebelum_desember():
    assert efisiensi_sementara(6) and efisiensi_sementara(11)
    assert not efisiensi_sementara(12) and not efisiensi_sementara(None)


def test_median_dan_nps_nasional():
    # teks (Akhir Tahun) dan kosong dilewati; median dari 1, 3, 10 = 3
    assert median_capaian([1, None, "Akhir Tahun", 3, 10, float("nan")]) == 3
    assert median_capaian([80, 100]) == 90
    assert math.isnan(median_capaian([None, "Akhir Tahun"]))
    assert nps_nasional([90, None, 100]) == 95              # unit tanpa NPS tidak dihitung
    assert math.isnan(nps_nasional([]))


def test_jumlah_terbaca_memuat_teks_angka_yang_jelas():
    from rapk_xl.calc.turunan import jumlah_angka, jumlah_terbaca
    nilai = [1_000, "5.874.961,0", None, "bukan angka", 2.5]
    assert jumlah_terbaca(nilai) == 1_000 + 5_874_961 + 2.5
    assert jumlah_angka(nilai) == 1_002.5                      # seperti SUMIF: teks tidak ikut


def test_bulatkan_bilangan_besar_tidak_bergeser():
    # total anggaran nasional dalam rupiah (2.354.243.149 ribu): toleransi pembulatan dulu
    # relatif 1e-12, sehingga 2,35e12 menjadi ...149.002
    from rapk_xl.calc.parse import bulatkan, format_angka
    assert format_angka(2_354_243_149_000.0, 0) == "2.354.243.149.000"
    assert bulatkan(15_768_463_000.4, 0) == 15_768_463_000
    assert bulatkan(109.995, 2) == 110.0                        # tetap seperti Excel
