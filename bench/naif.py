"""Pendekatan "yang jelas" sebagai pembanding: pandas.read_excel (openpyxl) per sheet dan satu
validasi pandera per berkas, lalu pandas.concat dan DataFrame.to_excel untuk konsolidasi.

Sengaja sederhana dan memeriksa lebih sedikit daripada rapk-xl (hanya tipe, pilihan dan kode),
sehingga perbandingan menguntungkan pendekatan ini.
"""
from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import pandera.pandas as pa

from rapk_xl.format.spec import BARIS_HEADER, TABEL_DATA

_SKEMA = {
    "PK": pa.DataFrameSchema({
        "Kode Indikator": pa.Column(str, pa.Check.str_matches(r"^\d{1,2}\.\d{2}$")),
        "Jenis Target": pa.Column(str, pa.Check.isin(["Tetap", "Kumulatif", "Akhir Tahun"])),
        "Target": pa.Column(object),
    }, strict=False),
    "RAPK": pa.DataFrameSchema({"Kode Indikator": pa.Column(str),
                                "Anggaran": pa.Column(float, pa.Check.ge(0), coerce=True)},
                               strict=False),
    "Anggaran": pa.DataFrameSchema({"Kontribusi": pa.Column(float, pa.Check.ge(0), coerce=True)},
                                   strict=False),
}


def baca(path: Path) -> dict[str, pd.DataFrame]:
    return {t.sheet: pd.read_excel(path, sheet_name=t.sheet, header=BARIS_HEADER - 1,
                                   engine="openpyxl", dtype={"Kode Indikator": str})
            for t in TABEL_DATA}


def validasi(path: Path) -> list[str]:
    kesalahan = []
    try:
        tabel = baca(path)
    except Exception as e:  # noqa: BLE001
        return [f"tidak terbaca: {e}"]
    for sheet, skema in _SKEMA.items():
        try:
            skema.validate(tabel[sheet], lazy=True)
        except pa.errors.SchemaErrors as e:
            kesalahan.append(f"{sheet}: {len(e.failure_cases)} kegagalan")
    return kesalahan


def konsolidasi(paths: list[Path], keluaran: Path) -> None:
    bagian = {t.sheet: [] for t in TABEL_DATA}
    for p in paths:
        if validasi(p):
            continue
        for sheet, df in baca(p).items():
            bagian[sheet].append(df.assign(Berkas=p.name))
    with pd.ExcelWriter(keluaran, engine="openpyxl") as w:
        for sheet, dfs in bagian.items():
            if dfs:
                pd.concat(dfs, ignore_index=True).to_excel(w, sheet_name=sheet, index=False)
