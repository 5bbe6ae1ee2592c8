"""Add-in rapk_xl.xlam dibaca kembali oleh pembaca lain: oletools/olevba (proyek VBA), olefile
(compound file), LibreOffice lewat UNO (mengimpor modul VBA saat membuka berkas), calamine
(sheet konfigurasi). Yang diperiksa: apa yang Excel akan muat."""
import json
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import olefile
import pytest
import python_calamine as pc
from click.testing import CliRunner
from defusedxml import ElementTree as ET
from hypothesis import given, settings
from hypothesis import strategies as st
from oletools.olevba import VBA_Parser

import rapk_xl.ribbon
from rapk_xl.addin import (NAMA_ADDIN, XLWINGS_DIPATOK, GagalAddin, buat_addin,
                           template_xlwings)
from rapk_xl.addin.cfb import baca_cfb, tulis_cfb
from rapk_xl.addin.ovba import dekompres, dekripsi_data, kompres
from rapk_xl.addin.vba import modul_udf
from rapk_xl.cli import cli

AKAR = Path(__file__).resolve().parents[1]
TEMPLATES = AKAR / "templates"
UI = "{http://schemas.microsoft.com/office/2006/01/customui}"
FUNGSI = {"CAPAIAN", "KRITERIA", "NPS", "NPS_UNIT", "BOBOT", "EFISIENSI"}
TOMBOL = ["Validasi", "Hitung Ulang", "Cetak PDF", "Bantuan"]


@pytest.fixture(scope="module")
def addin(tmp_path_factory):
    return buat_addin(tmp_path_factory.mktemp("addin") / NAMA_ADDIN)


def _makro(path) -> dict[str, str]:
    """Modul VBA menurut olevba: nama stream modul → teks sumber (tanpa baris Attribute)."""
    p = VBA_Parser(str(path))
    try:
        assert p.detect_vba_macros()
        hasil = {}
        for _, stream, _, kode in p.extract_macros():
            teks = kode if isinstance(kode, str) else kode.decode("cp1252")
            hasil[stream.split("/")[-1]] = teks.replace("\r\n", "\n")
        return hasil
    finally:
        p.close()


def _tanpa_atribut(teks: str) -> list[str]:
    return [b for b in teks.replace("\r\n", "\n").split("\n") if not b.startswith("Attribute ")]


def test_paket_office_sah(addin):
    with zipfile.ZipFile(addin) as z:
        assert z.testzip() is None
        tipe = ET.fromstring(z.read("[Content_Types].xml"))
        jenis = {o.get("PartName"): o.get("ContentType") for o in tipe}
        assert jenis["/xl/workbook.xml"] == "application/vnd.ms-excel.addin.macroEnabled.main+xml"
        assert jenis["/xl/vbaProject.bin"] == "application/vnd.ms-office.vbaProject"
        rels = ET.fromstring(z.read("_rels/.rels"))
        ui = [r for r in rels if r.get("Type", "").endswith("/ui/extensibility")]
        assert [r.get("Target") for r in ui] == ["customUI/customUI.xml"]
        assert olefile.isOleFile(z.read("xl/vbaProject.bin"))


def test_olevba_membaca_modul_add_in(addin):
    modul = _makro(addin)
    assert set(modul) == {"ThisWorkbook", "Sheet2", "Dictionary", "xlwings", "RibbonRapk",
                          "xlwings_udfs"}
    # fungsi yang dipakai rumus template ada, dengan tanda tangan dari generator xlwings
    assert set(re.findall(r"^Function (\w+)\(", modul["xlwings_udfs"], re.M)) == FUNGSI
    gen, _ = modul_udf()
    assert _tanpa_atribut(modul["xlwings_udfs"]) == _tanpa_atribut(gen)[:len(_tanpa_atribut(modul["xlwings_udfs"]))]
    assert "Function BOBOT(bobot_pk, Optional iku)" in modul["xlwings_udfs"]


