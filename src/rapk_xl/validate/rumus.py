"""Aturan rumus: rumus template yang ditimpa nilai ketikan (sheet Capaian dan kolom rumus tabel
isian, mis. RAPK "Jumlah Kontribusi"), dan sheet Capaian yang hilang.

Laporan menyebut apa yang tampil di sel dan apa yang seharusnya, dihitung ulang dengan mesin
hitung dari nilai isian (bukan dari angka yang dihitung workbook itu sendiri), dengan definisi
yang sama dengan rumus template (:mod:`rapk_xl.calc.turunan`).
"""
from __future__ import annotations

import math
import re

import pandas as pd

from ..calc.parse import format_angka
from ..calc.rules import bobot_indikator, hitung_capaian, kriteria
from ..calc.turunan import capaian_input, jumlah_angka, nilai_bulan
from ..format.capaian import BARIS_DATA, INDIKATOR, PERSPEKTIF_BLOK, SASARAN
from ..format.spec import ID_REALISASI, ID_TARGET, RAPK, SHEET_CAPAIAN
from ..io.capaian_sheet import kolom_blok, sel_per_blok
from ..io.reader import Bacaan
from ..io.xlsx_parts import kolom_ke_angka
from ..temuan import ERROR, WARNING, aturan, temuan
from .identitas import bilangan_info

__all__: list[str] = []

_ALAMAT = re.compile(r"^([A-Z]{1,3})(\d+)$")


def _tampil(v: object) -> str:
    if v is None or v == "":
        return "kosong"
    if isinstance(v, float):
        return format_angka(v, None)
    return f"'{v}'"


def _kosong(v) -> bool:
    return v is None or v == "" or (isinstance(v, float) and math.isnan(v))


class _Harapan:
    """Nilai yang seharusnya ditampilkan sel Capaian, dari nilai isian workbook."""

    def __init__(self, b: Bacaan):
        self.per = bilangan_info(b.info.get("periode"))
        self.pk = b.tabel["pk"].df
        self.rapk = b.tabel["rapk"].df.drop_duplicates("kode_indikator").set_index(
            "kode_indikator")
        self.real = b.tabel["realisasi"].df.drop_duplicates("kode_indikator").set_index(
            "kode_indikator")
        ang = b.tabel["anggaran"].df
        self.kontr = ang.groupby("kode_indikator")["kontribusi"].apply(jumlah_angka)
        self.ra = ang.groupby("kode_indikator")["realisasi_anggaran"].apply(jumlah_angka)

    def _bulan(self, df: pd.DataFrame, kode, ids) -> object:
        return nilai_bulan(df.loc[kode, list(ids)].tolist(), self.per) if kode in df.index \
            else None

    def nilai(self, kolom: str, k: int) -> object:
        if k >= len(self.pk):
            return ""
        p = self.pk.iloc[k]
        kode = p["kode_indikator"]
        langsung = {"kode_indikator": "kode_indikator", "no_sasaran": "no_sasaran",
                    "perspektif": "perspektif", "indikator": "indikator", "satuan": "satuan",
                    "jenis_target": "jenis_target", "polaritas": "polaritas",
                    "target_tahunan": "target"}
        if kolom in langsung:
            return p[langsung[kolom]]
        if kolom == "bobot":
            return float(bobot_indikator([p["bobot"]], [p["iku"]])[0])
        target_bulan = self._bulan(self.rapk, kode, ID_TARGET)
        realisasi = self._bulan(self.real, kode, ID_REALISASI)
        kontr, ra = self.kontr.get(kode, 0.0), self.ra.get(kode, 0.0)
        if kolom == "target_bulan":
            return target_bulan
        if kolom == "realisasi":
            return realisasi
        if kolom == "kontribusi":
            return kontr
        if kolom == "realisasi_anggaran":
            return ra
        if kolom == "capaian_input":
            return capaian_input(ra, kontr)
        if kolom.startswith(("capaian", "kriteria")):
            target = target_bulan if kolom.endswith("periode") else p["target"]
            h = hitung_capaian(realisasi, target, p["polaritas"], p["jenis_target"], self.per)
            if kolom.startswith("kriteria"):
                return kriteria(h.nilai) if h.nilai is not None else h.alasan.tampil
            return h.nilai if h.nilai is not None else h.alasan.tampil
        return None


_SARAN = "Jangan mengetik di sheet Capaian: salin rumus dari sel di atasnya atau pakai template baru."


