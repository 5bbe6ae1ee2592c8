"""Menulis buku nasional (.xlsx): Ringkasan, Matriks Capaian, Indikator, Peringkat Anggaran,
Ditolak, Sumber dan Grafik.

Semua isi berupa nilai (tidak ada rumus): angka dari :mod:`rapk_xl.consolidate.nasional`,
teks dari kiriman ditulis sebagai teks — teks yang diawali ``=``, ``+``, ``-`` atau ``@``
tidak pernah menjadi rumus.
"""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font

from ..format.spec import nama_bulan
from ..io.gaya import (HEADER_FILL, HEADER_FONT, JUDUL_FONT, PETUNJUK_FONT, atur_cetak, huruf,
                       nilai_aman, warnai_kriteria)
from .nasional import BukuNasional

__all__ = ["tulis_buku"]

_FORMAT = {
    "NPS": "0.00", "Efisiensi (IE)": "0.00", "Realisasi Anggaran (%)": "0.00",
    "Pagu (Rp)": "#,##0", "Realisasi Anggaran (Rp)": "#,##0",
    "Capaian Tahunan (%)": "0.00", "Capaian Periode (%)": "0.00",
    "Capaian Terendah (%)": "0.00", "Median (%)": "0.00", "Capaian Tertinggi (%)": "0.00",
    "Target Tahunan": "#,##0.##", "Target Periode": "#,##0.##", "Realisasi s.d. Periode": "#,##0.##",
}
_LEBAR = {"Status": 15, "Pagu (Rp)": 18, "Realisasi Anggaran (Rp)": 22, "Target Tahunan": 14, "Unit Kerja": 44, "Indikator": 56, "Pesan": 90, "Berkas": 44, "SHA-256": 66,
          "Kriteria NPS": 22, "Kriteria Tahunan": 22, "Kriteria Periode": 22, "Kategori Efisiensi": 14}
#: baris header setiap sheet tabel (baris 1 judul, 2 keterangan); data mulai baris berikutnya
BARIS_HEADER = 4
_KRITERIA = {"Kriteria NPS", "Kriteria Tahunan", "Kriteria Periode"}
#: warna kolom Status di Ringkasan: yang perlu ditindaklanjuti menonjol
_WARNA_STATUS = {"ditolak": ("F4B6B6", "9C0006"), "belum mengirim": ("E7E6E6", "3A3838")}


def _sheet(wb: Workbook, judul: str, df: pd.DataFrame, keterangan: str):
    """Satu sheet dari DataFrame, ditulis baris demi baris (mode write-only: cepat, hemat)."""
    ws = wb.create_sheet(judul)
    h = BARIS_HEADER
    for j, k in enumerate(df.columns, start=1):
        ws.column_dimensions[huruf(j)].width = _LEBAR.get(k, max(11, min(len(k) + 2, 24)))
    ws.freeze_panes = f"{'C' if 'Unit Kerja' in df.columns[:3] else 'B'}{h + 1}"
    ws.sheet_view.zoomScale = 90
    atur_cetak(ws, f"1:{h}")
    ws.append([nilai_aman(ws, judul.upper(), font=JUDUL_FONT)])
    ws.append([nilai_aman(ws, keterangan, font=PETUNJUK_FONT)])
    ws.append([])
    ws.append([nilai_aman(ws, k, font=HEADER_FONT, isi=HEADER_FILL) for k in df.columns])
    format_kolom = [_FORMAT.get(k) for k in df.columns]
    for baris in df.to_numpy(dtype=object):
        ws.append([nilai_aman(ws, v, format_kolom[j]) for j, v in enumerate(baris)])
    akhir = h + max(len(df), 1)
    ws.auto_filter.ref = f"A{h}:{huruf(len(df.columns))}{akhir}"
    for j, k in enumerate(df.columns, start=1):
        if k in _KRITERIA:
            warnai_kriteria(ws, f"{huruf(j)}{h + 1}:{huruf(j)}{akhir}")
        elif k == "Status":
            warnai_kriteria(ws, f"{huruf(j)}{h + 1}:{huruf(j)}{akhir}", _WARNA_STATUS)
    return ws


