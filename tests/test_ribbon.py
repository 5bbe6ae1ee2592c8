"""Tombol Validasi: rapk_xl.main() dijalankan atas model objek xlwings sungguhan (mesin remote,
xw.Book(json=...)); yang diperiksa adalah apa yang akan sampai ke Excel (aksi xlwings)."""
import shutil

import openpyxl
import pytest

import rapk_xl
from bersih import data_bersih
from rapk_xl.io.writer import tulis_workbook
from rapk_xl.ribbon import SHEET_VALIDASI, WARNA_KESALAHAN, WARNA_PERINGATAN, validasi_book
from rapk_xl.validate.validator import validasi
from xlwings_buku import buku, payload


@pytest.fixture
def berkas(tmp_path):
    return tulis_workbook(data_bersih(), tmp_path / "unit.xlsx")


def _ubah(p, **sel):
    wb = openpyxl.load_workbook(p)
    for kunci, v in sel.items():
        sheet, alamat = kunci.split("__")
        wb[sheet][alamat] = v
    wb.save(p)
    return p


def _aksi(book, func):
    return [a for a in book.json()["actions"] if a["func"] == func]


def _posisi(book, nama):
    return [s.name for s in book.sheets].index(nama)


def test_sama_dengan_validasi_berkas(berkas):
    _ubah(berkas, RAPK__G6=85, RAPK__H7="26", Info__B7=13)
    dari_berkas = validasi([berkas]).files[0]
    dari_excel = validasi_book(buku(berkas))
    kunci = lambda h: sorted((t.rule, t.sheet, t.cell) for t in h.findings)  # noqa: E731
    # rumus tidak terbaca dari mesin remote; selain itu hasilnya sama
    assert kunci(dari_excel) == kunci(dari_berkas)


def test_main_menulis_sheet_validasi_tautan_dan_warna(berkas):
    _ubah(berkas, RAPK__G6=85, RAPK__H7="26")   # tetap-bervariasi (error) + teks angka (warning)
    book = buku(berkas)
    ringkas = rapk_xl.main(book)
    assert ringkas == "1 kesalahan, 1 peringatan"
    tambah = _aksi(book, "addSheet")
    assert tambah and tambah[0]["args"][1] == SHEET_VALIDASI
    nilai = _aksi(book, "setValues")[0]["values"]
    teks = [str(v) for baris in nilai for v in baris if v is not None]
    assert any("1 kesalahan, 1 peringatan — DITOLAK" in t for t in teks)
    assert "RAPK!G6" in teks and "RAPK!H7" in teks
    assert any("Tetap" in t for t in teks)
    tautan = {a["args"][0] for a in _aksi(book, "addHyperlink")}
    assert {"#'RAPK'!G6", "#'RAPK'!H7"} <= tautan
    warna = {(a["sheet_position"], a["start_row"], a["start_column"], a["args"][0])
             for a in _aksi(book, "setRangeColor")}
    rapk = _posisi(book, "RAPK")
    assert (rapk, 5, 6, WARNA_KESALAHAN) in warna      # G6: baris 6, kolom 7 (0-based 5, 6)
    assert (rapk, 6, 7, WARNA_PERINGATAN) in warna     # H7
    alert = _aksi(book, "alert")[0]["args"]
    assert "1 kesalahan, 1 peringatan" in alert[0]
    assert _aksi(book, "activateSheet")


def _terapkan(p, book):
    """Payload berikutnya: apa yang ada di Excel setelah aksi putaran pertama diterapkan
    (sheet Validasi dengan nilai yang ditulis)."""
    data = p
    tulis = _aksi(book, "setValues")[0]
    nilai = tulis["values"]
    data["sheets"].insert(0, {"name": SHEET_VALIDASI, "values": nilai, "pictures": [], "tables": []})
    return data


def test_validasi_ulang_mengembalikan_warna_lama_saja(berkas):
    import xlwings as xw
    _ubah(berkas, RAPK__G6=85)
    book = buku(berkas)
    rapk_xl.main(book)
    # pengguna memperbaiki G6, lalu menekan Validasi lagi
    _ubah(berkas, RAPK__G6=90)
    kedua = xw.Book(json=_terapkan(payload(berkas), book))
    ringkas = rapk_xl.main(kedua)
    assert ringkas == "0 kesalahan, 0 peringatan"
    assert not _aksi(kedua, "addSheet")                   # sheet Validasi dipakai ulang
    assert _aksi(kedua, "sheetClear")
    warna = [(a["sheet_position"], a["start_row"], a["start_column"], a["args"][0])
             for a in _aksi(kedua, "setRangeColor")]
    # satu-satunya perubahan warna: G6 dikembalikan (tanpa warna), sel lain tidak disentuh
    assert warna == [(_posisi(kedua, "RAPK"), 5, 6, None)]
    teks = [str(v) for b in _aksi(kedua, "setValues")[0]["values"] for v in b if v is not None]
    assert any("siap dikirim" in t for t in teks)


def test_galat_excel_di_excel_terbaca_sebagai_galat(berkas):
    _ubah(berkas, RAPK__E6="#DIV/0!")
    h = validasi_book(buku(berkas))
    assert [(t.rule, t.tempat) for t in h.errors] == [("galat-excel", "RAPK!E6")]


def test_workbook_bukan_template_tidak_crash(tmp_path):
    wb = openpyxl.Workbook()
    wb.active["A1"] = "catatan"
    p = tmp_path / "lain.xlsx"
    wb.save(p)
    book = buku(p)
    ringkas = rapk_xl.main(book)
    assert ringkas == "1 kesalahan, 0 peringatan"
