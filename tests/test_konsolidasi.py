"""rapk-xl konsolidasi: angka buku nasional dihitung dengan tangan dari nilai kiriman, kiriman
ditolak beserta alasannya, run ulang idempoten, kiriman pengganti, teks berbahaya tetap teks,
dan riwayat (lihat juga test_konsolidasi_tahan.py untuk run yang dihentikan dan bersamaan)."""
import csv
import hashlib
import json
import os
import sqlite3
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

import kiriman
from conftest import perlu_soffice
from kiriman import baca_sheet
from rapk_xl.cli import cli

ROOT = Path(__file__).resolve().parents[1]

# --- angka yang dihitung dengan tangan dari tests/bersih.py (periode 6) ----------------------
# capaian periode = realisasi R06 / target B06 × 100; IKU berbobot 2; Negatif: (2 − r/t) × 100
C101_JEMBER = 90.97 / 90 * 100          # Tetap, IKU
C101_BANGGAI = 72 / 90 * 100            # = 80
C102_PERIODE = 25 / 26 * 100            # Kumulatif: B06 = 26
C102_TAHUNAN = 25 / 50 * 100            # terhadap target tahunan 50
C201 = 4 / 4 * 100                      # opini WTP (4) / WTP
C202 = (1 + (1 - 9 / 10)) * 100         # Negatif, target 10 hari, realisasi 9 → 110


def nps_unit(c101):
    sasaran1 = (2 * c101 + C102_PERIODE) / 3   # 1.03 Akhir Tahun: belum terukur, tidak dihitung
    sasaran2 = (C201 + C202) / 2
    return (sasaran1 + sasaran2) / 2           # dua perspektif, satu sasaran masing-masing


PAGU = 62_210_400 + 1_000_000 + 15_552_600 + 13_732_000 + 4_698_000 + 2_000_000
REALISASI = 20_000_000 + 0 + 5_000_000 + 1_000_000 + 2_000_000 + 900_000


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def konsolidasi(*args):
    return CliRunner().invoke(cli, ["konsolidasi", *map(str, args)])


@pytest.fixture
def kirim(tmp_path):
    folder = tmp_path / "kiriman"
    folder.mkdir()
    for nama in ("jember", "banggai", "jambi", "ambon"):
        kiriman.tulis(getattr(kiriman, nama)(), folder / f"{nama}.xlsx")
    return folder


@pytest.fixture
def buku(kirim, tmp_path):
    keluar = tmp_path / "nasional.xlsx"
    r = konsolidasi(kirim, "-o", keluar)
    assert r.exit_code == 1, r.output  # Ambon ditolak
    return keluar


def baris(df, unit):
    b = df[df["Unit Kerja"] == unit]
    assert len(b) == 1, unit
    return b.iloc[0]


def test_ringkasan_sesuai_hitungan_tangan(buku):
    ring = baca_sheet(buku, "Ringkasan")
    j, b, a = (baris(ring, u) for u in ("Balai POM di Jember", "Loka POM di Kabupaten Banggai",
                                        "Balai POM di Jambi"))
    assert j["Status"] == b["Status"] == a["Status"] == "diterima"
    assert j["Jumlah Indikator"] == 5
    assert j["NPS"] == pytest.approx(nps_unit(C101_JEMBER))
    assert b["NPS"] == pytest.approx(nps_unit(C101_BANGGAI))
    assert j["Kriteria NPS"] == "Baik" and b["Kriteria NPS"] == "Baik"
    # Banggai mengirim dalam Ribu Rupiah: buku nasional menulis semuanya dalam rupiah
    assert j["Pagu (Rp)"] == pytest.approx(PAGU) and b["Pagu (Rp)"] == pytest.approx(PAGU)
    assert b["Realisasi Anggaran (Rp)"] == pytest.approx(REALISASI)
    assert j["Realisasi Anggaran (% Pagu)"] == pytest.approx(REALISASI / PAGU * 100)
    assert a["Realisasi Anggaran (% Pagu)"] == pytest.approx(2 * REALISASI / PAGU * 100)
    # periode 6: efisiensi sementara, input terhadap pagu × 6/12
    masukan = REALISASI / (PAGU * 6 / 12) * 100
    assert j["Capaian Input Efisiensi (%)"] == pytest.approx(masukan)
    ie = nps_unit(C101_JEMBER) / masukan
    assert j["Efisiensi (IE)"] == pytest.approx(ie)
    assert j["Kategori Efisiensi"] == "Efisien (sementara)"
    assert baris(ring, "Balai POM di Ambon")["Status"] == "ditolak"
    assert baris(ring, "Balai Besar POM di Jakarta")["Status"] == "belum mengirim"


