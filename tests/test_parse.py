"""Membaca angka seperti ditulis di dokumen BPOM (domain.md, "Numbers as written")."""
import math

import numpy as np
import pytest

from rapk_xl.calc.parse import Status, bulatkan, format_angka, parse_angka, parse_angka_array


@pytest.mark.parametrize("teks, nilai", [
    ("114.624.028,00", 114_624_028.0),    # seed BPOM, format Indonesia
    ("62,210,400", 62_210_400.0),          # seed Jember, format Inggris
    ("5.874.961,0", 5_874_961.0),          # satu desimal (anomali seed)
    ("84,6", 84.6),
    ("84.7", 84.7),
    ("88.5", 88.5),
    ("1.6", 1.6),
    ("0,5", 0.5),
    ("85%", 85.0),
    ("  90 ", 90.0),
    ("12 965", 12_965.0),                  # spasi sebagai pemisah ribuan
    ("2.354.243.149", 2_354_243_149.0),    # total seed BPOM
    ("1,234.50", 1234.5),
    ("-3,5", -3.5),
    ("Rp 62.210.400,00", 62_210_400.0),
    ("0.123", 0.123),                      # nol di depan: tak mungkin ribuan
    ("12.3456", 12.3456),
    ("1234.567", 1234.567),
])
def test_angka_terbaca(teks, nilai):
    a = parse_angka(teks)
    assert a.status is Status.OK
    assert a.nilai == pytest.approx(nilai)


def test_persen_ditandai():
    assert parse_angka("85%").persen and not parse_angka("85").persen


@pytest.mark.parametrize("teks", [None, "", "   ", "-", "–", float("nan")])
def test_kosong(teks):
    a = parse_angka(teks)
    assert a.status is Status.KOSONG and a.nilai is None


@pytest.mark.parametrize("teks", ["WTP", "Progres 45%", "abc", "1.2.3", "12,34,5", "1.234,5,6",
                                  "#DIV/0!", "inf", "nan", True, "1e5"])
def test_bukan_angka(teks):
    a = parse_angka(teks)
    assert a.status is Status.BUKAN_ANGKA and a.nilai is None


@pytest.mark.parametrize("teks, ribuan, desimal", [
    ("1.234", 1234.0, 1.234),
    ("1,234", 1234.0, 1.234),
    ("100.000", 100_000.0, 100.0),
])
def test_ambigu_dilaporkan_bukan_ditebak(teks, ribuan, desimal):
    a = parse_angka(teks)
    assert a.status is Status.AMBIGU and a.nilai is None
    assert set(a.kemungkinan) == {ribuan, desimal}


def test_ambigu_diputuskan_oleh_konvensi_dokumen():
    assert parse_angka("1.234", desimal=",").nilai == 1234.0   # dokumen gaya Indonesia
    assert parse_angka("1.234", desimal=".").nilai == 1.234
    assert parse_angka("1,234", desimal=",").nilai == 1.234


def test_angka_python_diterima_apa_adanya():
    assert parse_angka(7).nilai == 7.0
    assert parse_angka(np.float64(2.5)).nilai == 2.5
    assert parse_angka(float("inf")).status is Status.BUKAN_ANGKA


def test_versi_vektor_sama_dengan_skalar():
    nilai = [1, "1.234", None, "-", "84,6", "x", 3.5, "62,210,400"]
    x, st = parse_angka_array(np.array(nilai, dtype=object))
    for v, xi, si in zip(nilai, x, st):
        a = parse_angka(v)
        assert si is a.status
        assert (a.nilai is None and math.isnan(xi)) or a.nilai == xi


def test_larik_angka_murni_tanpa_perulangan():
    x, st = parse_angka_array(np.array([1.0, np.nan, 3.0]))
    assert list(st) == [Status.OK, Status.KOSONG, Status.OK]


@pytest.mark.parametrize("x, hasil", [
    (109.995, 110.0),   # dibulatkan seperti Excel menampilkan 110,00
    (109.994, 109.99),
    (98.8074, 98.81),
    (-1.005, -1.01),
    (2.675, 2.68),      # 2.675 tersimpan 2.67499999...; Excel menampilkan 2,68
])
def test_bulatkan_seperti_excel(x, hasil):
    assert bulatkan(x) == hasil


def test_format_indonesia_dan_inggris():
    assert format_angka(114624028) == "114.624.028,00"
    assert format_angka(62210400, 0, "en") == "62,210,400"
    assert format_angka(98.80738) == "98,81"
    assert format_angka(None) == ""
