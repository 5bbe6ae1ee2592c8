"""Isi dokumen cetak dari satu workbook: indikator PK beserta target RAPK, realisasi,
pembilang/penyebut dan baris anggarannya, dikelompokkan per sasaran dan perspektif.

Hanya nilai isian yang dipakai (tidak pernah sel yang dihitung workbook, mis. sheet Capaian
atau Jumlah Kontribusi). Capaian, NPS dan efisiensi dihitung dengan :mod:`rapk_xl.calc`.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ...calc import capaian_array, efisiensi_array, hitung_nps, parse_angka, tampil_array
from ...calc.parse import kunci_teks
from ...calc.rules import bobot_indikator
from ...calc.turunan import (capaian_input_periode, efisiensi_sementara, jumlah_terbaca,
                             nilai_bulan)
from ...format import DataRAPK
from ...format import cetakan as fc
from ...format.spec import ID_REALISASI, ID_TARGET, PERSPEKTIF, POLA_KODE_RO

__all__ = ["Indikator", "Sasaran", "Perspektif", "susun_indikator", "kelompokkan",
           "per_perspektif", "periode_data", "tahun_data", "kode_teks", "teks", "kosong",
           "HasilCapaian", "hitung_capaian_dokumen", "kode_kegiatan", "kunci_sasaran"]

_KODE = re.compile(r"^\s*(\d{1,2})\.(\d{2})\s*$")
_RO = re.compile(POLA_KODE_RO)


def kosong(v: object) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or (
        isinstance(v, str) and not v.strip())


def teks(v: object) -> str:
    """Teks tampilan satu sel teks; bilangan bulat tanpa ``.0``."""
    if kosong(v):
        return ""
    if hasattr(v, "item") and not isinstance(v, str):
        v = v.item()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return " ".join(str(v).split())


def kode_teks(v: object) -> str:
    """Kode Indikator sebagai teks (1.01 yang diketik sebagai angka menjadi ``"1.01"``)."""
    if isinstance(v, float) and not math.isnan(v):
        return f"{v:.2f}"
    return teks(v)


def _bilangan(v: object) -> int | None:
    a = parse_angka(v)
    if a.nilai is None or not float(a.nilai).is_integer():
        return None
    return int(a.nilai)


def periode_data(data: DataRAPK) -> int | None:
    """Periode (1-12) dari Info; None bila kosong atau tidak sah."""
    p = _bilangan(data.info.get("periode"))
    return p if p is not None and 1 <= p <= 12 else None


def tahun_data(data: DataRAPK) -> int | None:
    return _bilangan(data.info.get("tahun"))


def kode_kegiatan(kode_ro: object) -> str | None:
    """Kode kegiatan (4 digit) dari Kode RO: ``DR.3165.QIA.005`` → ``"3165"``."""
    t = teks(kode_ro).upper()
    if not _RO.match(t):
        return None
    bagian = t.split(".")
    return bagian[1] if len(bagian) == 4 else bagian[0]


@dataclass
class Indikator:
    kode: str
    no_sasaran: int | None
    sasaran: str
    perspektif: str | None
    indikator: str
    satuan: object
    jenis_target: object
    polaritas: object
    iku: object
    bobot: object
    target: object  #: target tahunan PK, apa adanya
    bulanan: list  #: B01..B12 RAPK apa adanya (None bila tak ada baris RAPK)
    realisasi: list  #: R01..R12 apa adanya
    keterangan: object
    pembilang: dict[int, tuple[object, object]] = field(default_factory=dict)
    anggaran: list[dict] = field(default_factory=list)

    @property
    def akhir_tahun(self) -> bool:
        return kunci_teks(self.jenis_target) == "akhir tahun"

    @property
    def iku_ya(self) -> bool:
        return bobot_indikator(None, [self.iku])[0] == 2.0


@dataclass
class Sasaran:
    kunci: object  #: nomor sasaran (atau teksnya bila tanpa nomor)
    no: int | None
    teks: str
    perspektif: str | None
    indikator: list[Indikator] = field(default_factory=list)

    @property
    def label_no(self) -> str:
        return f"{self.no}." if self.no is not None else ""


@dataclass
class Perspektif:
    nama: str | None
    sasaran: list[Sasaran] = field(default_factory=list)

    @property
    def judul(self) -> str:
        """Baris judul kelompok di dokumen: "PERSPEKTIF <NAMA>" atau untuk tanpa perspektif."""
        return (fc.JUDUL_PERSPEKTIF.format(perspektif=self.nama.upper()) if self.nama
                else fc.TANPA_PERSPEKTIF)


def susun_indikator(data: DataRAPK) -> list[Indikator]:
    """Satu :class:`Indikator` per baris PK (urutan sheet PK); baris RAPK, Realisasi,
    Pembilang dan Anggaran dicocokkan menurut Kode Indikator (baris pertama per kode)."""
    rapk = {}
    for r in data.rapk.to_dict("records"):
        rapk.setdefault(kode_teks(r["kode_indikator"]), r)
    real = {}
    for r in data.realisasi.to_dict("records"):
        real.setdefault(kode_teks(r["kode_indikator"]), r)
    pemb: dict[str, dict[int, tuple]] = {}
    for r in data.pembilang.to_dict("records"):
        b = _bilangan(r["bulan"])
        if b is not None:
            pemb.setdefault(kode_teks(r["kode_indikator"]), {}).setdefault(
                b, (r["pembilang"], r["penyebut"]))
    ang: dict[str, list[dict]] = {}
    for r in data.anggaran.to_dict("records"):
        ang.setdefault(kode_teks(r["kode_indikator"]), []).append(r)
    hasil = []
    for r in data.pk.to_dict("records"):
        kode = kode_teks(r["kode_indikator"])
        if not kode and kosong(r["indikator"]):
            continue
        no = _bilangan(r["no_sasaran"])
        m = _KODE.match(kode)
        if no is None and m:
            no = int(m.group(1))
        rr = rapk.get(kode)
        re_ = real.get(kode, {})
        hasil.append(Indikator(
            kode=kode, no_sasaran=no, sasaran=teks(r["sasaran"]),
            perspektif=teks(r["perspektif"]) or None, indikator=teks(r["indikator"]),
            satuan=r["satuan"], jenis_target=r["jenis_target"], polaritas=r["polaritas"],
            iku=r["iku"], bobot=r["bobot"], target=r["target"],
            bulanan=[rr.get(b) for b in ID_TARGET] if rr is not None else [None] * 12,
            realisasi=[re_.get(x) for x in ID_REALISASI], keterangan=re_.get("keterangan"),
            pembilang=pemb.get(kode, {}), anggaran=ang.get(kode, [])))
    return hasil


def kelompokkan(indikator: list[Indikator]) -> list[Sasaran]:
    """Indikator per sasaran, urut kemunculan pertama sasarannya di PK. Sasaran dikenali dari
    nomornya (atau teksnya bila tanpa nomor); teks dan perspektifnya dari baris pertama."""
    per: dict[object, Sasaran] = {}
    for ind in indikator:
        kunci = ind.no_sasaran if ind.no_sasaran is not None else ("teks", ind.sasaran)
        s = per.get(kunci)
        if s is None:
            s = per[kunci] = Sasaran(kunci, ind.no_sasaran, ind.sasaran, ind.perspektif)
        s.indikator.append(ind)
    return list(per.values())


def per_perspektif(sasaran: list[Sasaran]) -> list[Perspektif]:
    """Sasaran per perspektif: urutan Balanced Scorecard (Stakeholder, Customer, Internal
    Process, Learning and Growth), perspektif lain menurut kemunculannya, tanpa perspektif
    terakhir. Tanpa perspektif sama sekali: satu kelompok bernama None."""
    baku = {kunci_teks(p): i for i, p in enumerate(PERSPEKTIF)}
    kelompok: dict[str, Perspektif] = {}
    for s in sasaran:
        k = kunci_teks(s.perspektif)
        if k not in kelompok:
            kelompok[k] = Perspektif(s.perspektif)
        kelompok[k].sasaran.append(s)
    urut = sorted(kelompok.items(), key=lambda kv: (
        kv[0] == "", baku.get(kv[0], len(baku)), list(kelompok).index(kv[0])))
    return [p for _, p in urut]


# --- capaian, NPS, efisiensi ------------------------------------------------------------------

@dataclass
class HasilCapaian:
    """Angka dokumen untuk satu workbook pada periodenya (semua dari :mod:`rapk_xl.calc`)."""

    periode: int | None
    #: kode → (nilai tampil capaian periode: float atau label alasan, nilai float atau NaN)
    capaian_periode: dict[int, tuple[object, float]]
    capaian_tahunan: dict[int, tuple[object, float]]
    #: kunci sasaran → (nps, kriteria)
    nps_sasaran: dict[object, tuple[float, object]]
    nps_perspektif: dict[str | None, tuple[float, object]]
    nps_unit: tuple[float | None, object]
    #: kunci sasaran (atau "unit") → (output, input, ie, te, kategori)
    efisiensi: dict[object, tuple]
    sementara: bool


def _kunci_perspektif(p: object) -> str:
    return kunci_teks(p)


def hitung_capaian_dokumen(data: DataRAPK, sasaran: list[Sasaran],
                           periode: int | None) -> HasilCapaian:
    """Capaian periode dan tahunan tiap indikator, NPS sasaran/perspektif/unit dan efisiensi
    per sasaran, pada ``periode``. Indeks indikator: ``id()`` objek :class:`Indikator`."""
    semua = [i for s in sasaran for i in s.indikator]
    r = np.array([nilai_bulan(i.realisasi, periode) for i in semua], dtype=object)
    t_per = np.array([nilai_bulan(i.bulanan, periode) for i in semua], dtype=object)
    t_thn = np.array([i.target for i in semua], dtype=object)
    pol = np.array([i.polaritas for i in semua], dtype=object)
    jen = np.array([i.jenis_target for i in semua], dtype=object)
    # "Progres 45%" di kolom Keterangan berarti belum final: realisasi tetap apa adanya
    per = capaian_array(r, t_per, pol, jen, periode) if semua else None
    thn = capaian_array(r, t_thn, pol, jen, periode) if semua else None

    def peta(h):
        if h is None:
            return {}
        tampil = tampil_array(h.nilai, h.alasan, None)
        return {id(i): (tampil[j], float(h.nilai[j])) for j, i in enumerate(semua)}

    cp = peta(per)
    df = pd.DataFrame({
        "sasaran": [kunci_sasaran(s) for s in sasaran for _ in s.indikator],
        "perspektif": [s.perspektif for s in sasaran for _ in s.indikator],
        "capaian": [cp[id(i)][1] for i in semua],
        "bobot": [i.bobot for i in semua], "iku": [i.iku for i in semua]})
    nps_s: dict[object, tuple] = {}
    nps_p: dict[str | None, tuple] = {}
    nps_u: tuple = (None, None)
    if len(df):
        h = hitung_nps(df)
        for row in h.sasaran.itertuples(index=False):
            nps_s[row.sasaran] = (float(row.nps), row.kriteria)
        for row in h.perspektif.itertuples(index=False):
            nps_p[_kunci_perspektif(row.perspektif)] = (float(row.nps), row.kriteria)
        nps_u = (h.nps, h.kriteria)

    # efisiensi per sasaran dan unit: output = NPS, input = realisasi anggaran / pagu
    kunci, output, pagu, realisasi = [], [], [], []
    for s in sasaran:
        baris = [b for i in s.indikator for b in i.anggaran]
        kunci.append(kunci_sasaran(s))
        output.append(nps_s.get(kunci_sasaran(s), (math.nan,))[0])
        pagu.append(jumlah_terbaca([b.get("kontribusi") for b in baris]))
        realisasi.append(jumlah_terbaca([b.get("realisasi_anggaran") for b in baris]))
    kunci.append("unit")
    output.append(nps_u[0] if nps_u[0] is not None else math.nan)
    pagu.append(math.fsum(pagu))
    realisasi.append(math.fsum(realisasi))
    masukan = capaian_input_periode(np.array(realisasi, dtype=object),
                                    np.array(pagu, dtype=object), periode or 12)
    ef = efisiensi_array(np.array(output, dtype=object),
                         tampil_array(masukan.nilai, masukan.alasan, None))
    efisiensi = {k: (output[j], masukan.nilai[j], ef.ie[j], ef.te[j], ef.kategori[j])
                 for j, k in enumerate(kunci)}
    return HasilCapaian(periode, cp, peta(thn), nps_s, nps_p, nps_u, efisiensi,
                        efisiensi_sementara(periode))


def kunci_sasaran(s: Sasaran) -> str:
    """Kunci sasaran di :class:`HasilCapaian` (nomornya, atau teksnya bila tanpa nomor)."""
    return f"{s.kunci}" if not isinstance(s.kunci, tuple) else f"teks:{s.kunci[1]}"
