"""Generator workbook sintetis (``rapk-xl sampel``), diperiksa seperti pengguna memeriksanya.

Aturan yang diuji ditulis ulang di sini dari docs/format dan domain (bukan diambil dari kode
generator): berkas bersih harus lolos semuanya; setiap kesalahan di manifest harus benar-benar
ada di sel yang disebut.
"""
import json
import random
import re
import time
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from rapk_xl import capaian, kriteria
from rapk_xl.calc.parse import Status, parse_angka
from rapk_xl.cli import cli
from rapk_xl.format.spec import (ID_REALISASI, ID_TARGET, PERSPEKTIF, POLA_KODE_INDIKATOR,
                                 POLA_KODE_RO, POLARITAS,
                                 SATUAN_UMUM)
from rapk_xl.io.reader import baca_workbook, ke_data
from rapk_xl.reference import cari_unit
from rapk_xl.samples import faults
from rapk_xl.samples.synthetic import buat_isi, buat_sampel, rencana_berkas, unit_sampel

B = [f"B{i:02d}" for i in range(1, 13)]
R = [f"R{i:02d}" for i in range(1, 13)]
HITUNGAN = {"Sekolah", "Desa", "Pasar", "Dokumen"}


@pytest.fixture(scope="module")
def besar(tmp_path_factory):
    """60 unit, 20 berkas rusak, dua proses: sekali untuk beberapa tes."""
    folder = tmp_path_factory.mktemp("sampel60")
    t = time.perf_counter()
    buat_sampel(folder, units=60, seed=7, rusak=20, jobs=2)
    detik = time.perf_counter() - t
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return folder, manifest, detik


# -- berkas dan manifest ----------------------------------------------------------------------
def test_berkas_dan_manifest(besar):
    folder, m, detik = besar
    assert detik < 60, f"60 berkas butuh {detik:.1f} detik"
    xlsx = sorted(p.name for p in folder.glob("*.xlsx"))
    assert len(xlsx) == 60 and sorted(f["file"] for f in m["files"]) == xlsx
    assert (m["seed"], m["units"], m["rusak"], m["tahun"], m["periode"]) == (7, 60, 20, 2024, 6)
    rusak = [f for f in m["files"] if f["rusak"]]
    assert len(rusak) == 20
    assert all(1 <= len({k["rule"] for k in f["faults"]}) <= 3 for f in rusak)  # 1-3 suntikan
    assert all(f["faults"] == [] for f in m["files"] if not f["rusak"])
    # setiap unit nyata, sekali saja, bukan BPOM tingkat badan; nama berkas kode_tahun_periode
    nama_unit = [f["unit"] for f in m["files"]]
    assert len(set(nama_unit)) == 60
    for f in m["files"]:
        u = cari_unit(f["unit"])
        assert u is not None and u.nama == f["unit"] and u.kelompok != "BPOM"
        assert f["file"] == f"{u.kode}_2024_06.xlsx" and (f["tahun"], f["periode"]) == (2024, 6)
    for f in rusak:
        for k in f["faults"]:
            assert set(k) == {"rule", "sheet", "cell", "keterangan"} and k["keterangan"]


def test_banyak_jenis_kesalahan(besar):
    _, m, _ = besar
    jenis = [k["rule"] for f in m["files"] for k in f["faults"]]
    # 20 berkas × rata-rata 2 kesalahan, bergiliran dari katalog 33 jenis
    assert len(set(jenis)) >= 28, Counter(jenis)
    for f in m["files"]:
        aturan = [k["rule"] for k in f["faults"]]
        if "versi-format" in aturan:
            assert aturan == ["versi-format"]


