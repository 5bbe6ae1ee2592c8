"""Cetakan RAPK dalam tata letak dokumen resmi, sebagai xlsx siap cetak (dan PDF).

Dua tata letak, seperti dokumen yang ditandatangani:

- **UPT** (Balai/Loka POM, juga unit pusat yang merinci komponen): NO. | SASARAN KEGIATAN |
  INDIKATOR KINERJA KEGIATAN | TARGET B01-B12 | ANGGARAN; di bawah tiap indikator tabel
  bersarang NO | RO | KOMPONEN | SUB KOMPONEN | ANGGARAN (pagu) | KONTRIBUSI.
- **Nasional** (Badan Pengawas Obat dan Makanan, atau workbook yang baris anggarannya tanpa
  Komponen): NO | INDIKATOR KINERJA SASARAN STRATEGIS | TARGET B01-B12 | ANGGARAN; tabel
  bersarang NO | KODE | RO | ANGGARAN (kontribusi).

Keduanya memakai 17 kolom yang sama: target selalu di kolom E-P dan anggaran di kolom Q,
sehingga KONTRIBUSI baris anggaran tepat di bawah ANGGARAN indikatornya.

Yang dicetak adalah isi workbook apa adanya: target "-" tetap "-", teks tetap teks (juga
jumlah uang yang diketik sebagai teks, mis. ``5.874.961,0``), nomor yang meloncat tetap
meloncat. Memeriksa isi adalah tugas validator, bukan cetakan. Baris Total = jumlah
Anggaran indikator yang berupa angka (seperti SUM di Excel: teks tidak ikut).

Konversi ke PDF: :func:`rapk_xl.io.pdf.ke_pdf`.
"""
from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from ..format import DataRAPK
from ..calc.turunan import satuan_anggaran_baku
from ..format.spec import ID_TARGET, NAMA_BULAN
from ..reference import cari_unit
from .gaya import (HURUF_CETAK, KOTAK_CETAK, UKURAN_CETAK, atur_cetak, gabung_ke_bawah,
                   gabung_ke_kanan, huruf, tulis_sel)
from .tampilan import ID_ID
from .tampilan import jumlah_baris_teks as _jumlah_baris
from .tampilan import tinggi_baris as _tinggi

__all__ = [
    "UPT", "NASIONAL", "TataLetak", "Sasaran", "Indikator", "BarisAnggaran", "susun", "ada_indikator",
    "pilih_tata_letak", "buat_cetak", "tulis_cetak",
]

NAMA_BADAN = "BADAN PENGAWAS OBAT DAN MAKANAN"
JUDUL = "RENCANA AKSI PERJANJIAN KINERJA TAHUN"
SHEET = "RAPK"

# ---------------------------------------------------------------------------------------------
# Isi cetakan: sasaran → indikator → baris anggaran, urut seperti sheet RAPK
# ---------------------------------------------------------------------------------------------


@dataclass
class BarisAnggaran:
    no: object
    kode_ro: object
    rincian: object
    komponen: object
    sub_komponen: object
    pagu: object
    kontribusi: object


@dataclass
class Indikator:
    label: str  #: "01 - Persentase ..."
    target: list[object]  #: B01..B12 apa adanya
    anggaran: object
    baris: list[BarisAnggaran] = field(default_factory=list)


@dataclass
class Sasaran:
    no: str  #: "1." (kosong bila tidak diketahui)
    label: str  #: "01 - Terwujudnya ..."
    indikator: list[Indikator] = field(default_factory=list)


_KODE = re.compile(r"^\s*(\d{1,2})\.(\d{2})\s*$")


def _kosong(v: object) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or (
        isinstance(v, str) and not v.strip())


def _teks(v: object) -> str:
    """Teks tampilan; bilangan bulat tanpa ``.0``."""
    if _kosong(v):
        return ""
    if hasattr(v, "item") and not isinstance(v, (str, _dt.date)):
        v = v.item()  # skalar numpy
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _nilai(v: object) -> object:
    """Nilai sel apa adanya: angka tetap angka, teks tetap teks, kosong tetap kosong."""
    if _kosong(v):
        return None
    if hasattr(v, "item") and not isinstance(v, (str, _dt.date)):
        v = v.item()
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
        return int(v)
    if isinstance(v, (int, float, str, _dt.date)):
        return v
    return str(v)


def _kode(v: object) -> str:
    if isinstance(v, float) and not math.isnan(v):
        return f"{v:.2f}"  # 1.01 diketik sebagai angka
    return _teks(v)


