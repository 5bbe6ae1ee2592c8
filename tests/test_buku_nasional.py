"""Buku nasional sebagai alat kerja Biro, untuk kiriman sintetis periode 3, 6 dan 9.

Sepuluh unit (``rapk-xl sampel --periode``), dikonsolidasikan berurutan ke satu buku dan satu
riwayat. Di periode 9: satu unit menulis namanya salah eja (ditolak, tetapi dikenali dari
saran nama), satu unit memakai Kode Indikator ganda (ditolak), satu unit tidak mengirim (yang
sebelumnya mengirim periode 3 dan 6). Angka harapan dihitung di sini dari workbook kiriman
(dibaca langsung dengan openpyxl) dengan aturan docs/aturan.md yang ditulis ulang secara
polos, tanpa rapk_xl.calc.
"""
import math
import statistics
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

from kiriman import baca_sheet, tabel_sheet
from rapk_xl.cli import cli

PERIODE = (3, 6, 9)
SALAH_EJA = ("Balai POM di Manokwari", "Balai POM di Manokwri")
GANDA = "Balai Besar POM di Banjarmasin"
ABSEN = "Loka POM di Kota Balikpapan"
OPINI = {"WTP": 4, "WDP": 3, "TW": 2, "TMP": 1}
BULAN = {3: "Maret", 6: "Juni", 9: "September"}


