"""Dasar bersama dokumen cetak: kisi kolom dari spec, sel bergaris dan terbungkus, tinggi baris
dari panjang teks, blok judul, header bertingkat, catatan kaki, blok tanda tangan, pengaturan
cetak (A4, selebar halaman, header berulang).

Semua isi ditulis sebagai nilai: teks tetap teks (isian yang diawali ``=``, ``+``, ``-`` atau
``@`` tidak pernah menjadi rumus, :func:`rapk_xl.io.gaya.tulis_sel`), angka sebagai teks
berformat Indonesia (:mod:`rapk_xl.io.tampilan`) agar tampil sama di mesin berbahasa apa pun.
"""
from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.pagebreak import Break

from ...format import DataRAPK
from ...format.cetakan import NAMA_BADAN, Bentang, Dokumen
from ...format.spec import nama_bulan
from ...reference import cari_unit
from ..gaya import (HURUF_CETAK, KOTAK_CETAK, UKURAN_CETAK, atur_cetak, gabung_ke_bawah,
                    gabung_ke_kanan, huruf, tulis_sel)
from ..tampilan import jumlah_baris_teks, tampil_angka, tanggal_id, tinggi_baris
from .isi import teks

__all__ = ["Halaman", "baris_judul", "tanda_tangan_info", "sd_bulan", "HURUF", "UKURAN"]

HURUF, UKURAN, KOTAK = HURUF_CETAK, UKURAN_CETAK, KOTAK_CETAK
GARIS_BAWAH = Border(bottom=Side(style="medium", color="000000"))
ISI_KEPALA = PatternFill("solid", fgColor="D9D9D9")
ISI_KELOMPOK = PatternFill("solid", fgColor="EDEDED")
_RATA = {
    "kiri": Alignment(horizontal="left", vertical="top", wrap_text=True),
    "kanan": Alignment(horizontal="right", vertical="top", wrap_text=True),
    "tengah": Alignment(horizontal="center", vertical="center", wrap_text=True),
    "tengah_atas": Alignment(horizontal="center", vertical="top", wrap_text=True),
    "rata": Alignment(horizontal="justify", vertical="top", wrap_text=True),
}
#: ruang tanda tangan (pt)
TINGGI_TTD = 48


def sd_bulan(periode: int | None) -> str:
    """``" s.d. Juni"`` sebelum akhir tahun; kosong di periode 12 (atau tanpa periode)."""
    return f" s.d. {nama_bulan(periode)}" if periode and periode < 12 else ""


def _badan(unit: object) -> bool:
    u = cari_unit(unit) if teks(unit) else None
    return (u is not None and u.kelompok == "BPOM") or teks(unit).upper() == NAMA_BADAN


def baris_judul(data: DataRAPK, judul: str) -> list[str]:
    """Judul, nama unit (huruf kapital; tidak untuk Badan POM sendiri), nama badan."""
    baris = [judul]
    unit = teks(data.unit)
    if unit and not _badan(unit):
        baris.append(unit.upper())
    baris.append(NAMA_BADAN)
    return baris


def tanda_tangan_info(info: dict, jabatan: str = "jabatan_penandatangan",
                      nama: str = "nama_penandatangan", tempat: bool = True,
                      kosong_tetap: bool = False) -> list[tuple[str | None, bool]]:
    """Baris blok tanda tangan dari Info: (teks, tebal); None = ruang tanda tangan.
    ``kosong_tetap``: baris yang Info-nya kosong tetap ada (garis titik untuk diisi tangan)."""
    hasil: list[tuple[str | None, bool]] = []
    if tempat:
        t = ", ".join(x for x in (teks(info.get("tempat")), tanggal_id(info.get("tanggal")))
                      if x)
        if t or kosong_tetap:
            hasil.append((t or "", False))
    j = teks(info.get(jabatan))
    if j or kosong_tetap:
        hasil.append((j or "", False))
    n = teks(info.get(nama))
    if n or kosong_tetap:
        hasil += [(None, False), (n or "(.................................)", True)]
    return hasil


