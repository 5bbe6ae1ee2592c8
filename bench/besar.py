"""Workbook RAPK besar untuk pengukuran: ``n_sasaran`` × 5 indikator (pola tests/bersih.py)."""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from bersih import data_bersih  # noqa: E402

from rapk_xl.format import DataRAPK  # noqa: E402


def data_besar(n_sasaran: int = 60) -> DataRAPK:
    """Workbook bersih dengan ``n_sasaran`` × 5 indikator (300 untuk 60 sasaran)."""
    dasar = data_bersih()
    tabel = {}
    for kunci, df in dasar.tabel.items():
        bagian = []
        for s in range(1, n_sasaran + 1):
            b = df.copy()
            lama = b["kode_indikator"].str.split(".", expand=True)
            b["kode_indikator"] = [f"{s}.{int(a) * 10 + int(c):02d}" for a, c in zip(lama[0], lama[1])]
            if kunci == "pk":
                b["no_sasaran"] = s
                b["sasaran"] = [f"Sasaran {s}"] * len(b)
            if kunci == "anggaran":
                b["kode_ro"] = [f"DR.{3100 + s}.{ro[8:]}" for ro in b["kode_ro"]]
            bagian.append(b)
        tabel[kunci] = pd.concat(bagian, ignore_index=True)
    return DataRAPK(dict(dasar.info), tabel)
