"""`rapk-xl cetak --dokumen pk|triwulan|pengukuran|capaian` untuk tiga sampel.

Harapan dihitung dengan tangan dari transkripsi sampel (``samples/data/<sampel>/*.csv``) dan
teks dokumen sumber (``samples/sumber/*.txt``), bukan dari kode cetak: capaian = R06 / B06 ×
100 (periode 6), NPS = rata-rata capaian sasaran (tanpa IKU/bobot di sampel), total anggaran
= Σ Kontribusi (BPOM: = baris Total dokumen 000 baris 203, dalam ribu rupiah).
"""
import csv
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from conftest import SOFFICE, perlu_soffice
from rapk_xl.cli import cli
from rapk_xl.io.writer import tulis_workbook
from rapk_xl.samples.seed import muat_sampel

DATA = Path(__file__).resolve().parents[1] / "samples" / "data"
SAMPEL = ("balai_pom_jember_2024", "bpom_2024", "loka_pom_dumai_2025")
DOKUMEN = ("pk", "triwulan", "pengukuran", "capaian")


def jalankan(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def persen(x):
    """Tampilan dua desimal Indonesia, dihitung di sini: 101.0778 → '101,08'."""
    return f"{x:,.2f}".replace(",", "#").replace(".", ",").replace("#", ".")


def rupiah(x):
    return f"{x:,.0f}".replace(",", ".")


def isi(ws):
    """Setiap baris sheet: daftar nilai sel yang terisi, kiri ke kanan."""
    return [[c.value for c in row if c.value not in (None, "")] for row in ws.iter_rows()]


def baris_dengan(ws, teks):
    for b in isi(ws):
        if teks in b:
            return b
    raise AssertionError(f"{teks!r} tidak ada di {ws.title}")


def nomor_baris(ws, teks):
    for row in ws.iter_rows():
        if any(c.value == teks for c in row):
            return row[0].row
    raise AssertionError(teks)


@pytest.fixture(scope="module")
def cetakan(tmp_path_factory):
    """Ketiga sampel sebagai workbook rapk-xl, setiap dokumen dicetak lewat CLI."""
    folder = tmp_path_factory.mktemp("dokumen")
    hasil = {}
    for s in SAMPEL:
        data = muat_sampel(s)
        if s == "loka_pom_dumai_2025":  # pihak kedua diisi di satu sampel
            data.info["jabatan_atasan"] = "Kepala Badan Pengawas Obat dan Makanan"
            data.info["nama_atasan"] = "Dr. Taruna Ikrar, M.Biomed., Ph.D."
        masukan = tulis_workbook(data, folder / f"{s}.xlsx")
        for d in DOKUMEN:
            keluar = folder / f"{s}_{d}.xlsx"
            r = jalankan("cetak", masukan, "-o", keluar, "--dokumen", d)
            assert r.exit_code == 0, r.output
            assert "Cetakan ditulis" in r.output
            hasil[s, d] = keluar
    return hasil


def buka(cetakan, s, d):
    return openpyxl.load_workbook(cetakan[s, d])


def kontribusi(sampel, kode=None):
    """Σ Kontribusi dan Σ Realisasi Anggaran dari CSV (teks '5.874.961,0 dibaca Indonesia)."""
    k = r = 0.0
    with open(DATA / sampel / "anggaran.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if kode is not None and row["kode_indikator"] not in kode:
                continue
            k += float(row["kontribusi"].lstrip("'").replace(".", "").replace(",", ".")
                       if row["kontribusi"].startswith("'") else row["kontribusi"])
            r += float(row["realisasi_anggaran"] or 0)
    return k, r


# --- Perjanjian Kinerja -----------------------------------------------------------------------

def test_pk_naskah_dumai(cetakan):
    wb = buka(cetakan, "loka_pom_dumai_2025", "pk")
    assert wb.sheetnames == ["PK", "Lampiran PK", "Anggaran PK"]
    semua = [b for b in isi(wb["PK"]) if b]
    assert semua[:3] == [["BADAN PENGAWAS OBAT DAN MAKANAN"], ["PERJANJIAN KINERJA TAHUN 2025"],
                         ["LOKA POM DI KOTA DUMAI"]]
    assert semua[3][0].startswith("Untuk mewujudkan tata kelola pemerintahan")
    # pihak pertama dari Info (penandatangan), pihak kedua dari Nama/Jabatan Atasan
    assert semua[4:7] == [["Nama", ": Uly Mandasari"],
                          ["Jabatan", ": Kepala Loka POM di Kota Dumai"],
                          ["yang selanjutnya disebut PIHAK PERTAMA,"]]
    assert semua[7:10] == [["Nama", ": Dr. Taruna Ikrar, M.Biomed., Ph.D."],
                           ["Jabatan", ": Kepala Badan Pengawas Obat dan Makanan"],
                           ["selaku atasan langsung PIHAK PERTAMA, yang selanjutnya disebut "
                            "PIHAK KEDUA."]]
    assert semua[10][0].startswith("PIHAK PERTAMA menyatakan sanggup mencapai target kinerja "
                                   "tahun 2025")
    assert semua[11][0].startswith("PIHAK KEDUA akan memberikan pembinaan")
    # tanda tangan berdampingan: Pihak Kedua kiri, tempat/tanggal dan Pihak Pertama kanan
    assert semua[12:] == [["Dumai, 12 Februari 2025"], ["Pihak Kedua,", "Pihak Pertama,"],
                          ["Kepala Badan Pengawas Obat dan Makanan",
                           "Kepala Loka POM di Kota Dumai"],
                          ["Dr. Taruna Ikrar, M.Biomed., Ph.D.", "Uly Mandasari"]]
    ws = wb["PK"]
    r = nomor_baris(ws, "Pihak Kedua,")
    assert ws.cell(r, 1).value == "Pihak Kedua," and ws.cell(r, 3).value == "Pihak Pertama,"


def test_pk_tanpa_atasan_baris_kosong(cetakan):
    ws = buka(cetakan, "balai_pom_jember_2024", "pk")["PK"]
    assert baris_dengan(ws, "Jabatan") == ["Jabatan", ":"]   # penandatangan tak diisi sampel
    assert ["Pihak Kedua,", "Pihak Pertama,"] in isi(ws)


def test_pk_lampiran_matriks_jember(cetakan):
    ws = buka(cetakan, "balai_pom_jember_2024", "pk")["Lampiran PK"]
    semua = [b for b in isi(ws) if b]
    assert semua[:4] == [["LAMPIRAN PERJANJIAN KINERJA TAHUN 2024"], ["BALAI POM DI JEMBER"],
                         ["BADAN PENGAWAS OBAT DAN MAKANAN"],
                         ["NO", "SASARAN", "INDIKATOR KINERJA", "TARGET"]]
    sasaran1 = ("Terwujudnya Obat dan Makanan yang memenuhi syarat di masing-masing wilayah "
                "kerja UPT")
    assert semua[4] == ["1.", sasaran1, "Persentase Obat yang memenuhi syarat", "90%"]
    assert semua[5] == ["Persentase Makanan yang memenuhi syarat", "88,5%"]
    # target seperti ditulis, dengan satuannya
    assert baris_dengan(ws, "Indeks Pelayanan Publik")[-1] == "3,55"
    assert baris_dengan(ws, "Jumlah sekolah dengan Pangan Jajanan Anak Sekolah (PJAS) Aman"
                        )[-1] == "6 Sekolah"
    assert baris_dengan(ws, "Nilai Pengelolaan Kearsipan")[-1] == "87,25"
    # sasaran 1 (lima indikator) digabung di atas indikatornya; nomor sasaran seperti di PK
    r = nomor_baris(ws, sasaran1)
    assert f"B{r}:B{r + 4}" in {str(m) for m in ws.merged_cells.ranges}
    assert f"A{r}:A{r + 4}" in {str(m) for m in ws.merged_cells.ranges}
    assert [ws.cell(x, 1).value for x in range(r, r + 30) if ws.cell(x, 1).value] == [
        "1.", "2.", "3.", "4.", "5.", "8.", "9.", "10.", "11."]


def test_pk_anggaran_per_kegiatan(cetakan):
    ws = buka(cetakan, "balai_pom_jember_2024", "pk")["Anggaran PK"]
    assert baris_dengan(ws, "KEGIATAN") == ["NO", "KEGIATAN", "ANGGARAN (Rp)"]
    # dihitung dari anggaran.csv: kegiatan 3165 (DR.3165.*) dan 6384 (WA.6384.*)
    assert baris_dengan(ws, "Kegiatan 3165") == ["1.", "Kegiatan 3165", "1.660.673.000"]
    assert baris_dengan(ws, "Kegiatan 6384") == ["2.", "Kegiatan 6384", "2.763.130.000"]
    assert baris_dengan(ws, "Jumlah Anggaran Tahun 2024") == [
        "Jumlah Anggaran Tahun 2024", rupiah(kontribusi("balai_pom_jember_2024")[0])]
    assert rupiah(kontribusi("balai_pom_jember_2024")[0]) == "4.423.803.000"
    # tanda tangan lagi di bawah anggaran
    akhir = [b for b in isi(ws) if b][-3:]
    assert akhir[0] == ["Jember"] and akhir[1] == ["Pihak Kedua,", "Pihak Pertama,"]
    assert akhir[2] == ["(.................................)"] * 2   # nama belum diisi


def test_pk_bpom_total_sama_dengan_dokumen(cetakan):
    wb = buka(cetakan, "bpom_2024", "pk")
    ws = wb["Anggaran PK"]
    # dokumen 000 baris 203: "Total ... 2.354.243.149" (ribu rupiah) → rupiah
    assert baris_dengan(ws, "Jumlah Anggaran Tahun 2024")[-1] == "2.354.243.149.000"
    kegiatan = [b for b in isi(ws) if len(b) > 1 and str(b[-2]).startswith("Kegiatan")]
    assert len(kegiatan) == 31  # 31 kode kegiatan berbeda di Kode RO anggaran.csv
    assert [b for b in isi(ws) if b][:2] == [["ANGGARAN PERJANJIAN KINERJA TAHUN 2024"],
                                              ["BADAN PENGAWAS OBAT DAN MAKANAN"]]  # tanpa unit
    ws = wb["Lampiran PK"]
    assert baris_dengan(ws, "Opini BPK atas laporan keuangan BPOM")[-1] == "4"
    assert baris_dengan(ws, "Indeks Pengawasan Obat dan Makanan")[-1] == "83"
    assert baris_dengan(ws, "Persentase Obat yang memenuhi syarat")[-1] == "97%"
    assert [b for b in isi(ws) if b][:2] == [["LAMPIRAN PERJANJIAN KINERJA TAHUN 2024"],
                                              ["BADAN PENGAWAS OBAT DAN MAKANAN"]]  # tanpa unit


def test_pk_dumai_anggaran(cetakan):
    wb = buka(cetakan, "loka_pom_dumai_2025", "pk")
    # CATATAN.md Dumai: Σ kontribusi baris yang ditranskripsi = 3.861.305.875
    assert baris_dengan(wb["Anggaran PK"], "Jumlah Anggaran Tahun 2025")[-1] == "3.861.305.875"
    ws = wb["Lampiran PK"]
    assert baris_dengan(ws, "Jumlah sekolah yang melaksanakan pembudayaan keamanan pangan"
                        )[-1] == "2 Sekolah"
    assert baris_dengan(ws, "Indeks Pelayanan Publik UPT")[-1] == "3,75"


# --- Rencana aksi triwulan --------------------------------------------------------------------

def test_triwulan_jember(cetakan):
    ws = buka(cetakan, "balai_pom_jember_2024", "triwulan").active
    semua = [b for b in isi(ws) if b]
    assert semua[0] == ["RENCANA AKSI TRIWULAN DAN PEMANTAUAN CAPAIAN KINERJA TAHUN 2024"]
    assert semua[3] == ["NO", "SASARAN", "INDIKATOR KINERJA", "TARGET", "REALISASI s.d. Juni"]
    assert semua[4] == ["TW I", "TW II", "TW III", "TW IV"] + ["TW I", "a/b", "TW II", "a/b",
                                                               "TW III", "a/b", "TW IV", "a/b"]
    # 1.01: B03 B06 B09 B12 = 90; R03 = 91,18 (62/68), R06 = 90,97 (131/144); TW III-IV belum
    assert semua[5][2:] == ["Persentase Obat yang memenuhi syarat", "90", "90", "90", "90",
                            "91,18", "62/68", "90,97", "131/144"]
    r = nomor_baris(ws, "Persentase Obat yang memenuhi syarat")
    assert [ws.cell(r, c).value for c in range(12, 16)] == [None] * 4
    assert baris_dengan(ws, "Indeks Pelayanan Publik") == ["Indeks Pelayanan Publik", "3,55",
                                                           "3,55"]
    assert baris_dengan(ws, "Jumlah sekolah dengan Pangan Jajanan Anak Sekolah (PJAS) Aman") == [
        "Jumlah sekolah dengan Pangan Jajanan Anak Sekolah (PJAS) Aman", "0", "35", "50", "6",
        "0", "35"]
    assert baris_dengan(ws, "Persentase keputusan penilaian sertifikasi yang diselesaikan tepat "
                        "waktu")[-4:] == ["100", "12/12", "100", "27/27"]
    # Akhir Tahun: bertanda *) dan catatan kakinya
    assert baris_dengan(ws, "Indeks RB UPT *)")[-2:] == ["Indeks RB UPT *)", "75"]
    assert baris_dengan(ws, "Nilai AKIP UPT *)") == ["Nilai AKIP UPT *)", "79,5"]
    assert any(b and str(b[0]).startswith("*) diukur pada akhir tahun") for b in semua)


def test_triwulan_bpom_tanpa_kolom_ab(cetakan):
    ws = buka(cetakan, "bpom_2024", "triwulan").active
    assert "a/b" not in sum(isi(ws), [])                     # BPOM tanpa pembilang/penyebut
    # 11.02: B03 = 53,7, B06-B09 '-', B12 = 94,4; R03 = 35
    assert baris_dengan(ws, "Nilai Kinerja Anggaran") == [
        "Nilai Kinerja Anggaran", "53,7", "-", "-", "94,4", "35"]
    assert baris_dengan(ws, "Opini BPK atas laporan keuangan BPOM")[-6:] == [
        "Opini BPK atas laporan keuangan BPOM", "-", "4", "4", "4", "4"]


def test_triwulan_dumai_pembilang(cetakan):
    ws = buka(cetakan, "loka_pom_dumai_2025", "triwulan").active
    teks = "Persentase implementasi rencana aksi Reformasi Birokrasi di lingkup UPT"
    assert baris_dengan(ws, teks) == [teks, "25", "50", "75", "100", "25", "3/12", "47,92",
                                      "23/48"]


# --- Pengukuran kinerja -----------------------------------------------------------------------

def test_pengukuran_jember(cetakan):
    ws = buka(cetakan, "balai_pom_jember_2024", "pengukuran").active
    semua = [b for b in isi(ws) if b]
    assert semua[:3] == [["PENGUKURAN KINERJA TAHUN 2024"], ["BALAI POM DI JEMBER"],
                         ["BADAN PENGAWAS OBAT DAN MAKANAN"]]
    assert semua[3] == ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TAHUN 2024 s.d. Juni"]
    assert semua[4] == ["TARGET", "REALISASI", "CAPAIAN (%)"]
    # capaian tahunan = R06 / target tahunan PK
    assert semua[5][2:] == ["Persentase Obat yang memenuhi syarat", "%", "90", "90,97",
                            persen(90.97 / 90 * 100)]
    teks = ("Persentase UMKM yang memenuhi standar produksi pangan olahan dan/atau pembuatan Obat "
            "Tradisional dan Kosmetik yang baik")
    assert baris_dengan(ws, teks) == [teks, "%", "100", "30", "30,00"]
    assert baris_dengan(ws, "Jumlah desa pangan aman") == [
        "Jumlah desa pangan aman", "Desa", "1", "12", persen(12 / 1 * 100)]
    assert baris_dengan(ws, "Nilai AKIP UPT") == ["Nilai AKIP UPT", "Nilai", "79,5",
                                                  "Akhir Tahun"]
    assert baris_dengan(ws, "Indeks Pelayanan Publik") == ["Indeks Pelayanan Publik", "Indeks",
                                                           "3,55"]   # belum ada realisasi
    assert not any(b and str(b[0]).startswith("PERSPEKTIF") for b in semua)  # sampel tanpa


def _tahun_lalu_jember(folder: Path) -> Path:
    """Jember 2023 (rekaan untuk tes), periode 12: satu indikator berganti kode, satu salah
    ketik kecil (kode sama), satu indikator tidak ada, R12 diisi."""
    d = muat_sampel("balai_pom_jember_2024")
    d.info.update(tahun=2023, periode=12)
    for t in (d.pk, d.rapk, d.realisasi):
        t.loc[t["kode_indikator"] == "1.02", "kode_indikator"] = "1.09"
        t.loc[t["kode_indikator"] == "1.03", "indikator"] = (
            "Persentase Obat yang aman dan bermutu berdasarkan hasil pengawasn")
    for k in ("pk", "rapk", "realisasi"):
        d.tabel[k] = d.tabel[k][d.tabel[k]["kode_indikator"] != "1.05"]
    d.realisasi["r12"] = None
    d.realisasi.loc[d.realisasi["kode_indikator"] == "1.01", "r12"] = 93.5
    d.realisasi.loc[d.realisasi["kode_indikator"] == "1.09", "r12"] = 84.0
    d.realisasi.loc[d.realisasi["kode_indikator"] == "1.03", "r12"] = 91
    return tulis_workbook(d, folder / "jember_2023.xlsx")


def test_pengukuran_dengan_tahun_lalu(tmp_path, cetakan):
    lalu = _tahun_lalu_jember(tmp_path)
    keluar = tmp_path / "pengukuran.xlsx"
    masukan = cetakan["balai_pom_jember_2024", "pk"].with_name("balai_pom_jember_2024.xlsx")
    r = jalankan("cetak", masukan, "-o", keluar, "--dokumen", "pengukuran", "--tahun-lalu", lalu)
    assert r.exit_code == 0, r.output
    ws = openpyxl.load_workbook(keluar).active
    assert baris_dengan(ws, "TAHUN 2024 s.d. Juni") == [
        "NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TAHUN 2024 s.d. Juni", "TAHUN 2023"]
    # sama teks dan kode
    assert baris_dengan(ws, "Persentase Obat yang memenuhi syarat")[-3:] == [
        "90", "93,5", persen(93.5 / 90 * 100)]
    # sama teks, kode lain (1.02 tahun lalu bernomor 1.09)
    assert baris_dengan(ws, "Persentase Makanan yang memenuhi syarat")[-3:] == [
        "88,5", "84", persen(84 / 88.5 * 100)]
    # kode sama, teks hampir sama (salah ketik tahun lalu)
    assert baris_dengan(ws, "Persentase Obat yang aman dan bermutu berdasarkan hasil "
                        "pengawasan")[-3:] == ["91", "91", "100,00"]
    # tidak ada tahun lalu: "-"
    assert baris_dengan(ws, "Persentase pangan fortifikasi yang memenuhi syarat")[-3:] == [
        "-", "-", "-"]


def test_pengukuran_perspektif(tmp_path):
    wb = openpyxl.load_workbook(_cetak_unit_perspektif(tmp_path, "pengukuran"))
    semua = [b[0] for b in isi(wb.active) if b and str(b[0]).startswith("PERSPEKTIF")]
    assert semua == ["PERSPEKTIF STAKEHOLDER", "PERSPEKTIF INTERNAL PROCESS",
                     "PERSPEKTIF LEARNING AND GROWTH"]


# --- Capaian kinerja --------------------------------------------------------------------------

# Jember, capaian periode 6 (R06 / B06 × 100), dari rapk.csv dan realisasi.csv
J_S1 = [90.97 / 90, 88.72 / 88.5, 93.1 / 91, 86.75 / 84.7, 52 / 80]
J_S2 = [96.9 / 95, 96 / 85, 100 / 100, 80 / 65, 72.4 / 68, 30 / 55, 33 / 35]  # 2.06 tanpa B06
J_S3 = [97.8 / 96.4, 35 / 35, 12 / 27, 55 / 59]
J_S4 = [25.33 / 26, 18.5 / 22]
J_NPS = {1: sum(J_S1) / 5 * 100, 2: sum(J_S2) / 7 * 100, 3: sum(J_S3) / 4 * 100,
         4: sum(J_S4) / 2 * 100, 5: 28.89 / 28.89 * 100, 11: 74.2 / 74 * 100}


def test_capaian_jember(cetakan):
    ws = buka(cetakan, "balai_pom_jember_2024", "capaian").active
    semua = [b for b in isi(ws) if b]
    assert semua[0] == ["CAPAIAN KINERJA TAHUN 2024 s.d. Juni"]
    assert semua[3] == ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "BOBOT", "TARGET",
                        "REALISASI", "CAPAIAN (%)", "KRITERIA", "NPS", "KRITERIA NPS"]
    assert persen(J_NPS[1]) == "94,21"
    assert semua[4] == ["1.", "Terwujudnya Obat dan Makanan yang memenuhi syarat di "
                        "masing-masing wilayah kerja UPT", "Persentase Obat yang memenuhi syarat",
                        "%", "1", "90", "90,97", persen(J_S1[0] * 100), "Baik", "94,21", "Baik"]
    assert baris_dengan(ws, "Persentase pangan fortifikasi yang memenuhi syarat")[-2:] == [
        "65,00", "Kurang"]
    teks2 = ("Persentase sarana produksi Obat dan Makanan yang memenuhi ketentuan")
    assert baris_dengan(ws, teks2)[-2:] == [persen(80 / 65 * 100), "Tidak Dapat Disimpulkan"]
    assert baris_dengan(ws, "Indeks Pelayanan Publik")[-1] == "Target kosong"
    assert baris_dengan(ws, "Jumlah desa pangan aman")[-2:] == ["44,44", "Sangat Kurang"]
    assert baris_dengan(ws, "Nilai AKIP UPT")[-1] == "Akhir Tahun"
    # NPS sasaran di samping indikator pertamanya; kriteria menurut tabel
    for no, kriteria in ((2, "Baik"), (3, "Cukup"), (4, "Baik"), (11, "Baik")):
        r = nomor_baris(ws, f"{no}.")
        assert [ws.cell(r, 10).value, ws.cell(r, 11).value] == [persen(J_NPS[no]), kriteria]
    # NPS unit: rata-rata NPS sasaran (tanpa perspektif), sasaran Akhir Tahun tidak ikut
    nps_unit = sum(J_NPS.values()) / len(J_NPS)
    assert baris_dengan(ws, "NPS Balai POM di Jember") == [
        "NPS Balai POM di Jember", persen(nps_unit), "Baik"]
    assert persen(nps_unit) == "94,84"


def test_capaian_jember_efisiensi_sementara(cetakan):
    wb = buka(cetakan, "balai_pom_jember_2024", "capaian")
    assert wb.sheetnames == ["Capaian", "Efisiensi"]
    ws = wb["Efisiensi"]
    assert [b for b in isi(ws) if b][:3] == [
        ["EFISIENSI ANGGARAN PER SASARAN TAHUN 2024 (SEMENTARA, s.d. Juni)"],
        ["BALAI POM DI JEMBER"], ["BADAN PENGAWAS OBAT DAN MAKANAN"]]
    assert baris_dengan(ws, "CAPAIAN OUTPUT (NPS)") == [
        "NO", "SASARAN", "CAPAIAN OUTPUT (NPS)", "CAPAIAN INPUT (%)", "IE", "SE", "TE",
        "KATEGORI"]
    pagu, real = kontribusi("balai_pom_jember_2024", {"1.01", "1.02", "1.03", "1.04", "1.05"})
    masukan = real / (pagu * 6 / 12) * 100          # pagu diprorata ke Juni
    ie = J_NPS[1] / masukan
    r = nomor_baris(ws, "CAPAIAN OUTPUT (NPS)") + 1
    assert [c.value for c in ws[r] if c.value][2:] == [
        "94,21", persen(masukan), persen(ie), "1,00", persen(ie - 1), "Efisien (sementara)"]
    pagu, real = kontribusi("balai_pom_jember_2024")
    nps_unit = sum(J_NPS.values()) / len(J_NPS)
    masukan = real / (pagu / 2) * 100
    assert baris_dengan(ws, "Unit kerja (semua sasaran)") == [
        "Unit kerja (semua sasaran)", persen(nps_unit), persen(masukan),
        persen(nps_unit / masukan), "1,00", persen(nps_unit / masukan - 1),
        "Efisien (sementara)"]
    assert any(b and str(b[0]).startswith("Sementara: sebelum akhir tahun") for b in isi(ws))


def test_capaian_bpom_dan_dumai(cetakan):
    ws = buka(cetakan, "bpom_2024", "capaian").active
    # sasaran 1: 1.01 Akhir Tahun tidak ikut; (98,05/97 + 88,9/87) / 2
    r = nomor_baris(ws, "1.")
    assert ws.cell(r, 10).value == persen((98.05 / 97 + 88.9 / 87) / 2 * 100)
    assert baris_dengan(ws, "Opini BPK atas laporan keuangan BPOM")[-2:] == ["100,00", "Baik"]
    assert baris_dengan(ws, "Nilai Kinerja Anggaran")[-1] == "Target kosong"   # B06 = '-'
    ws = buka(cetakan, "loka_pom_dumai_2025", "capaian").active
    s1 = [92 / 81.25, 59 / 60, 91.3 / 90]
    r = nomor_baris(ws, "1.")
    assert [ws.cell(r, c).value for c in (8, 9, 10, 11)] == [
        persen(s1[0] * 100), "Sangat Baik", persen(sum(s1) / 3 * 100), "Baik"]


def _unit_perspektif():
    """Unit dengan perspektif, IKU, bobot PK, opini WTP dan realisasi akhir tahun (periode 12).

    S1 (Stakeholder): 1.01 IKU 81/90 = 90 %; 1.02 Akhir Tahun 96/80 = 120 % → (2×90 + 120)/3 = 100
    S2 (Stakeholder): 2.01 Kumulatif 55/50 = 110 % → 110
    S3 (Internal Process): 3.01 WTP/WTP = 100 % (bobot 3); 3.02 Negatif 12 hari / 10:
        (2 − 1,2) × 100 = 80 % (bobot 1) → (3×100 + 80)/4 = 95
    S4 (Learning and Growth): 4.01 45/100 = 45 % → 45
    Perspektif: Stakeholder (100 + 110)/2 = 105; Internal Process 95; Learning and Growth 45.
    Unit: (105 + 95 + 45)/3 = 81,67 → Cukup.
    """
    from bersih import data_bersih
    d = data_bersih()
    import pandas as pd
    pk = [(1, "Stakeholder", "Layanan bermutu", "1.01", "Persentase layanan tepat waktu", "%",
           "Tetap", "Positif", "Ya", None, 90),
          (1, "Stakeholder", "Layanan bermutu", "1.02", "Indeks kepuasan", "Indeks",
           "Akhir Tahun", "Positif", "Tidak", None, 80),
          (2, "Stakeholder", "Pelaku usaha patuh", "2.01", "Persentase UMKM dibina", "%",
           "Kumulatif", "Positif", "Tidak", None, 50),
          (3, "Internal Process", "Tata kelola", "3.01", "Opini BPK", "Opini", "Tetap",
           "Positif", "Tidak", 3, "WTP"),
          (3, "Internal Process", "Tata kelola", "3.02", "Rata-rata waktu layanan", "Hari",
           "Tetap", "Negatif", "Tidak", 1, 10),
          (4, "Learning and Growth", "SDM kompeten", "4.01", "Persentase pegawai tersertifikasi",
           "%", "Kumulatif", "Positif", "Tidak", None, 100)]
    d.tabel["pk"] = pd.DataFrame(pk, columns=list(d.pk.columns))
    bulan = {"1.01": [90] * 12, "1.02": [None] * 11 + [80],
             "2.01": [5 * i for i in range(1, 11)] + [50, 50], "3.01": ["WTP"] * 12,
             "3.02": [10] * 12, "4.01": [8 * i for i in range(1, 12)] + [100]}
    r12 = {"1.01": 81, "1.02": 96, "2.01": 55, "3.01": "WTP", "3.02": 12, "4.01": 45}
    nama = {r[3]: r[4] for r in pk}
    d.tabel["rapk"] = pd.DataFrame([{"kode_indikator": k, "indikator": nama[k],
                                     **{f"b{i:02d}": v for i, v in enumerate(b, 1)},
                                     "anggaran": 1000} for k, b in bulan.items()])
    d.tabel["realisasi"] = pd.DataFrame([{"kode_indikator": k, "indikator": nama[k],
                                          **{f"r{i:02d}": None for i in range(1, 12)},
                                          "r12": v, "keterangan": None} for k, v in r12.items()])
    d.tabel["anggaran"] = pd.DataFrame([
        {"kode_indikator": k, "no": 1, "kode_ro": "WA.6384.EBA.994", "rincian_output": "x",
         "komponen": "002 - Operasional", "sub_komponen": "A - Umum", "pagu": 1000,
         "kontribusi": 1000, "realisasi_anggaran": 900} for k in bulan])
    d.tabel["pembilang"] = d.pembilang.iloc[0:0]
    d.info.update(periode=12, tahun=2024, unit_kerja="Balai POM di Jember")
    return d


def _cetak_unit_perspektif(tmp_path, dokumen):
    masukan = tulis_workbook(_unit_perspektif(), tmp_path / "unit.xlsx")
    keluar = tmp_path / f"{dokumen}.xlsx"
    r = jalankan("cetak", masukan, "-o", keluar, "--dokumen", dokumen)
    assert r.exit_code == 0, r.output
    return keluar


def test_capaian_perspektif_iku_wtp_akhir_tahun(tmp_path):
    wb = openpyxl.load_workbook(_cetak_unit_perspektif(tmp_path, "capaian"))
    ws = wb["Capaian"]
    semua = [b for b in isi(ws) if b]
    assert semua[0] == ["CAPAIAN KINERJA TAHUN 2024"]        # periode 12: tanpa "s.d."
    assert baris_dengan(ws, "PERSPEKTIF STAKEHOLDER") == ["PERSPEKTIF STAKEHOLDER", "105,00",
                                                          "Baik"]
    assert baris_dengan(ws, "PERSPEKTIF INTERNAL PROCESS") == [
        "PERSPEKTIF INTERNAL PROCESS", "95,00", "Baik"]
    assert baris_dengan(ws, "PERSPEKTIF LEARNING AND GROWTH") == [
        "PERSPEKTIF LEARNING AND GROWTH", "45,00", "Sangat Kurang"]
    assert baris_dengan(ws, "Persentase layanan tepat waktu (IKU)") == [
        "1.", "Layanan bermutu", "Persentase layanan tepat waktu (IKU)", "%", "2", "90", "81",
        "90,00", "Baik", "100,00", "Baik"]
    assert baris_dengan(ws, "Indeks kepuasan") == ["Indeks kepuasan", "Indeks", "1", "80", "96",
                                                   "120,00", "Tidak Dapat Disimpulkan"]
    assert baris_dengan(ws, "Opini BPK") == ["3.", "Tata kelola", "Opini BPK", "Opini", "3",
                                             "WTP", "WTP", "100,00", "Baik", "95,00", "Baik"]
    assert baris_dengan(ws, "Rata-rata waktu layanan")[-2:] == ["80,00", "Cukup"]
    r = nomor_baris(ws, "2.")
    assert [ws.cell(r, 10).value, ws.cell(r, 11).value] == ["110,00", "Sangat Baik"]
    assert baris_dengan(ws, "NPS Balai POM di Jember") == [
        "NPS Balai POM di Jember", persen((105 + 95 + 45) / 3), "Cukup"]
    # periode 12: efisiensi final (tanpa "sementara"); input 900 / 1.000 per indikator = 90 %
    ws = wb["Efisiensi"]
    assert ["EFISIENSI ANGGARAN PER SASARAN TAHUN 2024"] in isi(ws)
    assert baris_dengan(ws, "Unit kerja (semua sasaran)") == [
        "Unit kerja (semua sasaran)", persen(245 / 3), "90,00", persen(245 / 3 / 90), "1,00",
        persen(245 / 3 / 90 - 1), "Tidak Efisien"]
    r = nomor_baris(ws, "CAPAIAN OUTPUT (NPS)") + 1
    assert [c.value for c in ws[r] if c.value] == [
        "1.", "Layanan bermutu", "100,00", "90,00", persen(100 / 90), "1,00",
        persen(100 / 90 - 1), "Efisien"]


# --- semua dokumen: cetak, rumus, LibreOffice -------------------------------------------------

@pytest.mark.parametrize("dokumen", DOKUMEN)
def test_pengaturan_cetak(cetakan, dokumen):
    wb = buka(cetakan, "balai_pom_jember_2024", dokumen)
    for ws in wb.worksheets:
        assert ws.page_setup.paperSize == 9                              # A4
        assert ws.page_setup.orientation == ("portrait" if dokumen == "pk" else "landscape")
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_area
    tabel = wb.worksheets[-1]
    kepala = nomor_baris(tabel, "NO")
    awal, akhir = (int(x.strip("$")) for x in tabel.print_title_rows.split(":"))
    assert awal == kepala and akhir in (kepala, kepala + 1)          # header satu/dua baris
    assert tabel.freeze_panes == f"A{akhir + 1}"


BERBAHAYA = ['=HYPERLINK("http://contoh.invalid","klik")', "+62 811", "-1+2", "@SUM(A1:A9)"]


@pytest.mark.parametrize("dokumen", DOKUMEN)
def test_teks_berbahaya_tetap_teks(tmp_path, dokumen):
    d = muat_sampel("loka_pom_dumai_2025")
    for i, teks in enumerate(BERBAHAYA):
        kode = d.pk.loc[i, "kode_indikator"]
        for t in (d.pk, d.rapk, d.realisasi):
            t.loc[t["kode_indikator"] == kode, "indikator"] = teks
    d.pk.loc[0, "sasaran"] = BERBAHAYA[0]
    d.info["nama_penandatangan"] = "=1+1"
    masukan = tulis_workbook(d, tmp_path / "b.xlsx")
    keluar = tmp_path / "o.xlsx"
    assert jalankan("cetak", masukan, "-o", keluar, "--dokumen", dokumen).exit_code == 0
    with zipfile.ZipFile(keluar) as z:
        for nama in z.namelist():
            if nama.startswith("xl/worksheets/sheet"):
                assert b"<f>" not in z.read(nama) and b"<f " not in z.read(nama)
    nilai = [c for ws in openpyxl.load_workbook(keluar).worksheets for row in ws.iter_rows()
             for c in row if isinstance(c.value, str)]
    for teks in BERBAHAYA:
        sel = [c for c in nilai if teks in c.value]
        assert sel and all(c.data_type == "s" for c in sel), teks


def test_cli_pesan(tmp_path, cetakan):
    masukan = cetakan["balai_pom_jember_2024", "pk"].with_name("balai_pom_jember_2024.xlsx")
    r = CliRunner().invoke(cli, ["cetak", str(masukan), "-o", str(tmp_path / "a.xlsx"),
                                 "--dokumen", "capaian", "--tahun-lalu", str(masukan)])
    assert r.exit_code == 2 and "--dokumen pengukuran" in r.output
    r = CliRunner().invoke(cli, ["cetak", str(masukan), "-o", str(tmp_path / "a.xlsx"),
                                 "--dokumen", "surat"])
    assert r.exit_code == 2 and "Traceback" not in r.output
    d = muat_sampel("balai_pom_jember_2024")
    d.info["periode"] = 13
    rusak = tulis_workbook(d, tmp_path / "p13.xlsx")
    r = CliRunner().invoke(cli, ["cetak", str(rusak), "-o", str(tmp_path / "b.xlsx"),
                                 "--dokumen", "capaian"])
    assert r.exit_code == 1 and "Periode" in r.output and "'13'" in r.output
    r = CliRunner().invoke(cli, ["cetak", str(masukan), "-o", str(tmp_path / "c.xlsx"),
                                 "--dokumen", "pengukuran", "--tahun-lalu",
                                 str(tmp_path / "tidak_ada.xlsx")])
    assert r.exit_code == 1 and "tidak ditemukan" in r.output


@perlu_soffice
def test_libreoffice_membuka_dan_mengubah_ke_pdf(cetakan, tmp_path):
    """Semua dokumen ketiga sampel dibuka dan diubah LibreOffice (satu proses) menjadi PDF;
    teks PDF memuat judul dan angka yang dihitung dengan tangan."""
    folder = tmp_path / "pdf"
    berkas = [str(p) for p in cetakan.values()]
    r = subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profil').as_uri()}",
                        "--headless", "--norestore", "--convert-to", "pdf", "--outdir",
                        str(folder), *berkas], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    for (s, d), p in cetakan.items():
        pdf = folder / (p.stem + ".pdf")
        assert pdf.is_file() and pdf.stat().st_size > 1000, pdf
    if shutil.which("pdftotext"):
        def teks(s, d):
            return subprocess.run(["pdftotext", "-layout", str(folder / f"{s}_{d}.pdf"), "-"],
                                  capture_output=True, text=True).stdout
        t = teks("balai_pom_jember_2024", "capaian")
        assert "CAPAIAN KINERJA TAHUN 2024 s.d. Juni" in t and "94,84" in t and "94,21" in t
        t = teks("bpom_2024", "pk")
        assert "PERJANJIAN KINERJA TAHUN 2024" in t and "2.354.243.149.000" in t
        assert t.count("\f") >= 2                                   # naskah dan lampiran
        t = teks("loka_pom_dumai_2025", "triwulan")
        assert "23/48" in t and "47,92" in t


@perlu_soffice
def test_cli_pdf(tmp_path, cetakan):
    masukan = cetakan["loka_pom_dumai_2025", "pk"].with_name("loka_pom_dumai_2025.xlsx")
    keluar = tmp_path / "pk.xlsx"
    r = jalankan("cetak", masukan, "-o", keluar, "--dokumen", "pk", "--pdf")
    assert r.exit_code == 0, r.output
    assert keluar.with_suffix(".pdf").stat().st_size > 1000
