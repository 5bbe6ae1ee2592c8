"""Aturan hitung sebagai rumus Excel biasa, untuk sel template yang harus tetap menampilkan
capaian tanpa add-in (LibreOffice, Excel di Mac, Excel sebelum fungsi rapk-xl diimpor).

Setiap rumus di sini dibangun dari konstanta aturan yang sama dengan mesin hitung
(:mod:`rapk_xl.calc.rules`: tabel kriteria, ejaan polaritas, isian IKU) dan hanya menghitung
kasus yang dapat dihitung Excel sendiri: nilai angka. Di luar itu (teks angka, opini BPK,
"Progres 45%", polaritas dengan ejaan lain) rumus menampilkan :data:`PERLU_ADDIN`, kata
singkat yang menjelaskan bahwa hanya add-in yang dapat menghitungnya. Template membungkus
setiap fungsi rapk-xl dengan ``IFERROR(<fungsi>, <rumus biasa>)``; tes LibreOffice
memastikan rumus biasa dan mesin hitung memberi nilai yang sama di mana keduanya menghitung.

Tempat isian (``r``, ``t``, ...) adalah alamat sel atau ekspresi Excel. Modul ini murni.
"""
from __future__ import annotations

from .rules import KRITERIA, TEKS_NEGATIF, TEKS_POSITIF, TEKS_YA, Alasan

__all__ = ["PERLU_ADDIN", "capaian", "kriteria", "bobot", "nps_sasaran", "nps_perspektif",
           "nps_unit", "efisiensi", "capaian_input", "bungkus"]

#: tampil di sel yang hanya dapat dihitung fungsi rapk-xl (add-in)
PERLU_ADDIN = "Perlu add-in"