def test_ringkasan_memuat_setiap_unit_referensi(buku):
    ring = baca_sheet(buku, "Ringkasan")
    with open(ROOT / "samples" / "sumber" / "unit_kerja_2024.csv", encoding="utf-8") as f:
        referensi = list(csv.DictReader(f))
    assert len(ring) == len(referensi)   # BPOM tingkat badan tidak mengirim: tidak dicantumkan
    for kel in ("Pusat", "Balai", "Loka"):
        assert (ring["Kelompok"] == kel).sum() == sum(r["kelompok"] == kel for r in referensi)


def test_matriks_capaian_tahunan_dan_periode(buku):
    m = baca_sheet(buku, "Matriks Capaian")
    j = m[m["Unit Kerja"] == "Balai POM di Jember"].set_index("Kode Indikator")
    assert list(j.index) == ["1.01", "1.02", "1.03", "2.01", "2.02"]
    # progres tahunan tanpa kriteria (50 % di bulan Juni bukan "Kurang"); kriteria dari periode
    assert j.loc["1.02", "Progres Tahunan (%)"] == pytest.approx(C102_TAHUNAN)
    assert "Kriteria Tahunan" not in m.columns
    assert j.loc["1.02", "Capaian Periode (%)"] == pytest.approx(C102_PERIODE)
    assert j.loc["1.02", "Kriteria Periode"] == "Baik"
    assert j.loc["1.02", "Realisasi s.d. Periode"] == 25
    assert j.loc["1.03", "Progres Tahunan (%)"] == "Akhir Tahun"     # belum terukur, bukan 0
    assert j.loc["2.01", "Capaian Periode (%)"] == pytest.approx(C201)
    assert j.loc["2.02", "Capaian Periode (%)"] == pytest.approx(C202)
    assert j.loc["2.02", "Kriteria Periode"] == "Sangat Baik"
    assert "Balai POM di Ambon" not in set(m["Unit Kerja"])           # ditolak: tidak dihitung


def test_sebaran_indikator_dan_peringkat(buku):
    ind = baca_sheet(buku, "Indikator").set_index("Indikator")
    obat = ind.loc["Persentase Obat yang memenuhi syarat"]
    assert obat["Jumlah Unit"] == 3 and obat["Unit dengan Capaian"] == 3
    assert obat["Capaian Terendah (%)"] == pytest.approx(C101_BANGGAI)
    assert obat["Median (%)"] == pytest.approx(C101_JEMBER)
    assert obat["Baik"] == 2 and obat["Cukup"] == 1
    assert ind.loc["Indeks kepuasan masyarakat", "Unit dengan Capaian"] == 0
    per = baca_sheet(buku, "Peringkat Anggaran")
    balai = per[per["Kelompok"] == "Balai"]
    assert list(balai["Unit Kerja"]) == ["Balai POM di Jambi", "Balai POM di Jember"]
    assert list(balai["Peringkat"]) == [1, 2]
    assert list(per.loc[per["Kelompok"] == "Loka", "Peringkat"]) == [1]


