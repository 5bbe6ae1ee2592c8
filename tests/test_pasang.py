"""``rapk-xl addin install`` dan ``addin cek``: logika path Windows dan macOS, diuji di Linux
dengan HOME/APPDATA palsu (folder sementara). Yang ditulis ke folder itu: add-in sungguhan,
berkas konfigurasi, AppleScript dari paket xlwings."""
import re
import zipfile
from pathlib import Path

import pytest
import xlwings
from click.testing import CliRunner

from rapk_xl.addin import NAMA_ADDIN, Lingkungan, baca_info_addin, pasang_addin
from rapk_xl.addin.cek import periksa
from rapk_xl.addin.pasang import baca_konfig, tulis_konfig
from rapk_xl.cli import cli

VERSI = xlwings.__version__


def _windows(tmp_path, venv=True) -> Lingkungan:
    """Komputer Windows: profil pengguna dan Python (venv pasang.bat atau python.org)."""
    profil = tmp_path / "Users" / "staf"
    appdata = profil / "AppData" / "Roaming"
    if venv:
        prefix = profil / "AppData" / "Local" / "rapk-xl" / "python"
        exe = prefix / "Scripts" / "python.exe"
    else:
        prefix = tmp_path / "Program Files" / "Python312"
        exe = prefix / "python.exe"
    exe.parent.mkdir(parents=True)
    exe.write_bytes(b"")
    exe.with_name("pythonw.exe").write_bytes(b"")
    return Lingkungan(platform="win32", home=profil,
                      env={"APPDATA": str(appdata), "USERPROFILE": str(profil)},
                      executable=exe, prefix=prefix, user_base=appdata / "Python")


def test_windows_venv_xlstart_konfigurasi_dan_dll(tmp_path):
    l = _windows(tmp_path)
    (l.prefix / f"xlwings64-{VERSI}.dll").write_bytes(b"MZ")  # letak pip: sys.prefix venv
    h = pasang_addin(l)
    profil = tmp_path / "Users" / "staf"
    assert h.addin == profil / "AppData/Roaming/Microsoft/Excel/XLSTART" / NAMA_ADDIN
    info = baca_info_addin(h.addin)
    assert info.proyek.nama == "rapk_xl" and len(info.fungsi) == 6
    assert h.konfig == profil / ".rapk_xl" / "rapk_xl.conf"   # GetConfigFilePath VBA
    baris = h.konfig.read_bytes().decode().split("\r\n")
    # format VBA Write #: "kunci","nilai" per baris, dibaca Input #
    assert baris[:2] == [f'"Interpreter_Win","{l.executable.with_name("pythonw.exe")}"',
                         '"Use UDF Server","True"']
    assert h.peringatan == []
    # DLL di induk folder Scripts: aturan "Virtualenv" XLPyLoadDLL, tidak perlu disalin
    assert not any("DLL" in b for b in h.langkah)


def test_windows_pip_per_pengguna_dll_disalin(tmp_path):
    l = _windows(tmp_path, venv=False)
    l.user_base.mkdir(parents=True)
    (l.user_base / f"xlwings64-{VERSI}.dll").write_bytes(b"MZ")  # %APPDATA%\Python
    h = pasang_addin(l)
    assert (l.executable.parent / f"xlwings64-{VERSI}.dll").read_bytes() == b"MZ"
    assert any("per pengguna" in b for b in h.langkah)
    cek = {b.hal: b for b in periksa(l)}
    assert cek["DLL xlwings 64-bit"].status == "ok"


def test_windows_dll_per_pengguna_folder_terkunci_pesan(tmp_path, monkeypatch):
    l = _windows(tmp_path, venv=False)
    l.user_base.mkdir(parents=True)
    (l.user_base / f"xlwings64-{VERSI}.dll").write_bytes(b"MZ")
    import rapk_xl.addin.pasang as ps

    def tolak(*a, **k):
        raise PermissionError(13, "Access is denied")
    monkeypatch.setattr(ps.shutil, "copy2", tolak)
    h = pasang_addin(l)
    assert any("pasang.bat" in p and "administrator" in p for p in h.peringatan)