# -- berkas bersih: semua aturan terpenuhi -----------------------------------------------------
def _pelanggaran(bacaan) -> list[str]:
    """Aturan format, ditulis ulang dengan pandas biasa; kembalikan daftar pelanggaran."""
    salah = []
    info = bacaan.info
    periode = int(info["periode"])
    u = cari_unit(info["unit_kerja"])
    if u is None or u.nama != info["unit_kerja"]:
        salah.append(f"unit {info['unit_kerja']}")
    if not (2005 <= info["tahun"] <= 2100 and info["satuan_anggaran"] == "Rupiah"
            and info["versi_format"] == 1):
        salah.append(f"info {info}")
    pk, rapk = bacaan["pk"].df, bacaan["rapk"].df
    ang, real, pb = bacaan["anggaran"].df, bacaan["realisasi"].df, bacaan["pembilang"].df
    kode = list(pk["kode_indikator"])
    if len(set(kode)) != len(kode) or not all(re.match(POLA_KODE_INDIKATOR, k) for k in kode):
        salah.append("kode PK")
    if not sorted(rapk["kode_indikator"]) == sorted(real["kode_indikator"]) == sorted(kode):
        salah.append("kode RAPK/Realisasi")
    if not set(ang["kode_indikator"]) == set(kode):
        salah.append("kode Anggaran")
    if pk.groupby("no_sasaran")["sasaran"].nunique().max() != 1:
        salah.append("sasaran tidak konsisten")
    for _, b in pk.iterrows():
        if not (b["perspektif"] in PERSPEKTIF and b["satuan"] in SATUAN_UMUM
                and b["polaritas"] in POLARITAS and b["iku"] in ("Ya", "Tidak")
                and b["bobot"] is None and b["sasaran"] and b["indikator"]):
            salah.append(f"PK {b['kode_indikator']}")
    rapk_i, real_i = rapk.set_index("kode_indikator"), real.set_index("kode_indikator")
    for _, b in pk.iterrows():
        k, jenis, t, satuan = b["kode_indikator"], b["jenis_target"], b["target"], b["satuan"]
        target = [rapk_i.at[k, x] for x in ID_TARGET]
        terisi = [m for m in range(1, 13) if target[m - 1] is not None]
        nilai = [target[m - 1] for m in terisi]
        if terisi != list(range(terisi[0], 13)):
            salah.append(f"{k}: target bolong {target}")
        if jenis == "Tetap" and set(nilai) != {t}:
            salah.append(f"{k}: Tetap {target} target {t}")
        if jenis == "Kumulatif" and (nilai != sorted(nilai) or target[11] != t):
            salah.append(f"{k}: Kumulatif {target} target {t}")
        if jenis == "Akhir Tahun" and (terisi != [12] or target[11] != t):
            salah.append(f"{k}: Akhir Tahun {target}")
        if satuan == "%" and max(nilai) > 100:
            salah.append(f"{k}: persen > 100")
        if satuan in HITUNGAN and not all(float(x).is_integer() for x in nilai):
            salah.append(f"{k}: hitungan bukan bilangan bulat")
        if satuan == "Opini" and t not in (4, "WTP"):
            salah.append(f"{k}: opini {t}")
        if rapk_i.at[k, "anggaran"] != ang.loc[ang["kode_indikator"] == k, "kontribusi"].sum():
            salah.append(f"{k}: Anggaran ≠ Σ Kontribusi")
        r = [real_i.at[k, x] for x in ID_REALISASI]
        harus = [m for m in terisi if m <= periode]
        if [m for m in range(1, 13) if r[m - 1] is not None] != harus:
            salah.append(f"{k}: realisasi bulan {r} (harus {harus})")
        angka = [x for x in r if x is not None and satuan != "Opini"]
        if jenis == "Kumulatif" and angka != sorted(angka):
            salah.append(f"{k}: realisasi Kumulatif turun {r}")
        if satuan == "%" and any(x > 100 for x in angka):
            salah.append(f"{k}: realisasi > 100")
        if satuan in HITUNGAN and not all(float(x).is_integer() for x in angka):
            salah.append(f"{k}: realisasi hitungan pecahan")
    # anggaran
    for k, g in ang.groupby("kode_indikator", sort=False):
        if list(g["no"]) != list(range(1, len(g) + 1)) or not 2 <= len(g) <= 6:
            salah.append(f"{k}: nomor urut {list(g['no'])}")
    kunci = ["kode_indikator", "kode_ro", "komponen", "sub_komponen"]
    if ang.duplicated(kunci).any():
        salah.append("baris anggaran ganda")
    for _, b in ang.iterrows():
        if not re.match(POLA_KODE_RO, b["kode_ro"]) or not str(b["komponen"])[:3].isdigit():
            salah.append(f"kode RO/komponen {b['kode_ro']}")
        uang = [b["pagu"], b["kontribusi"], b["realisasi_anggaran"]]
        if not all(isinstance(x, float) and x % 1000 == 0 and x >= 0 for x in uang):
            salah.append(f"rupiah {uang}")
        if b["realisasi_anggaran"] > b["kontribusi"]:
            salah.append("realisasi anggaran > kontribusi")
    bersama = 0
    for _, g in ang.groupby(["kode_ro", "komponen", "sub_komponen"]):
        if g["pagu"].nunique() != 1 or g["kontribusi"].sum() != g["pagu"].iloc[0] or len(g) > 2:
            salah.append(f"sub komponen {g.iloc[0]['kode_ro']}: Σ Kontribusi ≠ Pagu")
        bersama += len(g) == 2
    if not bersama:
        salah.append("tidak ada sub komponen bersama")
    # pembilang: realisasi bulan itu = round(a / b × 100, 2)
    if not 2 <= pb["kode_indikator"].nunique() <= 4:
        salah.append("jumlah indikator pembilang")
    for _, b in pb.iterrows():
        a, n, m = b["pembilang"], b["penyebut"], int(b["bulan"])
        if not (a.is_integer() and n.is_integer() and 0 <= a <= n and m <= periode):
            salah.append(f"pembilang {dict(b)}")
        if real_i.at[b["kode_indikator"], ID_REALISASI[m - 1]] != round(a / n * 100, 2):
            salah.append(f"pembilang {b['kode_indikator']} bulan {m} tidak cocok")
    return salah


