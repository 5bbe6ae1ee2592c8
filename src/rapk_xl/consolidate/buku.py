"""Menulis buku nasional (.xlsx) menurut :mod:`rapk_xl.format.nasional`.

Setiap tabel adalah tabel Excel bernama (filter, PivotTable), siap cetak: A4 lanskap selebar
halaman, header tabel berulang di setiap halaman, teks panjang terbungkus dengan tinggi baris
yang cukup, angka berformat Indonesia (``[$-421]``: titik ribuan dan koma desimal di
LibreOffice, apa pun bahasa mesinnya). Sheet Tren dan Grafik membawa grafik Excel.

Semua isi berupa nilai (tidak ada rumus): angka dari :mod:`rapk_xl.consolidate.nasional`,
teks dari kiriman ditulis sebagai teks — teks yang diawali ``=``, ``+``, ``-`` atau ``@``
tidak pernah menjadi rumus.
"""
from __future__ import annotations

import copy
import dataclasses
import datetime as _dt
import math
import warnings
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, LineChart, Reference, Series
from openpyxl.chart.label import DataLabelList
from openpyxl.drawing.line import LineProperties
from openpyxl.formatting.rule import DataBarRule
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from ..format import nasional as fn
from ..format.lembar import Lembar
from ..format.spec import nama_bulan
from ..io.gaya import HEADER_FILL, atur_cetak, huruf, nilai_aman, warnai_kriteria
from ..io.tampilan import format_id, jumlah_baris_teks, tinggi_baris
from .nasional import BukuNasional

__all__ = ["tulis_buku", "judul_buku"]

#: warna kolom Status: yang perlu ditindaklanjuti menonjol
_WARNA_STATUS = {"ditolak": ("F4B6B6", "9C0006"), "belum mengirim": ("E7E6E6", "3A3838")}
_UKURAN = 11  #: huruf bawaan (Calibri 11)
_BUNGKUS = Alignment(vertical="top", wrap_text=True)
_ATAS = Alignment(vertical="top")
_KEPALA = Alignment(horizontal="center", vertical="center", wrap_text=True)
#: huruf bernama (tanpa nama, LibreOffice memakai huruf serif bawaannya)
_HURUF = "Calibri"
_TAUTAN = Font(name=_HURUF, color="0563C1", underline="single")
HEADER_FONT = Font(name=_HURUF, bold=True, color="FFFFFF")
JUDUL_FONT = Font(name=_HURUF, bold=True, size=13)
PETUNJUK_FONT = Font(name=_HURUF, italic=True, color="595959", size=9)
_TEBAL = Font(name=_HURUF, bold=True)
_GAYA_TABEL = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
_LEBAR_BAWAAN = 8.43  #: lebar kolom bawaan Excel (ditulis: LibreOffice memakai bawaannya)


def _cm(lebar: float) -> float:
    """Lebar kolom Excel (satuan karakter Calibri 11) dalam cm: (7 px × lebar + 5 px) / 96."""
    return int(lebar * 7 + 5) / 96 * 2.54


def judul_buku(buku: BukuNasional) -> str:
    """'tahun 2024, periode 6 (Juni)'."""
    return (f"tahun {buku.tahun}, periode {buku.periode} "
            f"({nama_bulan(buku.periode, str(buku.periode))})")


