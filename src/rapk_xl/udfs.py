"""Fungsi Excel (xlwings UDF): =CAPAIAN(), =KRITERIA(), =NPS(), =EFISIENSI().

Pembungkus tipis atas ``rapk_xl.calc``: tidak ada aturan hitung di sini, hanya penerjemahan
antara apa yang dikirim Excel (float, ``None`` untuk sel kosong, teks, list 2-D untuk range)
dan apa yang sebaiknya tampil di sel:

- angka untuk hasil;
- sel kosong untuk "belum ada" (realisasi belum diisi);
- kata singkat untuk "tidak dapat dihitung" ("Akhir Tahun", "Target kosong", "Bukan angka");
- tidak pernah traceback Python: kesalahan tampil sebagai "Galat: ...".

Range sebagai masukan CAPAIAN/KRITERIA menghasilkan larik berukuran sama (satu panggilan
untuk satu kolom, bukan satu per sel).
"""
from __future__ import annotations

import functools

import numpy as np
import xlwings as xw

from .calc import capaian_array, efisiensi_array, kriteria_array, nps
from .calc.parse import Status, parse_angka_array

__all__ = ["CAPAIAN", "KRITERIA", "NPS", "EFISIENSI"]

KATEGORI = "RAPK"


def _aman(f):
    """Kesalahan apa pun menjadi teks "Galat: ..." di sel, bukan traceback."""

    @functools.wraps(f)
    def bungkus(*args):
        try:
            return f(*args)
        except ValueError as e:
            return f"Galat: {e}"
        except Exception as e:  # noqa: BLE001 — tidak boleh ada traceback di sel
            return f"Galat: {type(e).__name__}"

    return bungkus


def _larik(x) -> tuple[np.ndarray, int]:
    """Masukan Excel → larik objek dan dimensinya (0 skalar, 1 list, 2 range)."""
    if isinstance(x, (list, tuple)):
        if x and all(isinstance(b, (list, tuple)) for b in x):
            lebar = {len(b) for b in x}
            if len(lebar) != 1:
                raise ValueError("range tidak persegi")
            a = np.empty((len(x), lebar.pop()), dtype=object)
            for i, b in enumerate(x):
                for j, v in enumerate(b):
                    a[i, j] = v
            return a, 2
        a = np.empty(len(x), dtype=object)
        for i, v in enumerate(x):
            a[i] = v
        return a, 1
    a = np.empty((), dtype=object)
    a[()] = x
    return a, 0


def _siarkan(*masukan):
    larik = [_larik(x) for x in masukan]
    try:
        siar = np.broadcast_arrays(*(a for a, _ in larik))
    except ValueError:
        raise ValueError("ukuran range tidak sama") from None
    return siar, max(d for _, d in larik)


def _keluaran(sel: np.ndarray, dim: int):
    if dim == 0:
        return sel.reshape(-1)[0]
    return sel.tolist()


def _tampil(nilai: np.ndarray, alasan: np.ndarray) -> np.ndarray:
    out = np.empty(nilai.shape, dtype=object)
    for idx in np.ndindex(nilai.shape):
        a = alasan[idx]
        out[idx] = float(nilai[idx]) if a is None else a.tampil
    return out


@xw.func(category=KATEGORI)
@xw.arg("realisasi", ndim=2, err_to_str=True, doc="Realisasi: sel atau range (angka, teks angka, WTP/WDP/TW/TMP).")
@xw.arg("target", ndim=2, err_to_str=True, doc="Target: sel atau range seukuran realisasi.")
@xw.arg("polaritas", doc="Opsional: Positif (default) atau Negatif (makin kecil makin baik).")
@xw.arg("jenis_target", doc="Opsional: Tetap, Kumulatif atau Akhir Tahun.")
@xw.arg("bulan", doc="Opsional: bulan pelaporan 1-12 (untuk indikator Akhir Tahun).")
@_aman
def CAPAIAN(realisasi, target, polaritas="Positif", jenis_target=None, bulan=None):
    """Capaian (%) = realisasi / target × 100, tidak dibatasi 100.

    Polaritas Negatif: (1 + (1 − realisasi/target)) × 100, paling kecil 0. Opini BPK dibaca
    sebagai WTP=4, WDP=3, TW=2, TMP=1. Sel kosong bila realisasi belum diisi; "Akhir Tahun",
    "Target kosong", "Target nol" atau "Bukan angka" bila tidak dapat dihitung. Range
    masukan menghasilkan range hasil berukuran sama.
    """
    (r, t, p, j, b), dim = _siarkan(realisasi, target, polaritas, jenis_target, bulan)
    h = capaian_array(r, t, p, j, b)
    return _keluaran(_tampil(h.nilai, h.alasan), dim)


@xw.func(category=KATEGORI)
@xw.arg("nilai", ndim=2, err_to_str=True, doc="Capaian atau NPS (%): sel atau range.")
@_aman
def KRITERIA(nilai):
    """Kriteria capaian/NPS setelah dibulatkan 2 desimal: Sangat Kurang (<50), Kurang (<70),
    Cukup (<90), Baik (<110), Sangat Baik (<120), Tidak Dapat Disimpulkan (≥120).

    Sel kosong tetap kosong; teks seperti "Akhir Tahun" diteruskan apa adanya.
    """
    (x,), dim = _siarkan(nilai)
    label = kriteria_array(x)
    _, st = parse_angka_array(x)
    out = np.empty(x.shape, dtype=object)
    for idx in np.ndindex(x.shape):
        if label[idx] is not None:
            out[idx] = label[idx]
        elif st[idx] is Status.KOSONG:
            out[idx] = ""
        else:
            out[idx] = str(x[idx])
    return _keluaran(out, dim)


@xw.func(category=KATEGORI)
@xw.arg("capaian", ndim=2, err_to_str=True, doc="Range capaian indikator satu sasaran.")
@xw.arg("bobot", ndim=2, doc="Opsional: range bobot seukuran capaian (IKU = 2, biasa = 1).")
@_aman
def NPS(capaian, bobot=None):
    """Nilai Pencapaian Sasaran = Σ(bobot × capaian) / Σ bobot.

    Capaian yang kosong atau berupa teks ("Akhir Tahun") dilewati beserta bobotnya. Tanpa
    bobot semua indikator berbobot 1. Sel kosong bila belum ada capaian sama sekali.
    """
    c, _ = _larik(capaian)
    w = None
    if bobot is not None:
        w, _ = _larik(bobot)
        if w.size != c.size:
            raise ValueError("range bobot harus seukuran range capaian")
        w = w.ravel()
    hasil = nps(c.ravel(), w)
    return "" if hasil is None else hasil


@xw.func(category=KATEGORI)
@xw.arg("capaian_output", err_to_str=True, doc="Capaian output (%): NPS sasaran atau capaian indikator.")
@xw.arg("capaian_input", err_to_str=True, doc="Capaian input (%): realisasi anggaran / pagu × 100.")
@_aman
def EFISIENSI(capaian_output, capaian_input):
    """Indeks efisiensi (IE) = capaian output / capaian input. IE ≥ 1 berarti Efisien.

    Sel kosong bila output belum ada; "Input kosong" atau "Input nol" bila input tidak ada.
    """
    (o, i), dim = _siarkan(capaian_output, capaian_input)
    h = efisiensi_array(o, i)
    return _keluaran(_tampil(h.ie, h.alasan), dim)
