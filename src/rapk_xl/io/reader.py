"""Membaca workbook RAPK format versi 1 menjadi DataFrame, dengan alamat sel setiap nilai.

Nilai dibaca dengan python-calamine (cepat); pemeriksaan paket, galat Excel dan rumus dari
XML (:mod:`rapk_xl.io.xlsx_parts`). Rumus tidak pernah dievaluasi dan makro tidak pernah
dijalankan: yang dibaca adalah nilai yang tersimpan.

Pembaca ini tahan terhadap apa yang biasa dilakukan orang pada workbook: baris disisipkan
di tengah, tabel diperpanjang (juga tanpa memperbarui definisi tabel), kolom dilebarkan atau
dipindah, angka diketik sebagai teks, nilai ditempel dari workbook lain. Masalah struktur
(sheet/tabel/header hilang, header diganti atau dipindah) dicatat di :attr:`Bacaan.masalah`
untuk validator, bukan dilempar sebagai galat.
"""
from __future__ import annotations

import datetime as _dt
import difflib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import python_calamine as pc

from ..format import DataRAPK
from ..format.data import bingkai_kosong
from ..temuan import Temuan, temuan
from .aturan import TAK_TERBACA
from ..calc.parse import kunci_teks, rapikan_teks
from ..format.spec import INFO, TABEL, TABEL_DATA, Kolom, Tabel, info_dari_teks
from .capaian_sheet import sel_rumus_template
from .xlsx_parts import (GagalBaca, InfoBerkas, PaketXlsx, ada_dtd, angka_ke_kolom, buka_berkas,
                         kolom_ke_angka, pesan_dtd, pisah_alamat)

__all__ = ["Bacaan", "TabelTerbaca", "Temuan", "baca_workbook", "baca_aman", "baca_sumber",
           "Sumber",
           "SumberBerkas", "DefTabel", "GagalBaca", "ke_data",
           "MAKS_BARIS_TABEL", "MAKS_SEL_SHEET"]

#: Batas baris yang dibaca per tabel (RAPK wajar: ratusan baris).
MAKS_BARIS_TABEL = 20_000
#: Batas sel (baris × kolom) area terpakai satu sheet isian.
MAKS_SEL_SHEET = 2_000_000
#: Baris awal yang dicari header-nya bila definisi tabel hilang.
_CARI_HEADER = 40


@dataclass
class TabelTerbaca:
    spec: Tabel
    sheet: str | None = None
    df: pd.DataFrame = field(default_factory=pd.DataFrame)
    baris: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=int))
    huruf: dict[str, str] = field(default_factory=dict)
    baris_header: int | None = None
    ditemukan: bool = False  # definisi tabel Excel ditemukan

    def sel(self, i: int, kolom: str) -> str | None:
        """Alamat sel (``F12``) baris data ke-i kolom ``kolom``; None bila kolom tak ada."""
        h = self.huruf.get(kolom)
        return f"{h}{int(self.baris[i])}" if h is not None else None

    @property
    def kosong(self) -> bool:
        return self.df.empty


@dataclass
class Bacaan:
    path: Path | None
    berkas: InfoBerkas | None
    sheet: list[str]
    info: dict[str, object]
    info_sel: dict[str, str]  # kunci → alamat sel Nilai (mis. "B6")
    tabel: dict[str, TabelTerbaca]
    masalah: list[Temuan]
    galat: dict[str, dict[str, str]]  # sheet → {alamat: "#DIV/0!"}
    #: Bila diminta (``periksa_rumus``): sheet → {alamat: nilai tampil} untuk sel yang diberi
    #: rumus oleh template tetapi kini tanpa rumus; ``None`` bila sumber tak memberi rumus.
    rumus_hilang: dict[str, dict[str, object] | None] = field(default_factory=dict)

    def __getitem__(self, kunci: str) -> TabelTerbaca:
        return self.tabel[kunci]

    @property
    def tak_terbaca(self) -> set[str]:
        """Kunci tabel ("pk", "anggaran", ...) yang isinya tidak dapat dibaca dari berkas ini."""
        return _tak_terbaca(self.masalah, self.tabel)


_norm = kunci_teks


def _nilai(v: object) -> object:
    return None if v == "" else v