def test_ditolak_dengan_alasan_dan_sel(buku):
    tolak = baca_sheet(buku, "Ditolak")
    assert set(tolak["Unit Kerja (Tertulis)"]) == {"Balai POM di Ambon"}
    assert set(tolak["Unit Kerja (Dikenali)"]) == {"Balai POM di Ambon"}
    assert ("kode-ganda", "PK", "D7") in set(zip(tolak["Aturan"], tolak["Sheet"], tolak["Sel"]))
    assert all(isinstance(p, str) and p for p in tolak["Pesan"])


def test_sumber_mencatat_asal_setiap_kiriman(buku, kirim):
    sumber = baca_sheet(buku, "Sumber").set_index("Unit Kerja")
    assert set(sumber.index) == {"Balai POM di Jember", "Loka POM di Kabupaten Banggai",
                                 "Balai POM di Jambi"}
    j = sumber.loc["Balai POM di Jember"]
    assert j["SHA-256"] == sha(kirim / "jember.xlsx")
    assert Path(j["Berkas"]).name == "jember.xlsx" and j["Tahun"] == 2024 and j["Periode"] == 6


def test_buku_berformat_dan_bergrafik(buku):
    wb = openpyxl.load_workbook(buku)
    assert wb.sheetnames == ["Ringkasan", "Perlu Perhatian", "Tren", "Grafik", "Matriks Capaian",
                             "Indikator", "Peringkat Anggaran", "Ditolak", "Sumber"]
    for ws in wb.worksheets:
        assert ws.tables, ws.title                                   # tabel Excel bernama
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert len(wb["Grafik"]._charts) == 2 and len(wb["Tren"]._charts) == 1


def test_run_ulang_tidak_mengubah_apa_pun(buku, kirim):
    riwayat = buku.with_name("nasional.riwayat.sqlite")
    sebelum = sha(buku), os.stat(buku).st_mtime_ns
    with sqlite3.connect(riwayat) as db:
        kiriman_sebelum = db.execute("SELECT * FROM kiriman ORDER BY id").fetchall()
    r = konsolidasi(kirim, "-o", buku)
    assert r.exit_code == 1
    assert "0 baru, 4 sudah tercatat" in r.output and "tidak berubah" in r.output
    assert (sha(buku), os.stat(buku).st_mtime_ns) == sebelum
    with sqlite3.connect(riwayat) as db:
        assert db.execute("SELECT * FROM kiriman ORDER BY id").fetchall() == kiriman_sebelum


def test_kiriman_baru_menggantikan_yang_lama(buku, kirim, tmp_path):
    perbaikan = tmp_path / "a_perbaikan"   # nama urut lebih dulu: yang menentukan waktu kirim
    perbaikan.mkdir()
    d = kiriman.realisasi_101(kiriman.jember(), 72)
    kiriman.tulis(d, perbaikan / "jember_revisi.xlsx")
    r = konsolidasi(kirim, perbaikan, "-o", buku)
    assert r.exit_code == 1, r.output
    assert "jember_revisi.xlsx" in r.output and "tetap di riwayat" in r.output
    ring = baca_sheet(buku, "Ringkasan")
    assert baris(ring, "Balai POM di Jember")["NPS"] == pytest.approx(nps_unit(C101_BANGGAI))
    m = baca_sheet(buku, "Matriks Capaian")
    assert (m["Unit Kerja"] == "Balai POM di Jember").sum() == 5     # tidak terhitung dua kali
    r = CliRunner().invoke(cli, ["riwayat", "--riwayat", buku.with_name("nasional.riwayat.sqlite"),
                                 "--unit", "jember"])
    assert r.exit_code == 0, r.output
    rows = [b for b in r.output.splitlines() if ".xlsx" in b]
    assert len(rows) == 2
    assert not rows[0].startswith("*") and "jember.xlsx" in rows[0]
    assert rows[1].startswith("*") and "jember_revisi.xlsx" in rows[1]


