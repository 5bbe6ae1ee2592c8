"""Buku nasional hasil konsolidasi: setiap sheet tabelnya (kolom, format, lebar, cetak).

Angka setiap sheet dihitung :mod:`rapk_xl.consolidate.nasional` (DataFrame berkolom id
bidang di bawah) dan ditulis :mod:`rapk_xl.consolidate.buku` menurut deskripsi ini. Sidik isi
buku (apakah buku perlu ditulis ulang) dihitung dari deskripsi dan datanya, jadi sheet baru
cukup ditambahkan di :data:`BUKU` dan dihitung di ``hitung_buku``.
"""
from __future__ import annotations

from ..calc.rules import KRITERIA
from .lembar import KolomLembar as K, Lembar

__all__ = ["RINGKASAN", "MATRIKS", "INDIKATOR", "PERINGKAT", "DITOLAK", "SUMBER", "GRAFIK",
           "BUKU", "LABEL_KRITERIA", "id_kriteria"]

_PERSEN = "0.00"
_RUPIAH = "#,##0"
_NILAI = "#,##0.##"

LABEL_KRITERIA = tuple(lbl for _, lbl in KRITERIA)


def id_kriteria(label: str) -> str:
    """id bidang kolom jumlah unit per kriteria: 'Sangat Baik' → 'sangat_baik'."""
    return label.lower().replace(" ", "_")


RINGKASAN = Lembar(
    "ringkasan", "Ringkasan",
    "Satu baris per unit kerja, {judul}. NPS dari capaian periode; pagu = Σ kontribusi semua "
    "indikator, dalam rupiah; semua angka dihitung ulang dari nilai yang dikirim.",
    (K("kelompok", "Kelompok", 11), K("unit_kerja", "Unit Kerja", 44),
     K("status", "Status", 15, warna="status"), K("jumlah_indikator", "Jumlah Indikator", 18),
     K("nps", "NPS", 11, _PERSEN), K("kriteria_nps", "Kriteria NPS", 22, warna="kriteria"),
     K("pagu", "Pagu (Rp)", 18, _RUPIAH),
     K("realisasi_anggaran", "Realisasi Anggaran (Rp)", 22, _RUPIAH),
     K("realisasi_anggaran_persen", "Realisasi Anggaran (%)", 24, _PERSEN),
     K("efisiensi_ie", "Efisiensi (IE)", 16, _PERSEN),
     K("kategori_efisiensi", "Kategori Efisiensi", 14)),
    kolom_beku=2)

MATRIKS = Lembar(
    "matriks", "Matriks Capaian",
    "Capaian setiap indikator setiap unit, {judul}. Capaian tahunan: realisasi s.d. periode ÷ "
    "target tahunan; capaian periode: ÷ target bulan itu.",
    (K("kelompok", "Kelompok", 11), K("unit_kerja", "Unit Kerja", 44),
     K("kode_indikator", "Kode Indikator", 16), K("indikator", "Indikator", 56, bungkus=True),
     K("satuan", "Satuan", 11), K("target_tahunan", "Target Tahunan", 14, _NILAI),
     K("target_periode", "Target Periode", 16, _NILAI),
     K("realisasi", "Realisasi s.d. Periode", 24, _NILAI),
     K("capaian_tahunan", "Capaian Tahunan (%)", 21, _PERSEN),
     K("kriteria_tahunan", "Kriteria Tahunan", 22, warna="kriteria"),
     K("capaian_periode", "Capaian Periode (%)", 21, _PERSEN),
     K("kriteria_periode", "Kriteria Periode", 22, warna="kriteria"),
     K("sha256", "SHA-256 Kiriman", 17)),
    kolom_beku=2)

INDIKATOR = Lembar(
    "indikator", "Indikator",
    "Sebaran capaian periode untuk indikator yang dipakai sedikitnya 3 unit, dan jumlah unit "
    "per kriteria.",
    (K("kode_indikator", "Kode Indikator", 16), K("indikator", "Indikator", 56, bungkus=True),
     K("jumlah_unit", "Jumlah Unit", 13), K("unit_dengan_capaian", "Unit dengan Capaian", 21),
     K("capaian_terendah", "Capaian Terendah (%)", 22, _PERSEN),
     K("median", "Median (%)", 12, _PERSEN),
     K("capaian_tertinggi", "Capaian Tertinggi (%)", 23, _PERSEN),
     *(K(id_kriteria(lbl), lbl, max(11, min(len(lbl) + 2, 24))) for lbl in LABEL_KRITERIA)))

PERINGKAT = Lembar(
    "peringkat", "Peringkat Anggaran",
    "Unit diurutkan menurut % realisasi anggaran dalam kelompoknya (Pusat, Balai, Loka).",
    (K("kelompok", "Kelompok", 11), K("peringkat", "Peringkat", 11),
     K("unit_kerja", "Unit Kerja", 44), K("pagu", "Pagu (Rp)", 18, _RUPIAH),
     K("realisasi_anggaran", "Realisasi Anggaran (Rp)", 22, _RUPIAH),
     K("realisasi_anggaran_persen", "Realisasi Anggaran (%)", 24, _PERSEN)),
    kolom_beku=2)

DITOLAK = Lembar(
    "ditolak", "Ditolak",
    "Kiriman yang ditolak dan setiap kesalahan yang menghalanginya, dengan selnya.",
    (K("berkas", "Berkas", 44), K("unit_kerja", "Unit Kerja", 44), K("tahun", "Tahun", 11),
     K("periode", "Periode", 11), K("diterima", "Diterima", 11), K("aturan", "Aturan", 11),
     K("sheet", "Sheet", 11), K("sel", "Sel", 11), K("pesan", "Pesan", 90, bungkus=True)),
    kolom_beku=2)

SUMBER = Lembar(
    "sumber", "Sumber",
    "Asal setiap baris yang diterima: berkas, SHA-256, waktu diterima (riwayat).",
    (K("unit_kerja", "Unit Kerja", 44), K("tahun", "Tahun", 11), K("periode", "Periode", 11),
     K("berkas", "Berkas", 44), K("sha256", "SHA-256", 66), K("diterima", "Diterima", 11),
     K("diubah", "Berkas Diubah", 15), K("satuan_anggaran", "Satuan Anggaran", 17),
     K("peringatan", "Peringatan", 12)),
    kolom_beku=2)

#: tabel kecil di sheet Grafik (sumber grafik jumlah unit per kriteria)
GRAFIK = Lembar(
    "per_kriteria", "Grafik", "", (K("kriteria_nps", "Kriteria NPS", 26),
                                   K("jumlah_unit", "Jumlah Unit", 12)),
    baris_header=3, lanskap=False)

#: sheet buku nasional, dalam urutan buku
BUKU: tuple[Lembar, ...] = (RINGKASAN, MATRIKS, INDIKATOR, PERINGKAT, DITOLAK, SUMBER, GRAFIK)
