"""Fungsi Excel (xlwings UDF): =CAPAIAN(), =KRITERIA(), =NPS(), =NPS_UNIT(), =BOBOT(),
=EFISIENSI().

Pembungkus tipis atas ``rapk_xl.calc``: tidak ada aturan hitung di sini, hanya penerjemahan
antara apa yang dikirim Excel (float, ``None`` untuk sel kosong, teks, list 2-D untuk range)
dan apa yang sebaiknya tampil di sel:

- angka untuk hasil;
- sel kosong untuk "belum ada" (realisasi belum diisi);
- kata singkat untuk "tidak dapat dihitung" ("Akhir Tahun", "Target kosong", "Bukan angka");
- tidak pernah traceback Python: kesalahan tampil sebagai "Galat: ...".

Range sebagai masukan CAPAIAN/KRITERIA menghasilkan larik berukuran sama (satu panggilan
untuk satu kolom, bukan satu per sel).

Aturan untuk tanda tangan fungsi (diperiksa ``tests/test_udfs_vba.py`` atas VBA yang
dihasilkan generator xlwings): nama parameter tidak sama dengan nama fungsi mana pun di modul
(VBA menolak ``Function BOBOT(bobot)`` dan mengompilasi modul sekaligus, jadi satu kesalahan
mematikan keenam fungsi), bukan kata kunci VBA; docstring (keterangan di dialog Insert
Function) dan ``doc`` argumen paling panjang 255 karakter dan hanya memakai huruf cp1252.
Urutan argumen tetap: rumus di sheet Capaian memanggilnya menurut posisi.
"""
from __future__ import annotations

import functools
import math

import numpy as np
import pandas as pd
import xlwings as xw

from .calc import (bobot_indikator, capaian_array, efisiensi_array, hitung_nps_per,
                   kriteria_array, nps, tampil_array)
from .calc.parse import Status, parse_angka_array

__all__ = ["CAPAIAN", "KRITERIA", "NPS", "NPS_UNIT", "BOBOT", "EFISIENSI"]

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


@xw.func(category=KATEGORI)
@xw.arg("realisasi", ndim=2, err_to_str=True, doc="Realisasi: sel atau range (angka, teks angka, WTP/WDP/TW/TMP).")
@xw.arg("target", ndim=2, err_to_str=True, doc="Target: sel atau range seukuran realisasi.")
@xw.arg("polaritas", doc="Opsional: Positif (default) atau Negatif (makin kecil makin baik).")
@xw.arg("jenis_target", doc="Opsional: Tetap, Kumulatif atau Akhir Tahun.")
@xw.arg("bulan", doc="Opsional: bulan pelaporan 1-12 (untuk indikator Akhir Tahun).")
@_aman
def CAPAIAN(realisasi, target, polaritas="Positif", jenis_target=None, bulan=None):
    """Capaian (%) = realisasi / target × 100, tidak dibatasi 100; Negatif: (2 - realisasi/target) × 100, paling kecil 0. Opini BPK: WTP=4, WDP=3, TW=2, TMP=1. Kosong bila realisasi belum diisi; teks singkat bila tak dapat dihitung."""  # noqa: E501
    # Teks "tidak dapat dihitung": "Akhir Tahun", "Target kosong", "Target nol", "Bukan angka".
    # Range masukan menghasilkan range hasil berukuran sama.
    (r, t, p, j, b), dim = _siarkan(realisasi, target, polaritas, jenis_target, bulan)
    h = capaian_array(r, t, p, j, b)
    return _keluaran(tampil_array(h.nilai, h.alasan), dim)


@xw.func(category=KATEGORI)
@xw.arg("nilai", ndim=2, err_to_str=True, doc="Capaian atau NPS (%): sel atau range.")
@_aman
def KRITERIA(nilai):
    """Kriteria capaian/NPS setelah dibulatkan 2 desimal: Sangat Kurang (<50), Kurang (<70), Cukup (<90), Baik (<110), Sangat Baik (<120), selain itu Tidak Dapat Disimpulkan. Kosong tetap kosong; teks diteruskan."""  # noqa: E501
    # Teks seperti "Akhir Tahun" (dari CAPAIAN) diteruskan apa adanya.
    (x,), dim = _siarkan(nilai)
    angka, st = parse_angka_array(x)
    label = kriteria_array(angka)
    out = np.empty(x.shape, dtype=object)
    for idx in np.ndindex(x.shape):
        if label[idx] is not None:
            out[idx] = label[idx]
        elif st[idx] is Status.KOSONG:
            out[idx] = ""
        else:
            out[idx] = str(x[idx])
    return _keluaran(out, dim)


def _kolom(x, nama: str, n: int | None = None) -> np.ndarray:
    a, _ = _larik(x)
    a = a.ravel()
    if n is not None and a.size != n:
        raise ValueError(f"range {nama} harus seukuran range capaian")
    return a


def _sama(a: object, b: object) -> bool:
    """Pencocokan kunci seperti Excel: 1 = 1.0 = "1"; teks tidak peka huruf besar."""
    if a is None or b is None:
        return False
    try:
        return float(a) == float(b)
    except (TypeError, ValueError):
        return str(a).strip().lower() == str(b).strip().lower()


