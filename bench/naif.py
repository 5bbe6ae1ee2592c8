"""Pendekatan "yang jelas" sebagai pembanding: loop pandas.read_excel (openpyxl) dan satu
validasi pandera per berkas, lalu pandas.concat dan DataFrame.to_excel untuk konsolidasi.

Dua cara membaca, keduanya lazim: :func:`baca` memuat setiap workbook sekali untuk semua sheet
(``sheet_name=[...]``), :func:`baca_per_sheet` memanggil read_excel sekali per sheet. Validasinya
sengaja sederhana dan memeriksa jauh lebih sedikit daripada rapk-xl (hanya tipe, pilihan dan
kode), sehingga perbandingan menguntungkan pendekatan ini.
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


_OPSI = {"header": BARIS_HEADER - 1, "engine": "openpyxl", "dtype": {"Kode Indikator": str}}


def baca(path: Path) -> dict[str, pd.DataFrame]:
    """Semua sheet data dalam satu panggilan read_excel (workbook dimuat sekali)."""
    return pd.read_excel(path, sheet_name=[t.sheet for t in TABEL_DATA], **_OPSI)


def baca_per_sheet(path: Path) -> dict[str, pd.DataFrame]:
    """Satu panggilan read_excel per sheet (workbook dimuat sekali per sheet)."""
    return {t.sheet: pd.read_excel(path, sheet_name=t.sheet, **_OPSI) for t in TABEL_DATA}


def validasi(path: Path, baca=baca) -> list[str]:
    try:
        tabel = baca(path)
    except Exception as e:  # noqa: BLE001
        return [f"tidak terbaca: {e}"]
    return validasi_tabel(tabel)


def validasi_tabel(tabel: dict[str, pd.DataFrame]) -> list[str]:
    kesalahan = []
    for sheet, skema in _SKEMA.items():
        try:
            skema.validate(tabel[sheet], lazy=True)
        except pa.errors.SchemaErrors as e:
            kesalahan.append(f"{sheet}: {len(e.failure_cases)} kegagalan")
    return kesalahan


def konsolidasi(paths: list[Path], keluaran: Path, baca=baca) -> None:
    bagian = {t.sheet: [] for t in TABEL_DATA}
    for p in paths:
        try:
            tabel = baca(p)  # sekali per berkas: untuk validasi dan untuk digabung
        except Exception:  # noqa: BLE001
            continue
        if validasi_tabel(tabel):
            continue
        for sheet, df in tabel.items():
            bagian[sheet].append(df.assign(Berkas=p.name))
    with pd.ExcelWriter(keluaran, engine="openpyxl") as w:
        for sheet, dfs in bagian.items():
            if dfs:
                pd.concat(dfs, ignore_index=True).to_excel(w, sheet_name=sheet, index=False)
