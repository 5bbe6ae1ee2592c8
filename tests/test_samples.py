"""Sampel memuat angka dokumen sumber (diperiksa langsung terhadap teks seed) dan selaras
dengan transkripsi CSV-nya."""
import re
import zipfile
from pathlib import Path

import pytest

from rapk_xl.calc.parse import parse_angka
from rapk_xl.io.reader import baca_workbook
from rapk_xl.samples.seed import SAMPEL, bangun_sampel

AKAR = Path(__file__).resolve().parents[1]
SUMBER = AKAR / "samples" / "sumber"
NASIONAL = (SUMBER / "000_1dcbc1bc383a0375.txt").read_text(encoding="utf-8").splitlines()
JEMBER = (SUMBER / "001_a78305b1dca3fd91.txt").read_text(encoding="utf-8").splitlines()
DUMAI = (SUMBER / "004_9ebaa760daa9e979.txt").read_text(encoding="utf-8").splitlines()


def _isi(path):
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


def test_workbook_sampel_selaras_dengan_csv(tmp_path):
    baru = bangun_sampel(tmp_path)
    for p in baru:
        lama = AKAR / "samples" / p.name
        assert _isi(lama) == _isi(p), f"{lama} usang: jalankan .venv/bin/python samples/build.py"
    assert {p.stem for p in baru} == set(SAMPEL)


@pytest.fixture(scope="module")
def sampel():
    return {i: baca_workbook(AKAR / "samples" / f"{i}.xlsx") for i in SAMPEL}


def _angka(teks, desimal):
    return parse_angka(teks.strip(), desimal=desimal).nilai


def _baris_dengan(baris, teks):
    return next(i for i, b in enumerate(baris) if teks in b)


def _sel(baris):
    return [s.strip() for s in baris.split("\t")]


def test_nasional_indikator_101_sama_dengan_sembilan_baris_ro(sampel):
    i = _baris_dengan(NASIONAL, "01 - Indeks Pengawasan Obat dan Makanan")
    anggaran_seed = _angka(_sel(NASIONAL[i])[-1], ",")
    baris_ro = []
    for b in NASIONAL[i + 2:]:
        sel = _sel(b)
        if len(sel) < 4 or not re.fullmatch(r"\d+", sel[1] or ""):
            break
        baris_ro.append((sel[2], _angka([s for s in sel if s][-1], ",")))
    assert len(baris_ro) == 9 and anggaran_seed == 114_624_028
    assert sum(v for _, v in baris_ro) == pytest.approx(anggaran_seed)   # dokumen: jumlahnya sama
    b = sampel["bpom_2024"]
    rapk, ang = b["rapk"].df, b["anggaran"].df
    assert rapk.loc[rapk["kode_indikator"] == "1.01", "anggaran"].item() == anggaran_seed
    baris = ang[ang["kode_indikator"] == "1.01"]
    assert list(baris["kode_ro"]) == [k for k, _ in baris_ro]
    assert [float(v) for v in baris["kontribusi"]] == [v for _, v in baris_ro]
    assert list(baris["no"]) == [1, 2, 3, 4, 5, 6, 7, 9, 10]   # "9 setelah 7" dipertahankan


def test_nasional_total_dokumen(sampel):
    total = next(b for b in NASIONAL if b.startswith("Total"))
    harap = _angka([s for s in _sel(total) if s][-1], ",")
    assert harap == 2_354_243_149
    rapk = sampel["bpom_2024"]["rapk"].df
    # baris bergeser (5.05): Anggaran berisi 4,7 dan jumlah sebenarnya ada di kolom tambahan
    nyata = [float(k) if k is not None else float(a) for a, k in zip(rapk["anggaran"], rapk["Kolom1"])]
    assert sum(nyata) == pytest.approx(harap)


