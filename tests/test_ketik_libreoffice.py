"""Orang mengetik dan menempel di template, dengan program spreadsheet sungguhan.

LibreOffice Calc (lewat UNO, ``tests/uno_kantor.py``) membuka salinan
``templates/rapk_template.xlsx``, mengetik isi sampel seed sel demi sel seperti orang (teks
yang diketik diurai LibreOffice sendiri: ``1.02`` di sel General menjadi angka, di sel
berformat teks tetap teks), menyimpannya sebagai xlsx, lalu ``rapk-xl validasi`` harus memberi
temuan yang sama dengan workbook sampel yang dibangun kode (``samples/*.xlsx``). Terpisah, blok
300 baris ditempel ke PK, RAPK dan Anggaran di A6: harus mendarat di sel kosong yang
berformat, dan terbaca utuh.
"""
from __future__ import annotations

import datetime as _dt
import math
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
import python_calamine as pc

from conftest import SOFFICE, perlu_soffice
from rapk_xl.format.spec import ANGGARAN, INFO, KUNCI_INFO, PK, RAPK, TABEL_DATA
from rapk_xl.io.reader import baca_workbook
from rapk_xl.samples.seed import SAMPEL, muat_sampel
from rapk_xl.validate.validator import validasi
from uno_kantor import Kantor, python_uno

AKAR = Path(__file__).resolve().parents[1]
TEMPLATE = AKAR / "templates" / "rapk_template.xlsx"

pytestmark = [perlu_soffice, pytest.mark.skipif(
    python_uno() is None, reason="Python sistem tanpa modul uno: apt-get install python3-uno")]


@pytest.fixture(scope="module")
def kantor():
    k = Kantor(SOFFICE)
    yield k
    k.tutup()


