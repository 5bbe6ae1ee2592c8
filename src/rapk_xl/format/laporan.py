"""Laporan validasi (.xlsx, ``rapk-xl validasi -o``): sheet Ringkasan dan Temuan."""
from __future__ import annotations

from .lembar import KolomLembar as K, Lembar

__all__ = ["RINGKASAN", "TEMUAN", "LAPORAN"]

RINGKASAN = Lembar(
    "ringkasan", "Ringkasan", "Satu baris per berkas yang diperiksa.",
    (K("berkas", "Berkas", 48, bungkus=True), K("unit_kerja", "Unit Kerja", 44, bungkus=True),
     K("tahun", "Tahun", 8), K("periode", "Periode", 8), K("status", "Status", 14),
     K("kesalahan", "Kesalahan", 10), K("peringatan", "Peringatan", 11),
     K("catatan", "Catatan", 50, bungkus=True)),
    baris_header=1, tabel="tblRingkasan")

TEMUAN = Lembar(
    "temuan", "Temuan", "Setiap temuan, dengan tautan ke selnya.",
    (K("berkas", "Berkas", 40, bungkus=True), K("unit_kerja", "Unit Kerja", 36, bungkus=True),
     K("tingkat", "Tingkat", 11), K("aturan", "Aturan", 26), K("sheet", "Sheet", 11),
     K("sel", "Sel", 9), K("pesan", "Pesan", 100, bungkus=True), K("buka", "Buka", 12)),
    baris_header=1, tabel="tblTemuan")

LAPORAN = (RINGKASAN, TEMUAN)
