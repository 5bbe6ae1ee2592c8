"""Laporan validasi (.xlsx) siap cetak: tabel Excel, A4 lanskap selebar halaman, header
berulang, pesan panjang terbungkus dengan tinggi baris yang cukup."""
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from rapk_xl.cli import cli

SAMPEL = Path(__file__).resolve().parents[1] / "samples"


def test_laporan_validasi_siap_cetak(tmp_path):
    out = tmp_path / "laporan.xlsx"
    r = CliRunner().invoke(cli, ["validasi", str(SAMPEL / "balai_pom_jember_2024.xlsx"),
                                 "-o", str(out)])
    assert r.exit_code == 1, r.output
    wb = openpyxl.load_workbook(out)
    for ws, nama in ((wb["Ringkasan"], "tblRingkasan"), (wb["Temuan"], "tblTemuan")):
        assert list(ws.tables) == [nama]
        ps = ws.page_setup
        assert (ps.paperSize, ps.orientation, ps.fitToWidth, ps.fitToHeight) == (
            9, "landscape", 1, 0)
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == "$1:$1" and ws.freeze_panes == "A2"
    ws = wb["Temuan"]
    kolom = [c.value for c in ws[1]].index("Pesan") + 1
    panjang = [r for r in range(2, ws.max_row + 1)
               if len(str(ws.cell(r, kolom).value or "")) > 150]
    assert panjang
    for r in panjang:
        assert ws.cell(r, kolom).alignment.wrap_text
        # 70 karakter per baris lebih kurang: pesan 150+ karakter perlu sedikitnya 3 baris
        assert ws.row_dimensions[r].height >= 3 * 14
