"""Buku nasional dari kiriman sintetis vs hitung ulang mandiri.

Setiap kiriman dibaca langsung dengan openpyxl (tabel Excel bernama), capaian, NPS dan
realisasi anggaran dihitung di sini dengan aturan docs/aturan.md yang ditulis ulang secara
polos (tanpa rapk_xl.calc), lalu dibandingkan dengan buku nasional. Berkas yang diberi
kesalahan oleh generator harus ditolak dengan persis kesalahan yang dicatat manifest.
"""
import json
import sys
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from kiriman import baca_sheet, tabel_sheet
from rapk_xl.cli import cli
from rapk_xl.samples.synthetic import buat_sampel

OPINI = {"WTP": 4, "WDP": 3, "TW": 2, "TMP": 1}
PERIODE = 9


def angka(v):
    if v is None or isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return float(v)
    s = str(v).strip().upper()
    if s in OPINI:
        return float(OPINI[s])
    s = s.rstrip("%").replace(".", "").replace(",", ".") if "," in s else s.rstrip("%")
    try:
        return float(s)
    except ValueError:
        return None


def capaian(r, t, polaritas, jenis):
    r, t = angka(r), angka(t)
    if jenis == "Akhir Tahun" and PERIODE < 12:
        return None
    if r is None or not t:
        return None
    if polaritas == "Negatif":
        return max(0.0, (1 + (1 - r / t)) * 100)
    return r / t * 100


def hitung_mandiri(path: Path) -> dict:
    wb = openpyxl.load_workbook(path, data_only=False)
    info = dict(tabel_sheet(wb, "Info")[["Kunci", "Nilai"]].itertuples(index=False))
    pk, rapk, real, ang = (tabel_sheet(wb, s) for s in ("PK", "RAPK", "Realisasi", "Anggaran"))
    b = f"B{PERIODE:02d}"
    r = f"R{PERIODE:02d}"
    pk = pk.merge(rapk[["Kode Indikator", b]], on="Kode Indikator").merge(
        real[["Kode Indikator", r]], on="Kode Indikator")
    pk["tahunan"] = [capaian(x, t, p, j) for x, t, p, j in
                     zip(pk[r], pk["Target"], pk["Polaritas"], pk["Jenis Target"])]
    pk["periode"] = [capaian(x, t, p, j) for x, t, p, j in
                     zip(pk[r], pk[b], pk["Polaritas"], pk["Jenis Target"])]
    pk["w"] = [angka(w) if angka(w) else (2.0 if iku == "Ya" else 1.0)
               for w, iku in zip(pk["Bobot"], pk["IKU"])]
    ada = pk[pk["periode"].notna()].copy()
    ada["wx"] = ada["w"] * ada["periode"]
    s = ada.groupby(["Perspektif", "No Sasaran"])[["wx", "w"]].sum()
    s["nps"] = s["wx"] / s["w"]
    nps = s.groupby(level="Perspektif")["nps"].mean().mean() if len(s) else None
    kali = 1000.0 if info["Satuan Anggaran"] == "Ribu Rupiah" else 1.0
    pagu = sum(angka(v) or 0 for v in ang["Kontribusi"]) * kali
    realisasi = sum(angka(v) or 0 for v in ang["Realisasi Anggaran"]) * kali
    return {"unit": info["Unit Kerja"], "indikator": pk, "nps": nps, "pagu": pagu,
            "realisasi": realisasi}


