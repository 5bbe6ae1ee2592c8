"""Format workbook versi 1: kontrak antara unit kerja dan Biro Perencanaan dan Keuangan.

Satu deskripsi ini menggerakkan penulisan template (``rapk_xl.io.writer``), pembacaan
workbook (``rapk_xl.io.reader``), validator dan dokumentasi (``docs/format.md``). Nama sheet,
nama tabel dan teks header di sini adalah kontrak: jangan diubah tanpa menaikkan
:data:`VERSI_FORMAT`. Kolom lain boleh ditambahkan *setelah* kolom-kolom ini.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from ..calc.rules import JENIS_TARGET, POLARITAS

__all__ = [
    "VERSI_FORMAT", "Kolom", "Tabel", "KunciInfo", "INFO", "PK", "RAPK", "ANGGARAN",
    "REALISASI", "PEMBILANG", "TABEL", "TABEL_DATA", "KUNCI_INFO", "BULAN_TARGET",
    "BULAN_REALISASI", "PERSPEKTIF", "SATUAN_ANGGARAN", "SATUAN_UMUM", "POLA_KODE_INDIKATOR",
    "POLA_KODE_RO", "BARIS_HEADER", "BARIS_HEADER_INFO", "SHEET_CAPAIAN", "SHEET_DAFTAR",
    "SHEET_PETUNJUK", "NAMA_BULAN", "YA_TIDAK", "tabel_dari_kunci", "rentang_tahun",
    "KALI_RUPIAH", "satuan_anggaran_baku", "nama_bulan",
]

VERSI_FORMAT = 1

#: Baris header tabel di sheet isian (baris 1-3 judul, baris 4 petunjuk).
BARIS_HEADER = 5
#: Baris header tabel Info.
BARIS_HEADER_INFO = 4

SHEET_PETUNJUK = "Petunjuk"
SHEET_CAPAIAN = "Capaian"
SHEET_DAFTAR = "Daftar"

BULAN_TARGET = tuple(f"B{i:02d}" for i in range(1, 13))
BULAN_REALISASI = tuple(f"R{i:02d}" for i in range(1, 13))
NAMA_BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
              "September", "Oktober", "November", "Desember")
PERSPEKTIF = ("Stakeholder", "Customer", "Internal Process", "Learning and Growth")
SATUAN_ANGGARAN = ("Rupiah", "Ribu Rupiah")
#: pengali ke rupiah untuk setiap Satuan Anggaran
KALI_RUPIAH = {"Rupiah": 1.0, "Ribu Rupiah": 1000.0}
YA_TIDAK = ("Ya", "Tidak")
#: Satuan yang biasa dipakai (dropdown menyarankan, tetapi satuan lain boleh).
SATUAN_UMUM = ("%", "Indeks", "Nilai", "Opini", "Sekolah", "Desa", "Pasar", "Kab/Kota",
               "Dokumen", "Laporan", "Rekomendasi", "Sarana", "Sampel", "Orang", "Hari")

def satuan_anggaran_baku(nilai: object) -> str | None:
    """Satuan Anggaran dalam ejaan baku ('ribu  rupiah' → 'Ribu Rupiah'); None bila bukan
    salah satu :data:`SATUAN_ANGGARAN` (spasi dan huruf besar/kecil tidak dihiraukan)."""
    kunci = " ".join(str(nilai or "").split()).casefold()
    return next((s for s in SATUAN_ANGGARAN if s.casefold() == kunci), None)


def nama_bulan(periode: object, lain: str = "") -> str:
    """'Juni' untuk periode 6; ``lain`` bila periode bukan bulan 1-12."""
    return NAMA_BULAN[periode - 1] if isinstance(periode, int) and 1 <= periode <= 12 else lain


#: ``1.01``: nomor sasaran, titik, nomor indikator dua digit.
POLA_KODE_INDIKATOR = r"^\d{1,2}\.\d{2}$"
#: Kode RO: awalan program opsional, kegiatan (4 digit), output (3 huruf), komponen
#: (3 huruf/digit): ``3165.QIA.005``, ``DR.3165.QIA.005``, ``WA.6384.EBA.994``, ``4118.BKB.U01``.
POLA_KODE_RO = r"^(?:[A-Z]{2}\.)?\d{4}\.[A-Z]{3}\.[A-Z0-9]{3}$"

# Jenis kolom:
#   teks    teks bebas
#   kode    teks dengan pola (kode indikator, kode RO)
#   pilihan salah satu dari `pilihan`
#   bulat   bilangan bulat
#   angka   bilangan (anggaran: tidak negatif)
#   nilai   target/realisasi: angka, opini BPK (WTP/WDP/TW/TMP), "-" = tidak ada; realisasi
#           boleh "Progres NN%" untuk indikator yang baru final di akhir tahun
JENIS_KOLOM = ("teks", "kode", "pilihan", "bulat", "angka", "nilai")


@dataclass(frozen=True)
class Kolom:
    nama: str  #: teks header, persis
    jenis: str = "teks"
    wajib: bool = False
    pilihan: tuple[str, ...] = ()
    pilihan_ketat: bool = True  #: False: dropdown hanya menyarankan
    pola: str | None = None
    minimum: float | None = None
    maksimum: float | None = None
    lebar: float = 12
    format_angka: str | None = None  #: format angka Excel
    petunjuk: str = ""
    rumus: bool = False  #: dihitung template (bukan isian)

    def __post_init__(self):
        assert self.jenis in JENIS_KOLOM, self.jenis


@dataclass(frozen=True)
class Tabel:
    kunci: str  #: nama pendek di kode: "pk", "rapk", ...
    sheet: str
    nama: str  #: nama tabel Excel (ListObject)
    kolom: tuple[Kolom, ...]
    judul: str
    petunjuk: str
    baris_header: int = BARIS_HEADER
    kolom_tetap: int = 1  #: jumlah kolom yang dibekukan di kiri

    @property
    def header(self) -> tuple[str, ...]:
        """Header kontrak (tanpa kolom rumus tambahan template)."""
        return tuple(k.nama for k in self.kolom if not k.rumus)

    @property
    def semua_header(self) -> tuple[str, ...]:
        return tuple(k.nama for k in self.kolom)

    def kolom_bernama(self, nama: str) -> Kolom:
        for k in self.kolom:
            if k.nama == nama:
                return k
        raise KeyError(nama)


@dataclass(frozen=True)
class KunciInfo:
    kunci: str
    jenis: str = "teks"
    wajib: bool = False
    pilihan: tuple[str, ...] = ()
    minimum: float | None = None
    maksimum: float | None = None
    petunjuk: str = ""
    contoh: object = None


def rentang_tahun() -> tuple[int, int]:
    """Tahun PK/RAPK yang wajar: 2005 s.d. tahun depan (rencana tahun depan boleh disusun)."""
    return 2005, _dt.date.today().year + 1


_RUPIAH = "#,##0"
_DESIMAL = "#,##0.##"

KUNCI_INFO: tuple[KunciInfo, ...] = (
    KunciInfo("Unit Kerja", "pilihan", True, petunjuk="Pilih nama unit kerja dari daftar."),
    KunciInfo("Tahun", "bulat", True, minimum=2005, maksimum=None,
              petunjuk="Tahun PK/RAPK, mis. 2024."),
    KunciInfo("Periode", "bulat", True, minimum=1, maksimum=12,
              petunjuk="Bulan terakhir yang dilaporkan realisasinya, 1-12 (6 = Juni)."),
    KunciInfo("Satuan Anggaran", "pilihan", True, pilihan=SATUAN_ANGGARAN,
              petunjuk="Satuan semua angka anggaran di workbook ini."),
    KunciInfo("Versi Format", "bulat", True, minimum=VERSI_FORMAT, maksimum=VERSI_FORMAT,
              petunjuk="Jangan diubah.", contoh=VERSI_FORMAT),
    KunciInfo("Tempat", petunjuk="Tempat penandatanganan, mis. Jember."),
    KunciInfo("Tanggal", petunjuk="Tanggal penandatanganan, mis. 20 Juni 2024."),
    KunciInfo("Jabatan Penandatangan", petunjuk="Mis. Kepala Balai POM di Jember."),
    KunciInfo("Nama Penandatangan", petunjuk="Nama lengkap dengan gelar."),
    KunciInfo("Catatan", petunjuk="Catatan bebas untuk penerima workbook."),
)

INFO = Tabel(
    "info", "Info", "tblInfo",
    (Kolom("Kunci", "teks", True, lebar=26),
     Kolom("Nilai", "teks", False, lebar=48),
     Kolom("Petunjuk", "teks", False, lebar=70)),
    judul="INFORMASI WORKBOOK",
    petunjuk="Isi kolom Nilai. Jangan mengubah kolom Kunci.",
    baris_header=BARIS_HEADER_INFO,
)

PK = Tabel(
    "pk", "PK", "tblPK",
    (Kolom("No Sasaran", "bulat", True, minimum=1, lebar=9, format_angka="0",
           petunjuk="Nomor sasaran: 1, 2, 3, ..."),
     Kolom("Perspektif", "pilihan", pilihan=PERSPEKTIF, pilihan_ketat=False, lebar=16,
           petunjuk="Perspektif Balanced Scorecard (boleh kosong)."),
     Kolom("Sasaran", "teks", True, lebar=40, petunjuk="Teks sasaran, tanpa nomor."),
     Kolom("Kode Indikator", "kode", True, pola=POLA_KODE_INDIKATOR, lebar=10,
           petunjuk="No sasaran.no indikator, mis. 1.01 (ketik sebagai teks)."),
     Kolom("Indikator", "teks", True, lebar=50, petunjuk="Nama indikator kinerja."),
     Kolom("Satuan", "pilihan", True, pilihan=SATUAN_UMUM, pilihan_ketat=False, lebar=9,
           petunjuk="%, Indeks, Nilai, Sekolah, Desa, ..."),
     Kolom("Jenis Target", "pilihan", True, pilihan=JENIS_TARGET, lebar=12,
           petunjuk="Tetap, Kumulatif atau Akhir Tahun."),
     Kolom("Polaritas", "pilihan", True, pilihan=POLARITAS, lebar=10,
           petunjuk="Positif: makin besar makin baik. Negatif: makin kecil makin baik."),
     Kolom("IKU", "pilihan", pilihan=YA_TIDAK, lebar=7,
           petunjuk="Ya bila Indikator Kinerja Utama (bobot 2)."),
     Kolom("Bobot", "angka", minimum=0, lebar=8, format_angka=_DESIMAL,
           petunjuk="Kosongkan kecuali PK memberi bobot sendiri."),
     Kolom("Target", "nilai", True, lebar=10, format_angka=_DESIMAL,
           petunjuk="Target tahunan (angka; opini BPK: WTP atau 4)."),
     ),
    judul="PERJANJIAN KINERJA TAHUN",
    petunjuk="Satu baris per indikator. Kode Indikator menghubungkan PK dengan RAPK, Anggaran "
             "dan Realisasi.",
    kolom_tetap=5,
)

RAPK = Tabel(
    "rapk", "RAPK", "tblRAPK",
    (Kolom("Kode Indikator", "kode", True, pola=POLA_KODE_INDIKATOR, lebar=10),
     Kolom("Indikator", "teks", lebar=46),
     *(Kolom(b, "nilai", lebar=7.5, format_angka=_DESIMAL) for b in BULAN_TARGET),
     Kolom("Anggaran", "angka", True, minimum=0, lebar=16, format_angka=_RUPIAH,
           petunjuk="Anggaran indikator = jumlah Kontribusi barisnya di sheet Anggaran."),
     Kolom("Jumlah Kontribusi", "angka", lebar=16, format_angka=_RUPIAH, rumus=True,
           petunjuk="Dihitung: jumlah Kontribusi di sheet Anggaran. Harus sama dengan Anggaran."),
     ),
    judul="RENCANA AKSI PERJANJIAN KINERJA TAHUN",
    petunjuk="Target per bulan B01-B12: kosongkan (atau '-') bulan tanpa target. Tetap: nilai "
             "sama tiap bulan; Kumulatif: naik, B12 = target tahunan; Akhir Tahun: hanya B12.",
    kolom_tetap=2,
)

ANGGARAN = Tabel(
    "anggaran", "Anggaran", "tblRO",
    (Kolom("Kode Indikator", "kode", True, pola=POLA_KODE_INDIKATOR, lebar=10),
     Kolom("No", "bulat", lebar=5, format_angka="0"),
     Kolom("Kode RO", "kode", True, pola=POLA_KODE_RO, lebar=17,
           petunjuk="Mis. DR.3165.QIA.005 atau 3165.QIA.005."),
     Kolom("Rincian Output", "teks", lebar=40),
     Kolom("Komponen", "teks", lebar=32, petunjuk="Mis. 055 - Pengadaan sampel makanan."),
     Kolom("Sub Komponen", "teks", lebar=32, petunjuk="Mis. A - Pengadaan Sampel."),
     Kolom("Pagu", "angka", minimum=0, lebar=15, format_angka=_RUPIAH,
           petunjuk="Anggaran sub komponen (seluruhnya)."),
     Kolom("Kontribusi", "angka", True, minimum=0, lebar=15, format_angka=_RUPIAH,
           petunjuk="Bagian Pagu untuk indikator ini. Satu sub komponen untuk beberapa "
                    "indikator: jumlah kontribusinya = Pagu."),
     Kolom("Realisasi Anggaran", "angka", minimum=0, lebar=15, format_angka=_RUPIAH,
           petunjuk="Realisasi s.d. periode, paling besar sama dengan Kontribusi."),
     ),
    judul="RINCIAN ANGGARAN RENCANA AKSI TAHUN",
    petunjuk="Satu baris per sub komponen per indikator. Angka dalam satuan di Info "
             "(Rupiah atau Ribu Rupiah).",
    kolom_tetap=3,
)

REALISASI = Tabel(
    "realisasi", "Realisasi", "tblRealisasi",
    (Kolom("Kode Indikator", "kode", True, pola=POLA_KODE_INDIKATOR, lebar=10),
     Kolom("Indikator", "teks", lebar=46),
     *(Kolom(r, "nilai", lebar=7.5, format_angka=_DESIMAL) for r in BULAN_REALISASI),
     Kolom("Keterangan", "teks", lebar=30,
           petunjuk="Mis. 'Progres 45%' untuk indikator yang baru final di akhir tahun."),
     ),
    judul="REALISASI KINERJA TAHUN",
    petunjuk="Realisasi s.d. bulan itu (Kumulatif: total sejak Januari; Tetap: tingkat bulan "
             "itu). Isi semua bulan s.d. Periode yang bertarget; kosongkan bulan sesudahnya.",
    kolom_tetap=2,
)

PEMBILANG = Tabel(
    "pembilang", "Pembilang", "tblPembilang",
    (Kolom("Kode Indikator", "kode", True, pola=POLA_KODE_INDIKATOR, lebar=10),
     Kolom("Bulan", "bulat", True, minimum=1, maksimum=12, lebar=7, format_angka="0"),
     Kolom("Pembilang", "angka", True, minimum=0, lebar=14, format_angka=_DESIMAL,
           petunjuk="a: jumlah yang memenuhi."),
     Kolom("Penyebut", "angka", True, minimum=0, lebar=14, format_angka=_DESIMAL,
           petunjuk="b: jumlah seluruhnya. Realisasi = a / b × 100."),
     ),
    judul="PEMBILANG DAN PENYEBUT REALISASI TAHUN",
    petunjuk="Opsional, untuk indikator persentase yang dihitung a / b × 100. Satu baris per "
             "indikator per bulan; realisasi bulan itu di sheet Realisasi harus sama dengan "
             "a / b × 100 (dibulatkan 2 desimal).",
)

TABEL: tuple[Tabel, ...] = (INFO, PK, RAPK, ANGGARAN, REALISASI, PEMBILANG)
TABEL_DATA: tuple[Tabel, ...] = TABEL[1:]


def tabel_dari_kunci(kunci: str) -> Tabel:
    for t in TABEL:
        if t.kunci == kunci:
            return t
    raise KeyError(kunci)
