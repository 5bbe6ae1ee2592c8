"""Aturan realisasi: bulan yang wajib diisi s.d. Periode, bulan sesudahnya, nilai yang tidak
mungkin, realisasi kumulatif, pembilang/penyebut."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..calc.parse import bulatkan_array
from ..calc.turunan import rasio_pembilang
from ..format.spec import ID_REALISASI, ID_TARGET
from ..temuan import ERROR, WARNING, aturan
from .konteks import BULAN, EPS, KUNCI, Konteks, fmt, matriks, pertama, sebelumnya
from .tumpukan import ST

__all__: list[str] = []

_PERLU = {"pk", "rapk", "realisasi"}
_KOLOM_T = [f"t{b}" for b in BULAN]


def _bagian(ks: Konteks):
    """(m, nilai R01..R12, kosong, bertarget, periode, idx, kode, jenis) baris Realisasi."""
    m = ks.realisasi
    val, _ = matriks(m, ID_REALISASI)
    kosong = m[[b + ST for b in ID_REALISASI]].to_numpy(dtype=object) == "kosong"
    tisi = m[_KOLOM_T].fillna(False).to_numpy(dtype=bool)
    return (m, val, kosong, tisi, ks.periode_baris(m["_f"]), m["idx"].to_numpy(),
            m["kode_indikator"].to_numpy(dtype=object), m["jenis"].to_numpy(dtype=object))


def _r(ks: Konteks, idx, j: int, rule: str, **isi):
    return ks.temuan("realisasi", idx, ID_REALISASI[j], rule,
                     bulan=ks["realisasi"].spec.nama_kolom(ID_REALISASI[j]), **isi)


def _sebelum_akhir_tahun(jenis: np.ndarray) -> np.ndarray:
    """Bulan 1..11 indikator Akhir Tahun: realisasinya belum ada, bukan kosong yang salah."""
    return (jenis == "Akhir Tahun")[:, None] & (BULAN[None, :] < 12)


@aturan("pk-tidak-di-realisasi", ERROR, "kunci",
        "Indikator bertarget s.d. Periode tanpa baris Realisasi.",
        "Indikator {kode} belum punya baris di sheet Realisasi, padahal sudah bertarget sejak "
        "{bulan}. Tambahkan baris realisasinya.", perlu=_PERLU)
def pk_tidak_di_realisasi(ks: Konteks):
    pk = ks["pk"].df
    p = (pk[pk["kode_indikator"].notna()].reset_index(names="idx")
         .merge(ks.isi_target, on=KUNCI, how="inner")
         .merge(ks.info_pk[[*KUNCI, "jenis"]], on=KUNCI, how="left"))
    p = p[~p["_k"].isin(set(ks.realisasi_unik["_k"]))]
    if p.empty:
        return []
    per = ks.periode_baris(p["_f"])
    perlu = (p[_KOLOM_T].to_numpy(dtype=bool) & (BULAN[None, :] <= per[:, None])
             & ~_sebelum_akhir_tahun(p["jenis"].to_numpy(dtype=object)))
    return [ks.temuan("pk", p["idx"].iat[i], "kode_indikator", "pk-tidak-di-realisasi",
                      kode=p["kode_indikator"].iat[i],
                      bulan=ks["rapk"].spec.nama_kolom(ID_TARGET[j]))
            for i, j in pertama(perlu)]


@aturan("realisasi-kosong", ERROR, "realisasi",
        "Bulan s.d. Periode yang bertarget belum diisi realisasinya.",
        "Realisasi {bulan} indikator {kode} belum diisi, padahal bulan itu bertarget dan sudah "
        "lewat (Periode {periode}).", perlu=_PERLU)
def realisasi_kosong(ks: Konteks):
    m, val, kosong, tisi, per, idx, kode, jenis = _bagian(ks)
    wajib = ((BULAN[None, :] <= per[:, None]) & tisi & kosong & ~_sebelum_akhir_tahun(jenis))
    return [_r(ks, idx[i], j, "realisasi-kosong", kode=kode[i], periode=int(per[i]))
            for i, j in zip(*np.nonzero(wajib))]


@aturan("realisasi-setelah-periode", ERROR, "realisasi",
        "Realisasi diisi untuk bulan setelah Periode.",
        "Realisasi {bulan} indikator {kode} terisi, padahal Periode di Info baru {periode}. "
        "Kosongkan bulan setelah Periode, atau perbarui Periode.", perlu={"pk", "realisasi"})
def realisasi_setelah_periode(ks: Konteks):
    m, val, kosong, tisi, per, idx, kode, jenis = _bagian(ks)
    return [_r(ks, idx[i], j, "realisasi-setelah-periode", kode=kode[i], periode=int(per[i]))
            for i, j in zip(*np.nonzero((BULAN[None, :] > per[:, None]) & ~kosong))]


@aturan("realisasi-tidak-wajar", ERROR, "realisasi",
        "Realisasi tidak mungkin untuk satuannya (persentase > 100, negatif).",
        "Realisasi {bulan} indikator {kode} = {nilai}{sebab}", perlu={"pk", "realisasi"})
def realisasi_tidak_wajar(ks: Konteks):
    m, val, kosong, tisi, per, idx, kode, jenis = _bagian(ks)
    bagian = m["bagian"].to_numpy(dtype=bool)[:, None]
    hasil = [_r(ks, idx[i], j, "realisasi-tidak-wajar", kode=kode[i], nilai=fmt(val[i, j]),
                sebab="%, padahal persentase bagian tidak mungkin lebih dari 100.")
             for i, j in pertama((val > 100) & bagian)]
    hasil += [_r(ks, idx[i], j, "realisasi-tidak-wajar", kode=kode[i], nilai=fmt(val[i, j]),
                 sebab=": realisasi tidak mungkin negatif.")
              for i, j in pertama(val < 0)]
    return hasil


@aturan("realisasi-kumulatif-turun", WARNING, "realisasi", "Realisasi Kumulatif menurun.",
        "Realisasi Kumulatif indikator {kode} turun di {bulan} (realisasi kumulatif adalah total "
        "sejak Januari).", perlu={"pk", "realisasi"})
def realisasi_kumulatif_turun(ks: Konteks):
    m, val, kosong, tisi, per, idx, kode, jenis = _bagian(ks)
    turun = ~np.isnan(val) & (val < sebelumnya(val) - EPS) & (jenis == "Kumulatif")[:, None]
    return [_r(ks, idx[i], j, "realisasi-kumulatif-turun", kode=kode[i])
            for i, j in pertama(turun)]


def _pembilang(ks: Konteks) -> pd.DataFrame:
    pb = ks["pembilang"].df
    return pb[pb["kode_indikator"].notna() & pb["pembilang"].notna() & pb["penyebut"].notna()
              & pb["bulan"].between(1, 12)]


@aturan("penyebut-nol", ERROR, "realisasi", "Penyebut 0.",
        "{PEMBILANG[penyebut]} indikator {kode} bulan {bulan} = 0; a / b tidak dapat dihitung.",
        perlu={"pembilang"})
def penyebut_nol(ks: Konteks):
    q = _pembilang(ks)
    return [ks.temuan("pembilang", idx, "penyebut", "penyebut-nol",
                      kode=q.at[idx, "kode_indikator"], bulan=int(q.at[idx, "bulan"]))
            for idx in q.index[q["penyebut"] == 0]]


@aturan("pembilang-tidak-cocok", ERROR, "realisasi", "Pembilang/penyebut × 100 ≠ realisasi.",
        "{sebab}", perlu={"realisasi", "pembilang"})
def pembilang_tidak_cocok(ks: Konteks):
    """Pembilang / penyebut × 100 (dibulatkan 2 desimal) = realisasi bulan itu."""
    q = _pembilang(ks)
    q = q[q["penyebut"] != 0]
    if q.empty:
        return []
    d = ks.realisasi_unik
    val, _ = matriks(d, ID_REALISASI)
    posisi = pd.Series(np.arange(len(d)), index=d["_k"].to_numpy())
    pos = q["_k"].map(posisi).to_numpy(dtype=float)
    ada = ~np.isnan(pos)
    bln = q["bulan"].to_numpy(dtype=int) - 1
    nyata = np.full(len(q), np.nan)
    nyata[ada] = val[pos[ada].astype(int), bln[ada]]
    hitung = bulatkan_array(rasio_pembilang(q["pembilang"].to_numpy(dtype=float),
                                            q["penyebut"].to_numpy(dtype=float)))
    salah = np.isnan(nyata) | (np.abs(hitung - bulatkan_array(nyata)) > 0.005)
    hasil = []
    for k in np.flatnonzero(salah):
        idx = q.index[k]
        kode, b = q.at[idx, "kode_indikator"], int(q.at[idx, "bulan"])
        r = ks["realisasi"].spec.nama_kolom(ID_REALISASI[b - 1])
        if np.isnan(nyata[k]):
            sebab = (f"Pembilang/penyebut indikator {kode} bulan {b} memberi {fmt(hitung[k])}, "
                     f"tetapi realisasi {r} kosong.")
        else:
            sebab = (f"{fmt(q.at[idx, 'pembilang'])} / {fmt(q.at[idx, 'penyebut'])} × 100 = "
                     f"{fmt(hitung[k])}, tetapi realisasi {r} indikator {kode} = "
                     f"{fmt(nyata[k])}. Samakan keduanya.")
        hasil.append(ks.temuan("pembilang", idx, "pembilang", "pembilang-tidak-cocok",
                               sebab=sebab))
    return hasil
