"""Buku nasional hasil konsolidasi: setiap sheet tabelnya (kolom, format, lebar, cetak).

Angka setiap tabel dihitung :mod:`rapk_xl.consolidate.nasional` (DataFrame berkolom id
bidang di bawah) dan ditulis :mod:`rapk_xl.consolidate.buku` menurut deskripsi ini. Sidik isi
buku (apakah buku perlu ditulis ulang) dihitung dari deskripsi dan datanya, jadi tabel baru
cukup ditambahkan di :data:`BUKU` dan dihitung di ``hitung_buku``.

Setiap tabel adalah tabel Excel bernama (filter, PivotTable). Beberapa tabel boleh berbagi
satu sheet (``Lembar.nama`` sama, mis. ringkasan total di atas tabel Ringkasan, tiga tabel
Tren); tabel berikutnya ditulis di bawah yang sebelumnya, dan ``baris_header`` tabel pertama
sheet itu yang berlaku untuk judul/cetak. Urutan sheet = urutan kemunculan di :data:`BUKU`.
"""
from __future__ import annotations

from ..calc.rules import KRITERIA
from .lembar import KolomLembar as K, Lembar

__all__ = ["RINGKASAN", "TOTAL", "PERHATIAN", "TREN_KELOMPOK", "TREN_UNIT", "TREN_INDIKATOR",
           "MATRIKS", "INDIKATOR", "PERINGKAT", "DITOLAK", "SUMBER", "GRAFIK", "GRAFIK_NPS",
           "BUKU", "SHEET", "LABEL_KRITERIA", "id_kriteria", "id_periode", "ID_PERIODE",
           "BATAS_NPS", "BATAS_CAPAIAN", "JENIS_PERHATIAN", "ACUAN", "nama_pendek",
           "MIN_UNIT_INDIKATOR"]

_PERSEN = "0.00"
_RUPIAH = "#,##0"
_NILAI = "General"
_MILIAR = "#,##0.00"

LABEL_KRITERIA = tuple(lbl for _, lbl in KRITERIA)
#: NPS unit di bawah ini dan capaian periode indikator di bawah ini masuk Perlu Perhatian
BATAS_NPS = 90.0
BATAS_CAPAIAN = 70.0
#: garis acuan grafik (capaian/NPS 100 %)
ACUAN = 100.0
#: indikator yang dipakai sedikitnya sekian unit masuk sheet Indikator (sebaran antarunit)
MIN_UNIT_INDIKATOR = 3

_BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")
ID_PERIODE = tuple(f"p{i:02d}" for i in range(1, 13))


def id_kriteria(label: str) -> str:
    """id bidang kolom jumlah unit per kriteria: 'Sangat Baik' → 'sangat_baik'."""
    return label.lower().replace(" ", "_")


def id_periode(periode: int) -> str:
    """id bidang kolom periode di tabel Tren: 6 → 'p06'."""
    return ID_PERIODE[periode - 1]


def _kolom_periode(lebar: float = 11) -> tuple[K, ...]:
    return tuple(K(i, b, lebar, _PERSEN) for i, b in zip(ID_PERIODE, _BULAN))


# --- Ringkasan --------------------------------------------------------------------------------

#: blok total di atas tabel Ringkasan (kolom Nilai: angka; format per baris di ``format_total``)
TOTAL = Lembar(
    "total", "Ringkasan",
    "Ringkasan nasional, {judul}. Unit diurutkan per kelompok, NPS terendah lebih dulu; unit "
    "yang ditolak atau belum mengirim di akhir kelompoknya (rinciannya di Perlu Perhatian).",
    (K("ukuran", "Ringkasan Nasional", 40, bungkus=True), K("nilai", "Nilai", 16),
     K("keterangan", "Keterangan", 36, bungkus=True)),
    baris_header=4, kolom_beku=0, tabel="tblTotal")
