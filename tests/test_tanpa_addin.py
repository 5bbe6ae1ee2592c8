"""Tanpa add-in (LibreOffice; Excel sebelum fungsi rapk-xl diimpor) sheet Capaian tetap
menghitung lewat rumus Excel biasa: tidak ada #NAME? atau galat lain, dan nilainya sama dengan
mesin hitung di setiap sel yang dapat dihitung rumus biasa. Sel yang hanya dapat dihitung
add-in (teks angka, opini BPK) menampilkan "Perlu add-in".

LibreOffice menghitung ulang workbook; nilainya dibandingkan dengan :mod:`rapk_xl.calc` atas
nilai isian yang sama — inilah jalur add-in (fungsi rapk-xl memanggil mesin hitung itu)."""
import math
from pathlib import Path

import pandas as pd
import pytest
import python_calamine as pc

from conftest import perlu_soffice
from rapk_xl.calc import (bobot_indikator, capaian_input, efisiensi, hitung_capaian,
                          hitung_nps, kriteria)
from rapk_xl.calc.rumus_excel import PERLU_ADDIN
from rapk_xl.format import DataRAPK
from rapk_xl.format import capaian as fc
from rapk_xl.format.spec import ID_REALISASI, ID_TARGET
from rapk_xl.io.capaian_sheet import kolom_blok
from rapk_xl.io.reader import baca_workbook, ke_data
from rapk_xl.io.writer import tulis_workbook
from rapk_xl.io.xlsx_parts import PaketXlsx, kolom_ke_angka

pytestmark = perlu_soffice
AKAR = Path(__file__).resolve().parents[1]
SAMPEL = sorted((AKAR / "samples").glob("*.xlsx"))

BULAN = 6
#: (kode, jenis, polaritas, iku, bobot, target, target Juni, realisasi Juni) — kasus tepi
KASUS = [
    ("1.01", "Tetap", "Positif", "Ya", None, 90, 90, 81),           # 90 %
    ("1.02", "Tetap", "Negatif", "Tidak", None, 20, 20, 18),        # (2 − 0,9) × 100 = 110
    ("1.03", "Tetap", "negatif", None, None, 10, 10, 25),           # 2,5 × target: 0, tidak negatif
    ("1.04", "Kumulatif", "Positif", "Tidak", 3, 100, 50, 24.9975),  # 49,995 → 50,00 → Kurang
    ("1.05", "Tetap", "Positif", "Tidak", None, 100, 100, 109.995),  # → 110,00: Sangat Baik
    ("2.01", "Tetap", "Positif", "Tidak", None, 100, 100, 120),     # tepat 120: TDD
    ("2.02", "Tetap", "Positif", "Tidak", None, 100, 100, 119.995),  # → 120,00: TDD
    ("2.03", "Tetap", "Positif", "Tidak", None, 0, 0, 5),           # target nol
    ("2.04", "Tetap", "Positif", "Tidak", None, 80, None, 70),      # target Juni kosong
    ("2.05", "Tetap", "Positif", "Tidak", None, 80, 80, None),      # belum ada realisasi
    ("3.01", "Akhir Tahun", "Positif", "Tidak", None, 83, None, None),  # Akhir Tahun
    ("3.02", "Tetap", "Positif", "Tidak", None, "WTP", "WTP", "WDP"),  # opini: add-in
    ("3.03", "Tetap", "Positif", "Tidak", None, 90, 90, "85"),      # teks angka: add-in
    ("3.04", "Tetap", "Naik", "Tidak", None, 90, 90, 85),           # polaritas tak dikenal
]


def _data_tepi() -> DataRAPK:
    pk, rapk, real, ang = [], [], [], []
    for kode, jenis, pol, iku, bobot, target, t06, r06 in KASUS:
        no = int(kode.split(".")[0])
        pk.append({"no_sasaran": no, "perspektif": "Customer" if no == 1 else None,
                   "sasaran": f"Sasaran {no}", "kode_indikator": kode, "indikator": f"Ind {kode}",
                   "satuan": "%", "jenis_target": jenis, "polaritas": pol, "iku": iku,
                   "bobot": bobot, "target": target})
        rapk.append({"kode_indikator": kode, "indikator": f"Ind {kode}", "b06": t06,
                     "b12": target if jenis == "Akhir Tahun" else None, "anggaran": 1000})
        real.append({"kode_indikator": kode, "indikator": f"Ind {kode}", "r06": r06})
    # anggaran: 1.01 setengah terserap, 1.02 belum terserap (0 %), sasaran 3 tanpa pagu
    ang = [{"kode_indikator": "1.01", "no": 1, "kode_ro": "3165.QIA.005", "pagu": 1000,
            "kontribusi": 1000, "realisasi_anggaran": 500},
           {"kode_indikator": "1.02", "no": 1, "kode_ro": "3165.QIA.006", "pagu": 1000,
            "kontribusi": 1000, "realisasi_anggaran": None},
           {"kode_indikator": "2.01", "no": 1, "kode_ro": "3165.QIA.007", "pagu": 400,
            "kontribusi": 400, "realisasi_anggaran": 0}]
    info = {"unit_kerja": "Balai POM di Jember", "tahun": 2024, "periode": BULAN,
            "satuan_anggaran": "Rupiah", "versi_format": 1}
    return DataRAPK(info, {"pk": pd.DataFrame(pk), "rapk": pd.DataFrame(rapk),
                           "realisasi": pd.DataFrame(real), "anggaran": pd.DataFrame(ang)})


