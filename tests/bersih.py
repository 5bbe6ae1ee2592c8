"""Workbook kecil yang bersih (tanpa temuan sama sekali), dibuat dengan tangan untuk tes.

Dua sasaran, lima indikator (Tetap, Kumulatif, Akhir Tahun, opini BPK, polaritas Negatif),
satu sub komponen dipakai dua indikator dengan Kontribusi yang berjumlah tepat Pagu-nya,
realisasi s.d. Periode 6, satu baris pembilang/penyebut. Letak sel (untuk tes mutasi):
data tabel mulai baris 6, sesuai urutan baris di bawah.
"""
import pandas as pd

from rapk_xl.format import DataRAPK

BULAN = [f"b{i:02d}" for i in range(1, 13)]
REAL = [f"r{i:02d}" for i in range(1, 13)]

PK = [  # No, Perspektif, Sasaran, Kode, Indikator, Satuan, Jenis, Polaritas, IKU, Bobot, Target
    (1, "Stakeholder", "Obat aman", "1.01", "Persentase Obat yang memenuhi syarat", "%", "Tetap", "Positif", "Ya", None, 90),
    (1, "Stakeholder", "Obat aman", "1.02", "Persentase sampel yang diuji", "%", "Kumulatif", "Positif", "Tidak", None, 50),
    (1, "Stakeholder", "Obat aman", "1.03", "Indeks kepuasan masyarakat", "Indeks", "Akhir Tahun", "Positif", "Tidak", None, 88),
    (2, "Internal Process", "Tata kelola", "2.01", "Opini BPK atas laporan keuangan", "Opini", "Tetap", "Positif", "Tidak", None, 4),
    (2, "Internal Process", "Tata kelola", "2.02", "Rata-rata waktu layanan", "Hari", "Tetap", "Negatif", "Tidak", None, 10),
]
TARGET = {
    "1.01": [None] + [90] * 11,
    "1.02": [3, 7, 12, 16, 20, 26, 31, 35, 41, 45, 48, 50],
    "1.03": [None] * 11 + [88],
    "2.01": [None] * 4 + [4] * 8,
    "2.02": [10] * 12,
}
ANGGARAN = [  # Kode, No, RO, Rincian, Komponen, Sub, Pagu, Kontribusi, Realisasi
    ("1.01", 1, "DR.3165.QIA.005", "Sampel Obat", "055 - Pengujian", "A - Pengadaan Sampel", 77_763_000, 62_210_400, 20_000_000),
    ("1.01", 2, "DR.3165.QIA.005", "Sampel Obat", "055 - Pengujian", "B - Pengiriman Sampel", 1_000_000, 1_000_000, 0),
    ("1.02", 1, "DR.3165.QIA.005", "Sampel Obat", "055 - Pengujian", "A - Pengadaan Sampel", 77_763_000, 15_552_600, 5_000_000),
    ("1.03", 1, "DR.3165.BAH.001", "Layanan Publik", "051 - Pemeriksaan", "A - Survei", 13_732_000, 13_732_000, 1_000_000),
    ("2.01", 1, "WA.6384.EBA.994", "Layanan Perkantoran", "002 - Operasional", "A - Keuangan", 4_698_000, 4_698_000, 2_000_000),
    ("2.02", 1, "WA.6384.EBA.994", "Layanan Perkantoran", "002 - Operasional", "B - Layanan", 2_000_000, 2_000_000, 900_000),
]
REALISASI = {
    "1.01": [None, 91.5, 91.18, 90.75, 91.4, 90.97],
    "1.02": [3, 7.5, 12.1, 16, 21, 25],
    "1.03": [None] * 6,
    "2.01": [None, None, None, None, 4, 4],
    "2.02": [9, 9.5, 11, 10, 8, 9],
}


def data_bersih() -> DataRAPK:
    pk = pd.DataFrame(PK, columns=["no_sasaran", "perspektif", "sasaran", "kode_indikator",
                                   "indikator", "satuan", "jenis_target", "polaritas", "iku",
                                   "bobot", "target"])
    ind = dict(zip(pk["kode_indikator"], pk["indikator"]))
    rapk = pd.DataFrame([{"kode_indikator": k, "indikator": ind[k], **dict(zip(BULAN, v)),
                          "anggaran": sum(a[7] for a in ANGGARAN if a[0] == k)}
                         for k, v in TARGET.items()])
    anggaran = pd.DataFrame(ANGGARAN, columns=["kode_indikator", "no", "kode_ro", "rincian_output",
                                               "komponen", "sub_komponen", "pagu", "kontribusi",
                                               "realisasi_anggaran"])
    realisasi = pd.DataFrame([{"kode_indikator": k, "indikator": ind[k],
                               **dict(zip(REAL, v + [None] * (12 - len(v)))), "keterangan": None}
                              for k, v in REALISASI.items()])
    realisasi.loc[2, "keterangan"] = "Progres 45%"
    pembilang = pd.DataFrame([("1.01", 6, 131, 144.0)],
                             columns=["kode_indikator", "bulan", "pembilang", "penyebut"])
    # 131 / 144 × 100 = 90,97 (dibulatkan 2 desimal) = R06 indikator 1.01
    info = {"unit_kerja": "Balai POM di Jember", "tahun": 2024, "periode": 6,
            "satuan_anggaran": "Rupiah", "versi_format": 1}
    return DataRAPK(info, {"pk": pk, "rapk": rapk, "anggaran": anggaran,
                           "realisasi": realisasi, "pembilang": pembilang})
