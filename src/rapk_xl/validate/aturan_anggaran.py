"""Aturan anggaran: kontribusi, pagu sub komponen, realisasi anggaran, Anggaran RAPK.

Satu sub komponen (RO, komponen, sub komponen) bisa melayani beberapa indikator; kontribusinya
bersama-sama sama dengan pagunya (domain.md, seed Jember: 77.763.000 = 62.210.400 +
15.552.600).
"""
from __future__ import annotations

import numpy as np

from ..temuan import ERROR, WARNING, aturan
from .konteks import TOL, Konteks, fmt, terbaca

__all__: list[str] = []

_SUB = ["_f", "kode_ro", "komponen", "sub_komponen"]


@aturan("anggaran-beda-kontribusi", ERROR, "anggaran", "Anggaran RAPK ≠ Σ Kontribusi barisnya.",
        "Anggaran indikator {kode} {anggaran}{sebab}", perlu={"rapk", "anggaran"})
def anggaran_beda_kontribusi(ks: Konteks):
    a = ks["anggaran"].df
    r = ks["rapk"].df
    rd = r[terbaca(r, "anggaran") & r["kode_indikator"].notna()]
    berkode = a[a["kode_indikator"].notna()]
    jumlah = berkode.loc[terbaca(berkode, "kontribusi")].groupby("_k")["kontribusi"].sum()
    total = rd["_k"].map(jumlah).fillna(0.0).to_numpy(dtype=float)
    beda = np.abs(total - rd["anggaran"].to_numpy()) > TOL
    punya = rd["_k"].isin(set(berkode["_k"])).to_numpy()
    hasil = []
    for idx, tot, ada in zip(rd.index[beda], total[beda], punya[beda]):
        ang = rd.at[idx, "anggaran"]
        sebab = (f" tidak sama dengan jumlah Kontribusi barisnya di sheet Anggaran ({fmt(tot)}; "
                 f"selisih {fmt(ang - tot)})." if ada else
                 ", tetapi indikator ini tidak punya baris di sheet Anggaran. Tambahkan rincian "
                 "RO/komponen/sub komponennya.")
        hasil.append(ks.temuan("rapk", idx, "anggaran", "anggaran-beda-kontribusi",
                               kode=rd.at[idx, "kode_indikator"], anggaran=fmt(ang), sebab=sebab))
    return hasil


@aturan("kontribusi-lebih-pagu", ERROR, "anggaran", "Kontribusi satu baris > Pagu-nya.",
        "Kontribusi {kontribusi} lebih besar dari Pagu sub komponennya ({pagu}). Kontribusi "
        "adalah bagian Pagu untuk indikator ini.", perlu={"anggaran"})
def kontribusi_lebih_pagu(ks: Konteks):
    a = ks["anggaran"].df
    lebih = terbaca(a, "kontribusi") & terbaca(a, "pagu") & (a["kontribusi"] > a["pagu"] + TOL)
    return [ks.temuan("anggaran", idx, "kontribusi", "kontribusi-lebih-pagu",
                      kontribusi=fmt(a.at[idx, "kontribusi"]), pagu=fmt(a.at[idx, "pagu"]))
            for idx in a.index[lebih]]


@aturan("realisasi-anggaran-lebih", ERROR, "anggaran", "Realisasi Anggaran > Kontribusi.",
        "Realisasi Anggaran {realisasi} lebih besar dari Kontribusi {kontribusi}.",
        perlu={"anggaran"})
def realisasi_anggaran_lebih(ks: Konteks):
    a = ks["anggaran"].df
    lebih = (terbaca(a, "kontribusi") & terbaca(a, "realisasi_anggaran")
             & (a["realisasi_anggaran"] > a["kontribusi"] + TOL))
    return [ks.temuan("anggaran", idx, "realisasi_anggaran", "realisasi-anggaran-lebih",
                      realisasi=fmt(a.at[idx, "realisasi_anggaran"]),
                      kontribusi=fmt(a.at[idx, "kontribusi"]))
            for idx in a.index[lebih]]