#: kolom pertama (1 = A) tabel yang tidak mulai di kolom A: blok total sejajar kolom Unit
#: Kerja, Status dan Keterangan tabel Ringkasan di bawahnya
KOLOM_AWAL = {"total": 2}
#: baris blok total: (id, teks, format angka kolom Nilai)
BARIS_TOTAL = (
    ("diterima", "Unit diterima", "0"),
    ("ditolak", "Unit ditolak", "0"),
    ("belum", "Unit belum mengirim", "0"),
    ("nps", "NPS nasional", _PERSEN),
    ("pagu", "Pagu (miliar rupiah)", _MILIAR),
    ("realisasi", "Realisasi anggaran (miliar rupiah)", _MILIAR),
    ("efisien", "Unit efisien", "0"),
    ("tren", "NPS nasional per periode", _PERSEN),
)

RINGKASAN = Lembar(
    "ringkasan", "Ringkasan",
    "Satu baris per unit kerja, {judul}. NPS dari capaian periode; pagu = Σ kontribusi semua "
    "indikator, dalam rupiah; semua angka dihitung ulang dari nilai yang dikirim.",
    (K("kelompok", "Kelompok", 11), K("unit_kerja", "Unit Kerja", 40, bungkus=True),
     K("status", "Status", 16, warna="status"),
     K("keterangan", "Keterangan", 36, bungkus=True),
     K("jumlah_indikator", "Jumlah Indikator", 11),
     K("nps", "NPS", 9, _PERSEN), K("kriteria_nps", "Kriteria NPS", 20, warna="kriteria"),
     K("pagu", "Pagu (Rp)", 16, _RUPIAH),
     K("realisasi_anggaran", "Realisasi Anggaran (Rp)", 16, _RUPIAH),
     K("realisasi_anggaran_persen", "Realisasi Anggaran (% Pagu)", 13, _PERSEN),
     K("capaian_input", "Capaian Input Efisiensi (%)", 13, _PERSEN),
     K("efisiensi_ie", "Efisiensi (IE)", 11, _PERSEN),
     K("kategori_efisiensi", "Kategori Efisiensi", 22)),
    baris_header=4 + len(BARIS_TOTAL) + 3, kolom_beku=2, tabel="tblRingkasan")

# --- Perlu Perhatian --------------------------------------------------------------------------

#: jenis baris Perlu Perhatian, dalam urutan sheet
JENIS_PERHATIAN = ("Ditolak", "Belum mengirim", "NPS di bawah 90", "Capaian di bawah 70")

PERHATIAN = Lembar(
    "perhatian", "Perlu Perhatian",
    "Yang perlu ditindaklanjuti, {judul}: kiriman ditolak, unit belum mengirim, unit dengan NPS "
    "di bawah 90 dan indikator dengan capaian periode di bawah 70 — dengan alasannya dan tempat "
    "melihatnya (klik kolom Lihat).",
    (K("jenis", "Jenis", 16, bungkus=True), K("kelompok", "Kelompok", 10),
     K("unit_kerja", "Unit Kerja", 36, bungkus=True),
     K("kode_indikator", "Kode Indikator", 10),
     K("indikator", "Indikator", 36, bungkus=True), K("nilai", "Nilai (%)", 10, _PERSEN),
     K("kriteria", "Kriteria", 22, warna="kriteria"),
     K("alasan", "Alasan", 56, bungkus=True), K("lihat", "Lihat", 26, bungkus=True)),
    kolom_beku=3, tabel="tblPerhatian")

# --- Tren -------------------------------------------------------------------------------------

TREN_KELOMPOK = Lembar(
    "tren_kelompok", "Tren",
    "Tren tahun berjalan dari riwayat: setiap periode tahun itu (s.d. periode buku) yang punya "
    "kiriman diterima. NPS = rata-rata NPS unit; capaian indikator = median antarunit.",
    (K("kelompok", "Kelompok", 12), K("ukuran", "Ukuran", 46, bungkus=True),
     K("jumlah_unit", "Unit Kerja", 12), *_kolom_periode()),
    kolom_beku=2, tabel="tblTrenKelompok")
TREN_UNIT = Lembar(
    "tren_unit", "Tren", "NPS setiap unit per periode.",
    (K("kelompok", "Kelompok", 12), K("unit_kerja", "Unit Kerja", 46, bungkus=True),
     K("status", "Status Periode Buku", 12, warna="status"), *_kolom_periode()),
    kolom_beku=2, tabel="tblTrenUnit")
