"""Dokumen cetak satu unit kerja dari workbook yang sudah diisinya (``rapk-xl cetak
--dokumen``): Perjanjian Kinerja, rencana aksi triwulan, Pengukuran Kinerja dan Capaian
Kinerja. Tata letaknya di :mod:`rapk_xl.format.cetakan`; RAPK sendiri dicetak
:mod:`rapk_xl.io.cetak`.
"""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from ...format import DataRAPK
from ...format.cetakan import DOKUMEN, JENIS_DOKUMEN
from ..tampilan import nilai_tertulis
from .isi import periode_data

__all__ = ["JENIS_DOKUMEN", "GagalDokumen", "buat_dokumen", "tulis_dokumen", "perlu_periode"]

#: dokumen yang angkanya bergantung pada Periode di Info
PERLU_PERIODE = ("pengukuran", "capaian")


class GagalDokumen(Exception):
    """Dokumen tidak dapat disusun dari workbook ini; ``pesan`` untuk pengguna."""

    def __init__(self, pesan: str):
        super().__init__(pesan)
        self.pesan = pesan


def perlu_periode(jenis: str) -> bool:
    return jenis in PERLU_PERIODE


def buat_dokumen(jenis: str, data: DataRAPK, tahun_lalu: DataRAPK | None = None,
                 tata_letak=None) -> Workbook:
    """Workbook dokumen ``jenis`` (lihat :data:`JENIS_DOKUMEN`)."""
    if jenis not in JENIS_DOKUMEN:
        raise ValueError(f"dokumen tidak dikenal: {jenis}")
    if jenis == "rapk":
        from ..cetak import buat_cetak
        return buat_cetak(data, tata_letak)
    if perlu_periode(jenis) and periode_data(data) is None:
        raise GagalDokumen(
            f"{DOKUMEN[jenis].nama} memerlukan Periode (bulan 1-12) di sheet Info; nilainya "
            f"'{nilai_tertulis(data.info.get('periode'))}' tidak sah. Isi Periode, mis. 12 untuk "
            "Desember.")
    if jenis == "pk":
        from .pk import buat_pk
        return buat_pk(data)
    if jenis == "triwulan":
        from .triwulan import buat_triwulan
        return buat_triwulan(data)
    if jenis == "pengukuran":
        from .pengukuran import buat_pengukuran
        return buat_pengukuran(data, tahun_lalu)
    from .capaian import buat_capaian
    return buat_capaian(data)


def tulis_dokumen(jenis: str, data: DataRAPK, path: str | Path,
                  tahun_lalu: DataRAPK | None = None, tata_letak=None) -> Path:
    """Tulis dokumen ``jenis`` ke ``path`` (.xlsx); kembalikan path-nya."""
    path = Path(path)
    buat_dokumen(jenis, data, tahun_lalu, tata_letak).save(path)
    return path
