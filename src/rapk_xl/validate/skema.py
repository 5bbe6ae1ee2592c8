"""Aturan sel: skema pandera per tabel, dibangkitkan dari :mod:`rapk_xl.format.spec`.

Setiap aturan sel adalah satu fungsi ``(tabel, kolom) -> [(kolom DataFrame, Check)]`` yang
didaftarkan dengan id, tingkat dan templat pesannya; skema satu tabel menggabungkan semua
Check untuk kolom-kolomnya (satu validasi pandera per tabel atas tumpukan semua berkas).
Kegagalan setiap Check dipetakan kembali ke selnya oleh :func:`periksa_sel`.

Aturan status sel angka (kosong, teks, ambigu, galat, bukan angka) mengembalikan
:class:`_Status`: nilai status yang ditolaknya. Semua status satu kolom digabung menjadi satu
Check (satu perbandingan per kolom, bukan satu per aturan); kegagalannya dipetakan kembali ke
aturannya menurut nilai statusnya.
"""
from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import pandera.pandas as pa

from ..calc.parse import format_angka, kunci_teks, parse_angka
from ..format.spec import TABEL_DATA, Kolom, Tabel
from ..temuan import ATURAN, ERROR, WARNING, Temuan, aturan
from .tumpukan import ST, Tumpukan

__all__ = ["skema_tabel", "periksa_sel", "ATURAN_SEL"]


def _sel(id_: str, tingkat: str, uraian: str, pesan: str):
    return aturan(id_, tingkat, "sel", uraian, pesan, lingkup="sel")


def _cek(f, nama: str) -> pa.Check:
    """Check vektor yang juga melihat sel kosong (pandera bawaannya melewati NaN)."""
    return pa.Check(f, name=nama, ignore_na=False)


@dataclass(frozen=True)
class _Status:
    """Status sel angka (kolom ``<id>|st`` tumpukan) yang ditolak aturan ``aturan``."""
    nilai: frozenset[str]
    aturan: str


#: nama Check gabungan aturan status
_CEK_STATUS = "status"


def _status(k: Kolom, status: str | frozenset[str], nama: str) -> list:
    if not k.angka:
        return []
    nilai = frozenset({status}) if isinstance(status, str) else frozenset(status)
    return [(k.id + ST, _Status(nilai, nama))]


# --- status sel angka ----------------------------------------------------------------------

@_sel("wajib-kosong", ERROR, "Sel wajib kosong.", "{kolom} wajib diisi{ind}.")
def _wajib(t: Tabel, k: Kolom):
    if not k.wajib:
        return []
    if k.angka:
        return _status(k, "kosong", "wajib-kosong")
    return [(k.id, _cek(lambda s: s.notna(), "wajib-kosong"))]


@_sel("angka-sebagai-teks", WARNING, "Angka diketik sebagai teks (nilainya terbaca).",
      "{kolom} berisi teks '{nilai}' yang tampak seperti angka; terbaca {terbaca}. Ketik ulang "
      "sebagai angka (tanpa apostrof).")
def _teks(t: Tabel, k: Kolom):
    return _status(k, "teks", "angka-sebagai-teks")


@_sel("bukan-angka", ERROR, "Teks di kolom angka.",
      "{kolom} harus berupa angka{ind}, tetapi berisi '{nilai}'. Ganti dengan angka, atau "
      "kosongkan bila tidak ada.")
def _bukan_angka(t: Tabel, k: Kolom):
    if not k.angka:
        return []
    salah = {"bukan"}
    if k.jenis != "nilai":
        salah.add("opini")  # opini BPK hanya sah di kolom target/realisasi
    if not (k.jenis == "nilai" and t.kunci == "realisasi"):
        salah.add("progres")  # "Progres 45%" hanya sah sebagai realisasi
    return _status(k, frozenset(salah), "bukan-angka")


@_sel("angka-ambigu", ERROR, "Teks angka yang dapat dibaca dua cara (1.234).",
      "{kolom} berisi teks '{nilai}' yang dapat dibaca {dua}. Ketik angkanya sebagai angka, "
      "tanpa pemisah ribuan.")
def _ambigu(t: Tabel, k: Kolom):
    return _status(k, "ambigu", "angka-ambigu")


@_sel("galat-excel", ERROR, "Sel berisi galat Excel (#DIV/0!, #REF!, ...).",
      "{kolom} berisi galat Excel {galat}{ind}. Perbaiki rumusnya atau ketik nilainya.")
def _galat(t: Tabel, k: Kolom):
    return _status(k, "galat", "galat-excel")


# --- batas dan bentuk ---------------------------------------------------------------------

