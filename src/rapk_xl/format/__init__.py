"""Lapisan format: deskripsi workbook versi 1 (sheet, tabel, header) dan isinya di memori."""
from .data import DataRAPK
from .spec import *  # noqa: F401,F403
from .spec import __all__ as _spec_all

__all__ = ["DataRAPK", *_spec_all]