def test_berkas_bersih_memenuhi_semua_aturan(besar):
    folder, m, _ = besar
    bersih = [f for f in m["files"] if not f["rusak"]]
    assert len(bersih) == 40
    kelompok = Counter()
    for f in bersih:
        b = baca_workbook(folder / f["file"])
        assert b.masalah == [] and not any(b.galat.values()), f["file"]
        assert _pelanggaran(b) == [], f["file"]
        kelompok[cari_unit(f["unit"]).kelompok] += 1
    assert set(kelompok) == {"Pusat", "Balai", "Loka"}


def test_katalog_indikator_sama_untuk_semua_upt(besar):
    folder, m, _ = besar
    katalog = {}
    for f in m["files"][:40]:
        if f["rusak"]:
            continue
        pk = baca_workbook(folder / f["file"])["pk"].df
        kel = "Pusat" if cari_unit(f["unit"]).kelompok == "Pusat" else "UPT"
        isi = tuple(zip(pk["kode_indikator"], pk["indikator"], pk["satuan"], pk["polaritas"]))
        katalog.setdefault(kel, set()).add(isi)
    assert len(katalog["UPT"]) == 1 and len(katalog["Pusat"]) == 1
    upt, pusat = next(iter(katalog["UPT"])), next(iter(katalog["Pusat"]))
    assert 20 <= len(upt) <= 28 and 8 <= len(pusat) <= 15
    assert any(s in ("Sekolah", "Desa", "Pasar") for _, _, s, _ in upt)
    assert any(p == "Negatif" for *_, p in pusat) and any(s == "Opini" for _, _, s, _ in pusat)


def test_anggaran_unit_mengikuti_pagu_referensi(besar):
    folder, m, _ = besar
    for f in [f for f in m["files"] if not f["rusak"]][:10]:
        ang = baca_workbook(folder / f["file"])["anggaran"].df
        total = ang.drop_duplicates(["kode_ro", "komponen", "sub_komponen"])["pagu"].sum()
        assert 0.85 <= total / cari_unit(f["unit"]).pagu_2024 <= 1.15, f["unit"]