def _teks_ketik(v: object) -> str | None:
    """Yang diketik orang untuk nilai ``v`` (bahasa en-US: titik desimal)."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return str(int(v)) if float(v).is_integer() else repr(float(v))
    if isinstance(v, (_dt.date, _dt.datetime)):
        return v.isoformat()[:10]
    return str(v)


def _letak_template():
    """Letak isian di template, seperti yang dilihat orang: baris setiap kunci Info (kolom
    A) dan kolom setiap judul di baris header tiap sheet isian."""
    wb = openpyxl.load_workbook(TEMPLATE)
    ws = wb[INFO.sheet]
    kunci = {ws.cell(r, 1).value: r for r in range(INFO.baris_header + 1, ws.max_row + 1)
             if ws.cell(r, 1).value}
    kolom = {}
    for t in TABEL_DATA:
        ws = wb[t.sheet]
        kolom[t.kunci] = {ws.cell(t.baris_header, j).value: j
                          for j in range(1, ws.max_column + 1) if ws.cell(t.baris_header, j).value}
    return kunci, kolom


def rencana_ketik(id_sampel: str) -> list[tuple[str, str, str, bool]]:
    """(sheet, alamat, teks, teks_saja) untuk mengetik isi sampel seed ke template: nilai Info
    di kolom Nilai, baris tabel mulai baris data pertama; kolom tambahan (mis. ``Kolom1``)
    diberi judul di kanan kolom terakhir. ``teks_saja``: teks yang harus tetap teks di kolom
    bukan kode (orang mengetik ulang dengan apostrof bila Calc mengubahnya menjadi angka);
    kode indikator dan kode RO diketik apa adanya — template yang menjaganya tetap teks."""
    data = muat_sampel(id_sampel)
    kunci, kolom = _letak_template()
    hasil = []
    for k, v in data.info.items():  # data memakai id bidang; template menampilkan teks kunci
        s = _teks_ketik(v)
        teks = next((ki.kunci for ki in KUNCI_INFO if ki.id == k), k)
        if s is not None and teks in kunci:
            hasil.append((INFO.sheet, f"B{kunci[teks]}", s, isinstance(v, str)))
    for t in TABEL_DATA:
        df = data.tabel[t.kunci]
        letak = dict(kolom[t.kunci])
        kode = {k.nama for k in t.kolom if k.jenis == "kode"}
        for id_ in df.columns:
            nama = t.nama_kolom(id_)
            if nama not in letak:  # kolom tambahan: judulnya diketik dulu
                letak[nama] = max(letak.values()) + 1
                hasil.append((t.sheet, f"{openpyxl.utils.get_column_letter(letak[nama])}"
                                       f"{t.baris_header}", nama, True))
            h = openpyxl.utils.get_column_letter(letak[nama])
            for i, v in enumerate(df[id_]):
                s = _teks_ketik(v)
                if s is not None:
                    hasil.append((t.sheet, f"{h}{t.baris_header + 1 + i}", s,
                                  isinstance(v, str) and nama not in kode))
    return hasil


def _temuan(path: Path) -> Counter:
    lap = validasi([path])
    return Counter((t.rule, t.sheet, t.cell) for t in lap.files[0].findings)


@pytest.mark.parametrize("id_sampel", sorted(SAMPEL))
def test_diketik_di_libreoffice_sama_dengan_sampel(kantor, tmp_path, id_sampel):
    rencana = rencana_ketik(id_sampel)
    doc = kantor.buka(TEMPLATE)
    hasil = kantor.ketik(doc, rencana)
    # sel kode yang diketik (1.01, 2.10, DR.3165.QIA.005) tetap teks, persis seperti diketik,
    # di setiap baris, bukan hanya di baris pertama tabel
    kolom_kode = {(t.sheet, h) for t in TABEL_DATA for k, h in zip(
        t.kolom, [openpyxl.utils.get_column_letter(j + 1) for j in range(len(t.kolom))])
        if k.jenis == "kode"}
    kode = [(r, h) for r, h in zip(rencana, hasil)
            if (r[0], r[1].rstrip("0123456789")) in kolom_kode]
    kode_salah = [(r[:3], h) for r, h in kode if h != ("TEXT", r[2])]
    # Anggaran terbesar yang diketik (jauh di bawah baris pertama tabel) tampil dengan
    # pemisah ribuan (bahasa en-US)
    ang = max((r for r in rencana if r[0] == RAPK.sheet and r[1].startswith("O")
               and r[1] != "O5"), key=lambda r: float(r[2]))
    uang = kantor.baca(doc, RAPK.sheet, [ang[1]])[0]
    hasil_xlsx = kantor.simpan(doc, tmp_path / f"ketik_{id_sampel}.xlsx")
    kantor.tutup_dok(doc)

    harap = _temuan(AKAR / "samples" / f"{id_sampel}.xlsx")
    dapat = _temuan(hasil_xlsx)
    assert dapat == harap, (f"hanya di ketikan: {sorted((dapat - harap).elements())}; "
                            f"hanya di sampel: {sorted((harap - dapat).elements())}")
    assert kode and not kode_salah, f"kode yang diketik tidak tetap teks: {kode_salah[:5]}"
    jenis, tampil, _, _, kode_format = uang
    assert (jenis, kode_format) == ("VALUE", "#,##0") and "," in tampil, (ang, uang)


# -- menempel -------------------------------------------------------------------------------

N_TEMPEL = 300


def _kode(i: int) -> str:
    return f"{i // 10 + 1}.{i % 10 + 1:02d}"  # 1.01 … 1.10, 2.01 … 30.10


def _blok(t) -> list[list]:
    """300 baris untuk tabel ``t``, kolom isian (tanpa kolom rumus) urut spec."""
    baris = []
    for i in range(N_TEMPEL):
        kode, sas = _kode(i), i // 10 + 1
        if t is PK:
            b = [sas, "Customer", f"Sasaran {sas}", kode, f"Indikator {kode}", "%", "Tetap",
                 "Positif", "Tidak", None, 90.5]
        elif t is RAPK:
            b = [kode, f"Indikator {kode}", *([90.5] * 12), 1234567]
        else:
            b = [kode, 1, "DR.3165.QIA.005", "Sampel Obat", "055 - Pengujian",
                 "A - Pengadaan Sampel", 1234567, 1234567, 1000]
        baris.append(b)
    return baris


def test_tempel_300_baris_mendarat_di_sel_berformat(kantor, tmp_path):
    doc = kantor.buka(TEMPLATE)
    for t in (PK, RAPK, ANGGARAN):
        ditolak = kantor.tempel(doc, t.sheet, "A6", _blok(t))
        assert ditolak is None, f"{t.sheet}: tempel 300 baris di A6 ditolak: {ditolak}"
    akhir = 5 + N_TEMPEL
    # baris terakhir yang ditempel: kode tetap teks, angka berformat spec, rumus ada
    pk = kantor.baca(doc, "PK", [f"D{akhir}", f"K{akhir}", f"A{akhir}"])
    assert pk[0][:2] == ("TEXT", "30.10")
    assert pk[1][4] == "#,##0.##" and pk[2][4] == "0"
    rapk = kantor.baca(doc, "RAPK", [f"A{akhir}", f"O{akhir}", f"P{akhir}", f"C{akhir}"])
    assert rapk[0][:2] == ("TEXT", "30.10")
    assert rapk[1][:2] == ("VALUE", "1,234,567") and rapk[1][4] == "#,##0"
    # Jumlah Kontribusi: rumus SUMIF di setiap baris, menjumlah Kontribusi sheet Anggaran
    assert rapk[2][0] == "FORMULA" and rapk[2][2].startswith("=IF($A305") \
        and rapk[2][1] == "1,234,567"
    ang = kantor.baca(doc, "Anggaran", [f"C{akhir}", f"H{akhir}"])
    assert ang[0][:2] == ("TEXT", "DR.3165.QIA.005") and ang[1][1] == "1,234,567"
    path = kantor.simpan(doc, tmp_path / "tempel.xlsx")
    kantor.tutup_dok(doc)

    b = baca_workbook(path, periksa_rumus=True)
    for t in (PK, RAPK, ANGGARAN):
        df = b.tabel[t.kunci].df
        assert len(df) == N_TEMPEL, t.sheet
        assert list(df["kode_indikator"]) == [_kode(i) for i in range(N_TEMPEL)], t.sheet
    assert b.rumus_hilang.get("RAPK") == {}
    nilai = pc.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("RAPK").to_python()
    assert [r[15] for r in nilai[5:5 + N_TEMPEL]] == [1234567.0] * N_TEMPEL
    temuan = validasi([path]).files[0].findings
    assert not [t for t in temuan if t.rule.startswith(("tabel", "header", "sheet", "rumus"))]


def test_harness_menolak_menimpa(kantor):
    """Pemeriksa harness sendiri: menempel di atas sel berisi ditolak, seperti LibreOffice
    (bertanya) dan Excel (menolak sel gabungan) — tidak menimpa diam-diam."""
    doc = kantor.buka(TEMPLATE)
    try:
        assert kantor.tempel(doc, "PK", "A1", [["x"]]) is not None  # judul (sel gabungan)
        assert kantor.tempel(doc, "PK", "A5", [["x"]]) is not None  # header
    finally:
        kantor.tutup_dok(doc)
