"""Mesin spreadsheet sungguhan: LibreOffice Calc membuka template dan sampel, menghitung ulang
rumus, dan mengonversi tanpa galat; rumus Excel biasa memberi nilai yang diharapkan.

Fungsi rapk-xl (=CAPAIAN dst.) hanya ada di Excel dengan add-in; di LibreOffice rumus biasa
cadangannya yang menghitung (lihat tests/test_tanpa_addin.py); di sini rumus pencarian di
sekelilingnya.
"""
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import python_calamine as pc

from conftest import perlu_soffice
from rapk_xl.format import capaian as fc
from rapk_xl.io import capaian_sheet as cs
from rapk_xl.io.csvdata import baca_csv
from rapk_xl.io.reader import baca_workbook

AKAR = Path(__file__).resolve().parents[1]
SAMPEL = sorted((AKAR / "samples").glob("*.xlsx"))
SEMUA = [AKAR / "templates" / "rapk_template.xlsx", *SAMPEL]

pytestmark = perlu_soffice


@pytest.fixture(scope="module")
def hasil_lo(libreoffice, tmp_path_factory):
    out = tmp_path_factory.mktemp("lo")
    return {p.stem: libreoffice(p, "xlsx", out) for p in SEMUA}


def _sheet(path, nama):
    return pc.CalamineWorkbook.from_path(str(path)).get_sheet_by_name(nama).to_python(
        skip_empty_area=False)


def test_semua_terbuka_dan_terkonversi(hasil_lo):
    assert set(hasil_lo) == {p.stem for p in SEMUA}
    for p in hasil_lo.values():
        assert p.stat().st_size > 10_000


def test_tabel_validasi_dan_nama_bertahan(hasil_lo):
    for nama, p in hasil_lo.items():
        wb = openpyxl.load_workbook(p)
        for sheet, tabel in [("Info", "tblInfo"), ("PK", "tblPK"), ("RAPK", "tblRAPK"),
                             ("Anggaran", "tblRO"), ("Realisasi", "tblRealisasi"),
                             ("Pembilang", "tblPembilang")]:
            assert tabel in wb[sheet].tables, (nama, tabel)
        rumus_dv = {dv.formula1 for dv in wb["PK"].data_validations.dataValidation}
        assert {"lstJenisTarget", "lstPolaritas", "lstYaTidak"} <= {
            f.lstrip("=") for f in rumus_dv if f}, nama
        assert "lstUnit" in wb.defined_names, nama
        # dan pembaca rapk-xl membaca hasil LibreOffice tanpa masalah struktur
        assert baca_workbook(p).masalah == [], nama


@pytest.mark.parametrize("id_sampel", ["balai_pom_jember_2024", "bpom_2024", "loka_pom_dumai_2025"])
def test_rumus_biasa_menghasilkan_nilai_yang_diharapkan(hasil_lo, id_sampel):
    csv = baca_csv(AKAR / "samples" / "data" / id_sampel)
    periode = int(csv.info["periode"])
    cap = _sheet(hasil_lo[id_sampel], "Capaian")
    kol = {k.id: i for i, k in enumerate(fc.INDIKATOR.kolom)}
    pk = csv.pk
    rapk = csv.rapk.set_index("kode_indikator")
    real = csv.realisasi.set_index("kode_indikator")
    kontribusi = pd.to_numeric(csv.anggaran["kontribusi"], errors="coerce").groupby(
        csv.anggaran["kode_indikator"]).sum()
    b = f"b{periode:02d}"
    r = f"r{periode:02d}"
    for i, kode in enumerate(pk["kode_indikator"]):
        baris = cap[fc.BARIS_DATA - 1 + i]
        assert baris[kol["kode_indikator"]] == kode
        assert baris[kol["indikator"]] == pk["indikator"][i]
        harap_target = rapk.loc[kode, b]
        dapat = baris[kol["target_bulan"]]
        if harap_target is None or (isinstance(harap_target, float) and pd.isna(harap_target)):
            assert dapat == ""
        else:
            assert dapat == harap_target or float(dapat) == float(harap_target), kode
        harap_real = real.loc[kode, r] if kode in real.index else None
        if harap_real is None or pd.isna(harap_real):
            assert baris[kol["realisasi"]] == ""
        else:
            assert float(baris[kol["realisasi"]]) == float(harap_real), kode
        assert float(baris[kol["kontribusi"]]) == pytest.approx(float(kontribusi.get(kode, 0)))
    # baris cadangan di bawah indikator terakhir kosong
    assert cap[fc.BARIS_DATA - 1 + len(pk)][kol["kode_indikator"]] == ""
    # daftar sasaran: nomor sasaran unik, urut
    ks = fc.SASARAN.kolom_awal - 1
    nomor = [row[ks] for row in cap[fc.BARIS_DATA - 1: fc.BARIS_DATA - 1 + fc.JUMLAH_BARIS_SASARAN]
             if row[ks] != ""]
    assert [int(x) for x in nomor] == sorted({int(x) for x in pk["no_sasaran"]})
    # periode dan nama bulan dari Info
    assert cap[1][1] == periode and cap[1][2] == ["Januari", "Februari", "Maret", "April", "Mei",
                                                   "Juni", "Juli", "Agustus", "September",
                                                   "Oktober", "November", "Desember"][periode - 1]


def test_judul_dan_jumlah_kontribusi_rapk(hasil_lo):
    rapk = _sheet(hasil_lo["balai_pom_jember_2024"], "RAPK")
    assert rapk[0][0] == "RENCANA AKSI PERJANJIAN KINERJA TAHUN 2024"
    assert rapk[1][0] == "BALAI POM DI JEMBER"
    # 2.01: empat baris kontribusi 77.198.000 + 62.920.000 + 21.600.000 + 98.400.000 (seed)
    baris = next(r for r in rapk if r[0] == "2.01")
    assert baris[15] == 77_198_000 + 62_920_000 + 21_600_000 + 98_400_000 == baris[14]
    # blok tanda tangan terisi dari Info (Dumai: "Dumai, 12 Februari 2025 / Kepala ... / Uly Mandasari")
    dumai = [v for r in _sheet(hasil_lo["loka_pom_dumai_2025"], "RAPK") for v in r if v]
    assert "Dumai, 12 Februari 2025" in dumai and "Uly Mandasari" in dumai


def test_tanpa_galat_tanpa_add_in(hasil_lo):
    """Tanpa add-in (LibreOffice) tidak satu sel pun berisi galat: fungsi rapk-xl yang tidak
    dikenal (#NAME?) digantikan rumus biasa (IFERROR), rumus pencarian tidak #VALUE!/#N/A."""
    from rapk_xl.io.xlsx_parts import PaketXlsx
    for nama, p in hasil_lo.items():
        with PaketXlsx(p) as paket:
            for sheet in paket.peta_sheet():
                assert paket.sel_galat(paket.isi_sheet(sheet)) == {}, (nama, sheet)


def test_konversi_pdf(libreoffice, tmp_path):
    pdf = libreoffice(AKAR / "samples" / "balai_pom_jember_2024.xlsx", "pdf", tmp_path)
    assert pdf.read_bytes()[:4] == b"%PDF"
