"""Konteks aturan lintas tabel: tumpukan semua berkas dan turunan yang dipakai beberapa aturan.

Setiap aturan lintas tabel (``validate/aturan_*.py``) adalah satu fungsi ``f(ks) ->
[(nomor berkas, Temuan)]`` atas :class:`Konteks`. Turunan yang mahal (info PK per indikator,
matriks target baris × 12 bulan, ...) dihitung sekali per konteks dan dipakai bersama.
Perulangan Python hanya untuk menyusun pesan baris yang bermasalah.
"""
from __future__ import annotations

from functools import cached_property, partial

import numpy as np
import pandas as pd

from ..calc.parse import format_angka
from ..calc.rules import normalisasi_jenis_target
from ..calc.turunan import persentase_bagian
from ..format.spec import ID_TARGET, TABEL_DATA
from ..temuan import ATURAN, Temuan
from .tumpukan import ST, Tumpukan

__all__ = ["Konteks", "TOL", "EPS", "KUNCI", "BULAN", "fmt", "terbaca", "matriks", "pertama",
           "sebelumnya"]

TOL = 0.01  # selisih anggaran yang masih dianggap sama (pembulatan sen)
EPS = 1e-9
_TERBACA = ("ok", "teks", "opini")
KUNCI = ["_f", "kode_indikator"]
BULAN = np.arange(1, 13)

#: angka di pesan: tanpa desimal bila bulat, selain itu 2 desimal
fmt = partial(format_angka, desimal=None)


class _Judul:
    """``{RAPK[b01]}`` di templat pesan: teks header kolom itu menurut spec."""

    def __init__(self, tabel):
        self.tabel = tabel

    def __getitem__(self, id_: str) -> str:
        return self.tabel.nama_kolom(id_)


_JUDUL = {t.kunci.upper(): _Judul(t) for t in TABEL_DATA}


def terbaca(df: pd.DataFrame, kolom: str) -> pd.Series:
    """Sel kolom ``kolom`` yang terbaca sebagai angka (juga teks angka dan opini)."""
    return df[kolom + ST].isin(_TERBACA)


def matriks(df: pd.DataFrame, kolom) -> tuple[np.ndarray, np.ndarray]:
    """(nilai, terisi) baris × bulan; nilai NaN di sel yang tidak terbaca sebagai angka."""
    nilai = df[list(kolom)].to_numpy(dtype=float)
    terisi = np.isin(df[[k + ST for k in kolom]].to_numpy(dtype=object), _TERBACA)
    return np.where(terisi, nilai, np.nan), terisi


def pertama(mask: np.ndarray):
    """Pasangan (baris, kolom True pertamanya) untuk setiap baris yang punya True."""
    baris = np.flatnonzero(mask.any(axis=1))
    return zip(baris, mask.argmax(axis=1)[baris])


def sebelumnya(nilai: np.ndarray) -> np.ndarray:
    """Nilai terisi terakhir sebelum setiap bulan (NaN bila belum ada)."""
    ff = pd.DataFrame(nilai).ffill(axis=1).to_numpy()
    return np.hstack([np.full((len(nilai), 1), np.nan), ff[:, :-1]])