def _blok_lama(hilang: dict[str, object]) -> list:
    """Blok sheet Capaian yang seluruh sel rumusnya tidak ada dan kosong: sheet dari template
    rapk-xl lama (bloknya di tempat lain), bukan rumus yang dihapus orang."""
    return [blk for blk in (INDIKATOR, SASARAN, PERSPEKTIF_BLOK)
            if (sel := sel_per_blok()[blk.id]) and sel <= hilang.keys()
            and all(_kosong(hilang[a]) for a in sel)]


@aturan("sheet-capaian-lama", WARNING, "rumus",
        "Sheet Capaian dari template rapk-xl lama (satu blok di tempat lain).",
        "Sheet Capaian dibuat dengan template rapk-xl lama: blok {blok} tidak ada di tempat "
        "template sekarang (mulai {sel}). Isian tetap diperiksa dan semua angka dihitung ulang; "
        "agar sheet Capaian lengkap, salin isian ke template terbaru (rapk-xl template).",
        lingkup="workbook")
def sheet_capaian_lama(b: Bacaan):
    hilang = b.rumus_hilang.get(SHEET_CAPAIAN) or {}
    return [temuan("sheet-capaian-lama", SHEET_CAPAIAN, None, blok=blk.judul,
                   sel=f"{kolom_blok(blk)[blk.kolom[0].id]}{blk.baris_header}")
            for blk in _blok_lama(hilang)]


@aturan("rumus-ditimpa", ERROR, "rumus", "Sel berumus template ditimpa dengan nilai ketikan.",
        "{apa} {isi}; seharusnya {seharusnya}. {saran}", lingkup="workbook")
def rumus_ditimpa(b: Bacaan):
    hasil = []
    hilang = dict(b.rumus_hilang.get(SHEET_CAPAIAN) or {})
    for blk in _blok_lama(hilang):  # dilaporkan sekali oleh sheet-capaian-lama
        for a in sel_per_blok()[blk.id]:
            hilang.pop(a, None)
    if hilang:
        kolom_ind = {h: id_ for id_, h in kolom_blok(INDIKATOR).items()}
        harapan = None
        for alamat in sorted(hilang, key=_urut):
            v = hilang[alamat]
            h, r = _ALAMAT.match(alamat).groups()
            seharusnya = "rumus template"
            if h in kolom_ind and int(r) >= BARIS_DATA:
                harapan = harapan or _Harapan(b)
                nilai = harapan.nilai(kolom_ind[h], int(r) - BARIS_DATA)
                seharusnya = f"rumus, yang menghasilkan {_tampil(nilai)}"
            isi = "dihapus" if _kosong(v) else f"ditimpa nilai ketikan {_tampil(v)}"
            hasil.append(temuan("rumus-ditimpa", SHEET_CAPAIAN, alamat,
                                apa="Sel berumus template", isi=isi, seharusnya=seharusnya,
                                saran=_SARAN))
    # kolom rumus di tabel isian (baris baru tanpa rumus dan kosong tidak dipersoalkan)
    rapk = b.tabel["rapk"]
    hilang = b.rumus_hilang.get(rapk.sheet or RAPK.sheet) or {}
    if hilang and not rapk.kosong:
        h = rapk.huruf.get("jumlah_kontribusi")
        ang = b.tabel["anggaran"].df
        for i, kode in enumerate(rapk.df["kode_indikator"]):
            alamat = f"{h}{int(rapk.baris[i])}"
            v = hilang.get(alamat)
            if alamat not in hilang or _kosong(v):
                continue
            benar = jumlah_angka(ang.loc[ang["kode_indikator"] == kode, "kontribusi"])
            hasil.append(temuan(
                "rumus-ditimpa", rapk.sheet, alamat,
                apa=f"{RAPK.nama_kolom('jumlah_kontribusi')} indikator {kode}",
                isi=f"ditimpa nilai ketikan {_tampil(v)}",
                seharusnya=f"rumus SUMIF yang menghasilkan {_tampil(float(benar))}",
                saran="Salin rumus dari baris lain."))
    return hasil


@aturan("sheet-capaian-hilang", WARNING, "rumus", "Sheet Capaian template tidak ada.",
        "Sheet {sheet} (dihitung template) tidak ada. Pakai template rapk-xl terbaru agar "
        "capaian terlihat di Excel sebelum dikirim.", lingkup="workbook")
def sheet_capaian_hilang(b: Bacaan):
    if SHEET_CAPAIAN in b.sheet or b.tabel["pk"].kosong:
        return []
    return [temuan("sheet-capaian-hilang", SHEET_CAPAIAN, None, sheet=SHEET_CAPAIAN)]


def _urut(alamat: str):
    m = _ALAMAT.match(alamat)
    return (int(m.group(2)), kolom_ke_angka(m.group(1)))
