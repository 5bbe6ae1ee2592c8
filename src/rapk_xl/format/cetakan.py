"""Dokumen cetak satu unit kerja (``rapk-xl cetak --dokumen``): kolom, header, judul, catatan.

Setiap dokumen punya satu kisi kolom (:class:`~rapk_xl.format.lembar.KolomLembar`: id
bidang, teks header, lebar, cara angka ditampilkan) dan, bila perlu, kelompok header di atasnya
(:class:`Gabung`) serta tabel kedua yang menumpang di kisi yang sama (:class:`Bentang`, mis.
tabel anggaran PK dan tabel efisiensi Capaian Kinerja). Teks header dan judul hanya ditulis
di sini; penulisnya ada di :mod:`rapk_xl.io.dokumen`.

``format_angka`` kolom dokumen menyatakan bagaimana angka ditulis sebagai teks Indonesia
(dokumen cetak menulis angka sebagai teks agar tampil sama di mesin berbahasa apa pun):
``"0.00"`` dua desimal (capaian, NPS), ``"#,##0"`` rupiah tanpa desimal, ``"General"`` seperti
ditulis di workbook (target ``54,3``, ``WTP``). Kolom tanpa ``format_angka`` berisi teks.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .lembar import KolomLembar as K

__all__ = ["Gabung", "Bentang", "Dokumen", "PK", "TRIWULAN", "PENGUKURAN", "CAPAIAN",
           "DOKUMEN", "JENIS_DOKUMEN", "ANGGARAN_PK", "EFISIENSI", "NAMA_BADAN"]

NAMA_BADAN = "BADAN PENGAWAS OBAT DAN MAKANAN"

_PERSEN = "0.00"
_TERTULIS = "General"
_RUPIAH = "#,##0"


@dataclass(frozen=True)
class Gabung:
    """Header kelompok di atas beberapa kolom (baris header pertama). ``teks`` boleh memuat
    ``{tahun}``, ``{tahun_lalu}``, ``{sd}`` (" s.d. Juni" atau kosong)."""

    teks: str
    awal: str  #: id kolom pertama
    akhir: str  #: id kolom terakhir


@dataclass(frozen=True)
class Bentang:
    """Satu kolom tabel kedua, menempati kolom kisi ``awal``..``akhir``."""

    id: str
    nama: str
    awal: str
    akhir: str | None = None
    format_angka: str | None = None

    @property
    def ujung(self) -> str:
        return self.akhir or self.awal


@dataclass(frozen=True)
class Dokumen:
    id: str  #: nilai ``--dokumen``
    nama: str  #: nama dokumen untuk pesan ("Perjanjian Kinerja")
    sheet: str  #: nama sheet cetakan
    judul: str  #: baris judul pertama; ``{tahun}``, ``{sd}``
    kolom: tuple[K, ...]
    kepala: tuple[Gabung, ...] = ()
    lanskap: bool = True
    catatan: tuple[str, ...] = ()  #: catatan kaki di bawah tabel (``{bulan}``, ``{periode}``)

    def __post_init__(self):
        ids = [k.id for k in self.kolom]
        assert len(set(ids)) == len(ids), f"id ganda di dokumen {self.id}"
        for g in self.kepala:
            assert g.awal in ids and g.akhir in ids, (self.id, g)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(k.id for k in self.kolom)

    @cached_property
    def _per_id(self) -> dict[str, K]:
        return {k.id: k for k in self.kolom}

    def kolom_id(self, id_: str) -> K:
        return self._per_id[id_]


# --- Perjanjian Kinerja -----------------------------------------------------------------------

PK = Dokumen(
    "pk", "Perjanjian Kinerja", "PK", "PERJANJIAN KINERJA TAHUN {tahun}",
    (K("no", "NO", 5), K("sasaran", "SASARAN", 33, bungkus=True),
     K("indikator", "INDIKATOR KINERJA", 45, bungkus=True),
     K("target", "TARGET", 19, _TERTULIS)),
    lanskap=False)

#: sheet lampiran PK: matriks sasaran/indikator/target, lalu anggaran dan tanda tangan (sheet
#: sendiri agar header yang diulang di setiap halaman sesuai tabelnya)
SHEET_LAMPIRAN_PK = "Lampiran PK"
SHEET_ANGGARAN_PK = "Anggaran PK"
#: judul lampiran PK (halaman kedua)
JUDUL_LAMPIRAN_PK = "LAMPIRAN PERJANJIAN KINERJA TAHUN {tahun}"
JUDUL_ANGGARAN_LAMPIRAN_PK = "ANGGARAN PERJANJIAN KINERJA TAHUN {tahun}"
#: target PK ditulis dengan satuannya: 90% (satuan %), 6 Sekolah; tanpa akhiran untuk satuan
#: ini (indeks, nilai, opini: 54,3, WTP)
SATUAN_TANPA_AKHIRAN = ("indeks", "nilai", "opini", "poin", "skor", "")

#: tabel anggaran di lampiran PK, di kisi kolom PK
ANGGARAN_PK = (
    Bentang("no", "NO", "no"),
    Bentang("kegiatan", "KEGIATAN", "sasaran", "indikator"),
    Bentang("anggaran", "ANGGARAN (Rp)", "target", format_angka=_RUPIAH),
)
#: label baris anggaran
LABEL_KEGIATAN = "Kegiatan {kode}"
LABEL_TANPA_KEGIATAN = "Tanpa kode kegiatan (Kode RO tidak berpola)"
LABEL_JUMLAH_ANGGARAN = "Jumlah Anggaran Tahun {tahun}"

# --- Rencana aksi triwulan dan pemantauannya --------------------------------------------------

_TW = ("I", "II", "III", "IV")

TRIWULAN = Dokumen(
    "triwulan", "Rencana Aksi Triwulan", "Triwulan",
    "RENCANA AKSI TRIWULAN DAN PEMANTAUAN CAPAIAN KINERJA TAHUN {tahun}",
    (K("no", "NO", 5), K("sasaran", "SASARAN", 22, bungkus=True),
     K("indikator", "INDIKATOR KINERJA", 36, bungkus=True),
     *(K(f"target_tw{i}", f"TW {r}", 8.5, _TERTULIS) for i, r in enumerate(_TW, 1)),
     *(k for i, r in enumerate(_TW, 1) for k in (
         K(f"realisasi_tw{i}", f"TW {r}", 8.5, _TERTULIS),
         K(f"ab_tw{i}", "a/b", 10, _TERTULIS)))),
    kepala=(Gabung("TARGET", "target_tw1", "target_tw4"),
            Gabung("REALISASI{sd}", "realisasi_tw1", "ab_tw4")),
    catatan=("Target TW I-IV = target RAPK bulan Maret, Juni, September dan Desember; "
             "realisasi = realisasi bulan itu, bila sudah dilaporkan.",))
CATATAN_AKHIR_TAHUN = "*) diukur pada akhir tahun: target dan realisasinya hanya di TW IV."
CATATAN_AB = "a/b = pembilang/penyebut bulan itu (sheet Pembilang); realisasi = a / b × 100."

#: tanda catatan kaki indikator Akhir Tahun
TANDA_AKHIR_TAHUN = " *)"

# --- Pengukuran kinerja -----------------------------------------------------------------------

PENGUKURAN = Dokumen(
    "pengukuran", "Pengukuran Kinerja", "Pengukuran", "PENGUKURAN KINERJA TAHUN {tahun}",
    (K("no", "NO", 5), K("sasaran", "SASARAN", 30, bungkus=True),
     K("indikator", "INDIKATOR KINERJA", 44, bungkus=True), K("satuan", "SATUAN", 9),
     K("target", "TARGET", 10, _TERTULIS), K("realisasi", "REALISASI", 11, _TERTULIS),
     K("capaian", "CAPAIAN (%)", 10, _PERSEN),
     K("target_lalu", "TARGET", 10, _TERTULIS), K("realisasi_lalu", "REALISASI", 11, _TERTULIS),
     K("capaian_lalu", "CAPAIAN (%)", 10, _PERSEN)),
    kepala=(Gabung("TAHUN {tahun}{sd}", "target", "capaian"),
            Gabung("TAHUN {tahun_lalu}{sd_lalu}", "target_lalu", "capaian_lalu")),
    catatan=("Target = target tahunan PK; realisasi = realisasi {bulan}; capaian = realisasi / "
             "target × 100 (polaritas negatif: (2 − realisasi / target) × 100).",))
#: kolom tahun lalu (dicetak hanya dengan --tahun-lalu)
KOLOM_TAHUN_LALU = ("target_lalu", "realisasi_lalu", "capaian_lalu")
#: baris judul perspektif
JUDUL_PERSPEKTIF = "PERSPEKTIF {perspektif}"
TANPA_PERSPEKTIF = "TANPA PERSPEKTIF"
#: sel tahun lalu untuk indikator yang tidak ada padanannya
TIDAK_ADA = "-"

# --- Capaian kinerja (Laporan Kinerja) --------------------------------------------------------

CAPAIAN = Dokumen(
    "capaian", "Capaian Kinerja", "Capaian", "CAPAIAN KINERJA TAHUN {tahun}{sd}",
    (K("no", "NO", 5), K("sasaran", "SASARAN", 27, bungkus=True),
     K("indikator", "INDIKATOR KINERJA", 40, bungkus=True), K("satuan", "SATUAN", 9),
     K("bobot", "BOBOT", 7, _TERTULIS), K("target", "TARGET", 10, _TERTULIS),
     K("realisasi", "REALISASI", 10, _TERTULIS), K("capaian", "CAPAIAN (%)", 10, _PERSEN),
     K("kriteria", "KRITERIA", 13), K("nps", "NPS", 9, _PERSEN),
     K("kriteria_nps", "KRITERIA NPS", 13)),
    catatan=("Target = target RAPK bulan {bulan} (di akhir tahun: target tahunan); capaian = "
             "realisasi / target × 100. NPS sasaran = Σ(bobot × capaian) / Σ bobot (IKU "
             "berbobot 2, kecuali PK memberi bobot); NPS perspektif = rata-rata NPS sasarannya; "
             "NPS unit = rata-rata NPS perspektif (tanpa perspektif: rata-rata NPS sasaran). "
             "Indikator yang capaiannya belum dapat dihitung tidak ikut.",))
LABEL_NPS_UNIT = "NPS {unit}"
LABEL_IKU = " (IKU)"

#: sheet tabel efisiensi (sheet sendiri: header yang diulang di setiap halaman sesuai tabelnya)
SHEET_EFISIENSI = "Efisiensi"
JUDUL_EFISIENSI = "EFISIENSI ANGGARAN PER SASARAN TAHUN {tahun}{sementara}"
SEMENTARA = " (SEMENTARA, s.d. {bulan})"
#: tabel efisiensi di kisi kolom Capaian Kinerja
EFISIENSI = (
    Bentang("no", "NO", "no"),
    Bentang("sasaran", "SASARAN", "sasaran", "indikator"),
    Bentang("output", "CAPAIAN OUTPUT (NPS)", "satuan", "bobot", _PERSEN),
    Bentang("input", "CAPAIAN INPUT (%)", "target", format_angka=_PERSEN),
    Bentang("ie", "IE", "realisasi", format_angka=_PERSEN),
    Bentang("se", "SE", "capaian", format_angka=_PERSEN),
    Bentang("te", "TE", "kriteria", format_angka=_PERSEN),
    Bentang("kategori", "KATEGORI", "nps", "kriteria_nps"),
)
LABEL_EFISIENSI_UNIT = "Unit kerja (semua sasaran)"
CATATAN_EFISIENSI = (
    "Capaian input = realisasi anggaran / pagu × 100 (pagu = jumlah Kontribusi indikator "
    "sasaran itu). IE = output / input; SE = 1; TE = (IE − SE) / SE; IE ≥ SE: Efisien.")
CATATAN_SEMENTARA = (
    "Sementara: sebelum akhir tahun input dibandingkan dengan pagu yang diprorata ke periode "
    "(pagu × {periode}/12), karena output pun baru s.d. {bulan}. Angka final di periode 12.")
LABEL_SEMENTARA = " (sementara)"

#: semua dokumen cetak; "rapk" dicetak :mod:`rapk_xl.io.cetak` (tata letak RAPK resmi)
DOKUMEN = {d.id: d for d in (PK, TRIWULAN, PENGUKURAN, CAPAIAN)}
JENIS_DOKUMEN = ("rapk", *DOKUMEN)
