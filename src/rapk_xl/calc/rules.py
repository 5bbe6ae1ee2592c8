"""Aturan hitung kinerja: capaian, kriteria, NPS, efisiensi.

Satu-satunya tempat aturan ini ditulis (lihat ``docs/aturan.md`` dan domain.md). UDF Excel,
validator, CLI dan workbook nasional semuanya memanggil modul ini. Setiap aturan punya satu
implementasi vektor (numpy/pandas); bentuk skalar memanggil bentuk vektor dengan satu elemen,
sehingga keduanya tidak mungkin berbeda.

Modul ini murni: tanpa I/O, tanpa Excel.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import Enum
from typing import Iterable

import numpy as np
import pandas as pd

from .parse import Status, bulatkan_array, kunci_teks, parse_angka_array

__all__ = [
    "Alasan", "HasilCapaian", "CapaianArray", "capaian", "hitung_capaian", "capaian_array",
    "KRITERIA", "kriteria", "kriteria_array", "nps", "nps_array",
    "bobot_indikator", "HasilNPS", "hitung_nps", "hitung_nps_per", "HasilEfisiensi",
    "EfisiensiArray", "efisiensi", "efisiensi_array", "SKALA_OPINI", "normalisasi_polaritas",
    "normalisasi_jenis_target", "JENIS_TARGET", "POLARITAS", "baca_nilai_array", "tampil_array",
]

# --------------------------------------------------------------------------------------
# Kosakata
# --------------------------------------------------------------------------------------

POLARITAS = ("Positif", "Negatif")
JENIS_TARGET = ("Tetap", "Kumulatif", "Akhir Tahun")

#: Skala opini BPK (berurutan): WTP > WDP > TW > TMP, dengan kode PK 2024.
SKALA_OPINI = {
    "WTP": 4.0, "WAJAR TANPA PENGECUALIAN": 4.0,
    "WDP": 3.0, "WAJAR DENGAN PENGECUALIAN": 3.0,
    "TW": 2.0, "TIDAK WAJAR": 2.0,
    "TMP": 1.0, "TIDAK MEMBERIKAN PENDAPAT": 1.0, "TIDAK MENYATAKAN PENDAPAT": 1.0,
    "DISCLAIMER": 1.0,
}
_KODE_OPINI = {1.0, 2.0, 3.0, 4.0}
_PROGRES = re.compile(r"^\s*progres{1,2}\b", re.IGNORECASE)


class Alasan(Enum):
    """Mengapa sebuah nilai tidak dapat dihitung. Nilainya label pendek untuk sel Excel."""

    BELUM_ADA_REALISASI = "Belum ada realisasi"
    AKHIR_TAHUN = "Akhir Tahun"
    TARGET_KOSONG = "Target kosong"
    TARGET_NOL = "Target nol"
    BUKAN_ANGKA = "Bukan angka"
    ANGKA_AMBIGU = "Angka ambigu"
    SKALA_OPINI = "Skala opini tidak sesuai"
    POLARITAS = "Polaritas tidak dikenal"
    INPUT_KOSONG = "Input kosong"
    INPUT_NOL = "Input nol"
    TANPA_PAGU = "Tanpa pagu"

    @property
    def pesan(self) -> str:
        """Penjelasan lengkap untuk laporan."""
        return _PESAN[self]

    @property
    def tampil(self) -> str:
        """Teks sel Excel: kosong untuk "belum ada", label pendek untuk "tidak dapat dihitung"."""
        return "" if self in _TAMPIL_KOSONG else self.value


_PESAN = {
    Alasan.BELUM_ADA_REALISASI: "Realisasi belum diisi, jadi capaian belum dapat dihitung.",
    Alasan.AKHIR_TAHUN: "Indikator diukur di akhir tahun: capaian belum dapat diukur sebelum "
                        "realisasi akhir tahun tersedia.",
    Alasan.TARGET_KOSONG: "Target kosong: capaian tidak dapat dihitung tanpa target.",
    Alasan.TARGET_NOL: "Target bernilai 0: capaian tidak dapat dihitung (pembagian dengan nol).",
    Alasan.BUKAN_ANGKA: "Nilai berupa teks yang bukan angka.",
    Alasan.ANGKA_AMBIGU: "Angka dapat dibaca dua cara (mis. 1.234 = 1234 atau 1,234); tulis "
                         "tanpa pemisah ribuan atau dengan dua desimal.",
    Alasan.SKALA_OPINI: "Target dan realisasi memakai skala berbeda: opini BPK (WTP/WDP/TW/TMP "
                        "atau kode 4/3/2/1) hanya dapat dibandingkan dengan opini.",
    Alasan.POLARITAS: "Polaritas harus Positif atau Negatif.",
    Alasan.INPUT_KOSONG: "Capaian input (realisasi anggaran / pagu) kosong.",
    Alasan.INPUT_NOL: "Capaian input 0%: indeks efisiensi tidak dapat dihitung.",
    Alasan.TANPA_PAGU: "Tidak ada pagu (kontribusi) untuk dibandingkan dengan realisasi "
                       "anggaran.",
}
#: alasan yang tampil sebagai sel kosong: "belum ada", bukan "tidak dapat dihitung"
_TAMPIL_KOSONG = {Alasan.BELUM_ADA_REALISASI, Alasan.TANPA_PAGU}


def tampil_array(nilai, alasan, kosong: object = "") -> np.ndarray:
    """Isi sel per elemen (larik objek, bentuk sama dengan ``nilai``): nilainya bila
    ``alasan`` kosong (larik float menjadi float Python), selain itu :attr:`Alasan.tampil`;
    ``kosong`` menggantikan label kosong ("belum ada": ``""`` di sel Excel, ``None`` di tabel).
    """
    nilai, alasan = np.asarray(nilai), np.asarray(alasan, dtype=object)
    ubah = float if nilai.dtype.kind == "f" else (lambda v: v)
    out = np.empty(nilai.size, dtype=object)
    for i, (v, a) in enumerate(zip(nilai.ravel(), alasan.ravel())):
        out[i] = ubah(v) if a is None else (a.tampil or kosong)
    return out.reshape(nilai.shape)


_OPINI = {kunci_teks(k): v for k, v in SKALA_OPINI.items()}
_JENIS = {kunci_teks(j): j for j in JENIS_TARGET}


#: ejaan polaritas yang dikenali (selain kosong = Positif)
TEKS_POSITIF = ("positif", "positive", "+")
TEKS_NEGATIF = ("negatif", "negative", "-")
#: isi kolom IKU yang berarti "ya" (selain angka bukan 0)
TEKS_YA = ("ya", "y", "iku", "true", "benar")


def normalisasi_polaritas(v: object) -> str | None:
    """``"positif"`` → ``"Positif"``; kosong → ``"Positif"``; tak dikenal → ``None``."""
    k = kunci_teks(v)
    if k in ("", *TEKS_POSITIF):
        return "Positif"
    if k in TEKS_NEGATIF:
        return "Negatif"
    return None


def normalisasi_jenis_target(v: object) -> str | None:
    """Ejaan bebas → ``Tetap``/``Kumulatif``/``Akhir Tahun``; tak dikenal → ``None``."""
    return _JENIS.get(kunci_teks(v))


# --------------------------------------------------------------------------------------
# Membaca nilai kinerja (angka, opini, "Progres 45%")
# --------------------------------------------------------------------------------------

def baca_nilai_array(v: np.ndarray, desimal: str | None = None):
    """Baca larik nilai target/realisasi: angka, skala opini, teks progres.

    Kembalikan ``(nilai, status, opini, progres)``: seperti :func:`parse_angka_array`, tetapi
    opini BPK (WTP/WDP/TW/TMP) terbaca sebagai kode 4/3/2/1 dengan status ``OK`` dan
    ``opini`` benar; teks "Progres 45%" tetap ``BUKAN_ANGKA`` dengan ``progres`` benar. Opini
    dan progres hanya dikenali di larik objek.
    """
    x, st = parse_angka_array(v, desimal)
    opini = np.zeros(x.shape, dtype=bool)
    progres = np.zeros(x.shape, dtype=bool)
    if v.dtype == object:
        for idx in zip(*np.nonzero(st == Status.BUKAN_ANGKA)):
            s = v[idx]
            if not isinstance(s, str):
                continue
            kode = _OPINI.get(kunci_teks(s))
            if kode is not None:
                x[idx], st[idx], opini[idx] = kode, Status.OK, True
            elif _PROGRES.match(s):
                progres[idx] = True
    return x, st, opini, progres


def _pilih(kondisi: list, pilihan: list, shape) -> np.ndarray:
    """Seperti ``np.select`` (kondisi pertama yang benar menang), tetapi mempertahankan objek
    Enum (``np.select`` mengubah Enum str menjadi teks numpy)."""
    hasil = np.full(shape, None, dtype=object)
    for k, p in reversed(list(zip(kondisi, pilihan))):
        hasil[np.asarray(k, dtype=bool)] = p
    return hasil


def _datar(a: np.ndarray) -> np.ndarray:
    """Larik satu dimensi; larik angka tetap bertipe angka (jalur cepat parse_angka_array)."""
    return (a if a.dtype.kind in "iuf" else np.array(a, dtype=object)).reshape(-1)


def _siar(a: np.ndarray, bentuk) -> np.ndarray:
    """Siarkan ke ``bentuk`` lalu datarkan."""
    return np.broadcast_to(a, bentuk).reshape(-1)


def _per_nilai(fungsi, a: np.ndarray) -> np.ndarray:
    """``fungsi`` untuk setiap elemen larik, dihitung sekali per nilai berbeda."""
    memo: dict = {}
    out = np.empty(a.size, dtype=object)
    for i, v in enumerate(np.array(a, dtype=object).ravel()):
        k = (type(v), v)  # 1, 1.0 dan True tetap dibedakan
        try:
            out[i] = memo[k]
        except KeyError:
            out[i] = memo[k] = fungsi(v)
        except TypeError:  # nilai tak dapat di-hash
            out[i] = fungsi(v)
    return out.reshape(a.shape)


def _obj(a) -> np.ndarray:
    if isinstance(a, np.ndarray):
        return a
    if isinstance(a, pd.Series | pd.Index):
        return a.to_numpy(dtype=object)
    if isinstance(a, (list, tuple)):
        return np.asarray(a, dtype=object)
    out = np.empty((), dtype=object)
    out[()] = a
    return out


# --------------------------------------------------------------------------------------
# Capaian
# --------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class HasilCapaian:
    """Capaian satu indikator: ``nilai`` (persen, tak dibulatkan) atau ``alasan``."""

    nilai: float | None
    alasan: Alasan | None = None


@dataclass(frozen=True, slots=True)
class CapaianArray:
    """Capaian banyak indikator: ``nilai`` (NaN bila tidak ada) dan ``alasan`` per elemen."""

    nilai: np.ndarray
    alasan: np.ndarray


def capaian_array(realisasi, target, polaritas="Positif", jenis_target=None, bulan=None,
                  desimal: str | None = None) -> CapaianArray:
    """Capaian (%) untuk larik realisasi dan target (disiarkan seperti numpy).

    - Positif: realisasi / target × 100 (tidak dibatasi 100).
    - Negatif (PermenPANRB 6/2022, kondisi khusus): (1 + (1 − realisasi / target)) × 100,
      tidak pernah di bawah 0.
    - Opini BPK (WTP/WDP/TW/TMP) dibaca sebagai kode 4/3/2/1; boleh dicampur dengan kode.
    - ``jenis_target="Akhir Tahun"`` dan ``bulan`` < 12 (atau tidak diberi): tanpa realisasi
      hasilnya ``Alasan.AKHIR_TAHUN``, bukan 0. Teks "Progres 45%" juga berarti belum final.
    """
    r, t, p, j, b = (_obj(a) for a in (realisasi, target, polaritas, jenis_target, bulan))
    r, t, *_ = np.broadcast_arrays(r, t, p, j, b)
    bentuk = r.shape
    rx, rst, rop, rprog = baca_nilai_array(_datar(r), desimal)
    tx, tst, top, _ = baca_nilai_array(_datar(t), desimal)
    # polaritas, jenis dan bulan biasanya satu nilai untuk semua baris: dibaca sebelum disiarkan
    pol = _siar(_per_nilai(normalisasi_polaritas, p), bentuk)
    jenis = _siar(_per_nilai(normalisasi_jenis_target, j), bentuk)
    bln = _siar(parse_angka_array(_datar(b))[0].reshape(b.shape), bentuk)
    akhir_tahun = (jenis == "Akhir Tahun") & ~(bln >= 12)

    with np.errstate(divide="ignore", invalid="ignore"):
        rasio = rx / tx
    beda_skala = (rop & ~top & ~np.isin(tx, list(_KODE_OPINI))) | \
                 (top & ~rop & ~np.isin(rx, list(_KODE_OPINI)))
    kondisi = [
        pol == None,  # noqa: E711  (perbandingan elemen numpy)
        (tst == Status.KOSONG) & akhir_tahun,
        tst == Status.KOSONG,
        tst == Status.AMBIGU,
        tst == Status.BUKAN_ANGKA,
        tx == 0,
        rprog,
        (rst == Status.KOSONG) & akhir_tahun,
        rst == Status.KOSONG,
        rst == Status.AMBIGU,
        rst == Status.BUKAN_ANGKA,
        beda_skala,
    ]
    pilihan = [Alasan.POLARITAS, Alasan.AKHIR_TAHUN, Alasan.TARGET_KOSONG,
               Alasan.ANGKA_AMBIGU, Alasan.BUKAN_ANGKA, Alasan.TARGET_NOL, Alasan.AKHIR_TAHUN,
               Alasan.AKHIR_TAHUN, Alasan.BELUM_ADA_REALISASI, Alasan.ANGKA_AMBIGU,
               Alasan.BUKAN_ANGKA, Alasan.SKALA_OPINI]
    alasan = _pilih(kondisi, pilihan, rx.shape)
    nilai = np.where(pol == "Negatif", np.maximum(0.0, (2.0 - rasio) * 100.0), rasio * 100.0)
    nilai = np.where(alasan == None, nilai, np.nan)  # noqa: E711
    return CapaianArray(nilai.astype(float).reshape(bentuk), alasan.reshape(bentuk))


def hitung_capaian(realisasi, target, polaritas="Positif", jenis_target=None, bulan=None,
                   desimal: str | None = None) -> HasilCapaian:
    """Capaian satu indikator beserta alasannya bila tidak dapat dihitung.

    >>> hitung_capaian(93.62, 94.75).nilai  # doctest: +ELLIPSIS
    98.80738...
    >>> hitung_capaian(None, 90).alasan
    <Alasan.BELUM_ADA_REALISASI: 'Belum ada realisasi'>
    """
    return _satu(capaian_array(realisasi, target, polaritas, jenis_target, bulan, desimal))


def _satu(h: CapaianArray) -> HasilCapaian:
    a = h.alasan.reshape(-1)[0]
    return HasilCapaian(None, a) if a is not None else HasilCapaian(float(h.nilai.reshape(-1)[0]))


def capaian(realisasi, target, polaritas="Positif", jenis_target=None, bulan=None,
            desimal: str | None = None) -> float | None:
    """Capaian (%) = realisasi / target × 100, tak dibulatkan; ``None`` bila tidak dapat dihitung.

    Alasannya tersedia lewat :func:`hitung_capaian`.
    """
    return hitung_capaian(realisasi, target, polaritas, jenis_target, bulan, desimal).nilai


# --------------------------------------------------------------------------------------
# Kriteria
# --------------------------------------------------------------------------------------

#: (batas bawah, label), berurutan. Nilai dibulatkan 2 desimal dulu. 120 tepat masuk
#: "Tidak Dapat Disimpulkan" (tabel sumber menulis "> 120%" dan membiarkan 120 tanpa kelas).
KRITERIA = (
    (-math.inf, "Sangat Kurang"),
    (50.0, "Kurang"),
    (70.0, "Cukup"),
    (90.0, "Baik"),
    (110.0, "Sangat Baik"),
    (120.0, "Tidak Dapat Disimpulkan"),
)
_BATAS = np.array([b for b, _ in KRITERIA[1:]])
_LABEL = np.array([lbl for _, lbl in KRITERIA], dtype=object)


def kriteria_array(nilai) -> np.ndarray:
    """Label kriteria per elemen (``None`` di mana nilai tidak ada)."""
    x, _ = parse_angka_array(_obj(nilai))
    xr = bulatkan_array(x, 2)
    idx = np.searchsorted(_BATAS, np.nan_to_num(xr, nan=0.0), side="right")
    return np.where(np.isnan(xr), None, _LABEL[idx]).astype(object)


def kriteria(nilai) -> str | None:
    """Kriteria capaian atau NPS, setelah dibulatkan ke 2 desimal.

    >>> kriteria(109.995), kriteria(120), kriteria(None)
    ('Sangat Baik', 'Tidak Dapat Disimpulkan', None)
    """
    return kriteria_array(np.array([nilai], dtype=object))[0]


# --------------------------------------------------------------------------------------
# NPS
# --------------------------------------------------------------------------------------

def _ya(v: object) -> bool:
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, float)) and not (isinstance(v, float) and math.isnan(v)):
        return v != 0
    return kunci_teks(v) in TEKS_YA


def bobot_indikator(bobot=None, iku=None, n: int | None = None) -> np.ndarray:
    """Bobot per indikator: ``bobot`` bila diisi, selain itu IKU = 2, biasa = 1."""
    if bobot is None and iku is None:
        return np.ones(n or 0)
    if iku is not None:
        dasar = np.array([2.0 if _ya(v) else 1.0 for v in _obj(iku).ravel()])
    else:
        dasar = np.ones(len(_obj(bobot).ravel()))
    if bobot is None:
        return dasar
    w, st = parse_angka_array(_obj(bobot).ravel())
    if ((st == Status.BUKAN_ANGKA) | (st == Status.AMBIGU)).any():
        raise ValueError("Bobot harus berupa angka.")
    if (w < 0).any():
        raise ValueError("Bobot tidak boleh negatif.")
    return np.where(np.isnan(w), dasar, w)


def nps_array(capaian_, bobot=None) -> float:
    """Σ(bobot × capaian) / Σ bobot atas capaian yang ada (NaN dilewati); NaN bila tidak ada."""
    c = np.asarray(capaian_, dtype=float).ravel()
    w = np.ones_like(c) if bobot is None else np.asarray(bobot, dtype=float).ravel()
    if w.shape != c.shape:
        raise ValueError(f"Jumlah bobot ({w.size}) tidak sama dengan jumlah capaian ({c.size}).")
    ada = ~np.isnan(c)
    w = np.where(np.isnan(w), 1.0, w)
    total = w[ada].sum()
    return float((w[ada] * c[ada]).sum() / total) if total > 0 else math.nan


def nps(capaian_: Iterable, bobot: Iterable | None = None) -> float | None:
    """NPS satu sasaran: rata-rata capaian berbobot; ``None`` bila tak ada capaian.

    Capaian yang tidak ada (``None``, NaN, teks seperti "Akhir Tahun") dilewati beserta
    bobotnya. Bobot kosong = 1.

    >>> nps([90, 120], [2, 1])
    100.0
    """
    c, _ = parse_angka_array(np.asarray(list(capaian_), dtype=object))
    w = None if bobot is None else bobot_indikator(list(bobot))
    hasil = nps_array(c, w)
    return None if math.isnan(hasil) else hasil


@dataclass(frozen=True)
class HasilNPS:
    """Hasil :func:`hitung_nps`."""

    sasaran: pd.DataFrame  # sasaran, perspektif, nps, kriteria
    perspektif: pd.DataFrame  # perspektif, nps, kriteria (kosong bila tak ada perspektif)
    nps: float | None
    kriteria: str | None


@dataclass(frozen=True)
class HasilNPSPer:
    """Hasil :func:`hitung_nps_per`: seperti :class:`HasilNPS`, per kelompok (mis. unit)."""

    sasaran: pd.DataFrame
    perspektif: pd.DataFrame
    total: pd.DataFrame  # kolom kelompok + nps + kriteria


def _kosong(s: pd.Series) -> pd.Series:
    return s.isna() | s.astype(str).str.strip().eq("")


def hitung_nps_per(indikator: pd.DataFrame, by: list[str] | tuple = ()) -> HasilNPSPer:
    """NPS sasaran, perspektif dan keseluruhan, per kelompok ``by`` (mis. ``["unit"]``).

    Kolom: ``sasaran``, ``capaian`` (angka; kosong/teks = belum dapat dihitung), opsional
    ``perspektif``, ``bobot`` atau ``iku``. Aturan:

    - NPS sasaran = Σ(bobot × capaian) / Σ bobot atas indikator yang capaiannya ada.
    - NPS perspektif = rata-rata biasa NPS sasarannya.
    - NPS keseluruhan = rata-rata biasa NPS perspektif; sasaran tanpa perspektif masuk
      rata-rata itu sendiri-sendiri (tanpa perspektif sama sekali: rata-rata NPS sasaran).
    """
    by = list(by)
    kurang = [k for k in ["sasaran", "capaian", *by] if k not in indikator.columns]
    if kurang:
        raise ValueError("Kolom wajib tidak ada: " + ", ".join(kurang))
    n = len(indikator)
    d = pd.DataFrame({k: indikator[k].to_numpy() for k in by}, index=range(n))
    d["sasaran"] = indikator["sasaran"].to_numpy()
    if "perspektif" in indikator.columns:
        p = indikator["perspektif"].reset_index(drop=True)
        d["perspektif"] = p.where(~_kosong(p), None).to_numpy(dtype=object)
    else:
        d["perspektif"] = None
    c, _ = parse_angka_array(indikator["capaian"].to_numpy(dtype=object)
                             if indikator["capaian"].dtype == object
                             else indikator["capaian"].to_numpy())
    w = bobot_indikator(indikator["bobot"] if "bobot" in indikator.columns else None,
                        indikator["iku"] if "iku" in indikator.columns else None, n=n)
    ada = ~np.isnan(c)
    d["_wc"] = np.where(ada, w * np.nan_to_num(c), 0.0)
    d["_w"] = np.where(ada, w, 0.0)

    sas = (d.groupby([*by, "sasaran"], sort=False, dropna=False)
           .agg(perspektif=("perspektif", "first"), _wc=("_wc", "sum"), _w=("_w", "sum"))
           .reset_index())
    sas["nps"] = (sas["_wc"] / sas["_w"].where(sas["_w"] > 0)).astype(float)
    sas = sas.drop(columns=["_wc", "_w"])
    sas["kriteria"] = kriteria_array(sas["nps"].to_numpy())

    punya = sas["perspektif"].notna()
    per = (sas[punya].groupby([*by, "perspektif"], sort=False, dropna=False)["nps"].mean()
           .reset_index())
    per["kriteria"] = kriteria_array(per["nps"].to_numpy())

    bagian = pd.concat([per[[*by, "nps"]], sas.loc[~punya, [*by, "nps"]]], ignore_index=True)
    if by:
        total = bagian.groupby(by, sort=False, dropna=False)["nps"].mean().reset_index()
        urut = sas[by].drop_duplicates()
        total = urut.merge(total, on=by, how="left")
    else:
        total = pd.DataFrame({"nps": [bagian["nps"].mean() if len(bagian) else math.nan]})
    total["kriteria"] = kriteria_array(total["nps"].to_numpy())
    return HasilNPSPer(sas.reset_index(drop=True), per.reset_index(drop=True),
                       total.reset_index(drop=True))


def hitung_nps(indikator: pd.DataFrame) -> HasilNPS:
    """NPS per sasaran, per perspektif dan keseluruhan untuk satu unit (lihat
    :func:`hitung_nps_per` untuk aturannya)."""
    h = hitung_nps_per(indikator)
    total = h.total["nps"].iloc[0]
    nilai = None if math.isnan(total) else float(total)
    return HasilNPS(h.sasaran, h.perspektif, nilai, h.total["kriteria"].iloc[0])


# --------------------------------------------------------------------------------------
# Efisiensi
# --------------------------------------------------------------------------------------

SE = 1.0  #: standar efisiensi


@dataclass(frozen=True, slots=True)
class HasilEfisiensi:
    ie: float | None  # indeks efisiensi = output / input
    se: float  # standar efisiensi = 1
    te: float | None  # tingkat efisiensi = (IE − SE) / SE
    kategori: str | None  # "Efisien" bila IE ≥ SE, selain itu "Tidak Efisien"
    alasan: Alasan | None = None


@dataclass(frozen=True, slots=True)
class EfisiensiArray:
    ie: np.ndarray
    te: np.ndarray
    kategori: np.ndarray
    alasan: np.ndarray


def efisiensi_array(output, input_) -> EfisiensiArray:
    """Efisiensi untuk larik capaian output (NPS/capaian, %) dan input (% anggaran)."""
    o, i = np.broadcast_arrays(_obj(output), _obj(input_))
    bentuk = o.shape
    ox, ost = parse_angka_array(_datar(o))
    ix, ist = parse_angka_array(_datar(i))
    kondisi = [ist == Status.KOSONG, (ist != Status.OK), ix == 0,
               ost == Status.KOSONG, ost != Status.OK]
    pilihan = [Alasan.INPUT_KOSONG, Alasan.BUKAN_ANGKA, Alasan.INPUT_NOL,
               Alasan.BELUM_ADA_REALISASI, Alasan.BUKAN_ANGKA]
    alasan = _pilih(kondisi, pilihan, ix.shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        ie = np.where(alasan == None, ox / ix, np.nan).astype(float)  # noqa: E711
    te = (ie - SE) / SE
    kategori = np.where(np.isnan(ie), None,
                        np.where(ie >= SE, "Efisien", "Tidak Efisien")).astype(object)
    return EfisiensiArray(*(a.reshape(bentuk) for a in (ie, te, kategori, alasan)))


def efisiensi(output, input_) -> HasilEfisiensi:
    """Efisiensi satu sasaran/indikator.

    ``output`` = capaian output (NPS atau capaian, %); ``input_`` = capaian input
    (realisasi anggaran / pagu × 100). IE = output / input, SE = 1, TE = (IE − SE) / SE.

    >>> efisiensi(100, 80).kategori
    'Efisien'
    """
    h = efisiensi_array(np.array([output], dtype=object), np.array([input_], dtype=object))
    ie = None if math.isnan(h.ie[0]) else float(h.ie[0])
    te = None if ie is None else float(h.te[0])
    return HasilEfisiensi(ie, SE, te, h.kategori[0], h.alasan[0])
