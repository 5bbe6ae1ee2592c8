"""Run konsolidasi tanpa satu pun kiriman diterima selalu meninggalkan catatannya.

Folder yang semua berkasnya ditolak, folder kosong, folder berisi satu .xls, folder yang
berkasnya dilewati semua — dengan dan tanpa --tahun/--periode: kode keluar sesuai dokumentasi
(0/1/2), tidak ada traceback atau "Exception ignored" di stderr, JSON selalu JSON, setiap
penolakan tercatat di riwayat (dibaca lewat ``rapk-xl riwayat`` dan langsung dari SQLite), dan
buku tanpa kiriman diterima ditulis bila tahun dan periodenya diketahui.

Harapan ditulis dengan tangan: 103 unit kerja di samples/sumber/unit_kerja_2024.csv (tanpa
BPOM tingkat badan), aturan per berkas dari tests/korpus/real/README.md.
"""
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import kiriman
from kiriman import baca_sheet
from rapk_xl.cli import cli

AKAR = Path(__file__).resolve().parents[1]
KORPUS = AKAR / "tests" / "korpus"
NYATA = KORPUS / "real"
N_UNIT = 103


def _cli(*args, cwd=None):
    """rapk-xl sebagai proses sungguhan: stderr (termasuk pesan saat interpreter berhenti)
    terlihat utuh."""
    return subprocess.run([sys.executable, "-m", "rapk_xl", *map(str, args)],
                          capture_output=True, text=True, timeout=300, cwd=cwd)


def _bersih(r):
    assert "Traceback" not in r.stderr and "Exception ignored" not in r.stderr, r.stderr
    assert "Galat internal" not in r.stderr, r.stderr


def _tercatat(riwayat: Path) -> dict[str, tuple[str, set[str]]]:
    """Isi tabel kiriman riwayat, dibaca langsung dengan sqlite3: nama berkas → (status,
    aturan kesalahan)."""
    with sqlite3.connect(riwayat) as db:
        baris = db.execute("SELECT berkas, status, temuan FROM kiriman").fetchall()
    return {Path(b).name: (s, {t["rule"] for t in json.loads(t) if t["severity"] == "error"})
            for b, s, t in baris}


def _riwayat_cli(riwayat: Path) -> str:
    r = CliRunner().invoke(cli, ["riwayat", "--riwayat", str(riwayat)])
    assert r.exit_code == 0, r.output
    return r.output


# -- folder-folder uji --------------------------------------------------------------------------

def _kosong(tmp_path):
    d = tmp_path / "kosong"
    d.mkdir()
    return d, {}


def _satu_xls(tmp_path):
    d = tmp_path / "satu"
    d.mkdir()
    shutil.copy(KORPUS / "excel_lama.xls", d)
    return d, {"excel_lama.xls": "berkas-xls-atau-terenkripsi"}


def _semua_ditolak(tmp_path):
    """Berkas nyata yang bukan workbook RAPK: tabel POI biasa, xlsx terenkripsi, bom XML."""
    d = tmp_path / "tolak"
    d.mkdir()
    harapan = {"poi_table-sample.xlsx": "bukan-workbook-rapk",
               "calamine_pass_protected.xlsx": "berkas-xls-atau-terenkripsi",
               "poi_poc-xmlbomb.xlsx": "xml-tidak-aman"}
    for nama in harapan:
        shutil.copy(NYATA / nama, d)
    return d, harapan


FOLDER = {"kosong": _kosong, "satu-xls": _satu_xls, "semua-ditolak": _semua_ditolak}


@pytest.mark.parametrize("jenis", FOLDER)
def test_dengan_tahun_periode_buku_tanpa_kiriman_diterima_ditulis(tmp_path, jenis):
    folder, harapan = FOLDER[jenis](tmp_path)
    keluar = tmp_path / "nasional.xlsx"
    r = _cli("konsolidasi", folder, "-o", keluar, "--tahun", "2024", "--periode", "6",
             "--format", "json")
    _bersih(r)
    data = json.loads(r.stdout)
    # kosong: tidak ada yang dapat dikerjakan (2); ada yang ditolak: 1 — buku tetap ditulis
    assert r.returncode == (1 if harapan else 2)
    assert (data["tahun"], data["periode"], data["buku_ditulis"]) == (2024, 6, True)
    assert "error" not in data
    assert {Path(f["file"]).name: f["status"] for f in data["files"]} == {
        n: "ditolak" for n in harapan}
    for f in data["files"]:
        assert {t["rule"] for t in f["findings"]} == {harapan[Path(f["file"]).name]}
    ring = baca_sheet(keluar, "Ringkasan")
    assert len(ring) == N_UNIT and set(ring["Status"]) == {"belum mengirim"}
    if harapan:
        tolak = baca_sheet(keluar, "Ditolak")
        assert set(tolak["Berkas"].map(lambda p: Path(p).name)) == set(harapan)
    else:
        assert any("Tidak ada workbook kiriman" in c for c in data["catatan"])
    # setiap penolakan tercatat di riwayat: langsung dari SQLite dan lewat rapk-xl riwayat
    riwayat = tmp_path / "nasional.riwayat.sqlite"
    assert _tercatat(riwayat) == {n: ("ditolak", {a}) for n, a in harapan.items()}
    teks = _riwayat_cli(riwayat)
    assert f"{len(harapan)} kiriman" in teks
    for n in harapan:
        assert n in teks