def test_dua_kiriman_satu_run_dipakai_yang_terbaru(tmp_path):
    folder = tmp_path / "k"
    folder.mkdir()
    lama = kiriman.tulis(kiriman.jember(), folder / "a_lama.xlsx")
    d = kiriman.realisasi_101(kiriman.jember(), 72)
    baru = kiriman.tulis(d, folder / "b_baru.xlsx")
    os.utime(baru, (1_700_000_000, 1_700_000_000))
    os.utime(lama, (1_800_000_000, 1_800_000_000))   # berkas 'a_lama' justru diubah terakhir
    keluar = tmp_path / "n.xlsx"
    r = konsolidasi(folder, "-o", keluar)
    assert r.exit_code == 0, r.output
    assert "dipakai a_lama.xlsx" in r.output and "b_baru.xlsx (tetap di riwayat)" in r.output
    ring = baca_sheet(keluar, "Ringkasan")
    assert baris(ring, "Balai POM di Jember")["NPS"] == pytest.approx(nps_unit(C101_JEMBER))


BERBAHAYA = ['=HYPERLINK("http://contoh.invalid","klik")', "+62 811 000", "-1+2", "@SUM(A1:A9)"]


def _kiriman_berbahaya(folder: Path) -> Path:
    d = kiriman.jember()
    for i, teks in enumerate(BERBAHAYA[:3]):
        kode = d.pk.loc[i, "kode_indikator"]
        for t in (d.pk, d.rapk, d.realisasi):
            t.loc[t["kode_indikator"] == kode, "indikator"] = teks
    d.realisasi.loc[2, "keterangan"] = BERBAHAYA[3]
    return kiriman.tulis(d, folder / "berbahaya.xlsx")


def test_teks_berbahaya_tetap_teks(tmp_path):
    folder = tmp_path / "k"
    folder.mkdir()
    _kiriman_berbahaya(folder)
    keluar = tmp_path / "n.xlsx"
    r = konsolidasi(folder, "-o", keluar)
    assert r.exit_code == 0, r.output
    with zipfile.ZipFile(keluar) as z:
        for nama in z.namelist():
            if nama.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(nama) and b"<f " not in z.read(nama), nama
    m = baca_sheet(keluar, "Matriks Capaian")
    assert set(BERBAHAYA[:3]) <= set(m["Indikator"])


@perlu_soffice
def test_teks_berbahaya_tetap_teks_di_libreoffice(tmp_path, libreoffice):
    folder = tmp_path / "k"
    folder.mkdir()
    _kiriman_berbahaya(folder)
    keluar = tmp_path / "n.xlsx"
    assert konsolidasi(folder, "-o", keluar).exit_code == 0
    # Calc membuka buku (menghitung ulang semua rumus) lalu menyimpannya: teks tetap teks
    hasil = libreoffice(keluar, "xlsx", tmp_path / "lo")
    wb = openpyxl.load_workbook(hasil)
    ws = wb["Matriks Capaian"]
    isi = [c.value for row in ws.iter_rows(min_row=5) for c in row]
    assert all(not (isinstance(v, str) and v.startswith("=") and v not in BERBAHAYA) for v in isi)
    assert set(BERBAHAYA[:3]) <= set(isi)


def test_json_hanya_hasil(kirim, tmp_path):
    r = CliRunner().invoke(cli, ["konsolidasi", str(kirim), "-o", str(tmp_path / "n.xlsx"),
                                 "--format", "json"])
    data = json.loads(r.output)
    assert r.exit_code == 1
    status = {Path(f["file"]).name: f["status"] for f in data["files"]}
    assert status == {"jember.xlsx": "diterima", "banggai.xlsx": "diterima",
                      "jambi.xlsx": "diterima", "ambon.xlsx": "ditolak"}
    ambon = next(f for f in data["files"] if f["status"] == "ditolak")
    assert any((t["rule"], t["sheet"], t["cell"]) == ("kode-ganda", "PK", "D7")
               for t in ambon["findings"])
    assert (data["tahun"], data["periode"]) == (2024, 6)


