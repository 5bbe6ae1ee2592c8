"""Gaya tampilan bersama untuk workbook yang ditulis rapk-xl (template, cetak, nasional)."""
from __future__ import annotations

import datetime as _dt
import math

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from ..calc.rules import KRITERIA
from .xlsx_parts import angka_ke_kolom

HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
HEADER_FONT = Font(bold=True, color="FFFFFF")
SUBHEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
JUDUL_FONT = Font(bold=True, size=13)
PETUNJUK_FONT = Font(italic=True, color="595959", size=9)
RUMUS_FILL = PatternFill("solid", fgColor="F2F2F2")
TENGAH = Alignment(horizontal="center", vertical="center", wrap_text=True)
BUNGKUS = Alignment(vertical="top", wrap_text=True)
TIPIS = Side(style="thin", color="A6A6A6")
KOTAK = Border(left=TIPIS, right=TIPIS, top=TIPIS, bottom=TIPIS)
#: dokumen cetak (RAPK, PK, triwulan, pengukuran, capaian): huruf, ukuran, garis hitam
HURUF_CETAK = "Arial"
UKURAN_CETAK = 9
GARIS_CETAK = Side(style="thin", color="000000")
KOTAK_CETAK = Border(left=GARIS_CETAK, right=GARIS_CETAK, top=GARIS_CETAK, bottom=GARIS_CETAK)

#: Warna per kriteria (isi, huruf), urut seperti tabel kriteria.
WARNA_KRITERIA = {
    "Sangat Kurang": ("F4B6B6", "9C0006"),
    "Kurang": ("FCD5B4", "833C0B"),
    "Cukup": ("FFEB9C", "7F6000"),
    "Baik": ("C6EFCE", "006100"),
    "Sangat Baik": ("8FD19E", "00401A"),
    "Tidak Dapat Disimpulkan": ("D9E1F2", "1F3864"),
}
assert set(WARNA_KRITERIA) == {lbl for _, lbl in KRITERIA}

#: Nomor kolom (1 = A) ke huruf Excel (sama dengan ``openpyxl.utils.get_column_letter``).
huruf = angka_ke_kolom

_KOSONG = object()


def _siapkan(nilai: object) -> object:
    """Bagian bersama :func:`tulis_sel` dan :func:`nilai_aman`: ``_KOSONG`` untuk None/NaN,
    skalar numpy menjadi skalar Python, karakter kendali yang tidak sah di XML dibuang dari
    teks."""
    if nilai is None or (isinstance(nilai, float) and math.isnan(nilai)):
        return _KOSONG
    if hasattr(nilai, "item") and not isinstance(nilai, (str, _dt.date, _dt.datetime)):
        nilai = nilai.item()  # skalar numpy
    if isinstance(nilai, str):
        return ILLEGAL_CHARACTERS_RE.sub("", nilai)
    return nilai


def tulis_sel(ws, baris: int, kolom: int, nilai: object):
    """Tulis nilai data apa adanya. Teks tetap teks: teks yang diawali ``=`` tidak pernah
    menjadi rumus, karakter kendali yang tidak sah di XML dibuang."""
    v = _siapkan(nilai)
    if v is _KOSONG:
        return ws.cell(baris, kolom)
    c = ws.cell(baris, kolom, v)
    if isinstance(nilai, str):
        c.data_type = "s"
    return c


def nilai_aman(ws, nilai: object, format_angka: str | None = None, font=None, isi=None):
    """Nilai untuk ``ws.append`` di lembar write-only: teks tetap teks (juga yang diawali
    ``=``), karakter kendali dibuang; sel bergaya hanya bila perlu."""
    from openpyxl.cell import WriteOnlyCell

    nilai = _siapkan(nilai)
    if nilai is _KOSONG:
        return None
    perlu_sel = font is not None or isi is not None
    if isinstance(nilai, str):
        if not nilai.startswith("=") and not perlu_sel:
            return nilai
        c = WriteOnlyCell(ws, value=nilai)
        c.data_type = "s"
    else:
        if format_angka is None and not perlu_sel:
            return nilai
        c = WriteOnlyCell(ws, value=nilai)
        if format_angka:
            c.number_format = format_angka
    if font is not None:
        c.font = font
    if isi is not None:
        c.fill = isi
    return c


def warnai_kriteria(ws, rentang: str, warna: dict[str, tuple[str, str]] | None = None) -> None:
    """Format bersyarat: warna sel menurut labelnya (bawaan: label kriteria)."""
    for label, (isi, huruf_) in (warna or WARNA_KRITERIA).items():
        ws.conditional_formatting.add(rentang, CellIsRule(
            operator="equal", formula=[f'"{label}"'],
            fill=PatternFill("solid", fgColor=isi, bgColor=isi), font=Font(color=huruf_)))


def atur_cetak(ws, baris_judul: str | None = None, landscape: bool = True) -> None:
    """A4, lanskap, muat selebar halaman, baris judul berulang, nomor halaman."""
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    if baris_judul:
        ws.print_title_rows = baris_judul
    ws.oddFooter.center.text = "Halaman &P dari &N"
    ws.oddFooter.center.size = 8


def gabung_ke_kanan(ws, r: int, awal: int, akhir: int, garis=KOTAK_CETAK, isi=None) -> None:
    """Sel baris ``r`` kolom ``awal``..``akhir`` digabung; setiap selnya bergaris (bila
    ``garis``) dan berisi warna ``isi`` (bila ada), agar garis sel gabungan utuh."""
    if akhir > awal:
        ws.merge_cells(start_row=r, start_column=awal, end_row=r, end_column=akhir)
    for k in range(awal, akhir + 1):
        s = ws.cell(r, k)
        if garis:
            s.border = garis
        if isi is not None:
            s.fill = isi


def gabung_ke_bawah(ws, kolom: int, r0: int, r1: int, perlu: float, garis=KOTAK,
                    tinggi_bawaan: float = 15) -> None:
    """Sel ``kolom`` baris ``r0``..``r1`` digabung (bergaris ``garis``) dan baris terakhirnya
    ditinggikan bila blok itu lebih pendek dari ``perlu`` pt (teks sel gabungan tidak
    menambah tinggi baris sendiri). Baris tanpa tinggi dihitung ``tinggi_bawaan``."""
    if r1 > r0:
        ws.merge_cells(start_row=r0, start_column=kolom, end_row=r1, end_column=kolom)
        for r in range(r0, r1 + 1):
            ws.cell(r, kolom).border = garis
    ada = sum(ws.row_dimensions[r].height or tinggi_bawaan for r in range(r0, r1 + 1))
    if perlu > ada:
        ws.row_dimensions[r1].height = round(
            (ws.row_dimensions[r1].height or tinggi_bawaan) + perlu - ada, 1)
