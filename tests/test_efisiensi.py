"""Efisiensi per domain.md: IE = output / input, SE = 1, TE = (IE - SE) / SE."""
import pytest

from rapk_xl import Alasan, efisiensi


def test_efisien():
    h = efisiensi(100, 80)
    assert h.ie == pytest.approx(1.25) and h.se == 1 and h.te == pytest.approx(0.25)
    assert h.kategori == "Efisien"


def test_tepat_standar_efisien():
    assert efisiensi(90, 90).kategori == "Efisien"   # IE >= SE


def test_tidak_efisien():
    h = efisiensi(60, 80)
    assert h.ie == pytest.approx(0.75) and h.te == pytest.approx(-0.25)
    assert h.kategori == "Tidak Efisien"


@pytest.mark.parametrize("o, i, alasan", [
    (90, 0, Alasan.INPUT_NOL),
    (90, None, Alasan.INPUT_KOSONG),
    (None, 50, Alasan.BELUM_ADA_REALISASI),
    ("x", 50, Alasan.BUKAN_ANGKA),
])
def test_tidak_dapat_dihitung(o, i, alasan):
    h = efisiensi(o, i)
    assert h.ie is None and h.kategori is None and h.alasan is alasan
