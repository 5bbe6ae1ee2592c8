"""Sheet ``Capaian`` template: rumus yang menghitung capaian untuk bulan di Info.

Pencarian nilai (target bulan ini, realisasi, jumlah anggaran) memakai rumus Excel biasa
(INDEX/MATCH/SUMIF); hitungan kinerja memakai fungsi rapk-xl (``CAPAIAN``, ``KRITERIA``,
``NPS``, ``NPS_UNIT``, ``BOBOT``, ``EFISIENSI``) sehingga aturannya satu dengan Python.

:func:`rancangan` mengembalikan setiap sel berumus beserta rumusnya; penulis template dan
pemeriksa "rumus ditimpa" memakai rancangan yang sama.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..format.spec import (ANGGARAN, BARIS_HEADER, PERSPEKTIF, PK, RAPK, REALISASI,
                           SHEET_CAPAIAN, Tabel)
from .xlsx_parts import angka_ke_kolom as huruf

__all__ = ["KolomCapaian", "INDIKATOR", "SASARAN", "PERSPEKTIF_BLOK", "rancangan",
           "BARIS_DATA", "BATAS_BARIS", "jumlah_baris_indikator", "JUMLAH_BARIS_SASARAN",
           "SEL_PERIODE", "SEL_NPS_UNIT", "SEL_KRITERIA_UNIT"]

BARIS_DATA = BARIS_HEADER + 1
#: Baris terakhir sheet isian yang dijangkau rumus.
BATAS_BARIS = 2005
BATAS_BARIS_ANGGARAN = 5005
JUMLAH_BARIS_SASARAN = 40
SEL_PERIODE = "$B$2"
SEL_NPS_UNIT = "F2"
SEL_KRITERIA_UNIT = "G2"


@dataclass(frozen=True)
class KolomCapaian:
    nama: str
    lebar: float
    format_angka: str | None = None
    kriteria: bool = False  # diwarnai menurut kriteria


INDIKATOR = (
    KolomCapaian("Kode Indikator", 10),
    KolomCapaian("No Sasaran", 8),
    KolomCapaian("Perspektif", 14),
    KolomCapaian("Indikator", 44),
    KolomCapaian("Satuan", 8),
    KolomCapaian("Jenis Target", 11),
    KolomCapaian("Polaritas", 9),
    KolomCapaian("Bobot", 7, "0.##"),
    KolomCapaian("Target Bulan Ini", 10, "#,##0.##"),
    KolomCapaian("Target Tahunan", 10, "#,##0.##"),
    KolomCapaian("Realisasi", 10, "#,##0.##"),
    KolomCapaian("Capaian Periode (%)", 11, "0.00"),
    KolomCapaian("Kriteria Periode", 14, kriteria=True),
    KolomCapaian("Capaian Tahunan (%)", 11, "0.00"),
    KolomCapaian("Kriteria Tahunan", 14, kriteria=True),
    KolomCapaian("Kontribusi", 15, "#,##0"),
    KolomCapaian("Realisasi Anggaran", 15, "#,##0"),
    KolomCapaian("Capaian Input (%)", 10, "0.00"),
)
KOLOM_SASARAN_MULAI = len(INDIKATOR) + 2  # satu kolom kosong pemisah
SASARAN = (
    KolomCapaian("No Sasaran", 8),
    KolomCapaian("Sasaran", 40),
    KolomCapaian("Perspektif", 14),
    KolomCapaian("NPS", 9, "0.00"),
    KolomCapaian("Kriteria", 14, kriteria=True),
    KolomCapaian("Kontribusi", 15, "#,##0"),
    KolomCapaian("Realisasi Anggaran", 15, "#,##0"),
    KolomCapaian("Capaian Input (%)", 10, "0.00"),
    KolomCapaian("Efisiensi (IE)", 9, "0.00"),
    KolomCapaian("Kategori Efisiensi", 13),
)
#: Blok perspektif diletakkan di bawah blok sasaran (kolom yang sama).
KOLOM_PERSPEKTIF_MULAI = KOLOM_SASARAN_MULAI
BARIS_HEADER_PERSPEKTIF = BARIS_DATA + JUMLAH_BARIS_SASARAN + 2
PERSPEKTIF_BLOK = (
    KolomCapaian("Perspektif", 18),
    KolomCapaian("NPS", 9, "0.00"),
    KolomCapaian("Kriteria", 14, kriteria=True),
)


def jumlah_baris_indikator(n_indikator: int) -> int:
    """Baris rumus indikator: semua indikator PK ditambah cadangan untuk indikator baru."""
    return max(200, n_indikator + 100)


def rentang_kolom(t: Tabel, kolom: str, batas: int = BATAS_BARIS) -> str:
    """Rentang mutlak satu kolom tabel isian, baris data sampai ``batas``
    (mis. ``Anggaran!$A$6:$A$5005``)."""
    i = t.semua_header.index(kolom) + 1
    return f"{t.sheet}!${huruf(i)}${BARIS_DATA}:${huruf(i)}${batas}"


def _blok(t: Tabel, pertama: str, terakhir: str) -> str:
    a, b = t.semua_header.index(pertama) + 1, t.semua_header.index(terakhir) + 1
    return f"{t.sheet}!${huruf(a)}${BARIS_DATA}:${huruf(b)}${BATAS_BARIS}"


def _atau_kosong(ekspresi: str) -> str:
    """Nilai sel sumber, atau "" bila kosong (INDEX atas sel kosong memberi 0)."""
    return f'IF({ekspresi}="","",{ekspresi})'


def rancangan(n_indikator: int) -> dict[str, str]:
    """Semua sel berumus di sheet Capaian: alamat → rumus."""
    sel: dict[str, str] = {}
    n = jumlah_baris_indikator(n_indikator)
    akhir = BARIS_DATA + n - 1
    per = SEL_PERIODE
    kol = kolom_indikator()

    def rng(nama: str) -> str:
        return f"${kol[nama]}${BARIS_DATA}:${kol[nama]}${akhir}"

    # rentang kolom blok indikator yang dipakai berulang (NPS unit, sasaran, perspektif)
    cp, bobot, no_sas = rng("Capaian Periode (%)"), rng("Bobot"), rng("No Sasaran")

    sel["B2"] = "infoPeriode"
    sel["C2"] = f'IFERROR(INDEX(lstBulan,{per}),"")'
    sel[SEL_NPS_UNIT] = f'NPS_UNIT({cp},{bobot},{no_sas},{rng("Perspektif")})'
    sel[SEL_KRITERIA_UNIT] = f"KRITERIA({SEL_NPS_UNIT})"

    # blok indikator: baris ke-k sheet Capaian = indikator ke-k PK; bagian rumus yang sama
    # untuk setiap baris disusun sekali
    k = f"ROW()-ROW($A${BARIS_HEADER})"
    pk = {nama: _atau_kosong(f"INDEX({rentang_kolom(PK, nama)},{k})")
          for nama in ("No Sasaran", "Perspektif", "Indikator", "Satuan", "Jenis Target",
                       "Polaritas", "Target")}
    kode_pk = _atau_kosong(f"INDEX({rentang_kolom(PK, 'Kode Indikator')},{k})")
    bobot_pk = (f"BOBOT(INDEX({rentang_kolom(PK, 'Bobot')},{k}),"
                f"INDEX({rentang_kolom(PK, 'IKU')},{k}))")
    kode_rapk = rentang_kolom(RAPK, "Kode Indikator")
    kode_real = rentang_kolom(REALISASI, "Kode Indikator")
    blok_target = _blok(RAPK, "B01", "B12")
    blok_real = _blok(REALISASI, "R01", "R12")
    kode_ang = rentang_kolom(ANGGARAN, "Kode Indikator", BATAS_BARIS_ANGGARAN)
    kontr_ang = rentang_kolom(ANGGARAN, "Kontribusi", BATAS_BARIS_ANGGARAN)
    real_ang = rentang_kolom(ANGGARAN, "Realisasi Anggaran", BATAS_BARIS_ANGGARAN)
    for r in range(BARIS_DATA, akhir + 1):
        kode = f"$A{r}"
        jika = f'IF({kode}="","",'
        target_bulan = f"INDEX({blok_target},MATCH({kode},{kode_rapk},0),{per})"
        realisasi = f"INDEX({blok_real},MATCH({kode},{kode_real},0),{per})"
        c = {n: f"{kol[n]}{r}" for n in kol}
        baris = {
            "Kode Indikator": f'IFERROR({kode_pk}&"","")',
            "No Sasaran": jika + pk["No Sasaran"] + ")",
            "Perspektif": jika + pk["Perspektif"] + ")",
            "Indikator": jika + pk["Indikator"] + ")",
            "Satuan": jika + pk["Satuan"] + ")",
            "Jenis Target": jika + pk["Jenis Target"] + ")",
            "Polaritas": jika + pk["Polaritas"] + ")",
            "Bobot": jika + bobot_pk + ")",
            "Target Bulan Ini": jika + f'IFERROR({_atau_kosong(target_bulan)},""))',
            "Target Tahunan": jika + pk["Target"] + ")",
            "Realisasi": jika + f'IFERROR({_atau_kosong(realisasi)},""))',
            "Capaian Periode (%)": jika + (f'CAPAIAN({c["Realisasi"]},{c["Target Bulan Ini"]},'
                                           f'{c["Polaritas"]},{c["Jenis Target"]},{per}))'),
            "Kriteria Periode": jika + f'KRITERIA({c["Capaian Periode (%)"]}))',
            "Capaian Tahunan (%)": jika + (f'CAPAIAN({c["Realisasi"]},{c["Target Tahunan"]},'
                                           f'{c["Polaritas"]},{c["Jenis Target"]},{per}))'),
            "Kriteria Tahunan": jika + f'KRITERIA({c["Capaian Tahunan (%)"]}))',
            "Kontribusi": jika + f"SUMIF({kode_ang},{kode},{kontr_ang}))",
            "Realisasi Anggaran": jika + f"SUMIF({kode_ang},{kode},{real_ang}))",
            "Capaian Input (%)": (f'IF(OR({kode}="",N({c["Realisasi Anggaran"]})=0),"",'
                                  f'CAPAIAN({c["Realisasi Anggaran"]},{c["Kontribusi"]}))'),
        }
        for nama, rumus in baris.items():
            sel[c[nama]] = rumus

    ks = kolom_sasaran()
    no_pk = rentang_kolom(PK, "No Sasaran")
    sasaran_pk = rentang_kolom(PK, "Sasaran")
    persp_pk = rentang_kolom(PK, "Perspektif")
    kontr, real_ang_ind = rng("Kontribusi"), rng("Realisasi Anggaran")
    for i, r in enumerate(range(BARIS_DATA, BARIS_DATA + JUMLAH_BARIS_SASARAN)):
        no = f"{ks['No Sasaran']}{r}"
        if i == 0:
            sel[no] = f'IF(COUNT({no_pk})=0,"",MIN({no_pk}))'
        else:
            sebelum = f"{ks['No Sasaran']}{r - 1}"
            sel[no] = (f'IF({sebelum}="","",IFERROR(SMALL({no_pk},'
                       f'COUNTIF({no_pk},"<="&{sebelum})+1),""))')
        jika = f'IF({no}="","",'
        cocok = f"MATCH({no},{no_pk},0)"
        c = {n: f"{ks[n]}{r}" for n in ks}
        sel[c["Sasaran"]] = jika + _atau_kosong(f"INDEX({sasaran_pk},{cocok})") + ")"
        sel[c["Perspektif"]] = jika + _atau_kosong(f"INDEX({persp_pk},{cocok})") + ")"
        sel[c["NPS"]] = jika + f"NPS({cp},{bobot},{no_sas},{no}))"
        sel[c["Kriteria"]] = jika + f'KRITERIA({c["NPS"]}))'
        sel[c["Kontribusi"]] = jika + f"SUMIF({no_sas},{no},{kontr}))"
        sel[c["Realisasi Anggaran"]] = jika + f"SUMIF({no_sas},{no},{real_ang_ind}))"
        sel[c["Capaian Input (%)"]] = (f'IF(OR({no}="",N({c["Realisasi Anggaran"]})=0),"",'
                                       f'CAPAIAN({c["Realisasi Anggaran"]},{c["Kontribusi"]}))')
        sel[c["Efisiensi (IE)"]] = (f'IF({c["Capaian Input (%)"]}="","",'
                                    f'EFISIENSI({c["NPS"]},{c["Capaian Input (%)"]}))')
        sel[c["Kategori Efisiensi"]] = (f'IF({c["Capaian Input (%)"]}="","",'
                                        f'EFISIENSI({c["NPS"]},{c["Capaian Input (%)"]},"Kategori"))')

    kp = kolom_perspektif()
    persp = rng("Perspektif")
    for i, r in enumerate(range(BARIS_HEADER_PERSPEKTIF + 1,
                                BARIS_HEADER_PERSPEKTIF + 1 + len(PERSPEKTIF))):
        p = f"{kp['Perspektif']}{r}"
        sel[f"{kp['NPS']}{r}"] = f"NPS_UNIT({cp},{bobot},{no_sas},{persp},{p})"
        sel[f"{kp['Kriteria']}{r}"] = f"KRITERIA({kp['NPS']}{r})"
    return sel


def kolom_indikator() -> dict[str, str]:
    return {k.nama: huruf(i + 1) for i, k in enumerate(INDIKATOR)}


def kolom_sasaran() -> dict[str, str]:
    return {k.nama: huruf(KOLOM_SASARAN_MULAI + i) for i, k in enumerate(SASARAN)}


def kolom_perspektif() -> dict[str, str]:
    return {k.nama: huruf(KOLOM_PERSPEKTIF_MULAI + i) for i, k in enumerate(PERSPEKTIF_BLOK)}


__all__ += ["kolom_indikator", "kolom_sasaran", "kolom_perspektif", "KOLOM_SASARAN_MULAI",
            "KOLOM_PERSPEKTIF_MULAI", "BARIS_HEADER_PERSPEKTIF", "SHEET_CAPAIAN", "rentang_kolom"]


@lru_cache(maxsize=1)
def _sel_capaian() -> frozenset[str]:
    return frozenset(rancangan(0))


def sel_rumus_template(tabel: dict) -> dict[str, set[str]]:
    """Sel yang diberi rumus oleh template, per sheet: seluruh rancangan minimum sheet Capaian
    dan kolom RAPK "Jumlah Kontribusi" di baris data yang terbaca (``tabel``: kunci → tabel
    terbaca dengan ``huruf`` dan ``baris``)."""
    hasil: dict[str, set[str]] = {SHEET_CAPAIAN: set(_sel_capaian())}
    rapk = tabel.get(RAPK.kunci)
    h = rapk.huruf.get("Jumlah Kontribusi") if rapk is not None else None
    if h and rapk.sheet:
        hasil[rapk.sheet] = {f"{h}{int(r)}" for r in rapk.baris}
    return hasil


__all__ += ["sel_rumus_template"]