def test_nasional_anomali_dipertahankan(sampel):
    rapk = sampel["bpom_2024"]["rapk"].df.set_index("kode_indikator")
    # 05 - Indeks pelayanan Publik: tiga belas angka untuk dua belas bulan
    i = _baris_dengan(NASIONAL, "05 - Indeks pelayanan Publik")
    token = [s for s in _sel(NASIONAL[i])[2:] if s][:-1]
    assert len(token) == 13
    baris = rapk.loc["5.05"]
    dua_belas = [baris[f"b{m:02d}"] for m in range(1, 13)]
    assert [str(v) if v == "-" else _angka(str(v), ".") for v in dua_belas + [baris["anggaran"]]] == [
        "-" if t == "-" else _angka(t, ",") for t in token]
    # 02 - Nilai Kinerja Anggaran: - 49,21 53,7 - ... - 94,40
    nka = rapk.loc["11.02"]
    assert (nka["b01"], nka["b02"], nka["b03"], nka["b04"], nka["b12"]) == ("-", 49.21, 53.7, "-", 94.4)
    # jumlah satu desimal ditulis sebagai teks, seperti di dokumen
    ang = sampel["bpom_2024"]["anggaran"].df
    assert "5.874.961,0" in list(ang["kontribusi"])


def test_jember_sub_komponen_bersama(sampel):
    # RO 3165.QIA.005 komponen 055 sub komponen A: 77.763.000 = 62.210.400 (1.01) + 15.552.600 (1.03)
    ang = sampel["balai_pom_jember_2024"]["anggaran"].df
    grup = ang[(ang["kode_ro"] == "DR.3165.QIA.005") & (ang["sub_komponen"] == "A - Pengadaan Sampel")]
    assert set(grup["pagu"]) == {77_763_000}
    assert dict(zip(grup["kode_indikator"], grup["kontribusi"])) == {"1.01": 62_210_400, "1.03": 15_552_600}
    assert 62_210_400 + 15_552_600 == 77_763_000


@pytest.mark.parametrize("teks, kode", [
    ("02 - Jumlah sekolah dengan Pangan Jajanan Anak Sekolah (PJAS) Aman", "3.02"),
    ("03 - Jumlah desa pangan aman", "3.03"),
    ("04 - Jumlah pasar pangan aman berbasis komunitas", "3.04"),
])
def test_jember_pola_pjas_dipertahankan(sampel, teks, kode):
    sel = [s for s in _sel(JEMBER[_baris_dengan(JEMBER, teks)]) if s]
    target_seed = [_angka(s, ".") for s in sel[1:13]]
    rapk = sampel["balai_pom_jember_2024"]["rapk"].df.set_index("kode_indikator")
    assert [rapk.loc[kode, f"b{m:02d}"] for m in range(1, 13)] == target_seed
    assert rapk.loc[kode, "anggaran"] == _angka(sel[13], ".")
    assert target_seed[-1] < target_seed[-2]   # B12 hitungan setelah persentase


def test_jember_baris_bergeser(sampel):
    sel = [s for s in _sel(JEMBER[_baris_dengan(JEMBER, "01 - Nilai Kinerja Anggaran UPT")]) if s]
    angka = [_angka(s, ".") for s in sel if re.fullmatch(r"[\d.,]+", s) and not s.endswith(".")]
    assert len(angka) == 12   # sebelas target + anggaran: satu nilai terlalu banyak
    rapk = sampel["balai_pom_jember_2024"]["rapk"].df.set_index("kode_indikator")
    baris = rapk.loc["11.01"]
    ditulis = [baris[f"b{m:02d}"] for m in range(3, 13)] + [baris["anggaran"], baris["Kolom1"]]
    assert ditulis == angka
    assert baris["b01"] is None and baris["b02"] is None


def test_dumai_indikator_06(sampel):
    i = _baris_dengan(DUMAI, "06 - Persentase keputusan/rekomendasi hasil pengawasan")
    sel = [s for s in _sel(DUMAI[i]) if s]
    target, anggaran = [_angka(s, ".") for s in sel[1:13]], _angka(sel[13], ".")
    rapk = sampel["loka_pom_dumai_2025"]["rapk"].df.set_index("kode_indikator")
    kode = rapk.index[rapk["indikator"].str.startswith("Persentase keputusan/rekomendasi hasil pengawasan")][0]
    assert [rapk.loc[kode, f"b{m:02d}"] for m in range(1, 13)] == target
    assert rapk.loc[kode, "anggaran"] == anggaran == 80_966_250


def test_sampel_menyatakan_realisasi_ilustratif(sampel):
    for b in sampel.values():
        assert "ILUSTRATIF" in str(b.info.get("catatan", ""))