def _gabung(*bagian: object) -> str:
    return " - ".join(t for t in (_teks(b) for b in bagian) if t)


def _nomor_sasaran(v: object) -> int | None:
    t = _teks(v)
    return int(t) if t.isdigit() else None


def ada_indikator(data: DataRAPK) -> bool:
    """Sheet RAPK memuat sedikitnya satu indikator (kode atau teks): ada yang dicetak."""
    return any(not _kosong(v) for k in ("kode_indikator", "indikator") for v in data.rapk[k])


def susun(data: DataRAPK) -> list[Sasaran]:
    """Kelompokkan baris RAPK (urutan sheet) per sasaran; teks sasaran dari PK, baris
    anggaran dari sheet Anggaran menurut Kode Indikator."""
    pk_kode: dict[str, dict] = {}
    teks_sasaran: dict[int, str] = {}
    for r in data.pk.to_dict("records"):
        pk_kode.setdefault(_kode(r["kode_indikator"]), r)
        no = _nomor_sasaran(r["no_sasaran"])
        if no is not None and _teks(r["sasaran"]):
            teks_sasaran.setdefault(no, _teks(r["sasaran"]))
    anggaran: dict[str, list[BarisAnggaran]] = {}
    for r in data.anggaran.to_dict("records"):
        anggaran.setdefault(_kode(r["kode_indikator"]), []).append(BarisAnggaran(
            r["no"], r["kode_ro"], r["rincian_output"], r["komponen"], r["sub_komponen"],
            r["pagu"], r["kontribusi"]))

    hasil: list[Sasaran] = []
    kunci_lalu: object = object()
    for r in data.rapk.to_dict("records"):
        kode = _kode(r["kode_indikator"])
        m = _KODE.match(kode)
        baris_pk = pk_kode.get(kode, {})
        no = _nomor_sasaran(baris_pk.get("no_sasaran"))
        if no is None and m:
            no = int(m.group(1))
        teks = _teks(r["indikator"]) or _teks(baris_pk.get("indikator"))
        ind = Indikator(
            label=_gabung(m.group(2), teks) if m else teks,
            target=[_nilai(r[b]) for b in ID_TARGET],
            anggaran=_nilai(r["anggaran"]),
            baris=anggaran.get(kode, []))
        kunci = no if no is not None else kode
        if kunci != kunci_lalu:
            sas = teks_sasaran.get(no, "") if no is not None else _teks(baris_pk.get("sasaran"))
            hasil.append(Sasaran(
                no=f"{no}." if no is not None else "",
                label=_gabung(f"{no:02d}", sas) if no is not None else sas))
            kunci_lalu = kunci
        hasil[-1].indikator.append(ind)
    return hasil


# ---------------------------------------------------------------------------------------------
# Tata letak: kolom, header, tabel bersarang
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bidang:
    """Satu kolom cetakan, mungkin beberapa kolom sheet digabung (``awal``..``akhir``)."""

    judul: str
    awal: int
    akhir: int
    uang: bool = False

    @property
    def kolom(self) -> range:
        return range(self.awal, self.akhir + 1)


KOLOM_BULAN = range(5, 17)  #: E..P: B01..B12
KOLOM_ANGGARAN = 17  #: Q
JUMLAH_KOLOM = 17


def _nomor_rinci(titik: bool) -> Callable[[object, int], object]:
    def nomor(no: object, urutan: int) -> object:
        v = _nilai(no)
        if v is None:
            v = urutan
        if isinstance(v, int) and titik:
            return f"{v}."
        return v
    return nomor


@dataclass(frozen=True)
class TataLetak:
    nama: str
    lebar: tuple[float, ...]
    kepala: tuple[Bidang, ...]  #: header atas (digabung dua baris), selain TARGET
    kolom_sasaran: int | None
    kolom_indikator: Bidang
    rinci: tuple[Bidang, ...]  #: header tabel bersarang
    isi_rinci: Callable[[BarisAnggaran], tuple]  #: nilai per bidang rinci (tanpa NO)
    nomor_rinci: Callable[[object, int], object]


def _isi_upt(b: BarisAnggaran) -> tuple:
    return (_gabung(b.kode_ro, b.rincian), _nilai(b.komponen), _nilai(b.sub_komponen),
            _nilai(b.pagu), _nilai(b.kontribusi))


def _isi_nasional(b: BarisAnggaran) -> tuple:
    return _nilai(b.kode_ro), _nilai(b.rincian), _nilai(b.kontribusi)