@dataclass(frozen=True)
class _HeaderSpec:
    """Header spec satu tabel yang sudah dinormalkan dengan :func:`_norm`."""

    kontrak: tuple[tuple[Kolom, frozenset[str]], ...]  # (kolom kontrak, bentuk normal teksnya)
    harap: frozenset[str]  # bentuk normal semua teks header kontrak (dan aliasnya)
    per_norm: dict[str, str]  # bentuk normal teks (dan alias) → id bidang (termasuk kolom rumus)


@lru_cache(maxsize=64)
def _header_spec(t: Tabel) -> _HeaderSpec:
    """Header ``t`` yang dinormalkan, dihitung sekali per tabel (bukan per workbook)."""
    kontrak = tuple((k, frozenset(_norm(x) for x in (k.nama, *k.alias)))
                    for k in t.kolom if not k.rumus)
    return _HeaderSpec(kontrak, frozenset().union(*(n for _, n in kontrak)), dict(t.per_teks))


@dataclass(frozen=True)
class DefTabel:
    """Definisi tabel Excel: sheet, baris header dan baris data terakhir (0-based)."""

    nama: str
    sheet: str
    baris_header: int
    kolom_awal: int
    baris_akhir: int
    kolom_akhir: int


class Sumber:
    """Asal isi workbook untuk pembaca: berkas (:class:`SumberBerkas`) atau workbook yang
    sedang terbuka di Excel (``rapk_xl.ribbon.SumberXlwings``).

    ``nilai(sheet)``: kisi nilai mulai A1 (sel kosong ``""`` atau ``None``);
    ``galat(sheet)``: alamat → galat Excel (``#DIV/0!``) untuk sel bergalat."""

    path: Path | None = None
    berkas: InfoBerkas | None = None

    def nama_sheet(self) -> list[str]:
        raise NotImplementedError

    def tabel(self) -> dict[str, DefTabel]:
        raise NotImplementedError

    def nilai(self, sheet: str) -> list[list]:
        raise NotImplementedError

    def galat(self, sheet: str) -> dict[str, str]:
        return {}

    def sel_berumus(self, sheet: str) -> set[str] | None:
        """Alamat sel berumus; ``None`` bila sumber tidak dapat memberikannya."""
        return None

    def nilai_sel(self, sheet: str, alamat: set[str]) -> dict[str, object]:
        """Nilai beberapa sel (alamat → nilai; sel kosong ``None``)."""
        kisi = self.nilai(sheet)
        return {a: _nilai_kisi(kisi, a) for a in alamat}

    def masalah(self) -> list[Temuan]:
        return []

    def close(self) -> None:
        pass


