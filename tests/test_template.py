"""Template: selaras dengan generator, terasa seperti alat Excel yang dibuat dengan baik."""
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from rapk_xl.cli import cli
from rapk_xl.format.spec import TABEL, TABEL_DATA
from rapk_xl.io.writer import tulis_template

TEMPLATE = Path(__file__).resolve().parents[1] / "templates" / "rapk_template.xlsx"


def isi_zip(path):
    """Isi paket xlsx kecuali metadata waktu pembuatan."""
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


def test_template_di_repo_selaras_dengan_generator(tmp_path):
    baru = tulis_template(tmp_path / "t.xlsx")
    assert isi_zip(TEMPLATE) == isi_zip(baru), (
        "templates/rapk_template.xlsx usang: jalankan `rapk-xl template -o templates/rapk_template.xlsx`")


@pytest.fixture(scope="module")
def wb(tmp_path_factory):
    p = tulis_template(tmp_path_factory.mktemp("t") / "t.xlsx", "Balai POM di Jember", 2024)
    return openpyxl.load_workbook(p)


def test_sheet_tabel_dan_header_kontrak(wb):
    for t in TABEL:
        ws = wb[t.sheet]
        assert t.nama in ws.tables, t.nama
        ref = ws.tables[t.nama].ref
        baris = int(ref.split(":")[0][1:])
        header = [ws.cell(baris, j + 1).value for j in range(len(t.header))]
        assert header == list(t.header)


def _dv(ws):
    hasil = {}
    for dv in ws.data_validations.dataValidation:
        for r in str(dv.sqref).split():
            hasil[r.split(":")[0]] = dv
    return hasil


def test_dropdown(wb):
    pk = _dv(wb["PK"])
    assert pk["G6"].type == "list" and pk["G6"].formula1 == "=lstJenisTarget"
    assert pk["H6"].formula1 == "=lstPolaritas" and pk["I6"].formula1 == "=lstYaTidak"
    assert pk["G6"].errorStyle == "stop"
    assert pk["B6"].errorStyle == "warning"    # perspektif: saran, boleh lain
    info = _dv(wb["Info"])
    assert info["B5"].formula1 == "=lstUnit"
    assert info["B8"].formula1 == "=lstSatuanAnggaran"
    assert info["B7"].type == "whole" and (info["B7"].formula1, info["B7"].formula2) == ("1", "12")
    # daftar unit di sheet tersembunyi memuat 104 nama (103 unit + BPOM)
    daftar = wb["Daftar"]
    assert daftar.sheet_state == "hidden"
    nama = str(wb.defined_names["lstUnit"].attr_text)
    assert nama.endswith("$A$105")
    assert daftar["A2"].value == "Badan Pengawas Obat dan Makanan"
    assert "Balai POM di Jember" in [daftar.cell(r, 1).value for r in range(2, 106)]
    jt = [daftar.cell(r, 2).value for r in range(2, 5)]
    assert jt == ["Tetap", "Kumulatif", "Akhir Tahun"]


def test_info_terisi_dan_terkunci(wb):
    ws = wb["Info"]
    assert ws["A5"].value == "Unit Kerja" and ws["B5"].value == "Balai POM di Jember"
    assert ws["B6"].value == 2024 and ws["B9"].value == 1
    assert ws.protection.sheet and ws.protection.password is None
    assert ws["B5"].protection.locked is False and ws["A5"].protection.locked is not False


def test_format_angka_dan_beku(wb):
    ws = wb["RAPK"]
    # format bawaan kolom (bukan hanya sel baris 6): berlaku juga untuk baris yang diketik
    # atau ditempel di bawah tabel
    assert ws.column_dimensions["O"].number_format == "#,##0"   # Anggaran: rupiah
    assert ws.column_dimensions["A"].number_format == "@"       # kode indikator sebagai teks
    assert ws.column_dimensions["C"].number_format == "#,##0.##"  # B01
    assert wb["Anggaran"].column_dimensions["C"].number_format == "@"  # Kode RO
    assert wb["PK"].column_dimensions["D"].number_format == "@"
    assert ws.freeze_panes == "C6"
    assert wb["PK"].freeze_panes == "F6"


def test_semua_kolom_isian_berformat_sampai_baris_terakhir(wb):
    """Setiap kolom kontrak setiap tabel: format bawaan kolom sesuai spec, dropdown/validasi
    sampai baris 2005 (Anggaran 5005), kolom rumus berumus di setiap baris itu."""
    from rapk_xl.io.writer import batas_baris
    for t in TABEL_DATA:
        ws = wb[t.sheet]
        dv = {str(r).split(":")[0][:-1].rstrip("0123456789"): str(r)
              for d in ws.data_validations.dataValidation for r in str(d.sqref).split()}
        for j, k in enumerate(t.kolom, start=1):
            h = openpyxl.utils.get_column_letter(j)
            fmt = ws.column_dimensions[h].number_format
            if k.jenis == "kode":
                assert fmt == "@", (t.sheet, k.nama)
            elif k.format_angka:
                assert fmt == k.format_angka, (t.sheet, k.nama)
            if k.rumus:
                for r in (6, 7, 500, batas_baris(t)):
                    assert str(ws[f"{h}{r}"].value).startswith(f'=IF($A{r}=""'), (h, r)
                assert ws[f"{h}{batas_baris(t) + 1}"].value is None
            elif k.pilihan or k.jenis in ("bulat", "angka"):
                assert dv.get(h) == f"{h}6:{h}{batas_baris(t)}", (t.sheet, k.nama, dv.get(h))


