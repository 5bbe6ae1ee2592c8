"""rapk-xl: PK dan RAPK BPOM di Excel — hitung capaian, NPS dan kriteria, periksa dan
konsolidasikan workbook unit kerja.

API utama (lihat README dan ``docs/``)::

    >>> import rapk_xl
    >>> round(rapk_xl.capaian(93.62, 94.75), 2)
    98.81
    >>> rapk_xl.kriteria(98.81)
    'Baik'
"""
from importlib.metadata import PackageNotFoundError, version as _version

from .calc import (
    Alasan, Angka, HasilCapaian, HasilEfisiensi, HasilNPS, Status, bulatkan, capaian,
    capaian_array, capaian_input, efisiensi, efisiensi_array, format_angka, hitung_capaian,
    hitung_nps, hitung_nps_per, kriteria, kriteria_array, nps, parse_angka, parse_angka_array,
)
from .reference import UnitKerja, cari_unit, daftar_unit, saran_unit

try:
    __version__ = _version("rapk-xl")
except PackageNotFoundError:  # dijalankan dari sumber tanpa dipasang
    __version__ = "0+sumber"

def main(book=None) -> str:
    """Dijalankan tombol Validasi di tab RAPK (add-in ``rapk_xl.xlam``): memeriksa workbook
    yang sedang terbuka dan menulis hasilnya ke sheet Validasi. Lihat :mod:`rapk_xl.ribbon`."""
    from .ribbon import main as _main

    return _main(book)


__all__ = ["main", 
    "Alasan", "Angka", "HasilCapaian", "HasilEfisiensi", "HasilNPS", "Status", "UnitKerja",
    "bulatkan", "capaian", "capaian_array", "capaian_input", "cari_unit", "daftar_unit",
    "efisiensi", "efisiensi_array", "format_angka", "hitung_capaian", "hitung_nps",
    "hitung_nps_per", "kriteria", "kriteria_array", "nps", "parse_angka", "parse_angka_array",
    "saran_unit", "__version__",
]