def _grafik(wb: Workbook, buku: BukuNasional, ring_ws) -> None:
    ws = wb.create_sheet("Grafik")
    ws.column_dimensions["A"].width = 26
    atur_cetak(ws, landscape=False)
    tebal = Font(bold=True)
    ws.append([nilai_aman(ws, "GRAFIK", font=JUDUL_FONT)])
    ws.append([])
    ws.append([nilai_aman(ws, "Kriteria NPS", font=tebal), nilai_aman(ws, "Jumlah Unit", font=tebal)])
    for lbl, n in buku.per_kriteria.itertuples(index=False):
        ws.append([lbl, int(n)])
    akhir = 3 + len(buku.per_kriteria)
    c1 = BarChart()
    c1.type = "col"
    c1.title = "Jumlah unit per kriteria NPS"
    c1.y_axis.title = "unit"
    c1.add_data(Reference(ws, min_col=2, min_row=3, max_row=akhir), titles_from_data=True)
    c1.set_categories(Reference(ws, min_col=1, min_row=4, max_row=akhir))  # baris tabel Grafik
    c1.legend = None
    c1.height, c1.width = 8, 16
    ws.add_chart(c1, "D3")
    # NPS per unit, dari sheet Ringkasan
    kol_nps = list(buku.ringkasan.columns).index("NPS") + 1
    kol_unit = list(buku.ringkasan.columns).index("Unit Kerja") + 1
    n = len(buku.ringkasan)
    c2 = BarChart()
    c2.type = "bar"
    c2.title = "NPS per unit kerja"
    h = BARIS_HEADER
    c2.add_data(Reference(ring_ws, min_col=kol_nps, min_row=h, max_row=h + n), titles_from_data=True)
    c2.set_categories(Reference(ring_ws, min_col=kol_unit, min_row=h + 1, max_row=h + n))
    c2.legend = None
    c2.x_axis.scaling.orientation = "maxMin"  # urutan unit seperti di Ringkasan, dari atas
    c2.height, c2.width = max(10, n * 0.45), 22
    ws.add_chart(c2, "D22")


def tulis_buku(buku: BukuNasional, path: str | Path, dibuat: _dt.datetime | None = None) -> Path:
    """Tulis buku nasional ke ``path`` (langsung; penulisan atomik diurus pemanggil)."""
    path = Path(path)
    bulan = nama_bulan(buku.periode, str(buku.periode))
    judul = f"tahun {buku.tahun}, periode {buku.periode} ({bulan})"
    wb = Workbook(write_only=True)
    ring = _sheet(wb, "Ringkasan", buku.ringkasan,
                  f"Satu baris per unit kerja, {judul}. NPS dari capaian periode; pagu = Σ "
                  "kontribusi semua indikator, dalam rupiah; semua angka dihitung ulang dari "
                  "nilai yang dikirim.")
    _sheet(wb, "Matriks Capaian", buku.matriks,
           f"Capaian setiap indikator setiap unit, {judul}. Capaian tahunan: realisasi s.d. "
           "periode ÷ target tahunan; capaian periode: ÷ target bulan itu.")
    _sheet(wb, "Indikator", buku.indikator,
           "Sebaran capaian periode untuk indikator yang dipakai sedikitnya 3 unit, dan jumlah "
           "unit per kriteria.")
    _sheet(wb, "Peringkat Anggaran", buku.peringkat,
           "Unit diurutkan menurut % realisasi anggaran dalam kelompoknya (Pusat, Balai, Loka).")
    _sheet(wb, "Ditolak", buku.ditolak,
           "Kiriman yang ditolak dan setiap kesalahan yang menghalanginya, dengan selnya.")
    _sheet(wb, "Sumber", buku.sumber,
           "Asal setiap baris yang diterima: berkas, SHA-256, waktu diterima (riwayat).")
    _grafik(wb, buku, ring)
    wb.properties.title = f"Kinerja BPOM {judul}"
    wb.properties.creator = "rapk-xl"
    if dibuat is not None:
        wb.properties.created = wb.properties.modified = dibuat
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