def test_semua_kriteria_muncul(besar):
    folder, m, _ = besar
    label = Counter()
    for f in m["files"]:
        if f["rusak"]:
            continue
        b = baca_workbook(folder / f["file"])
        pk, rapk, real = (b[t].df.set_index("kode_indikator") for t in ("pk", "rapk", "realisasi"))
        for k in pk.index:
            c = capaian(real.at[k, "r06"], rapk.at[k, "b06"], pk.at[k, "polaritas"])
            if c is not None:
                label[kriteria(c)] += 1
    assert set(label) == {"Sangat Kurang", "Kurang", "Cukup", "Baik", "Sangat Baik",
                          "Tidak Dapat Disimpulkan"}, label
    assert label["Baik"] > sum(label.values()) / 3


# -- berkas rusak: setiap kesalahan ada di selnya ---------------------------------------------
def _tabel(ws) -> tuple[dict, list[dict]]:
    """Header (baris 5) → huruf kolom, dan baris data sebagai dict (nomor baris di '_r')."""
    h = {ws.cell(5, j).value: ws.cell(5, j).column_letter for j in range(1, ws.max_column + 1)
         if ws.cell(5, j).value}
    baris = []
    for r in range(6, ws.max_row + 1):
        if ws.cell(r, 1).value is None:
            break
        baris.append({"_r": r, **{n: ws[f"{c}{r}"].value for n, c in h.items()}})
    return h, baris