_BULAN = (7.2,) * 12

UPT = TataLetak(
    nama="upt",
    lebar=(5, 24, 4.5, 34, *_BULAN, 16),
    kepala=(Bidang("NO.", 1, 1), Bidang("SASARAN KEGIATAN", 2, 2),
            Bidang("INDIKATOR KINERJA KEGIATAN", 3, 4), Bidang("ANGGARAN", 17, 17)),
    kolom_sasaran=2,
    kolom_indikator=Bidang("", 3, 4),
    rinci=(Bidang("NO", 3, 3), Bidang("RO", 4, 4), Bidang("KOMPONEN", 5, 9),
           Bidang("SUB KOMPONEN", 10, 14), Bidang("ANGGARAN", 15, 16, uang=True),
           Bidang("KONTRIBUSI", 17, 17, uang=True)),
    isi_rinci=_isi_upt,
    nomor_rinci=_nomor_rinci(titik=True),
)

NASIONAL = TataLetak(
    nama="nasional",
    lebar=(5, 4.5, 14, 40, *_BULAN, 18),
    kepala=(Bidang("NO", 1, 1), Bidang("INDIKATOR KINERJA SASARAN STRATEGIS", 2, 4),
            Bidang("ANGGARAN", 17, 17)),
    kolom_sasaran=None,
    kolom_indikator=Bidang("", 2, 4),
    rinci=(Bidang("NO", 2, 2), Bidang("KODE", 3, 3), Bidang("RO", 4, 16),
           Bidang("ANGGARAN", 17, 17, uang=True)),
    isi_rinci=_isi_nasional,
    nomor_rinci=_nomor_rinci(titik=False),
)

_TATA_LETAK = {t.nama: t for t in (UPT, NASIONAL)}


def _badan(unit: object) -> bool:
    u = cari_unit(unit) if _teks(unit) else None
    return (u is not None and u.kelompok == "BPOM") or _teks(unit).upper() == NAMA_BADAN


def pilih_tata_letak(data: DataRAPK) -> TataLetak:
    """Nasional untuk Badan POM sendiri, atau bila tak satu pun baris anggaran berkomponen;
    selain itu UPT."""
    if _badan(data.unit):
        return NASIONAL
    komponen = data.anggaran["komponen"]
    if len(komponen) and all(_kosong(v) for v in komponen):
        return NASIONAL
    return UPT


# ---------------------------------------------------------------------------------------------
# Gaya cetak dan tinggi baris
# ---------------------------------------------------------------------------------------------

#: Format angka Indonesia apa pun bahasa mesinnya: ``[$-421]`` (id-ID) membuat LibreOffice
#: (yang membuat PDF) memakai titik pemisah ribuan dan koma desimal — 62.210.400 dan 84,6 —
#: juga di mesin berbahasa Inggris. Excel memakai pemisah dari pengaturan Windows.
FORMAT_RUPIAH = ID_ID + "#,##0"
FORMAT_RIBU = ID_ID + "#,##0.00"  #: Ribu Rupiah, seperti dokumen nasional 114.624.028,00
FORMAT_ANGKA = ID_ID + "General"  #: target dan nomor: 90, 84,6, 3,55

HURUF, UKURAN = HURUF_CETAK, UKURAN_CETAK
UKURAN_RINCI = 8
KOTAK = KOTAK_CETAK
ISI_KEPALA = PatternFill("solid", fgColor="D9D9D9")
ISI_KEPALA_RINCI = PatternFill("solid", fgColor="F2F2F2")
KIRI = Alignment(horizontal="left", vertical="top", wrap_text=True)
TENGAH = Alignment(horizontal="center", vertical="center", wrap_text=True)
TENGAH_ATAS = Alignment(horizontal="center", vertical="top", wrap_text=True)
KANAN = Alignment(horizontal="right", vertical="top", wrap_text=True)

