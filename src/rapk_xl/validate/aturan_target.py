"""Aturan target bulanan RAPK menurut jenis target (domain.md, "Target patterns"): Tetap,
Kumulatif, Akhir Tahun; dan anomali dokumen nyata (B12 jumlah setelah persentase, baris
bergeser, target persentase di atas 100)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..format.spec import ID_TARGET
from ..temuan import ERROR, WARNING, aturan
from .konteks import EPS, Konteks, fmt, pertama, sebelumnya

__all__: list[str] = []

_PERLU = {"pk", "rapk"}


def _bagian(ks: Konteks):
    """Kolom gabungan target yang sering dipakai: (m, val, isi, idx, kode, jenis, target)."""
    m, val, isi = ks.target
    return (m, val, isi, m["idx"].to_numpy(), m["kode_indikator"].to_numpy(dtype=object),
            m["jenis"].to_numpy(dtype=object), m["target"].to_numpy(dtype=float))


def _t(ks: Konteks, idx, j: int, rule: str, **isi):
    """Temuan di sel bulan ke-j (0 = B01) baris RAPK ``idx``."""
    return ks.temuan("rapk", idx, ID_TARGET[j], rule, **isi)


def _bulan(j: int, ks: Konteks) -> str:
    return ks["rapk"].spec.nama_kolom(ID_TARGET[j])


@aturan("target-kosong", ERROR, "target", "Indikator tanpa target bulanan sama sekali.",
        "Indikator {kode} tidak punya target bulanan ({RAPK[b01]}–{RAPK[b12]} kosong). Isi "
        "target bulan-bulan yang bertarget.", perlu=_PERLU)
def target_kosong(ks: Konteks):
    m, val, isi, idx, kode, jenis, _ = _bagian(ks)
    return [_t(ks, idx[i], 11, "target-kosong", kode=kode[i])
            for i in np.flatnonzero(~isi.any(axis=1) & pd.notna(jenis))]


@aturan("target-melebihi-100", ERROR, "target", "Target persentase di atas 100.",
        "Target {bulan} indikator {kode} = {nilai}, padahal indikator ini persentase (paling "
        "besar 100).", perlu=_PERLU)
def target_melebihi_100(ks: Konteks):
    m, val, isi, idx, kode, _, _ = _bagian(ks)
    bagian = m["bagian"].to_numpy(dtype=bool)[:, None]
    return [_t(ks, idx[i], j, "target-melebihi-100", bulan=_bulan(j, ks), kode=kode[i],
               nilai=fmt(val[i, j]))
            for i, j in pertama(isi & (val > 100) & bagian)]


@aturan("target-bolong", WARNING, "target",
        "Target terputus: bulan tanpa target di antara bulan bertarget.",
        "Target indikator {kode} terputus: {bulan} kosong di antara bulan yang bertarget. Isi "
        "targetnya atau pastikan memang tidak ada target.", perlu=_PERLU)
def target_bolong(ks: Konteks):
    m, val, isi, idx, kode, _, _ = _bagian(ks)
    di_antara = (np.cumsum(isi, axis=1) > 0) & (np.cumsum(isi[:, ::-1], axis=1)[:, ::-1] > 0)
    return [_t(ks, idx[i], j, "target-bolong", kode=kode[i], bulan=_bulan(j, ks))
            for i, j in pertama(di_antara & ~isi)]


@aturan("b12-seperti-jumlah", ERROR, "target",
        "B12 tampak seperti jumlah setelah persentase (pola PJAS).",
        "{RAPK[b12]} indikator {kode} = {nilai} setelah target {sebelum} di bulan sebelumnya: "
        "tampak seperti jumlah ({satuan}) setelah persentase. Samakan satuan "
        "{RAPK[b01]}–{RAPK[b12]} dengan satuan indikator.", perlu=_PERLU)
def b12_seperti_jumlah(ks: Konteks):
    m, val, isi, idx, kode, _, _ = _bagian(ks)
    jumlah, sebelum = ks.b12_seperti_jumlah
    return [_t(ks, idx[i], 11, "b12-seperti-jumlah", kode=kode[i], nilai=fmt(val[i, 11]),
               sebelum=fmt(sebelum[i]), satuan=m["_satuan"].iat[i])
            for i in np.flatnonzero(jumlah)]


def _rentang(val: np.ndarray, isi: np.ndarray) -> np.ndarray:
    with np.errstate(all="ignore"):
        return (np.nanmax(np.where(isi, val, -np.inf), axis=1)
                - np.nanmin(np.where(isi, val, np.inf), axis=1))


@aturan("tetap-bervariasi", ERROR, "target", "Target Tetap tidak sama tiap bulan.",
        "Indikator {kode} berjenis Tetap, tetapi target {bulan} = {nilai} berbeda dari bulan "
        "lain ({acuan}). Target Tetap sama setiap bulan.", perlu=_PERLU)
def tetap_bervariasi(ks: Konteks):
    m, val, isi, idx, kode, jenis, _ = _bagian(ks)
    hasil = []
    for i in np.flatnonzero((jenis == "Tetap") & isi.any(axis=1) & (_rentang(val, isi) > EPS)):
        bulan = np.flatnonzero(isi[i])
        acuan = pd.Series(val[i, bulan]).mode().iloc[0]
        j = bulan[np.abs(val[i, bulan] - acuan) > EPS][0]
        hasil.append(_t(ks, idx[i], j, "tetap-bervariasi", kode=kode[i], bulan=_bulan(j, ks),
                        nilai=fmt(val[i, j]), acuan=fmt(acuan)))
    return hasil


@aturan("tetap-beda-target", ERROR, "target", "Target Tetap berbeda dari Target tahunan.",
        "Target bulanan indikator {kode} ({nilai}) berbeda dari {PK[target]} tahunan di PK "
        "({target}). Untuk jenis Tetap keduanya sama.", perlu=_PERLU)
def tetap_beda_target(ks: Konteks):
    m, val, isi, idx, kode, jenis, target = _bagian(ks)
    awal = isi.argmax(axis=1)
    nilai = val[np.arange(len(val)), awal]
    seragam = _rentang(val, isi) <= EPS
    pilih = ((jenis == "Tetap") & isi.any(axis=1) & seragam & ~np.isnan(target)
             & (np.abs(nilai - target) > EPS))
    return [_t(ks, idx[i], awal[i], "tetap-beda-target", kode=kode[i], nilai=fmt(nilai[i]),
               target=fmt(target[i]))
            for i in np.flatnonzero(pilih)]


@aturan("kumulatif-turun", ERROR, "target", "Target Kumulatif menurun.",
        "Indikator {kode} berjenis Kumulatif, tetapi target {bulan} ({nilai}) lebih kecil dari "
        "bulan sebelumnya ({sebelum}). Target Kumulatif tidak boleh turun.", perlu=_PERLU)
def kumulatif_turun(ks: Konteks):
    m, val, isi, idx, kode, jenis, _ = _bagian(ks)
    sblm = sebelumnya(val)
    turun = isi & (val < sblm - EPS) & (jenis == "Kumulatif")[:, None]
    turun[:, 11] &= ~ks.b12_seperti_jumlah[0]  # B12 jumlah sudah dilaporkan sendiri
    return [_t(ks, idx[i], j, "kumulatif-turun", kode=kode[i], bulan=_bulan(j, ks),
               nilai=fmt(val[i, j]), sebelum=fmt(sblm[i, j]))
            for i, j in pertama(turun)]


@aturan("kumulatif-b12-beda-target", ERROR, "target", "B12 Kumulatif berbeda dari Target tahunan.",
        "{RAPK[b12]} indikator {kode} ({nilai}) harus sama dengan {PK[target]} tahunan di PK "
        "({target}) untuk jenis Kumulatif.", perlu=_PERLU)
def kumulatif_b12_beda_target(ks: Konteks):
    m, val, isi, idx, kode, jenis, target = _bagian(ks)
    pilih = ((jenis == "Kumulatif") & isi.any(axis=1) & ~np.isnan(target)
             & (~isi[:, 11] | (np.abs(val[:, 11] - target) > EPS)))
    return [_t(ks, idx[i], 11, "kumulatif-b12-beda-target", kode=kode[i],
               nilai=fmt(val[i, 11]) if isi[i, 11] else "kosong", target=fmt(target[i]))
            for i in np.flatnonzero(pilih)]


@aturan("akhir-tahun-sebelum-b12", ERROR, "target", "Indikator Akhir Tahun bertarget sebelum B12.",
        "Indikator {kode} berjenis Akhir Tahun, tetapi bertarget di {bulan}. Indikator Akhir "
        "Tahun hanya bertarget di {RAPK[b12]}; ubah jenisnya atau kosongkan bulan sebelumnya.",
        perlu=_PERLU)
def akhir_tahun_sebelum_b12(ks: Konteks):
    m, val, isi, idx, kode, jenis, _ = _bagian(ks)
    return [_t(ks, idx[i], j, "akhir-tahun-sebelum-b12", kode=kode[i], bulan=_bulan(j, ks))
            for i, j in pertama(isi[:, :11] & (jenis == "Akhir Tahun")[:, None])]


@aturan("akhir-tahun-beda-target", ERROR, "target",
        "B12 indikator Akhir Tahun berbeda dari Target tahunan.",
        "{RAPK[b12]} indikator {kode} ({nilai}) berbeda dari {PK[target]} tahunan di PK "
        "({target}).", perlu=_PERLU)
def akhir_tahun_beda_target(ks: Konteks):
    m, val, isi, idx, kode, jenis, target = _bagian(ks)
    pilih = ((jenis == "Akhir Tahun") & ~np.isnan(target) & isi[:, 11]
             & (np.abs(val[:, 11] - target) > EPS))
    return [_t(ks, idx[i], 11, "akhir-tahun-beda-target", kode=kode[i], nilai=fmt(val[i, 11]),
               target=fmt(target[i]))
            for i in np.flatnonzero(pilih)]


@aturan("baris-bergeser", ERROR, "target",
        "Baris bergeser: angka berlebih di kanan kolom Anggaran.",
        "Ada angka {nilai} di kolom '{kolom}' di kanan kolom {RAPK[anggaran]} (indikator "
        "{kode}): baris ini tampaknya bergeser satu kolom (angka berlebih untuk 12 bulan). Geser "
        "target {RAPK[b01]}–{RAPK[b12]} dan {RAPK[anggaran]} ke kolom yang benar.",
        perlu={"rapk"})
def baris_bergeser(ks: Konteks):
    """Angka di kolom tambahan kanan tabel RAPK: 13 angka untuk 12 bulan."""
    r = ks["rapk"]
    d = r.df[r.df["kode_indikator"].notna()]
    hasil = []
    for c in [c for c in r.mentah.columns if c not in r.spec.semua_id and not c.startswith("_")]:
        kol = r.mentah.loc[d.index, c]
        angka = kol.map(lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)
                        and v == v)
        for idx in kol.index[angka.to_numpy(dtype=bool)]:
            hasil.append(ks.temuan("rapk", idx, c, "baris-bergeser", nilai=fmt(kol[idx]),
                                   kolom=c, kode=d.at[idx, "kode_indikator"]))
    return hasil