def _periksa_kesalahan(wb, k: dict, periode: int) -> None:
    aturan, sheet, sel = k["rule"], k["sheet"], k["cell"]
    if aturan == "sheet-hilang":
        assert sheet == "Pembilang" and sel is None and sheet not in wb.sheetnames
        return
    ws = wb[sheet]
    c = ws[sel]
    v = c.value
    if sheet == "Info":
        kunci = ws.cell(c.row, 1).value
        harap = {"unit-tidak-dikenal": "Unit Kerja", "periode-tidak-sah": "Periode",
                 "tahun-tidak-wajar": "Tahun", "versi-format": "Versi Format"}[aturan]
        assert kunci == harap
        assert {"unit-tidak-dikenal": lambda: isinstance(v, str) and cari_unit(v) is None,
                "periode-tidak-sah": lambda: not 1 <= v <= 12,
                "tahun-tidak-wajar": lambda: v < 2005,
                "versi-format": lambda: v != 1}[aturan]()
        return
    if aturan == "rumus-ditimpa":
        atas = ws.cell(c.row + 1, c.column).value
        assert isinstance(v, (int, float)) and str(atas).startswith("=")
        return
    if aturan == "header-diganti":
        assert sheet == "Anggaran" and sel == "C5" and v == "Kode R.O"
        return
    h, baris = _tabel(ws)
    kolom = {c_: n for n, c_ in h.items()}[c.column_letter]
    b = next(x for x in baris if x["_r"] == c.row)
    _, pk = _tabel(wb["PK"])
    pk_k = {x["Kode Indikator"]: x for x in pk}
    _, rapk = _tabel(wb["RAPK"])
    rapk_k = {x["Kode Indikator"]: x for x in rapk}
    ind = pk_k.get(b.get("Kode Indikator"), {})
    if aturan == "wajib-kosong":
        assert kolom == "Jenis Target" and v is None
    elif aturan == "di-luar-pilihan":
        assert kolom == "Polaritas" and v not in POLARITAS
    elif aturan == "angka-sebagai-teks":
        assert kolom in B and c.data_type == "s" and parse_angka(v).ok
    elif aturan == "bukan-angka":
        assert kolom == "Anggaran" and parse_angka(v).status is Status.BUKAN_ANGKA
    elif aturan == "angka-ambigu":
        assert kolom == "Pagu" and parse_angka(v).status is Status.AMBIGU
    elif aturan == "angka-negatif":
        assert kolom == "Realisasi Anggaran" and v < 0
    elif aturan == "galat-excel":
        assert kolom in B and c.data_type == "e" and v == "#DIV/0!"
    elif aturan == "kode-indikator-tidak-sah":
        # kode yang sama salah bentuknya di setiap sheet tempatnya ditulis (PK, RAPK, ...)
        assert kolom == "Kode Indikator"
        assert not re.match(POLA_KODE_INDIKATOR, v)
        assert v in rapk_k
    elif aturan == "kode-ganda":
        assert sheet == "PK" and kolom == "Kode Indikator"
        assert any(x["Kode Indikator"] == v for x in baris if x["_r"] < c.row)
    elif aturan == "kode-tidak-di-pk":
        assert sheet == "Realisasi" and kolom == "Kode Indikator" and v not in pk_k
    elif aturan == "pk-tidak-di-rapk":
        assert sheet == "PK" and kolom == "Kode Indikator" and v not in rapk_k
    elif aturan == "baris-anggaran-ganda":
        kunci = ("Kode Indikator", "Kode RO", "Komponen", "Sub Komponen")
        assert kolom == "Kode Indikator"
        assert any(all(x[n] == b[n] for n in kunci) for x in baris if x["_r"] < c.row)
    elif aturan == "kode-ro-tidak-sah":
        assert kolom == "Kode RO" and not re.match(POLA_KODE_RO, v)
    elif aturan in ("kumulatif-turun", "tetap-bervariasi", "akhir-tahun-sebelum-b12",
                    "kumulatif-b12-beda-target", "b12-seperti-jumlah"):
        assert sheet == "RAPK" and kolom in B
        m = B.index(kolom) + 1
        sebelum = [b[x] for x in B[:m - 1] if b[x] is not None]
        if aturan == "kumulatif-turun":
            assert ind["Jenis Target"] == "Kumulatif" and v < sebelum[-1]
        elif aturan == "tetap-bervariasi":
            lain = Counter(b[x] for x in B if b[x] is not None).most_common(1)[0][0]
            assert ind["Jenis Target"] == "Tetap" and v != lain and lain == ind["Target"]
        elif aturan == "akhir-tahun-sebelum-b12":
            assert ind["Jenis Target"] == "Akhir Tahun" and kolom == "B06" and v is not None
        elif aturan == "kumulatif-b12-beda-target":
            assert ind["Jenis Target"] == "Kumulatif" and kolom == "B12" and v != ind["Target"]
        else:
            assert ind["Satuan"] == "%" and ind["Jenis Target"] == "Kumulatif"
            assert kolom == "B12" and v == ind["Target"] and v < 10 and sebelum[-1] >= 20
    elif aturan == "anggaran-beda-kontribusi":
        _, ang = _tabel(wb["Anggaran"])
        jumlah = sum(x["Kontribusi"] for x in ang if x["Kode Indikator"] == b["Kode Indikator"])
        assert sheet == "RAPK" and kolom == "Anggaran" and v != jumlah
    elif aturan == "kontribusi-lebih-pagu":
        assert kolom == "Kontribusi" and v > b["Pagu"]
    elif aturan == "pagu-terhitung-ganda":
        kunci = ("Kode RO", "Komponen", "Sub Komponen")
        grup = [x for x in baris if all(x[n] == b[n] for n in kunci)]
        assert kolom == "Pagu" and len(grup) == 2 and grup[0]["_r"] == c.row
        assert sum(x["Kontribusi"] for x in grup) > v
        assert all(x["Kontribusi"] <= x["Pagu"] == v for x in grup)
    elif aturan == "realisasi-anggaran-lebih":
        assert kolom == "Realisasi Anggaran" and v > b["Kontribusi"]
    elif aturan in ("realisasi-kosong", "realisasi-setelah-periode", "realisasi-tidak-wajar"):
        assert sheet == "Realisasi" and kolom in R
        m = R.index(kolom) + 1
        if aturan == "realisasi-kosong":
            assert v is None and m <= periode
            assert rapk_k[b["Kode Indikator"]][B[m - 1]] is not None
        elif aturan == "realisasi-setelah-periode":
            assert v is not None and m > periode
        else:
            assert ind["Satuan"] == "%" and v > 100
    elif aturan == "pembilang-tidak-cocok":
        assert sheet == "Pembilang" and kolom == "Pembilang"
        _, real = _tabel(wb["Realisasi"])
        r = next(x for x in real if x["Kode Indikator"] == b["Kode Indikator"])
        assert r[R[b["Bulan"] - 1]] != round(v / b["Penyebut"] * 100, 2)
    else:
        pytest.fail(f"aturan tidak dikenal di manifest: {aturan}")


