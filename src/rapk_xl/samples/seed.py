"""Tiga dokumen RAPK sumber sebagai workbook format versi 1.

Transkripsi (CSV, satu folder per dokumen) ada di ``samples/data/`` repositori dan ikut
terpasang sebagai ``rapk_xl.samples.data``. :func:`bangun_sampel` menulis ulang workbook-nya;
``samples/build.py`` memanggilnya untuk memperbarui ``samples/*.xlsx``.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from ..format import DataRAPK
from ..io.csvdata import baca_csv
from ..io.writer import tulis_workbook

__all__ = ["SAMPEL", "muat_sampel", "bangun_sampel", "folder_sampel"]

#: id sampel → judul dokumen sumber
SAMPEL = {
    "bpom_2024": "RAPK 2024 Badan Pengawas Obat dan Makanan (nasional)",
    "balai_pom_jember_2024": "RAPK 2024 Balai POM di Jember",
    "loka_pom_dumai_2025": "RAPK 2025 Loka POM di Kota Dumai",
}


def folder_sampel(id_sampel: str) -> Path:
    """Folder CSV transkripsi sebuah sampel."""
    if id_sampel not in SAMPEL:
        raise KeyError(f"sampel tidak dikenal: {id_sampel}")
    folder = resources.files("rapk_xl.samples.data").joinpath(id_sampel)
    return Path(str(folder))


def muat_sampel(id_sampel: str) -> DataRAPK:
    """Isi sampel dari CSV transkripsinya."""
    return baca_csv(folder_sampel(id_sampel))


def bangun_sampel(folder_keluaran: str | Path) -> list[Path]:
    """Tulis ketiga sampel sebagai ``<id>.xlsx`` di ``folder_keluaran``."""
    folder_keluaran = Path(folder_keluaran)
    return [tulis_workbook(muat_sampel(i), folder_keluaran / f"{i}.xlsx") for i in SAMPEL]