class SumberBerkas(Sumber):
    """Berkas .xlsx/.xlsm: nilai lewat python-calamine, galat dan luas area dari XML."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.berkas, self.paket = buka_berkas(self.path)
        self._masalah: list[Temuan] = []
        self._galat: dict[str, dict[str, str]] = {}
        self._nilai: dict[str, list[list]] = {}
        self._xml: dict[str, bytes] = {}  # XML sheet: dibuka dari zip sekali per sheet
        self._berumus: dict[str, set[str]] = {}
        try:
            self.peta = self.paket.peta_sheet()
            self._sheet_lain()
            if self.paket.perlu_salinan():
                # python-calamine menolak paket ini apa adanya (lembar makro Excel 4.0, bagian
                # di nama lain): baca salinannya di memori; jalur biasa tidak menyalin apa pun
                self.wb = pc.CalamineWorkbook.from_filelike(self.paket.salinan_baku())
            else:
                self.wb = pc.CalamineWorkbook.from_path(str(self.path))
            self._nama = list(self.wb.sheet_names)
        except GagalBaca:
            self.paket.close()
            raise
        except Exception as e:  # noqa: BLE001 — isi berkas apa pun
            gagal = self._jelaskan(e)
            self.paket.close()
            raise gagal from None

    def _jelaskan(self, e: Exception) -> GagalBaca:
        """Temuan untuk berkas yang ditolak python-calamine."""
        try:
            dtd = self.paket.cari_dtd()
        except Exception:  # noqa: BLE001
            dtd = None
        if dtd:
            return GagalBaca("xml-tidak-aman", pesan_dtd(dtd))
        try:
            rusak = self.paket.cari_xml_rusak()
        except Exception:  # noqa: BLE001
            rusak = None
        if rusak:
            return GagalBaca("rusak", f"Workbook rusak: bagian '{rusak}' di dalam berkas bukan XML "
                                      "yang utuh. Buka di Excel, terima tawaran perbaikannya bila "
                                      "ada, lalu simpan ulang sebagai .xlsx; atau salin isiannya "
                                      "ke template rapk-xl yang baru.")
        rinci = " ".join(str(e).split())[:160]
        return GagalBaca("rusak", "Workbook rusak: isinya tidak dapat dibaca (rincian teknis: "
                                  f"{type(e).__name__}: {rinci}). Buka di Excel, terima tawaran "
                                  "perbaikannya bila ada, lalu simpan ulang sebagai .xlsx.")

    def _sheet_lain(self) -> None:
        """Temuan untuk sheet yang bukan lembar kerja biasa: lembar makro Excel 4.0 (peringatan
        ``makro``, tidak pernah dijalankan) dan sheet yang isinya tidak ada di paket."""
        tampak = {"hidden": " Sheet itu tersembunyi: tampilkan dulu (klik kanan tab sheet mana "
                            "pun > Tampilkan/Unhide).",
                  "veryHidden": " Sheet itu disembunyikan sangat dalam (veryHidden) sehingga "
                                "tidak tampil di daftar Unhide: salin isian ke template rapk-xl "
                                "yang baru bila tidak dapat dihapus."}
        for nama, (jenis, state) in self.paket.jenis_sheet().items():
            if jenis in ("xlMacrosheet", "xlIntlMacrosheet", "dialogsheet"):
                apa = ("lembar dialog Excel 5.0" if jenis == "dialogsheet"
                       else "lembar makro Excel 4.0 (XLM)")
                self.berkas.lembar_makro.append(nama)
                self._masalah.append(temuan(
                    "makro", nama, None,
                    apa=f"Sheet '{nama}' adalah {apa}, makro lama yang dapat berjalan saat "
                        "workbook dibuka",
                    saran=f"sheet isian tetap diperiksa. Hapus sheet itu: klik kanan tab sheet "
                          f"'{nama}' > Hapus (Delete), lalu simpan sebagai Excel Workbook "
                          f"(.xlsx).{tampak.get(state, '')}"))
            elif jenis is None:
                self._masalah.append(temuan(
                    "sheet-rusak", nama, None, sheet=f"'{nama}'",
                    rinci="tercantum di workbook tetapi isinya tidak ada di berkas; sheet itu "
                          "dilewati"))

    def nama_sheet(self) -> list[str]:
        return self._nama

    def tabel(self) -> dict[str, DefTabel]:
        hasil = {}
        for nama, sheet, ref, header, total in self.paket.tabel():
            try:
                (k0, r0), (k1, r1) = (pisah_alamat(a) for a in ref.split(":"))
            except ValueError:
                continue  # definisi tabel rusak: tabelnya dicari dari header di sheet
            if sheet not in self._nama:
                continue
            baris_header = r0 - 1 if header else r0 - 2
            hasil[nama] = DefTabel(nama, sheet, baris_header, kolom_ke_angka(k0) - 1,
                                   r1 - 1 - total, kolom_ke_angka(k1) - 1)
        return hasil

    def _isi(self, sheet: str) -> bytes:
        """XML sheet (``b""`` bila tak ada bagiannya); dipakai :meth:`_muat` dan
        :meth:`sel_berumus`, jadi dibuka sekali saja."""
        xml = self._xml.get(sheet)
        if xml is None:
            xml = self._xml[sheet] = self.paket.isi_sheet(sheet) if sheet in self.peta else b""
        return xml

    def _muat(self, sheet: str) -> None:
        xml = self._isi(sheet)
        baris, kolom = PaketXlsx.luas(xml)
        self._galat[sheet] = PaketXlsx.sel_galat(xml)
        if baris * max(kolom, 1) > MAKS_SEL_SHEET:
            # python-calamine membangun kisi padat dari sel pertama sampai terakhir: sel di
            # XFD1048576 berarti miliaran sel. Sheet seperti itu tidak dibaca sama sekali.
            self._masalah.append(temuan("sheet-terlalu-besar", sheet, None, sheet=sheet,
                                        baris=baris, kolom=kolom))
            self._nilai[sheet] = []
            return
        try:
            self._nilai[sheet] = self.wb.get_sheet_by_name(sheet).to_python(
                skip_empty_area=False)
        except Exception as e:  # noqa: BLE001
            if ada_dtd(xml):
                raise GagalBaca("xml-tidak-aman", pesan_dtd(self.peta.get(sheet, sheet))) from None
            rinci = " ".join(str(e).split())[:120]
            self._masalah.append(temuan("sheet-rusak", sheet, None, sheet=sheet, rinci=rinci))
            self._nilai[sheet] = []

    def nilai(self, sheet: str) -> list[list]:
        if sheet not in self._nilai:
            self._muat(sheet)
        return self._nilai[sheet]

    def galat(self, sheet: str) -> dict[str, str]:
        if sheet not in self._galat:
            self._muat(sheet)
        return self._galat[sheet]

    def sel_berumus(self, sheet: str) -> set[str] | None:
        # dipakai pemeriksaan rumus dan pembaca tabel (baris sesudah celah): dipindai sekali
        if sheet not in self._berumus:
            self._berumus[sheet] = PaketXlsx.sel_berumus(self._isi(sheet))
        return self._berumus[sheet]

    def nilai_sel(self, sheet: str, alamat: set[str]) -> dict[str, object]:
        # Sheet dibaca utuh hanya bila salah satu sel itu memang berisi: sheet Capaian dari
        # template lama (satu blok di tempat lain) tidak perlu dimuat seluruhnya.
        if sheet not in self._nilai and not PaketXlsx.sel_berisi(self._isi(sheet), alamat):
            return dict.fromkeys(alamat)
        return super().nilai_sel(sheet, alamat)

    def masalah(self) -> list[Temuan]:
        return self._masalah

    def close(self) -> None:
        self._xml.clear()
        self._berumus.clear()
        self.paket.close()


class _Pembaca:
    def __init__(self, sumber: Sumber):
        self.sumber = sumber
        self.masalah: list[Temuan] = []
        self.nama_sheet = sumber.nama_sheet()
        self._tabel = sumber.tabel()

    def nilai_sheet(self, sheet: str) -> list[list]:
        return self.sumber.nilai(sheet)

    def cari_sheet(self, nama: str) -> str | None:
        if nama in self.nama_sheet:
            return nama
        for s in self.nama_sheet:
            if _norm(s) == _norm(nama):
                return s
        return None

    # -- tabel ---------------------------------------------------------------------------
    def _def_tabel(self, t: Tabel):
        if t.nama in self._tabel:
            return self._tabel[t.nama]
        for nama, d in self._tabel.items():
            if _norm(nama) == _norm(t.nama):
                return d
        # tabel berganti nama: cari tabel yang memuat header kontrak
        harap = _header_spec(t).harap
        for nama, d in self._tabel.items():
            nilai = self.nilai_sheet(d.sheet)
            header = nilai[d.baris_header] if d.baris_header < len(nilai) else []
            kolom = {_norm(c) for c in header[d.kolom_awal:d.kolom_akhir + 1]}
            if len(harap & kolom) >= max(2, len(harap) // 2):
                self.masalah.append(temuan("nama-tabel-berbeda", d.sheet, None, sheet=d.sheet,
                                           asli=nama, tabel=t.nama))
                return d
        return None

    def baca_tabel(self, t: Tabel) -> TabelTerbaca:
        hasil = TabelTerbaca(t, df=_bingkai([], [], list(t.ids)))
        d = self._def_tabel(t)
        if d is not None:
            sheet = d.sheet
            if sheet != t.sheet and self.cari_sheet(t.sheet) != sheet:
                self.masalah.append(temuan("tabel-di-sheet-lain", sheet, None, tabel=t.nama,
                                           sheet=sheet, harap=t.sheet))
            h, c0, r1, c1 = d.baris_header, d.kolom_awal, d.baris_akhir, d.kolom_akhir
            hasil.ditemukan = True
        else:
            sheet = self.cari_sheet(t.sheet)
            if sheet is None:
                self.masalah.append(temuan("sheet-hilang", t.sheet, None, sheet=t.sheet,
                                           tabel=t.nama))
                return hasil
            h, c0, c1 = self._cari_header(sheet, t)
            if h is None:
                self.masalah.append(temuan("tabel-hilang", sheet, None, tabel=t.nama,
                                           sheet=sheet))
                return hasil
            r1 = None
            self.masalah.append(temuan("tabel-jadi-range", sheet,
                                       f"{angka_ke_kolom(c0 + 1)}{h + 1}", sheet=sheet,
                                       tabel=t.nama, baris=h + 1))
        hasil.sheet = sheet
        hasil.baris_header = h + 1
        nilai = self.nilai_sheet(sheet)
        if h >= len(nilai):
            return hasil
        header = nilai[h]
        # header ke kanan tabel yang bersambung (kolom tambahan di luar definisi tabel)
        c1 = max(c1, c0)
        while c1 + 1 < len(header) and header[c1 + 1] not in ("", None):
            c1 += 1
        kolom = {}
        for j in range(c0, min(c1, len(header) - 1) + 1):
            teks = header[j]
            if teks in ("", None):
                continue
            nama = str(teks).strip()
            kolom.setdefault(nama, j)
        self._periksa_header(t, sheet, h, kolom)
        indeks = self._petakan(t, kolom)
        data_baris, data_nomor = self._baris_data(nilai, h, c0, c1, r1, sheet, t)
        urut = [*t.ids, *[n for n in indeks if n not in t.ids]]
        hasil.df = _bingkai(data_baris, [indeks.get(k) for k in urut], urut)
        hasil.baris = np.asarray(data_nomor, dtype=int)
        hasil.huruf = {nama: angka_ke_kolom(j + 1) for nama, j in indeks.items()}
        return hasil

    def _cari_header(self, sheet: str, t: Tabel):
        nilai = self.nilai_sheet(sheet)
        harap = _header_spec(t).harap
        terbaik = (0, None, 0, 0)
        for i, b in enumerate(nilai[:_CARI_HEADER]):
            sel = [(j, _norm(v)) for j, v in enumerate(b) if v not in ("", None)]
            cocok = [j for j, v in sel if v in harap]
            if len(cocok) > terbaik[0]:
                terbaik = (len(cocok), i, min(j for j, _ in sel), max(j for j, _ in sel))
        if terbaik[0] >= max(2, len(harap) // 2):
            return terbaik[1], terbaik[2], terbaik[3]
        return None, 0, 0

    def _petakan(self, t: Tabel, kolom: dict[str, int]) -> dict[str, int]:
        """id bidang (atau teks header asli untuk kolom tambahan) → indeks kolom sheet."""
        hasil: dict[str, int] = {}
        per_norm = _header_spec(t).per_norm
        for nama, j in kolom.items():
            id_ = per_norm.get(_norm(nama))
            if id_ is not None:
                hasil.setdefault(id_, j)
            else:
                kunci = nama if nama not in t.semua_id else f"{nama} (tambahan)"
                hasil.setdefault(kunci, j)
        return hasil

    def _periksa_header(self, t: Tabel, sheet: str, h: int, kolom: dict[str, int]) -> None:
        spec = _header_spec(t)
        norm = {_norm(n): (n, j) for n, j in kolom.items()}
        lain = [n for n in kolom if _norm(n) not in spec.per_norm]
        posisi = []
        for k, bentuk in spec.kontrak:
            ada = next((norm[b] for b in bentuk if b in norm), None)
            if ada is not None:
                asli, j = ada
                posisi.append(j)
                if asli != k.nama and asli not in k.alias and _norm(asli) == _norm(k.nama):
                    self.masalah.append(temuan("header-beda-tulisan", sheet,
                                               f"{angka_ke_kolom(j + 1)}{h + 1}", asli=asli,
                                               kolom=k.nama))
                continue
            mirip = difflib.get_close_matches(k.nama, lain, n=1, cutoff=0.6)
            if mirip:
                j = kolom[mirip[0]]
                self.masalah.append(temuan("header-diganti", sheet,
                                           f"{angka_ke_kolom(j + 1)}{h + 1}", asli=mirip[0],
                                           kolom=k.nama))
            else:
                self.masalah.append(temuan("header-hilang", sheet, f"{h + 1}:{h + 1}",
                                           kolom=k.nama, tabel=t.nama, baris=h + 1))
        if posisi != sorted(posisi):
            self.masalah.append(temuan("header-dipindah", sheet, f"{h + 1}:{h + 1}",
                                       tabel=t.nama, urutan=", ".join(t.header[:4])))

    def _baris_data(self, nilai, h, c0, c1, r1, sheet, t):
        """Baris data: setiap baris berisi di bawah header, di dalam definisi tabel maupun di
        bawahnya (tabel yang diperpanjang tanpa definisinya ikut memanjang: LibreOffice, WPS,
        menempel). Baris kosong dilewati; baris berisi sesudah baris kosong di bawah tabel
        tetap dibaca — tidak ada isian yang hilang diam-diam — dengan peringatan."""
        baris, nomor = [], []
        akhir_def = r1 if r1 is not None else h
        kosong_pertama = None  # baris kosong pertama di bawah definisi tabel
        celah = None  # baris kosong yang diikuti isian
        rumus = None  # sel berumus sheet ini, dimuat bila ada isi sesudah baris kosong
        for i in range(h + 1, len(nilai)):
            b = nilai[i]
            bagian = b[c0:c1 + 1]
            # baris kosong (ribuan baris template berformat/berumus) dikenali tanpa loop Python
            isi = bagian.count("") + bagian.count(None) < len(bagian)
            if isi and kosong_pertama is not None:
                # sesudah baris kosong: baris yang seluruh isinya rumus bukan isian (mis. blok
                # tanda tangan template lama di bawah tabel)
                if rumus is None:
                    rumus = self.sumber.sel_berumus(sheet) or set()
                isi = any(f"{angka_ke_kolom(c0 + j + 1)}{i + 1}" not in rumus
                          for j, v in enumerate(bagian) if v not in ("", None))
            if not isi:
                if i > akhir_def and kosong_pertama is None:
                    kosong_pertama = i
                continue
            if kosong_pertama is not None and celah is None:
                celah = kosong_pertama
            baris.append(b)
            nomor.append(i + 1)
            if len(baris) > MAKS_BARIS_TABEL:
                self.masalah.append(temuan("tabel-terlalu-besar", sheet, None, tabel=t.nama,
                                           batas=MAKS_BARIS_TABEL))
                baris, nomor = baris[:MAKS_BARIS_TABEL], nomor[:MAKS_BARIS_TABEL]
                break
        if celah is not None:
            self.masalah.append(temuan("tabel-terputus", sheet, f"{celah + 1}:{celah + 1}",
                                       tabel=t.nama, sheet=sheet, baris=celah + 1))
        return baris, nomor

    def baca_info(self, t: TabelTerbaca) -> tuple[dict, dict]:
        """Info: id kunci spec (atau teks kunci apa adanya untuk kunci lain) → nilai, dan
        → alamat sel Nilai-nya."""
        info, sel = {}, {}
        if t.kosong or "kunci" not in t.df.columns:
            return info, sel
        for i, (k, v) in enumerate(zip(t.df["kunci"], t.df["nilai"])):
            if k is None:
                continue
            teks = rapikan_teks(k)
            kunci = info_dari_teks(teks) or teks
            if kunci in info:
                self.masalah.append(temuan("info-ganda", t.sheet, t.sel(i, "kunci"),
                                           kunci=teks))
                continue
            if isinstance(v, _dt.datetime) and v.time() == _dt.time(0):
                v = v.date()
            info[kunci] = v
            sel[kunci] = t.sel(i, "nilai")
        return info, sel


@lru_cache(maxsize=64)
def _kosong(nama: tuple[str, ...]) -> pd.DataFrame:
    return bingkai_kosong(nama)


def _bingkai(baris: list[list], posisi: list[int | None], nama: list[str]) -> pd.DataFrame:
    """DataFrame objek dari baris kisi: kolom ke-i diambil dari posisi[i] (None: kolom kosong).
    Sel kosong ("" dari calamine) menjadi None. Satu larik numpy, bukan satu Series per kolom."""
    if not baris:
        return _kosong(tuple(nama)).copy()
    lebar = max(len(b) for b in baris)
    if any(len(b) != lebar for b in baris):
        baris = [list(b) + [None] * (lebar - len(b)) for b in baris]
    kisi = np.empty((len(baris), lebar + 1), dtype=object)  # kolom terakhir: semua None
    kisi[:, :lebar] = baris
    kisi[kisi == ""] = None
    ambil = [lebar if p is None or p >= lebar else p for p in posisi]
    return pd.DataFrame(kisi[:, ambil], columns=nama, dtype=object)


def baca_sumber(sumber: Sumber, periksa_rumus: bool = False) -> Bacaan:
    """Baca workbook format versi 1 dari sebuah :class:`Sumber`. Dengan ``periksa_rumus``,
    sel berumus template yang kehilangan rumusnya ikut dicatat (lihat ``rumus_hilang``)."""
    p = _Pembaca(sumber)
    tabel = {t.kunci: p.baca_tabel(t) for t in TABEL}
    info, info_sel = p.baca_info(tabel[INFO.kunci])
    galat = {}
    for t in TABEL:  # galat Excel di semua sheet isian
        sheet = tabel[t.kunci].sheet
        if sheet:
            galat[sheet] = sumber.galat(sheet)
    b = Bacaan(sumber.path, sumber.berkas, p.nama_sheet, info, info_sel, tabel,
               _masalah(sumber, p, tabel), galat)
    if periksa_rumus:
        for sheet, harap in sel_rumus_template(tabel).items():
            if sheet not in p.nama_sheet:
                continue
            ada = sumber.sel_berumus(sheet)
            if ada is None:
                b.rumus_hilang[sheet] = None
                continue
            hilang = harap - ada
            b.rumus_hilang[sheet] = sumber.nilai_sel(sheet, hilang) if hilang else {}
    return b


def _tak_terbaca(masalah: list[Temuan], tabel: dict[str, TabelTerbaca]) -> set[str]:
    rusak = {kunci_teks(m.sheet) for m in masalah if m.rule in TAK_TERBACA}
    return {k for k, t in tabel.items()
            if t.sheet is None or kunci_teks(t.sheet) in rusak or kunci_teks(t.spec.sheet) in rusak}


def _masalah(sumber: Sumber, p: _Pembaca, tabel: dict[str, TabelTerbaca]) -> list[Temuan]:
    """Temuan struktur: dari sumber dan pembaca; satu temuan saja bila tak satu pun tabel format
    RAPK terbaca (workbook lain sama sekali); makro dan tautan eksternal dari paketnya."""
    hasil = [*sumber.masalah(), *p.masalah]
    if _tak_terbaca(hasil, tabel) >= set(tabel):  # lembar makro tetap dilaporkan
        hasil = [temuan("bukan-workbook-rapk", None, None,
                        sheet=", ".join(t.sheet for t in TABEL)),
                 *(m for m in hasil if m.rule == "makro")]
    if sumber.berkas is not None:
        if sumber.berkas.makro:
            hasil.append(temuan("makro", None, None, apa="Workbook berisi makro VBA",
                                saran="simpan sebagai .xlsx tanpa makro."))
        if sumber.berkas.tautan_eksternal:
            hasil.append(temuan("tautan-eksternal", None, None))
    return hasil


def _nilai_kisi(kisi: list[list], alamat: str) -> object:
    kolom, baris = pisah_alamat(alamat)
    r, k = baris - 1, kolom_ke_angka(kolom) - 1
    if r < len(kisi) and k < len(kisi[r]):
        return _nilai(kisi[r][k])
    return None


def baca_workbook(path: str | Path, periksa_rumus: bool = False) -> Bacaan:
    """Baca workbook format versi 1. Lempar :class:`GagalBaca` bila berkas tidak dapat dibaca
    sama sekali; masalah struktur lain dicatat di ``Bacaan.masalah``."""
    sumber = SumberBerkas(path)
    try:
        return baca_sumber(sumber, periksa_rumus)
    finally:
        sumber.close()


def baca_aman(path: str | Path, periksa_rumus: bool = False) -> Bacaan:
    """:func:`baca_workbook` untuk berkas dari pengguna: kegagalan apa pun — juga galat yang
    tak terduga dari isi berkas — menjadi :class:`GagalBaca` dengan pesan untuk pengguna,
    tidak pernah traceback."""
    try:
        return baca_workbook(path, periksa_rumus)
    except GagalBaca:
        raise
    except MemoryError:
        raise GagalBaca("terlalu-besar", "Berkas terlalu besar untuk dibaca.") from None
    except OSError as e:
        raise GagalBaca("tidak-dapat-dibuka",
                        f"Berkas tidak dapat dibuka: {e.strerror or e}.") from None
    except Exception as e:  # noqa: BLE001 — isi berkas apa pun: tanpa traceback
        raise GagalBaca("rusak", "Workbook tidak dapat dibaca (isi tidak sah: "
                                 f"{type(e).__name__}). Simpan ulang dari Excel.") from None


def ke_data(bacaan: Bacaan) -> DataRAPK:
    """Nilai yang terbaca (apa adanya, tanpa alamat) sebagai :class:`DataRAPK`."""
    return DataRAPK(dict(bacaan.info), {t.kunci: bacaan.tabel[t.kunci].df for t in TABEL_DATA})