def test_setiap_kesalahan_ada_di_selnya(besar):
    folder, m, _ = besar
    diperiksa = 0
    for f in m["files"]:
        if not f["rusak"]:
            continue
        wb = openpyxl.load_workbook(folder / f["file"])
        for k in f["faults"]:
            _periksa_kesalahan(wb, k, f["periode"])
            diperiksa += 1
    assert diperiksa >= 30


def test_kesalahan_tidak_merusak_yang_lain(besar):
    """Masalah struktur hanya muncul bila memang disengaja (header, sheet, galat)."""
    folder, m, _ = besar
    for f in m["files"]:
        if not f["rusak"]:
            continue
        b = baca_workbook(folder / f["file"])
        aturan = {k["rule"] for k in f["faults"]}
        assert {x.rule for x in b.masalah} == aturan & {"header-diganti", "sheet-hilang"}
        galat = {(s, a) for s, d in b.galat.items() for a in d}
        assert galat == {(k["sheet"], k["cell"]) for k in f["faults"]
                         if k["rule"] == "galat-excel"}


@pytest.mark.parametrize("periode", [1, 6, 11, 12])
def test_setiap_jenis_kesalahan_dapat_diterapkan(periode):
    """Tiap jenis kesalahan dapat diterapkan pada unit Pusat, Balai dan Loka, periode apa pun."""
    contoh = {}
    for u in unit_sampel():
        contoh.setdefault(u.kelompok, u)
    for u in contoh.values():
        for jenis in faults.KATALOG_RUSAK:
            isi = buat_isi(u, 2024, periode, seed=5)
            _, temuan, _ = faults.rusakkan(isi, [jenis], 1, random.Random(1))
            if jenis == "realisasi-setelah-periode" and periode == 12:
                assert temuan == []
            else:
                assert {t.rule for t in temuan} == {jenis}, (u.nama, jenis)


# -- determinisme, putaran tahun, menimpa -----------------------------------------------------
def _bacaan(folder: Path, m) -> dict:
    hasil = {}
    for f in m.files:
        d = ke_data(baca_workbook(folder / f.file))
        hasil[f.file] = (d.info, {k: df.to_dict("list") for k, df in d.tabel.items()})
    return hasil


def test_seed_sama_hasil_sama_seed_lain_berbeda(tmp_path):
    a = buat_sampel(tmp_path / "a", units=4, seed=3, rusak=3)
    b = buat_sampel(tmp_path / "b", units=4, seed=3, rusak=3)
    c = buat_sampel(tmp_path / "c", units=4, seed=4, rusak=3)
    ja, jb, jc = (json.loads(x.path.read_text(encoding="utf-8")) for x in (a, b, c))
    assert ja == jb and ja != jc
    assert _bacaan(tmp_path / "a", a) == _bacaan(tmp_path / "b", b)
    assert [f.file for f in a.files] != [f.file for f in c.files]
    assert sum(f.rusak for f in a.files) == 3