@_sel("angka-negatif", ERROR, "Angka negatif di kolom yang tidak boleh negatif.",
      "{kolom} tidak boleh negatif: {nilai}{ind}.")
def _negatif(t: Tabel, k: Kolom):
    if k.minimum != 0:
        return []
    return [(k.id, _cek(lambda s: ~(s < 0), "angka-negatif"))]


@_sel("di-luar-rentang", ERROR, "Angka di luar rentang yang diizinkan.",
      "{kolom} harus {batas}, tetapi berisi {nilai}{ind}.")
def _rentang(t: Tabel, k: Kolom):
    lo = k.minimum if k.minimum not in (None, 0) else None
    hi = k.maksimum
    if lo is None and hi is None:
        return []

    def dalam(s: pd.Series) -> pd.Series:
        ok = pd.Series(True, index=s.index)
        if lo is not None:
            ok &= ~(s < lo)
        if hi is not None:
            ok &= ~(s > hi)
        return ok

    return [(k.id, _cek(dalam, "di-luar-rentang"))]


@_sel("bukan-bilangan-bulat", ERROR, "Kolom bilangan bulat berisi pecahan.",
      "{kolom} harus bilangan bulat, tetapi berisi {nilai}{ind}.")
def _bulat(t: Tabel, k: Kolom):
    if k.jenis != "bulat":
        return []
    return [(k.id, _cek(lambda s: s.isna() | (s % 1 == 0), "bukan-bilangan-bulat"))]


def _pilihan(k: Kolom, ketat: bool, nama: str):
    if not k.pilihan or k.pilihan_ketat != ketat:
        return []
    boleh = frozenset(kunci_teks(p) for p in k.pilihan)
    return [(k.id, _cek(lambda s, p=boleh: s.isna() | s.map(kunci_teks).isin(p), nama))]


@_sel("di-luar-pilihan", ERROR, "Nilai tidak ada di daftar pilihan.",
      "{kolom} '{nilai}' tidak ada di daftar pilihan ({daftar}){ind}. Pilih dari dropdown.")
def _di_luar_pilihan(t: Tabel, k: Kolom):
    return _pilihan(k, True, "di-luar-pilihan")


@_sel("di-luar-saran", WARNING, "Nilai tidak ada di daftar saran (boleh, tetapi periksa).",
      "{kolom} '{nilai}' tidak ada di daftar yang biasa dipakai ({daftar}){ind}; periksa "
      "ejaannya.")
def _di_luar_saran(t: Tabel, k: Kolom):
    return _pilihan(k, False, "di-luar-saran")


def _pola(k: Kolom, id_: str):
    return [(k.id, _cek(lambda s, p=k.pola: s.isna() | s.astype(str).str.match(p), id_))]


@_sel("kode-indikator-tidak-sah", ERROR, "Kode Indikator tidak berbentuk 1.01.",
      "{kolom} '{nilai}' tidak berbentuk <no sasaran>.<dua digit>, mis. 1.01.{saran}")
def _kode_indikator(t: Tabel, k: Kolom):
    return _pola(k, "kode-indikator-tidak-sah") if k.id == "kode_indikator" else []


@_sel("kode-ro-tidak-sah", ERROR, "Kode RO tidak berbentuk 3165.QIA.005 / DR.3165.QIA.005.",
      "{kolom} '{nilai}' tidak berbentuk kegiatan.output.komponen, mis. 3165.QIA.005 atau "
      "DR.3165.QIA.005.")
def _kode_ro(t: Tabel, k: Kolom):
    return _pola(k, "kode-ro-tidak-sah") if k.id == "kode_ro" else []


#: aturan sel, urut pendaftaran
ATURAN_SEL = [a for a in ATURAN.values() if a.lingkup == "sel"]


@lru_cache(maxsize=None)
def _rancang(kunci: str, aturan_id: tuple[str, ...] | None
             ) -> tuple[pa.DataFrameSchema, dict[str, dict[str, str]]]:
    """Skema pandera tabel ``kunci`` dan, per kolom status, nilai status → id aturan."""
    t = next(t for t in TABEL_DATA if t.kunci == kunci)
    cek: dict[str, list] = {}
    status: dict[str, dict[str, str]] = {}
    for a in ATURAN_SEL:
        if aturan_id is not None and a.id not in aturan_id:
            continue
        for k in t.kolom:
            if k.rumus:
                continue
            for kolom, c in a.fungsi(t, k):
                if isinstance(c, _Status):
                    peta = status.setdefault(kolom, {})
                    for v in c.nilai:
                        assert v not in peta, f"status {v} {kolom}: {peta[v]} dan {c.aturan}"
                        peta[v] = c.aturan
                else:
                    cek.setdefault(kolom, []).append(c)
    for kolom, peta in status.items():
        cek.setdefault(kolom, []).append(
            _cek(lambda s, x=frozenset(peta): ~s.isin(x), _CEK_STATUS))
    skema = pa.DataFrameSchema({nama: pa.Column(None, c, nullable=True)
                                for nama, c in cek.items()},
                               name=t.nama, strict=False, coerce=False)
    return skema, status


