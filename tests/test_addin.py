"""Add-in rapk_xl.xlam: paket Office yang sah, ribbon RAPK > Validasi, konfigurasi UDF, dan
kode VBA xlwings yang tidak diubah."""
import zipfile
from pathlib import Path

import python_calamine as pc
import pytest
from click.testing import CliRunner
from defusedxml import ElementTree as ET

import rapk_xl
from rapk_xl.addin import NAMA_ADDIN, buat_addin, template_xlwings
from rapk_xl.cli import cli

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
UI = "{http://schemas.microsoft.com/office/2006/01/customui}"


@pytest.fixture(scope="module")
def addin(tmp_path_factory):
    return buat_addin(tmp_path_factory.mktemp("addin") / NAMA_ADDIN)


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


def test_ribbon_rapk_validasi(addin):
    with zipfile.ZipFile(addin) as z:
        ui = ET.fromstring(z.read("customUI/customUI.xml"))
    tab = ui.find(f".//{UI}tab")
    assert tab.get("label") == "RAPK"
    tombol = ui.findall(f".//{UI}button")
    assert [t.get("label") for t in tombol] == ["Validasi"]
    assert tombol[0].get("onAction") == "RibbonMyAddin.RunMain"


def test_tombol_menjalankan_rapk_xl_main(addin):
    # RunMain mengimpor modul bernama sama dengan berkas add-in lalu memanggil main()
    modul = Path(addin.name).stem
    assert modul == "rapk_xl" and callable(rapk_xl.main)
    with zipfile.ZipFile(addin) as z:
        vba = z.read("xl/vbaProject.bin")
    assert b"RibbonMyAddin" in vba
    with zipfile.ZipFile(template_xlwings()) as z:
        assert z.read("xl/vbaProject.bin") == vba      # kode VBA xlwings tidak diubah


def test_konfigurasi_udf(addin):
    wb = pc.CalamineWorkbook.from_path(str(addin))
    assert wb.sheet_names == ["myaddin.conf"]   # aktif: nama yang dicari VBA xlwings
    konfig = dict(wb.get_sheet_by_name("myaddin.conf").to_python())
    assert konfig["UDF Modules"] == "rapk_xl.udfs"
    from rapk_xl import udfs
    assert {"CAPAIAN", "KRITERIA", "NPS", "NPS_UNIT", "BOBOT", "EFISIENSI"} <= set(udfs.__all__)


def test_interpreter_ditulis(tmp_path):
    p = buat_addin(tmp_path / NAMA_ADDIN, interpreter_win=r"C:\Python312\pythonw.exe")
    konfig = dict(pc.CalamineWorkbook.from_path(str(p)).get_sheet_by_name("myaddin.conf").to_python())
    assert konfig["Interpreter_Win"] == r"C:\Python312\pythonw.exe"
    assert konfig["UDF Modules"] == "rapk_xl.udfs"


def test_addin_di_templates_selaras(addin):
    def isi(p):
        with zipfile.ZipFile(p) as z:
            return {n: z.read(n) for n in z.namelist()}
    assert isi(TEMPLATES / NAMA_ADDIN) == isi(addin), "jalankan `rapk-xl addin build`"


def test_cli(tmp_path):
    r = CliRunner().invoke(cli, ["addin", "build", "-o", str(tmp_path / NAMA_ADDIN)])
    assert r.exit_code == 0 and (tmp_path / NAMA_ADDIN).exists()
    r = CliRunner().invoke(cli, ["addin", "build", "-o", str(tmp_path / "lain.xlam")])
    assert r.exit_code == 1 and "rapk_xl.xlam" in r.output


@pytest.mark.skipif(__import__("sys").platform in ("win32", "darwin"), reason="hanya di sistem tanpa Excel")
def test_install_tanpa_excel_pesan_jelas():
    r = CliRunner().invoke(cli, ["addin", "install"])
    assert r.exit_code == 1 and "Windows atau macOS" in r.output
