"""Pengukuran Kinerja (``rapk-xl cetak --dokumen pengukuran [--tahun-lalu BERKAS]``).

Baris dikelompokkan di bawah baris judul perspektif (bila PK memberi perspektif); per
indikator: sasaran, indikator, satuan, target tahunan PK, realisasi s.d. Periode dan capaian
(%) = realisasi / target tahunan. Dengan workbook tahun lalu, tahun lalu berdampingan:
indikator dicocokkan menurut teks indikatornya (huruf besar/spasi bebas; bila teks yang sama
muncul beberapa kali, yang Kode Indikator-nya sama), atau menurut Kode Indikator yang sama
dengan teks yang hampir sama (≥ 90 % mirip, mis. salah ketik yang diperbaiki). Indikator tanpa
padanan bertanda ``-``.
"""
from __future__ import annotations

import difflib

from openpyxl import Workbook

from ...calc.parse import kunci_teks
from ...calc.turunan import nilai_bulan
from ...format import DataRAPK
from ...format import cetakan as fc
from ...format.spec import nama_bulan
from ..tampilan import nilai_tertulis
from .dasar import Halaman, baris_judul, sd_bulan, tanda_tangan_info
from .isi import (Indikator, hitung_capaian_dokumen, kelompokkan, per_perspektif,
                  periode_data, susun_indikator, tahun_data, teks)

__all__ = ["buat_pengukuran", "cocokkan_tahun_lalu", "KEMIRIPAN_MINIMAL"]

#: kemiripan teks minimal untuk padanan lewat Kode Indikator yang sama
KEMIRIPAN_MINIMAL = 0.9


def cocokkan_tahun_lalu(ini: list[Indikator], lalu: list[Indikator]) -> dict[int, Indikator]:
    """Padanan tahun lalu untuk setiap indikator tahun ini (kunci ``id()``; yang tanpa
    padanan tidak ada di hasil). Setiap indikator tahun lalu dipakai paling banyak sekali."""
    sisa = list(lalu)
    hasil: dict[int, Indikator] = {}
    tunda = []
    for ind in ini:  # 1. teks yang sama
        calon = [x for x in sisa if kunci_teks(x.indikator) == kunci_teks(ind.indikator)]
        if not calon:
            tunda.append(ind)
            continue
        pilih = next((x for x in calon if x.kode == ind.kode), calon[0])
        hasil[id(ind)] = pilih
        sisa.remove(pilih)
    for ind in tunda:  # 2. kode yang sama, teks hampir sama
        for x in sisa:
            mirip = difflib.SequenceMatcher(None, kunci_teks(x.indikator),
                                            kunci_teks(ind.indikator)).ratio()
            if x.kode == ind.kode and mirip >= KEMIRIPAN_MINIMAL:
                hasil[id(ind)] = x
                sisa.remove(x)
                break
    return hasil


def buat_pengukuran(data: DataRAPK, tahun_lalu: DataRAPK | None = None) -> Workbook:
    periode = periode_data(data)
    tahun = tahun_data(data)
    sasaran = kelompokkan(susun_indikator(data))
    hasil = hitung_capaian_dokumen(data, sasaran, periode)
    ids = [k.id for k in fc.PENGUKURAN.kolom
           if tahun_lalu is not None or k.id not in fc.KOLOM_TAHUN_LALU]
    judul = fc.PENGUKURAN.judul.format(tahun=tahun if tahun is not None else teks(data.tahun))
    h = Halaman(fc.PENGUKURAN, ids, judul_workbook=judul)
    h.judul(baris_judul(data, judul))

    padanan: dict[int, Indikator] = {}
    hasil_lalu = None
    periode_lalu = None
    if tahun_lalu is not None:
        periode_lalu = periode_data(tahun_lalu)
        sas_lalu = kelompokkan(susun_indikator(tahun_lalu))
        hasil_lalu = hitung_capaian_dokumen(tahun_lalu, sas_lalu, periode_lalu)
        padanan = cocokkan_tahun_lalu([i for s in sasaran for i in s.indikator],
                                      [i for s in sas_lalu for i in s.indikator])
    th_lalu = tahun_data(tahun_lalu) if tahun_lalu is not None else None
    h.kepala({"tahun": tahun if tahun is not None else "", "sd": sd_bulan(periode),
              "tahun_lalu": th_lalu if th_lalu is not None else "",
              "sd_lalu": sd_bulan(periode_lalu)})

    kelompok = per_perspektif(sasaran)
    judul_perspektif = any(p.nama for p in kelompok)
    for p in kelompok:
        if judul_perspektif:
            h.baris_lebar(p.judul, awal="no", akhir=ids[-1])
        for s in p.sasaran:
            r0 = h.baris
            for ind in s.indikator:
                nilai = {"indikator": ind.indikator, "satuan": teks(ind.satuan),
                         "target": nilai_tertulis(ind.target),
                         "realisasi": nilai_tertulis(nilai_bulan(ind.realisasi, periode)),
                         "capaian": hasil.capaian_tahunan[id(ind)][0]}
                if hasil_lalu is not None:
                    x = padanan.get(id(ind))
                    if x is None:
                        nilai.update({k: fc.TIDAK_ADA for k in fc.KOLOM_TAHUN_LALU})
                    else:
                        nilai.update({
                            "target_lalu": nilai_tertulis(x.target),
                            "realisasi_lalu": nilai_tertulis(
                                nilai_bulan(x.realisasi, periode_lalu)),
                            "capaian_lalu": hasil_lalu.capaian_tahunan[id(x)][0]})
                h.baris_data(nilai, lewati=("no", "sasaran") if h.baris > r0 else ())
            r1 = h.baris - 1
            h.blok_sasaran(s, r0, r1)
    awal = h.baris
    h.kosong()
    bulan = f"s.d. {nama_bulan(periode)}" if periode and periode < 12 else "akhir tahun"
    h.catatan([c.format(bulan=bulan) for c in fc.PENGUKURAN.catatan])
    h.tanda_tangan(tanda_tangan_info(data.info))
    h.jaga_penutup(awal)
    return h.selesai()