class _Penulis:
    """Menulis satu sheet cetakan baris demi baris."""

    def __init__(self, ws, tata: TataLetak, format_uang: str):
        self.ws, self.tata, self.format_uang = ws, tata, format_uang
        self.baris = 1

    def lebar(self, awal: int, akhir: int) -> float:
        return sum(self.tata.lebar[awal - 1:akhir])

    def sel(self, baris: int, awal: int, akhir: int, nilai: object, *, ukuran=UKURAN,
            tebal=False, rata=KIRI, isi=None, uang=False, garis=True) -> float:
        """Tulis satu bidang (digabung bila lebih dari satu kolom); kembalikan tinggi yang
        diperlukan isinya."""
        c = tulis_sel(self.ws, baris, awal, nilai)
        c.font = Font(name=HURUF, size=ukuran, bold=tebal)
        angka = isinstance(nilai, (int, float)) and not isinstance(nilai, bool)
        c.alignment = KANAN if (uang or angka) and rata is KIRI else rata
        if angka:
            c.number_format = self.format_uang if uang else FORMAT_ANGKA
        gabung_ke_kanan(self.ws, baris, awal, akhir, KOTAK if garis else None, isi)
        if nilai is None or angka:
            return _tinggi(1, ukuran)
        return _tinggi(_jumlah_baris(_teks(nilai), self.lebar(awal, akhir), ukuran), ukuran)

    def tinggi(self, baris: int, *tinggi: float) -> None:
        self.ws.row_dimensions[baris].height = max(tinggi)

    # -- bagian dokumen -------------------------------------------------------------------
    def judul(self, baris_judul: list[str]) -> None:
        for teks in baris_judul:
            self.sel(self.baris, 1, JUMLAH_KOLOM, teks, ukuran=12, tebal=True, rata=TENGAH,
                     garis=False)
            self.ws.row_dimensions[self.baris].height = 18
            self.baris += 1
        self.baris += 1

    def kepala(self) -> tuple[int, int]:
        r1, r2 = self.baris, self.baris + 1
        gaya = dict(tebal=True, rata=TENGAH, isi=ISI_KEPALA)
        for b in self.tata.kepala:
            self.sel(r1, b.awal, b.akhir, b.judul, **gaya)
            for k in b.kolom:
                self.ws.cell(r2, k).border = KOTAK
                self.ws.cell(r2, k).fill = ISI_KEPALA
            self.ws.merge_cells(start_row=r1, start_column=b.awal, end_row=r2,
                                end_column=b.akhir)
        self.sel(r1, KOLOM_BULAN[0], KOLOM_BULAN[-1], "TARGET", **gaya)
        for k, b in zip(KOLOM_BULAN, ID_TARGET):
            self.sel(r2, k, k, b.upper(), **gaya)
        self.ws.row_dimensions[r1].height = 16
        self.ws.row_dimensions[r2].height = 14
        self.baris += 2
        return r1, r2

    def sasaran(self, s: Sasaran) -> None:
        awal = self.baris
        for ind in s.indikator:
            self.indikator(ind)
        akhir = self.baris - 1
        t = self.tata
        kolom = [(1, s.no)] + ([(t.kolom_sasaran, s.label)] if t.kolom_sasaran else [])
        perlu = 0.0
        for k, nilai in kolom:
            perlu = max(perlu, self.sel(awal, k, k, nilai or None, rata=TENGAH_ATAS if k == 1
                                        else KIRI))
        # sel no dan sasaran digabung ke bawah: blok harus cukup tinggi untuk teksnya
        for k, _ in kolom:
            gabung_ke_bawah(self.ws, k, awal, akhir, perlu if k == kolom[-1][0] else 0, KOTAK,
                            tinggi_bawaan=0)

    def indikator(self, ind: Indikator) -> None:
        r = self.baris
        b = self.tata.kolom_indikator
        tinggi = [self.sel(r, b.awal, b.akhir, ind.label)]
        for k, v in zip(KOLOM_BULAN, ind.target):
            tinggi.append(self.sel(r, k, k, v, rata=TENGAH_ATAS))
        tinggi.append(self.sel(r, KOLOM_ANGGARAN, KOLOM_ANGGARAN, ind.anggaran, uang=True))
        self.tinggi(r, *tinggi)
        self.baris += 1
        if not ind.baris:
            return
        r = self.baris
        for b in self.tata.rinci:
            self.sel(r, b.awal, b.akhir, b.judul, ukuran=UKURAN_RINCI, tebal=True, rata=TENGAH,
                     isi=ISI_KEPALA_RINCI)
        self.tinggi(r, _tinggi(1, UKURAN_RINCI))
        self.baris += 1
        for i, ba in enumerate(ind.baris, start=1):
            r = self.baris
            nilai = (self.tata.nomor_rinci(ba.no, i), *self.tata.isi_rinci(ba))
            tinggi = [self.sel(r, b.awal, b.akhir, v, ukuran=UKURAN_RINCI, uang=b.uang,
                               rata=TENGAH_ATAS if j == 0 else KIRI)
                      for j, (b, v) in enumerate(zip(self.tata.rinci, nilai))]
            self.tinggi(r, *tinggi)
            self.baris += 1

    def total(self, jumlah: float) -> None:
        r = self.baris
        self.sel(r, 1, KOLOM_ANGGARAN - 1, "Total", tebal=True, rata=TENGAH)
        nilai = int(jumlah) if float(jumlah).is_integer() else jumlah
        self.sel(r, KOLOM_ANGGARAN, KOLOM_ANGGARAN, nilai, tebal=True, uang=True)
        self.tinggi(r, _tinggi(1, UKURAN))
        self.baris += 1

    def tanda_tangan(self, baris_ttd: list[tuple[str, bool]]) -> None:
        """Blok rata kanan: tempat/tanggal, jabatan, ruang tanda tangan, nama."""
        if not baris_ttd:
            return
        self.baris += 1
        awal, akhir = 12, JUMLAH_KOLOM
        for teks, tebal in baris_ttd:
            if teks is None:  # ruang tanda tangan
                self.ws.row_dimensions[self.baris].height = 48
            else:
                t = self.sel(self.baris, awal, akhir, teks, tebal=tebal, rata=TENGAH,
                             garis=False)
                self.ws.row_dimensions[self.baris].height = max(t, 15)
            self.baris += 1


