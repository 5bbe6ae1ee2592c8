"""Rumus template yang ditimpa nilai ketikan: sheet Capaian dan kolom RAPK "Jumlah Kontribusi".

Laporan menyebut apa yang tampil di sel dan apa yang seharusnya, dihitung ulang dengan mesin
hitung dari nilai isian (bukan dari angka yang dihitung workbook itu sendiri).
"""
from __future__ import annotations

import math
import re

import pandas as pd

from ..calc.parse import format_angka, parse_angka
from ..calc.rules import bobot_indikator, hitung_capaian, kriteria
from ..format.spec import BARIS_HEADER, RAPK, SHEET_CAPAIAN
from ..io import capaian_sheet as cs
from ..io.reader import Bacaan
from ..io.xlsx_parts import kolom_ke_angka
from .identitas import bilangan_info
from .temuan import Temuan

__all__ = ["periksa_rumus"]

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
        self.b = b
        self.per = bilangan_info(b.info.get("Periode"))
        self.pk = b.tabel["pk"].df
        self.rapk = b.tabel["rapk"].df.drop_duplicates("Kode Indikator").set_index("Kode Indikator")
        self.real = b.tabel["realisasi"].df.drop_duplicates("Kode Indikator").set_index(
            "Kode Indikator")
        ang = b.tabel["anggaran"].df
        self.kontr = ang.groupby("Kode Indikator")["Kontribusi"].apply(
            lambda s: sum(parse_angka(v).nilai or 0.0 for v in s))
        self.ra = ang.groupby("Kode Indikator")["Realisasi Anggaran"].apply(
            lambda s: sum(parse_angka(v).nilai or 0.0 for v in s))

    def _bulan(self, df: pd.DataFrame, kode, awalan: str):
        if self.per is None or not 1 <= self.per <= 12 or kode not in df.index:
            return None
        return df.at[kode, f"{awalan}{self.per:02d}"]

    def nilai(self, kolom: str, k: int) -> object:
        if k >= len(self.pk):
            return ""
        p = self.pk.iloc[k]
        kode = p["Kode Indikator"]
        langsung = {"Kode Indikator": "Kode Indikator", "No Sasaran": "No Sasaran",
                    "Perspektif": "Perspektif", "Indikator": "Indikator", "Satuan": "Satuan",
                    "Jenis Target": "Jenis Target", "Polaritas": "Polaritas",
                    "Target Tahunan": "Target"}
        if kolom in langsung:
            return p[langsung[kolom]]
        if kolom == "Bobot":
            return float(bobot_indikator([p["Bobot"]], [p["IKU"]])[0])
        target_bulan = self._bulan(self.rapk, kode, "B")
        realisasi = self._bulan(self.real, kode, "R")
        if kolom == "Target Bulan Ini":
            return target_bulan
        if kolom == "Realisasi":
            return realisasi
        if kolom.startswith("Capaian") or kolom.startswith("Kriteria"):
            if kolom == "Capaian Input (%)":
                h = hitung_capaian(self.ra.get(kode), self.kontr.get(kode))
            else:
                target = target_bulan if "Periode" in kolom else p["Target"]
                h = hitung_capaian(realisasi, target, p["Polaritas"], p["Jenis Target"], self.per)
            if kolom.startswith("Kriteria"):
                return kriteria(h.nilai) if h.nilai is not None else h.alasan.tampil
            return h.nilai if h.nilai is not None else h.alasan.tampil
        if kolom == "Kontribusi":
            return self.kontr.get(kode, 0.0)
        if kolom == "Realisasi Anggaran":
            return self.ra.get(kode, 0.0)
        return None


def periksa_rumus(b: Bacaan) -> list[Temuan]:
    hasil: list[Temuan] = []
    if SHEET_CAPAIAN not in b.sheet:
        if not b.tabel["pk"].kosong:
            hasil.append(Temuan("sheet-capaian-hilang", SHEET_CAPAIAN, None,
                                "Sheet Capaian (dihitung template) tidak ada. Pakai template "
                                "rapk-xl terbaru agar capaian terlihat di Excel sebelum dikirim."))
    hilang = b.rumus_hilang.get(SHEET_CAPAIAN) or {}
    if hilang:
        kolom_ind = {cs.kolom_indikator()[k.nama]: k.nama for k in cs.INDIKATOR}
        harapan = None
        for alamat in sorted(hilang, key=_urut):
            v = hilang[alamat]
            h, r = _ALAMAT.match(alamat).groups()
            seharusnya = "rumus template"
            if h in kolom_ind and int(r) > BARIS_HEADER:
                harapan = harapan or _Harapan(b)
                nilai = harapan.nilai(kolom_ind[h], int(r) - BARIS_HEADER - 1)
                seharusnya = f"rumus, yang menghasilkan {_tampil(nilai)}"
            isi = "dihapus" if _kosong(v) else f"ditimpa nilai ketikan {_tampil(v)}"
            hasil.append(Temuan(
                "rumus-ditimpa", SHEET_CAPAIAN, alamat,
                f"Sel berumus template {isi}; seharusnya {seharusnya}. Jangan mengetik di sheet "
                "Capaian: salin rumus dari sel di atasnya atau pakai template baru."))
    # kolom rumus di tabel RAPK (baris baru tanpa rumus dan kosong tidak dipersoalkan)
    rapk = b.tabel["rapk"]
    hilang = b.rumus_hilang.get(rapk.sheet or RAPK.sheet) or {}
    if hilang and not rapk.kosong:
        h = rapk.huruf.get("Jumlah Kontribusi")
        ang = b.tabel["anggaran"].df
        for i, kode in enumerate(rapk.df["Kode Indikator"]):
            alamat = f"{h}{int(rapk.baris[i])}"
            v = hilang.get(alamat)
            if alamat not in hilang or _kosong(v):
                continue
            benar = sum(parse_angka(x).nilai or 0.0
                        for x in ang.loc[ang["Kode Indikator"] == kode, "Kontribusi"])
            hasil.append(Temuan(
                "rumus-ditimpa", rapk.sheet, alamat,
                f"Jumlah Kontribusi indikator {kode} ditimpa nilai ketikan {_tampil(v)}; "
                f"seharusnya rumus SUMIF yang menghasilkan {_tampil(float(benar))}. Salin rumus "
                "dari baris lain."))
    return hasil


def _urut(alamat: str):
    m = _ALAMAT.match(alamat)
    return (int(m.group(2)), kolom_ke_angka(m.group(1)))