def _teks(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


def _salah_satu(sel: str, pilihan) -> str:
    """Benar bila ``sel`` sama dengan salah satu ``pilihan`` (Excel tidak peka huruf besar)."""
    return "OR(" + ",".join(f"{sel}={_teks(p)}" for p in pilihan) + ")"


def _kosong(sel: str) -> str:
    return f'OR({sel}="",{sel}="-")'


def bungkus(fungsi: str, biasa: str) -> str:
    """Fungsi rapk-xl bila tersedia, selain itu rumus biasa."""
    return f"IFERROR({fungsi},{biasa})"


def capaian(r: str, t: str, pol: str, jenis: str, bulan: str) -> str:
    """Capaian (%) seperti :func:`rapk_xl.calc.rules.capaian_array`: realisasi / target × 100;
    Negatif: (2 − r/t) × 100, paling kecil 0; Akhir Tahun sebelum bulan 12 tanpa realisasi:
    "Akhir Tahun"; belum ada realisasi: sel kosong; target kosong atau 0: labelnya."""
    akhir = f'AND({jenis}="Akhir Tahun",NOT(N({bulan})>=12))'
    pol_dikenal = f'OR({pol}="",{_salah_satu(pol, (*TEKS_POSITIF, *TEKS_NEGATIF))})'
    negatif = _salah_satu(pol, TEKS_NEGATIF)
    hitung = (f"IF({negatif},MAX(0,(2-{r}/{t})*100),{r}/{t}*100)")
    return (f'IF(NOT({pol_dikenal}),{_teks(Alasan.POLARITAS.tampil)},'
            f'IF({_kosong(t)},IF({akhir},{_teks(Alasan.AKHIR_TAHUN.tampil)},'
            f'{_teks(Alasan.TARGET_KOSONG.tampil)}),'
            f'IF(NOT(ISNUMBER({t})),{_teks(PERLU_ADDIN)},'
            f'IF({t}=0,{_teks(Alasan.TARGET_NOL.tampil)},'
            f'IF({_kosong(r)},IF({akhir},{_teks(Alasan.AKHIR_TAHUN.tampil)},'
            f'{_teks(Alasan.BELUM_ADA_REALISASI.tampil)}),'
            f'IF(NOT(ISNUMBER({r})),{_teks(PERLU_ADDIN)},{hitung}))))))')


def kriteria(x: str) -> str:
    """Kriteria setelah dibulatkan 2 desimal, dari tabel :data:`rapk_xl.calc.rules.KRITERIA`;
    sel kosong tetap kosong, teks diteruskan apa adanya (seperti fungsi ``KRITERIA``)."""
    b = f"ROUND({x},2)"
    pita = _teks(KRITERIA[-1][1])
    for batas, label in reversed(KRITERIA[1:]):
        sebelum = KRITERIA[KRITERIA.index((batas, label)) - 1][1]
        pita = f"IF({b}<{batas:g},{_teks(sebelum)},{pita})"
    return f'IF({x}="","",IF(ISNUMBER({x}),{pita},{x}))'


def bobot(b: str, iku: str) -> str:
    """Bobot indikator: Bobot PK bila diisi, selain itu IKU = 2, indikator biasa = 1."""
    ya = f"OR(AND(ISNUMBER({iku}),{iku}<>0),{_salah_satu(iku, TEKS_YA)})"
    return (f'IF({b}="",IF({ya},2,1),IF(ISNUMBER({b}),IF({b}<0,{_teks(PERLU_ADDIN)},{b}),'
            f'{_teks(PERLU_ADDIN)}))')


def nps_sasaran(capaian_: str, bobot_: str, sasaran: str, no: str) -> str:
    """NPS satu sasaran = Σ(bobot × capaian) / Σ bobot atas indikator sasaran ``no`` yang
    capaiannya angka (SUMPRODUCT menganggap teks 0); kosong bila belum ada capaian;
    :data:`PERLU_ADDIN` bila capaian salah satu indikatornya hanya dapat dihitung add-in."""
    syarat = f"--({sasaran}={no}),--ISNUMBER({capaian_})"
    bawah = f"SUMPRODUCT({syarat},{bobot_})"
    addin = f"COUNTIFS({sasaran},{no},{capaian_},{_teks(PERLU_ADDIN)})>0"
    return (f'IF({addin},{_teks(PERLU_ADDIN)},'
            f'IF({bawah}=0,"",SUMPRODUCT({syarat},{bobot_},{capaian_})/{bawah}))')


def nps_perspektif(nps: str, perspektif: str, p: str) -> str:
    """NPS perspektif = rata-rata biasa NPS sasarannya (yang berupa angka)."""
    addin = f"COUNTIFS({nps},{_teks(PERLU_ADDIN)},{perspektif},{p})>0"
    return f'IF({addin},{_teks(PERLU_ADDIN)},IFERROR(AVERAGEIFS({nps},{perspektif},{p}),""))'


def nps_unit(nps_sasaran_: str, persp_sasaran: str, nps_persp: str, daftar_persp) -> str:
    """NPS unit = rata-rata biasa NPS perspektif; sasaran tanpa perspektif ikut sendiri-sendiri
    (tanpa perspektif sama sekali: rata-rata NPS sasaran). Perspektif di luar ``daftar_persp``
    (blok perspektif template) hanya dapat dihitung add-in."""
    asing = (f"SUMPRODUCT(--({persp_sasaran}<>\"\"),--ISNA(MATCH({persp_sasaran},"
             "{" + ",".join(_teks(p) for p in daftar_persp) + "},0)))")
    jumlah = f'SUM({nps_persp})+SUMIFS({nps_sasaran_},{persp_sasaran},"")'
    banyak = (f'COUNT({nps_persp})+SUMPRODUCT(--({persp_sasaran}=""),'
              f'--ISNUMBER({nps_sasaran_}))')
    addin = f"COUNTIF({nps_sasaran_},{_teks(PERLU_ADDIN)})>0"
    return (f'IF(OR({asing}>0,{addin}),{_teks(PERLU_ADDIN)},'
            f'IF({banyak}=0,"",({jumlah})/({banyak})))')


def efisiensi(output: str, input_: str, kategori: bool = False) -> str:
    """IE = output / input (kategori "Efisien" bila IE ≥ 1), seperti
    :func:`rapk_xl.calc.rules.efisiensi_array`."""
    ie = f"{output}/{input_}"
    hasil = f'IF({ie}>=1,"Efisien","Tidak Efisien")' if kategori else ie
    return (f'IF({input_}="",{_teks(Alasan.INPUT_KOSONG.tampil)},'
            f'IF(NOT(ISNUMBER({input_})),{_teks(PERLU_ADDIN)},'
            f'IF({input_}=0,{_teks(Alasan.INPUT_NOL.tampil)},'
            f'IF({output}="","",IF(NOT(ISNUMBER({output})),{_teks(PERLU_ADDIN)},{hasil})))))')


def capaian_input(realisasi: str, pagu: str) -> str:
    """Capaian input (%) seperti :func:`rapk_xl.calc.turunan.capaian_input_array`: pagu
    kosong/0 → sel kosong, realisasi kosong → 0."""
    return f'IF(N({pagu})=0,"",N({realisasi})/{pagu}*100)'
