"""Isi satu workbook RAPK di memori: nilai Info dan satu DataFrame per tabel.

Nama kolom DataFrame = **id bidang** di :mod:`rapk_xl.format.spec` (``kode_indikator``,
``b01``, ...), bukan teks header. Kunci Info juga id (``unit_kerja``, ``tahun``, ...). Kolom
tambahan (yang diletakkan pengguna setelah kolom kontrak) boleh ada dan ikut ditulis; namanya
teks header aslinya.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from .spec import TABEL_DATA

__all__ = ["DataRAPK", "bingkai_kosong"]


def bingkai_kosong(kolom: Iterable[str]) -> pd.DataFrame:
    """DataFrame tanpa baris dengan kolom objek ``kolom`` (urut)."""
    return pd.DataFrame({k: pd.Series(dtype=object) for k in kolom})


@dataclass
class DataRAPK:
    info: dict[str, object] = field(default_factory=dict)
    tabel: dict[str, pd.DataFrame] = field(default_factory=dict)

    def __post_init__(self):
        for t in TABEL_DATA:
            df = self.tabel.get(t.kunci)
            if df is None:
                self.tabel[t.kunci] = bingkai_kosong(t.ids)
            else:
                kurang = [k for k in t.ids if k not in df.columns]
                if kurang:  # kolom kontrak yang tak ada: kosong (DataFrame pemanggil tidak diubah)
                    df = df.assign(**{k: None for k in kurang})
                ekstra = [c for c in df.columns if c not in t.semua_id]
                self.tabel[t.kunci] = df[[*t.ids, *ekstra]].reset_index(drop=True)

    @property
    def pk(self) -> pd.DataFrame:
        return self.tabel["pk"]

    @property
    def rapk(self) -> pd.DataFrame:
        return self.tabel["rapk"]

    @property
    def anggaran(self) -> pd.DataFrame:
        return self.tabel["anggaran"]

    @property
    def realisasi(self) -> pd.DataFrame:
        return self.tabel["realisasi"]

    @property
    def pembilang(self) -> pd.DataFrame:
        return self.tabel["pembilang"]

    @property
    def unit(self) -> object:
        return self.info.get("unit_kerja")

    @property
    def tahun(self) -> object:
        return self.info.get("tahun")
