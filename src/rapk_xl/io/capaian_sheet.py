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


def _rentang(t: Tabel, kolom: str, batas: int = BATAS_BARIS) -> str:
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
    kol = {k.nama: huruf(i + 1) for i, k in enumerate(INDIKATOR)}

    def rng(nama: str) -> str:
        return f"${kol[nama]}${BARIS_DATA}:${kol[nama]}${akhir}"

    sel["B2"] = "infoPeriode"
    sel["C2"] = f'IFERROR(INDEX(lstBulan,{per}),"")'
    sel[SEL_NPS_UNIT] = (f'NPS_UNIT({rng("Capaian Periode (%)")},{rng("Bobot")},'
                         f'{rng("No Sasaran")},{rng("Perspektif")})')
    sel[SEL_KRITERIA_UNIT] = f"KRITERIA({SEL_NPS_UNIT})"
    k = f"ROW()-ROW($A${BARIS_HEADER})"
    for r in range(BARIS_DATA, akhir + 1):
        kode = f"$A{r}"
        jika = f'IF({kode}="","",'

        def pk(nama: str) -> str:
            return f"INDEX({_rentang(PK, nama)},{k})"

        cari_rapk = f"MATCH({kode},{_rentang(RAPK, 'Kode Indikator')},0)"
        cari_real = f"MATCH({kode},{_rentang(REALISASI, 'Kode Indikator')},0)"
        target_bulan = f"INDEX({_blok(RAPK, 'B01', 'B12')},{cari_rapk},{per})"
        realisasi = f"INDEX({_blok(REALISASI, 'R01', 'R12')},{cari_real},{per})"
        c = {n: f"{kol[n]}{r}" for n in kol}
        baris = {
            "Kode Indikator": f'IFERROR({_atau_kosong(pk("Kode Indikator"))}&"","")',
            "No Sasaran": jika + _atau_kosong(pk("No Sasaran")) + ")",
            "Perspektif": jika + _atau_kosong(pk("Perspektif")) + ")",
            "Indikator": jika + _atau_kosong(pk("Indikator")) + ")",
            "Satuan": jika + _atau_kosong(pk("Satuan")) + ")",
            "Jenis Target": jika + _atau_kosong(pk("Jenis Target")) + ")",
            "Polaritas": jika + _atau_kosong(pk("Polaritas")) + ")",
            "Bobot": jika + f'BOBOT({pk("Bobot")},{pk("IKU")}))',
            "Target Bulan Ini": jika + f'IFERROR({_atau_kosong(target_bulan)},""))',
            "Target Tahunan": jika + _atau_kosong(pk("Target")) + ")",
            "Realisasi": jika + f'IFERROR({_atau_kosong(realisasi)},""))',
            "Capaian Periode (%)": jika + (f'CAPAIAN({c["Realisasi"]},{c["Target Bulan Ini"]},'
                                           f'{c["Polaritas"]},{c["Jenis Target"]},{per}))'),
            "Kriteria Periode": jika + f'KRITERIA({c["Capaian Periode (%)"]}))',
            "Capaian Tahunan (%)": jika + (f'CAPAIAN({c["Realisasi"]},{c["Target Tahunan"]},'
                                           f'{c["Polaritas"]},{c["Jenis Target"]},{per}))'),
            "Kriteria Tahunan": jika + f'KRITERIA({c["Capaian Tahunan (%)"]}))',
            "Kontribusi": jika + (f"SUMIF({_rentang(ANGGARAN, 'Kode Indikator', BATAS_BARIS_ANGGARAN)},"
                                  f"{kode},{_rentang(ANGGARAN, 'Kontribusi', BATAS_BARIS_ANGGARAN)}))"),
            "Realisasi Anggaran": jika + (
                f"SUMIF({_rentang(ANGGARAN, 'Kode Indikator', BATAS_BARIS_ANGGARAN)},"
                f"{kode},{_rentang(ANGGARAN, 'Realisasi Anggaran', BATAS_BARIS_ANGGARAN)}))"),
            "Capaian Input (%)": (f'IF(OR({kode}="",N({c["Realisasi Anggaran"]})=0),"",'
                                  f'CAPAIAN({c["Realisasi Anggaran"]},{c["Kontribusi"]}))'),
        }
        for nama, rumus in baris.items():
            sel[c[nama]] = rumus

    ks = {k.nama: huruf(KOLOM_SASARAN_MULAI + i) for i, k in enumerate(SASARAN)}
    no_pk = _rentang(PK, "No Sasaran")
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
        sel[c["Sasaran"]] = jika + _atau_kosong(f"INDEX({_rentang(PK, 'Sasaran')},{cocok})") + ")"
        sel[c["Perspektif"]] = jika + _atau_kosong(f"INDEX({_rentang(PK, 'Perspektif')},{cocok})") + ")"
        sel[c["NPS"]] = jika + (f'NPS({rng("Capaian Periode (%)")},{rng("Bobot")},'
                                f'{rng("No Sasaran")},{no}))')
        sel[c["Kriteria"]] = jika + f'KRITERIA({c["NPS"]}))'
        sel[c["Kontribusi"]] = jika + f'SUMIF({rng("No Sasaran")},{no},{rng("Kontribusi")}))'
        sel[c["Realisasi Anggaran"]] = jika + (f'SUMIF({rng("No Sasaran")},{no},'
                                               f'{rng("Realisasi Anggaran")}))')
        sel[c["Capaian Input (%)"]] = (f'IF(OR({no}="",N({c["Realisasi Anggaran"]})=0),"",'
                                       f'CAPAIAN({c["Realisasi Anggaran"]},{c["Kontribusi"]}))')
        sel[c["Efisiensi (IE)"]] = (f'IF({c["Capaian Input (%)"]}="","",'
                                    f'EFISIENSI({c["NPS"]},{c["Capaian Input (%)"]}))')
        sel[c["Kategori Efisiensi"]] = (f'IF({c["Capaian Input (%)"]}="","",'
                                        f'EFISIENSI({c["NPS"]},{c["Capaian Input (%)"]},"Kategori"))')

    kp = {k.nama: huruf(KOLOM_PERSPEKTIF_MULAI + i) for i, k in enumerate(PERSPEKTIF_BLOK)}
    for i, r in enumerate(range(BARIS_HEADER_PERSPEKTIF + 1,
                                BARIS_HEADER_PERSPEKTIF + 1 + len(PERSPEKTIF))):
        p = f"{kp['Perspektif']}{r}"
        sel[f"{kp['NPS']}{r}"] = (f'NPS_UNIT({rng("Capaian Periode (%)")},{rng("Bobot")},'
                                  f'{rng("No Sasaran")},{rng("Perspektif")},{p})')
        sel[f"{kp['Kriteria']}{r}"] = f"KRITERIA({kp['NPS']}{r})"
    return sel


def kolom_indikator() -> dict[str, str]:
    return {k.nama: huruf(i + 1) for i, k in enumerate(INDIKATOR)}


def kolom_sasaran() -> dict[str, str]:
    return {k.nama: huruf(KOLOM_SASARAN_MULAI + i) for i, k in enumerate(SASARAN)}


def kolom_perspektif() -> dict[str, str]:
    return {k.nama: huruf(KOLOM_PERSPEKTIF_MULAI + i) for i, k in enumerate(PERSPEKTIF_BLOK)}


__all__ += ["kolom_indikator", "kolom_sasaran", "kolom_perspektif", "KOLOM_SASARAN_MULAI",
            "KOLOM_PERSPEKTIF_MULAI", "BARIS_HEADER_PERSPEKTIF", "SHEET_CAPAIAN"]


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
