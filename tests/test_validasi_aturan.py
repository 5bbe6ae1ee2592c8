"""Setiap pemeriksaan validator pada workbook bersih yang diubah satu hal, seperti kesalahan
nyata: aturan yang benar, di sel yang benar, tanpa kesalahan palsu lain.

Letak sel diturunkan dari tata letak format (data mulai baris 6) dan urutan baris di
tests/bersih.py, bukan dari kode validator.
"""
import shutil
import zipfile

import openpyxl
import pytest

from bersih import data_bersih
from rapk_xl.io.writer import tulis_workbook
from rapk_xl.validate.validator import validasi


@pytest.fixture(scope="module")
def asli(tmp_path_factory):
    return tulis_workbook(data_bersih(), tmp_path_factory.mktemp("bersih") / "bersih.xlsx")


def test_workbook_bersih_tanpa_temuan(asli):
    lap = validasi([asli])
    assert lap.files[0].findings == [] and lap.files[0].valid


def _ubah(asli, tmp_path, ubah):
    p = tmp_path / "ubah.xlsx"
    shutil.copy(asli, p)
    wb = openpyxl.load_workbook(p)
    ubah(wb)
    wb.save(p)
    return validasi([p]).files[0]


def _set(**sel):
    """Ubahan: {"Sheet!A1": nilai, ...} (kunci ditulis Sheet__A1)."""
    def ubah(wb):
        for kunci, v in sel.items():
            sheet, alamat = kunci.split("__")
            wb[sheet][alamat] = v
    return ubah