@xw.func(category=KATEGORI)
@xw.arg("kolom_capaian", ndim=2, err_to_str=True, doc="Range capaian indikator.")
@xw.arg("kolom_bobot", ndim=2, doc="Opsional: range bobot seukuran capaian (IKU = 2, biasa = 1).")
@xw.arg("kolom_sasaran", ndim=2, doc="Opsional: range nomor sasaran seukuran capaian.")
@xw.arg("pilih_sasaran", doc="Opsional: hanya indikator dengan nomor sasaran ini.")
@_aman
def NPS(kolom_capaian, kolom_bobot=None, kolom_sasaran=None, pilih_sasaran=None):
    """Nilai Pencapaian Sasaran = jumlah(bobot × capaian) / jumlah bobot; capaian kosong atau teks dilewati beserta bobotnya. Tanpa bobot: semua berbobot 1. Dengan sasaran dan pilih_sasaran: hanya indikator sasaran itu."""  # noqa: E501
    # Seperti SUMIF untuk sasaran; sel kosong bila belum ada capaian sama sekali.
    c = _kolom(kolom_capaian, "capaian")
    w = None if kolom_bobot is None else _kolom(kolom_bobot, "bobot", c.size)
    if kolom_sasaran is not None and pilih_sasaran is not None:
        s = _kolom(kolom_sasaran, "sasaran", c.size)
        ambil = np.array([_sama(v, pilih_sasaran) for v in s], dtype=bool)
        c = c[ambil]
        w = None if w is None else w[ambil]
    hasil = nps(c, w)
    return "" if hasil is None else hasil


@xw.func(category=KATEGORI)
@xw.arg("kolom_capaian", ndim=2, err_to_str=True, doc="Range capaian semua indikator unit.")
@xw.arg("kolom_bobot", ndim=2, doc="Range bobot seukuran capaian.")
@xw.arg("kolom_sasaran", ndim=2, doc="Range nomor sasaran seukuran capaian.")
@xw.arg("kolom_perspektif", ndim=2, doc="Opsional: range perspektif seukuran capaian.")
@xw.arg("pilih_perspektif", doc="Opsional: hanya NPS perspektif ini.")
@_aman
def NPS_UNIT(kolom_capaian, kolom_bobot, kolom_sasaran, kolom_perspektif=None,
             pilih_perspektif=None):
    """NPS unit = rata-rata NPS perspektif (tanpa perspektif: rata-rata NPS sasaran); NPS sasaran = jumlah(bobot × capaian) / jumlah bobot. Dengan pilih_perspektif: NPS perspektif itu saja. Baris tanpa sasaran dilewati."""  # noqa: E501
    # NPS perspektif = rata-rata NPS sasarannya.
    c = _kolom(kolom_capaian, "capaian")
    kolom = {"sasaran": _kolom(kolom_sasaran, "sasaran", c.size), "capaian": c,
             "bobot": _kolom(kolom_bobot, "bobot", c.size)}
    if kolom_perspektif is not None:
        kolom["perspektif"] = _kolom(kolom_perspektif, "perspektif", c.size)
    df = pd.DataFrame(kolom)
    df = df[df["sasaran"].map(lambda v: v is not None and str(v).strip() != "")]
    if df.empty:
        return ""
    h = hitung_nps_per(df)
    if pilih_perspektif is not None:
        p = h.perspektif[h.perspektif["perspektif"].map(lambda v: _sama(v, pilih_perspektif))]
        nilai = p["nps"].iloc[0] if len(p) else math.nan
    else:
        nilai = h.total["nps"].iloc[0]
    return "" if math.isnan(nilai) else float(nilai)


@xw.func(category=KATEGORI)
@xw.arg("bobot_pk", ndim=2, doc="Bobot dari PK (boleh kosong): sel atau range.")
@xw.arg("iku", ndim=2, doc="IKU (Ya/Tidak): sel atau range seukuran bobot.")
@_aman
def BOBOT(bobot_pk, iku=None):
    """Bobot indikator untuk NPS: bobot dari PK bila diisi, selain itu IKU = 2, indikator biasa = 1."""  # noqa: E501
    (b, i), dim = _siarkan(bobot_pk, iku)
    w = bobot_indikator(b.ravel(), i.ravel()).reshape(b.shape).astype(object)
    return _keluaran(w, dim)


_KELUARAN_EFISIENSI = {"IE": "ie", "TE": "te", "KATEGORI": "kategori"}


@xw.func(category=KATEGORI)
@xw.arg("capaian_output", err_to_str=True, doc="Capaian output (%): NPS sasaran atau capaian indikator.")
@xw.arg("capaian_input", err_to_str=True, doc="Capaian input (%): realisasi anggaran / pagu × 100.")
@xw.arg("keluaran", doc='Opsional: "IE" (default), "TE" atau "Kategori".')
@_aman
def EFISIENSI(capaian_output, capaian_input, keluaran="IE"):
    """Efisiensi: IE = capaian output / capaian input (SE = 1), TE = (IE - SE) / SE; kategori Efisien bila IE >= 1, selain itu Tidak Efisien. Kosong bila output belum ada; Input kosong atau Input nol bila input tidak ada."""  # noqa: E501
    pilihan = _KELUARAN_EFISIENSI.get(str(keluaran or "IE").strip().upper())
    if pilihan is None:
        raise ValueError('keluaran harus "IE", "TE" atau "Kategori"')
    (o, i), dim = _siarkan(capaian_output, capaian_input)
    h = efisiensi_array(o, i)
    return _keluaran(tampil_array(getattr(h, pilihan), h.alasan), dim)