def test_kode_keluar(tmp_path):
    folder = tmp_path / "k"
    folder.mkdir()
    kiriman.tulis(kiriman.jember(), folder / "jember.xlsx")
    assert konsolidasi(folder, "-o", tmp_path / "n.xlsx").exit_code == 0
    kosong = tmp_path / "kosong"
    kosong.mkdir()
    r = konsolidasi(kosong, "-o", tmp_path / "m.xlsx")
    assert r.exit_code == 2 and "Galat" in r.output
    assert konsolidasi(folder, "-o", tmp_path / "n.csv").exit_code == 2
    rusak = tmp_path / "rusak"
    rusak.mkdir()
    (rusak / "a.xlsx").write_bytes(b"bukan xlsx")
    r = konsolidasi(rusak, "-o", tmp_path / "r.xlsx")
    assert r.exit_code == 2 and "--tahun" in r.output and "Traceback" not in r.output


def test_berkas_kunci_dan_tersembunyi_dilewati(tmp_path):
    folder = tmp_path / "k"
    folder.mkdir()
    kiriman.tulis(kiriman.jember(), folder / "jember.xlsx")
    (folder / "~$jember.xlsx").write_bytes(b"\x00" * 165)
    (folder / ".cadangan.xlsx").write_bytes(b"PK")
    r = konsolidasi(folder, "-o", tmp_path / "n.xlsx")
    assert r.exit_code == 0, r.output
    assert "Dilewati: ~$jember.xlsx" in r.output and "Dilewati: .cadangan.xlsx" in r.output


def test_riwayat_ekspor_csv(buku, tmp_path):
    riwayat = buku.with_name("nasional.riwayat.sqlite")
    keluar = tmp_path / "riwayat.csv"
    r = CliRunner().invoke(cli, ["riwayat", "--riwayat", str(riwayat), "--csv", str(keluar)])
    assert r.exit_code == 0, r.output
    with open(keluar, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert {Path(x["berkas"]).name: x["status"] for x in rows} == {
        "jember.xlsx": "diterima", "banggai.xlsx": "diterima", "jambi.xlsx": "diterima",
        "ambon.xlsx": "ditolak"}
    ambon = next(x for x in rows if x["status"] == "ditolak")
    assert "kode-ganda@PK!D7" in ambon["temuan"]
    r = CliRunner().invoke(cli, ["riwayat", "--riwayat", str(riwayat), "--unit", "balai"])
    assert r.exit_code == 2 and "beberapa unit" in r.output
    r = CliRunner().invoke(cli, ["riwayat", "--riwayat", str(tmp_path / "tidak.sqlite")])
    assert r.exit_code == 2 and "konsolidasi" in r.output


def test_riwayat_bukan_sqlite_ditolak_dengan_pesan(kirim, tmp_path):
    palsu = tmp_path / "palsu.sqlite"
    palsu.write_text("bukan basis data", encoding="utf-8")
    r = konsolidasi(kirim, "-o", tmp_path / "n.xlsx", "--riwayat", palsu)
    assert r.exit_code == 2 and "bukan berkas riwayat" in r.output
    assert palsu.read_text(encoding="utf-8") == "bukan basis data"   # tidak ditimpa


def test_buku_di_folder_kiriman_dan_berkas_ganda_tidak_dihitung(kirim):
    keluar = kirim / "nasional.xlsx"
    r = konsolidasi(kirim, kirim / "jember.xlsx", "-o", keluar)   # jember.xlsx disebut dua kali
    assert r.exit_code == 1 and "4 berkas" in r.output and "sama persis" not in r.output
    r = konsolidasi(kirim, "-o", keluar)
    assert "Dilewati: nasional.xlsx" in r.output and "Buku nasional keluaran" in r.output
    assert "0 baru, 4 sudah tercatat" in r.output
    tolak = baca_sheet(keluar, "Ditolak")
    assert set(Path(p).name for p in tolak["Berkas"]) == {"ambon.xlsx"}