KASUS = [
    # (aturan, ubahan, sheet, sel, tingkat, kesalahan lain yang wajar)
    ("unit-tidak-dikenal", _set(Info__B5="Balai POM di Jembr"), "Info", "B5", "error", set()),
    ("tahun-tidak-wajar", _set(Info__B6=224), "Info", "B6", "error", set()),
    ("periode-tidak-sah", _set(Info__B7=13), "Info", "B7", "error", set()),
    ("satuan-anggaran-tidak-sah", _set(Info__B8="Dolar"), "Info", "B8", "error", set()),
    ("versi-format", _set(Info__B9=2), "Info", "B9", "error", set()),
    ("wajib-kosong", _set(PK__G7=None), "PK", "G7", "error", set()),
    ("di-luar-pilihan", _set(PK__H6="Naik"), "PK", "H6", "error", set()),
    ("angka-sebagai-teks", _set(RAPK__H7="26"), "RAPK", "H7", "warning", set()),
    ("bukan-angka", _set(RAPK__O6="enam puluh juta"), "RAPK", "O6", "error", set()),
    ("angka-ambigu", _set(Anggaran__G11="1.500"), "Anggaran", "G11", "error", set()),
    ("angka-negatif", _set(Anggaran__I6=-5), "Anggaran", "I6", "error", set()),
    ("galat-excel", _set(RAPK__E6="#DIV/0!"), "RAPK", "E6", "error", set()),
    ("bukan-bilangan-bulat", _set(PK__A6=1.5), "PK", "A6", "error", set()),
    ("di-luar-rentang", _set(Pembilang__B6=13), "Pembilang", "B6", "error", set()),
    ("kode-indikator-tidak-sah", _set(PK__D10="2-02"), "PK", "D10", "error",
     {"kode-tidak-di-pk"}),
    ("kode-ro-tidak-sah", _set(Anggaran__C9="3165-BAH-001"), "Anggaran", "C9", "error", set()),
    ("kode-ganda", _set(PK__D7="1.01"), "PK", "D7", "error", {"kode-tidak-di-pk"}),
    ("kode-tidak-di-pk", _set(Realisasi__A10="9.99"), "Realisasi", "A10", "error",
     {"pk-tidak-di-realisasi"}),
    ("pk-tidak-di-rapk", _set(**{f"RAPK__{c}10": None for c in "ABCDEFGHIJKLMNO"}), "PK", "D10",
     "error", set()),
    ("nomor-urut", _set(Anggaran__B7=3), "Anggaran", "B7", "warning", set()),
    ("sasaran-tidak-konsisten", _set(PK__C7="Obat aman dan bermutu"), "PK", "C7", "error", set()),
    ("target-kosong", _set(**{f"RAPK__{c}8": None for c in "CDEFGHIJKLMN"}), "RAPK", "N8",
     "error", set()),
    ("kumulatif-turun", _set(RAPK__I7=20), "RAPK", "I7", "error", set()),
    ("kumulatif-b12-beda-target", _set(PK__K7=55), "RAPK", "N7", "error", set()),
    ("tetap-bervariasi", _set(RAPK__G6=85), "RAPK", "G6", "error", set()),
    ("tetap-beda-target", _set(PK__K6=95), "RAPK", "D6", "error", set()),
    ("akhir-tahun-sebelum-b12", _set(RAPK__H8=88), "RAPK", "H8", "error", set()),
    ("akhir-tahun-beda-target", _set(PK__K8=90), "RAPK", "N8", "error", set()),
    ("b12-seperti-jumlah", _set(RAPK__N7=6, PK__K7=6), "RAPK", "N7", "error", set()),
    ("target-bolong", _set(RAPK__H6=None), "RAPK", "H6", "warning", set()),
    ("baris-bergeser", _set(RAPK__Q5="Kolom1", RAPK__Q6=62_210_400), "RAPK", "Q6", "error", set()),
    ("target-melebihi-100", _set(RAPK__N7=150, PK__K7=150), "RAPK", "N7", "error", set()),
    ("anggaran-beda-kontribusi", _set(RAPK__O9=1), "RAPK", "O9", "error", set()),
    ("kontribusi-lebih-pagu", _set(Anggaran__H7=2_000_000, RAPK__O6=64_210_400), "Anggaran",
     "H7", "error", set()),
    ("pagu-terhitung-ganda", _set(Anggaran__H8=20_000_000, RAPK__O7=20_000_000), "Anggaran",
     "G6", "error", set()),
    ("pagu-tidak-teratribusi", _set(Anggaran__H8=10_000_000, RAPK__O7=10_000_000), "Anggaran",
     "G6", "warning", set()),
    ("pagu-tidak-konsisten", _set(Anggaran__G8=77_000_000), "Anggaran", "G8", "error", set()),
    ("realisasi-anggaran-lebih", _set(Anggaran__I9=20_000_000), "Anggaran", "I9", "error", set()),
    ("realisasi-kosong", _set(Realisasi__G6=None), "Realisasi", "G6", "error", set()),
    ("realisasi-setelah-periode", _set(Realisasi__I6=90), "Realisasi", "I6", "error", set()),
    ("pembilang-tidak-cocok", _set(Pembilang__C6=130), "Pembilang", "C6", "error", set()),
    ("penyebut-nol", _set(Pembilang__D6=0), "Pembilang", "D6", "error", set()),
    ("realisasi-tidak-wajar", _set(Realisasi__G6=130), "Realisasi", "G6", "error", set()),
    ("realisasi-kumulatif-turun", _set(Realisasi__H7=20), "Realisasi", "H7", "warning", set()),
    ("rumus-ditimpa", _set(Capaian__L6=95), "Capaian", "L6", "error", set()),
    ("header-diganti", _set(Anggaran__C5="Kode R.O"), "Anggaran", "C5", "error", set()),
]


@pytest.mark.parametrize("aturan, ubah, sheet, sel, tingkat, lain", KASUS, ids=[k[0] for k in KASUS])
def test_aturan(asli, tmp_path, aturan, ubah, sheet, sel, tingkat, lain):
    h = _ubah(asli, tmp_path, ubah)
    cocok = [t for t in h.findings if t.rule == aturan and t.sheet == sheet and t.cell == sel]
    assert cocok, f"tidak ada {aturan} di {sheet}!{sel}; temuan: " + "; ".join(
        f"{t.rule}@{t.tempat}" for t in h.findings)
    assert cocok[0].severity == tingkat
    assert cocok[0].message and cocok[0].message[0].isupper() or cocok[0].message[0].isdigit()
    palsu = {t.rule for t in h.errors} - {aturan} - lain
    assert not palsu, f"kesalahan lain yang tidak diharapkan: {palsu}"
    assert h.valid == (tingkat == "warning")


