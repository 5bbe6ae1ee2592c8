"""Setiap aturan adalah satu unit: aturan yang galat hanya menggagalkan dirinya (untuk berkas
yang membuatnya galat), aturan baru cukup satu fungsi, katalog dibangkitkan dari register."""
import dataclasses
from pathlib import Path

import pytest

from rapk_xl.temuan import ATURAN, ERROR, KELOMPOK, aturan, temuan
from rapk_xl.validate import katalog
from rapk_xl.validate.validator import validasi

AKAR = Path(__file__).resolve().parents[1]
JEMBER = AKAR / "samples" / "balai_pom_jember_2024.xlsx"
DUMAI = AKAR / "samples" / "loka_pom_dumai_2025.xlsx"


def _temuan(lap):
    return [sorted((t.rule, t.sheet, t.cell) for t in f.findings) for f in lap.files]


@pytest.fixture(scope="module")
def dasar():
    return _temuan(validasi([JEMBER, DUMAI], jobs=1))


def _ganti(monkeypatch, id_: str, fungsi):
    a = dataclasses.replace(katalog.KATALOG[id_], fungsi=fungsi)
    monkeypatch.setitem(katalog.KATALOG, id_, a)


def test_aturan_lintas_tabel_yang_galat_hanya_menggagalkan_dirinya(monkeypatch, dasar):
    assert any(r == "b12-seperti-jumlah" for f in dasar for r, _, _ in f)  # kedua sampel

    def rusak(ks):
        raise ZeroDivisionError("galat program")

    _ganti(monkeypatch, "b12-seperti-jumlah", rusak)
    hasil = _temuan(validasi([JEMBER, DUMAI], jobs=1))
    for lama, baru in zip(dasar, hasil):
        tanpa = [x for x in lama if x[0] != "b12-seperti-jumlah"]
        assert [x for x in baru if x[0] != "pemeriksaan-gagal"] == tanpa
        assert [x for x in baru if x[0] == "pemeriksaan-gagal"] == [("pemeriksaan-gagal", None, None)]
    lap = validasi([JEMBER], jobs=1)
    gagal = [t for t in lap.files[0].findings if t.rule == "pemeriksaan-gagal"]
    assert "'b12-seperti-jumlah'" in gagal[0].message and "ZeroDivisionError" in gagal[0].message
    assert gagal[0].severity == ERROR


def test_galat_satu_berkas_tidak_mengenai_berkas_lain(monkeypatch, dasar):
    asli = katalog.KATALOG["b12-seperti-jumlah"].fungsi

    def galat_untuk_dumai(ks):
        if 1 in set(ks["rapk"].df["_f"]):  # berkas kedua (Dumai) ada di tumpukan
            raise RuntimeError("hanya Dumai")
        return asli(ks)

    _ganti(monkeypatch, "b12-seperti-jumlah", galat_untuk_dumai)
    jember, dumai = _temuan(validasi([JEMBER, DUMAI], jobs=1))
    assert jember == dasar[0]  # Jember tetap mendapat temuan aturan itu
    assert ("pemeriksaan-gagal", None, None) in dumai
    assert [x for x in dumai if x[0] != "pemeriksaan-gagal"] == [
        x for x in dasar[1] if x[0] != "b12-seperti-jumlah"]


def test_aturan_per_workbook_yang_galat(monkeypatch, dasar):
    def rusak(b):
        raise KeyError("x")

    _ganti(monkeypatch, "unit-tidak-dikenal", rusak)
    hasil = _temuan(validasi([JEMBER], jobs=1))[0]
    assert ("pemeriksaan-gagal", None, None) in hasil
    assert [x for x in hasil if x[0] != "pemeriksaan-gagal"] == dasar[0]


def test_aturan_baru_cukup_satu_fungsi(monkeypatch):
    id_ = "uji-indikator-tanpa-satuan-persen"

    @aturan(id_, ERROR, "kunci", "Contoh aturan baru dalam tes.",
            "Indikator {kode} bukan persentase.", perlu={"pk"})
    def contoh(ks):
        pk = ks["pk"].df
        return [ks.temuan("pk", i, "satuan", id_, kode=pk.at[i, "kode_indikator"])
                for i in pk.index[pk["satuan"] == "Sekolah"]]

    try:
        monkeypatch.setitem(katalog.KATALOG, id_, ATURAN[id_])
        lap = validasi([JEMBER], jobs=1)
        baru = [t for t in lap.files[0].findings if t.rule == id_]
        # Jember: "02 - Jumlah sekolah dengan PJAS Aman" bersatuan Sekolah (indikator 3.02)
        assert [(t.sheet, t.message) for t in baru] == [("PK", "Indikator 3.02 bukan persentase.")]
        assert baru[0].cell.startswith("F")  # kolom Satuan di sheet PK
    finally:
        ATURAN.pop(id_, None)


def test_katalog_dan_register_satu():
    assert list(katalog.KATALOG) == [a.id for a in sorted(
        ATURAN.values(), key=lambda a: (KELOMPOK.index(a.kelompok), a.urutan))
        if not a.id.startswith("uji-")]
    for a in katalog.KATALOG.values():
        assert a.uraian.endswith(".") and a.pesan, a.id
        assert (a.fungsi is None) == (a.lingkup == "pembaca"), a.id
    # templat pesan memakai tempat isian, bukan teks jadi yang salah tempat
    assert temuan("kode-ganda", "PK", "D7", kolom="Kode Indikator", kode="1.01", baris=6,
                  sheet="PK").message.startswith("Kode Indikator 1.01 sudah dipakai di baris 6")
