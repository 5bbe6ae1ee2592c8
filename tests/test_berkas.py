"""Setiap berkas yang diberikan ke validasi mendapat temuan yang benar dan spesifik (issue 11):
paket sah yang ditulis dengan cara lain tetap terbaca sama, berkas yang bukan xlsx disebut apa
adanya, dan setiap berkas di folder tercatat sekali."""
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import paket_ubah as pu
from bersih import data_bersih
from rapk_xl.cli import cli
from rapk_xl.io.reader import SumberBerkas
from rapk_xl.io.writer import tulis_workbook
from rapk_xl.io.xlsx_parts import PaketXlsx
from rapk_xl.validate.validator import PENANDA_SAMPEL, validasi

SAMPEL = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture(scope="module")
def bersih(tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("bersih") / "unit.xlsx"
    tulis_workbook(data_bersih(), p)
    return p


def _temuan(p: Path) -> list[tuple]:
    f = validasi([p], jobs=1).files[0]
    return sorted((t.rule, t.sheet, t.cell, t.message) for t in f.findings)


# -- paket sah dengan bentuk lain ---------------------------------------------------------------

@pytest.mark.parametrize("asal", ["bersih", "jember"])
def test_lembar_makro_excel4_dibaca_dengan_peringatan(asal, bersih, tmp_path):
    """Kiriman sah + satu lembar makro Excel 4.0: temuannya sama dengan aslinya ditambah satu
    peringatan makro yang menyebut sheet itu dan cara menghapusnya."""
    src = bersih if asal == "bersih" else SAMPEL / "balai_pom_jember_2024.xlsx"
    xlsm = pu.tambah_lembar_makro(src, tmp_path / "makro.xlsm", nama="Makro1")
    with zipfile.ZipFile(xlsm) as z:  # benar-benar ada lembar makro di paketnya
        assert "xl/macrosheets/sheet1.xml" in z.namelist()
    dasar, hasil = _temuan(src), _temuan(xlsm)
    tambahan = [t for t in hasil if t not in dasar]
    assert [t for t in dasar if t not in hasil] == []
    assert [(r, s) for r, s, _, _ in tambahan] == [("makro", "Makro1")]
    pesan = tambahan[0][3]
    assert "Excel 4.0" in pesan and "klik kanan tab sheet 'Makro1' > Hapus" in pesan
    h = validasi([xlsm], jobs=1).files[0]
    assert h.valid == (asal == "bersih")  # peringatan tidak menghalangi


@pytest.mark.parametrize("state, kata", [("hidden", "Unhide"), ("veryHidden", "veryHidden")])
def test_lembar_makro_tersembunyi_disebut_cara_menampilkannya(state, kata, bersih, tmp_path):
    xlsm = pu.tambah_lembar_makro(bersih, tmp_path / "m.xlsm", nama="Auto_Open", state=state)
    (t,) = validasi([xlsm], jobs=1).files[0].findings
    assert t.rule == "makro" and t.sheet == "Auto_Open" and kata in t.message


def test_lembar_makro_bernama_dengan_tanda_xml(bersih, tmp_path):
    """Nama sheet dengan & dan tanda kutip (di XML ditulis &amp; &apos;) tetap dikenali."""
    xlsm = pu.tambah_lembar_makro(bersih, tmp_path / "m.xlsm", nama="R&amp;D &apos;lama&apos;")
    (t,) = validasi([xlsm], jobs=1).files[0].findings
    assert t.rule == "makro" and t.sheet == "R&D 'lama'"


@pytest.mark.parametrize("ubah", [pu.nama_garis_miring_balik, pu.nama_huruf_kecil,
                                  pu.pindah_folder_workbook, pu.ke_strict],
                         ids=lambda f: f.__name__)
@pytest.mark.parametrize("asal", ["bersih", "jember"])
def test_paket_sah_bentuk_lain_terbaca_sama(ubah, asal, bersih, tmp_path):
    """Nama entri dengan '\\', huruf kecil, workbook di folder/nama lain (ditemukan lewat relasi
    officeDocument) dan Strict Open XML: temuannya persis sama dengan aslinya."""
    src = bersih if asal == "bersih" else SAMPEL / "balai_pom_jember_2024.xlsx"
    lain = ubah(src, tmp_path / "lain.xlsx")
    assert _temuan(lain) == _temuan(src)


def test_workbook_di_tempat_lain_ditemukan_lewat_relasi(bersih, tmp_path):
    lain = pu.pindah_folder_workbook(bersih, tmp_path / "lain.xlsx", folder="isi")
    with PaketXlsx(lain) as p:
        assert p.bagian_buku() == "isi/utama.xml"
        assert p.peta_sheet()["PK"].startswith("isi/worksheets/")


def test_jalur_biasa_tidak_menyalin_paket(bersih, monkeypatch):
    """Salinan di memori hanya untuk paket yang ditolak python-calamine apa adanya."""
    def jangan(self):
        raise AssertionError("jalur biasa tidak boleh menyalin paket")
    monkeypatch.setattr(PaketXlsx, "salinan_baku", jangan)
    for p in (bersih, SAMPEL / "balai_pom_jember_2024.xlsx"):
        SumberBerkas(p).close()


def test_entitas_xml_di_sheet_ditolak_demi_keamanan(bersih, tmp_path):
    with zipfile.ZipFile(bersih) as z:
        isi = {n: z.read(n) for n in z.namelist()}
    sheet = "xl/worksheets/sheet3.xml"
    isi[sheet] = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaa">]>'
                  + isi[sheet].split(b"?>", 1)[-1])
    p = tmp_path / "dtd.xlsx"
    with zipfile.ZipFile(p, "w") as z:
        for n, d in isi.items():
            z.writestr(n, d)
    (t,) = validasi([p], jobs=1).files[0].findings
    assert t.rule == "xml-tidak-aman" and sheet in t.message and "DTD" in t.message


