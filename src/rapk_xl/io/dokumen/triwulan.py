"""Rencana aksi triwulan dan pemantauannya (``rapk-xl cetak --dokumen triwulan``).

NO | SASARAN | INDIKATOR | TARGET TW I-IV (target RAPK B03, B06, B09, B12 seperti ditulis) |
REALISASI TW I-IV (R03, R06, R09, R12 yang sudah dilaporkan s.d. Periode), dan di samping
setiap realisasi a/b (pembilang/penyebut bulan itu) bila ada. Indikator Akhir Tahun bertanda
``*)`` dengan catatan kaki "diukur pada akhir tahun". Kolom a/b hanya dicetak bila workbook
memuat pembilang/penyebut.
"""
from __future__ import annotations

from openpyxl import Workbook

from ...calc.turunan import bulan_triwulan, nilai_bulan
from ...format import DataRAPK
from ...format import cetakan as fc
from ..tampilan import nilai_tertulis
from .dasar import Halaman, baris_judul, sd_bulan, tanda_tangan_info
from .isi import kelompokkan, periode_data, susun_indikator, tahun_data, teks

__all__ = ["buat_triwulan", "pembilang_tertulis"]


def pembilang_tertulis(pasangan: tuple[object, object] | None) -> str:
    """``(12965, 13020)`` → ``"12.965/13.020"``; tanpa pasangan: kosong."""
    if not pasangan:
        return ""
    a, b = (nilai_tertulis(x) for x in pasangan)
    return f"{a}/{b}" if a or b else ""


def buat_triwulan(data: DataRAPK) -> Workbook:
    periode = periode_data(data)
    tahun = tahun_data(data)
    indikator = susun_indikator(data)
    ada_ab = any(i.pembilang for i in indikator)
    ids = [k.id for k in fc.TRIWULAN.kolom if ada_ab or not k.id.startswith("ab_")]
    judul = fc.TRIWULAN.judul.format(tahun=tahun if tahun is not None else teks(data.tahun))
    h = Halaman(fc.TRIWULAN, ids, judul_workbook=judul)
    h.judul(baris_judul(data, judul))
    h.kepala({"sd": sd_bulan(periode)})
    akhir_tahun = False
    for s in kelompokkan(indikator):
        r0 = h.baris
        for ind in s.indikator:
            nilai = {"indikator": ind.indikator + (fc.TANDA_AKHIR_TAHUN if ind.akhir_tahun
                                                   else "")}
            akhir_tahun |= ind.akhir_tahun
            for tw in range(1, 5):
                bulan = bulan_triwulan(tw)
                nilai[f"target_tw{tw}"] = nilai_tertulis(nilai_bulan(ind.bulanan, bulan))
                if periode is None or bulan <= periode:
                    nilai[f"realisasi_tw{tw}"] = nilai_tertulis(
                        nilai_bulan(ind.realisasi, bulan))
                    nilai[f"ab_tw{tw}"] = pembilang_tertulis(ind.pembilang.get(bulan))
            h.baris_data(nilai, lewati=("no", "sasaran") if h.baris > r0 else ())
        r1 = h.baris - 1
        h.blok_sasaran(s, r0, r1)
    catatan = [*([fc.CATATAN_AKHIR_TAHUN] if akhir_tahun else []), *fc.TRIWULAN.catatan,
               *([fc.CATATAN_AB] if ada_ab else [])]
    awal = h.baris
    h.kosong()
    h.catatan(catatan)
    h.tanda_tangan(tanda_tangan_info(data.info))
    h.jaga_penutup(awal)
    return h.selesai()
