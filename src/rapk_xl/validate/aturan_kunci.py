"""Aturan kunci: Kode Indikator menghubungkan tabel; baris ganda; nomor urut; sasaran."""
from __future__ import annotations

from ..format.spec import POLA_KODE_INDIKATOR
from ..temuan import ERROR, WARNING, aturan
from .konteks import KUNCI, Konteks, fmt, terbaca

__all__: list[str] = []


@aturan("kode-ganda", ERROR, "kunci", "Kode Indikator muncul lebih dari sekali.",
        "{kolom} {kode} sudah dipakai di baris {baris}: setiap indikator hanya boleh satu baris "
        "di sheet {sheet}. Hapus atau perbaiki kodenya.")
def kode_ganda(ks: Konteks):
    hasil = []
    for nama in ("pk", "rapk", "realisasi"):
        t = ks[nama]
        d = t.df[t.df["kode_indikator"].notna()]
        ganda = d[d.duplicated(KUNCI, keep="first")]
        if ganda.empty:
            continue
        pertama = d.drop_duplicates(KUNCI).set_index(KUNCI)["_r"]
        for idx, f, kode in zip(ganda.index, ganda["_f"], ganda["kode_indikator"]):
            hasil.append(ks.temuan(nama, idx, "kode_indikator", "kode-ganda",
                                   kolom=t.spec.nama_kolom("kode_indikator"), kode=kode,
                                   baris=pertama[(f, kode)], sheet=t.spec.sheet))
    return hasil


@aturan("kode-tidak-di-pk", ERROR, "kunci", "Kode Indikator tidak ada di PK.",
        "{kolom} {kode} tidak ada di sheet PK. Tambahkan indikatornya di PK atau perbaiki "
        "kodenya.", perlu={"pk"})
def kode_tidak_di_pk(ks: Konteks):
    pk = ks["pk"].df
    kunci_pk = set(pk[pk["kode_indikator"].notna()]["_k"])
    hasil = []
    for nama in ("rapk", "anggaran", "realisasi", "pembilang"):
        t = ks[nama]
        d = t.df[t.df["kode_indikator"].notna()]
        for idx in d.index[~d["_k"].isin(kunci_pk)]:
            hasil.append(ks.temuan(nama, idx, "kode_indikator", "kode-tidak-di-pk",
                                   kolom=t.spec.nama_kolom("kode_indikator"),
                                   kode=d.at[idx, "kode_indikator"]))
    return hasil


@aturan("pk-tidak-di-rapk", ERROR, "kunci", "Indikator PK tidak punya baris RAPK.",
        "Indikator {kode} ada di PK tetapi tidak punya baris di sheet RAPK (target bulanan dan "
        "anggaran). Tambahkan barisnya di RAPK.", perlu={"pk", "rapk"})
def pk_tidak_di_rapk(ks: Konteks):
    pk = ks["pk"].df
    # kode yang salah bentuk sudah dilaporkan sendiri
    sah = pk[pk["kode_indikator"].notna()
             & pk["kode_indikator"].astype(str).str.match(POLA_KODE_INDIKATOR)]
    rapk = ks["rapk"].df
    ada = set(rapk[rapk["kode_indikator"].notna()]["_k"])
    return [ks.temuan("pk", idx, "kode_indikator", "pk-tidak-di-rapk",
                      kode=pk.at[idx, "kode_indikator"])
            for idx in sah.index[~sah["_k"].isin(ada)]]


@aturan("baris-anggaran-ganda", ERROR, "kunci",
        "Baris anggaran (indikator, RO, komponen, sub komponen) ganda.",
        "Baris anggaran ganda: indikator {kode}, RO {ro}, {komponen}, {sub} sudah ada di baris "
        "sebelumnya. Hapus salah satunya.", perlu={"anggaran"})
def baris_anggaran_ganda(ks: Konteks):
    a = ks["anggaran"].df
    d = a[a["kode_ro"].notna()]
    return [ks.temuan("anggaran", idx, "kode_indikator", "baris-anggaran-ganda",
                      kode=a.at[idx, "kode_indikator"], ro=a.at[idx, "kode_ro"],
                      komponen=a.at[idx, "komponen"] or "-", sub=a.at[idx, "sub_komponen"] or "-")
            for idx in d.index[d.duplicated([*KUNCI, "kode_ro", "komponen", "sub_komponen"],
                                            keep="first")]]


@aturan("nomor-urut", WARNING, "kunci", "Nomor urut baris anggaran melompat atau berulang.",
        "Nomor urut {no} untuk indikator {kode} seharusnya {harap} (sebelumnya {lalu}).",
        perlu={"anggaran"})
def nomor_urut(ks: Konteks):
    a = ks["anggaran"].df
    no = a[terbaca(a, "no") & a["kode_indikator"].notna()]
    if no.empty:
        return []
    harap = no.groupby(KUNCI, sort=False).cumcount() + 1
    salah = no["no"] != harap
    # lompatan pertama per indikator saja
    pertama = salah & (salah.groupby([no["_f"], no["kode_indikator"]]).cumsum() == 1)
    return [ks.temuan("anggaran", idx, "no", "nomor-urut", no=fmt(a.at[idx, "no"]),
                      kode=a.at[idx, "kode_indikator"], harap=harap[idx], lalu=harap[idx] - 1)
            for idx in no.index[pertama]]


@aturan("sasaran-tidak-konsisten", ERROR, "kunci", "Satu No Sasaran dengan teks sasaran berbeda.",
        "Sasaran nomor {no} ditulis berbeda dengan baris {baris} ('{acuan}'). Satu nomor sasaran "
        "harus satu teks sasaran.", perlu={"pk"})
def sasaran_tidak_konsisten(ks: Konteks):
    pk = ks["pk"].df
    d = pk[pk["no_sasaran"].notna() & pk["sasaran"].notna()]
    if d.empty:
        return []
    g = d.groupby(["_f", "no_sasaran"], sort=False)
    acuan, baris_acuan = g["sasaran"].transform("first"), g["_r"].transform("first")
    return [ks.temuan("pk", idx, "sasaran", "sasaran-tidak-konsisten",
                      no=int(d.at[idx, "no_sasaran"]), baris=baris_acuan[idx], acuan=acuan[idx])
            for idx in d.index[d["sasaran"] != acuan]]