# -- berkas yang bukan xlsx -------------------------------------------------------------------

def _zip(path: Path, bagian: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for n, d in bagian.items():
            z.writestr(n, d)
    return path


@pytest.mark.parametrize("nama, isi, aturan, kata", [
    ("satu_kolom.csv", b"Kode Indikator\n1.01\n1.02\n", "bukan-xlsx", ["CSV", "satu kolom",
                                                                       "template"]),
    ("titik_koma.csv", "Kode;Target\n1.01;90\n".encode(), "bukan-xlsx", ["CSV", "titik koma",
                                                                         "2 kolom"]),
    ("utf16.csv", "Kode\tTarget\n1.01\t90\n".encode("utf-16"), "bukan-xlsx", ["CSV", "tab"]),
    ("ansi.csv", "Unit;Keterangan\nJember;Realisasi \xe9\n".encode("cp1252"), "bukan-xlsx",
     ["CSV"]),
    ("kiriman.xlsx", b"<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:"
                     b"office:spreadsheet\"></Workbook>", "bukan-xlsx", ["XML Spreadsheet 2003"]),
    ("datar.fods", b'<?xml version="1.0"?><office:document xmlns:office="urn:oasis:names:tc:'
                   b'opendocument:xmlns:office:1.0" office:mimetype="application/vnd.oasis.'
                   b'opendocument.spreadsheet"/>', "format-ods", ["OpenDocument", "Excel 2007-365"]),
    ("laporan.xlsx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "bukan-xlsx", ["PDF"]),
    ("ekspor.xlsx", b'<?xml version="1.0"?>\n<data>\n<baris/>\n</data>\n', "bukan-xlsx",
     ["berkas XML"]),
    ("excel2.xls", b"\x09\x00\x04\x00\x02\x00\x10\x00" + b"\x00" * 40, "berkas-xls-atau-terenkripsi",
     ["Excel 2.x", "Excel lama"]),
])
def test_berkas_bukan_xlsx_disebut_apa_adanya(nama, isi, aturan, kata, tmp_path):
    p = tmp_path / nama
    p.write_bytes(isi)
    (t,) = validasi([p], jobs=1).files[0].findings
    assert t.rule == aturan, t.message
    for k in kata:
        assert k in t.message, (k, t.message)


def test_paket_zip_lain_disebut_isinya(tmp_path, bersih):
    arsip = _zip(tmp_path / "kiriman.xlsx", {"jember.xlsx": bersih.read_bytes(),
                                             "dumai.xlsx": bersih.read_bytes()})
    (t,) = validasi([arsip], jobs=1).files[0].findings
    assert t.rule == "bukan-xlsx" and "arsip zip berisi 2 berkas" in t.message
    odt = _zip(tmp_path / "surat.ods", {"mimetype": b"application/vnd.oasis.opendocument.text",
                                        "content.xml": b"<x/>"})
    (t,) = validasi([odt], jobs=1).files[0].findings
    assert t.rule == "bukan-xlsx" and "dokumen teks OpenDocument" in t.message
    ods = _zip(tmp_path / "tanpa_mimetype.ods", {
        "META-INF/manifest.xml": b'<manifest:manifest><manifest:file-entry manifest:full-path="/" '
                                 b'manifest:media-type="application/vnd.oasis.opendocument.'
                                 b'spreadsheet"/></manifest:manifest>',
        "content.xml": b"<x/>"})
    (t,) = validasi([ods], jobs=1).files[0].findings
    assert t.rule == "format-ods"


# -- setiap berkas tercatat sekali -------------------------------------------------------------

def test_folder_campuran_setiap_berkas_sekali(bersih, tmp_path):
    """N berkas beragam di folder → N entri, masing-masing dengan status dan alasannya, di hasil
    pustaka, JSON dan teks."""
    f = tmp_path / "kiriman"
    (f / "sub").mkdir(parents=True)
    (f / "unit_baik.xlsx").write_bytes(bersih.read_bytes())
    (f / "sub" / "unit.ods").write_bytes((SAMPEL.parent / "tests/korpus/real/calamine_date.ods")
                                         .read_bytes())
    (f / "kiriman.csv").write_text("Kode Indikator\n1.01\n", encoding="utf-8")
    (f / "surat.pdf").write_bytes(b"%PDF-1.4\n")
    (f / "catatan").write_text("tanpa ekstensi", encoding="utf-8")
    _zip(f / "semua.zip", {"unit.xlsx": bersih.read_bytes()})
    (f / "~$unit_baik.xlsx").write_bytes(b"\x0cpemilik")
    (f / ".tersembunyi.xlsx").write_bytes(b"")
    semua = sorted(p for p in f.rglob("*") if p.is_file())
    lap = validasi([f], jobs=1)
    assert sorted(Path(h.file) for h in lap.files) == semua
    status = {Path(h.file).name: (h.dilewati, h.valid) for h in lap.files}
    assert status["unit_baik.xlsx"] == (False, True)
    assert status["unit.ods"] == status["kiriman.csv"] == (False, False)  # diperiksa, ditolak
    for n in ("surat.pdf", "catatan", "semua.zip", "~$unit_baik.xlsx", ".tersembunyi.xlsx"):
        assert status[n][0], n
    alasan = {Path(h.file).name: h.catatan for h in lap.files if h.dilewati}
    assert ".pdf" in alasan["surat.pdf"] and "tanpa ekstensi" in alasan["catatan"]
    assert "Ekstrak arsipnya" in alasan["semua.zip"]

    r = CliRunner().invoke(cli, ["validasi", str(f), "--format", "json"])
    data = json.loads(r.stdout)
    assert len(data["files"]) == len(semua) and r.exit_code == 1
    assert {Path(x["file"]).name: x["status"] for x in data["files"]} == {
        "unit_baik.xlsx": "lolos", "unit.ods": "tidak-terbaca", "kiriman.csv": "tidak-terbaca",
        "surat.pdf": "dilewati", "catatan": "dilewati", "semua.zip": "dilewati",
        "~$unit_baik.xlsx": "dilewati", ".tersembunyi.xlsx": "dilewati"}
    r = CliRunner().invoke(cli, ["validasi", str(f)])
    for p in semua:
        assert p.name in r.stdout, p.name
    assert r.stdout.strip().splitlines()[-1].startswith(
        f"{len(semua)} berkas: 1 lolos, 0 dengan kesalahan isi, 2 tidak terbaca; 5 dilewati")


def test_berkas_disebut_dua_kali_dicatat_sekali(bersih):
    lap = validasi([bersih, bersih.parent, bersih.parent / "." / bersih.name], jobs=1)
    assert len(lap.files) == 1


def test_path_tidak_ada_tercatat(bersih, tmp_path):
    lap = validasi([bersih, tmp_path / "hilang.xlsx"], jobs=1)
    assert len(lap.files) == 2
    t = lap.files[1].findings[0]
    assert t.rule == "tidak-dapat-dibuka" and "hilang.xlsx" in t.message


def test_folder_sampel_tiga_workbook_dengan_catatan():
    """validasi samples/: tiga workbook diperiksa dengan catatan bahwa temuannya disengaja;
    transkripsi CSV dan berkas lain folder sampel dilewati dengan alasannya."""
    semua = sorted(p for p in SAMPEL.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    assert (SAMPEL / PENANDA_SAMPEL).is_file()
    lap = validasi([SAMPEL], jobs=2)
    diperiksa = [h for h in lap.files if not h.dilewati]
    assert sorted(Path(h.file).name for h in diperiksa) == [
        "balai_pom_jember_2024.xlsx", "bpom_2024.xlsx", "loka_pom_dumai_2025.xlsx"]
    for h in diperiksa:
        assert h.errors and "sengaja dipertahankan" in h.catatan
    lewat = [h for h in lap.files if h.dilewati]
    assert len(lewat) == len([p for p in semua if p.suffix != ".pyc"]) - 3
    assert all("folder sampel rapk-xl" in h.catatan for h in lewat)
    assert {Path(h.file).name for h in lewat} >= {"pk.csv", "unit_kerja_2024.csv", "README.md"}
    r = CliRunner().invoke(cli, ["validasi", str(SAMPEL)])
    assert r.exit_code == 1 and r.stdout.count("catatan: Sampel rapk-xl") == 3


def test_csv_kiriman_di_folder_biasa_tetap_dilaporkan(tmp_path):
    """Penanda sampel hanya berlaku di folder sampel: CSV yang dikirim unit tetap ditolak."""
    (tmp_path / "jember.csv").write_text("Kode;Target\n1.01;90\n", encoding="utf-8")
    (h,) = validasi([tmp_path], jobs=1).files
    assert not h.dilewati and h.findings[0].rule == "bukan-xlsx"


def test_sampel_disebut_langsung_mendapat_catatan():
    (h,) = validasi([SAMPEL / "bpom_2024.xlsx"], jobs=1).files
    assert "sengaja dipertahankan" in h.catatan
    (h,) = validasi([SAMPEL / "data" / "bpom_2024" / "pk.csv"], jobs=1).files
    assert not h.dilewati and h.findings[0].rule == "bukan-xlsx"  # disebut langsung: diperiksa


# -- JSON selalu JSON ---------------------------------------------------------------------------

def test_json_folder_hanya_ods(tmp_path):
    (tmp_path / "unit.ods").write_bytes(
        (SAMPEL.parent / "tests/korpus/real/xlrd_sample.ods").read_bytes())
    r = CliRunner().invoke(cli, ["validasi", str(tmp_path), "--format", "json"])
    data = json.loads(r.stdout)
    assert r.exit_code == 2 and "tidak ada workbook yang dapat diperiksa" in data["error"]
    assert [f["findings"][0]["rule"] for f in data["files"]] == ["format-ods"]


@pytest.mark.parametrize("args", [
    ["validasi", "--format", "json"],                       # PATH tidak diberikan
    ["validasi", "--format=json", "--jobs", "0", "x.xlsx"],  # opsi salah
    ["validasi", "--format", "json", "-o", "laporan.txt", "x.xlsx"],
    ["validasi", "--format", "json", "{kosong}"],
])
def test_json_galat_pemakaian_tetap_json(args, tmp_path):
    (tmp_path / "kosong").mkdir()
    args = [a.format(kosong=tmp_path / "kosong") for a in args]
    r = CliRunner().invoke(cli, args)
    data = json.loads(r.stdout)
    assert r.exit_code == 2 and data["files"] == [] and len(data["error"]) > 20


# -- masukan baris perintah ---------------------------------------------------------------------

def test_template_unit_ejaan_bebas(tmp_path):
    r = CliRunner().invoke(cli, ["template", "-o", str(tmp_path / "t.xlsx"), "--unit", "jember"])
    assert r.exit_code == 0, r.output
    from openpyxl import load_workbook
    ws = load_workbook(tmp_path / "t.xlsx")["Info"]
    assert "Balai POM di Jember" in [c.value for row in ws.iter_rows() for c in row]
    r = CliRunner().invoke(cli, ["template", "-o", str(tmp_path / "u.xlsx"), "--unit", "balai"])
    assert r.exit_code == 2 and "beberapa unit" in r.output and "Balai POM di" in r.output
    assert not (tmp_path / "u.xlsx").exists()
    r = CliRunner().invoke(cli, ["template", "-o", str(tmp_path / "v.xlsx"), "--unit", "Jembr"])
    assert r.exit_code == 2 and "Balai POM di Jember" in r.output


def test_hitung_nps_menolak_argumen_bukan_angka():
    r = CliRunner().invoke(cli, ["hitung", "nps", "90", "abc"])
    assert r.exit_code == 2 and "'abc'" in r.output and "NPS:" not in r.output
    r = CliRunner().invoke(cli, ["hitung", "nps", "90:x"])
    assert r.exit_code == 2 and "bobot 'x'" in r.output
    r = CliRunner().invoke(cli, ["hitung", "nps", "90:2", "120"])
    assert r.exit_code == 0 and "NPS: 100,00" in r.output
