"""Skema pandera per tabel, dibangkitkan dari :mod:`rapk_xl.format.spec`.

Satu skema per tabel memeriksa setiap sel: jenis isi (angka, teks angka, galat Excel, ...),
wajib diisi, rentang, bilangan bulat, daftar pilihan dan pola kode. Setiap ``Check`` diberi
nama id aturan katalog; kegagalannya dipetakan kembali ke sel oleh :func:`periksa_sel`.
"""
from __future__ import annotations

import math
import warnings
from functools import lru_cache

import pandas as pd

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import pandera.pandas as pa

from ..calc.parse import format_angka, parse_angka
from ..format.spec import TABEL_DATA, Kolom, Tabel
from .temuan import Temuan
from .tumpukan import ST, Tumpukan

__all__ = ["skema_tabel", "periksa_sel"]

#: status sel yang sah per jenis kolom
_BOLEH = {"angka": {"ok", "kosong"}, "bulat": {"ok", "kosong"}, "nilai": {"ok", "kosong", "opini"}}
_STATUS_KE_ATURAN = {"teks": "angka-sebagai-teks", "bukan": "bukan-angka",
                     "ambigu": "angka-ambigu", "galat": "galat-excel", "opini": "bukan-angka",
                     "progres": "bukan-angka"}


def _norm(s: pd.Series) -> pd.Series:
    return s.map(lambda v: " ".join(str(v).split()).casefold() if v is not None else None)


def _cek_kolom(t: Tabel, k: Kolom) -> dict[str, pa.Column]:
    hasil = {}
    if k.jenis in _BOLEH:
        boleh = set(_BOLEH[k.jenis])
        if t.kunci == "realisasi" and k.jenis == "nilai":
            boleh.add("progres")
        cek_st = [pa.Check(lambda s, b=frozenset(boleh): s.isin(b), name="jenis-sel")]
        if k.wajib:
            cek_st.append(pa.Check(lambda s: s != "kosong", name="wajib-kosong"))
        hasil[k.nama + ST] = pa.Column(None, cek_st, nullable=True)  # object atau str (pandas 3)
        cek = []
        if k.minimum is not None:
            aturan = "angka-negatif" if k.minimum == 0 else "di-luar-rentang"
            cek.append(pa.Check(lambda s, m=k.minimum: s >= m, name=aturan))
        if k.maksimum is not None:
            cek.append(pa.Check(lambda s, m=k.maksimum: s <= m, name="di-luar-rentang"))
        if k.jenis == "bulat":
            cek.append(pa.Check(lambda s: s % 1 == 0, name="bukan-bilangan-bulat"))
        if cek:  # kolom nilai tanpa batas (B01..B12, R01..R12): cukup status selnya
            hasil[k.nama] = pa.Column(float, cek, nullable=True)
        return hasil
    cek = []
    if k.pola:
        aturan = "kode-ro-tidak-sah" if k.nama == "Kode RO" else "kode-indikator-tidak-sah"
        cek.append(pa.Check(lambda s, p=k.pola: s.astype(str).str.match(p), name=aturan))
    if k.pilihan:
        pilihan = frozenset(" ".join(p.split()).casefold() for p in k.pilihan)
        aturan = "di-luar-pilihan" if k.pilihan_ketat else "di-luar-saran"
        cek.append(pa.Check(lambda s, p=pilihan: _norm(s).isin(p), name=aturan))
    hasil[k.nama] = pa.Column(object, cek, nullable=not k.wajib)
    return hasil


@lru_cache(maxsize=None)
def skema_tabel(kunci: str) -> pa.DataFrameSchema:
    """Skema pandera untuk tabel ``kunci`` ("pk", "rapk", ...)."""
    t = next(t for t in TABEL_DATA if t.kunci == kunci)
    kolom: dict[str, pa.Column] = {}
    for k in t.kolom:
        if not k.rumus:
            kolom.update(_cek_kolom(t, k))
    return pa.DataFrameSchema(kolom, name=t.nama, strict=False, coerce=False)