def _sub_komponen(ks: Konteks):
    """Baris anggaran lengkap per sub komponen: (baris, ringkasan per kelompok, posisi baris
    tiap kelompok, Pagu tidak sama dalam kelompok); dihitung sekali per konteks."""
    return ks.sekali("sub_komponen", _hitung_sub_komponen)


def _hitung_sub_komponen(ks: Konteks):
    a = ks["anggaran"].df
    g = a[terbaca(a, "kontribusi") & terbaca(a, "pagu") & a["kode_ro"].notna()
          & a["komponen"].notna() & a["sub_komponen"].notna()]
    grup = g.assign(_idx=g.index).groupby(_SUB, sort=False)
    ringkas = grup.agg(idx0=("_idx", "first"), pagu=("pagu", "first"), pmin=("pagu", "min"),
                       pmax=("pagu", "max"), total=("kontribusi", "sum"), n=("pagu", "size"))
    return g, ringkas, grup.indices, (ringkas["pmax"] - ringkas["pmin"]) > TOL


@aturan("pagu-tidak-konsisten", ERROR, "anggaran",
        "Satu sub komponen ditulis dengan Pagu berbeda.",
        "Sub komponen {ro} / {komponen} / {sub} ditulis dengan Pagu {pagu} di sini dan {acuan} "
        "di baris {baris}. Samakan Pagu-nya.", perlu={"anggaran"})
def pagu_tidak_konsisten(ks: Konteks):
    g, ringkas, posisi, beda = _sub_komponen(ks)
    hasil = []
    for k in ringkas.index[beda]:  # satu temuan per sub komponen, di baris yang berbeda
        acuan = ringkas.at[k, "pagu"]
        idx = next(i for i in g.index[posisi[k]] if abs(g.at[i, "pagu"] - acuan) > TOL)
        hasil.append(ks.temuan("anggaran", idx, "pagu", "pagu-tidak-konsisten", ro=k[1],
                               komponen=k[2], sub=k[3], pagu=fmt(g.at[idx, "pagu"]),
                               acuan=fmt(acuan), baris=g.at[ringkas.at[k, "idx0"], "_r"]))
    return hasil


def _kontribusi_vs_pagu(ks: Konteks, lebih: bool, rule: str):
    g, ringkas, posisi, beda = _sub_komponen(ks)
    if lebih:
        pilih = ~beda & (ringkas["total"] > ringkas["pagu"] + TOL) & (ringkas["n"] > 1)
    else:
        pilih = ~beda & (ringkas["total"] < ringkas["pagu"] - TOL)
    hasil = []
    for k in ringkas.index[pilih]:
        pagu, total = ringkas.at[k, "pagu"], ringkas.at[k, "total"]
        ind = ", ".join(str(x) for x in g.loc[g.index[posisi[k]], "kode_indikator"])
        hasil.append(ks.temuan("anggaran", ringkas.at[k, "idx0"], "pagu", rule, ro=k[1],
                               sub=k[3], indikator=ind, total=fmt(total), pagu=fmt(pagu),
                               sisa=fmt(pagu - total)))
    return hasil


@aturan("pagu-terhitung-ganda", ERROR, "anggaran",
        "Σ Kontribusi satu sub komponen > Pagu (terhitung dua kali).",
        "Sub komponen {ro} / {sub}: jumlah Kontribusi untuk indikator {indikator} = {total}, "
        "lebih besar dari Pagu {pagu} (anggaran terhitung dua kali). Kurangi Kontribusinya.",
        perlu={"anggaran"})
def pagu_terhitung_ganda(ks: Konteks):
    return _kontribusi_vs_pagu(ks, True, "pagu-terhitung-ganda")


@aturan("pagu-tidak-teratribusi", WARNING, "anggaran", "Σ Kontribusi satu sub komponen < Pagu.",
        "Sub komponen {ro} / {sub}: jumlah Kontribusi ({indikator}) = {total} dari Pagu {pagu}; "
        "{sisa} belum diatribusikan ke indikator mana pun.", perlu={"anggaran"})
def pagu_tidak_teratribusi(ks: Konteks):
    return _kontribusi_vs_pagu(ks, False, "pagu-tidak-teratribusi")

