"""Add-in Excel ``rapk_xl.xlam``: tab RAPK (Validasi, Hitung Ulang, Cetak PDF, Bantuan) dan
fungsi =CAPAIAN(), =KRITERIA(), =NPS(), =NPS_UNIT(), =BOBOT(), =EFISIENSI().

Modul:

- :mod:`.cfb` dan :mod:`.ovba` — membaca dan menulis proyek VBA (``vbaProject.bin``) tanpa
  Excel, dari spesifikasi MS-CFB dan MS-OVBA;
- :mod:`.vba` — modul VBA add-in: modul xlwings dari template xlwings (hanya identitasnya yang
  diubah), modul ribbon RAPK, dan modul UDF yang dihasilkan generator xlwings sendiri;
- :mod:`.buat` — paket ``.xlam`` (ribbon, sheet konfigurasi, proyek VBA);
- :mod:`.pasang` — pemasangan di Windows/macOS; :mod:`.cek` — diagnosis;
  :mod:`.paket` — paket luring untuk TI.

Alasan memilih membangun proyek VBA sendiri (bukan mengimpor UDF di Excel lewat COM): lihat
``docs/excel.md``.
"""
from .buat import (KONFIG_ADDIN, NAMA_ADDIN, SHEET_KONFIG, GagalAddin, InfoAddin, baca_info_addin,
                   buat_addin, ribbon_xml, template_xlwings)
from .pasang import XLWINGS_DIPATOK, Lingkungan, pasang_addin
from .vba import MODUL_UDF, NAMA_PROYEK, TOMBOL

__all__ = ["NAMA_ADDIN", "NAMA_PROYEK", "MODUL_UDF", "SHEET_KONFIG", "KONFIG_ADDIN", "TOMBOL",
           "XLWINGS_DIPATOK", "GagalAddin", "InfoAddin", "Lingkungan", "baca_info_addin",
           "buat_addin", "pasang_addin", "ribbon_xml", "template_xlwings"]
