"""rapk-xl validasi: kode keluar, teks per berkas, JSON terdokumentasi, laporan xlsx bertautan."""
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from bersih import data_bersih
from rapk_xl.cli import cli
from rapk_xl.io.writer import tulis_workbook

SAMPEL = Path(__file__).resolve().parents[1] / "samples"


def jalankan(*args):
    return CliRunner().invoke(cli, ["validasi", *map(str, args)])


@pytest.fixture
def baik(tmp_path):
    return tulis_workbook(data_bersih(), tmp_path / "baik.xlsx")


def test_lolos_keluar_0(baik):
    r = jalankan(baik)
    assert r.exit_code == 0 and "LOLOS" in r.output and "1 lolos" in r.output


def test_kesalahan_keluar_1_dan_dikelompokkan_per_berkas(baik):
    r = jalankan(baik, SAMPEL / "balai_pom_jember_2024.xlsx")
    assert r.exit_code == 1
    bagian = r.output.split("samples/balai_pom_jember_2024.xlsx")
    assert "DITOLAK" in bagian[1] and "RAPK!N20" in bagian[1]
    assert "Balai POM di Jember, 2024, periode 6" in bagian[1]


def test_peringatan_saja_tetap_keluar_0(baik, tmp_path):
    wb = openpyxl.load_workbook(baik)
    wb["RAPK"]["H7"] = "26"   # angka diketik sebagai teks: peringatan
    wb.save(baik)
    r = jalankan(baik)
    assert r.exit_code == 0 and "PERINGATAN" in r.output


def test_tidak_ada_yang_terbaca_keluar_2(tmp_path):
    (tmp_path / "a.xlsx").write_bytes(b"")
    assert jalankan(tmp_path / "a.xlsx").exit_code == 2
    assert jalankan(tmp_path / "tidak_ada.xlsx").exit_code == 2
    kosong = tmp_path / "kosong"
    kosong.mkdir()
    r = jalankan(kosong)
    assert r.exit_code == 2 and "tidak ada berkas" in r.output
    assert CliRunner().invoke(cli, ["validasi"]).exit_code == 2


def test_json_sesuai_dokumentasi(baik):
    r = jalankan(SAMPEL / "bpom_2024.xlsx", baik, "--format", "json")
    data = json.loads(r.output)
    assert set(data) == {"files"}
    f = data["files"][0]
    assert {"file", "unit", "tahun", "valid", "findings"} <= set(f)
    assert f["unit"] == "Badan Pengawas Obat dan Makanan" and f["tahun"] == 2024 and not f["valid"]
    t = f["findings"][0]
    assert set(t) == {"severity", "rule", "sheet", "cell", "message"}
    assert t["severity"] in ("error", "warning")
    assert data["files"][1]["valid"] is True and data["files"][1]["findings"] == []


def test_laporan_xlsx_bertaut_ke_sel(baik, tmp_path):
    out = tmp_path / "laporan" / "laporan.xlsx"
    r = jalankan(SAMPEL / "balai_pom_jember_2024.xlsx", baik, "-o", out)
    assert r.exit_code == 1 and out.exists()
    wb = openpyxl.load_workbook(out)
    ring = wb["Ringkasan"]
    status = {ring.cell(r, 1).value: ring.cell(r, 5).value for r in range(2, 4)}
    assert status[str(baik)] == "lolos"
    ws = wb["Temuan"]
    baris = next(r for r in range(2, ws.max_row + 1)
                 if ws.cell(r, 5).value == "RAPK" and ws.cell(r, 6).value == "N20")
    link = ws.cell(baris, 8).hyperlink
    assert link.location == "'RAPK'!N20"
    # tautan relatif dari folder laporan ke berkas yang diperiksa
    target = (out.parent / link.target).resolve()
    assert target == (SAMPEL / "balai_pom_jember_2024.xlsx").resolve()


def test_teks_berbahaya_di_laporan_tetap_teks(tmp_path):
    d = data_bersih()
    d.info["unit_kerja"] = "=HYPERLINK(\"http://jahat\")"
    p = tulis_workbook(d, tmp_path / "x.xlsx")
    out = tmp_path / "lap.xlsx"
    jalankan(p, "-o", out)
    ws = openpyxl.load_workbook(out)["Ringkasan"]
    assert ws["B2"].value == '=HYPERLINK("http://jahat")' and ws["B2"].data_type == "s"
