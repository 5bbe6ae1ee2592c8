"""Menulis buku nasional (.xlsx) menurut :mod:`rapk_xl.format.nasional`: setiap lembar tabel,
lalu sheet Grafik.

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

from ..format import nasional as fn
from ..format.lembar import Lembar
from ..format.spec import nama_bulan
from ..io.gaya import (HEADER_FILL, HEADER_FONT, JUDUL_FONT, PETUNJUK_FONT, atur_cetak, huruf,
                       nilai_aman, warnai_kriteria)
from .nasional import BukuNasional

__all__ = ["tulis_buku", "judul_buku"]

#: warna kolom Status di Ringkasan: yang perlu ditindaklanjuti menonjol
_WARNA_STATUS = {"ditolak": ("F4B6B6", "9C0006"), "belum mengirim": ("E7E6E6", "3A3838")}


def judul_buku(buku: BukuNasional) -> str:
    """'tahun 2024, periode 6 (Juni)'."""
    return (f"tahun {buku.tahun}, periode {buku.periode} "
            f"({nama_bulan(buku.periode, str(buku.periode))})")


def _sheet(wb: Workbook, lembar: Lembar, df: pd.DataFrame, judul: str):
    """Satu sheet dari DataFrame menurut lembarnya, ditulis baris demi baris (mode write-only:
    cepat, hemat)."""
    ws = wb.create_sheet(lembar.nama)
    h = lembar.baris_header
    for j, k in enumerate(lembar.kolom, start=1):
        ws.column_dimensions[huruf(j)].width = k.lebar
    ws.freeze_panes = f"{huruf(lembar.kolom_beku + 1)}{h + 1}"
    ws.sheet_view.zoomScale = 90
    atur_cetak(ws, f"1:{h}", landscape=lembar.lanskap)
    ws.append([nilai_aman(ws, lembar.nama.upper(), font=JUDUL_FONT)])
    ws.append([nilai_aman(ws, lembar.keterangan.format(judul=judul), font=PETUNJUK_FONT)])
    for _ in range(h - 3):
        ws.append([])
    ws.append([nilai_aman(ws, k.nama, font=HEADER_FONT, isi=HEADER_FILL) for k in lembar.kolom])
    format_kolom = [k.format_angka for k in lembar.kolom]
    for baris in df[list(lembar.ids)].to_numpy(dtype=object):
        ws.append([nilai_aman(ws, v, format_kolom[j]) for j, v in enumerate(baris)])
    akhir = h + max(len(df), 1)
    ws.auto_filter.ref = f"A{h}:{huruf(len(lembar.kolom))}{akhir}"
    for j, k in enumerate(lembar.kolom, start=1):
        if k.warna == "kriteria":
            warnai_kriteria(ws, f"{huruf(j)}{h + 1}:{huruf(j)}{akhir}")
        elif k.warna == "status":
            warnai_kriteria(ws, f"{huruf(j)}{h + 1}:{huruf(j)}{akhir}", _WARNA_STATUS)
    return ws


def _grafik(wb: Workbook, buku: BukuNasional, ring_ws) -> None:
    lembar = fn.GRAFIK
    ws = wb.create_sheet(lembar.nama)
    ws.column_dimensions["A"].width = lembar.kolom[0].lebar
    atur_cetak(ws, landscape=lembar.lanskap)
    tebal = Font(bold=True)
    ws.append([nilai_aman(ws, lembar.nama.upper(), font=JUDUL_FONT)])
    ws.append([])
    ws.append([nilai_aman(ws, k.nama, font=tebal) for k in lembar.kolom])
    for lbl, n in buku.per_kriteria[list(lembar.ids)].itertuples(index=False):
        ws.append([lbl, int(n)])
    h = lembar.baris_header
    akhir = h + len(buku.per_kriteria)
    c1 = BarChart()
    c1.type = "col"
    c1.title = "Jumlah unit per kriteria NPS"
    c1.y_axis.title = "unit"
    c1.add_data(Reference(ws, min_col=2, min_row=h, max_row=akhir), titles_from_data=True)
    c1.set_categories(Reference(ws, min_col=1, min_row=h + 1, max_row=akhir))
    c1.legend = None
    c1.height, c1.width = 8, 16
    ws.add_chart(c1, "D3")
    # NPS per unit, dari sheet Ringkasan
    ring = fn.RINGKASAN
    n = len(buku.ringkasan)
    c2 = BarChart()
    c2.type = "bar"
    c2.title = "NPS per unit kerja"
    h = ring.baris_header
    c2.add_data(Reference(ring_ws, min_col=ring.posisi("nps"), min_row=h, max_row=h + n),
                titles_from_data=True)
    c2.set_categories(Reference(ring_ws, min_col=ring.posisi("unit_kerja"), min_row=h + 1,
                                max_row=h + n))
    c2.legend = None
    c2.x_axis.scaling.orientation = "maxMin"  # urutan unit seperti di Ringkasan, dari atas
    c2.height, c2.width = max(10, n * 0.45), 22
    ws.add_chart(c2, "D22")


def tulis_buku(buku: BukuNasional, path: str | Path, dibuat: _dt.datetime | None = None) -> Path:
    """Tulis buku nasional ke ``path`` (langsung; penulisan atomik diurus pemanggil)."""
    path = Path(path)
    judul = judul_buku(buku)
    wb = Workbook(write_only=True)
    ws = {}
    for lembar in fn.BUKU:
        if lembar is fn.GRAFIK:
            _grafik(wb, buku, ws["ringkasan"])
        else:
            ws[lembar.id] = _sheet(wb, lembar, buku[lembar.id], judul)
    wb.properties.title = f"Kinerja BPOM {judul}"
    wb.properties.creator = "rapk-xl"
    if dibuat is not None:
        wb.properties.created = wb.properties.modified = dibuat
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
