"""Capaian Kinerja (``rapk-xl cetak --dokumen capaian``): tabel capaian Laporan Kinerja.

Baris perspektif membawa NPS perspektif dan kriterianya; per sasaran indikatornya (satuan,
bobot, target, realisasi, capaian, kriteria) dengan NPS sasaran dan kriterianya digabung di
sampingnya; NPS unit dan kriterianya di baris terakhir; lalu tabel efisiensi per sasaran
(capaian output, capaian input, IE, SE, TE, kategori) di sheet ``Efisiensi``. Sebelum
periode 12 judulnya "s.d. <bulan>" dan efisiensinya sementara (input terhadap pagu yang
diprorata ke periode).

Capaian = capaian periode (realisasi ÷ target RAPK bulan Periode), sama dengan sheet Capaian
template dan buku nasional; semua angka dari :mod:`rapk_xl.calc`, kriteria menurut tabelnya.
"""
from __future__ import annotations

import math

from openpyxl import Workbook

from ...calc import kriteria
from ...calc.parse import kunci_teks
from ...calc.rules import SE, bobot_indikator
from ...calc.turunan import nilai_bulan
from ...format import DataRAPK
from ...format import cetakan as fc
from ...format.spec import nama_bulan
from ..tampilan import angka_id, nilai_tertulis
from .dasar import Halaman, baris_judul, sd_bulan, tanda_tangan_info
from .isi import (hitung_capaian_dokumen, kelompokkan, kunci_sasaran, per_perspektif,
                  periode_data, susun_indikator, tahun_data, teks)

__all__ = ["buat_capaian"]


def _angka(x) -> object:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else x


def buat_capaian(data: DataRAPK) -> Workbook:
    periode = periode_data(data)
    tahun = tahun_data(data)
    sasaran = kelompokkan(susun_indikator(data))
    hasil = hitung_capaian_dokumen(data, sasaran, periode)
    judul = fc.CAPAIAN.judul.format(tahun=tahun if tahun is not None else teks(data.tahun),
                                    sd=sd_bulan(periode))
    h = Halaman(fc.CAPAIAN, judul_workbook=judul)
    h.judul(baris_judul(data, judul))
    h.kepala()

    kelompok = per_perspektif(sasaran)
    ada_perspektif = any(p.nama for p in kelompok)
    for p in kelompok:
        if ada_perspektif:
            nps, krit = hasil.nps_perspektif.get(kunci_teks(p.nama), (None, None))
            h.baris_lebar(p.judul, {"nps": _angka(nps), "kriteria_nps": krit} if p.nama else None,
                          awal="no", akhir="kriteria")
        for s in p.sasaran:
            r0 = h.baris
            for ind in s.indikator:
                tampil, nilai_c = hasil.capaian_periode[id(ind)]
                bobot = bobot_indikator([ind.bobot], [ind.iku])[0]
                h.baris_data({
                    "indikator": ind.indikator + (fc.LABEL_IKU if ind.iku_ya else ""),
                    "satuan": teks(ind.satuan), "bobot": nilai_tertulis(float(bobot)),
                    "target": nilai_tertulis(nilai_bulan(ind.bulanan, periode)),
                    "realisasi": nilai_tertulis(nilai_bulan(ind.realisasi, periode)),
                    "capaian": tampil, "kriteria": kriteria(_angka(nilai_c))},
                    lewati=("no", "sasaran", "nps", "kriteria_nps") if h.baris > r0 else ())
            r1 = h.baris - 1
            nps, krit = hasil.nps_sasaran.get(kunci_sasaran(s), (None, None))
            h.blok_sasaran(s, r0, r1, {"nps": (angka_id(_angka(nps), 2), "kanan"),
                                       "kriteria_nps": (krit or "", "kiri")})
    nps_u, krit_u = hasil.nps_unit
    h.baris_lebar(fc.LABEL_NPS_UNIT.format(unit=teks(data.unit)).strip(),
                  {"nps": _angka(nps_u), "kriteria_nps": krit_u}, awal="no", akhir="kriteria",
                  rata="kanan")
    awal = h.baris
    h.kosong()
    h.catatan([c.format(bulan=nama_bulan(periode, "Desember")) for c in fc.CAPAIAN.catatan])
    h.jaga_penutup(awal)
    h.selesai()  # tanda tangan di akhir dokumen (sheet Efisiensi)

    # -- efisiensi (sheet sendiri) --------------------------------------------------------
    sementara = hasil.sementara
    bulan = nama_bulan(periode, "")
    e = Halaman(fc.CAPAIAN, wb=h.wb, sheet=fc.SHEET_EFISIENSI)
    e.judul(baris_judul(data, fc.JUDUL_EFISIENSI.format(
        tahun=tahun if tahun is not None else teks(data.tahun),
        sementara=fc.SEMENTARA.format(bulan=bulan) if sementara else "")))
    label_kat = fc.LABEL_SEMENTARA if sementara else ""
    baris = []
    for s in sasaran:
        out, inp, ie, te, kat = hasil.efisiensi[kunci_sasaran(s)]
        baris.append(_baris_efisiensi(s.label_no, s.teks, out, inp, ie, te, kat, label_kat))
    out, inp, ie, te, kat = hasil.efisiensi["unit"]
    baris.append(_baris_efisiensi(None, fc.LABEL_EFISIENSI_UNIT, out, inp, ie, te, kat,
                                  label_kat))
    e.tabel_bentang(fc.EFISIENSI, baris, tebal_akhir=True)
    catatan = [fc.CATATAN_EFISIENSI]
    if sementara:
        catatan.append(fc.CATATAN_SEMENTARA.format(periode=periode, bulan=bulan))
    awal = e.baris
    e.kosong()
    e.catatan(catatan)
    e.tanda_tangan(tanda_tangan_info(data.info))
    e.jaga_penutup(awal)
    e.selesai()
    return h.wb


def _baris_efisiensi(no, sasaran, out, inp, ie, te, kat, label_kat) -> dict:
    ada = _angka(ie) is not None
    return {"no": no, "sasaran": sasaran, "output": _angka(out), "input": _angka(inp),
            "ie": _angka(ie), "se": SE if ada else None, "te": _angka(te),
            "kategori": f"{kat}{label_kat}" if kat else None}