def test_windows_cek_sebelum_dan_sesudah_pasang(tmp_path):
    l = _windows(tmp_path)
    (l.prefix / f"xlwings64-{VERSI}.dll").write_bytes(b"MZ")
    sebelum = {b.hal: b for b in periksa(l)}
    assert sebelum["Add-in"].status == "perlu" and "addin install" in sebelum["Add-in"].teks
    assert sebelum["Konfigurasi"].status == "perlu"
    pasang_addin(l)
    sesudah = {b.hal: b for b in periksa(l)}
    for hal in ("Python", "Python untuk add-in", "xlwings", "Add-in", "Fungsi di add-in",
                "Tombol ribbon", "Versi VBA add-in", "Konfigurasi"):
        assert sesudah[hal].status == "ok", (hal, sesudah[hal].teks)
    assert "CAPAIAN" in sesudah["Fungsi di add-in"].teks


def test_add_in_lama_tanpa_fungsi_terdeteksi(tmp_path):
    l = _windows(tmp_path)
    pasang_addin(l)
    xlstart = Path(l.env["APPDATA"]) / "Microsoft/Excel/XLSTART" / NAMA_ADDIN
    # add-in versi lama (template xlwings apa adanya, tanpa modul xlwings_udfs)
    xlstart.write_bytes(Path(xlwings.__file__).with_name("quickstart_addin_ribbon.xlam").read_bytes())
    cek = {b.hal: b for b in periksa(l)}
    assert cek["Add-in"].status == "perlu"                  # proyek MyAddin
    assert cek["Fungsi di add-in"].status == "perlu"
    assert "CAPAIAN" in cek["Fungsi di add-in"].teks and "addin install" in cek["Fungsi di add-in"].teks


def test_mac_startup_konfigurasi_dan_applescript(tmp_path):
    home = tmp_path / "Users" / "staf"
    exe = home / ".venv" / "bin" / "python"
    l = Lingkungan(platform="darwin", home=home, env={}, executable=exe, prefix=exe.parents[1],
                   user_base=None)
    h = pasang_addin(l)
    assert h.addin == (home / "Library/Group Containers/UBF8T346G9.Office/User Content.localized"
                       "/Startup.localized/Excel" / NAMA_ADDIN)
    # $HOME Excel yang di-sandbox: GetMacDir("$HOME") & "/rapk_xl.conf"
    assert h.konfig == home / "Library/Containers/com.microsoft.Excel/Data/rapk_xl.conf"
    assert baca_konfig(h.konfig)["Interpreter_Mac"] == str(exe)
    # seperti `xlwings runpython install`: nama berkas yang dipanggil AppleScriptTask di VBA
    skrip = home / "Library/Application Scripts/com.microsoft.Excel" / f"xlwings-{VERSI}.applescript"
    asli = Path(xlwings.__file__).with_name(f"xlwings-{VERSI}.applescript")
    assert skrip.read_bytes() == asli.read_bytes()
    with zipfile.ZipFile(h.addin) as z:
        from rapk_xl.addin.ovba import baca_proyek
        xl = baca_proyek(z.read("xl/vbaProject.bin")).modul_bernama("xlwings").sumber
    assert 'AppleScriptTask("xlwings-" & XLWINGS_VERSION & ".applescript"' in xl
    assert re.search(rf'XLWINGS_VERSION As String = "{re.escape(VERSI)}"', xl)
    cek = {b.hal: b for b in periksa(l)}
    assert cek["AppleScript RunPython"].status == "ok"


def test_konfigurasi_kunci_lain_dipertahankan(tmp_path):
    p = tmp_path / "rapk_xl.conf"
    p.write_text('"CONDA PATH","C:\\conda"\r\n"interpreter_win","lama.exe"\r\n')
    tulis_konfig(p, {"Interpreter_Win": "C:\\baru\\pythonw.exe"})
    isi = baca_konfig(p)
    assert isi == {"CONDA PATH": "C:\\conda", "Interpreter_Win": "C:\\baru\\pythonw.exe"}


def test_cek_di_linux_keluar_bersih():
    r = CliRunner().invoke(cli, ["addin", "cek"])
    assert r.exit_code == 0, r.output
    assert "Python" in r.output and "xlwings" in r.output
    assert "tidak berlaku" in r.output or "tidak ada Excel" in r.output
    assert "Tidak ada yang perlu ditangani" in r.output


@pytest.mark.parametrize("platform", ["linux", "freebsd"])
def test_pasang_di_sistem_tanpa_excel(tmp_path, platform):
    from rapk_xl.addin import GagalAddin
    with pytest.raises(GagalAddin, match="Windows atau macOS"):
        pasang_addin(Lingkungan(platform=platform, home=tmp_path, env={}))
