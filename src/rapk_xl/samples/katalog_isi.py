"""Katalog isi workbook sintetis: sasaran, indikator dan blok anggaran (RO, komponen, sub
komponen) untuk UPT (Balai dan Loka: satu katalog bersama agar indikator dapat dibandingkan
antarunit) dan untuk unit Pusat. Teks diilhami RAPK Balai POM di Jember 2024 dan Loka POM di
Kota Dumai 2025 (``samples/data``); angka dasar target adalah rekaan yang masuk akal.
"""
from __future__ import annotations

from typing import NamedTuple

__all__ = ["Ind", "HITUNGAN", "SASARAN_UPT", "INDIKATOR_UPT", "SASARAN_PUSAT", "INDIKATOR_PUSAT",
           "BLOK_UPT", "BLOK_PUSAT", "NAMA_DEPAN", "NAMA_BELAKANG", "GELAR"]

#: Satuan hitungan (bilangan bulat, Kumulatif).
HITUNGAN = {"Sekolah", "Desa", "Pasar", "Dokumen"}


class Ind(NamedTuple):
    """Satu indikator katalog; target tiap unit = ``dasar`` ± ``sebar``."""

    kode: str
    nama: str
    satuan: str
    jenis: str
    dasar: float
    sebar: float
    mulai: tuple[int, ...] = (1,)  # bulan target pertama yang mungkin
    awal: float = 0.0  # Kumulatif: bagian target yang sudah dicapai di bulan pertama
    iku: bool = False
    polaritas: str = "Positif"


