"""Laporan validasi (.xlsx, ``rapk-xl validasi -o``): sheet Ringkasan dan Temuan.

Keduanya tabel Excel (filter), siap cetak A4 lanskap selebar halaman dengan header berulang;
kolom bertanda ``bungkus`` dibungkus dengan tinggi baris yang cukup.
"""
from __future__ import annotations

from .lembar import KolomLembar as K, Lembar

__all__ = ["RINGKASAN", "TEMUAN", "LAPORAN", "WARNA_STATUS"]

#: warna kolom Status/Tingkat: (isi, huruf)
WARNA_STATUS = {"ditolak": ("F4B6B6", "9C0006"), "kesalahan": ("F4B6B6", "9C0006"),
                "peringatan": ("FFEB9C", "7F6000"), "lolos": ("C6EFCE", "006100"),
                "tidak terbaca": ("F4B6B6", "9C0006"), "dilewati": ("E7E6E6", "3A3838")}

RINGKASAN = Lembar(
    "ringkasan", "Ringkasan", "Satu baris per berkas yang diperiksa.",
    (K("berkas", "Berkas", 40, bungkus=True), K("unit_kerja", "Unit Kerja", 32, bungkus=True),
     K("tahun", "Tahun", 7), K("periode", "Periode", 8), K("status", "Status", 14,
                                                            warna="status"),
     K("kesalahan", "Kesalahan", 10), K("peringatan", "Peringatan", 11),
     K("catatan", "Catatan", 40, bungkus=True)),
    baris_header=1, tabel="tblRingkasan")

TEMUAN = Lembar(
    "temuan", "Temuan", "Setiap temuan, dengan tautan ke selnya.",
    (K("berkas", "Berkas", 28, bungkus=True), K("unit_kerja", "Unit Kerja", 24, bungkus=True),
     K("tingkat", "Tingkat", 11, warna="status"), K("aturan", "Aturan", 20, bungkus=True),
     K("sheet", "Sheet", 10), K("sel", "Sel", 8), K("pesan", "Pesan", 70, bungkus=True),
     K("buka", "Buka", 11)),
    baris_header=1, tabel="tblTemuan")

LAPORAN = (RINGKASAN, TEMUAN)
