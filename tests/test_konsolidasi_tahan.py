"""Konsolidasi yang dihentikan paksa (SIGKILL) di tengah jalan tidak menghilangkan apa pun, dan
dua run pada riwayat yang sama tidak merusaknya: yang kedua menunggu atau berhenti dengan pesan.

Run pertama dijalankan sebagai proses sungguhan (``python -m rapk_xl konsolidasi``) yang
ditahan di satu tahap dengan kait uji ``RAPK_XL_TUNDA=tahap:detik``; tes menunggu tanda tahap
itu di stderr lalu membunuh prosesnya atau menjalankan run kedua.
"""
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import kiriman
from kiriman import baca_sheet
from rapk_xl.consolidate.konsolidasi import konsolidasi
from rapk_xl.consolidate.riwayat import RiwayatTerkunci

pytestmark = pytest.mark.skipif(os.name != "posix", reason="memakai SIGKILL")


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def jumlah_kiriman(riwayat: Path) -> int:
    with sqlite3.connect(riwayat) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return db.execute("SELECT count(*) FROM kiriman").fetchone()[0]


@pytest.fixture
def awal(tmp_path):
    """Satu run selesai (Jember, Banggai), lalu kiriman baru (Jambi) menunggu di folder."""
    folder = tmp_path / "kiriman"
    folder.mkdir()
    kiriman.tulis(kiriman.jember(), folder / "jember.xlsx")
    kiriman.tulis(kiriman.banggai(), folder / "banggai.xlsx")
    keluar = tmp_path / "nasional.xlsx"
    konsolidasi([folder], keluar)
    kiriman.tulis(kiriman.jambi(), folder / "jambi.xlsx")
    return folder, keluar, tmp_path / "nasional.riwayat.sqlite"


def mulai_ditahan(folder: Path, keluar: Path, tahap: str, detik: float = 60):
    env = dict(os.environ, RAPK_XL_TUNDA=f"{tahap}:{detik}")
    p = subprocess.Popen([sys.executable, "-m", "rapk_xl", "konsolidasi", str(folder), "-o",
                          str(keluar), "--jobs", "1"], env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    batas = time.monotonic() + 120
    for baris in p.stderr:   # menunggu tanda tahap
        if f"[RAPK_XL_TUNDA] {tahap}" in baris:
            return p
        assert time.monotonic() < batas
    p.wait()
    pytest.fail(f"run tidak mencapai tahap {tahap}: kode {p.returncode}, {p.stdout.read()}")


@pytest.mark.parametrize("tahap", ["setelah-catat", "setelah-simpan"])
def test_run_dibunuh_tidak_menghilangkan_apa_pun(awal, tahap):
    folder, keluar, riwayat = awal
    buku_lama, n_lama = sha(keluar), jumlah_kiriman(riwayat)
    p = mulai_ditahan(folder, keluar, tahap)
    p.send_signal(signal.SIGKILL)
    p.wait()
    # buku sebelumnya utuh dan terbaca; riwayat sah
    assert sha(keluar) == buku_lama
    assert "Balai POM di Jambi" not in set(baca_sheet(keluar, "Sumber")["Unit Kerja"])
    n = jumlah_kiriman(riwayat)
    # dibunuh sebelum commit: tidak ada yang tercatat; sesudah commit: kiriman baru tercatat
    assert n == (n_lama if tahap == "setelah-catat" else n_lama + 1)
    # run berikutnya menyelesaikan pekerjaan: buku memuat Jambi, tanpa sisa berkas sementara
    hasil = konsolidasi([folder], keluar)
    assert hasil.buku_ditulis
    assert "Balai POM di Jambi" in set(baca_sheet(keluar, "Sumber")["Unit Kerja"])
    assert jumlah_kiriman(riwayat) == n_lama + 1
    assert not [f for f in keluar.parent.iterdir() if f.name.endswith(".tmp")]


def test_run_kedua_berhenti_dengan_pesan_jelas(awal):
    folder, keluar, riwayat = awal
    p = mulai_ditahan(folder, keluar, "setelah-catat")
    try:
        with pytest.raises(RiwayatTerkunci, match="sedang dipakai run konsolidasi lain"):
            konsolidasi([folder], keluar, tunggu=0.5)
        # membaca riwayat tetap bisa selama run berjalan
        from click.testing import CliRunner
        from rapk_xl.cli import cli
        r = CliRunner().invoke(cli, ["riwayat", "--riwayat", str(riwayat)])
        assert r.exit_code == 0 and "jember.xlsx" in r.output
    finally:
        p.kill()
        p.wait()
    assert jumlah_kiriman(riwayat) == 2


def test_run_kedua_menunggu_lalu_berjalan(awal):
    folder, keluar, riwayat = awal
    p = mulai_ditahan(folder, keluar, "setelah-catat", detik=2)
    hasil = konsolidasi([folder], keluar, tunggu=60)   # menunggu run pertama selesai
    assert p.wait(timeout=60) == 0, p.stdout.read()
    # run pertama mencatat Jambi; run kedua melihatnya sudah tercatat, tidak dua kali
    assert hasil.baru == 0 and hasil.sudah_tercatat == 3
    assert jumlah_kiriman(riwayat) == 3
    assert "Balai POM di Jambi" in set(baca_sheet(keluar, "Sumber")["Unit Kerja"])


def test_buku_yang_dihapus_atau_diubah_ditulis_lagi(awal):
    folder, keluar, _ = awal
    konsolidasi([folder], keluar)
    keluar.write_bytes(b"diubah orang")
    assert konsolidasi([folder], keluar).buku_ditulis
    assert "Balai POM di Jambi" in set(baca_sheet(keluar, "Sumber")["Unit Kerja"])
    keluar.unlink()
    assert konsolidasi([folder], keluar).buku_ditulis and keluar.exists()


def test_buku_tidak_dapat_diganti_pesan_jelas_lalu_pulih(awal, tmp_path):
    folder, keluar, riwayat = awal
    # Di Windows, buku yang terbuka di Excel tidak dapat diganti; di sini: keluaran berupa folder
    # yang tidak kosong (os.replace gagal) — keadaan yang sama bagi rapk-xl.
    from rapk_xl.consolidate.konsolidasi import GagalKonsolidasi
    lain = tmp_path / "terkunci.xlsx"
    lain.mkdir()
    (lain / "isi").write_text("x")
    with pytest.raises(GagalKonsolidasi, match="tidak dapat diganti"):
        konsolidasi([folder], lain, riwayat=riwayat)
    assert not [f for f in tmp_path.iterdir() if f.name.endswith(".tmp")]
    (lain / "isi").unlink()
    lain.rmdir()
    hasil = konsolidasi([folder], lain, riwayat=riwayat)   # setelah "ditutup": buku ditulis
    assert hasil.buku_ditulis and hasil.baru == 0
    assert "Balai POM di Jambi" in set(baca_sheet(lain, "Sumber")["Unit Kerja"])