def test_lebih_dari_103_berkas_memakai_tahun_sebelumnya():
    rencana = rencana_berkas(2000, seed=0, tahun=2024)
    assert len(rencana) == 2000 and len(set((u.kode, t) for u, t in rencana)) == 2000
    assert {t for _, t in rencana} == set(range(2005, 2025))   # dua puluh tahun
    assert {u.kode for u, _ in rencana[:103]} == {u.kode for u in unit_sampel()}
    assert all(t == 2024 - i // 103 for i, (_, t) in enumerate(rencana))
    assert rencana_berkas(5, seed=0, tahun=2024) == rencana[:5]
    assert [u for u, _ in rencana_berkas(5, seed=1, tahun=2024)] != [u for u, _ in rencana[:5]]
    with pytest.raises(ValueError, match="2024"):
        rencana_berkas(2000, seed=0, tahun=2020)  # 2001 di bawah tahun wajar (2005)


def test_folder_lama_ditimpa_berkas_lain_tetap(tmp_path):
    lain = tmp_path / "catatan.txt"
    lain.write_text("jangan dihapus", encoding="utf-8")
    buat_sampel(tmp_path, units=2, seed=1, rusak=1)
    m = buat_sampel(tmp_path, units=2, seed=2)
    assert lain.read_text(encoding="utf-8") == "jangan dihapus"
    assert json.loads(m.path.read_text(encoding="utf-8"))["seed"] == 2
    assert len(list(tmp_path.glob("*.xlsx"))) >= 2


# -- baris perintah ---------------------------------------------------------------------------
def test_cli_sampel(tmp_path):
    r = CliRunner().invoke(cli, ["sampel", "--units", "5", "-o", str(tmp_path / "out"),
                                 "--seed", "1", "--rusak", "2"])
    assert r.exit_code == 0, r.output
    assert "5 workbook" in r.output and "2 berkas" in r.output
    assert "manifest.json" in r.output
    assert len(list((tmp_path / "out").glob("*.xlsx"))) == 5
    m = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert sum(f["rusak"] for f in m["files"]) == 2


@pytest.mark.parametrize("args, pesan", [
    (["--units", "5", "--rusak", "6"], "--rusak"),
    (["--units", "0"], "--units"),
    (["--units", "3", "--periode", "13"], "--periode"),
    (["--units", "3", "--periode", "0"], "1-12"),
    (["--units", "2000", "--tahun", "2020"], "--tahun"),  # 2001 di bawah tahun wajar
    (["--units", "3", "--jobs", "0"], "--jobs"),
])
def test_cli_salah_pakai(tmp_path, args, pesan):
    r = CliRunner().invoke(cli, ["sampel", "-o", str(tmp_path / "x"), *args])
    assert r.exit_code == 2, r.output
    assert pesan in r.output and "Galat" in r.output and "Traceback" not in r.output
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("argumen, salah", [
    ("units", {"units": 0}), ("rusak", {"units": 5, "rusak": 6}),
    ("periode", {"units": 3, "periode": 13}), ("jobs", {"units": 3, "jobs": 0}),
    ("tahun", {"units": 2000, "tahun": 2020}),   # 2000 berkas → sampai 2001, di bawah 2005
])
def test_pustaka_memeriksa_argumen_sebelum_menulis(tmp_path, argumen, salah):
    """Pemeriksaan argumen ada di pustaka (CLI hanya menerjemahkannya ke opsi --ARGUMEN)."""
    from rapk_xl.samples.synthetic import ArgumenSampelSalah
    with pytest.raises(ArgumenSampelSalah) as e:
        buat_sampel(tmp_path / "x", **salah)
    assert e.value.argumen == argumen and str(salah[argumen]) in e.value.pesan
    assert isinstance(e.value, ValueError) and not (tmp_path / "x").exists()


def test_cli_keluaran_berupa_berkas(tmp_path):
    berkas = tmp_path / "bukan-folder.xlsx"
    berkas.write_text("x", encoding="utf-8")
    r = CliRunner().invoke(cli, ["sampel", "--units", "1", "-o", str(berkas)])
    assert r.exit_code == 2 and "bukan folder" in r.output and "Traceback" not in r.output
    r = CliRunner().invoke(cli, ["sampel", "--units", "1", "-o", str(berkas / "sub")])
    assert r.exit_code == 1 and "tidak dapat menulis" in r.output and "bukan folder" in r.output
    assert r.exception is None or isinstance(r.exception, SystemExit)


def test_cli_bantuan_bahasa_indonesia():
    r = CliRunner().invoke(cli, ["sampel", "--help"])
    assert r.exit_code == 0 and "manifest" in r.output and "--rusak" in r.output
    assert "Show this message" not in r.output
