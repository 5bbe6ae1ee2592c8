"""Katalog pemeriksaan validator: id stabil, tingkat, dan uraian singkat.

``error`` menghalangi konsolidasi; ``warning`` tidak. Id tidak pernah diubah artinya:
laporan JSON, manifest generator sampel dan dokumentasi memakainya.
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Aturan", "KATALOG", "ERROR", "WARNING"]

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Aturan:
    id: str
    tingkat: str
    kelompok: str
    uraian: str


_DAFTAR = [
    # Berkas dan struktur
    ("berkas-kosong", ERROR, "berkas", "Berkas kosong (0 byte)."),
    ("bukan-xlsx", ERROR, "berkas", "Bukan workbook .xlsx/.xlsm (mis. CSV yang diganti namanya)."),
    ("format-xlsb", ERROR, "berkas", "Workbook biner .xlsb."),
    ("berkas-xls-atau-terenkripsi", ERROR, "berkas", "Workbook .xls lama, terenkripsi atau berpassword."),
    ("rusak", ERROR, "berkas", "Berkas rusak / zip tidak utuh."),
    ("terlalu-besar", ERROR, "berkas", "Isi berkas melewati batas ukuran (perlindungan zip bomb)."),
    ("tidak-dapat-dibuka", ERROR, "berkas", "Berkas tidak dapat dibuka (izin, hilang)."),
    ("format-ods", ERROR, "berkas", "Spreadsheet OpenDocument (.ods/.fods, juga terenkripsi), bukan .xlsx."),
    ("xml-tidak-aman", ERROR, "berkas", "XML berisi DTD/entitas (mis. 'billion laughs'); ditolak demi keamanan."),
    ("sheet-hilang", ERROR, "struktur", "Sheet wajib tidak ada."),
    ("tabel-hilang", ERROR, "struktur", "Tabel Excel wajib tidak ada."),
    ("header-hilang", ERROR, "struktur", "Kolom wajib tidak ada di tabel."),
    ("header-diganti", ERROR, "struktur", "Teks header diubah."),
    ("header-dipindah", WARNING, "struktur", "Urutan kolom berbeda dari template."),
    ("header-beda-tulisan", WARNING, "struktur", "Header sama tetapi beda huruf besar/spasi."),
    ("nama-tabel-berbeda", WARNING, "struktur", "Tabel berganti nama."),
    ("tabel-di-sheet-lain", WARNING, "struktur", "Tabel berada di sheet lain."),
    ("sheet-terlalu-besar", ERROR, "struktur", "Area terpakai sheet sangat luas; dibaca sebagian."),
    ("tabel-terlalu-besar", ERROR, "struktur", "Tabel melebihi batas baris."),
    ("sheet-rusak", ERROR, "struktur", "Sheet tidak dapat dibaca."),
    ("info-ganda", WARNING, "struktur", "Kunci Info muncul dua kali."),
    ("versi-format", ERROR, "struktur", "Versi Format tidak dikenal."),
    ("tautan-eksternal", WARNING, "struktur", "Workbook bertaut ke workbook lain."),
    ("makro", WARNING, "struktur", "Workbook berisi makro (tidak dijalankan)."),
    # Identitas
    ("unit-tidak-dikenal", ERROR, "identitas", "Unit Kerja tidak ada di daftar referensi."),
    ("tahun-tidak-wajar", ERROR, "identitas", "Tahun kosong atau tidak wajar."),
    ("periode-tidak-sah", ERROR, "identitas", "Periode kosong atau di luar 1-12."),
    ("satuan-anggaran-tidak-sah", ERROR, "identitas", "Satuan Anggaran bukan Rupiah/Ribu Rupiah."),
    # Sel
    ("wajib-kosong", ERROR, "sel", "Sel wajib kosong."),
    ("angka-sebagai-teks", WARNING, "sel", "Angka diketik sebagai teks (nilainya terbaca)."),
    ("bukan-angka", ERROR, "sel", "Teks di kolom angka."),
    ("angka-ambigu", ERROR, "sel", "Teks angka yang dapat dibaca dua cara (1.234)."),
    ("galat-excel", ERROR, "sel", "Sel berisi galat Excel (#DIV/0!, #REF!, ...)."),
    ("angka-negatif", ERROR, "sel", "Angka negatif di kolom yang tidak boleh negatif."),
    ("bukan-bilangan-bulat", ERROR, "sel", "Kolom bilangan bulat berisi pecahan."),
    ("di-luar-rentang", ERROR, "sel", "Angka di luar rentang yang diizinkan."),
    ("di-luar-pilihan", ERROR, "sel", "Nilai tidak ada di daftar pilihan."),
    ("di-luar-saran", WARNING, "sel", "Nilai tidak ada di daftar saran (boleh, tetapi periksa)."),
    ("kode-indikator-tidak-sah", ERROR, "sel", "Kode Indikator tidak berbentuk 1.01."),
    ("kode-ro-tidak-sah", ERROR, "sel", "Kode RO tidak berbentuk 3165.QIA.005 / DR.3165.QIA.005."),
    # Kunci
    ("kode-ganda", ERROR, "kunci", "Kode Indikator muncul lebih dari sekali."),
    ("kode-tidak-di-pk", ERROR, "kunci", "Kode Indikator tidak ada di PK."),
    ("pk-tidak-di-rapk", ERROR, "kunci", "Indikator PK tidak punya baris RAPK."),
    ("pk-tidak-di-realisasi", ERROR, "kunci", "Indikator bertarget s.d. Periode tanpa baris Realisasi."),
    ("baris-anggaran-ganda", ERROR, "kunci", "Baris anggaran (indikator, RO, komponen, sub komponen) ganda."),
    ("nomor-urut", WARNING, "kunci", "Nomor urut baris anggaran melompat atau berulang."),
    ("sasaran-tidak-konsisten", ERROR, "kunci", "Satu No Sasaran dengan teks sasaran berbeda."),
    # Target
    ("target-kosong", ERROR, "target", "Indikator tanpa target bulanan sama sekali."),
    ("kumulatif-turun", ERROR, "target", "Target Kumulatif menurun."),
    ("kumulatif-b12-beda-target", ERROR, "target", "B12 Kumulatif berbeda dari Target tahunan."),
    ("tetap-bervariasi", ERROR, "target", "Target Tetap tidak sama tiap bulan."),
    ("tetap-beda-target", ERROR, "target", "Target Tetap berbeda dari Target tahunan."),
    ("akhir-tahun-sebelum-b12", ERROR, "target", "Indikator Akhir Tahun bertarget sebelum B12."),
    ("akhir-tahun-beda-target", ERROR, "target", "B12 indikator Akhir Tahun berbeda dari Target tahunan."),
    ("b12-seperti-jumlah", ERROR, "target", "B12 tampak seperti jumlah setelah persentase (pola PJAS)."),
    ("target-bolong", WARNING, "target", "Target terputus: bulan tanpa target di antara bulan bertarget."),
    ("baris-bergeser", ERROR, "target", "Baris bergeser: angka berlebih di kanan kolom Anggaran."),
    ("target-melebihi-100", ERROR, "target", "Target persentase di atas 100."),
    # Anggaran
    ("anggaran-beda-kontribusi", ERROR, "anggaran", "Anggaran RAPK ≠ Σ Kontribusi barisnya."),
    ("kontribusi-lebih-pagu", ERROR, "anggaran", "Kontribusi satu baris > Pagu-nya."),
    ("pagu-terhitung-ganda", ERROR, "anggaran", "Σ Kontribusi satu sub komponen > Pagu (terhitung dua kali)."),
    ("pagu-tidak-teratribusi", WARNING, "anggaran", "Σ Kontribusi satu sub komponen < Pagu."),
    ("pagu-tidak-konsisten", ERROR, "anggaran", "Satu sub komponen ditulis dengan Pagu berbeda."),
    ("realisasi-anggaran-lebih", ERROR, "anggaran", "Realisasi Anggaran > Kontribusi."),
    # Realisasi
    ("realisasi-kosong", ERROR, "realisasi", "Bulan s.d. Periode yang bertarget belum diisi realisasinya."),
    ("realisasi-setelah-periode", ERROR, "realisasi", "Realisasi diisi untuk bulan setelah Periode."),
    ("pembilang-tidak-cocok", ERROR, "realisasi", "Pembilang/penyebut × 100 ≠ realisasi."),
    ("penyebut-nol", ERROR, "realisasi", "Penyebut 0."),
    ("realisasi-tidak-wajar", ERROR, "realisasi", "Realisasi tidak mungkin untuk satuannya (persentase > 100)."),
    ("realisasi-kumulatif-turun", WARNING, "realisasi", "Realisasi Kumulatif menurun."),
    # Rumus
    ("rumus-ditimpa", ERROR, "rumus", "Sel berumus template ditimpa dengan nilai ketikan."),
    ("sheet-capaian-hilang", WARNING, "rumus", "Sheet Capaian template tidak ada."),
    # Lain-lain
    ("pemeriksaan-gagal", ERROR, "lain", "Sebuah pemeriksaan tidak dapat dijalankan (galat internal)."),
]

KATALOG: dict[str, Aturan] = {i: Aturan(i, t, k, u) for i, t, k, u in _DAFTAR}