@pytest.mark.parametrize("jenis", ["satu-xls", "semua-ditolak"])
def test_tanpa_tahun_penolakan_tetap_tercatat_dan_json_menyebut_sebabnya(tmp_path, jenis):
    folder, harapan = FOLDER[jenis](tmp_path)
    keluar = tmp_path / "nasional.xlsx"
    r = _cli("konsolidasi", folder, "-o", keluar, "--format", "json")
    _bersih(r)
    assert r.returncode == 2
    data = json.loads(r.stdout)
    assert data["buku_ditulis"] is False and data["tahun"] is None and not keluar.exists()
    assert {Path(f["file"]).name: f["status"] for f in data["files"]} == {
        n: "ditolak" for n in harapan}
    pesan = data["error"]
    # apa yang ditemukan, dan apa yang harus dilakukan
    assert f"{len(harapan)} berkas diperiksa" in pesan
    assert "tak satu pun workbook RAPK yang diterima" in pesan
    assert "--tahun" in pesan and "--periode" in pesan
    assert "tidak ada kiriman yang terbaca" not in pesan
    if jenis == "semua-ditolak":
        assert "1 terbaca tetapi bukan workbook RAPK" in pesan and "2 tidak terbaca" in pesan
    else:
        assert "1 tidak terbaca" in pesan
    riwayat = tmp_path / "nasional.riwayat.sqlite"
    assert _tercatat(riwayat) == {n: ("ditolak", {a}) for n, a in harapan.items()}
    for n in harapan:
        assert n in _riwayat_cli(riwayat)
    # run berikutnya dengan --tahun/--periode memakai catatan itu: tidak diperiksa ulang
    r = _cli("konsolidasi", folder, "-o", keluar, "--tahun", "2024", "--periode", "6",
             "--format", "json")
    _bersih(r)
    data = json.loads(r.stdout)
    assert r.returncode == 1 and data["buku_ditulis"] and keluar.exists()
    assert not any(f["baru"] for f in data["files"])


def test_tanpa_tahun_folder_kosong_tidak_menyuruh_menyebut_tahun(tmp_path):
    folder, _ = _kosong(tmp_path)
    keluar = tmp_path / "nasional.xlsx"
    r = _cli("konsolidasi", folder, "-o", keluar, "--format", "json")
    _bersih(r)
    assert r.returncode == 2
    data = json.loads(r.stdout)
    assert data["files"] == [] and not keluar.exists()
    assert "kosong" in data["error"] and "Tidak ada workbook kiriman" in data["error"]
    assert "--tahun" not in data["error"]
    # mode teks: pesan yang sama di stderr, ringkasan di stdout
    r = _cli("konsolidasi", folder, "-o", keluar)
    _bersih(r)
    assert r.returncode == 2 and "Galat: Tidak ada workbook kiriman" in r.stderr
    assert "--tahun" not in r.stderr and "tidak ditulis" in r.stdout


def test_tanpa_tahun_hanya_berkas_dilewati(tmp_path):
    folder = tmp_path / "k"
    folder.mkdir()
    (folder / "catatan.txt").write_text("bukan kiriman", encoding="utf-8")
    (folder / "~$jember.xlsx").write_bytes(b"\x00" * 165)
    r = CliRunner().invoke(cli, ["konsolidasi", str(folder), "-o", str(tmp_path / "n.xlsx"),
                                 "--format", "json"])
    data = json.loads(r.stdout)
    assert r.exit_code == 2
    assert [f["status"] for f in data["files"]] == ["dilewati", "dilewati"]
    assert "2 berkas di sana dilewati" in data["error"] and "--tahun" not in data["error"]


def test_tanpa_tahun_workbook_rapk_ditolak_menentukan_periode(tmp_path):
    """Kiriman yang ditolak karena isinya (kode ganda), dengan tahun dan periode yang sah: buku
    tetap disusun untuk periode itu dan unitnya tercantum "ditolak"."""
    folder = tmp_path / "k"
    folder.mkdir()
    kiriman.tulis(kiriman.ambon(), folder / "ambon.xlsx")   # tahun 2024, periode 6
    shutil.copy(KORPUS / "excel_lama.xls", folder)
    keluar = tmp_path / "nasional.xlsx"
    r = CliRunner().invoke(cli, ["konsolidasi", str(folder), "-o", str(keluar),
                                 "--format", "json"])
    data = json.loads(r.stdout)
    assert r.exit_code == 1 and "error" not in data
    assert (data["tahun"], data["periode"], data["buku_ditulis"]) == (2024, 6, True)
    assert any("dari kiriman yang ditolak" in c for c in data["catatan"])
    ring = baca_sheet(keluar, "Ringkasan")
    assert ring.loc[ring["Unit Kerja"] == "Balai POM di Ambon", "Status"].tolist() == ["ditolak"]
    assert (ring["Status"] == "belum mengirim").sum() == N_UNIT - 1
    tolak = baca_sheet(keluar, "Ditolak")
    assert set(tolak["Berkas"].map(lambda p: Path(p).name)) == {"ambon.xlsx", "excel_lama.xls"}


