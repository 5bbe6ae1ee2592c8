"""`rapk-xl cetak`: cetakan RAPK dalam tata letak dokumen resmi.

Harapan di sini diambil dari teks dokumen sumber (``/work/shared/seeds``: 000 = RAPK 2024
Badan POM, 001 = Balai POM di Jember, 004 = Loka POM di Kota Dumai), bukan dari kode cetak:
urutan isi setiap baris cetakan (sel yang terisi, kiri ke kanan) harus sama dengan urutan
pada baris dokumen.
"""
import datetime as dt
import os
import shutil
import stat
import sys
import zipfile

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

from rapk_xl.cli import cli
from rapk_xl.format import DataRAPK
from rapk_xl.io import cetak, pdf
from rapk_xl.io.writer import tulis_workbook
from rapk_xl.samples.seed import muat_sampel

perlu_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) tidak terpasang: apt-get install libreoffice-calc-nogui")

BULAN = [f"B{i:02d}" for i in range(1, 13)]


def jalankan(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def isi_baris(ws):
    """Setiap baris sheet sebagai daftar (kolom, nilai) sel yang terisi."""
    return [[(c.column, c.value) for c in row if c.value not in (None, "")]
            for row in ws.iter_rows()]


def nilai(baris):
    return [v for _, v in baris]


def cari(semua, teks):
    """Indeks baris pertama yang memuat sel bernilai ``teks``."""
    for i, b in enumerate(semua):
        if teks in nilai(b):
            return i
    raise AssertionError(f"{teks!r} tidak ada di cetakan")


@pytest.fixture(scope="module")
def cetakan(tmp_path_factory):
    """Sampel ditulis sebagai workbook format rapk-xl, lalu dicetak lewat CLI."""
    folder = tmp_path_factory.mktemp("cetak")
    hasil = {}
    for id_sampel in ("balai_pom_jember_2024", "bpom_2024"):
        masukan = tulis_workbook(muat_sampel(id_sampel), folder / f"{id_sampel}.xlsx")
        keluaran = folder / f"cetak_{id_sampel}.xlsx"
        r = jalankan("cetak", masukan, "-o", keluaran)
        assert r.exit_code == 0, r.output
        assert "Cetakan ditulis" in r.output
        hasil[id_sampel] = openpyxl.load_workbook(keluaran).active
    return hasil


# --- Balai POM di Jember (dokumen 001) ---------------------------------------------------

def test_jember_judul_dan_header(cetakan):
    semua = [b for b in isi_baris(cetakan["balai_pom_jember_2024"]) if b]
    assert [nilai(b) for b in semua[:3]] == [
        ["RENCANA AKSI PERJANJIAN KINERJA TAHUN 2024"], ["BALAI POM DI JEMBER"],
        ["BADAN PENGAWAS OBAT DAN MAKANAN"]]
    assert nilai(semua[3]) == ["NO.", "SASARAN KEGIATAN", "INDIKATOR KINERJA KEGIATAN",
                               "TARGET", "ANGGARAN"]
    assert nilai(semua[4]) == BULAN


def test_jember_indikator_dengan_tabel_bersarang(cetakan):
    ws = cetakan["balai_pom_jember_2024"]
    semua = isi_baris(ws)
    i = cari(semua, "01 - Persentase Obat yang memenuhi syarat")
    # dokumen 001: "1. | 01 - Terwujudnya ... | 01 - Persentase ... | (B01 kosong)
    # 90 ×11 | 62,210,400"
    assert nilai(semua[i]) == [
        "1.", "01 - Terwujudnya Obat dan Makanan yang memenuhi syarat di masing-masing "
              "wilayah kerja UPT",
        "01 - Persentase Obat yang memenuhi syarat", *[90] * 11, 62210400]
    header = semua[cari(semua, "B01")]
    kolom_bulan = {v: k for k, v in header}
    assert ws.cell(i + 1, kolom_bulan["B01"]).value is None
    assert ws.cell(i + 1, kolom_bulan["B02"]).value == 90
    # langsung di bawahnya: header tabel bersarang lalu satu baris anggaran
    assert nilai(semua[i + 1]) == ["NO", "RO", "KOMPONEN", "SUB KOMPONEN", "ANGGARAN",
                                   "KONTRIBUSI"]
    assert nilai(semua[i + 2]) == [
        "1.", "DR.3165.QIA.005 - Sampel Obat, Obat Tradisional, Kosmetik dan Suplemen "
              "Kesehatan yang Diperiksa Sesuai Standar oleh UPT",
        "055 - Pengujian laboratorium sampel obat, obat bahan alam, kosmetika, suplemen "
        "kesehatan",
        "A - Pengadaan Sampel", 77763000, 62210400]
    assert nilai(semua[i + 3])[0] == "02 - Persentase Makanan yang memenuhi syarat"
    # KONTRIBUSI tepat di bawah ANGGARAN indikator; angka uang berupa angka berformat
    assert semua[i + 2][-1][0] == semua[i][-1][0]
    sel = ws.cell(i + 3, semua[i + 2][-1][0])
    assert isinstance(sel.value, (int, float)) and sel.number_format == "[$-421]#,##0"


def test_jember_sub_komponen_bersama_dua_indikator(cetakan):
    # dokumen 001: QIA.005/055/A pagu 77,763,000 = 62,210,400 (1.01) + 15,552,600 (1.03)
    semua = isi_baris(cetakan["balai_pom_jember_2024"])
    i = cari(semua, "03 - Persentase Obat yang aman dan bermutu berdasarkan hasil pengawasan")
    assert nilai(semua[i])[-1] == 15552600
    assert nilai(semua[i + 2])[-2:] == [77763000, 15552600]


def test_jember_target_apa_adanya_dan_tanda_tangan(cetakan):
    semua = isi_baris(cetakan["balai_pom_jember_2024"])
    # anomali dokumen 001 (3.02 PJAS: B12 = jumlah sekolah) dicetak apa adanya
    i = cari(semua, "02 - Jumlah sekolah dengan Pangan Jajanan Anak Sekolah (PJAS) Aman")
    assert nilai(semua[i])[1:] == [0, 0, 0, 0, 35, 35, 50, 50, 50, 50, 80, 6, 214456000]
    # dokumen 001 terpotong sebelum tanda tangan: hanya Tempat yang diketahui
    isi = [b for b in semua if b]
    assert nilai(isi[-2])[0] == "Total"
    assert nilai(isi[-1]) == ["Jember"]


# --- Badan POM, nasional (dokumen 000) ---------------------------------------------------

RO_1_01 = [  # dokumen 000, indikator 1.01, urut seperti tercetak (nomor 8 memang tidak ada)
    (1, "3165.PDD.001", "Laboratorium pengawasan Obat dan Makanan yang sesuai Good "
                        "Laboratory Practice", 88122028),
    (2, "4129.CAB.001", "Sarana Pengawasan Obat Tradisional, Suplemen Kesehatan dan Kosmetik",
     187000),
    (3, "4130.CAB.001", "Sarana Pengawasan Pangan Olahan", 250000),
    (4, "4133.CAB.001", "Sarana Pengujian Obat dan Makanan", 7000000),
    (5, "4135.CAB.001", "Sarana Penunjang Analisis Kebijakan Pengawasan Obat dan Makanan",
     25000),
    (6, "6384.EBB.951", "Layanan Sarana Internal", 10000000),
    (7, "6384.EBB.971", "Layanan Prasarana Internal", 8400000),
    (9, "4114.EBB.971", "Layanan Sarana Internal", 500000),
    (10, "4115.EBB.951", "Layanan Sarana Internal", 140000),
]


def test_nasional_judul_dan_header(cetakan):
    semua = [b for b in isi_baris(cetakan["bpom_2024"]) if b]
    assert [nilai(b) for b in semua[:2]] == [
        ["RENCANA AKSI PERJANJIAN KINERJA TAHUN 2024"], ["BADAN PENGAWAS OBAT DAN MAKANAN"]]
    assert nilai(semua[2]) == ["NO", "INDIKATOR KINERJA SASARAN STRATEGIS", "TARGET",
                               "ANGGARAN"]
    assert nilai(semua[3]) == BULAN


def test_nasional_indikator_pertama_dan_sembilan_ro(cetakan):
    ws = cetakan["bpom_2024"]
    semua = isi_baris(ws)
    i = cari(semua, "01 - Indeks Pengawasan Obat dan Makanan")
    assert nilai(semua[i]) == ["1.", "01 - Indeks Pengawasan Obat dan Makanan", *["-"] * 11,
                               83, 114624028]
    assert nilai(semua[i + 1]) == ["NO", "KODE", "RO", "ANGGARAN"]
    baris_ro = [tuple(nilai(b)) for b in semua[i + 2:i + 2 + len(RO_1_01)]]
    assert baris_ro == RO_1_01
    assert sum(r[-1] for r in baris_ro) == 114624028 == nilai(semua[i])[-1]
    assert nilai(semua[i + 2 + len(RO_1_01)])[0] == "02 - Persentase Obat yang memenuhi syarat"
    # ribu rupiah: dua desimal, seperti 114.624.028,00 di dokumen
    assert ws.cell(i + 1, semua[i][-1][0]).number_format == "[$-421]#,##0.00"


def test_nasional_total_mencetak_isi_workbook(cetakan):
    """Dokumen 000 mencetak Total 2.354.243.149. Transkripsinya mempertahankan baris 5.05
    yang bergeser: sel Anggaran-nya berisi 4,7 (nilai target ke-13) dan anggaran sebenarnya
    38.369.189 ada di kolom tambahan Kolom1. Cetakan mencetak apa yang ada di workbook,
    jadi Total = total dokumen - 38.369.189 + 4,7; validator yang melaporkan pergeserannya."""
    semua = [b for b in isi_baris(cetakan["bpom_2024"]) if b]
    i = cari(semua, "05 - Indeks pelayanan Publik di bidang Obat dan Makanan")
    assert nilai(semua[i])[-1] == 4.7
    total = next(b for b in semua if nilai(b)[0] == "Total")
    assert nilai(total) == ["Total", pytest.approx(2354243149 - 38369189 + 4.7)]
    # jumlah yang diketik sebagai teks di dokumen (5.874.961,0) tetap teks
    assert "5.874.961,0" in [v for b in semua for v in nilai(b)]


def test_nasional_tanda_tangan(cetakan):
    ws = cetakan["bpom_2024"]
    semua = [b for b in isi_baris(ws) if b]
    assert [nilai(b) for b in semua[-3:]] == [
        ["Jakarta, 20 Juni 2024"], ["Pt. Kepala BPOM"],
        ["Dr. Dra. L. Rizka Andalusia, Apt., M.Pharm., MARS"]]
    kolom, _ = semua[-1][0]
    assert kolom > 6  # sisi kanan
    nama = next(c for row in ws.iter_rows() for c in row
                if c.value == "Dr. Dra. L. Rizka Andalusia, Apt., M.Pharm., MARS")
    assert nama.font.b
    # ruang tanda tangan antara jabatan dan nama
    assert ws.cell(nama.row - 1, kolom).value is None


# --- Tata letak, cetak, keamanan ---------------------------------------------------------

def test_pilih_tata_letak():
    assert cetak.pilih_tata_letak(muat_sampel("bpom_2024")) is cetak.NASIONAL
    assert cetak.pilih_tata_letak(muat_sampel("balai_pom_jember_2024")) is cetak.UPT
    data = muat_sampel("balai_pom_jember_2024")
    data.anggaran["komponen"] = None  # tanpa Komponen sama sekali: tata letak nasional
    assert cetak.pilih_tata_letak(data) is cetak.NASIONAL


def test_pengaturan_cetak(cetakan):
    ws = cetakan["balai_pom_jember_2024"]
    ps = ws.page_setup
    assert ps.orientation == "landscape"
    assert int(ps.paperSize) == 9  # A4
    assert ps.fitToWidth == 1 and not ps.fitToHeight
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.sheet_view.showGridLines is False
    judul = str(ws.print_title_rows).replace("$", "")
    r1, r2 = (int(x) for x in judul.split(":"))
    assert r2 == r1 + 1
    assert "TARGET" in [c.value for c in ws[r1]] and "B01" in [c.value for c in ws[r2]]
    i = cari(isi_baris(ws), "01 - Persentase Obat yang memenuhi syarat")
    sel = next(c for c in ws[i + 1] if c.value == "01 - Persentase Obat yang memenuhi syarat")
    assert sel.border.left.style == "thin" and sel.alignment.wrap_text


def _data_jahat() -> DataRAPK:
    jahat = '=HYPERLINK("http://x","klik")'
    pk = pd.DataFrame([{"no_sasaran": 1, "sasaran": "+1", "kode_indikator": "1.01",
                        "indikator": "Indikator biasa"}])
    rapk = pd.DataFrame([
        {"kode_indikator": "1.01", "indikator": "Indikator biasa", "b01": "=1+1", "b12": 90,
         "anggaran": 100},
        {"kode_indikator": "=A1", "indikator": jahat, "b12": "@SUM(A1)", "anggaran": "=9"}])
    anggaran = pd.DataFrame([{"kode_indikator": "1.01", "no": 1, "kode_ro": "=2+2",
                              "rincian_output": "-1", "komponen": jahat,
                              "sub_komponen": "+1", "pagu": 100, "kontribusi": "=5*5"}])
    info = {"unit_kerja": "=Balai", "tahun": 2024, "satuan_anggaran": "Rupiah",
            "tempat": "=cmd", "tanggal": dt.date(2024, 6, 20),
            "jabatan_penandatangan": "+Kepala", "nama_penandatangan": jahat}
    return DataRAPK(info, {"pk": pk, "rapk": rapk, "anggaran": anggaran})


@pytest.mark.parametrize("tata_letak", ["upt", "nasional"])
def test_teks_jahat_tetap_teks(tmp_path, tata_letak):
    path = cetak.tulis_cetak(_data_jahat(), tmp_path / "jahat.xlsx", tata_letak)
    with zipfile.ZipFile(path) as zf:
        xml = b"".join(zf.read(n) for n in zf.namelist() if n.startswith("xl/worksheets/"))
    assert b"<f>" not in xml and b"<f " not in xml  # tidak ada satu rumus pun
    ws = openpyxl.load_workbook(path).active
    teks = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    awalan = [c for c in teks if c.value[:1] in "=+-@"]
    assert {c.value for c in awalan} >= {'=HYPERLINK("http://x","klik")', "=1+1", "@SUM(A1)",
                                         "=9", "+Kepala"}
    assert all(c.data_type == "s" for c in awalan)
    assert "=cmd, 20 Juni 2024" in [c.value for c in teks]  # tanggal ditulis seperti dokumen


def test_dumai_judul_dan_tanda_tangan(tmp_path):
    ws = openpyxl.load_workbook(cetak.tulis_cetak(
        muat_sampel("loka_pom_dumai_2025"), tmp_path / "dumai.xlsx")).active
    semua = [nilai(b) for b in isi_baris(ws) if b]
    assert semua[:3] == [["RENCANA AKSI PERJANJIAN KINERJA TAHUN 2025"],
                         ["LOKA POM DI KOTA DUMAI"], ["BADAN PENGAWAS OBAT DAN MAKANAN"]]
    # dokumen 004 menulis "12 February 2025"; workbook sampel menulis tanggalnya Indonesia
    assert semua[-3:] == [["Dumai, 12 Februari 2025"], ["Kepala Loka POM di Kota Dumai"],
                          ["Uly Mandasari"]]


# --- CLI dan PDF ---------------------------------------------------------------------------

def test_cli_berkas_rusak(tmp_path):
    rusak = tmp_path / "rusak.xlsx"
    rusak.write_bytes(os.urandom(4096))
    keluaran = tmp_path / "hasil.xlsx"
    r = jalankan("cetak", rusak, "-o", keluaran)
    assert r.exit_code == 1
    assert "tidak dapat dibaca" in r.output and "Traceback" not in r.output
    assert not keluaran.exists()
    r = jalankan("cetak", tmp_path / "tidak_ada.xlsx", "-o", keluaran)
    assert r.exit_code == 1 and "tidak ditemukan" in r.output


def test_cli_bukan_workbook_rapk(tmp_path):
    # cetakan sendiri bukan workbook format rapk-xl
    cetakan = cetak.tulis_cetak(muat_sampel("balai_pom_jember_2024"), tmp_path / "c.xlsx")
    r = jalankan("cetak", cetakan, "-o", tmp_path / "lagi.xlsx")
    assert r.exit_code == 1 and "tidak memuat indikator" in r.output


@pytest.fixture(scope="module")
def sampel_jember(tmp_path_factory):
    return tulis_workbook(muat_sampel("balai_pom_jember_2024"),
                          tmp_path_factory.mktemp("masukan") / "jember.xlsx")


def test_cli_tanpa_soffice_tetap_menulis_xlsx(tmp_path, monkeypatch, sampel_jember):
    kosong = tmp_path / "bin"
    kosong.mkdir()
    monkeypatch.setenv("PATH", str(kosong))
    monkeypatch.setattr(pdf, "LOKASI_SOFFICE", ())
    keluaran = tmp_path / "cetak.xlsx"
    r = jalankan("cetak", sampel_jember, "-o", keluaran, "--pdf")
    assert r.exit_code == 1
    assert keluaran.is_file() and not keluaran.with_suffix(".pdf").exists()
    assert "LibreOffice" in r.output and "tidak ditemukan" in r.output
    assert "apt-get install libreoffice-calc-nogui" in r.output
    assert "Windows" in r.output and "tetap ditulis" in r.output


@pytest.mark.skipif(sys.platform == "win32", reason="soffice tiruan berupa skrip shell")
def test_ke_pdf_batas_waktu_dan_gagal(tmp_path, monkeypatch):
    xlsx = cetak.tulis_cetak(muat_sampel("bpom_2024"), tmp_path / "n.xlsx")
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    palsu = bin_ / "soffice"
    monkeypatch.setenv("PATH", str(bin_))
    # proses anak yang tidak berhenti sendiri, seperti soffice.bin di bawah skrip soffice
    palsu.write_text(f"#!/bin/sh\n'{sys.executable}' -c 'import time; time.sleep(30)'\n")
    palsu.chmod(palsu.stat().st_mode | stat.S_IEXEC)
    with pytest.raises(pdf.GagalPdf, match="tidak selesai dalam 1 detik"):
        pdf.ke_pdf(xlsx, batas_waktu=1)
    palsu.write_text("#!/bin/sh\necho rusak >&2\nexit 3\n")
    with pytest.raises(pdf.GagalPdf, match="tidak menghasilkan PDF.*rusak"):
        pdf.ke_pdf(xlsx)


@perlu_soffice
def test_cli_pdf(tmp_path, sampel_jember):
    keluaran = tmp_path / "cetak.xlsx"
    r = jalankan("cetak", sampel_jember, "-o", keluaran, "--pdf")
    assert r.exit_code == 0, r.output
    pdf = keluaran.with_suffix(".pdf")
    isi = pdf.read_bytes()
    assert isi.startswith(b"%PDF") and len(isi) > 10_000
    assert "PDF ditulis" in r.output