def test_modul_xlwings_sama_dengan_template_kecuali_nama_proyek(addin):
    asli = _makro(template_xlwings())["xlwings"].split("\n")
    baru = _makro(addin)["xlwings"].split("\n")
    assert len(asli) == len(baru)
    beda = [(a, b) for a, b in zip(asli, baru) if a != b]
    assert beda == [('Public Const PROJECT_NAME As String = "myaddin"',
                     'Public Const PROJECT_NAME As String = "rapk_xl"')]
    for nama in ("Dictionary", "ThisWorkbook", "Sheet2"):
        assert _makro(addin)[nama] == _makro(template_xlwings())[nama]


def test_identitas_sendiri_tanpa_myaddin(addin):
    with zipfile.ZipFile(addin) as z:
        for nama in z.namelist():
            if nama.endswith(".xml") or nama.endswith(".rels"):
                assert b"myaddin" not in z.read(nama).lower(), nama
        vba = z.read("xl/vbaProject.bin")
    for teks in _makro(addin).values():
        assert "myaddin" not in teks.lower()
    ole = olefile.OleFileIO(vba)
    project = ole.openstream("PROJECT").read().decode("cp1252")
    assert 'Name="rapk_xl"' in project and "myaddin" not in project.lower()
    # GUID proyek sendiri, bukan milik template xlwings
    with zipfile.ZipFile(template_xlwings()) as z:
        asli = olefile.OleFileIO(z.read("xl/vbaProject.bin")).openstream("PROJECT").read()
    id_asli = re.search(rb'ID="(\{[^}]+\})"', asli).group(1).decode()
    id_baru = re.search(r'ID="(\{[^}]+\})"', project).group(1)
    assert id_baru != id_asli


def test_perlindungan_proyek_tidak_terkunci(addin):
    # MS-OVBA 2.3.1.15-17: CMG 4 byte nol = tidak terkunci, DPB 1 byte nol = tanpa kata sandi,
    # GC 0xFF = proyek terlihat; kunci = jumlah byte teks ID proyek (mod 256)
    with zipfile.ZipFile(addin) as z:
        project = olefile.OleFileIO(z.read("xl/vbaProject.bin")).openstream("PROJECT").read()
    teks = project.decode("cp1252")
    id_proyek = re.search(r'ID="(\{[^}]+\})"', teks).group(1)
    nilai = dict(re.findall(r'^(CMG|DPB|GC)="([0-9A-F]+)"', teks, re.M))
    harap = {"CMG": bytes(4), "DPB": b"\x00", "GC": b"\xff"}
    for k, v in nilai.items():
        versi, kunci, data = dekripsi_data(v)
        assert (versi, kunci, data) == (2, sum(id_proyek.encode()) % 256, harap[k]), k
    # dekripsi yang sama atas template xlwings (dibuat alat lain) memberi nilai yang sama
    with zipfile.ZipFile(template_xlwings()) as z:
        asli = olefile.OleFileIO(z.read("xl/vbaProject.bin")).openstream("PROJECT").read().decode()
    for k, v in re.findall(r'^(CMG|DPB|GC)="([0-9A-F]+)"', asli, re.M):
        assert dekripsi_data(v)[2] == harap[k]


def test_vba_project_dikompilasi_ulang_dari_sumber(addin):
    with zipfile.ZipFile(addin) as z:
        ole = olefile.OleFileIO(z.read("xl/vbaProject.bin"))
    # MS-OVBA 2.3.4.1: Reserved1 0x61CC, Version 0xFFFF (Office mengompilasi dari teks sumber)
    assert ole.openstream("VBA/_VBA_PROJECT").read()[:4] == bytes.fromhex("CC61FFFF")