def skema_tabel(kunci: str, aturan_id: tuple[str, ...] | None = None) -> pa.DataFrameSchema:
    """Skema pandera untuk tabel ``kunci`` ("pk", "rapk", ...): semua aturan sel, atau hanya
    ``aturan_id``."""
    return _rancang(kunci, aturan_id)[0]


def _isi_pesan(aturan_id: str, k: Kolom, mentah: object, galat: object, kode: object) -> dict:
    nilai = "" if mentah is None else (format_angka(mentah, None)
                                       if isinstance(mentah, float) else str(mentah))
    isi = {"kolom": k.nama, "nilai": nilai, "ind": f" (indikator {kode})" if kode else "",
           "galat": galat, "daftar": ", ".join(k.pilihan), "saran": ""}
    if aturan_id == "angka-sebagai-teks":
        isi["terbaca"] = format_angka(parse_angka(nilai).nilai, None)
    elif aturan_id == "angka-ambigu":
        a = parse_angka(nilai)
        isi["dua"] = " atau ".join(format_angka(v, 3 if not v.is_integer() else 0)
                                   for v in a.kemungkinan)
    elif aturan_id == "di-luar-rentang":
        isi["batas"] = (f"{k.minimum:g} sampai {k.maksimum:g}" if k.maksimum is not None
                        else f"paling kecil {k.minimum:g}")
    elif aturan_id == "kode-indikator-tidak-sah" and isinstance(mentah, (int, float)):
        isi["saran"] = (" Sel ini berisi angka (Excel mengubah 1.10 menjadi 1.1): format selnya "
                        "sebagai Teks lalu ketik ulang, mis. 1.10.")
    return isi


def _validasi(t: Tabel, df: pd.DataFrame, aturan_id=None) -> pd.DataFrame:
    try:
        _rancang(t.kunci, aturan_id)[0].validate(df, lazy=True)
        return pd.DataFrame(columns=["column", "check", "failure_case", "index"])
    except pa.errors.SchemaErrors as e:
        return e.failure_cases


def periksa_sel(tp: Tumpukan, aturan_id: tuple[str, ...] | None = None
                ) -> list[tuple[int, Temuan]]:
    """Jalankan aturan sel (semua, atau ``aturan_id``) atas satu tumpukan tabel; kembalikan
    (nomor berkas, temuan)."""
    t = tp.spec
    if tp.df.empty:
        return []
    gagal = _validasi(t, tp.df, aturan_id)
    gagal = gagal[gagal["index"].notna()]
    hasil: list[tuple[int, Temuan]] = []
    kode_ind = tp.df["kode_indikator"]  # setiap tabel data punya Kode Indikator
    status = _rancang(t.kunci, aturan_id)[1]
    for kolom, cek, idx, kasus in zip(gagal["column"], gagal["check"], gagal["index"],
                                      gagal["failure_case"]):
        aturan_id_ = str(cek)
        if aturan_id_ == _CEK_STATUS:
            aturan_id_ = status[str(kolom)][kasus]
        if aturan_id_ not in ATURAN:
            raise RuntimeError(f"Check pandera tak dikenal: {cek!r} ({kolom})")
        idx = int(idx)
        id_ = str(kolom).removesuffix(ST)
        f = int(tp.df.at[idx, "_f"])
        if id_ not in tp.huruf.get(f, {}):
            continue  # kolom tidak ada di berkas ini: sudah dilaporkan sebagai masalah header
        k = t.kolom_id(id_)
        mentah = tp.mentah.at[idx, id_]
        galat = tp.df.at[idx, id_ + "|galat"] if id_ + "|galat" in tp.df else None
        if isinstance(galat, float) and math.isnan(galat):
            galat = None
        kode = kode_ind[idx] if id_ != "kode_indikator" else None
        pesan = ATURAN[aturan_id_].pesan_untuk(**_isi_pesan(aturan_id_, k, mentah, galat, kode))
        hasil.append((f, Temuan(aturan_id_, tp.nama_sheet(f), tp.sel(idx, id_), pesan)))
    return hasil

