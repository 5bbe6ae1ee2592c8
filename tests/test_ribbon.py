"""Tombol Validasi: rapk_xl.main() dijalankan atas model objek xlwings sungguhan (mesin remote,
xw.Book(json=...)); yang diperiksa adalah apa yang akan sampai ke Excel (aksi xlwings)."""
import shutil
from pathlib import Path

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


# ---------------------------------------------------------------- tombol lain di tab RAPK


def _alert(book) -> str:
    return _aksi(book, "alert")[-1]["args"][0]


def test_hitung_ulang_menghitung_lalu_melaporkan_nps_unit(berkas):
    from rapk_xl.ribbon import hitung_ulang
    _ubah(berkas, Capaian__F2=98.805, Capaian__G2="Baik")   # nilai setelah Excel menghitung
    book = buku(berkas)
    pesan = hitung_ulang(book)
    assert _aksi(book, "calculate"), "perintah hitung ulang tidak dikirim ke Excel"
    assert pesan == "Sheet Capaian dihitung ulang. NPS unit: 98,81 (Baik)."
    assert _alert(book) == pesan


def test_hitung_ulang_sel_name_menyebut_sebab_dan_langkah(berkas):
    from rapk_xl.ribbon import hitung_ulang
    # fungsi add-in belum dikenal: Excel menyimpan #NAME? di sel berumus
    _ubah(berkas, Capaian__J6="#NAME?", Capaian__J7="#NAME?", Capaian__F2="#NAME?")
    book = buku(berkas)
    pesan = hitung_ulang(book)
    assert pesan.startswith("3 sel di sheet Capaian masih #NAME?")
    assert "F2" in pesan and "J6" in pesan
    assert "tutup lalu buka lagi Excel".lower() in pesan.lower() and "addin cek" in pesan


def test_hitung_ulang_tanpa_sheet_capaian(tmp_path):
    from rapk_xl.ribbon import hitung_ulang
    wb = openpyxl.Workbook()
    p = tmp_path / "lain.xlsx"
    wb.save(p)
    book = buku(p)
    assert "tidak memiliki sheet Capaian" in hitung_ulang(book)
    assert _aksi(book, "calculate")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) tidak terpasang")
def test_cetak_pdf_dari_buku_terbuka(berkas, tmp_path):
    import subprocess
    from rapk_xl.ribbon import cetak_pdf
    # suntingan yang belum disimpan ikut tercetak: buku dibaca lewat xlwings, bukan dari disk
    book = buku(_ubah(berkas, RAPK__C6="Persentase obat yang memenuhi syarat (diubah)"))
    keluar = tmp_path / "keluar"
    keluar.mkdir()
    pdf = cetak_pdf(book, folder=keluar)
    assert pdf == keluar / "unit - cetak RAPK.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert (keluar / "unit - cetak RAPK.xlsx").exists()
    teks = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True).stdout
    assert "RENCANA AKSI" in teks.upper()
    assert "(diubah)" in teks and "Opini BPK atas laporan keuangan" in teks
    assert str(pdf) in _alert(book)


def test_cetak_pdf_workbook_tanpa_indikator(tmp_path):
    from rapk_xl.ribbon import cetak_pdf
    wb = openpyxl.Workbook()
    p = tmp_path / "kosong.xlsx"
    wb.save(p)
    book = buku(p)
    assert cetak_pdf(book, folder=tmp_path) is None
    assert "belum memuat indikator" in _alert(book)
    assert not list(tmp_path.glob("*cetak*"))


def test_cetak_pdf_folder_tidak_dapat_ditulis_pesan_bukan_traceback(berkas, tmp_path):
    from rapk_xl.ribbon import cetak_pdf
    bukan_folder = tmp_path / "berkas.txt"
    bukan_folder.write_text("x")
    book = buku(berkas)
    assert cetak_pdf(book, folder=bukan_folder) is None
    pesan = _alert(book)
    assert "tidak dapat ditulis" in pesan or "tidak selesai" in pesan
    assert "Traceback" not in pesan


def test_bantuan_membuka_petunjuk_di_peramban(tmp_path, monkeypatch):
    import webbrowser
    from rapk_xl.ribbon import bantuan
    catat = tmp_path / "url.txt"
    skrip = tmp_path / "peramban.sh"
    skrip.write_text(f'#!/bin/sh\necho "$1" > "{catat}"\n')
    skrip.chmod(0o755)
    # webbrowser memakai BROWSER bila diisi: peramban = skrip yang mencatat alamatnya
    monkeypatch.setenv("BROWSER", f"{skrip} %s")
    monkeypatch.setattr(webbrowser, "_tryorder", None)
    monkeypatch.setattr(webbrowser, "_browsers", {})
    url = bantuan()
    import time
    for _ in range(50):
        if catat.exists() and catat.read_text().strip():
            break
        time.sleep(0.1)
    assert catat.read_text().strip() == url
    halaman = Path(url.removeprefix("file://")).read_text(encoding="utf-8")
    for kata in ["Validasi", "Hitung Ulang", "Cetak PDF", "Bantuan", "pasang.bat", "addin cek",
                 "=CAPAIAN(", "=KRITERIA(", "=NPS(", "=NPS_UNIT(", "=BOBOT(", "=EFISIENSI("]:
        assert kata in halaman, kata