TREN_INDIKATOR = Lembar(
    "tren_indikator", "Tren",
    "Median capaian periode antarunit per indikator (Kode Indikator dan teksnya), untuk "
    "indikator yang dipakai sedikitnya 3 unit.",
    (K("kode_indikator", "Kode Indikator", 12), K("indikator", "Indikator", 46, bungkus=True),
     K("jumlah_unit", "Jumlah Unit", 12), *_kolom_periode()),
    kolom_beku=2, tabel="tblTrenIndikator")
#: baris tabel Tren per kelompok: NPS rata-rata (sumber grafik), lalu jumlah unit diterima
UKURAN_TREN = ("NPS rata-rata", "Unit diterima")
#: format kolom periode untuk baris jumlah unit
FORMAT_JUMLAH = "0"
LABEL_SEMUA = "Semua unit"

# --- Matriks, Indikator, Peringkat ------------------------------------------------------------

MATRIKS = Lembar(
    "matriks", "Matriks Capaian",
    "Capaian setiap indikator setiap unit, {judul}. Kriteria dari capaian periode (realisasi ÷ "
    "target bulan itu); progres tahunan = realisasi s.d. periode ÷ target tahunan.",
    (K("kelompok", "Kelompok", 11), K("unit_kerja", "Unit Kerja", 36, bungkus=True),
     K("kode_indikator", "Kode Indikator", 10), K("indikator", "Indikator", 48, bungkus=True),
     K("satuan", "Satuan", 9), K("target_periode", "Target Periode", 11, _NILAI),
     K("realisasi", "Realisasi s.d. Periode", 12, _NILAI),
     K("capaian_periode", "Capaian Periode (%)", 12, _PERSEN),
     K("kriteria_periode", "Kriteria Periode", 22, warna="kriteria"),
     K("target_tahunan", "Target Tahunan", 11, _NILAI),
     K("capaian_tahunan", "Progres Tahunan (%)", 13, _PERSEN, warna="progres")),
    kolom_beku=3, tabel="tblMatriks")

INDIKATOR = Lembar(
    "indikator", "Indikator",
    "Sebaran capaian periode untuk indikator yang dipakai sedikitnya 3 unit, dan jumlah unit "
    "per kriteria.",
    (K("kode_indikator", "Kode Indikator", 10), K("indikator", "Indikator", 48, bungkus=True),
     K("jumlah_unit", "Jumlah Unit", 9), K("unit_dengan_capaian", "Unit dengan Capaian", 11),
     K("capaian_terendah", "Capaian Terendah (%)", 11, _PERSEN),
     K("median", "Median (%)", 10, _PERSEN),
     K("capaian_tertinggi", "Capaian Tertinggi (%)", 11, _PERSEN),
     *(K(id_kriteria(lbl), lbl, 12) for lbl in LABEL_KRITERIA)),
    kolom_beku=2, tabel="tblIndikator")

PERINGKAT = Lembar(
    "peringkat", "Peringkat Anggaran",
    "Unit diurutkan menurut % realisasi anggaran dalam kelompoknya (Pusat, Balai, Loka).",
    (K("kelompok", "Kelompok", 11), K("peringkat", "Peringkat", 11),
     K("unit_kerja", "Unit Kerja", 46, bungkus=True), K("pagu", "Pagu (Rp)", 19, _RUPIAH),
     K("realisasi_anggaran", "Realisasi Anggaran (Rp)", 19, _RUPIAH),
     K("realisasi_anggaran_persen", "Realisasi Anggaran (%)", 13, _PERSEN)),
    kolom_beku=3, tabel="tblPeringkat")

# --- Ditolak, Sumber --------------------------------------------------------------------------

