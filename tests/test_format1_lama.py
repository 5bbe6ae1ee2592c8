"""Workbook format 1 yang sudah dipegang unit (ditulis rapk-xl 0.1) tetap terbaca dan
diterima: temuannya sama dengan sampel yang ditulis sekarang, ditambah satu peringatan bahwa
sheet Capaian-nya dari template lama; blok tanda tangan lama di bawah tabel bukan isian."""
from pathlib import Path

import openpyxl
import pytest

from rapk_xl.consolidate.konsolidasi import konsolidasi
from rapk_xl.io.reader import baca_workbook
from rapk_xl.validate.validator import validasi

AKAR = Path(__file__).resolve().parent
LAMA = AKAR / "format1_lama"
SAMPEL = AKAR.parent / "samples"


def _temuan(path):
    return sorted((t.rule, t.sheet, t.cell, t.severity) for t in validasi([path]).files[0].findings)


@pytest.mark.parametrize("nama", ["balai_pom_jember_2024", "bpom_2024", "loka_pom_dumai_2025"])
def test_sampel_lama_sama_dengan_sampel_sekarang(nama):
    lama = _temuan(LAMA / f"{nama}.xlsx")
    assert lama == sorted([*_temuan(SAMPEL / f"{nama}.xlsx"),
                           ("sheet-capaian-lama", "Capaian", None, "warning")])


def test_blok_tanda_tangan_lama_bukan_baris_data():
    b = baca_workbook(LAMA / "balai_pom_jember_2024.xlsx")
    ws = openpyxl.load_workbook(LAMA / "balai_pom_jember_2024.xlsx")["PK"]
    # blok tanda tangan lama: rumus =infoJabatan&"" dst. tiga baris di bawah tabel PK
    ttd = [c.coordinate for row in ws.iter_rows(min_row=b["pk"].baris[-1] + 2)
           for c in row if isinstance(c.value, str) and "infoNama" in c.value]
    assert ttd, "fixture tidak memuat blok tanda tangan lama"
    assert len(b["pk"].df) == 26 and not [m for m in b.masalah if m.rule == "tabel-terputus"]


def test_kiriman_lama_yang_bersih_diterima(tmp_path):
    kiriman = sorted(LAMA.glob("*_2024_06.xlsx"))
    for p in kiriman:
        assert _temuan(p) == [("sheet-capaian-lama", "Capaian", None, "warning")], p.name
    h = konsolidasi(kiriman, tmp_path / "nasional.xlsx")
    assert len(h.diterima) == 2 and not h.ditolak