def test_ribbon_empat_tombol_masing_masing_menjalankan_python(addin):
    with zipfile.ZipFile(addin) as z:
        ui = ET.fromstring(z.read("customUI/customUI.xml"))
    tab = ui.findall(f".//{UI}tab")
    assert [t.get("label") for t in tab] == ["RAPK"]
    tombol = ui.findall(f".//{UI}button")
    assert [t.get("label") for t in tombol] == TOMBOL
    ribbon = _makro(addin)["RibbonRapk"]
    for t in tombol:
        modul, prosedur = t.get("onAction").split(".")
        assert modul == "RibbonRapk"
        m = re.search(rf"^Sub {prosedur}\(control As IRibbonControl\)\n(.*?)^End Sub", ribbon,
                      re.M | re.S)
        assert m, prosedur
        perintah = re.search(r'RunPython "import rapk_xl\.ribbon; rapk_xl\.ribbon\.(\w+)\(\)"',
                             m.group(1))
        assert perintah and callable(getattr(rapk_xl.ribbon, perintah.group(1))), prosedur
        assert t.get("supertip") and t.get("imageMso")


def test_nama_prosedur_tidak_kembar_antar_modul(addin):
    modul = _makro(addin)
    dilihat: dict[str, str] = {}
    for nama, teks in modul.items():
        if nama in ("Dictionary", "ThisWorkbook", "Sheet2"):
            continue  # kelas/dokumen: nama anggotanya tidak global
        for p in re.findall(r"^(?:Public |Private )?(?:Function|Sub) (\w+)\(", teks, re.M):
            assert p.lower() not in dilihat or dilihat[p.lower()] == nama, (
                f"{p} ada di {dilihat.get(p.lower())} dan {nama}: Excel menolak nama ganda")
            dilihat[p.lower()] = nama


def test_dll_yang_dideklarasikan_versi_yang_dipatok(addin):
    import xlwings
    xl = _makro(addin)["xlwings"]
    dll = set(re.findall(r'Lib "(xlwings(?:32|64)-[\d.]+\.dll)"', xl))
    assert dll == {f"xlwings64-{xlwings.__version__}.dll", f"xlwings32-{xlwings.__version__}.dll"}
    pin = tomllib.loads((AKAR / "pyproject.toml").read_text())["project"]["dependencies"]
    assert f"xlwings=={XLWINGS_DIPATOK}" in pin
    assert xlwings.__version__ == XLWINGS_DIPATOK


def test_konfigurasi_udf(addin):
    wb = pc.CalamineWorkbook.from_path(str(addin))
    assert wb.sheet_names == ["rapk_xl.conf"]   # PROJECT_NAME & ".conf"
    konfig = wb.get_sheet_by_name("rapk_xl.conf").to_python()
    # hanya UDF Modules: kunci lain di sheet (walau kosong) akan mengalahkan berkas konfigurasi
    assert konfig == [["UDF Modules", "rapk_xl.udfs"]]


def test_addin_di_templates_selaras(addin):
    def isi(p):
        with zipfile.ZipFile(p) as z:
            return {n: z.read(n) for n in z.namelist()}
    assert isi(TEMPLATES / NAMA_ADDIN) == isi(addin), "jalankan `rapk-xl addin build`"
    assert (TEMPLATES / NAMA_ADDIN).read_bytes() == addin.read_bytes()  # build deterministik


def test_cfb_dibaca_sama_oleh_olefile():
    # penulis CFB sendiri → olefile; pembaca sendiri ← berkas buatan alat lain (template xlwings)
    stream = {"PROJECT": b"a" * 10, "VBA/kecil": bytes(range(256)) * 3,
              "VBA/besar": bytes(range(251)) * 80, "VBA/Sub/dalam": b"x" * 4096,
              "lain": b"", **{f"VBA/m{i}": bytes([i]) * (i * 37) for i in range(1, 40)}}
    data = tulis_cfb(stream)
    ole = olefile.OleFileIO(data)
    for path, isi in stream.items():
        assert ole.openstream(path).read() == isi, path
    assert baca_cfb(data) == stream
    with zipfile.ZipFile(template_xlwings()) as z:
        vba = z.read("xl/vbaProject.bin")
    ole = olefile.OleFileIO(vba)
    dari_olefile = {"/".join(p): ole.openstream(p).read() for p in ole.listdir()}
    assert baca_cfb(vba) == dari_olefile


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([b"Dim ", b"x", b"\r\n", b"End Sub", b"    ", b"\x00", b"abcabc",
                                 bytes(range(40, 120))]), max_size=400),
       st.binary(max_size=300))
