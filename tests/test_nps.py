"""NPS per domain.md: Σ(bobot × capaian) / Σ bobot; IKU = 2; perspektif dirata-rata biasa."""
import math

import pandas as pd
import pytest

from rapk_xl import hitung_nps, nps


def test_contoh_domain_iku_dan_biasa():
    # IKU 90 dan indikator biasa 120 -> (2*90 + 120) / 3 = 100,00
    assert nps([90, 120], [2, 1]) == pytest.approx(100.0)


def test_tanpa_bobot_rata_rata_biasa():
    assert nps([80, 100]) == pytest.approx(90.0)


def test_yang_belum_ada_dilewati_beserta_bobotnya():
    # 2.02 Akhir Tahun dan satu belum dilaporkan tidak ikut, bobotnya juga tidak
    assert nps([90, None, "Akhir Tahun", float("nan")], [2, 5, 5, 5]) == pytest.approx(90.0)


def test_tidak_ada_capaian():
    assert nps([None, "Akhir Tahun"]) is None
    assert nps([]) is None


def test_bobot_kosong_bernilai_satu_dan_validasi():
    assert nps([90, 120], [None, None]) == pytest.approx(105.0)
    with pytest.raises(ValueError):
        nps([90, 120], [1])
    with pytest.raises(ValueError):
        nps([90, 120], [1, -1])


def _contoh():
    return pd.DataFrame({
        "sasaran": ["S1", "S1", "S2", "S2", "S3"],
        "perspektif": ["Stakeholder", "Stakeholder", "Customer", "Customer", "Customer"],
        "capaian": [90, 120, 98.81, None, 75],
        "iku": ["Ya", "Tidak", False, True, "Tidak"],
    })


def test_hitung_nps_sasaran_perspektif_dan_unit():
    h = hitung_nps(_contoh())
    s = h.sasaran.set_index("sasaran")
    assert s.loc["S1", "nps"] == pytest.approx(100.0)          # (2*90+120)/3
    assert s.loc["S2", "nps"] == pytest.approx(98.81)          # IKU tanpa capaian dilewati
    assert s.loc["S3", "nps"] == pytest.approx(75.0)
    assert list(h.sasaran["kriteria"]) == ["Baik", "Baik", "Cukup"]
    p = h.perspektif.set_index("perspektif")
    assert p.loc["Stakeholder", "nps"] == pytest.approx(100.0)
    assert p.loc["Customer", "nps"] == pytest.approx((98.81 + 75) / 2)   # 86,905
    assert h.nps == pytest.approx((100 + 86.905) / 2)                      # 93,4525
    assert h.kriteria == "Baik"


def test_tanpa_perspektif_rata_rata_sasaran():
    df = _contoh().drop(columns="perspektif")
    h = hitung_nps(df)
    assert h.perspektif.empty
    assert h.nps == pytest.approx((100 + 98.81 + 75) / 3)


def test_bobot_eksplisit_mengalahkan_iku():
    df = pd.DataFrame({"sasaran": ["A", "A"], "capaian": [90, 120], "iku": [True, False],
                       "bobot": [1, 3]})
    assert hitung_nps(df).nps == pytest.approx((90 + 360) / 4)


def test_sasaran_tanpa_nps_tidak_ikut_rata_rata():
    df = pd.DataFrame({"sasaran": ["A", "B"], "capaian": [80, None]})
    h = hitung_nps(df)
    assert math.isnan(h.sasaran.set_index("sasaran").loc["B", "nps"])
    assert h.nps == pytest.approx(80.0)


def test_semua_belum_ada():
    h = hitung_nps(pd.DataFrame({"sasaran": ["A"], "capaian": [None]}))
    assert h.nps is None and h.kriteria is None


def test_kolom_wajib():
    with pytest.raises(ValueError, match="sasaran"):
        hitung_nps(pd.DataFrame({"capaian": [1]}))


def test_nps_per_unit_sama_dengan_per_unit_satu_satu():
    from rapk_xl import hitung_nps_per
    a = _contoh().assign(unit="A")
    b = _contoh().assign(unit="B", capaian=[50, 60, 70, 80, 90])
    gabung = hitung_nps_per(pd.concat([a, b]), by=["unit"]).total.set_index("unit")["nps"]
    assert gabung["A"] == pytest.approx(hitung_nps(a).nps)
    assert gabung["B"] == pytest.approx(hitung_nps(b).nps)
