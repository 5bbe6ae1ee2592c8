"""Mesin spreadsheet sungguhan: LibreOffice Calc membuka template dan sampel, menghitung ulang
rumus, dan mengonversi tanpa galat; rumus Excel biasa memberi nilai yang diharapkan.

Fungsi rapk-xl (=CAPAIAN dst.) hanya ada di Excel dengan add-in; di LibreOffice rumus biasa
cadangannya yang menghitung (lihat tests/test_tanpa_addin.py); di sini rumus pencarian di
sekelilingnya.
"""
from collections import Counter
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import python_calamine as pc

from conftest import perlu_soffice
from rapk_xl.format import capaian as fc
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
    # rumus Jumlah Kontribusi menunggu di setiap baris yang disiapkan: baris kosong → kosong
    assert rapk[len(rapk) - 1][15] == "" and len(rapk) >= 2005
    # tidak ada blok tanda tangan di area ketik (di bawah tabel): tanda tangan ada di cetakan
    # resmi (rapk-xl cetak); Dumai: "Dumai, 12 Februari 2025 / Kepala ... / Uly Mandasari"
    for nama in ("PK", "RAPK"):
        dumai = [v for r in _sheet(hasil_lo["loka_pom_dumai_2025"], nama) for v in r if v]
        assert not [v for v in dumai if "Uly Mandasari" in str(v) or "Februari 2025" in str(v)]


def test_template_kosong_tanpa_periode_0_dan_spasi_ganda(hasil_lo):
    cap = _sheet(hasil_lo["rapk_template"], "Capaian")
    assert cap[0][0] == "CAPAIAN KINERJA TAHUN"
    assert cap[1][1] == "" and cap[1][2] == "(isi Periode 1-12 di sheet Info)"
    for nama, judul in [("PK", "PERJANJIAN KINERJA TAHUN"),
                        ("RAPK", "RENCANA AKSI PERJANJIAN KINERJA TAHUN")]:
        assert _sheet(hasil_lo["rapk_template"], nama)[0][0] == judul
    jember = _sheet(hasil_lo["balai_pom_jember_2024"], "Capaian")
    assert jember[0][0] == "CAPAIAN KINERJA BALAI POM DI JEMBER TAHUN 2024"


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


# -- tampilan cetak: tanpa halaman kosong, tanpa teks terpotong --------------------------------

import re  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
from html import unescape  # noqa: E402

from rapk_xl.io.writer import PETUNJUK  # noqa: E402

#: Penanda halaman pertama setiap sheet (urut sheet; baris judul diulang di setiap halaman)
PENANDA = [("Petunjuk", r"RAPK — Rencana Aksi Perjanjian Kinerja"),
           ("Info", r"INFORMASI WORKBOOK RAPK"),
           ("PK", r"(?<!AKSI )PERJANJIAN KINERJA TAHUN"),
           ("RAPK", r"RENCANA AKSI PERJANJIAN KINERJA TAHUN"),
           ("Anggaran", r"RINCIAN ANGGARAN RENCANA AKSI TAHUN"),
           ("Realisasi", r"REALISASI KINERJA TAHUN"),
           ("Pembilang", r"PEMBILANG DAN PENYEBUT REALISASI TAHUN"),
           ("Capaian", r"CAPAIAN KINERJA")]

perlu_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="pdftotext tidak ada: apt-get install poppler-utils")


def _halaman(pdf: Path) -> list[tuple[float, float, list[tuple]]]:
    """Setiap halaman PDF: (lebar, tinggi, kata), kata = (x0, y0, x1, y1, teks)."""
    keluar = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                            text=True, check=True).stdout
    hasil = []
    for m in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', keluar, re.S):
        kata = [(float(a), float(b), float(c), float(d), unescape(t)) for a, b, c, d, t in
                re.findall(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" '
                           r'yMax="([-\d.]+)">(.*?)</word>', m.group(3))]
        hasil.append((float(m.group(1)), float(m.group(2)), kata))
    return hasil


def _sheet_per_halaman(halaman) -> list[str]:
    """Sheet asal setiap halaman: halaman tanpa penanda sheet berikutnya adalah lanjutan."""
    hasil, i = [], -1
    for _, _, kata in halaman:
        teks = " ".join(k[4] for k in kata)
        for j in range(i + 1, len(PENANDA)):
            if re.search(PENANDA[j][1], teks):
                i = j
                break
        assert i >= 0, teks[:200]
        hasil.append(PENANDA[i][0])
    return hasil


def _tumpang_tindih(kata) -> list[tuple[str, str]]:
    """Pasangan kata yang saling menimpa (teks terbungkus yang meluber ke baris berikutnya,
    atau teks yang terpotong sel tetangganya)."""
    hasil = []
    urut = sorted(kata, key=lambda k: k[1])
    for i, a in enumerate(urut):
        for b in urut[i + 1:]:
            if b[1] >= a[3]:
                break
            dy = min(a[3], b[3]) - max(a[1], b[1])
            dx = min(a[2], b[2]) - max(a[0], b[0])
            if dy > 0.3 * min(a[3] - a[1], b[3] - b[1]) and dx > 1.0:
                hasil.append((a[4], b[4]))
    return hasil