@pytest.fixture(scope="module")
def dihitung(libreoffice, tmp_path_factory):
    """Workbook tepi dan ketiga sampel, dihitung ulang LibreOffice: nama → (xlsx, data isian)."""
    folder = tmp_path_factory.mktemp("tanpa_addin")
    tepi = tulis_workbook(_data_tepi(), folder / "tepi.xlsx")
    hasil = {}
    for p in [tepi, *SAMPEL]:
        lo = libreoffice(p, "xlsx", folder / "lo")
        hasil[p.stem] = (lo, ke_data(baca_workbook(p)))
    return hasil


def _capaian(path):
    return pc.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Capaian").to_python(
        skip_empty_area=False)


def _sel(kisi, alamat: str):
    kolom = "".join(ch for ch in alamat if ch.isalpha())
    baris = int("".join(ch for ch in alamat if ch.isdigit()))
    return kisi[baris - 1][kolom_ke_angka(kolom) - 1]


def _sama(sel, harap) -> bool:
    """Nilai sel LibreOffice sama dengan harapan mesin hitung (angka, label, atau kosong)."""
    if harap is None or harap == "":
        return sel == ""
    if isinstance(harap, float):
        return isinstance(sel, float) and math.isclose(sel, harap, rel_tol=1e-9, abs_tol=1e-9)
    return sel == harap


def _tampil(h):
    return h.nilai if h.nilai is not None else h.alasan.tampil


def _harapan(data: DataRAPK) -> dict[str, list[dict]]:
    """Nilai sel Capaian menurut mesin hitung, per blok (urut PK / nomor sasaran / perspektif)."""
    per = int(data.info["periode"])
    rapk = data.rapk.set_index("kode_indikator")
    real = data.realisasi.set_index("kode_indikator")
    ang = data.anggaran
    ind, baris_nps = [], []
    for _, p in data.pk.iterrows():
        kode = p["kode_indikator"]
        t_bln = rapk.at[kode, ID_TARGET[per - 1]] if kode in rapk.index else None
        r_bln = real.at[kode, ID_REALISASI[per - 1]] if kode in real.index else None
        periode = hitung_capaian(r_bln, t_bln, p["polaritas"], p["jenis_target"], per)
        tahunan = hitung_capaian(r_bln, p["target"], p["polaritas"], p["jenis_target"], per)
        g = ang[ang["kode_indikator"] == kode]
        kontr = sum(v for v in g["kontribusi"] if isinstance(v, (int, float)) and v == v)
        ra = sum(v for v in g["realisasi_anggaran"] if isinstance(v, (int, float)) and v == v)
        bobot = float(bobot_indikator([p["bobot"]], [p["iku"]])[0])
        ind.append({"bobot": bobot, "capaian_periode": _tampil(periode),
                    "kriteria_periode": kriteria(periode.nilai) if periode.nilai is not None
                    else periode.alasan.tampil,
                    "capaian_tahunan": _tampil(tahunan),
                    "kriteria_tahunan": kriteria(tahunan.nilai) if tahunan.nilai is not None
                    else tahunan.alasan.tampil,
                    "capaian_input": capaian_input(ra, kontr)})
        baris_nps.append({"sasaran": p["no_sasaran"], "perspektif": p["perspektif"],
                          "capaian": periode.nilai, "bobot": bobot, "kontr": kontr, "ra": ra})
    df = pd.DataFrame(baris_nps)
    h = hitung_nps(df)
    sas = []
    for _, s in h.sasaran.iterrows():
        g = df[df["sasaran"] == s["sasaran"]]
        masuk = capaian_input(g["ra"].sum(), g["kontr"].sum())
        e = efisiensi(s["nps"], masuk) if masuk is not None else None
        nps = None if math.isnan(s["nps"]) else float(s["nps"])
        krit = s["kriteria"] if isinstance(s["kriteria"], str) else ""
        sas.append({"nps": nps, "kriteria": krit, "capaian_input": masuk,
                    "efisiensi_ie": (e.ie if e.ie is not None else e.alasan.tampil) if e else "",
                    "kategori_efisiensi": (e.kategori or e.alasan.tampil) if e else ""})
    persp = {r["perspektif"]: float(r["nps"]) for _, r in h.perspektif.iterrows()}
    return {"indikator": ind, "sasaran": sas, "perspektif": persp,
            "unit": (h.nps, h.kriteria or "")}