def jalankan(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


# --- hitung ulang mandiri ---------------------------------------------------------------------

def angka(v):
    if v is None or isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return float(v)
    s = str(v).strip().upper()
    return float(OPINI[s]) if s in OPINI else None


def capaian(r, t, polaritas, jenis, periode):
    if jenis == "Akhir Tahun" and periode < 12:
        return None
    r, t = angka(r), angka(t)
    if r is None or not t:
        return None
    if polaritas == "Negatif":
        return max(0.0, (2 - r / t) * 100)
    return r / t * 100


def mandiri(path: Path, periode: int) -> dict:
    """Unit, capaian periode per indikator, NPS, pagu dan realisasi anggaran satu kiriman."""
    wb = openpyxl.load_workbook(path)
    info = dict(tabel_sheet(wb, "Info")[["Kunci", "Nilai"]].itertuples(index=False))
    pk, rapk, real, ang = (tabel_sheet(wb, s) for s in ("PK", "RAPK", "Realisasi", "Anggaran"))
    b, r = f"B{periode:02d}", f"R{periode:02d}"
    pk = pk.merge(rapk[["Kode Indikator", b]], on="Kode Indikator").merge(
        real[["Kode Indikator", r]], on="Kode Indikator")
    pk["c"] = [capaian(x, t, p, j, periode) for x, t, p, j in
               zip(pk[r], pk[b], pk["Polaritas"], pk["Jenis Target"])]
    pk["w"] = [2.0 if iku == "Ya" else 1.0 for iku in pk["IKU"]]
    ada = pk[pk["c"].notna()].copy()
    ada["wc"] = ada["w"] * ada["c"]
    s = ada.groupby(["Perspektif", "No Sasaran"])[["wc", "w"]].sum()
    s["nps"] = s["wc"] / s["w"]
    nps = s.groupby(level="Perspektif")["nps"].mean().mean()
    return {"unit": info["Unit Kerja"], "nps": nps, "indikator": pk,
            "pagu": sum(angka(v) or 0 for v in ang["Kontribusi"]),
            "realisasi": sum(angka(v) or 0 for v in ang["Realisasi Anggaran"])}


# --- kiriman dan buku -------------------------------------------------------------------------

def _ubah_info(path: Path, unit: str) -> None:
    wb = openpyxl.load_workbook(path)
    wb["Info"]["B5"] = unit
    wb.save(path)


def _kode_ganda(path: Path) -> None:
    wb = openpyxl.load_workbook(path)
    wb["PK"]["D7"] = wb["PK"]["D6"].value
    wb.save(path)


@pytest.fixture(scope="module")
def buku(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("buku_nasional")
    folder = {}
    for p in PERIODE:
        folder[p] = tmp / f"kiriman_{p}"
        r = jalankan("sampel", "--units", 10, "-o", folder[p], "--seed", 4, "--periode", p)
        assert r.exit_code == 0, r.output
    berkas = {mandiri(f, 9)["unit"]: f for f in folder[9].glob("*.xlsx")}
    _ubah_info(berkas[SALAH_EJA[0]], SALAH_EJA[1])
    _kode_ganda(berkas[GANDA])
    berkas[ABSEN].unlink()
    keluar = tmp / "nasional.xlsx"
    for p in PERIODE:
        r = jalankan("konsolidasi", folder[p], "-o", keluar)
        assert r.exit_code == (1 if p == 9 else 0), r.output
    diterima = {p: [mandiri(f, p) for f in sorted(folder[p].glob("*.xlsx"))
                    if not (p == 9 and f in (berkas[SALAH_EJA[0]], berkas[GANDA]))]
                for p in PERIODE}
    return keluar, diterima


def baris(df, unit):
    b = df[df["Unit Kerja"] == unit]
    assert len(b) == 1, unit
    return b.iloc[0]


def test_blok_total(buku):
    keluar, diterima = buku
    total = baca_sheet(keluar, "Ringkasan", "tblTotal").set_index("Ringkasan Nasional")
    ini = diterima[9]
    assert len(ini) == 7
    assert total.loc["Unit diterima", "Nilai"] == 7
    assert total.loc["Unit ditolak", "Nilai"] == 2
    assert total.loc["Unit belum mengirim", "Nilai"] == 103 - 7 - 2
    nps = statistics.mean(h["nps"] for h in ini)
    assert total.loc["NPS nasional", "Nilai"] == pytest.approx(nps)
    assert total.loc["Pagu (miliar rupiah)", "Nilai"] == pytest.approx(
        sum(h["pagu"] for h in ini) / 1e9)
    assert total.loc["Realisasi anggaran (miliar rupiah)", "Nilai"] == pytest.approx(
        sum(h["realisasi"] for h in ini) / 1e9)
    # periode sebelumnya (Juni) dan ringkasan per periode di keterangan
    juni = statistics.mean(h["nps"] for h in diterima[6])
    assert total.loc["NPS nasional per periode", "Nilai"] == pytest.approx(juni)
    ket = total.loc["NPS nasional per periode", "Keterangan"]
    assert "Maret:" in ket and "Juni:" in ket and "September:" in ket
    assert "pagu × 9/12" in total.loc["Unit efisien", "Keterangan"]


def test_ringkasan_urut_kelompok_lalu_nps_terendah(buku):
    keluar, diterima = buku
    ring = baca_sheet(keluar, "Ringkasan")
    urut = {"Pusat": 0, "Balai": 1, "Loka": 2}
    assert list(ring["Kelompok"]) == sorted(ring["Kelompok"], key=urut.get)
    status = {"diterima": 0, "ditolak": 1, "belum mengirim": 2}
    for _, g in ring.groupby("Kelompok"):
        assert list(g["Status"]) == sorted(g["Status"], key=status.get)
        nps = [x for x in g.loc[g["Status"] == "diterima", "NPS"]]
        assert nps == sorted(nps)
    nps_mandiri = {h["unit"]: h["nps"] for h in diterima[9]}
    for unit, nps in nps_mandiri.items():
        assert baris(ring, unit)["NPS"] == pytest.approx(nps)
    # nama tidak pernah terpotong: kolom Unit Kerja terbungkus, baris cukup tinggi
    ws = openpyxl.load_workbook(keluar)["Ringkasan"]
    panjang = "Direktorat Pengawasan Keamanan, Mutu dan Ekspor Impor Obat, Narkotika, Psikotropika"
    r = next(c.row for c in ws["B"] if isinstance(c.value, str) and c.value.startswith(panjang))
    assert ws.cell(r, 2).alignment.wrap_text and ws.row_dimensions[r].height >= 3 * 14


def test_salah_eja_dikenali_sebagai_ditolak(buku):
    keluar, _ = buku
    ring = baca_sheet(keluar, "Ringkasan")
    u = baris(ring, SALAH_EJA[0])
    assert u["Status"] == "ditolak"              # bukan "belum mengirim"
    assert f"Nama unit ditulis '{SALAH_EJA[1]}'" in u["Keterangan"]
    assert "tidak ada di daftar unit kerja" in u["Keterangan"]
    g = baris(ring, GANDA)
    assert g["Status"] == "ditolak" and "Kode Indikator" in g["Keterangan"]
    a = baris(ring, ABSEN)
    assert a["Status"] == "belum mengirim"
    assert a["Keterangan"] == "Kiriman diterima terakhir: periode 6 (Juni)."
    tolak = baca_sheet(keluar, "Ditolak")
    dikenali = dict(zip(tolak["Unit Kerja (Tertulis)"], tolak["Unit Kerja (Dikenali)"]))
    assert dikenali[SALAH_EJA[1]] == f"{SALAH_EJA[0]} (saran nama)"
    assert dikenali[GANDA] == GANDA
    assert all(str(w).endswith(" WIB") for w in tolak["Diterima (WIB)"])


def test_perlu_perhatian(buku):
    keluar, diterima = buku
    ph = baca_sheet(keluar, "Perlu Perhatian")
    jenis = list(dict.fromkeys(ph["Jenis"]))            # blok-blok berurutan
    urutan = ["Ditolak", "Belum mengirim", "NPS di bawah 90", "Capaian di bawah 70"]
    assert jenis == [j for j in urutan if j in jenis] and len(jenis) == len(set(ph["Jenis"]))
    assert set(ph.loc[ph["Jenis"] == "Ditolak", "Unit Kerja"]) == {SALAH_EJA[0], GANDA}
    belum = ph[ph["Jenis"] == "Belum mengirim"]
    assert len(belum) == 103 - 7 - 2
    assert "periode 6 (Juni)" in baris(belum, ABSEN)["Alasan"]
    # NPS < 90 dan capaian periode < 70, dihitung mandiri (setelah dibulatkan 2 desimal)
    rendah = {h["unit"] for h in diterima[9] if round(h["nps"], 2) < 90}
    assert set(ph.loc[ph["Jenis"] == "NPS di bawah 90", "Unit Kerja"]) == rendah and rendah
    nps = ph[ph["Jenis"] == "NPS di bawah 90"]
    assert list(nps["Nilai (%)"]) == sorted(nps["Nilai (%)"]) or nps["Kelompok"].nunique() > 1
    assert all("Capaian terendah" in a for a in nps["Alasan"])
    harap = {(h["unit"], k) for h in diterima[9]
             for k, c in zip(h["indikator"]["Kode Indikator"], h["indikator"]["c"])
             if c is not None and not math.isnan(c) and round(c, 2) < 70}
    cap = ph[ph["Jenis"] == "Capaian di bawah 70"]
    assert set(zip(cap["Unit Kerja"], cap["Kode Indikator"])) == harap and harap
    # kolom Lihat bertaut ke baris Matriks Capaian unit dan indikator itu
    wb = openpyxl.load_workbook(keluar)
    ws = wb["Perlu Perhatian"]
    kolom = [c.value for c in ws[4]].index("Lihat") + 1
    m = wb["Matriks Capaian"]
    diperiksa = 0
    for row in ws.iter_rows(min_row=5):
        if row[0].value != "Capaian di bawah 70":
            continue
        loc = row[kolom - 1].hyperlink.location
        sheet, sel = loc.rsplit("!", 1)
        assert sheet == "'Matriks Capaian'"
        r = m[sel].row
        assert (m.cell(r, 2).value, m.cell(r, 3).value) == (row[2].value, row[3].value)
        diperiksa += 1
    assert diperiksa == len(harap)


def test_tren_dari_riwayat(buku):
    keluar, diterima = buku
    kel = baca_sheet(keluar, "Tren", "tblTrenKelompok")
    assert list(kel.columns) == ["Kelompok", "Ukuran", "Unit Kerja", "Maret", "Juni",
                                 "September"]
    semua = kel[(kel["Kelompok"] == "Semua unit") & (kel["Ukuran"] == "NPS rata-rata")].iloc[0]
    for p in PERIODE:
        assert semua[BULAN[p]] == pytest.approx(statistics.mean(h["nps"] for h in diterima[p]))
    jumlah = kel[(kel["Kelompok"] == "Semua unit") & (kel["Ukuran"] == "Unit diterima")].iloc[0]
    assert [jumlah[BULAN[p]] for p in PERIODE] == [10, 10, 7]
    unit = baca_sheet(keluar, "Tren", "tblTrenUnit").set_index("Unit Kerja")
    for p in PERIODE:
        for h in diterima[p]:
            assert unit.loc[h["unit"], BULAN[p]] == pytest.approx(h["nps"])
    assert pd.isna(unit.loc[ABSEN, "September"])            # tidak mengirim periode 9
    ind = baca_sheet(keluar, "Tren", "tblTrenIndikator")
    b = ind[ind["Indikator"] == "Persentase Obat yang memenuhi syarat"].iloc[0]
    for p in PERIODE:
        nilai = [c for h in diterima[p] for t, c in zip(h["indikator"]["Indikator"],
                                                        h["indikator"]["c"])
                 if t == "Persentase Obat yang memenuhi syarat" and c is not None]
        assert b[BULAN[p]] == pytest.approx(statistics.median(nilai))
    assert len(openpyxl.load_workbook(keluar)["Tren"]._charts) == 1


def test_grafik_terurut_tanpa_yang_ditolak(buku):
    keluar, diterima = buku
    g = baca_sheet(keluar, "Grafik", "tblGrafikNPS")
    assert len(g) == 7                                         # ditolak/belum: tidak digambar
    assert list(g["NPS"]) == pytest.approx(sorted(h["nps"] for h in diterima[9]))
    assert set(g["Acuan"]) == {100}
    ws = openpyxl.load_workbook(keluar)["Grafik"]
    assert len(ws._charts) == 2


def test_tabel_cetak_waktu(buku):
    keluar, _ = buku
    wb = openpyxl.load_workbook(keluar)
    for ws in wb.worksheets:
        assert ws.tables, ws.title
        for t in ws.tables.values():
            kiri = t.ref.split(":")[0]
            kepala = [c.value for c in ws[t.ref][0]]
            assert all(isinstance(h, str) and h for h in kepala), (ws.title, t.name)
            assert len(set(kepala)) == len(kepala)
            assert kiri
        ps = ws.page_setup
        assert (ps.paperSize, ps.orientation, ps.fitToWidth, ps.fitToHeight) == (
            9, "landscape", 1, 0), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        if ws.title not in ("Grafik",):
            (a, b) = ws.print_title_rows.replace("$", "").split(":")
            utama = list(ws.tables.values())[-1]
            assert int(a) == int(b) == int(''.join(ch for ch in utama.ref.split(":")[0]
                                                   if ch.isdigit())), ws.title
        kepala = {c.value for row in ws.iter_rows(max_row=80) for c in row}
        assert ("SHA-256" in kepala) == (ws.title == "Sumber")
    sumber = baca_sheet(keluar, "Sumber")
    assert sumber["SHA-256"].str.fullmatch(r"[0-9a-f]{64}").all()
    assert all(str(w).endswith(" WIB") for w in sumber["Diterima (WIB)"])
    m = wb["Matriks Capaian"]
    kepala = [c.value for c in m[4]]
    assert "Kriteria Tahunan" not in kepala and "Progres Tahunan (%)" in kepala
    aturan = [r for rng in m.conditional_formatting for r in rng.rules]
    assert any(r.type == "dataBar" for r in aturan)
    kategori = baca_sheet(keluar, "Ringkasan")["Kategori Efisiensi"].dropna()
    assert len(kategori) == 7 and all(k.endswith("(sementara)") for k in kategori)


def test_efisiensi_final_di_periode_12(tmp_path):
    folder = tmp_path / "k"
    assert jalankan("sampel", "--units", 3, "-o", folder, "--periode", 12).exit_code == 0
    keluar = tmp_path / "n.xlsx"
    assert jalankan("konsolidasi", folder, "-o", keluar).exit_code == 0
    ring = baca_sheet(keluar, "Ringkasan")
    ada = ring[ring["Status"] == "diterima"]
    assert len(ada) == 3
    assert all(k in ("Efisien", "Tidak Efisien") for k in ada["Kategori Efisiensi"])
    assert list(ada["Capaian Input Efisiensi (%)"]) == pytest.approx(
        list(ada["Realisasi Anggaran (% Pagu)"]))
    total = baca_sheet(keluar, "Ringkasan", "tblTotal").set_index("Ringkasan Nasional")
    assert "final" in total.loc["Unit efisien", "Keterangan"]


def test_periode_tidak_sah_tetap_unit_yang_ditolak(tmp_path):
    """Kiriman yang menulis Periode 13 sudah dikirim unitnya: ia "ditolak" (dengan alasannya),
    bukan "belum mengirim" yang membuat Biro menagih unit yang sudah mengirim."""
    folder = tmp_path / "kiriman"
    assert jalankan("sampel", "--units", 3, "-o", folder, "--seed", 4).exit_code == 0
    path = sorted(folder.glob("*.xlsx"))[0]
    unit = mandiri(path, 6)["unit"]
    wb = openpyxl.load_workbook(path)
    assert wb["Info"]["A7"].value == "Periode"
    wb["Info"]["B7"] = 13
    wb.save(path)
    keluar = tmp_path / "nasional.xlsx"
    r = jalankan("konsolidasi", folder, "-o", keluar, "--tahun", 2024, "--periode", 6)
    assert r.exit_code == 1, r.output
    u = baris(baca_sheet(keluar, "Ringkasan"), unit)
    assert u["Status"] == "ditolak" and "Periode '13'" in u["Keterangan"]
    total = baca_sheet(keluar, "Ringkasan", "tblTotal").set_index("Ringkasan Nasional")
    assert total.loc["Unit ditolak", "Nilai"] == 1
    assert total.loc["Unit belum mengirim", "Nilai"] == 103 - 3
    ph = baca_sheet(keluar, "Perlu Perhatian")
    alasan = baris(ph[ph["Jenis"] == "Ditolak"], unit)["Alasan"]
    assert "periode 13" not in alasan and "Periode '13' tidak sah" in alasan