class Konteks:
    """Tumpukan tabel semua berkas (``ks["rapk"]``) dan Periode tiap berkas."""

    def __init__(self, tumpukan: dict[str, Tumpukan], periode: dict[int, int | None]):
        self.tumpukan = tumpukan
        self.periode = periode
        self._memo: dict[str, object] = {}

    def sekali(self, nama: str, hitung):
        """``hitung(self)``, dihitung sekali per konteks (turunan milik beberapa aturan)."""
        if nama not in self._memo:
            self._memo[nama] = hitung(self)
        return self._memo[nama]

    def __getitem__(self, kunci: str) -> Tumpukan:
        return self.tumpukan[kunci]

    def saring(self, simpan) -> Konteks:
        """Konteks dengan baris berkas ``simpan(f)`` saja."""
        return Konteks({k: t.saring(simpan) for k, t in self.tumpukan.items()}, self.periode)

    def temuan(self, tabel: str, idx, kolom: str, rule: str, /, **isi) -> tuple[int, Temuan]:
        """Temuan aturan ``rule`` di sel baris ``idx`` kolom ``kolom`` tumpukan ``tabel``."""
        tp = self.tumpukan[tabel]
        f = int(tp.df.at[idx, "_f"])
        pesan = ATURAN[rule].pesan_untuk(**_JUDUL, **isi)
        return f, Temuan(rule, tp.nama_sheet(f), tp.sel(idx, kolom), pesan)

    # -- turunan bersama ---------------------------------------------------------------
    @cached_property
    def info_pk(self) -> pd.DataFrame:
        """Per (berkas, kode): jenis target, target tahunan, persentase bagian, teks PK."""
        pk = self["pk"].df
        d = pk[pk["kode_indikator"].notna()].drop_duplicates(KUNCI)
        info = d[[*KUNCI, "jenis_target", "satuan", "indikator", "target", "target" + ST]].copy()
        info["jenis"] = info["jenis_target"].map(normalisasi_jenis_target)
        info["target"] = np.where(info["target" + ST].isin(_TERBACA), info["target"], np.nan)
        info["bagian"] = persentase_bagian(info["satuan"].to_numpy(object),
                                           info["indikator"].to_numpy(object))
        return info.drop(columns=["jenis_target", "target" + ST]).rename(
            columns={"indikator": "_indikator", "satuan": "_satuan"})

    def gabung_pk(self, df: pd.DataFrame) -> pd.DataFrame:
        """Baris ``df`` (berkode) dengan info PK-nya; indeks asli di kolom ``idx``."""
        d = df[df["kode_indikator"].notna()]
        return d.reset_index(names="idx").merge(self.info_pk, on=KUNCI, how="inner")

    @cached_property
    def target(self) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
        """Baris RAPK berinfo PK: (gabungan, nilai B01..B12, terisi) baris × bulan."""
        m = self.gabung_pk(self["rapk"].df)
        val, isi = matriks(m, ID_TARGET)
        return m, val, isi

    @cached_property
    def b12_seperti_jumlah(self) -> tuple[np.ndarray, np.ndarray]:
        """(baris, target terbesar B01..B11) untuk baris :attr:`target` yang B12-nya tampak
        jumlah setelah persentase: B12 ≤ 25 % dari target terbesar sebelumnya yang ≥ 10
        (pola PJAS/desa/pasar)."""
        _, val, isi = self.target
        if not len(val):
            return np.zeros(0, dtype=bool), np.zeros(0)
        sebelum = np.where(isi[:, :11], val[:, :11], -np.inf).max(axis=1)
        return isi[:, 11] & (sebelum >= 10) & (val[:, 11] <= 0.25 * sebelum), sebelum

    @cached_property
    def isi_target(self) -> pd.DataFrame:
        """Per (berkas, kode): bulan mana yang bertarget (kolom t1..t12)."""
        rapk = self["rapk"].df
        rp = rapk[rapk["kode_indikator"].notna()].drop_duplicates(KUNCI)
        _, isi = matriks(rp, ID_TARGET)
        return pd.concat([rp[KUNCI].reset_index(drop=True),
                          pd.DataFrame(isi, columns=[f"t{b}" for b in BULAN])], axis=1)

    @cached_property
    def realisasi_unik(self) -> pd.DataFrame:
        """Baris Realisasi berkode, satu per (berkas, kode)."""
        d = self["realisasi"].df
        return d[d["kode_indikator"].notna()].drop_duplicates(KUNCI)

    @cached_property
    def realisasi(self) -> pd.DataFrame:
        """Baris Realisasi berinfo PK dan bulan bertargetnya (t1..t12)."""
        return self.gabung_pk(self.realisasi_unik).merge(self.isi_target, on=KUNCI, how="left")

    def periode_baris(self, f: pd.Series) -> np.ndarray:
        """Periode (float, NaN bila tidak sah) untuk setiap nomor berkas di ``f``."""
        return f.map(self.periode).to_numpy(dtype=float)