@pytest.mark.parametrize("nama", ["tepi", *(p.stem for p in SAMPEL)])
def test_tanpa_galat_dan_sama_dengan_mesin_hitung(dihitung, nama):
    lo, data = dihitung[nama]
    with PaketXlsx(lo) as p:
        assert p.sel_galat(p.isi_sheet("Capaian")) == {}, "tidak boleh ada #NAME? atau galat"
    kisi, harap = _capaian(lo), _harapan(data)
    ki = kolom_blok(fc.INDIKATOR)
    plain = 0
    for i, h in enumerate(harap["indikator"]):
        r = fc.BARIS_DATA + i
        for id_, nilai in h.items():
            dapat = _sel(kisi, f"{ki[id_]}{r}")
            if dapat == PERLU_ADDIN:
                # hanya add-in yang dapat menghitung: mesin hitung memang membaca teks di sini
                kode = data.pk["kode_indikator"][i]
                assert kode in ("3.02", "3.03"), (nama, kode, id_)
                continue
            plain += 1
            assert _sama(dapat, nilai), (nama, data.pk["kode_indikator"][i], id_, dapat, nilai)
    ks = kolom_blok(fc.SASARAN)
    addin = set()
    for j, h in enumerate(harap["sasaran"]):
        r = fc.BARIS_DATA + j
        for id_, nilai in h.items():
            dapat = _sel(kisi, f"{ks[id_]}{r}")
            if dapat == PERLU_ADDIN:  # sasaran dengan indikator yang hanya dihitung add-in
                addin.add(j)
                continue
            assert _sama(dapat, nilai), (nama, j, id_)
    assert addin == ({2} if nama == "tepi" else set())
    kp = kolom_blok(fc.PERSPEKTIF_BLOK)
    for k in range(4):
        r = fc.PERSPEKTIF_BLOK.baris_header + 1 + k
        p_nama = _sel(kisi, f"{kp['perspektif']}{r}")
        assert _sama(_sel(kisi, f"{kp['nps']}{r}"), harap["perspektif"].get(p_nama)), p_nama
    nps, krit = harap["unit"]
    if addin:
        assert _sel(kisi, fc.SEL_NPS_UNIT) == PERLU_ADDIN == _sel(kisi, fc.SEL_KRITERIA_UNIT)
    else:
        assert _sama(_sel(kisi, fc.SEL_NPS_UNIT), nps)
        assert _sel(kisi, fc.SEL_KRITERIA_UNIT) == krit
    assert plain > 5 * len(harap["indikator"])


def test_kasus_tepi_dihitung_dengan_tangan(dihitung):
    """Beberapa nilai kasus tepi, ditulis tangan (bukan dari mesin hitung)."""
    lo, _ = dihitung["tepi"]
    kisi = _capaian(lo)
    ki = kolom_blok(fc.INDIKATOR)

    def baris(kode):
        return fc.BARIS_DATA + [k[0] for k in KASUS].index(kode)

    def sel(kode, id_):
        return _sel(kisi, f"{ki[id_]}{baris(kode)}")

    assert sel("1.01", "capaian_periode") == pytest.approx(90.0)
    assert sel("1.02", "capaian_periode") == pytest.approx(110.0)
    assert sel("1.02", "kriteria_periode") == "Sangat Baik"
    assert sel("1.03", "capaian_periode") == 0
    assert sel("1.04", "kriteria_periode") == "Kurang"        # 49,995 dibulatkan 50,00
    assert sel("1.05", "kriteria_periode") == "Sangat Baik"   # 109,995 → 110,00
    assert sel("2.01", "kriteria_periode") == "Tidak Dapat Disimpulkan"
    assert sel("2.03", "capaian_periode") == "Target nol"
    assert sel("2.04", "capaian_periode") == "Target kosong"
    assert sel("2.04", "capaian_tahunan") == pytest.approx(87.5)  # 70 / 80
    assert sel("2.05", "capaian_periode") == ""
    assert sel("3.01", "capaian_periode") == "Akhir Tahun"
    assert sel("3.02", "capaian_periode") == PERLU_ADDIN
    assert sel("3.04", "capaian_periode") == "Polaritas tidak dikenal"
    assert sel("1.01", "bobot") == 2 and sel("1.04", "bobot") == 3 and sel("1.03", "bobot") == 1
    assert sel("1.01", "capaian_input") == pytest.approx(50.0)
    assert sel("1.02", "capaian_input") == 0          # belum terserap: 0 %, bukan kosong
    assert sel("2.01", "capaian_input") == 0
    assert sel("3.01", "capaian_input") == ""         # tanpa pagu
    # NPS sasaran 1: (2×90 + 110 + 0 + 3×49,995 + 109,995) / (2+1+1+3+1)
    ks = kolom_blok(fc.SASARAN)
    harap = (2 * 90 + 110 + 0 + 3 * 49.995 + 109.995) / 8
    assert _sel(kisi, f"{ks['nps']}{fc.BARIS_DATA}") == pytest.approx(harap)
