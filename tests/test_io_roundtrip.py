"""Tulis workbook dari DataFrame, baca kembali: data sama, alamat sel benar — juga setelah
suntingan seperti yang dilakukan orang (sisip baris, angka diketik sebagai teks, kolom dipindah)."""
import math

import openpyxl
import pandas as pd
import pytest

from rapk_xl.format import DataRAPK
from rapk_xl.format.spec import ID_TARGET, RAPK
from rapk_xl.io.reader import baca_workbook, ke_data
from rapk_xl.io.writer import tulis_template, tulis_workbook


def _data():
    pk = pd.DataFrame({
        "no_sasaran": [1, 1, 2], "perspektif": ["Stakeholder", "Stakeholder", None],
        "sasaran": ["Obat aman", "Obat aman", "KIE efektif"],
        "kode_indikator": ["1.01", "1.02", "2.01"],
        "indikator": ["Persentase Obat yang memenuhi syarat", "Indeks kepatuhan",
                      "=HYPERLINK(\"http://contoh\")"],  # teks berbahaya tetap teks
        "satuan": ["%", "Indeks", "%"], "jenis_target": ["Tetap", "Akhir Tahun", "Kumulatif"],
        "polaritas": ["Positif", "Positif", "Negatif"], "iku": ["Ya", "Tidak", None],
        "bobot": [None, None, 1.5], "target": [90, 86, "WTP"],
    })
    bulan = {b: [] for b in ID_TARGET}
    for b in ID_TARGET:
        bulan[b] = [90 if b != "b01" else None, "-" if b != "b12" else 86, int(b[1:]) * 5]
    rapk = pd.DataFrame({"kode_indikator": ["1.01", "1.02", "2.01"],
                         "indikator": ["Persentase Obat yang memenuhi syarat", "Indeks kepatuhan",
                                       "KIE"], **bulan, "anggaran": [62_210_400, 1000, 2000]})
    anggaran = pd.DataFrame({
        "kode_indikator": ["1.01", "1.02", "2.01"], "no": [1, 1, 1],
        "kode_ro": ["DR.3165.QIA.005", "3165.QIA.001", "WA.6384.EBA.994"],
        "rincian_output": ["Sampel", "Sampel makanan", "Layanan Perkantoran"],
        "komponen": ["055 - Pengujian", None, "001 - Gaji"],
        "sub_komponen": ["A - Pengadaan Sampel", None, "A - Pembayaran gaji"],
        "pagu": [77_763_000, None, 2000], "kontribusi": [62_210_400, "1.000", 2000],
        "realisasi_anggaran": [15_553_000, None, 0]})
    return DataRAPK({"unit_kerja": "Balai POM di Jember", "tahun": 2024, "periode": 6,
                     "satuan_anggaran": "Rupiah", "versi_format": 1},
                    {"pk": pk, "rapk": rapk, "anggaran": anggaran})


def _sama(a, b):
    kosong = lambda v: v is None or (isinstance(v, float) and math.isnan(v))  # noqa: E731
    if kosong(a) or kosong(b):
        return kosong(a) and kosong(b)
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    return a == b


@pytest.fixture
def berkas(tmp_path):
    return tulis_workbook(_data(), tmp_path / "unit.xlsx")


def test_data_kembali_sama(berkas):
    asli, b = _data(), baca_workbook(berkas)
    assert b.masalah == []
    for k in ("pk", "rapk", "anggaran"):
        df = b[k].df
        for kolom in asli.tabel[k].columns:
            for i, v in enumerate(asli.tabel[k][kolom]):
                assert _sama(df[kolom][i], v), (k, kolom, i, df[kolom][i], v)
    assert b.info["unit_kerja"] == "Balai POM di Jember" and b.info["periode"] == 6


def test_teks_tetap_teks(berkas):
    b = baca_workbook(berkas)
    assert b["pk"].df["indikator"][2] == '=HYPERLINK("http://contoh")'
    assert b["anggaran"].df["kontribusi"][1] == "1.000"   # teks diketik, bukan 1000
    assert b["rapk"].df["b02"][1] == "-"
    assert b["pk"].df["target"][2] == "WTP"
    ws = openpyxl.load_workbook(berkas)["PK"]
    assert ws["E8"].data_type == "s"   # tidak pernah menjadi rumus


def test_alamat_sel(berkas):
    b = baca_workbook(berkas)
    rapk = b["rapk"]
    # baris data pertama = baris 6; B05 kolom ke-7 (G); Anggaran kolom ke-15 (O)
    assert rapk.sel(0, "b05") == "G6"
    assert rapk.sel(2, "anggaran") == "O8"
    assert b["anggaran"].sel(1, "kontribusi") == "H7"
    assert b.info_sel["periode"] == "B7"