def test_pesan_menyebut_yang_benar(asli, tmp_path):
    h = _ubah(asli, tmp_path, _set(Info__B5="Balai POM di Jembr"))
    assert "Balai POM di Jember" in h.findings[0].message
    h = _ubah(asli, tmp_path, _set(RAPK__H7="26"))
    assert "terbaca 26" in h.findings[0].message
    h = _ubah(asli, tmp_path, _set(Anggaran__G11="1.500"))
    assert "1.500" in h.findings[0].message and "1,500" in h.findings[0].message
    # rumus ditimpa: 90,97 / 90 × 100 = 101,08 (capaian periode 1.01 bulan 6)
    h = _ubah(asli, tmp_path, _set(Capaian__L6=95))
    assert "95" in h.findings[0].message and "101,08" in h.findings[0].message


def test_rumus_jumlah_kontribusi_ditimpa(asli, tmp_path):
    h = _ubah(asli, tmp_path, _set(RAPK__P6=5))
    t = next(t for t in h.findings if t.rule == "rumus-ditimpa")
    # 62.210.400 + 1.000.000 (dua baris 1.01)
    assert t.tempat == "RAPK!P6" and "63.210.400" in t.message


def test_baris_anggaran_ganda(asli, tmp_path):
    def salin(wb):
        ws = wb["Anggaran"]
        for j in range(1, 10):
            ws.cell(12, j).value = ws.cell(11, j).value
    h = _ubah(asli, tmp_path, salin)
    aturan = {(t.rule, t.tempat) for t in h.findings}
    assert ("baris-anggaran-ganda", "Anggaran!A12") in aturan
    # akibatnya jumlah kontribusi 2.02 dan sub komponennya terhitung dua kali
    assert ("anggaran-beda-kontribusi", "RAPK!O10") in aturan
    assert ("pagu-terhitung-ganda", "Anggaran!G11") in aturan


def test_header_diganti_tidak_membanjiri_sel(asli, tmp_path):
    h = _ubah(asli, tmp_path, _set(Anggaran__C5="Kode R.O"))
    assert [t.rule for t in h.errors] == ["header-diganti"]


def test_sheet_dan_tabel_hilang(asli, tmp_path):
    def hapus(wb):
        del wb["Pembilang"]
        del wb["Realisasi"].tables["tblRealisasi"]
    h = _ubah(asli, tmp_path, hapus)
    aturan = {(t.rule, t.sheet, t.severity) for t in h.findings}
    assert ("sheet-hilang", "Pembilang", "error") in aturan
    assert ("tabel-jadi-range", "Realisasi", "warning") in aturan   # data tetap terbaca
    assert not any(t.rule.startswith("realisasi") for t in h.findings)


def test_kolom_dipindah_hanya_peringatan(asli, tmp_path):
    def tukar(wb):
        ws = wb["Anggaran"]
        for r in range(5, 12):
            ws[f"G{r}"].value, ws[f"H{r}"].value = ws[f"H{r}"].value, ws[f"G{r}"].value
    h = _ubah(asli, tmp_path, tukar)
    assert h.valid and [t.rule for t in h.findings] == ["header-dipindah"]


def _tambah_bagian(asli, tmp_path, nama, isi=b"x"):
    p = tmp_path / "ekstra.xlsx"
    with zipfile.ZipFile(asli) as a, zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as b:
        for i in a.infolist():
            b.writestr(i, a.read(i.filename))
        b.writestr(nama, isi)
    return validasi([p]).files[0]


def test_makro_dan_tautan_eksternal_peringatan(asli, tmp_path):
    h = _tambah_bagian(asli, tmp_path, "xl/vbaProject.bin")
    assert h.valid and [t.rule for t in h.findings] == ["makro"]
    h = _tambah_bagian(asli, tmp_path, "xl/externalLinks/externalLink1.xml", b"<x/>")
    assert h.valid and [t.rule for t in h.findings] == ["tautan-eksternal"]
