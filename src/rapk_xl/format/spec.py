"""Format workbook versi 1: kontrak antara unit kerja dan Biro Perencanaan dan Keuangan.

Satu deskripsi ini menggerakkan penulisan template (``rapk_xl.io.writer``), pembacaan
workbook (``rapk_xl.io.reader``), validator, konsolidasi dan dokumentasi (``docs/format.md``,
dibangkitkan oleh :mod:`rapk_xl.format.dokumen`).

Setiap kolom punya **id bidang** yang stabil (``kode_indikator``, ``b01``, ``kontribusi``):
kode, DataFrame, riwayat SQLite dan buku nasional memakai id itu. **Teks header** (``"Kode
Indikator"``) hanya ditulis di modul ini. Mengganti teks header cukup di sini; teks lamanya
dipindah ke ``alias`` agar workbook lama tetap terbaca. Nama sheet dan tabel adalah kontrak:
jangan diubah tanpa menaikkan :data:`VERSI_FORMAT`. Kolom lain boleh ditambahkan *setelah*
kolom-kolom ini.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from functools import cached_property

from ..calc.rules import JENIS_TARGET, POLARITAS
from ..calc.turunan import SATUAN_ANGGARAN
from ..calc.parse import kunci_teks

__all__ = [
    "VERSI_FORMAT", "Kolom", "Tabel", "KunciInfo", "INFO", "PK", "RAPK", "ANGGARAN",
    "REALISASI", "PEMBILANG", "TABEL", "TABEL_DATA", "KUNCI_INFO", "ID_TARGET",
    "ID_REALISASI", "PERSPEKTIF", "SATUAN_ANGGARAN", "SATUAN_UMUM", "POLA_KODE_INDIKATOR",
    "POLA_KODE_RO", "BARIS_HEADER", "BARIS_HEADER_INFO", "SHEET_CAPAIAN", "SHEET_DAFTAR",
    "SHEET_PETUNJUK", "NAMA_BULAN", "YA_TIDAK", "tabel_dari_kunci", "rentang_tahun",
    "nama_bulan", "kunci_info", "info_dari_teks", "DAFTAR", "NAMA_DAFTAR_PILIHAN",
    "JENIS_KOLOM", "BATAS_BARIS", "BATAS_BARIS_ANGGARAN",
]

VERSI_FORMAT = 1

#: Baris header tabel di sheet isian (baris 1-3 judul, baris 4 petunjuk).
BARIS_HEADER = 5
#: Baris header tabel Info.
BARIS_HEADER_INFO = 4

#: Baris terakhir sheet isian yang disiapkan template (format, dropdown) dan dijangkau rumus.
BATAS_BARIS = 2005
#: ... untuk sheet Anggaran (beberapa baris per indikator).
BATAS_BARIS_ANGGARAN = 5005

SHEET_PETUNJUK = "Petunjuk"
SHEET_CAPAIAN = "Capaian"
SHEET_DAFTAR = "Daftar"

#: id bidang target bulanan (RAPK) dan realisasi bulanan (Realisasi), Januari..Desember
ID_TARGET = tuple(f"b{i:02d}" for i in range(1, 13))
ID_REALISASI = tuple(f"r{i:02d}" for i in range(1, 13))
NAMA_BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
              "September", "Oktober", "November", "Desember")
PERSPEKTIF = ("Stakeholder", "Customer", "Internal Process", "Learning and Growth")
YA_TIDAK = ("Ya", "Tidak")
#: Satuan yang biasa dipakai (dropdown menyarankan, tetapi satuan lain boleh).
SATUAN_UMUM = ("%", "Indeks", "Nilai", "Opini", "Sekolah", "Desa", "Pasar", "Kab/Kota",
               "Dokumen", "Laporan", "Rekomendasi", "Sarana", "Sampel", "Orang", "Hari")


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
    id: str  #: id bidang: stabil, dipakai kode, DataFrame, riwayat dan buku nasional
    nama: str  #: teks header, persis (hanya ditulis di modul ini)
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
    alias: tuple[str, ...] = ()  #: teks header lama yang tetap terbaca

    def __post_init__(self):
        assert self.jenis in JENIS_KOLOM, self.jenis
        assert self.id.isidentifier() and self.id == self.id.lower(), self.id

    @property
    def angka(self) -> bool:
        """Kolom yang isinya dibaca sebagai bilangan (angka, bulat, nilai)."""
        return self.jenis in ("angka", "bulat", "nilai")


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

    def __post_init__(self):
        ids = [k.id for k in self.kolom]
        assert len(set(ids)) == len(ids), f"id bidang ganda di {self.nama}"

    @cached_property
    def ids(self) -> tuple[str, ...]:
        """id bidang kolom kontrak (tanpa kolom rumus template), urut template."""
        return tuple(k.id for k in self.kolom if not k.rumus)

    @cached_property
    def semua_id(self) -> tuple[str, ...]:
        return tuple(k.id for k in self.kolom)

    @cached_property
    def header(self) -> tuple[str, ...]:
        """Teks header kolom kontrak."""
        return tuple(k.nama for k in self.kolom if not k.rumus)

    @cached_property
    def _per_id(self) -> dict[str, Kolom]:
        return {k.id: k for k in self.kolom}

    def kolom_id(self, id_: str) -> Kolom:
        """Kolom ber-id ``id_`` (KeyError bila tidak ada)."""
        return self._per_id[id_]

    def nama_kolom(self, id_: str) -> str:
        """Teks header kolom ber-id ``id_``; kolom tambahan (bukan spec) apa adanya."""
        k = self._per_id.get(id_)
        return k.nama if k is not None else id_

    def posisi(self, id_: str) -> int:
        """Nomor kolom (1 = A) kolom ``id_`` di template."""
        return self.semua_id.index(id_) + 1

    @cached_property
    def per_teks(self) -> dict[str, str]:
        """Teks header dan aliasnya (dinormalkan :func:`kunci_teks`) → id bidang."""
        hasil: dict[str, str] = {}
        for k in self.kolom:
            for teks in (k.nama, *k.alias):
                hasil.setdefault(kunci_teks(teks), k.id)
        return hasil


@dataclass(frozen=True)
class KunciInfo:
    id: str  #: id bidang Info: ``unit_kerja``, ``tahun``, ...
    kunci: str  #: teks di kolom Kunci tabel Info
    jenis: str = "teks"
    wajib: bool = False
    pilihan: tuple[str, ...] = ()
    minimum: float | None = None
    maksimum: float | None = None
    petunjuk: str = ""
    contoh: object = None
    nama_range: str | None = None  #: nama range Excel sel Nilai-nya (dipakai rumus template)
    alias: tuple[str, ...] = ()


def rentang_tahun() -> tuple[int, int]:
    """Tahun PK/RAPK yang wajar: 2005 s.d. tahun depan (rencana tahun depan boleh disusun)."""
    return 2005, _dt.date.today().year + 1


_RUPIAH = "#,##0"
_DESIMAL = "#,##0.##"

KUNCI_INFO: tuple[KunciInfo, ...] = (
    KunciInfo("unit_kerja", "Unit Kerja", "pilihan", True,
              petunjuk="Pilih nama unit kerja dari daftar.", nama_range="infoUnit"),
    KunciInfo("tahun", "Tahun", "bulat", True, minimum=2005, maksimum=None,
              petunjuk="Tahun PK/RAPK, mis. 2024.", nama_range="infoTahun"),
    KunciInfo("periode", "Periode", "bulat", True, minimum=1, maksimum=12,
              petunjuk="Bulan terakhir yang dilaporkan realisasinya, 1-12 (6 = Juni).",
              nama_range="infoPeriode"),
    KunciInfo("satuan_anggaran", "Satuan Anggaran", "pilihan", True, pilihan=SATUAN_ANGGARAN,
              petunjuk="Satuan semua angka anggaran di workbook ini.", nama_range="infoSatuan"),
    KunciInfo("versi_format", "Versi Format", "bulat", True, minimum=VERSI_FORMAT,
              maksimum=VERSI_FORMAT, petunjuk="Jangan diubah.", contoh=VERSI_FORMAT),
    KunciInfo("tempat", "Tempat", petunjuk="Tempat penandatanganan, mis. Jember.",
              nama_range="infoTempat"),
    KunciInfo("tanggal", "Tanggal", petunjuk="Tanggal penandatanganan, mis. 20 Juni 2024.",
              nama_range="infoTanggal"),
    KunciInfo("jabatan_penandatangan", "Jabatan Penandatangan",
              petunjuk="Mis. Kepala Balai POM di Jember.", nama_range="infoJabatan"),
    KunciInfo("nama_penandatangan", "Nama Penandatangan", petunjuk="Nama lengkap dengan gelar.",
              nama_range="infoNama"),
    KunciInfo("catatan", "Catatan", petunjuk="Catatan bebas untuk penerima workbook."),
    # Pihak kedua Perjanjian Kinerja (atasan langsung): opsional; workbook tanpa kedua baris
    # ini tetap sah (cetakan PK mencetak barisnya kosong).
    KunciInfo("jabatan_atasan", "Jabatan Atasan",
              petunjuk="Jabatan atasan langsung (pihak kedua PK), mis. Kepala Badan Pengawas "
                       "Obat dan Makanan."),
    KunciInfo("nama_atasan", "Nama Atasan",
              petunjuk="Nama lengkap atasan langsung dengan gelar (pihak kedua PK)."),
)
_INFO_PER_ID = {k.id: k for k in KUNCI_INFO}
_INFO_PER_TEKS = {kunci_teks(t): k.id for k in KUNCI_INFO for t in (k.kunci, *k.alias)}


def kunci_info(id_: str) -> KunciInfo:
    """Kunci Info ber-id ``id_``."""
    return _INFO_PER_ID[id_]


def info_dari_teks(teks: object) -> str | None:
    """id Info untuk teks kolom Kunci (huruf besar/spasi bebas); None bila bukan kunci spec."""
    return _INFO_PER_TEKS.get(kunci_teks(teks))


INFO = Tabel(
    "info", "Info", "tblInfo",
    (Kolom("kunci", "Kunci", "teks", True, lebar=26),
     Kolom("nilai", "Nilai", "teks", False, lebar=48),
     Kolom("petunjuk", "Petunjuk", "teks", False, lebar=70)),
    judul="INFORMASI WORKBOOK",
    petunjuk="Isi kolom Nilai. Jangan mengubah kolom Kunci.",
    baris_header=BARIS_HEADER_INFO,
)

_KODE = Kolom("kode_indikator", "Kode Indikator", "kode", True, pola=POLA_KODE_INDIKATOR,
              lebar=10)

PK = Tabel(
    "pk", "PK", "tblPK",
    (Kolom("no_sasaran", "No Sasaran", "bulat", True, minimum=1, lebar=9, format_angka="0",
           petunjuk="Nomor sasaran: 1, 2, 3, ..."),
     Kolom("perspektif", "Perspektif", "pilihan", pilihan=PERSPEKTIF, pilihan_ketat=False,
           lebar=16, petunjuk="Perspektif Balanced Scorecard (boleh kosong)."),
     Kolom("sasaran", "Sasaran", "teks", True, lebar=40, petunjuk="Teks sasaran, tanpa nomor."),
     Kolom("kode_indikator", "Kode Indikator", "kode", True, pola=POLA_KODE_INDIKATOR, lebar=10,
           petunjuk="No sasaran.no indikator, mis. 1.01 (ketik sebagai teks)."),
     Kolom("indikator", "Indikator", "teks", True, lebar=50, petunjuk="Nama indikator kinerja."),
     Kolom("satuan", "Satuan", "pilihan", True, pilihan=SATUAN_UMUM, pilihan_ketat=False,
           lebar=9, petunjuk="%, Indeks, Nilai, Sekolah, Desa, ..."),
     Kolom("jenis_target", "Jenis Target", "pilihan", True, pilihan=JENIS_TARGET, lebar=12,
           petunjuk="Tetap, Kumulatif atau Akhir Tahun."),
     Kolom("polaritas", "Polaritas", "pilihan", True, pilihan=POLARITAS, lebar=10,
           petunjuk="Positif: makin besar makin baik. Negatif: makin kecil makin baik."),
     Kolom("iku", "IKU", "pilihan", pilihan=YA_TIDAK, lebar=7,
           petunjuk="Ya bila Indikator Kinerja Utama (bobot 2)."),
     Kolom("bobot", "Bobot", "angka", minimum=0, lebar=8, format_angka=_DESIMAL,
           petunjuk="Kosongkan kecuali PK memberi bobot sendiri."),
     Kolom("target", "Target", "nilai", True, lebar=10, format_angka=_DESIMAL,
           petunjuk="Target tahunan (angka; opini BPK: WTP atau 4)."),
     ),
    judul="PERJANJIAN KINERJA TAHUN",
    petunjuk="Satu baris per indikator. Kode Indikator menghubungkan PK dengan RAPK, Anggaran "
             "dan Realisasi.",
    kolom_tetap=5,
)

RAPK = Tabel(
    "rapk", "RAPK", "tblRAPK",
    (_KODE,
     Kolom("indikator", "Indikator", lebar=46),
     *(Kolom(b, b.upper(), "nilai", lebar=7.5, format_angka=_DESIMAL) for b in ID_TARGET),
     Kolom("anggaran", "Anggaran", "angka", True, minimum=0, lebar=16, format_angka=_RUPIAH,
           petunjuk="Anggaran indikator = jumlah Kontribusi barisnya di sheet Anggaran."),
     Kolom("jumlah_kontribusi", "Jumlah Kontribusi", "angka", lebar=16, format_angka=_RUPIAH,
           rumus=True,
           petunjuk="Dihitung: jumlah Kontribusi di sheet Anggaran. Harus sama dengan Anggaran."),
     ),
    judul="RENCANA AKSI PERJANJIAN KINERJA TAHUN",
    petunjuk="Target per bulan B01-B12: kosongkan (atau '-') bulan tanpa target. Tetap: nilai "
             "sama tiap bulan; Kumulatif: naik, B12 = target tahunan; Akhir Tahun: hanya B12.",
    kolom_tetap=2,
)

ANGGARAN = Tabel(
    "anggaran", "Anggaran", "tblRO",
    (_KODE,
     Kolom("no", "No", "bulat", lebar=5, format_angka="0"),
     Kolom("kode_ro", "Kode RO", "kode", True, pola=POLA_KODE_RO, lebar=17,
           petunjuk="Mis. DR.3165.QIA.005 atau 3165.QIA.005."),
     Kolom("rincian_output", "Rincian Output", "teks", lebar=40),
     Kolom("komponen", "Komponen", "teks", lebar=32,
           petunjuk="Mis. 055 - Pengadaan sampel makanan."),
     Kolom("sub_komponen", "Sub Komponen", "teks", lebar=32, petunjuk="Mis. A - Pengadaan Sampel."),
     Kolom("pagu", "Pagu", "angka", minimum=0, lebar=15, format_angka=_RUPIAH,
           petunjuk="Anggaran sub komponen (seluruhnya)."),
     Kolom("kontribusi", "Kontribusi", "angka", True, minimum=0, lebar=15, format_angka=_RUPIAH,
           petunjuk="Bagian Pagu untuk indikator ini. Satu sub komponen untuk beberapa "
                    "indikator: jumlah kontribusinya = Pagu."),
     Kolom("realisasi_anggaran", "Realisasi Anggaran", "angka", minimum=0, lebar=15,
           format_angka=_RUPIAH,
           petunjuk="Realisasi s.d. periode, paling besar sama dengan Kontribusi."),
     ),
    judul="RINCIAN ANGGARAN RENCANA AKSI TAHUN",
    petunjuk="Satu baris per sub komponen per indikator. Angka dalam satuan di Info "
             "(Rupiah atau Ribu Rupiah).",
    kolom_tetap=3,
)

REALISASI = Tabel(
    "realisasi", "Realisasi", "tblRealisasi",
    (_KODE,
     Kolom("indikator", "Indikator", lebar=46),
     *(Kolom(r, r.upper(), "nilai", lebar=7.5, format_angka=_DESIMAL) for r in ID_REALISASI),
     Kolom("keterangan", "Keterangan", lebar=30,
           petunjuk="Mis. 'Progres 45%' untuk indikator yang baru final di akhir tahun."),
     ),
    judul="REALISASI KINERJA TAHUN",
    petunjuk="Realisasi s.d. bulan itu (Kumulatif: total sejak Januari; Tetap: tingkat bulan "
             "itu). Isi semua bulan s.d. Periode yang bertarget; kosongkan bulan sesudahnya.",
    kolom_tetap=2,
)

PEMBILANG = Tabel(
    "pembilang", "Pembilang", "tblPembilang",
    (_KODE,
     Kolom("bulan", "Bulan", "bulat", True, minimum=1, maksimum=12, lebar=7, format_angka="0"),
     Kolom("pembilang", "Pembilang", "angka", True, minimum=0, lebar=14, format_angka=_DESIMAL,
           petunjuk="a: jumlah yang memenuhi."),
     Kolom("penyebut", "Penyebut", "angka", True, minimum=0, lebar=14, format_angka=_DESIMAL,
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


def _daftar_unit() -> tuple[str, ...]:
    from ..reference import daftar_unit
    return tuple(u.nama for u in daftar_unit())


#: Daftar pilihan di sheet tersembunyi :data:`SHEET_DAFTAR`: nama range → (judul kolom, isi).
#: Dropdown kolom dan kunci Info dipilih menurut isi ``pilihan``-nya (:data:`NAMA_DAFTAR_PILIHAN`).
DAFTAR: dict[str, tuple[str, tuple[str, ...]]] = {
    "lstUnit": ("Unit Kerja", _daftar_unit()),
    "lstJenisTarget": ("Jenis Target", JENIS_TARGET),
    "lstPolaritas": ("Polaritas", POLARITAS),
    "lstYaTidak": ("IKU", YA_TIDAK),
    "lstSatuanAnggaran": ("Satuan Anggaran", SATUAN_ANGGARAN),
    "lstPerspektif": ("Perspektif", PERSPEKTIF),
    "lstSatuan": ("Satuan", SATUAN_UMUM),
    "lstBulan": ("Bulan", NAMA_BULAN),
}
#: isi daftar → nama range-nya
NAMA_DAFTAR_PILIHAN: dict[tuple[str, ...], str] = {isi: nama for nama, (_, isi) in DAFTAR.items()}