def test_sisip_baris_di_tengah_tabel_dan_angka_sebagai_teks(berkas):
    wb = openpyxl.load_workbook(berkas)
    ws = wb["RAPK"]
    ws.insert_rows(7)   # openpyxl tidak memperbarui definisi tabel: tabel "memanjang"
    ws["A7"], ws["B7"], ws["G7"], ws["O7"] = "1.03", "Indikator sisipan", "75", 500
    wb.save(berkas)
    rapk = baca_workbook(berkas)["rapk"]
    assert list(rapk.df["kode_indikator"]) == ["1.01", "1.03", "1.02", "2.01"]
    assert rapk.df["b05"][1] == "75"             # angka diketik sebagai teks: tetap teks
    assert rapk.sel(1, "b05") == "G7"
    assert rapk.sel(3, "anggaran") == "O9"       # baris terakhir, di luar definisi tabel lama


def test_tabel_diperpanjang_di_bawah(berkas):
    wb = openpyxl.load_workbook(berkas)
    ws = wb["Anggaran"]
    ws.append([])  # baris 9 sudah di luar tabel; tambahkan dua baris tepat di bawahnya
    ws["A9"], ws["C9"], ws["H9"] = "1.01", "DR.3165.QIA.005", 10
    ws["A10"], ws["C10"], ws["H10"] = "2.01", "DR.3165.QIA.005", 20
    wb.save(berkas)
    a = baca_workbook(berkas)["anggaran"]
    assert len(a.df) == 5 and a.sel(4, "kontribusi") == "H10"


def test_baris_sesudah_baris_kosong_tidak_hilang(berkas):
    """Diketik di LibreOffice dengan satu baris terlewat: baris sesudahnya tetap dibaca, dan
    celahnya dilaporkan (peringatan) — isian tidak pernah hilang diam-diam."""
    wb = openpyxl.load_workbook(berkas)
    ws = wb["Anggaran"]   # tabel sampai baris 8; baris 9 dan 10 kosong
    ws["A11"], ws["C11"], ws["H11"] = "2.01", "DR.3165.QIA.005", 20
    ws["A14"], ws["C14"], ws["H14"] = "1.02", "3165.QIA.001", 30
    wb.save(berkas)
    b = baca_workbook(berkas)
    a = b["anggaran"]
    assert len(a.df) == 5 and a.sel(3, "kontribusi") == "H11" and a.sel(4, "kontribusi") == "H14"
    celah = [m for m in b.masalah if m.rule == "tabel-terputus"]
    assert [(m.sheet, m.cell, m.severity) for m in celah] == [("Anggaran", "9:9", "warning")]
    assert "baris 9" in celah[0].message and "tetap dibaca" in celah[0].message


def test_kolom_dipindah_dibaca_menurut_header(berkas):
    wb = openpyxl.load_workbook(berkas)
    ws = wb["Anggaran"]
    for r in range(5, 9):   # tukar Pagu (G) dan Kontribusi (H)
        ws[f"G{r}"].value, ws[f"H{r}"].value = ws[f"H{r}"].value, ws[f"G{r}"].value
    wb.save(berkas)
    b = baca_workbook(berkas)
    a = b["anggaran"]
    assert a.df["pagu"][0] == 77_763_000 and a.df["kontribusi"][0] == 62_210_400
    assert a.sel(0, "kontribusi") == "G6"
    assert [m.rule for m in b.masalah] == ["header-dipindah"]


def test_header_diganti_dan_tabel_dihapus_dicatat(berkas):
    wb = openpyxl.load_workbook(berkas)
    ws = wb["Anggaran"]
    ws["C5"] = "Kode R.O"
    del wb["Realisasi"].tables["tblRealisasi"]
    wb.save(berkas)
    b = baca_workbook(berkas)
    kode = {m.rule: m for m in b.masalah}
    assert kode["header-diganti"].cell == "C5" and "Kode RO" in kode["header-diganti"].message
    assert b["anggaran"].df["kode_ro"].isna().all()   # kolom tak terbaca, tidak ditebak
    assert "tabel-jadi-range" in kode and b["realisasi"].baris_header == 5


def test_sheet_hilang(berkas):
    wb = openpyxl.load_workbook(berkas)
    del wb["Pembilang"]
    wb.save(berkas)
    b = baca_workbook(berkas)
    assert [m.rule for m in b.masalah] == ["sheet-hilang"]
    assert b["pembilang"].kosong


def test_ke_data_bisa_ditulis_ulang(berkas, tmp_path):
    d = ke_data(baca_workbook(berkas))
    kedua = tulis_workbook(d, tmp_path / "ulang.xlsx")
    b = baca_workbook(kedua)
    assert list(b["rapk"].df["kode_indikator"]) == ["1.01", "1.02", "2.01"]


def test_template_kosong_terbaca(tmp_path):
    p = tulis_template(tmp_path / "t.xlsx", "Balai POM di Jember", 2025)
    b = baca_workbook(p)
    assert b.masalah == []
    assert b.info["unit_kerja"] == "Balai POM di Jember" and b.info["tahun"] == 2025
    assert all(b[t].kosong for t in ("pk", "rapk", "anggaran", "realisasi", "pembilang"))
    assert list(b["rapk"].df.columns[: len(RAPK.ids)]) == list(RAPK.ids)
