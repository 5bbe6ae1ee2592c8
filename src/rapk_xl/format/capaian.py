"""Sheet ``Capaian`` template: tata letaknya (blok, kolom, lebar, format, sel ringkasan).

Sheet ini dihitung, bukan diisi: rumusnya disusun :mod:`rapk_xl.io.capaian_sheet` dari
aturan di :mod:`rapk_xl.calc`. Tiga blok: indikator (mulai kolom A), sasaran (di kanannya,
setelah satu kolom pemisah) dan perspektif (di kanan blok sasaran). Ketiganya dicetak sebagai
area cetak sendiri-sendiri, masing-masing selebar halaman.
"""
from __future__ import annotations

from .lembar import Blok, KolomLembar as K
from .spec import BARIS_HEADER, PERSPEKTIF, SHEET_CAPAIAN

__all__ = ["SHEET_CAPAIAN", "INDIKATOR", "SASARAN", "PERSPEKTIF_BLOK", "BARIS_DATA",
           "JUMLAH_BARIS_SASARAN", "SEL_PERIODE", "SEL_NAMA_BULAN", "SEL_NPS_UNIT",
           "SEL_KRITERIA_UNIT", "jumlah_baris_indikator", "BLOK"]

BARIS_DATA = BARIS_HEADER + 1
JUMLAH_BARIS_SASARAN = 40
#: sel Periode (dari Info) dan nama bulannya, NPS unit dan kriterianya
SEL_PERIODE = "$B$2"
SEL_NAMA_BULAN = "C2"
SEL_NPS_UNIT = "F2"
SEL_KRITERIA_UNIT = "G2"

_PERSEN = "0.00"
_NILAI = "#,##0.##"
_RUPIAH = "#,##0"

INDIKATOR = Blok("indikator", "Indikator", (
    K("kode_indikator", "Kode Indikator", 10),
    K("no_sasaran", "No Sasaran", 8),
    K("perspektif", "Perspektif", 14),
    K("indikator", "Indikator", 44),
    K("satuan", "Satuan", 8),
    K("jenis_target", "Jenis Target", 11),
    K("polaritas", "Polaritas", 9),
    K("bobot", "Bobot", 7, "0.##"),
    K("target_bulan", "Target Bulan Ini", 10, _NILAI),
    K("target_tahunan", "Target Tahunan", 10, _NILAI),
    K("realisasi", "Realisasi", 10, _NILAI),
    K("capaian_periode", "Capaian Periode (%)", 11, _PERSEN),
    K("kriteria_periode", "Kriteria Periode", 21, warna="kriteria"),
    K("capaian_tahunan", "Capaian Tahunan (%)", 11, _PERSEN),
    K("kriteria_tahunan", "Kriteria Tahunan", 21, warna="kriteria"),
    K("kontribusi", "Kontribusi", 15, _RUPIAH),
    K("realisasi_anggaran", "Realisasi Anggaran", 15, _RUPIAH),
    K("capaian_input", "Capaian Input (%)", 10, _PERSEN),
), kolom_awal=1, baris_header=BARIS_HEADER)

SASARAN = Blok("sasaran", "Sasaran", (
    K("no_sasaran", "No Sasaran", 8),
    K("sasaran", "Sasaran", 60),
    K("perspektif", "Perspektif", 14),
    K("nps", "NPS", 9, _PERSEN),
    K("kriteria", "Kriteria", 21, warna="kriteria"),
    K("kontribusi", "Kontribusi", 15, _RUPIAH),
    K("realisasi_anggaran", "Realisasi Anggaran", 15, _RUPIAH),
    K("capaian_input", "Capaian Input (%)", 10, _PERSEN),
    K("efisiensi_ie", "Efisiensi (IE)", 9, _PERSEN),
    K("kategori_efisiensi", "Kategori Efisiensi", 13),
), kolom_awal=len(INDIKATOR.kolom) + 2, baris_header=BARIS_HEADER)  # satu kolom kosong pemisah

PERSPEKTIF_BLOK = Blok("perspektif", "Perspektif", (
    K("perspektif", "Perspektif", 20),
    K("nps", "NPS", 9, _PERSEN),
    K("kriteria", "Kriteria", 21, warna="kriteria"),
), kolom_awal=SASARAN.kolom_awal + len(SASARAN.kolom) + 1,  # di kanan blok sasaran
    baris_header=BARIS_HEADER)

BLOK = (INDIKATOR, SASARAN, PERSPEKTIF_BLOK)
#: baris perspektif: satu per perspektif Balanced Scorecard
BARIS_PERSPEKTIF = len(PERSPEKTIF)


def jumlah_baris_indikator(n_indikator: int) -> int:
    """Baris rumus indikator: semua indikator PK ditambah cadangan untuk indikator baru."""
    return max(200, n_indikator + 100)