def _pesan(aturan: str, k: Kolom, mentah: object, galat: object, kode: object) -> str:
    nilai = "" if mentah is None else str(mentah)
    ind = f" (indikator {kode})" if kode else ""
    if aturan == "angka-sebagai-teks":
        terbaca = format_angka(parse_angka(nilai).nilai, None)
        return (f"{k.nama} berisi teks '{nilai}' yang tampak seperti angka; terbaca {terbaca}. "
                "Ketik ulang sebagai angka (tanpa apostrof).")
    if aturan == "angka-ambigu":
        a = parse_angka(nilai)
        dua = " atau ".join(format_angka(v, 3 if not v.is_integer() else 0) for v in a.kemungkinan)
        return (f"{k.nama} berisi teks '{nilai}' yang dapat dibaca {dua}. Ketik angkanya sebagai "
                "angka, tanpa pemisah ribuan.")
    if aturan == "galat-excel":
        return f"{k.nama} berisi galat Excel {galat}{ind}. Perbaiki rumusnya atau ketik nilainya."
    if aturan == "bukan-angka":
        return (f"{k.nama} harus berupa angka{ind}, tetapi berisi '{nilai}'. Ganti dengan angka, "
                "atau kosongkan bila tidak ada.")
    if aturan == "wajib-kosong":
        return f"{k.nama} wajib diisi{ind}."
    if aturan == "angka-negatif":
        return f"{k.nama} tidak boleh negatif: {nilai}{ind}."
    if aturan == "di-luar-rentang":
        batas = (f"{k.minimum:g} sampai {k.maksimum:g}" if k.maksimum is not None
                 else f"paling kecil {k.minimum:g}")
        return f"{k.nama} harus {batas}, tetapi berisi {nilai}{ind}."
    if aturan == "bukan-bilangan-bulat":
        return f"{k.nama} harus bilangan bulat, tetapi berisi {nilai}{ind}."
    if aturan in ("di-luar-pilihan", "di-luar-saran"):
        daftar = ", ".join(k.pilihan)
        if aturan == "di-luar-pilihan":
            return f"{k.nama} '{nilai}' tidak ada di daftar pilihan ({daftar}){ind}. Pilih dari dropdown."
        return f"{k.nama} '{nilai}' tidak ada di daftar yang biasa dipakai ({daftar}){ind}; periksa ejaannya."
    if aturan == "kode-indikator-tidak-sah":
        if isinstance(mentah, (int, float)):
            return (f"Kode Indikator {nilai} diketik sebagai angka (Excel mengubah 1.10 menjadi "
                    "1.1). Format selnya sebagai Teks lalu ketik ulang, mis. 1.10.")
        return f"Kode Indikator '{nilai}' tidak berbentuk <no sasaran>.<dua digit>, mis. 1.01."
    if aturan == "kode-ro-tidak-sah":
        return (f"Kode RO '{nilai}' tidak berbentuk kegiatan.output.komponen, mis. 3165.QIA.005 "
                "atau DR.3165.QIA.005.")
    return f"{k.nama}: {nilai}"


def periksa_sel(tumpukan: dict[str, Tumpukan]) -> list[tuple[int, Temuan]]:
    """Jalankan skema setiap tabel atas tumpukan; kembalikan (nomor berkas, temuan)."""
    hasil: list[tuple[int, Temuan]] = []
    for t in TABEL_DATA:
        tp = tumpukan[t.kunci]
        if tp.df.empty:
            continue
        try:
            skema_tabel(t.kunci).validate(tp.df, lazy=True)
            continue
        except pa.errors.SchemaErrors as e:
            gagal = e.failure_cases
        gagal = gagal[gagal["index"].notna()]
        kode_ind = tp.df["Kode Indikator"]  # setiap tabel data punya Kode Indikator
        for kolom, cek, nilai, idx in zip(gagal["column"], gagal["check"], gagal["failure_case"],
                                         gagal["index"]):
            idx = int(idx)
            nama = str(kolom).removesuffix(ST)
            f = int(tp.df.at[idx, "_f"])
            if nama not in tp.huruf.get(f, {}):
                continue  # kolom tidak ada di berkas ini: sudah dilaporkan sebagai masalah header
            k = t.kolom_bernama(nama)
            aturan = {"jenis-sel": _STATUS_KE_ATURAN.get(str(nilai), "bukan-angka"),
                      "not_nullable": "wajib-kosong"}.get(str(cek), str(cek))
            mentah = tp.mentah.at[idx, nama]
            galat = tp.df.at[idx, nama + "|galat"] if nama + "|galat" in tp.df else None
            if isinstance(galat, float) and math.isnan(galat):
                galat = None
            kode = kode_ind[idx] if nama != "Kode Indikator" else None
            hasil.append((f, Temuan(aturan, tp.sheet.get(f) or t.sheet, tp.sel(idx, nama),
                                    _pesan(aturan, k, mentah, galat, kode))))
    return hasil