class Halaman:
    """Satu sheet dokumen, ditulis baris demi baris pada kisi kolom ``dok`` (subset ``ids``)."""

    def __init__(self, dok: Dokumen, ids: list[str] | None = None, judul_workbook: str = "",
                 wb: Workbook | None = None, sheet: str | None = None):
        self.dok = dok
        self.kolom = [k for k in dok.kolom if ids is None or k.id in ids]
        self.pos = {k.id: j for j, k in enumerate(self.kolom, start=1)}
        self.n = len(self.kolom)
        if wb is None:
            self.wb = Workbook()
            self.ws = self.wb.active
        else:
            self.wb, self.ws = wb, wb.create_sheet()
        self.ws.title = sheet or dok.sheet
        for j, k in enumerate(self.kolom, start=1):
            self.ws.column_dimensions[huruf(j)].width = k.lebar
        self.ws.sheet_view.showGridLines = False
        self.baris = 1
        self.kepala_baris: tuple[int, int] | None = None
        #: baris awal setiap kelompok (sasaran, perspektif): tempat halaman boleh dipotong
        self.kelompok: list[int] = []
        self.wb.properties.title = judul_workbook or dok.nama
        self.wb.properties.creator = "rapk-xl"

    # -- sel ----------------------------------------------------------------------------------
    def lebar(self, awal: int, akhir: int) -> float:
        return sum(k.lebar for k in self.kolom[awal - 1:akhir])

    def kol(self, id_: str) -> int:
        return self.pos[id_]

    def sel(self, r: int, awal: int, akhir: int, nilai: object, *, tebal=False, rata="kiri",
            isi=None, garis=True, ukuran=UKURAN, miring=False) -> float:
        """Tulis satu sel (digabung bila ``akhir`` > ``awal``); kembalikan tinggi yang
        diperlukan isinya (pt)."""
        c = tulis_sel(self.ws, r, awal, nilai if nilai != "" else None)
        c.font = Font(name=HURUF, size=ukuran, bold=tebal, italic=miring)
        c.alignment = _RATA[rata]
        gabung_ke_kanan(self.ws, r, awal, akhir, KOTAK if garis else None, isi)
        if nilai is None or nilai == "":
            return tinggi_baris(1, ukuran)
        return tinggi_baris(jumlah_baris_teks(str(nilai), self.lebar(awal, akhir), ukuran,
                                              tebal), ukuran)

    def tinggi(self, r: int, *tinggi: float) -> None:
        self.ws.row_dimensions[r].height = max(tinggi)

    def gabung_bawah(self, kolom: int, r0: int, r1: int, perlu: float) -> None:
        """Sel ``kolom`` baris ``r0``..``r1`` digabung; blok dipastikan cukup tinggi."""
        if kolom == 1:
            self.kelompok.append(r0)
        gabung_ke_bawah(self.ws, kolom, r0, r1, perlu, KOTAK)

    def blok_sasaran(self, s, r0: int, r1: int,
                     lain: dict[str, tuple[object, str]] | None = None) -> None:
        """Sel No dan Sasaran baris ``r0`` (dan kolom per sasaran ``lain``: id → (nilai,
        rata)) digabung ke bawah sampai ``r1``; blok cukup tinggi untuk teks sasarannya."""
        lain = lain or {}
        perlu = self.sel(r0, self.kol("sasaran"), self.kol("sasaran"), s.teks)
        self.sel(r0, self.kol("no"), self.kol("no"), s.label_no, rata="tengah_atas")
        for k, (nilai, rata) in lain.items():
            self.sel(r0, self.kol(k), self.kol(k), nilai, rata=rata)
        for k in ("sasaran", "no", *lain):
            self.gabung_bawah(self.kol(k), r0, r1, perlu if k == "sasaran" else 0)

    # -- bagian dokumen -----------------------------------------------------------------------
    def kosong(self, n: int = 1) -> None:
        self.baris += n

    def judul(self, baris: list[str], ukuran: float = 12) -> None:
        for t in baris:
            h = self.sel(self.baris, 1, self.n, t, tebal=True, rata="tengah", garis=False,
                         ukuran=ukuran)
            self.tinggi(self.baris, h, ukuran * 1.5)
            self.baris += 1
        self.baris += 1

    def kop(self, baris: list[str]) -> None:
        """Kop surat: nama badan (besar), baris lain, garis bawah tebal."""
        for i, t in enumerate(baris):
            u = 14 if i == 0 else 11
            self.sel(self.baris, 1, self.n, t, tebal=True, rata="tengah", garis=False, ukuran=u)
            self.tinggi(self.baris, u * 1.6)
            self.baris += 1
        for k in range(1, self.n + 1):
            self.ws.cell(self.baris - 1, k).border = GARIS_BAWAH
        self.baris += 1

    def paragraf(self, t: str, *, tebal=False, rata="rata", awal: int = 1,
                 akhir: int | None = None, ukuran=UKURAN + 1) -> None:
        akhir = akhir or self.n
        h = self.sel(self.baris, awal, akhir, t, tebal=tebal, rata=rata, garis=False,
                     ukuran=ukuran)
        self.tinggi(self.baris, h)
        self.baris += 1

    def kepala(self, isi_teks: dict[str, str] | None = None) -> tuple[int, int]:
        """Header tabel dari spec: satu baris, atau dua bila ada kelompok (:class:`Gabung`)."""
        isi_teks = isi_teks or {}
        gaya = dict(tebal=True, rata="tengah", isi=ISI_KEPALA)
        semua = list(self.dok.ids)
        grup = []  # (teks, kolom awal, kolom akhir), dipotong ke kolom yang dicetak
        for g in self.dok.kepala:
            ada = [i for i in semua[semua.index(g.awal):semua.index(g.akhir) + 1]
                   if i in self.pos]
            if ada:
                grup.append((g.teks, self.pos[ada[0]], self.pos[ada[-1]]))
        r1 = self.baris
        if not grup:
            t = [self.sel(r1, j, j, k.nama, **gaya) for j, k in enumerate(self.kolom, 1)]
            self.tinggi(r1, *t)
            self.baris += 1
            self.kepala_baris = (r1, r1)
            return self.kepala_baris
        r2 = r1 + 1
        dalam = set()
        t1, t2 = [tinggi_baris(1, UKURAN)], [tinggi_baris(1, UKURAN)]
        for teks_grup, a, b in grup:
            t1.append(self.sel(r1, a, b, teks_grup.format(**isi_teks).strip(), **gaya))
            for j in range(a, b + 1):
                dalam.add(j)
                t2.append(self.sel(r2, j, j, self.kolom[j - 1].nama, **gaya))
        for j, k in enumerate(self.kolom, 1):
            if j in dalam:
                continue
            self.sel(r1, j, j, k.nama, **gaya)
            self.ws.cell(r2, j).border = KOTAK
            self.ws.cell(r2, j).fill = ISI_KEPALA
            self.ws.merge_cells(start_row=r1, start_column=j, end_row=r2, end_column=j)
        self.tinggi(r1, *t1)
        self.tinggi(r2, *t2)
        self.baris += 2
        self.kepala_baris = (r1, r2)
        return self.kepala_baris

    def baris_data(self, nilai: dict[str, object], *, tebal=False, isi=None,
                   lewati: tuple[str, ...] = ()) -> int:
        """Satu baris tabel; nilai per id kolom (angka ditulis menurut format kolomnya).
        Kolom di ``lewati`` dibiarkan (akan digabung ke bawah). Kembalikan nomor barisnya."""
        r = self.baris
        tinggi = [tinggi_baris(1, UKURAN)]
        for j, k in enumerate(self.kolom, 1):
            if k.id in lewati:
                continue
            v = nilai.get(k.id)
            isi_sel = tampil_angka(v, k.format_angka) if v is not None else ""
            rata = ("tengah_atas" if k.id == "no" else
                    "kanan" if k.format_angka else "kiri")
            tinggi.append(self.sel(r, j, j, isi_sel, tebal=tebal, rata=rata, isi=isi))
        self.tinggi(r, *tinggi)
        self.baris += 1
        return r

    def baris_lebar(self, t: str, nilai: dict[str, object] | None = None, *, awal: str,
                    akhir: str, tebal=True, isi=ISI_KELOMPOK, rata="kiri") -> int:
        """Baris judul kelompok (perspektif, jumlah): ``t`` di kolom ``awal``..``akhir``
        digabung, ``nilai`` di kolom lainnya."""
        r = self.baris
        self.kelompok.append(r)
        a, b = self.pos[awal], self.pos[akhir]
        tinggi = [self.sel(r, a, b, t, tebal=tebal, rata=rata, isi=isi)]
        for j, k in enumerate(self.kolom, 1):
            if a <= j <= b:
                continue
            v = (nilai or {}).get(k.id)
            isi_sel = tampil_angka(v, k.format_angka) if v is not None else ""
            tinggi.append(self.sel(r, j, j, isi_sel, tebal=tebal, isi=isi,
                                   rata="kanan" if k.format_angka else "kiri"))
        self.tinggi(r, *tinggi)
        self.baris += 1
        return r

    def tabel_bentang(self, bentang: tuple[Bentang, ...], baris: list[dict],
                      tebal_akhir: bool = False) -> tuple[int, int]:
        """Tabel kedua di kisi yang sama: header lalu baris (nilai per id bentang)."""
        r0 = self.baris
        t = []
        for b in bentang:
            t.append(self.sel(r0, self.pos[b.awal], self.pos[b.ujung], b.nama, tebal=True,
                              rata="tengah", isi=ISI_KEPALA))
        self.tinggi(r0, *t)
        self.baris += 1
        if self.kepala_baris is None:  # tabel utama sheet ini: header-nya diulang
            self.kepala_baris = (r0, r0)
        for i, nilai in enumerate(baris):
            r = self.baris
            tebal = tebal_akhir and i == len(baris) - 1
            t = []
            for b in bentang:
                v = nilai.get(b.id)
                isi_sel = tampil_angka(v, b.format_angka) if v is not None else ""
                rata = "tengah_atas" if b.id == "no" else ("kanan" if b.format_angka else "kiri")
                t.append(self.sel(r, self.pos[b.awal], self.pos[b.ujung], isi_sel, tebal=tebal,
                                  rata=rata))
            self.tinggi(r, *t)
            self.baris += 1
        return r0, r0

    def catatan(self, baris: list[str]) -> None:
        for t in baris:
            self.paragraf(t, rata="kiri", ukuran=UKURAN - 1)

    def tanda_tangan(self, baris: list[tuple[str | None, bool]], awal: int | None = None,
                     akhir: int | None = None) -> None:
        """Blok tanda tangan di kolom ``awal``..``akhir`` (bawaan: separuh kanan)."""
        if not baris:
            return
        akhir = akhir or self.n
        awal = awal or max(1, self._separuh())
        self.baris += 1
        for t, tebal in baris:
            if t is None:
                self.ws.row_dimensions[self.baris].height = TINGGI_TTD
            else:
                h = self.sel(self.baris, awal, akhir, t, tebal=tebal, rata="tengah",
                             garis=False, ukuran=UKURAN + 1)
                self.tinggi(self.baris, h, 15)
            self.baris += 1

    def tanda_tangan_dua(self, kiri: list[tuple[str | None, bool]],
                         kanan: list[tuple[str | None, bool]], batas: int) -> None:
        """Dua blok berdampingan (kolom 1..batas-1 dan batas..akhir), rata bawah: baris
        nama keduanya sejajar."""
        n = max(len(kiri), len(kanan))
        kiri = [("", False)] * (n - len(kiri)) + kiri
        kanan = [("", False)] * (n - len(kanan)) + kanan
        self.baris += 1
        for (tk, bk), (tn, bn) in zip(kiri, kanan):
            r = self.baris
            if tk is None or tn is None:
                self.ws.row_dimensions[r].height = TINGGI_TTD
            tinggi = [15.0]
            if tk:
                tinggi.append(self.sel(r, 1, batas - 1, tk, tebal=bk, rata="tengah",
                                       garis=False, ukuran=UKURAN + 1))
            if tn:
                tinggi.append(self.sel(r, batas, self.n, tn, tebal=bn, rata="tengah",
                                       garis=False, ukuran=UKURAN + 1))
            if tk is not None and tn is not None:
                self.tinggi(r, *tinggi)
            self.baris += 1

    # -- halaman ------------------------------------------------------------------------------
    #: Lebar kolom di LibreOffice (yang membuat PDF) kira-kira 1,32 × lebar Excel yang sama
    #: (diukur dari PDF cetakan): skala muat-lebar dan jumlah baris per halaman mengikutinya.
    #: Di Excel batas halaman bisa jatuh sedikit berbeda.
    _FAKTOR_LEBAR = 1.32

    def _tinggi_halaman(self) -> float:
        """Tinggi isi satu halaman cetak (pt, dalam ukuran sheet sebelum diperkecil agar muat
        selebar halaman): A4 dikurangi margin dan kaki, dibagi skala muat-lebar."""
        lebar = sum(int(k.lebar * 7 + 5) for k in self.kolom) * 0.75 * self._FAKTOR_LEBAR
        lebar_cetak, tinggi_cetak = (784, 500) if self.dok.lanskap else (538, 750)
        return tinggi_cetak / min(1.0, lebar_cetak / lebar)

    def _tinggi(self, r: int) -> float:
        return self.ws.row_dimensions[r].height or 15.0

    def jaga_penutup(self, awal: int) -> None:
        """Tandai blok penutup (catatan kaki, tanda tangan) mulai baris ``awal``: dijaga utuh
        bersama kelompok terakhir oleh :meth:`_atur_halaman`."""
        self._penutup = awal

    def _atur_halaman(self) -> None:
        """Batas halaman di antara kelompok (sasaran, perspektif), bukan di tengahnya, dan
        blok penutup tidak terpotong (bersama kelompok terakhirnya bila muat)."""
        tinggi = self._tinggi_halaman()
        kepala = sum(self._tinggi(r) for r in range(self.kepala_baris[0],
                                                     self.kepala_baris[1] + 1)) \
            if self.kepala_baris else 0.0
        penutup = getattr(self, "_penutup", None)
        awal = sorted({g for g in self.kelompok if g < (penutup or self.baris)})
        if not awal:
            return
        batas = [*awal, *([penutup] if penutup else []), self.baris]
        unit = [(batas[i], batas[i + 1]) for i in range(len(batas) - 1)]
        if penutup and len(unit) >= 2:  # kelompok terakhir ikut penutupnya bila muat
            (a, _), (_, b) = unit[-2], unit[-1]
            gabung = sum(self._tinggi(r) for r in range(a, b))
            if kepala + gabung <= tinggi:
                unit[-2:] = [(a, b)]
        pos = sum(self._tinggi(r) for r in range(1, awal[0]))
        while pos > tinggi:
            pos -= tinggi - kepala
        for a, b in unit:
            h = sum(self._tinggi(r) for r in range(a, b))
            if pos + h > tinggi and pos > kepala and kepala + h <= tinggi:
                self.ws.row_breaks.append(Break(id=a - 1))
                pos = kepala + h
                continue
            for r in range(a, b):  # kelompok lebih tinggi dari satu halaman: mengalir
                t = self._tinggi(r)
                if pos + t > tinggi:
                    pos = kepala
                pos += t

    def putus_halaman(self) -> None:
        """Halaman baru mulai di baris berikutnya."""
        self.ws.row_breaks.append(Break(id=self.baris - 1))

    def _separuh(self) -> int:
        total = sum(k.lebar for k in self.kolom)
        jalan = 0.0
        for j, k in enumerate(self.kolom, 1):
            jalan += k.lebar
            if jalan >= total * 0.55:
                return j + 1 if j < self.n else j
        return self.n

    def selesai(self, ulang: tuple[int, int] | None = None) -> Workbook:
        """Pengaturan cetak: A4, orientasi dokumen, selebar halaman, header tabel berulang."""
        ulang = ulang or self.kepala_baris
        if ulang:
            self._atur_halaman()
        atur_cetak(self.ws, f"{ulang[0]}:{ulang[1]}" if ulang else None,
                   landscape=self.dok.lanskap)
        if ulang:
            self.ws.freeze_panes = self.ws.cell(ulang[1] + 1, 1)
        self.ws.print_area = f"A1:{huruf(self.n)}{max(self.baris - 1, 1)}"
        return self.wb