def test_kompresi_bolak_balik(bagian, acak):
    data = b"".join(bagian) + acak
    assert dekompres(kompres(data)) == data


def test_dekompresi_sesuai_olevba():
    # pembaca sendiri vs oletools atas proyek VBA buatan alat lain (template xlwings)
    from oletools.olevba import decompress_stream
    from rapk_xl.addin.ovba import baca_proyek
    with zipfile.ZipFile(template_xlwings()) as z:
        vba = z.read("xl/vbaProject.bin")
    mentah = olefile.OleFileIO(vba).openstream("VBA/dir").read()
    assert dekompres(mentah) == bytes(decompress_stream(bytearray(mentah)))
    sendiri = {m.nama: _tanpa_atribut(m.sumber) for m in baca_proyek(vba).modul}
    olevba = {n: _tanpa_atribut(t) for n, t in _makro(template_xlwings()).items()}
    assert sendiri == olevba
    # dan olevba mendekompres keluaran kompresor sendiri
    teks = ("Attribute VB_Name = \"x\"\r\n" + "Sub A()\r\n    x = 1\r\nEnd Sub\r\n" * 300).encode()
    assert bytes(decompress_stream(bytearray(kompres(teks)))) == teks


def _python_uno() -> str | None:
    for p in ("/usr/bin/python3", "/usr/lib/libreoffice/program/python"):
        if Path(p).exists() and subprocess.run([p, "-c", "import uno"],
                                              capture_output=True).returncode == 0:
            return p
    return None


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) tidak terpasang")
@pytest.mark.skipif(_python_uno() is None, reason="Python dengan modul uno tidak ada")
def test_libreoffice_memuat_modul_vba(addin, tmp_path):
    r = subprocess.run([_python_uno(), str(AKAR / "tests" / "lo_vba.py"), str(addin),
                        str(tmp_path / "profil")], capture_output=True, text=True, timeout=240)
    assert r.returncode == 0, r.stderr
    hasil = json.loads(r.stdout)
    assert hasil["sheets"] == ["rapk_xl.conf"]
    # LibreOffice menamai pustaka Basic dengan nama proyek VBA
    assert set(hasil["pustaka"]["rapk_xl"]) == {"ThisWorkbook", "Sheet2", "Dictionary",
                                                 "xlwings", "RibbonRapk", "xlwings_udfs"}
    lo = hasil["pustaka"]["rapk_xl"]
    assert set(re.findall(r"^Function (\w+)\(", lo["xlwings_udfs"], re.M)) == FUNGSI
    gen = [b for b in _tanpa_atribut(modul_udf()[0]) if b.startswith("Function ")]
    assert [b for b in lo["xlwings_udfs"].replace("\r\n", "\n").split("\n")
            if b.startswith("Function ")] == gen
    assert 'PROJECT_NAME As String = "rapk_xl"' in lo["xlwings"]
    for t in ("Validasi", "HitungUlang", "CetakPdf", "Bantuan"):
        assert f"Sub {t}(control As IRibbonControl)" in lo["RibbonRapk"]


def test_cli_build(tmp_path):
    r = CliRunner().invoke(cli, ["addin", "build", "-o", str(tmp_path / NAMA_ADDIN)])
    assert r.exit_code == 0 and (tmp_path / NAMA_ADDIN).exists()
    r = CliRunner().invoke(cli, ["addin", "build", "-o", str(tmp_path / "lain.xlam")])
    assert r.exit_code == 1 and "rapk_xl.xlam" in r.output


def test_template_rusak_pesan_jelas(tmp_path):
    rusak = tmp_path / "t.xlam"
    rusak.write_bytes(b"bukan zip")
    with pytest.raises(GagalAddin, match="tidak dapat dibaca"):
        buat_addin(tmp_path / NAMA_ADDIN, rusak)
    assert not (tmp_path / NAMA_ADDIN).exists()


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="hanya di sistem tanpa Excel")
def test_install_tanpa_excel_pesan_jelas():
    r = CliRunner().invoke(cli, ["addin", "install"])
    assert r.exit_code == 1 and "Windows atau macOS" in r.output