def test_tahun_disebut_tanpa_kiriman_diterima_untuk_tahun_itu(tmp_path):
    folder = tmp_path / "k"
    folder.mkdir()
    kiriman.tulis(kiriman.jember(), folder / "jember.xlsx")   # tahun 2024, periode 6
    r = CliRunner().invoke(cli, ["konsolidasi", str(folder), "-o", str(tmp_path / "n.xlsx"),
                                 "--tahun", "2023", "--format", "json"])
    data = json.loads(r.stdout)
    assert r.exit_code == 2
    assert "tahun 2023" in data["error"] and "tahun 2024 periode 6" in data["error"]
    assert [f["status"] for f in data["files"]] == ["diterima"]   # tetap tercatat


# -- JSON selalu JSON, juga saat run tidak dapat dimulai -----------------------------------------

@pytest.mark.parametrize("args, pesan", [
    (["konsolidasi", "--format", "json", "{kosong}"], "-o/--output wajib"),
    (["konsolidasi", "--format", "json", "-o", "n.xlsx"], "PATH"),
    (["konsolidasi", "--format=json", "{kosong}", "-o", "n.xlsx", "--periode", "13"], "1–12"),
    (["konsolidasi", "--format", "json", "{kosong}", "-o", "n.xlsx", "--tahun", "dua"],
     "bilangan bulat"),
    (["konsolidasi", "--format", "json", "{kosong}", "-o", "n.csv"], ".xlsx"),
    (["konsolidasi", "--format", "json", "tidak-ada/", "-o", "n.xlsx"], "tidak ada"),
    (["konsolidasi", "--format", "json", "{kosong}", "-o", "n.xlsx", "--riwayat", "{palsu}"],
     "bukan berkas riwayat"),
    (["konsolidasi", "--format", "json", "{kosong}", "-o", "{palsu}/n.xlsx", "--tahun", "2024",
      "--periode", "6"], "palsu.sqlite' adalah berkas, bukan folder"),
])
def test_json_saat_run_tidak_dapat_dimulai(tmp_path, args, pesan):
    (tmp_path / "kosong").mkdir()
    palsu = tmp_path / "palsu.sqlite"
    palsu.write_text("bukan basis data", encoding="utf-8")
    args = [a.format(kosong=tmp_path / "kosong", palsu=palsu) for a in args]
    r = CliRunner().invoke(cli, args)
    data = json.loads(r.stdout)
    assert r.exit_code == 2 and data["files"] == [] and data["buku_ditulis"] is False
    assert pesan in data["error"], data["error"]


def test_json_saat_dibatalkan_ctrl_c(tmp_path):
    """Ctrl+C di tengah run (setelah kiriman diperiksa, sebelum commit): JSON tetap dicetak,
    kode 2, dan riwayat tidak berisi apa pun dari run itu."""
    import os
    import signal
    folder, _ = _satu_xls(tmp_path)
    env = dict(os.environ, RAPK_XL_TUNDA="setelah-catat:30")
    p = subprocess.Popen([sys.executable, "-m", "rapk_xl", "konsolidasi", str(folder), "-o",
                          str(tmp_path / "n.xlsx"), "--format", "json"], env=env, text=True,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    for baris in p.stderr:
        if "RAPK_XL_TUNDA" in baris:
            break
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=60)
    assert p.returncode == 2 and "Traceback" not in err and "Dibatalkan" in err
    data = json.loads(out)
    assert "Dibatalkan" in data["error"] and data["files"] == []
    assert _tercatat(tmp_path / "n.riwayat.sqlite") == {}
    assert not (tmp_path / "n.xlsx").exists()


def test_json_galat_internal_tetap_json(tmp_path, monkeypatch):
    from rapk_xl.consolidate import konsolidasi as modul

    def rusak(*a, **k):
        raise ZeroDivisionError("sengaja")

    monkeypatch.setattr(modul, "konsolidasi", rusak)
    (tmp_path / "k").mkdir()
    r = CliRunner().invoke(cli, ["konsolidasi", str(tmp_path / "k"), "-o",
                                 str(tmp_path / "n.xlsx"), "--format", "json"])
    data = json.loads(r.stdout)
    assert r.exit_code == 2 and "Galat internal rapk-xl" in data["error"]
    assert "Traceback" not in r.output
