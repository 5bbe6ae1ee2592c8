"""Sifat yang harus berlaku untuk semua masukan (hypothesis)."""
import math

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from rapk_xl import capaian, capaian_array, kriteria, nps
from rapk_xl.calc.parse import Status, format_angka, parse_angka

positif = st.floats(min_value=0.01, max_value=1e9, allow_nan=False, allow_infinity=False)
nilai = st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)
URUTAN = ["Sangat Kurang", "Kurang", "Cukup", "Baik", "Sangat Baik", "Tidak Dapat Disimpulkan"]


@given(r=nilai, t=positif, k=st.floats(min_value=0.1, max_value=10))
def test_capaian_sebanding_dengan_realisasi(r, t, k):
    a, b = capaian(r, t), capaian(r * k, t)
    assert math.isclose(b, a * k, rel_tol=1e-9, abs_tol=1e-9)


@given(r=nilai, t=positif)
def test_capaian_negatif_tidak_pernah_di_bawah_nol(r, t):
    assert capaian(r, t, "Negatif") >= 0


@given(st.lists(st.floats(min_value=0, max_value=500), min_size=1, max_size=20), st.data())
def test_nps_di_antara_capaian_terkecil_dan_terbesar(cs, data):
    bobot = data.draw(st.lists(st.floats(min_value=0.1, max_value=5), min_size=len(cs),
                               max_size=len(cs)))
    hasil = nps(cs, bobot)
    assert min(cs) - 1e-9 <= hasil <= max(cs) + 1e-9


@given(a=st.floats(min_value=-50, max_value=300), b=st.floats(min_value=-50, max_value=300))
def test_kriteria_tidak_pernah_turun_saat_nilai_naik(a, b):
    lo, hi = sorted([a, b])
    assert URUTAN.index(kriteria(lo)) <= URUTAN.index(kriteria(hi))


_OPINI = {"WTP": 4.0, "WDP": 3.0, "TW": 2.0, "TMP": 1.0}


def _baca(v):
    """Bacaan nilai menurut domain.md, ditulis ulang di tes: (jenis, angka)."""
    if v is None or v == "-":
        return "kosong", None
    if isinstance(v, float):
        return "angka", v
    if v in _OPINI:
        return "opini", _OPINI[v]
    if v == "84,6":
        return "angka", 84.6
    if v in ("0", "90"):
        return "angka", float(v)
    return "bukan", None


def _harap(r, t, pol):
    """Capaian yang diharapkan: realisasi / target × 100; Negatif: (2 − r/t) × 100, ≥ 0;
    opini hanya dibandingkan dengan opini atau kode 1-4; target kosong/0 atau realisasi
    kosong/teks: tidak ada."""
    (jt, tv), (jr, rv) = _baca(t), _baca(r)
    if jt in ("kosong", "bukan") or tv == 0 or jr in ("kosong", "bukan"):
        return None
    if (jr == "opini" and jt != "opini" and tv not in _OPINI.values()) or \
            (jt == "opini" and jr != "opini" and rv not in _OPINI.values()):
        return None
    q = rv / tv
    return max(0.0, (2 - q) * 100) if pol == "Negatif" else q * 100


@given(st.lists(st.one_of(st.none(), nilai, st.sampled_from(["WTP", "WDP", "-", "x", "84,6"])),
                min_size=1, max_size=15),
       st.lists(st.one_of(st.none(), positif, st.sampled_from(["WTP", "0", "-", "90"])),
                min_size=1, max_size=15),
       st.sampled_from(["Positif", "Negatif"]))
def test_capaian_larik_sesuai_aturan_domain(rs, ts, pol):
    n = min(len(rs), len(ts))
    rs, ts = rs[:n], ts[:n]
    v = capaian_array(np.array(rs, dtype=object), np.array(ts, dtype=object), pol)
    for i in range(n):
        h = _harap(rs[i], ts[i], pol)
        assert (h is None and math.isnan(v.nilai[i])) or math.isclose(h, v.nilai[i]), (rs[i], ts[i])


@settings(max_examples=300)
@given(x=st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), gaya=st.sampled_from(["id", "en"]),
       desimal=st.integers(min_value=0, max_value=3))
def test_parser_membaca_kembali_angka_yang_ditulis(x, gaya, desimal):
    teks = format_angka(x, desimal, gaya)
    harap = float(teks.replace("." if gaya == "id" else ",", "").replace(",", "."))
    # Dengan konvensi dokumen diketahui, selalu terbaca persis.
    a = parse_angka(teks, desimal="," if gaya == "id" else ".")
    assert a.status is Status.OK and a.nilai == harap
    # Tanpa konvensi: terbaca persis, atau dinyatakan ambigu, tidak pernah salah baca.
    b = parse_angka(teks)
    assert b.status in (Status.OK, Status.AMBIGU)
    if b.status is Status.OK:
        assert b.nilai == harap
    else:
        assert harap in b.kemungkinan


@given(x=st.floats(min_value=0, max_value=1e6, allow_nan=False))
def test_format_dibulatkan_seperti_kriteria(x):
    # Label kriteria selalu sesuai dengan angka yang tampil (2 desimal).
    tampil = float(format_angka(x, 2, "en").replace(",", ""))
    assume(tampil < 1e6)
    assert kriteria(x) == kriteria(tampil)