# -- Indikator (sama untuk semua UPT; Pusat punya katalog sendiri) --------------------------
SASARAN_UPT = {
    1: ("Stakeholder", "Terwujudnya Obat dan Makanan yang memenuhi syarat di wilayah kerja UPT"),
    2: ("Customer", "Meningkatnya efektivitas pemeriksaan sarana Obat dan Makanan serta "
                    "pelayanan publik di wilayah kerja UPT"),
    3: ("Customer", "Meningkatnya efektivitas komunikasi, informasi dan edukasi Obat dan "
                    "Makanan di wilayah kerja UPT"),
    4: ("Internal Process", "Meningkatnya efektivitas pemeriksaan produk dan pengujian Obat dan "
                            "Makanan di wilayah kerja UPT"),
    5: ("Internal Process", "Meningkatnya efektivitas penindakan kejahatan Obat dan Makanan di "
                            "wilayah kerja UPT"),
    6: ("Internal Process", "Meningkatnya pendampingan UMKM dalam pemenuhan standar keamanan "
                            "dan mutu"),
    7: ("Customer", "Terwujudnya layanan publik UPT yang prima"),
    8: ("Learning and Growth", "Terwujudnya tata kelola pemerintahan UPT yang optimal"),
    9: ("Learning and Growth", "Terwujudnya SDM UPT yang berkinerja optimal"),
    10: ("Learning and Growth", "Terkelolanya keuangan UPT secara akuntabel"),
}
INDIKATOR_UPT = (
    Ind("1.01", "Persentase Obat yang memenuhi syarat", "%", "Tetap", 90, 4, (1, 2), iku=True),
    Ind("1.02", "Persentase Makanan yang memenuhi syarat", "%", "Tetap", 88, 4, (1, 3), iku=True),
    Ind("1.03", "Persentase Obat yang aman dan bermutu berdasarkan hasil pengawasan", "%",
        "Tetap", 91, 3, (2, 3)),
    Ind("1.04", "Persentase Makanan yang aman dan bermutu berdasarkan hasil pengawasan", "%",
        "Tetap", 85, 4, (2, 3)),
    Ind("1.05", "Persentase pangan fortifikasi yang memenuhi syarat", "%", "Tetap", 80, 5, (1, 3)),
    Ind("2.01", "Persentase keputusan/rekomendasi hasil inspeksi sarana produksi dan distribusi "
        "yang dilaksanakan", "%", "Tetap", 95, 3, (1, 2)),
    Ind("2.02", "Persentase keputusan/rekomendasi hasil inspeksi yang ditindaklanjuti oleh "
        "pemangku kepentingan", "%", "Kumulatif", 88, 6, (1, 2), 0.3),
    Ind("2.03", "Persentase keputusan penilaian sertifikasi yang diselesaikan tepat waktu", "%",
        "Tetap", 96, 3),
    Ind("2.04", "Persentase sarana produksi Obat dan Makanan yang memenuhi ketentuan", "%",
        "Tetap", 68, 6),
    Ind("2.05", "Persentase sarana distribusi Obat dan Makanan yang memenuhi ketentuan", "%",
        "Tetap", 70, 6),
    Ind("2.06", "Indeks Pelayanan Publik UPT", "Indeks", "Tetap", 3.6, 0.3, (6, 9)),
    Ind("3.01", "Tingkat efektivitas KIE Obat dan Makanan", "%", "Tetap", 93, 4, (2, 3), iku=True),
    Ind("3.02", "Jumlah sekolah dengan Pangan Jajanan Anak Sekolah (PJAS) aman", "Sekolah",
        "Kumulatif", 6, 2, (3, 5)),
    Ind("3.03", "Jumlah desa pangan aman", "Desa", "Kumulatif", 2, 1, (4, 6)),
    Ind("3.04", "Jumlah pasar pangan aman berbasis komunitas", "Pasar", "Kumulatif", 1, 1, (5, 7)),
    Ind("4.01", "Persentase sampel Obat yang diperiksa dan diuji sesuai standar", "%",
        "Kumulatif", 92, 5),
    Ind("4.02", "Persentase sampel Makanan yang diperiksa dan diuji sesuai standar", "%",
        "Kumulatif", 92, 5),
    Ind("5.01", "Persentase keberhasilan penindakan kejahatan di bidang Obat dan Makanan", "%",
        "Kumulatif", 80, 8, (2, 4)),
    Ind("5.02", "Persentase laporan analisis kejahatan Obat dan Makanan yang diselesaikan sesuai "
        "standar", "%", "Kumulatif", 90, 5, (1, 3)),
    Ind("6.01", "Persentase UMKM yang didampingi dan memperoleh rekomendasi sertifikat cara "
        "pembuatan yang baik", "%", "Kumulatif", 90, 6, (1, 4), 0.05),
    Ind("7.01", "Indeks Kepuasan Masyarakat terhadap Layanan Publik UPT", "Indeks", "Akhir Tahun",
        90, 3, iku=True),
    Ind("8.01", "Indeks RB UPT", "Indeks", "Akhir Tahun", 78, 5),
    Ind("8.02", "Nilai AKIP UPT", "Nilai", "Akhir Tahun", 80, 4),
    Ind("8.03", "Nilai Pengelolaan Kearsipan", "Nilai", "Akhir Tahun", 86, 4),
    Ind("8.04", "Persentase implementasi rencana aksi Reformasi Birokrasi UPT", "%", "Kumulatif",
        100, 0, (1,), 0.08),
    Ind("9.01", "Indeks Profesionalitas ASN UPT", "Indeks", "Akhir Tahun", 88, 4),
    Ind("10.01", "Nilai Kinerja Anggaran UPT", "Nilai", "Kumulatif", 91, 3, (2, 3), 0.75),
)
SASARAN_PUSAT = {
    1: ("Stakeholder", "Meningkatnya kualitas kebijakan dan standar di bidang tugas unit"),
    2: ("Customer", "Meningkatnya kualitas layanan publik unit"),
    3: ("Internal Process", "Meningkatnya efektivitas pelaksanaan tugas teknis unit"),
    4: ("Learning and Growth", "Terwujudnya tata kelola pemerintahan unit yang akuntabel"),
    5: ("Learning and Growth", "Terwujudnya SDM unit yang berkinerja optimal"),
}
INDIKATOR_PUSAT = (
    Ind("1.01", "Indeks kualitas kebijakan di bidang tugas unit", "Indeks", "Akhir Tahun", 85, 4,
        iku=True),
    Ind("1.02", "Persentase rekomendasi kebijakan yang dimanfaatkan oleh pemangku kepentingan",
        "%", "Kumulatif", 85, 6, (2, 4), 0.1),
    Ind("2.01", "Indeks kepuasan pemangku kepentingan terhadap layanan unit", "Indeks",
        "Akhir Tahun", 88, 4, iku=True),
    Ind("2.02", "Rata-rata waktu penyelesaian layanan (hari)", "Hari", "Tetap", 10, 3,
        polaritas="Negatif"),
    Ind("2.03", "Persentase layanan yang diselesaikan tepat waktu", "%", "Tetap", 92, 4),
    Ind("3.01", "Persentase pelaksanaan program kerja teknis sesuai rencana", "%", "Kumulatif",
        95, 4, (1,), 0.05, iku=True),
    Ind("3.02", "Jumlah dokumen standar/pedoman yang diterbitkan", "Dokumen", "Kumulatif", 6, 3,
        (3, 6)),
    Ind("3.03", "Persentase rekomendasi hasil pengawasan yang ditindaklanjuti", "%", "Tetap",
        88, 5),
    Ind("4.01", "Nilai AKIP unit", "Nilai", "Akhir Tahun", 82, 4),
    Ind("4.02", "Indeks RB unit", "Indeks", "Akhir Tahun", 85, 4),
    Ind("4.03", "Opini BPK atas laporan keuangan", "Opini", "Akhir Tahun", 4, 0),
    Ind("4.04", "Nilai Kinerja Anggaran unit", "Nilai", "Kumulatif", 93, 3, (2, 3), 0.75),
    Ind("5.01", "Indeks Profesionalitas ASN unit", "Indeks", "Akhir Tahun", 90, 3),
    Ind("5.02", "Persentase pegawai yang memenuhi standar kompetensi jabatan", "%", "Kumulatif",
        85, 6, (3, 6), 0.2),
)