def _kosong(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


#: gaya sel yang sudah jadi, per (format, bungkus, rata atas, tautan): menyalin larik gaya
#: jauh lebih cepat daripada memasang format/perataan/huruf ke setiap sel
_GAYA: dict[tuple, object] = {}


def _gaya(ws, fmt: str | None, bungkus: bool, atas: bool, tautan: bool):
    kunci = (id(ws.parent), fmt, bungkus, atas, tautan)  # indeks gaya berlaku per workbook
    g = _GAYA.get(kunci)
    if g is None:
        c = WriteOnlyCell(ws)
        if fmt:
            c.number_format = fmt
        if bungkus or atas:
            c.alignment = _BUNGKUS if bungkus else _ATAS
        if tautan:
            c.font = _TAUTAN
        g = _GAYA[kunci] = c._style
    return g


def _sel(ws, v, fmt: str | None, bungkus: bool, tautan: str | None = None,
         atas: bool = False):
    """Sel untuk lembar write-only: teks tetap teks (juga yang diawali ``=``), format angka
    Indonesia, bungkus, tautan ke sel lain di buku."""
    v = nilai_aman(ws, v)
    if isinstance(v, Cell):  # teks yang diawali "=": sel teks
        v = v.value
    if v is None and tautan is None:
        return None
    angka = v is not None and not isinstance(v, str)
    fmt = format_id(fmt) if angka else None
    if not (fmt or bungkus or atas or tautan):
        return v if not (isinstance(v, str) and v.startswith("=")) else _teks(ws, v)
    c = WriteOnlyCell(ws, value=v)
    if isinstance(v, str):
        c.data_type = "s"
    c._style = copy.copy(_gaya(ws, fmt, bungkus, atas, tautan is not None))
    if tautan:
        c.hyperlink = Hyperlink(ref="A1", location=tautan)
    return c


def _teks(ws, v: str):
    c = WriteOnlyCell(ws, value=v)
    c.data_type = "s"
    return c


#: ukuran huruf untuk memperkirakan pembungkusan: Calibri (di LibreOffice: Carlito, sama
#: lebarnya) lebih rapat daripada Arial, acuan :func:`jumlah_baris_teks`
_UKURAN_PERKIRAAN = 10.5


def _tinggi(nilai: list, kolom, semua: bool = False, tebal: bool = False) -> float | None:
    """Tinggi baris (pt) untuk sel terbungkus (``semua``: setiap kolom, mis. header); None
    bila cukup satu baris."""
    baris = 1
    for v, k in zip(nilai, kolom):
        if (k.bungkus or semua) and isinstance(v, str) and v:
            baris = max(baris, jumlah_baris_teks(v, k.lebar, _UKURAN_PERKIRAAN, tebal))
    return tinggi_baris(baris, _UKURAN) if baris > 1 else None


class _Sheet:
    """Satu sheet write-only: baris ditulis berurutan; tabel demi tabel."""

    def __init__(self, wb: Workbook, nama: str, lembar: list[Lembar], judul: str,
                 beku: str | None = None, kolom_awal: dict[str, int] | None = None,
                 lebar_minimal: int = 0):
        self.ws = wb.create_sheet(nama)
        self.judul = judul
        self.kolom_awal = kolom_awal or {}
        self.baris = 0  # baris terakhir yang sudah ditulis
        self.tabel: dict[str, tuple[int, int, Lembar]] = {}  # id → (header, akhir, lembar)
        # lebar kolom: yang terlebar di antara tabel sheet ini
        lebar: dict[int, float] = {}
        for lb in lembar:
            for j, k in enumerate(lb.kolom, start=self.kolom_awal.get(lb.id, 1)):
                lebar[j] = max(lebar.get(j, 0), k.lebar)
        for j in range(len(lebar) + 1, lebar_minimal + 1):  # kolom di bawah grafik
            lebar[j] = _LEBAR_BAWAAN
        for j, w in lebar.items():
            self.ws.column_dimensions[huruf(j)].width = w
        self.lebar = lebar
        # lembar write-only: tampilan (bekuan) dan pengaturan halaman sebelum baris pertama
        self.ws.sheet_view.zoomScale = 90
        if beku:
            self.ws.freeze_panes = beku
        atur_cetak(self.ws, landscape=all(lb.lanskap for lb in lembar))
        pertama = lembar[0]
        self.tulis([nilai_aman(self.ws, nama.upper(), font=JUDUL_FONT)])
        ket = pertama.keterangan.format(judul=judul)
        self.tinggi_teks(ket, max(sum(lebar.values()) * 0.9, 60))
        self.tulis([nilai_aman(self.ws, ket, font=PETUNJUK_FONT)])

    def tulis(self, isi: list, tinggi: float | None = None) -> int:
        self.baris += 1
        if tinggi:
            self.ws.row_dimensions[self.baris].height = tinggi
        self.ws.append(isi)
        return self.baris

    def tinggi_teks(self, teks: str, lebar: float) -> None:
        n = jumlah_baris_teks(teks, lebar, 9)
        if n > 1:
            self.ws.row_dimensions[self.baris + 1].height = tinggi_baris(n, 9)

    def ke(self, baris: int) -> None:
        """Lompat sehingga baris berikutnya yang ditulis adalah ``baris``."""
        while self.baris < baris - 1:
            self.tulis([])

    def tabel_lembar(self, lembar: Lembar, df: pd.DataFrame, keterangan: bool = True) -> int:
        """Tulis satu tabel Excel; kembalikan baris header-nya."""
        if self.tabel:  # tabel kedua dst.: di baris spec, atau di bawah tabel sebelumnya
            h = max(lembar.baris_header, self.baris + 3)
            self.ke(h - 1)
            if keterangan and lembar.keterangan:
                self.tulis([nilai_aman(self.ws, lembar.keterangan.format(judul=self.judul),
                                       font=_TEBAL)])
        else:
            h = lembar.baris_header
        self.ke(h)
        kolom = lembar.kolom
        geser = [None] * (self.kolom_awal.get(lembar.id, 1) - 1)  # kolom kosong di kiri
        kepala = [k.nama for k in kolom]
        self.tulis([*geser, *(_kepala(self.ws, t) for t in kepala)],
                   _tinggi(kepala, kolom, semua=True, tebal=True))
        ids = list(lembar.ids)
        tautan = {k: f"_tautan_{k}" for k in ids if f"_tautan_{k}" in df.columns}
        # format per baris: kolom Nilai (blok total) atau kolom periode (baris jumlah unit Tren)
        fmt_nilai = df["_format_nilai"].tolist() if "_format_nilai" in df.columns else None
        fmt_periode = df["_format_periode"].tolist() if "_format_periode" in df.columns else None
        for i, baris in enumerate(df[ids].to_numpy(dtype=object)):
            tinggi = _tinggi(list(baris), kolom)
            isi = []
            for j, (v, k) in enumerate(zip(baris, kolom)):
                fmt = k.format_angka
                if fmt_nilai and k.id == "nilai":
                    fmt = fmt_nilai[i]
                elif fmt_periode and k.id in fn.ID_PERIODE and isinstance(fmt_periode[i], str):
                    fmt = fmt_periode[i]
                t = df[tautan[k.id]].iat[i] if k.id in tautan else None
                # baris bertinggi lebih dari satu baris teks: semua sel rata atas
                isi.append(_sel(self.ws, v, fmt, k.bungkus, t if not _kosong(t) else None,
                                atas=tinggi is not None))
            self.tulis([*geser, *isi], tinggi)
        akhir = h + max(len(df), 1)
        self.ke(akhir + 1)
        a = len(geser) + 1
        ref = f"{huruf(a)}{h}:{huruf(a + len(kolom) - 1)}{akhir}"
        # lembar write-only: kolom tabel dan filternya ditulis sendiri (openpyxl tidak dapat
        # membacanya kembali dari sel yang sudah dialirkan)
        t = Table(displayName=lembar.tabel, ref=ref, autoFilter=AutoFilter(ref=ref))
        t.tableColumns = [TableColumn(id=i, name=n) for i, n in enumerate(kepala, start=1)]
        t.tableStyleInfo = _GAYA_TABEL
        with warnings.catch_warnings():  # "must add table columns manually": sudah ditulis
            warnings.simplefilter("ignore", UserWarning)
            self.ws.add_table(t)
        for j, k in enumerate(kolom, start=a):
            rentang = f"{huruf(j)}{h + 1}:{huruf(j)}{akhir}"
            if k.warna == "kriteria":
                warnai_kriteria(self.ws, rentang)
            elif k.warna == "status":
                warnai_kriteria(self.ws, rentang, _WARNA_STATUS)
            elif k.warna == "progres":
                self.ws.conditional_formatting.add(rentang, DataBarRule(
                    start_type="num", start_value=0, end_type="num", end_value=fn.ACUAN,
                    color="5B9BD5"))
        self.tabel[lembar.id] = (h, akhir, lembar)
        return h


def _kepala(ws, teks: str):
    c = WriteOnlyCell(ws, value=teks)
    c.data_type = "s"
    c.font, c.fill, c.alignment = HEADER_FONT, HEADER_FILL, _KEPALA
    return c


def _dengan_periode(lembar: Lembar, periode: list[int]) -> Lembar:
    """Lembar Tren hanya dengan kolom periode yang ada."""
    ada = {fn.id_periode(p) for p in periode}
    kolom = tuple(k for k in lembar.kolom if k.id not in fn.ID_PERIODE or k.id in ada)
    return dataclasses.replace(lembar, kolom=kolom)


def _cetak(s: _Sheet, ulang: int | None, kolom: int) -> None:
    """Header berulang dan area cetak (nama terdefinisi workbook: boleh setelah baris)."""
    if ulang:
        s.ws.print_title_rows = f"{ulang}:{ulang}"
    s.ws.print_area = f"A1:{huruf(kolom)}{max(s.baris, 1)}"


def _total(wb, buku: BukuNasional, judul: str) -> None:
    s = _Sheet(wb, fn.RINGKASAN.nama, [fn.TOTAL, fn.RINGKASAN], judul,
               beku=f"{huruf(fn.RINGKASAN.kolom_beku + 1)}1", kolom_awal=fn.KOLOM_AWAL)
    total = buku["total"].copy()
    total["_format_nilai"] = [f for _, _, f in fn.BARIS_TOTAL]
    s.tabel_lembar(fn.TOTAL, total)
    h = s.tabel_lembar(fn.RINGKASAN, buku["ringkasan"])
    _cetak(s, h, len(fn.RINGKASAN.kolom))


def _pasang(ws, grafik, kolom0: int, baris0: int, kolom1: int, baris1: int) -> None:
    """Grafik menempati sel (kolom0, baris0) s.d. (kolom1, baris1) (1 = A/baris 1, eksklusif
    di ujung): ukurannya mengikuti sel, jadi selalu selebar area cetak di Excel maupun
    LibreOffice."""
    from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, TwoCellAnchor
    grafik.anchor = TwoCellAnchor(_from=AnchorMarker(col=kolom0 - 1, row=baris0 - 1),
                                  to=AnchorMarker(col=kolom1 - 1, row=baris1 - 1))
    ws.add_chart(grafik)


def _garis_acuan(seri: Series) -> None:
    seri.graphicalProperties.line = LineProperties(solidFill="C00000", prstDash="dash",
                                                   w=19050)
    seri.marker.symbol = "none"
    seri.smooth = False


#: lebar halaman cetak A4 lanskap di dalam margin (cm)
_LEBAR_HALAMAN = 27.5


def _tren(wb, buku: BukuNasional, judul: str) -> None:
    lembar = [_dengan_periode(lb, buku.periode_tren)
              for lb in (fn.TREN_KELOMPOK, fn.TREN_INDIKATOR, fn.TREN_UNIT)]
    kel, ind, unit = lembar
    n_kolom = max(len(lb.kolom) for lb in lembar)
    # kolom sebanyak yang perlu agar halaman cetak selebar grafik (sedikitnya ~24 cm)
    lebar_tabel = sum(_cm(max(lb.kolom[j].lebar for lb in lembar if j < len(lb.kolom)))
                      for j in range(n_kolom))
    tambahan = max(0, math.ceil((24 - lebar_tabel) / _cm(_LEBAR_BAWAAN)))
    s = _Sheet(wb, fn.TREN_KELOMPOK.nama, lembar, judul, beku="C1",
               lebar_minimal=n_kolom + tambahan)
    h = s.tabel_lembar(kel, buku["tren_kelompok"])
    n_periode = len(buku.periode_tren)
    awal_periode = len(kel.kolom) - n_periode + 1
    # baris acuan (di luar tabel): sumber garis 100 di grafik
    acuan = s.tulis([nilai_aman(s.ws, "Acuan (garis 100 di grafik)", font=PETUNJUK_FONT),
                     None, None, *([fn.ACUAN] * n_periode)])
    if n_periode:
        c = LineChart()
        c.title = "NPS rata-rata unit kerja per periode"
        c.y_axis.title = "NPS"
        c.y_axis.number_format = "0"
        n_nps = sum(1 for u in buku["tren_kelompok"]["ukuran"] if u == fn.UKURAN_TREN[0])
        for i in range(n_nps):
            r = h + 1 + i
            seri = Series(Reference(s.ws, min_col=awal_periode, max_col=len(kel.kolom),
                                    min_row=r), title=str(buku["tren_kelompok"]["kelompok"].iat[i]))
            seri.smooth = False
            seri.marker.symbol = "circle"
            c.series.append(seri)
        garis = Series(Reference(s.ws, min_col=awal_periode, max_col=len(kel.kolom),
                                 min_row=acuan), title="Acuan 100")
        _garis_acuan(garis)
        c.series.append(garis)
        c.set_categories(Reference(s.ws, min_col=awal_periode, max_col=len(kel.kolom),
                                   min_row=h))
        c.legend.position = "b"
        _pasang(s.ws, c, 1, acuan + 2, n_kolom + tambahan + 1, acuan + 2 + 18)
        s.ke(acuan + 2 + 19)
    s.tabel_lembar(ind, buku["tren_indikator"])
    h_unit = s.tabel_lembar(unit, buku["tren_unit"])
    _cetak(s, h_unit, n_kolom + tambahan)


#: kolom sheet Grafik yang dicetak (grafik NPS selebar kolom-kolom ini)
_KOLOM_GRAFIK = 14


def _grafik(wb, buku: BukuNasional, judul: str) -> None:
    s = _Sheet(wb, fn.GRAFIK.nama, [fn.GRAFIK, fn.GRAFIK_NPS], judul,
               lebar_minimal=_KOLOM_GRAFIK)
    n = len(buku["grafik_nps"])
    h_kriteria = fn.GRAFIK.baris_header
    s.ke(h_kriteria - 1)
    s.ws.row_breaks.append(Break(id=h_kriteria - 3))  # grafik NPS sendiri di halaman 1
    s.tabel_lembar(fn.GRAFIK, buku.per_kriteria, keterangan=False)
    h_nps = s.tabel_lembar(fn.GRAFIK_NPS, buku["grafik_nps"])
    # grafik 1: NPS per unit, terurut, garis acuan 100; satu halaman lanskap
    if n:
        batang = BarChart()
        batang.type = "col"
        batang.title = f"NPS per unit kerja ({n} unit diterima, NPS terendah di kiri)"
        batang.add_data(Reference(s.ws, min_col=fn.GRAFIK_NPS.posisi("nps"), min_row=h_nps,
                                  max_row=h_nps + n), titles_from_data=True)
        batang.set_categories(Reference(s.ws, min_col=fn.GRAFIK_NPS.posisi("unit_kerja"),
                                        min_row=h_nps + 1, max_row=h_nps + n))
        batang.gapWidth = 40
        batang.y_axis.title = "NPS"
        # sumbu mulai sedikit di bawah NPS terendah (kelipatan 10): beda antarunit terlihat
        terendah = float(buku["grafik_nps"]["nps"].min())
        batang.y_axis.scaling.min = max(0.0, math.floor(min(terendah, fn.ACUAN) / 10 - 1) * 10)
        batang.y_axis.number_format = "0"
        batang.x_axis.tickLblSkip = 1
        batang.x_axis.delete = False
        batang.y_axis.delete = False
        if n > 20:  # banyak unit: label miring 90°, huruf kecil
            batang.x_axis.txPr = _teks_sumbu(-5400000, 650)
        else:
            batang.dataLabels = DataLabelList(showVal=True, showCatName=False,
                                              showSerName=False, showLegendKey=False)
            batang.dataLabels.numFmt = "0.00"
            batang.dataLabels.position = "outEnd"
        batang.legend.position = "b"
        garis = LineChart()
        garis.add_data(Reference(s.ws, min_col=fn.GRAFIK_NPS.posisi("acuan"), min_row=h_nps,
                                 max_row=h_nps + n), titles_from_data=True)
        _garis_acuan(garis.series[0])
        batang += garis
        _pasang(s.ws, batang, 1, 3, _KOLOM_GRAFIK + 1, h_kriteria - 4)
    # grafik 2: jumlah unit per kriteria NPS (halaman 2, di samping tabelnya)
    k = BarChart()
    k.type = "col"
    k.title = "Jumlah unit per kriteria NPS"
    k.y_axis.title = "unit"
    k.y_axis.number_format = "0"
    k.add_data(Reference(s.ws, min_col=2, min_row=h_kriteria,
                         max_row=h_kriteria + len(buku.per_kriteria)), titles_from_data=True)
    k.set_categories(Reference(s.ws, min_col=1, min_row=h_kriteria + 1,
                               max_row=h_kriteria + len(buku.per_kriteria)))
    k.legend = None
    _pasang(s.ws, k, 4, h_kriteria, 11, h_kriteria + 16)
    _cetak(s, None, _KOLOM_GRAFIK)


def _teks_sumbu(rotasi: int, ukuran: int):
    """Teks label sumbu: ``rotasi`` (60000-an derajat), ``ukuran`` (1/100 pt)."""
    from openpyxl.chart.text import RichText
    from openpyxl.drawing.text import (CharacterProperties, Paragraph, ParagraphProperties,
                                       RichTextProperties)
    return RichText(bodyPr=RichTextProperties(rot=rotasi, vert="horz"),
                    p=[Paragraph(pPr=ParagraphProperties(defRPr=CharacterProperties(sz=ukuran)),
                                 endParaRPr=CharacterProperties(sz=ukuran))])


def _tunggal(wb, lembar: Lembar, df: pd.DataFrame, judul: str) -> None:
    h = lembar.baris_header
    s = _Sheet(wb, lembar.nama, [lembar], judul,
               beku=f"{huruf(lembar.kolom_beku + 1)}{h + 1}")
    s.tabel_lembar(lembar, df)
    _cetak(s, h, len(lembar.kolom))


def tulis_buku(buku: BukuNasional, path: str | Path, dibuat: _dt.datetime | None = None) -> Path:
    """Tulis buku nasional ke ``path`` (langsung; penulisan atomik diurus pemanggil)."""
    path = Path(path)
    judul = judul_buku(buku)
    wb = Workbook(write_only=True)
    _GAYA.clear()
    for nama in fn.SHEET:
        if nama == fn.RINGKASAN.nama:
            _total(wb, buku, judul)
        elif nama == fn.TREN_KELOMPOK.nama:
            _tren(wb, buku, judul)
        elif nama == fn.GRAFIK.nama:
            _grafik(wb, buku, judul)
        else:
            (lembar,) = [lb for lb in fn.BUKU if lb.nama == nama]
            _tunggal(wb, lembar, buku[lembar.id], judul)
    wb.properties.title = f"Kinerja BPOM {judul}"
    wb.properties.creator = "rapk-xl"
    if dibuat is not None:
        wb.properties.created = wb.properties.modified = dibuat
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    _GAYA.clear()
    return path
