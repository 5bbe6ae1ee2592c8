"""Aturan yang dideteksi pembaca berkas: berkas yang tidak dapat dibaca sebagai workbook, dan
struktur workbook (sheet, tabel, header) yang menyimpang dari format.

Didaftarkan di register :mod:`rapk_xl.temuan` seperti aturan validator lainnya; yang
membuat temuannya :mod:`rapk_xl.io.xlsx_parts` dan :mod:`rapk_xl.io.reader`.
"""
from __future__ import annotations

from ..temuan import ERROR, WARNING, daftarkan

__all__: list[str] = []

_PASTI = "{pesan}"  # pesan berkas disusun pembaca (sebabnya beragam)

for _id, _tingkat, _uraian in (
    ("berkas-kosong", ERROR, "Berkas kosong (0 byte)."),
    ("bukan-xlsx", ERROR, "Bukan workbook .xlsx/.xlsm (mis. CSV yang diganti namanya)."),
    ("format-xlsb", ERROR, "Workbook biner .xlsb."),
    ("berkas-xls-atau-terenkripsi", ERROR, "Workbook .xls lama, terenkripsi atau berpassword."),
    ("rusak", ERROR, "Berkas rusak / zip tidak utuh."),
    ("terlalu-besar", ERROR, "Isi berkas melewati batas ukuran (perlindungan zip bomb)."),
    ("tidak-dapat-dibuka", ERROR, "Berkas tidak dapat dibuka (izin, hilang)."),
    ("format-ods", ERROR, "Spreadsheet OpenDocument (.ods/.fods, juga terenkripsi), bukan .xlsx."),
    ("xml-tidak-aman", ERROR,
     "XML berisi DTD/entitas (mis. 'billion laughs'); ditolak demi keamanan."),
):
    daftarkan(_id, _tingkat, "berkas", _uraian, _PASTI)

daftarkan("bukan-workbook-rapk", ERROR, "struktur",
          "Workbook tanpa satu pun sheet format RAPK (bukan dari template rapk-xl).",
          "Workbook ini tidak memuat sheet format RAPK ({sheet}): bukan workbook dari template "
          "rapk-xl. Buat workbook dengan `rapk-xl template` (atau templates/rapk_template.xlsx) "
          "lalu salin datanya ke sana.")
daftarkan("sheet-hilang", ERROR, "struktur", "Sheet wajib tidak ada.",
          "Sheet '{sheet}' dan tabel {tabel} tidak ada. Pakai template rapk-xl terbaru dan salin "
          "datanya ke sana.")
daftarkan("tabel-hilang", ERROR, "struktur", "Tabel Excel wajib dan header-nya tidak ada.",
          "Tabel {tabel} dan header-nya tidak ditemukan di sheet {sheet}. Pakai template rapk-xl "
          "terbaru dan salin datanya ke sana.")
daftarkan("tabel-jadi-range", WARNING, "struktur",
          "Tabel Excel diubah menjadi range biasa; data dibaca dari header-nya.",
          "Sheet {sheet} tidak lagi memuat tabel Excel {tabel} (mungkin diubah menjadi range "
          "biasa); data dibaca dari header di baris {baris}. Pilih datanya lalu Insert > Table, "
          "beri nama {tabel}.")
daftarkan("header-hilang", ERROR, "struktur", "Kolom wajib tidak ada di tabel.",
          "Kolom '{kolom}' tidak ada di tabel {tabel} (baris header {baris}). Tambahkan kembali "
          "kolom itu dengan header persis seperti template.")
daftarkan("header-diganti", ERROR, "struktur", "Teks header diubah.",
          "Header '{asli}' seharusnya '{kolom}'. Kembalikan teks header aslinya; kolom ini tidak "
          "dapat dibaca sebagai {kolom}.")
daftarkan("header-dipindah", WARNING, "struktur", "Urutan kolom berbeda dari template.",
          "Urutan kolom tabel {tabel} berbeda dari template ({urutan}, ...). Data tetap dibaca "
          "menurut nama header; sebaiknya kembalikan urutannya.")
daftarkan("header-beda-tulisan", WARNING, "struktur", "Header sama tetapi beda huruf besar/spasi.",
          "Header '{asli}' seharusnya ditulis '{kolom}'.")
daftarkan("nama-tabel-berbeda", WARNING, "struktur", "Tabel berganti nama.",
          "Tabel di sheet {sheet} bernama '{asli}', seharusnya '{tabel}'. Ganti namanya di Table "
          "Design > Table Name.")
daftarkan("tabel-di-sheet-lain", WARNING, "struktur", "Tabel berada di sheet lain.",
          "Tabel {tabel} ada di sheet '{sheet}', seharusnya di sheet '{harap}'.")
daftarkan("sheet-terlalu-besar", ERROR, "struktur",
          "Area terpakai sheet sangat luas; sheet tidak dibaca.",
          "Sheet {sheet} memakai area sangat luas (sampai baris {baris}, kolom {kolom}); sheet ini "
          "tidak dibaca. Hapus isi di luar tabel (Ctrl+End menunjukkan sel terakhir yang "
          "terpakai), lalu simpan ulang.")
daftarkan("tabel-terputus", WARNING, "struktur",
          "Baris kosong di tengah isian tabel; baris di bawahnya tetap dibaca.",
          "Isian tabel {tabel} di sheet {sheet} terputus baris kosong di baris {baris}; baris "
          "di bawahnya tetap dibaca sebagai bagian tabel. Hapus baris kosong itu (klik kanan "
          "nomor baris > Hapus) agar tabel utuh.")
daftarkan("tabel-terlalu-besar", ERROR, "struktur", "Tabel melebihi batas baris.",
          "Tabel {tabel} memuat lebih dari {batas} baris; sisanya tidak dibaca.")
daftarkan("sheet-rusak", ERROR, "struktur", "Sheet tidak dapat dibaca.",
          "Sheet {sheet} tidak dapat dibaca (rincian teknis: {rinci}). Buka di Excel, terima "
          "tawaran perbaikannya bila ada, lalu simpan ulang; atau salin isian sheet itu ke "
          "template rapk-xl yang baru.")
daftarkan("info-ganda", WARNING, "struktur", "Kunci Info muncul dua kali.",
          "Kunci '{kunci}' muncul dua kali di tabel Info; hapus salah satunya.")
daftarkan("tautan-eksternal", WARNING, "struktur", "Workbook bertaut ke workbook lain.",
          "Workbook bertaut ke workbook lain; nilai dari tautan bisa usang. Putuskan tautannya "
          "(Data > Edit Links > Break Link).")
daftarkan("makro", WARNING, "struktur",
          "Workbook berisi makro VBA atau lembar makro Excel 4.0 (tidak dijalankan).",
          "{apa}. Makro tidak dijalankan dan tidak diperlukan; {saran}")

#: temuan struktur yang berarti isi tabel tidak dapat dibaca dari berkas ini
TAK_TERBACA = frozenset({"sheet-hilang", "tabel-hilang", "sheet-terlalu-besar", "sheet-rusak",
                         "bukan-workbook-rapk"})
__all__ += ["TAK_TERBACA"]