_DPI = 36
_WARNA_HEADER = (0x1F, 0x4E, 0x78)


def _piksel(pdf: Path, n: int, folder: Path) -> tuple[int, int, bytes]:
    """Halaman ``n`` sebagai gambar RGB (PPM dari pdftoppm): (lebar, tinggi, piksel)."""
    awalan = folder / f"hal{n}"
    subprocess.run(["pdftoppm", "-r", str(_DPI), "-f", str(n), "-l", str(n), "-singlefile",
                    str(pdf), str(awalan)], check=True)
    data = awalan.with_suffix(".ppm").read_bytes()
    kepala = data.split(maxsplit=4)  # P6, lebar, tinggi, 255, piksel
    return int(kepala[1]), int(kepala[2]), kepala[4]


def _pita_header(gambar, y_pt: float) -> tuple[float, float] | None:
    """Tepi kiri dan kanan (pt) pita biru header tabel pada ketinggian ``y_pt``."""
    lebar, tinggi, px = gambar
    y = min(tinggi - 1, int(y_pt * _DPI / 72))
    x = [i for i in range(lebar) if all(abs(px[3 * (y * lebar + i) + k] - _WARNA_HEADER[k]) < 40
                                        for k in range(3))]
    return (x[0] * 72 / _DPI, (x[-1] + 1) * 72 / _DPI) if x else None


def _judul_terpotong(pdf: Path, n: int, kata, folder: Path) -> list[str]:
    """Kata judul (di atas header tabel) yang keluar dari lebar tabel: di layar dan kertas
    sel judul yang digabung selebar tabel memotongnya (pdftotext tetap melihat katanya)."""
    header = [k for k in kata if k[4] in ("Kode", "No") and k[1] > 40]
    if not header:
        return []
    h = min(header, key=lambda k: k[1])
    pita = _pita_header(_piksel(pdf, n, folder), (h[1] + h[3]) / 2)
    if pita is None:
        return []
    return [k[4] for k in kata if k[3] < h[1] and (k[0] < pita[0] - 2 or k[2] > pita[1] + 2)]


def _periksa_tampilan(pdf: Path, folder: Path) -> list[str]:
    halaman = _halaman(pdf)
    sheet = _sheet_per_halaman(halaman)
    for n, (lebar, tinggi, kata) in enumerate(halaman, start=1):
        assert kata, f"halaman {n} kosong"
        luar = [k[4] for k in kata if k[0] < -0.5 or k[2] > lebar + 0.5 or k[1] < 0
                or k[3] > tinggi]
        assert not luar, f"halaman {n}: teks terpotong di tepi halaman: {luar[:5]}"
        tumpang = _tumpang_tindih(kata)
        assert not tumpang, f"halaman {n}: teks saling menimpa: {tumpang[:5]}"
        if sheet[n - 1] not in ("Petunjuk", "Info", "Capaian"):
            potong = _judul_terpotong(pdf, n, kata, folder)
            assert not potong, f"halaman {n} ({sheet[n - 1]}): judul terpotong: {potong}"
    return sheet


@perlu_poppler
def test_template_kosong_tercetak_rapi(libreoffice, tmp_path):
    """Template kosong: satu halaman per sheet isian, tiga untuk Capaian (blok indikator,
    sasaran, perspektif), bukan 8 halaman kosong; Petunjuk utuh; tanpa teks terpotong/menimpa."""
    pdf = libreoffice(AKAR / "templates" / "rapk_template.xlsx", "pdf", tmp_path)
    sheet = _periksa_tampilan(pdf, tmp_path)
    assert Counter(sheet) == {"Petunjuk": 1, "Info": 1, "PK": 1, "RAPK": 1, "Anggaran": 1,
                              "Realisasi": 1, "Pembilang": 1, "Capaian": 3}
    teks = " ".join(subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"],
                                   capture_output=True, text=True).stdout.split())
    for baris, _ in PETUNJUK:
        if baris:
            assert " ".join(baris.format(versi=1).split()) in teks, baris


@perlu_poppler
def test_sampel_terisi_tercetak_tanpa_halaman_kosong(libreoffice, tmp_path):
    """Sampel Jember (26 indikator, 52 baris anggaran): setiap halaman memuat data (kode
    indikator), teks panjang terbungkus dalam barisnya, tidak ada yang menimpa baris lain."""
    pdf = libreoffice(AKAR / "samples" / "balai_pom_jember_2024.xlsx", "pdf", tmp_path)
    sheet = _periksa_tampilan(pdf, tmp_path)
    halaman = _halaman(pdf)
    for n, (nama, (_, _, kata)) in enumerate(zip(sheet, halaman), start=1):
        teks = " ".join(k[4] for k in kata)
        if nama in ("Petunjuk", "Info"):
            continue
        assert re.search(r"\b\d{1,2}\.\d{2}\b", teks) or "Perspektif" in teks, \
            f"halaman {n} ({nama}) tanpa data"
    jumlah = Counter(sheet)
    assert jumlah["PK"] <= 3 and jumlah["RAPK"] <= 3 and jumlah["Capaian"] <= 4, jumlah
