"""Kunci Info opsional Nama Atasan / Jabatan Atasan (pihak kedua Perjanjian Kinerja).

Workbook format 1 tanpa kedua baris itu tetap sah tanpa temuan; mengisi hanya satu memberi
satu peringatan (bukan kesalahan) di sel yang kosong. Letak sel dari urutan kunci Info di
docs/format.md: header baris 4, Jabatan Atasan baris 15, Nama Atasan baris 16.
"""
import shutil

import openpyxl
import pytest

from bersih import data_bersih
from rapk_xl.io.writer import tulis_workbook
from rapk_xl.validate.validator import validasi


@pytest.fixture(scope="module")
def asli(tmp_path_factory):
    return tulis_workbook(data_bersih(), tmp_path_factory.mktemp("atasan") / "bersih.xlsx")


def _ubah(asli, tmp_path, ubah):
    p = tmp_path / "ubah.xlsx"
    shutil.copy(asli, p)
    wb = openpyxl.load_workbook(p)
    ubah(wb["Info"])
    wb.save(p)
    return validasi([p]).files[0]


def test_template_memuat_kedua_kunci(asli):
    ws = openpyxl.load_workbook(asli)["Info"]
    assert ws["A15"].value == "Jabatan Atasan" and ws["A16"].value == "Nama Atasan"


def test_workbook_lama_tanpa_kedua_baris_tetap_sah(asli, tmp_path):
    def hapus(ws):
        for r in (15, 16):
            for c in "ABC":
                ws[f"{c}{r}"] = None
        ws.tables["tblInfo"].ref = "A4:C14"
    h = _ubah(asli, tmp_path, hapus)
    assert h.valid and h.findings == []


def test_keduanya_diisi_tanpa_temuan(asli, tmp_path):
    def isi(ws):
        ws["B15"], ws["B16"] = "Kepala Badan Pengawas Obat dan Makanan", "Dr. Taruna Ikrar"
    h = _ubah(asli, tmp_path, isi)
    assert h.valid and h.findings == []


def test_hanya_satu_diisi_peringatan_di_sel_kosong(asli, tmp_path):
    def isi(ws):
        ws["B16"] = "Dr. Taruna Ikrar"
    h = _ubah(asli, tmp_path, isi)
    assert h.valid  # peringatan saja
    (t,) = h.findings
    assert (t.rule, t.severity, t.sheet, t.cell) == ("info-atasan-tidak-lengkap", "warning",
                                                      "Info", "B15")
    assert "Nama Atasan diisi" in t.message and "Jabatan Atasan kosong" in t.message