# -- Anggaran: (kode RO, rincian output, {komponen: [sub komponen]}, indikator, bobot) -------
#: Setiap indikator dilayani satu blok; blok memuat paling sedikit dua sub komponen per
#: indikator. ``{keg}`` pada blok Pusat diganti kode kegiatan unit.
_KANTOR = {
    "001 - Gaji dan Tunjangan": ["A - Pembayaran gaji dan tunjangan"],
    "002 - Operasional dan Pemeliharaan Kantor": [
        "A - Operasional Kantor", "B - Pemeliharaan Gedung, Peralatan dan Mesin",
        "C - Langganan, Listrik, Air dan Telepon", "D - Terselenggaranya Operasional Perkantoran",
        "E - Pemeliharaan Kendaraan Dinas"],
    "004 - Pengelolaan Barang Milik Negara": ["A - Inventarisasi dan Penilaian BMN"],
}
_KINERJA = {
    "051 - Penyusunan rencana program dan anggaran": ["A - Penyusunan RKA dan RAPK",
                                                      "B - Penyusunan Perjanjian Kinerja"],
    "052 - Pemantauan dan evaluasi kinerja": ["A - Penyusunan Laporan Kinerja",
                                              "B - Evaluasi Reformasi Birokrasi"],
    "053 - Pengelolaan keuangan": ["A - Penyusunan Laporan Keuangan", "B - Rekonsiliasi Anggaran"],
}
BLOK_UPT = (
    ("DR.3165.QIA.005", "Sampel Obat, Obat Tradisional, Kosmetik dan Suplemen Kesehatan yang "
     "Diperiksa Sesuai Standar oleh UPT", {
         "055 - Pengujian laboratorium sampel obat, obat bahan alam, kosmetika, suplemen "
         "kesehatan": ["A - Pengadaan Sampel", "B - Pengujian Sampel di Laboratorium"],
         "053 - Pengadaan sampel obat, obat bahan alam, kosmetika, suplemen kesehatan": [
             "A - Sampling Rutin", "B - Pelatihan Sampling OT SK Kosmetik"]},
     ("1.01", "1.03"), 3),
    ("DR.3165.QIA.001", "Sampel Makanan yang Diperiksa oleh UPT", {
        "055 - Pengadaan sampel makanan": ["A - Pengadaan Sampel", "B - Pengiriman Sampel"],
        "054 - Pengujian laboratorium sampel makanan": ["A - Bahan Laboratorium",
                                                        "B - Pemeliharaan Alat Laboratorium"]},
     ("1.02", "1.04"), 3),
    ("DR.3165.QIA.008", "Sampel pangan fortifikasi yang diperiksa oleh UPT", {
        "051 - Pengadaan sampel pangan fortifikasi": ["A - Pengadaan Sampel",
                                                      "B - Pengiriman Sampel ke Balai Besar POM"],
        "052 - Pengujian sampel pangan fortifikasi": ["A - Pengujian Kadar Fortifikan"]},
     ("1.05",), 1),
    ("DR.3165.BKB.001", "Laporan koordinasi pengawasan Obat dan Makanan", {
        "052 - Pelaksanaan koordinasi": ["A - Kegiatan Terpadu", "B - Koordinasi dan Advokasi "
                                         "Lintas Sektor", "C - Dukungan Koordinasi"],
        "053 - Rapat koordinasi daerah": ["A - Rapat Koordinasi Tindak Lanjut"]},
     ("2.01", "2.02"), 3),
    ("DR.3165.BAH.001", "Keputusan/Sertifikasi Layanan Publik yang Diselesaikan oleh UPT", {
        "051 - Pemeriksaan dalam rangka sertifikasi": [
            "A - Pemeriksaan dalam rangka registrasi/sertifikasi", "B - Pemeriksaan Sarana Baru"],
        "052 - Pelayanan publik": ["A - Operasional Unit Layanan Pengaduan Konsumen",
                                   "B - Pelayanan Informasi Obat dan Makanan"],
        "053 - Survei kepuasan masyarakat": ["A - Pelaksanaan Survei",
                                             "B - Analisis Hasil Survei"]},
     ("2.03", "2.06", "7.01"), 2),
    ("DR.3165.QIC.001", "Sarana Produksi Obat dan Makanan yang Diperiksa oleh UPT", {
        "055 - Pengawasan sarana produksi obat, obat tradisional, kosmetika, NAPZA, prekursor, "
        "makanan dan bahan berbahaya": ["A - Pemeriksaan Sarana Produksi OMKA",
                                        "B - Pemeriksaan Sarana Produksi Pangan Fortifikasi"],
        "053 - Pelaksanaan koordinasi dalam rangka pemeriksaan sarana": [
            "A - Bimbingan Teknis Pengawas"]},
     ("2.04",), 2),
    ("DR.3165.QIC.004", "Sarana Distribusi Obat, Obat Tradisional, Kosmetik, Suplemen Kesehatan "
     "dan Makanan yang Diperiksa oleh UPT", {
         "053 - Pengawasan sarana distribusi obat tradisional, kosmetika, NAPZA, prekursor, "
         "makanan dan bahan berbahaya": [
             "A - Pemeriksaan Sarana Distribusi Obat dan Saryanfar",
             "B - Pemeriksaan Sarana Distribusi Produk Kosmetik, Obat Tradisional, dan Pangan",
             "C - Tindak Lanjut Pengawasan Pengaduan Masyarakat", "D - Pengawasan Penandaan"]},
     ("2.05",), 3),
    ("DR.3165.BDC.001", "Masyarakat yang ditingkatkan pengetahuannya melalui KIE", {
        "051 - Komunikasi, Informasi dan Edukasi oleh UPT": [
            "A - Penyebaran Informasi", "B - Penyuluhan Bersama Laboratorium Keliling"],
        "052 - Kemitraan dengan media": ["A - Publikasi Media Massa"]},
     ("3.01",), 2),
    ("DR.3165.QDB.001", "Sekolah dengan Pangan Jajanan Anak Sekolah (PJAS) aman", {
        "051 - Koordinasi lintas sektor": ["A - Audiensi dalam Rangka PJAS"],
        "052 - Intervensi keamanan PJAS": ["A - Bimtek Kader Keamanan Pangan di Sekolah",
                                           "B - Pemeriksaan Keamanan PJAS"]},
     ("3.02",), 2),
    ("DR.3165.QDB.002", "Desa Pangan Aman", {
        "051 - Perkuatan kapasitas desa": ["A - Audiensi dalam Rangka Desa Pangan Aman"],
        "052 - Pemberdayaan komunitas desa": ["A - Pelatihan Kader Keamanan Pangan Desa",
                                              "B - Bimtek Komunitas Desa dan Usaha Pangan Desa"]},
     ("3.03",), 2),
    ("DR.3165.QDB.003", "Pasar aman dari bahan berbahaya", {
        "051 - Perkuatan lintas sektor": ["A - Audiensi dalam Rangka Pasar Aman"],
        "053 - Sosialisasi/penyuluhan/pelatihan/bimbingan teknis keamanan pangan dari bahan "
        "berbahaya": ["A - Penyuluhan Pedagang Pasar", "B - Bimtek Petugas Pengelola Pasar"]},
     ("3.04",), 1),
    ("DR.3165.PDD.001", "Laboratorium pengawasan Obat dan Makanan yang sesuai Good Laboratory "
     "Practice", {
         "054 - Peningkatan ruang lingkup pengujian": ["A - Operasional Laboratorium",
                                                       "B - Kalibrasi Peralatan Laboratorium"],
         "056 - Pemantauan/evaluasi/koordinasi untuk pengelolaan dan peningkatan kinerja "
         "laboratorium": ["A - Koordinasi Konsultasi", "B - Uji Profisiensi"]},
     ("4.01", "4.02"), 3),
    ("DR.3165.QCD.001", "Perkara di bidang Obat dan Makanan yang Diselesaikan oleh UPT", {
        "051 - Penyidikan tindak pidana Obat dan Makanan": ["A - Operasi Penindakan",
                                                            "B - Pemberkasan Perkara"],
        "052 - Intelijen Obat dan Makanan": ["A - Pengumpulan Bahan Keterangan",
                                             "B - Analisis Kejahatan"]},
     ("5.01", "5.02"), 2),
    ("DR.3165.QDG.001", "UMKM yang didampingi dalam pemenuhan standar oleh UPT", {
        "051 - Advokasi dan Pendampingan UMKM": ["A - Bimtek UMKM", "B - Pendampingan UMKM dan "
                                                 "Pemeriksaan Sarana Baru"],
        "052 - Fasilitasi sertifikasi UMKM": ["A - Pendampingan Sertifikasi CPPOB"]},
     ("6.01",), 2),
    ("WA.6384.EBA.994", "Layanan Perkantoran", _KANTOR, ("8.01", "8.03", "9.01"), 14),
    ("WA.6384.EBD.955", "Layanan Manajemen Kinerja Internal", _KINERJA,
     ("8.02", "8.04", "10.01"), 2),
)
BLOK_PUSAT = (
    ("DR.{keg}.BKA.001", "Rekomendasi Kebijakan dan Standar di Bidang Pengawasan Obat dan "
     "Makanan", {
         "051 - Penyusunan standar dan pedoman": ["A - Penyusunan Rancangan Standar",
                                                  "B - Harmonisasi dan Konsultasi Publik"],
         "052 - Kajian kebijakan": ["A - Pengumpulan Data Kajian",
                                    "B - Analisis dan Penyusunan Rekomendasi"],
         "053 - Diseminasi kebijakan": ["A - Sosialisasi Kebijakan", "B - Penerbitan Dokumen"]},
     ("1.01", "1.02", "3.02"), 4),
    ("DR.{keg}.BAH.001", "Layanan Publik di Bidang Pengawasan Obat dan Makanan", {
        "051 - Pelayanan publik": ["A - Operasional Layanan", "B - Penanganan Pengaduan"],
        "052 - Survei kepuasan": ["A - Survei Kepuasan Pemangku Kepentingan",
                                  "B - Analisis Hasil Survei"],
        "053 - Sistem layanan elektronik": ["A - Pemeliharaan Aplikasi Layanan",
                                            "B - Pengembangan Fitur Layanan"]},
     ("2.01", "2.02", "2.03"), 4),
    ("DR.{keg}.QDC.001", "Pengawasan Obat dan Makanan Tingkat Pusat", {
        "054 - Pelaksanaan pengawasan": ["A - Pemeriksaan dan Evaluasi", "B - Koordinasi dengan "
                                         "UPT"],
        "055 - Tindak lanjut hasil pengawasan": ["A - Rapat Tindak Lanjut",
                                                 "B - Pemantauan Tindak Lanjut"],
        "056 - Bimbingan teknis": ["A - Bimtek Petugas UPT"]},
     ("3.01", "3.03"), 4),
    ("WA.6384.EBD.955", "Layanan Manajemen Kinerja Internal", _KINERJA, ("4.01", "4.04"), 2),
    ("WA.6384.EBA.994", "Layanan Perkantoran", {
        **_KANTOR, "003 - Pengembangan SDM": ["A - Pelatihan Pegawai", "B - Uji Kompetensi"]},
     ("4.02", "4.03", "5.01", "5.02"), 12),
)

NAMA_DEPAN = ("Siti", "Agus", "Dewi", "Budi", "Rina", "Hendra", "Ratna", "Yusuf", "Wulan",
               "Andi", "Maya", "Teguh", "Nur", "Bambang", "Lestari", "Fajar", "Indah", "Rahmat")
NAMA_BELAKANG = ("Rahmawati", "Santoso", "Wijaya", "Hidayat", "Pratiwi", "Saputra", "Kusuma",
                  "Nugroho", "Handayani", "Siregar", "Lubis", "Harahap", "Setiawan", "Purba")
GELAR = ("S.Si., Apt.", "S.Farm., M.Sc.", "S.TP., M.Si.", "Apt., M.Kes.", "S.Si., M.P.H.",
          "S.H., M.H.", "S.E., M.M.")