def _format_tanggal(v: object) -> str:
    if isinstance(v, _dt.datetime):
        v = v.date()
    if isinstance(v, _dt.date):
        return f"{v.day} {NAMA_BULAN[v.month - 1]} {v.year}"
    return _teks(v)


def _baris_judul(data: DataRAPK) -> list[str]:
    tahun = _teks(data.tahun)
    baris = [f"{JUDUL} {tahun}".strip()]
    unit = _teks(data.unit)
    if unit and not _badan(unit):
        baris.append(unit.upper())
    baris.append(NAMA_BADAN)
    return baris


def _baris_tanda_tangan(info: dict) -> list[tuple[str | None, bool]]:
    tempat = _teks(info.get("tempat"))
    tanggal = _format_tanggal(info.get("tanggal"))
    jabatan = _teks(info.get("jabatan_penandatangan"))
    nama = _teks(info.get("nama_penandatangan"))
    hasil: list[tuple[str | None, bool]] = []
    if tempat or tanggal:
        hasil.append((", ".join(t for t in (tempat, tanggal) if t), False))
    if jabatan:
        hasil.append((jabatan, False))
    if nama:
        hasil += [(None, False), (nama, True)]
    return hasil


def _jumlah_anggaran(daftar: list[Sasaran]) -> float:
    return math.fsum(i.anggaran for s in daftar for i in s.indikator
                     if isinstance(i.anggaran, (int, float)) and not isinstance(i.anggaran, bool))


def buat_cetak(data: DataRAPK, tata_letak: TataLetak | str | None = None) -> Workbook:
    """Workbook satu sheet berisi cetakan RAPK. ``tata_letak``: :data:`UPT`,
    :data:`NASIONAL`, ``"upt"``/``"nasional"``, atau None (dipilih
    :func:`pilih_tata_letak`)."""
    if isinstance(tata_letak, str):
        tata_letak = _TATA_LETAK[tata_letak]
    tata = tata_letak or pilih_tata_letak(data)
    ribu = satuan_anggaran_baku(data.info.get("satuan_anggaran")) == "Ribu Rupiah"
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    for k, w in enumerate(tata.lebar, start=1):
        ws.column_dimensions[huruf(k)].width = w
    p = _Penulis(ws, tata, FORMAT_RIBU if ribu else FORMAT_RUPIAH)
    p.judul(_baris_judul(data))
    r1, r2 = p.kepala()
    daftar = susun(data)
    for s in daftar:
        p.sasaran(s)
    p.total(_jumlah_anggaran(daftar))
    p.tanda_tangan(_baris_tanda_tangan(data.info))
    ws.sheet_view.showGridLines = False
    ws.freeze_panes = ws.cell(r2 + 1, 1)
    atur_cetak(ws, f"{r1}:{r2}")
    ws.print_area = f"A1:{huruf(JUMLAH_KOLOM)}{p.baris - 1}"
    wb.properties.title = _baris_judul(data)[0]
    return wb


def tulis_cetak(data: DataRAPK, path: str | Path,
                tata_letak: TataLetak | str | None = None) -> Path:
    """Tulis cetakan RAPK ke ``path`` (.xlsx); kembalikan path-nya."""
    path = Path(path)
    buat_cetak(data, tata_letak).save(path)
    return path