DITOLAK = Lembar(
    "ditolak", "Ditolak",
    "Kiriman yang ditolak dan setiap kesalahan yang menghalanginya, dengan selnya. Waktu dalam "
    "WIB.",
    (K("berkas", "Berkas", 30, bungkus=True), K("unit_kerja", "Unit Kerja (Tertulis)", 28,
                                                 bungkus=True),
     K("unit_dikenali", "Unit Kerja (Dikenali)", 28, bungkus=True), K("tahun", "Tahun", 7),
     K("periode", "Periode", 8), K("diterima", "Diterima (WIB)", 12, bungkus=True),
     K("aturan", "Aturan", 16, bungkus=True), K("sheet", "Sheet", 10), K("sel", "Sel", 7),
     K("pesan", "Pesan", 64, bungkus=True)),
    kolom_beku=2, tabel="tblDitolak")

SUMBER = Lembar(
    "sumber", "Sumber",
    "Asal setiap baris yang diterima: berkas, SHA-256 isinya, waktu diterima dan waktu berkas "
    "diubah (WIB), dari riwayat.",
    (K("unit_kerja", "Unit Kerja", 32, bungkus=True), K("tahun", "Tahun", 7),
     K("periode", "Periode", 8), K("berkas", "Berkas", 34, bungkus=True),
     K("sha256", "SHA-256", 34, bungkus=True), K("diterima", "Diterima (WIB)", 12, bungkus=True),
     K("diubah", "Berkas Diubah (WIB)", 12, bungkus=True),
     K("satuan_anggaran", "Satuan Anggaran", 11), K("peringatan", "Peringatan", 11)),
    kolom_beku=1, tabel="tblSumber")

# --- Grafik -----------------------------------------------------------------------------------

#: sumber grafik NPS per unit: unit diterima saja, NPS terendah lebih dulu
GRAFIK_NPS = Lembar(
    "grafik_nps", "Grafik",
    "Sumber grafik NPS per unit: unit yang diterima dan ber-NPS, NPS terendah lebih dulu.",
    (K("unit_kerja", "Unit Kerja", 30), K("kelompok", "Kelompok", 11),
     K("nps", "NPS", 10, _PERSEN), K("acuan", "Acuan", 10, _PERSEN)),
    baris_header=67, kolom_beku=0, tabel="tblGrafikNPS")
#: tabel kecil di sheet Grafik (sumber grafik jumlah unit per kriteria), di halaman kedua
GRAFIK = Lembar(
    "per_kriteria", "Grafik",
    "Grafik NPS per unit (hanya unit yang diterima dan ber-NPS, NPS terendah lebih dulu, garis "
    "acuan 100) dan jumlah unit per kriteria NPS.",
    (K("kriteria_nps", "Kriteria NPS", 30), K("jumlah_unit", "Jumlah Unit", 11)),
    baris_header=48, kolom_beku=0, tabel="tblGrafikKriteria")

#: setiap tabel buku nasional; sheet dalam urutan kemunculan pertamanya
BUKU: tuple[Lembar, ...] = (TOTAL, RINGKASAN, PERHATIAN, TREN_KELOMPOK, TREN_INDIKATOR,
                            TREN_UNIT, GRAFIK, GRAFIK_NPS, MATRIKS, INDIKATOR, PERINGKAT,
                            DITOLAK, SUMBER)
#: nama sheet, urut buku
SHEET = tuple(dict.fromkeys(lb.nama for lb in BUKU))

#: singkatan nama unit untuk label grafik
SINGKATAN = (("Balai Besar POM di ", "BBPOM "), ("Balai POM di ", "BPOM "),
             ("Loka POM di ", "Loka POM "), ("Direktorat ", "Dit. "), ("Pusat ", "Pus. "),
             ("Inspektorat ", "Insp. "))
PANJANG_LABEL = 34


def nama_pendek(nama: str) -> str:
    """Label grafik: 'Balai Besar POM di Surabaya' → 'BBPOM Surabaya'; nama yang masih lebih
    dari :data:`PANJANG_LABEL` huruf dipotong dengan '…'."""
    for panjang, pendek in SINGKATAN:
        if nama.startswith(panjang):
            nama = pendek + nama[len(panjang):]
            break
    return nama if len(nama) <= PANJANG_LABEL else nama[:PANJANG_LABEL - 1].rstrip() + "…"
