"""Kiriman kecil untuk tes konsolidasi: varian workbook bersih (tests/bersih.py) untuk beberapa
unit, dengan angka yang hasil konsolidasinya dihitung dengan tangan di test_konsolidasi.py.

Jember    : workbook bersih apa adanya (Rupiah).
Banggai   : sama, tetapi R06 indikator 1.01 = 72 (pembilang 72/100) dan semua angka
            anggaran dalam Ribu Rupiah.
Jambi     : sama dengan Jember, tetapi realisasi anggaran setiap baris dua kali lipat.
Ambon     : Kode Indikator baris kedua PK diganti 1.01 (kode ganda) → ditolak.
"""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd

from bersih import data_bersih
from rapk_xl.io.writer import tulis_workbook

UANG = ["pagu", "kontribusi", "realisasi_anggaran"]


def varian(unit: str, **ubah):
    d = data_bersih()
    d.info["unit_kerja"] = unit
    for k, v in ubah.items():
        d.info[k] = v
    return d


def jember(**ubah):
    return varian("Balai POM di Jember", **ubah)


def realisasi_101(d, nilai: float):
    """R06 indikator 1.01 = ``nilai``, dengan pembilang/penyebut yang cocok (nilai / 100)."""
    d.realisasi.loc[d.realisasi["kode_indikator"] == "1.01", "r06"] = nilai
    d.pembilang.loc[0, ["pembilang", "penyebut"]] = [nilai, 100]
    return d


def banggai():
    # ejaan satuan tidak baku tetap dikenali (validator pun menerimanya)
    d = varian("Loka POM di Kabupaten Banggai", **{"satuan_anggaran": "ribu  rupiah"})
    realisasi_101(d, 72)
    for k in UANG:
        d.anggaran[k] = d.anggaran[k] / 1000
    d.rapk["anggaran"] = d.rapk["anggaran"] / 1000
    return d


def jambi():
    d = varian("Balai POM di Jambi")
    d.anggaran["realisasi_anggaran"] = d.anggaran["realisasi_anggaran"] * 2
    return d


def ambon():
    d = varian("Balai POM di Ambon")
    d.pk.loc[1, "kode_indikator"] = "1.01"
    return d


def tulis(data, path: Path) -> Path:
    return tulis_workbook(data, path)


def tabel_sheet(wb, nama: str, tabel: str | None = None) -> pd.DataFrame:
    """Satu tabel Excel (``tabel``, atau tabel terakhir sheet ``nama``) dari workbook openpyxl
    yang sudah terbuka, sebagai DataFrame apa adanya."""
    ws = wb[nama]
    ref = ws.tables[tabel or list(ws.tables)[-1]].ref
    rows = [[c.value for c in row] for row in ws[ref]]
    return pd.DataFrame(rows[1:], columns=rows[0])


def baca_sheet(path: Path, nama: str, tabel: str | None = None) -> pd.DataFrame:
    """Satu tabel Excel buku nasional sebagai DataFrame: tabel ``tabel``, atau tabel terakhir
    (utama) sheet ``nama``."""
    wb = openpyxl.load_workbook(path)
    try:
        return tabel_sheet(wb, nama, tabel).dropna(how="all")
    finally:
        wb.close()