@pytest.fixture(scope="module")
def hasil(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("konsolidasi_sampel")
    folder = tmp / "kiriman"
    m = buat_sampel(folder, units=24, seed=7, rusak=5, periode=PERIODE, jobs=2)
    manifest = json.loads(m.path.read_text(encoding="utf-8"))
    keluar = tmp / "nasional.xlsx"
    r = CliRunner().invoke(cli, ["konsolidasi", str(folder), "-o", str(keluar), "--jobs", "2"])
    assert r.exit_code == 1, r.output
    return folder, manifest, keluar


def ditolak_menurut_manifest(manifest):
    return {f["file"]: {(k["rule"], k["sheet"], k["cell"]) for k in f["faults"]
                        if k["rule"] != "angka-sebagai-teks"}
            for f in manifest["files"]
            if any(k["rule"] != "angka-sebagai-teks" for k in f["faults"])}


def test_angka_buku_sama_dengan_hitung_ulang_mandiri(hasil):
    folder, manifest, keluar = hasil
    tolak = ditolak_menurut_manifest(manifest)
    ring = baca_sheet(keluar, "Ringkasan").set_index("Unit Kerja")
    matriks = baca_sheet(keluar, "Matriks Capaian")
    diterima = [f["file"] for f in manifest["files"] if f["file"] not in tolak]
    assert len(diterima) >= 19
    for nama in diterima:
        h = hitung_mandiri(folder / nama)
        u = ring.loc[h["unit"]]
        assert u["Status"] == "diterima"
        assert u["NPS"] == pytest.approx(h["nps"], abs=1e-9), nama
        assert u["Pagu (Rp)"] == pytest.approx(h["pagu"])
        assert u["Realisasi Anggaran (Rp)"] == pytest.approx(h["realisasi"])
        assert u["Realisasi Anggaran (% Pagu)"] == pytest.approx(h["realisasi"] / h["pagu"] * 100)
        baris = matriks[matriks["Unit Kerja"] == h["unit"]]
        assert len(baris) == len(h["indikator"])
        for (_, b), (_, e) in zip(baris.iterrows(), h["indikator"].iterrows()):
            assert b["Kode Indikator"] == e["Kode Indikator"]
            for kolom, harap in (("Progres Tahunan (%)", e["tahunan"]),
                                 ("Capaian Periode (%)", e["periode"])):
                if harap is None or harap != harap:
                    assert not isinstance(b[kolom], (int, float)) or b[kolom] != b[kolom]
                else:
                    assert b[kolom] == pytest.approx(harap), (nama, e["Kode Indikator"], kolom)


def test_yang_ditolak_persis_yang_dirusak(hasil):
    _, manifest, keluar = hasil
    tolak = ditolak_menurut_manifest(manifest)
    df = baca_sheet(keluar, "Ditolak")
    df["file"] = [Path(p).name for p in df["Berkas"]]
    assert set(df["file"]) == set(tolak)
    for nama, harap in tolak.items():
        g = df[df["file"] == nama]
        assert set(zip(g["Aturan"], g["Sheet"], g["Sel"])) == harap, nama
        assert all(isinstance(p, str) and len(p) > 10 for p in g["Pesan"])


def test_sumber_satu_baris_per_kiriman_diterima(hasil):
    folder, manifest, keluar = hasil
    sumber = baca_sheet(keluar, "Sumber")
    assert len(sumber) == len(manifest["files"]) - len(ditolak_menurut_manifest(manifest))
    assert sumber["SHA-256"].str.fullmatch(r"[0-9a-f]{64}").all()


def _di_terminal(*args) -> str:
    """Jalankan rapk-xl dengan stdout/stderr sebuah terminal semu; kembalikan semua keluarannya."""
    import os
    import pty
    import subprocess
    import sys

    induk, anak = pty.openpty()
    p = subprocess.Popen([sys.executable, "-m", "rapk_xl", *map(str, args)], stdin=anak,
                         stdout=anak, stderr=anak, close_fds=True)
    os.close(anak)
    keluar = b""
    while True:
        try:
            blok = os.read(induk, 65536)
        except OSError:   # terminal ditutup setelah proses selesai
            break
        if not blok:
            break
        keluar += blok
    p.wait(timeout=120)
    os.close(induk)
    return keluar.decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="terminal semu (pty) hanya di POSIX")
def test_bilah_kemajuan_di_terminal_tidak_di_json(hasil, tmp_path):
    folder, _, _ = hasil
    teks = _di_terminal("konsolidasi", folder, "-o", tmp_path / "a.xlsx")
    assert "Memeriksa kiriman" in teks and "100%" in teks
    teks = _di_terminal("konsolidasi", folder, "-o", tmp_path / "b.xlsx", "--format", "json")
    assert "Memeriksa kiriman" not in teks
    assert json.loads(teks)["tahun"] == 2024