def test_tidak_ada_apa_pun_di_bawah_tabel(wb):
    """Area ketik di bawah setiap tabel kosong: tanpa blok tanda tangan, tanpa sel gabungan;
    yang ada hanya kolom rumus yang menunggu baris baru."""
    for t in TABEL_DATA:
        ws = wb[t.sheet]
        rumus = {openpyxl.utils.get_column_letter(j) for j, k in enumerate(t.kolom, start=1)
                 if k.rumus}
        for baris in ws.iter_rows(min_row=6):
            for c in baris:
                if c.value is not None:
                    assert c.column_letter in rumus, (t.sheet, c.coordinate, c.value)
        assert all(m.max_row <= 4 for m in ws.merged_cells.ranges), t.sheet
    semua = [c.value for n in ("PK", "RAPK") for row in wb[n].iter_rows() for c in row]
    assert not [v for v in semua if "infoJabatan" in str(v) or "infoNama" in str(v)]


def test_siap_cetak(wb):
    for nama in ("PK", "RAPK", "Anggaran", "Realisasi"):
        ws = wb[nama]
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == 9   # A4
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == "$1:$5"
    rapk = wb["RAPK"]
    assert rapk["A1"].value == '=TRIM("RENCANA AKSI PERJANJIAN KINERJA TAHUN "&infoTahun)'
    assert rapk["A3"].value == "BADAN PENGAWAS OBAT DAN MAKANAN"
    # kolom rumus Jumlah Kontribusi (P, terisi sampai baris 2005) tidak dicetak: sel rumus
    # kosong tidak menjadi 40 halaman kosong
    assert rapk.print_area == "'RAPK'!$A$1:$O$2005"
    assert not wb["PK"].print_area   # tanpa sel rumus: yang tercetak = yang terisi
    # Capaian: tiga area cetak (blok indikator 47 baris formulir, sasaran 40, perspektif 4),
    # masing-masing di halaman sendiri
    cap = wb["Capaian"]
    assert cap.print_area == ("'Capaian'!$A$1:$R$52,'Capaian'!$T$1:$AC$45,"
                              "'Capaian'!$AE$1:$AG$9")


def test_sheet_capaian_terkunci_dan_berumus(wb):
    ws = wb["Capaian"]
    assert ws.protection.sheet and ws.protection.password is None
    # rumus ditulis tangan dari tata letak (A kode, F jenis, G polaritas, I target bulan ini,
    # J target tahunan, K realisasi, P kontribusi, Q realisasi anggaran)
    assert ws["R6"].value == '=IF($A6="","",IF(N(P6)=0,"",N(Q6)/P6*100))'
    # fungsi rapk-xl, dengan rumus biasa sebagai cadangan bila add-in tidak ada
    assert ws["L6"].value.startswith('=IF($A6="","",IFERROR(CAPAIAN(K6,I6,G6,F6,$B$2),IF(')
    assert ws["B2"].value == '=IF(infoPeriode&""="","",infoPeriode)'
    assert "CAPAIAN(K6,J6,G6,F6,$B$2)" in ws["N6"].value
    assert ws["M6"].value.startswith('=IF($A6="","",IFERROR(KRITERIA(L6),IF(L6="",""')
    assert "NPS_UNIT(" in ws["F2"].value
    # blok sasaran mulai kolom T (setelah 18 kolom indikator dan satu kolom pemisah)
    assert "NPS($L$6:$L$205,$H$6:$H$205,$B$6:$B$205,T6)" in ws["W6"].value
    # kriteria diwarnai menurut band
    warna = [r for rng in ws.conditional_formatting for r in rng.rules]
    assert len(warna) >= 6 * 4
    # lebih banyak indikator daripada area cetak: baris 3 memperingatkannya
    assert ws["A3"].value.startswith('=IF(COUNTA(PK!$D$6:$D$2005)>47,"PERHATIAN')


def test_cli_template(tmp_path):
    out = tmp_path / "jember.xlsx"
    r = CliRunner().invoke(cli, ["template", "-o", str(out), "--unit", "balai pom jember",
                                 "--tahun", "2025"])
    assert r.exit_code == 0 and out.exists()
    ws = openpyxl.load_workbook(out)["Info"]
    assert ws["B5"].value == "Balai POM di Jember" and ws["B6"].value == 2025
    r = CliRunner().invoke(cli, ["template", "-o", str(tmp_path / "x.xlsx"), "--unit", "Balai POM di Jembr"])
    assert r.exit_code == 2 and "Balai POM di Jember" in r.output
    r = CliRunner().invoke(cli, ["template", "-o", str(tmp_path / "x.csv")])
    assert r.exit_code == 2 and ".xlsx" in r.output


def test_semua_tabel_data_punya_petunjuk():
    for t in TABEL_DATA:
        assert t.petunjuk and t.judul


def test_rumus_dapat_dibuka_excel(wb):
    """Excel menolak rumus dengan teks literal lebih dari 255 karakter atau rumus lebih dari
    8.192 karakter (berkasnya harus 'diperbaiki' saat dibuka): periksa semua rumus template."""
    import re
    literal = re.compile(r'"((?:[^"]|"")*)"')
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("="):
                    assert len(c.value) <= 8192, (ws.title, c.coordinate)
                    panjang = [len(x) for x in literal.findall(c.value)]
                    assert max(panjang, default=0) <= 255, (ws.title, c.coordinate)
