"""Workbook RAPK sintetis: N unit kerja, isi masuk akal dan konsisten, kesalahan sengaja.

:func:`buat_sampel` menulis satu workbook format versi 1 per unit kerja (via
:func:`rapk_xl.io.writer.tulis_workbook`) dan ``manifest.json`` yang mencatat setiap
kesalahan sengaja beserta sel yang harus ditunjuk validator. Bahan uji validator,
konsolidasi dan pengukuran kecepatan; angkanya rekaan, bukan data resmi.

Berkas tanpa kesalahan memenuhi semua aturan format: Anggaran RAPK = Σ Kontribusi, sub
komponen bersama berjumlah tepat Pagu, pola target sesuai jenisnya, realisasi terisi tepat
untuk bulan bertarget s.d. Periode, realisasi = pembilang / penyebut × 100. Isi satu berkas
hanya bergantung pada seed, unit, tahun dan periode.
"""
from __future__ import annotations

import json
import random
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..calc.parse import bulatkan
from ..format import DataRAPK
from ..format.spec import (ID_REALISASI, ID_TARGET, KUNCI_INFO, TABEL_DATA, VERSI_FORMAT,
                           rentang_tahun)
from ..io.writer import tulis_workbook
from ..reference import UnitKerja, daftar_unit
from . import faults
from .faults import Isi, Kerusakan
from .katalog_isi import (BLOK_PUSAT, BLOK_UPT, GELAR, HITUNGAN, INDIKATOR_PUSAT, INDIKATOR_UPT,
                          NAMA_BELAKANG, NAMA_DEPAN, SASARAN_PUSAT, SASARAN_UPT, Ind)

__all__ = ["buat_sampel", "rencana_berkas", "buat_isi", "ke_data", "unit_sampel", "Manifest",
           "BerkasSampel", "Kerusakan", "NAMA_MANIFEST", "ArgumenSampelSalah", "periksa_argumen"]

NAMA_MANIFEST = "manifest.json"


# -- Isi satu workbook ------------------------------------------------------------------------
def _faktor(rng: random.Random) -> float:
    """Realisasi / target: sebaran agar semua kriteria muncul di satu set."""
    u = rng.random()
    for batas, lo, hi in ((0.07, 0.40, 0.69), (0.20, 0.70, 0.89), (0.76, 0.90, 1.09),
                          (0.90, 1.10, 1.19)):
        if u < batas:
            return rng.uniform(lo, hi)
    return rng.uniform(1.20, 1.30)


def _maks(ind: Ind) -> float | None:
    if ind.satuan == "%" or (ind.satuan in ("Indeks", "Nilai") and ind.dasar > 5):
        return 100.0
    return 5.0 if ind.satuan == "Indeks" else None


def _target(rng: random.Random, ind: Ind):
    if ind.satuan == "Opini":
        return rng.choice((4, "WTP"))
    if ind.satuan in HITUNGAN or ind.satuan == "Hari":
        return max(1, int(ind.dasar) + rng.randint(-int(ind.sebar), int(ind.sebar)))
    x = ind.dasar + rng.uniform(-ind.sebar, ind.sebar)
    x = round(x, rng.choice((0, 1, 2)) if ind.satuan == "%" else 2)
    return float(min(x, _maks(ind) or x))


def _target_bulanan(rng: random.Random, ind: Ind, t) -> list:
    if ind.jenis == "Akhir Tahun":
        return [None] * 11 + [t]
    s = rng.choice(ind.mulai)
    if ind.jenis == "Tetap":  # sebelum bulan pertama: kosong (0 berarti target 0)
        return [None] * (s - 1) + [t] * (13 - s)
    sebelum = [None if rng.random() < 0.5 else 0] * (s - 1)
    g0 = ind.awal + (1 - ind.awal) * rng.uniform(0.03, 0.15)
    g = [g0, *sorted(rng.uniform(g0, 1) for _ in range(11 - s)), 1.0]
    if isinstance(t, int):
        nilai = [int(t * x) for x in g]
    else:
        d = rng.choice((0, 1, 2))
        nilai = [min(t, round(t * x, d)) for x in g]
    for i in range(1, len(nilai)):
        nilai[i] = max(nilai[i], nilai[i - 1])
    nilai[-1] = t
    return sebelum + nilai


def _realisasi(rng: random.Random, ind: Ind, t, bulanan: list, periode: int) -> list:
    f, maks = _faktor(rng), _maks(ind)
    hasil: list = [None] * 12
    lalu = None
    for m in range(1, periode + 1):
        tm = bulanan[m - 1]
        if tm is None:
            continue
        if ind.satuan == "Opini":
            r = t if rng.random() < 0.8 else {4: 3, "WTP": "WDP"}[t]
        elif ind.jenis == "Kumulatif":
            r = tm * f * rng.uniform(0.97, 1.03)
            r = round(r) if isinstance(t, int) else round(min(r, maks or r), 2)
            r = r if lalu is None else max(r, lalu)
        elif ind.polaritas == "Negatif":
            r = max(1.0, round(t * (2 - f) * rng.uniform(0.97, 1.03), 1))
        else:
            r = t * f * rng.uniform(0.97, 1.03)
            r = round(min(r, maks or r), 2)
        hasil[m - 1] = lalu = r
    return hasil


def _pembilang(rng: random.Random, ind: Ind, realisasi: list) -> list[dict]:
    """Pembilang/penyebut yang menghasilkan realisasi (ditimpa) persis a / b × 100."""
    baris, lalu, b = [], 0, 10
    total = rng.randint(40, 400)
    for m, r in enumerate(realisasi, start=1):
        if r is None:
            continue
        # Kumulatif: penyebut = rencana setahun; Tetap: jumlah yang diperiksa s.d. bulan itu
        b = total if ind.jenis == "Kumulatif" else max(b, round(total * m / 12 *
                                                                rng.uniform(0.9, 1.1)))
        a = min(b, round(r / 100 * b))
        if ind.jenis == "Kumulatif":
            a = max(a, lalu)
        while a < b and round(a / b * 100, 2) != bulatkan(a / b * 100, 2):
            a += 1  # hindari x,xx5 tepat: pembulatan Python dan Excel harus sama
        lalu = a
        realisasi[m - 1] = bulatkan(a / b * 100, 2)
        baris.append({"kode_indikator": ind.kode, "bulan": m, "pembilang": a, "penyebut": b})
    return baris


def _baris_anggaran(rng: random.Random, blok, aktif: list[str]) -> dict[str, list[tuple]]:
    """Sub komponen per indikator dalam satu blok: 2-6 baris, 1-2 dibagi dua indikator."""
    kode_ro, rincian, komponen, indikator, _ = blok
    butir = [(kode_ro, rincian, k, s) for k, subs in komponen.items() for s in subs]
    rng.shuffle(butir)
    ind = [i for i in indikator if i in aktif]
    milik = {i: [butir.pop(), butir.pop()] for i in ind}
    for b in butir:
        if rng.random() < 0.7:
            i = rng.choice(ind)
            if len(milik[i]) < 6:
                milik[i].append(b)
    if len(ind) >= 2:
        for _ in range(rng.randint(1, 2)):
            x, y = rng.sample(ind, 2)
            pilihan = [b for b in milik[x] if all(b not in milik[z] for z in ind if z != x)]
            if pilihan and len(milik[y]) < 6:
                milik[y].append(rng.choice(pilihan))
    return milik


def _anggaran(rng: random.Random, blok_katalog, pk: list[dict], pagu_unit: float,
              periode: int) -> list[dict]:
    kode_pk = [b["kode_indikator"] for b in pk]
    milik: dict[str, list[tuple]] = {}
    bobot: dict[tuple, float] = {}
    for blok in blok_katalog:
        for i, bs in _baris_anggaran(rng, blok, kode_pk).items():
            milik[i] = bs
            for b in bs:
                berat = 8 if "gaji" in b[3] else 1
                bobot.setdefault(b, blok[4] * berat * rng.uniform(0.5, 1.5))
    skala = pagu_unit / sum(bobot.values())
    pagu = {b: max(2_000_000, round(w * skala, -3)) for b, w in bobot.items()}
    pemakai: dict[tuple, list[str]] = {}
    for i, bs in milik.items():
        for b in bs:
            pemakai.setdefault(b, []).append(i)
    kontribusi = {}
    for b, ind in pemakai.items():
        if len(ind) == 1:
            kontribusi[(ind[0], b)] = int(pagu[b])
        else:
            k1 = min(pagu[b] - 1000, max(1000, round(pagu[b] * rng.uniform(0.2, 0.8), -3)))
            kontribusi[(ind[0], b)], kontribusi[(ind[1], b)] = int(k1), int(pagu[b] - k1)
    baris = []
    for i in kode_pk:
        for no, b in enumerate(milik[i], start=1):
            k = kontribusi[(i, b)]
            porsi = min(1.0, periode / 12 * rng.uniform(0.6, 1.2))
            baris.append({"kode_indikator": i, "no": no, "kode_ro": b[0], "rincian_output": b[1],
                          "komponen": b[2], "sub_komponen": b[3], "pagu": int(pagu[b]),
                          "kontribusi": k, "realisasi_anggaran": int(k * porsi) // 1000 * 1000})
    return baris


def _info(rng: random.Random, unit: UnitKerja, tahun: int, periode: int, seed: int) -> dict:
    if unit.kelompok == "Pusat":
        tempat = "Jakarta"
        jabatan = (unit.nama.replace("Direktorat", "Direktur", 1)
                   if unit.nama.startswith("Direktorat") else
                   unit.nama.replace("Inspektorat", "Inspektur", 1)
                   if unit.nama.startswith("Inspektorat") else f"Kepala {unit.nama}")
    else:
        tempat = unit.nama.split(" di ", 1)[-1]
        jabatan = f"Kepala {unit.nama}"
    nama = f"{rng.choice(NAMA_DEPAN)} {rng.choice(NAMA_BELAKANG)}, {rng.choice(GELAR)}"
    info = {k.id: None for k in KUNCI_INFO}
    info.update({
        "unit_kerja": unit.nama, "tahun": tahun, "periode": periode, "satuan_anggaran": "Rupiah",
        "versi_format": VERSI_FORMAT, "tempat": tempat,
        "tanggal": f"{rng.randint(2, 31)} Januari {tahun}", "jabatan_penandatangan": jabatan,
        "nama_penandatangan": nama,
        "catatan": f"Data sintetis rapk-xl sampel (seed {seed}): angka rekaan, bukan data resmi."})
    return info


def buat_isi(unit: UnitKerja, tahun: int, periode: int, seed: int) -> Isi:
    """Isi workbook yang bersih (tanpa kesalahan) untuk satu unit, tahun dan periode."""
    rng = random.Random(f"rapk-xl sampel:{seed}:{unit.kode}:{tahun}:{periode}")
    pusat = unit.kelompok == "Pusat"
    sasaran, katalog = (SASARAN_PUSAT, INDIKATOR_PUSAT) if pusat else (SASARAN_UPT, INDIKATOR_UPT)
    pk, rapk, real, pembilang = [], [], [], []
    calon_pembilang = []
    for ind in katalog:
        no = int(ind.kode.split(".")[0])
        t = _target(rng, ind)
        bulanan = _target_bulanan(rng, ind, t)
        realisasi = _realisasi(rng, ind, t, bulanan, periode)
        pk.append({"no_sasaran": no, "perspektif": sasaran[no][0], "sasaran": sasaran[no][1],
                   "kode_indikator": ind.kode, "indikator": ind.nama, "satuan": ind.satuan,
                   "jenis_target": ind.jenis, "polaritas": ind.polaritas,
                   "iku": "Ya" if ind.iku else "Tidak", "bobot": None, "target": t})
        rapk.append({"kode_indikator": ind.kode, "indikator": ind.nama,
                     **dict(zip(ID_TARGET, bulanan))})
        r = {"kode_indikator": ind.kode, "indikator": ind.nama,
             **dict(zip(ID_REALISASI, realisasi)), "keterangan": None}
        if ind.jenis == "Akhir Tahun" and periode < 12 and rng.random() < 0.4:
            r["keterangan"] = f"Progres {round(periode / 12 * 100 * rng.uniform(0.7, 1.1))}%"
        real.append(r)
        if ind.satuan == "%" and any(x is not None for x in realisasi):
            calon_pembilang.append((ind, r))
    # 2-4 indikator persentase dengan pembilang/penyebut; sisakan satu tanpa pembilang
    n = min(rng.randint(2, 4), len(calon_pembilang) - 1)
    for ind, r in rng.sample(calon_pembilang, n):
        nilai = [r[k] for k in ID_REALISASI]
        pembilang += _pembilang(rng, ind, nilai)
        r.update(zip(ID_REALISASI, nilai))
    pembilang.sort(key=lambda b: ([i.kode for i in katalog].index(b["kode_indikator"]),
                                  b["bulan"]))
    # pagu referensi 2024, naik/turun 3 % per tahun
    pagu = (unit.pagu_2024 or 10e9) * 1.03 ** (tahun - 2024) * rng.uniform(0.95, 1.05)
    blok = [(b[0].format(keg=3166 + _indeks_pusat(unit)), *b[1:]) for b in
            (BLOK_PUSAT if pusat else BLOK_UPT)]
    anggaran = _anggaran(rng, blok, pk, pagu, periode)
    for b in rapk:
        b["anggaran"] = sum(x["kontribusi"] for x in anggaran
                            if x["kode_indikator"] == b["kode_indikator"])
    isi = Isi(_info(rng, unit, tahun, periode, seed),
              {"pk": pk, "rapk": rapk, "anggaran": anggaran, "realisasi": real,
               "pembilang": pembilang}, periode)
    for baris in isi.tabel.values():
        for b in baris:
            b["_id"] = isi.id_baru()
    return isi


def _indeks_pusat(unit: UnitKerja) -> int:
    """Urutan unit di antara unit Pusat (kode kegiatan RO-nya 3166 + urutan ini)."""
    if unit.kelompok != "Pusat":
        return 0
    return [u.kode for u in unit_sampel() if u.kelompok == "Pusat"].index(unit.kode)


def ke_data(isi: Isi) -> DataRAPK:
    """Isi sebagai :class:`DataRAPK` (kolom bantu ``_id`` dibuang)."""
    tabel = {t.kunci: pd.DataFrame({k: pd.Series([b.get(k) for b in isi.tabel[t.kunci]],
                                                 dtype=object) for k in t.ids})
             for t in TABEL_DATA}
    return DataRAPK(dict(isi.info), tabel)


# -- Manifest dan penulisan -------------------------------------------------------------------
@dataclass(frozen=True)
class BerkasSampel:
    file: str
    unit: str
    tahun: int
    periode: int
    faults: tuple[Kerusakan, ...] = ()

    @property
    def rusak(self) -> bool:
        return bool(self.faults)


@dataclass(frozen=True)
class Manifest:
    seed: int
    tahun: int
    periode: int
    units: int
    rusak: int
    files: tuple[BerkasSampel, ...]
    path: Path

    def ke_dict(self) -> dict:
        return {"seed": self.seed, "tahun": self.tahun, "periode": self.periode,
                "units": self.units, "rusak": self.rusak,
                "files": [{"file": f.file, "unit": f.unit, "tahun": f.tahun,
                           "periode": f.periode, "rusak": f.rusak,
                           "faults": [{"rule": k.rule, "sheet": k.sheet, "cell": k.cell,
                                       "keterangan": k.keterangan} for k in f.faults]}
                          for f in self.files]}


def unit_sampel() -> tuple[UnitKerja, ...]:
    """Unit kerja yang dibuatkan sampel: 103 unit referensi (tanpa BPOM tingkat badan)."""
    return tuple(u for u in daftar_unit() if u.kelompok != "BPOM")


class ArgumenSampelSalah(ValueError):
    """Argumen generator sampel tidak sah; ``argumen`` menyebut yang mana (nama parameter
    :func:`buat_sampel`: ``units``, ``rusak``, ``tahun``, ``periode``, ``jobs``)."""

    def __init__(self, argumen: str, pesan: str):
        super().__init__(pesan)
        self.argumen = argumen
        self.pesan = pesan


def periksa_argumen(units: int, rusak: int = 0, tahun: int = 2024, periode: int = 6,
                    jobs: int = 1) -> None:
    """Periksa argumen :func:`buat_sampel` sebelum apa pun ditulis; yang pertama salah
    menimbulkan :class:`ArgumenSampelSalah` dengan pesan yang menyebut nilai sahnya."""
    if units < 1:
        raise ArgumenSampelSalah("units", f"jumlah workbook paling sedikit 1, bukan {units}.")
    if not 0 <= rusak <= units:
        raise ArgumenSampelSalah(
            "rusak", f"jumlah workbook rusak harus 0 sampai {units} (jumlah workbook), bukan "
                     f"{rusak}.")
    if not 1 <= periode <= 12:
        raise ArgumenSampelSalah("periode",
                                 f"periode harus bulan 1-12 (6 = Juni), bukan {periode}.")
    if jobs < 1:
        raise ArgumenSampelSalah("jobs", f"jumlah proses paling sedikit 1, bukan {jobs}.")
    n_unit = len(unit_sampel())
    lo, hi = rentang_tahun()
    putaran = (units - 1) // n_unit
    if not lo + putaran <= tahun <= hi:
        raise ArgumenSampelSalah("tahun", (
            f"tahun harus {lo + putaran}-{hi}, bukan {tahun}: "
            + (f"{units} workbook memakai {putaran + 1} tahun (tiap {n_unit} workbook satu "
               f"tahun lebih awal, sampai {tahun - putaran}) dan format hanya menerima tahun "
               f"{lo}-{hi}." if putaran else f"format hanya menerima tahun {lo}-{hi}.")))


def rencana_berkas(units: int, seed: int = 0, tahun: int = 2024) -> list[tuple[UnitKerja, int]]:
    """(unit, tahun) tiap berkas: unit diacak menurut ``seed``; setiap 103 berkas berikutnya
    memakai unit yang sama dengan tahun satu lebih awal."""
    periksa_argumen(units, tahun=tahun)
    semua = list(unit_sampel())
    random.Random(f"rapk-xl sampel:{seed}:unit").shuffle(semua)
    return [(semua[i % len(semua)], tahun - i // len(semua)) for i in range(units)]


def _tulis(data: DataRAPK, path: Path, pasca: list) -> None:
    tulis_workbook(data, path)
    if pasca:
        faults.terapkan_pasca(path, pasca)


def buat_sampel(folder: str | Path, units: int = 103, seed: int = 0, rusak: int = 0,
                tahun: int = 2024, periode: int = 6, jobs: int = 1) -> Manifest:
    """Tulis ``units`` workbook RAPK sintetis dan ``manifest.json`` ke ``folder``.

    Unit dipilih dari 103 unit kerja menurut ``seed``; di atas 103 berkas unit diulang
    dengan tahun sebelumnya (putaran r memakai ``tahun - r``). Tepat ``rusak`` berkas diberi
    1-3 kesalahan sengaja dari :data:`faults.KATALOG_RUSAK` (bergiliran). Seed dan argumen
    yang sama menghasilkan isi dan manifest yang sama. ``jobs`` > 1 menulis berkas dengan
    beberapa proses. Berkas lain di ``folder`` tidak disentuh; berkas bernama sama ditimpa.
    """
    periksa_argumen(units, rusak, tahun, periode, jobs)
    rencana = rencana_berkas(units, seed, tahun)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    dirusak = set(random.Random(f"rapk-xl sampel:{seed}:rusak").sample(range(units), rusak))
    katalog = list(faults.KATALOG_RUSAK)
    mulai = seed % len(katalog)
    antrian = katalog[mulai:] + katalog[:mulai]
    berkas: list[BerkasSampel] = []
    pool = ProcessPoolExecutor(jobs) if jobs > 1 else None
    tertunda: deque = deque()
    try:
        for i, (unit, th) in enumerate(rencana):
            isi = buat_isi(unit, th, periode, seed)
            temuan = []
            if i in dirusak:
                rng = random.Random(f"rapk-xl sampel:{seed}:{unit.kode}:{th}:{periode}:rusak")
                isi, temuan, antrian = faults.rusakkan(isi, antrian, rng.randint(1, 3), rng)
                if not temuan:
                    raise RuntimeError(f"tidak ada kesalahan yang cocok untuk {unit.nama}")
            nama = f"{unit.kode}_{th}_{periode:02d}.xlsx"
            pasca = [(aksi, lok.sheet, faults.lokasi_akhir(isi, lok), nilai)
                     for aksi, lok, nilai in isi.pasca]
            berkas.append(BerkasSampel(nama, unit.nama, th, periode, tuple(
                Kerusakan(t.rule, t.lokasi.sheet, faults.lokasi_akhir(isi, t.lokasi),
                          t.keterangan) for t in temuan)))
            if pool is None:
                _tulis(ke_data(isi), folder / nama, pasca)
                continue
            tertunda.append(pool.submit(_tulis, ke_data(isi), folder / nama, pasca))
            while len(tertunda) > 4 * jobs:
                tertunda.popleft().result()
        while tertunda:
            tertunda.popleft().result()
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    manifest = Manifest(seed, tahun, periode, units, rusak, tuple(berkas), folder / NAMA_MANIFEST)
    manifest.path.write_text(json.dumps(manifest.ke_dict(), ensure_ascii=False, indent=2) + "\n",
                             encoding="utf-8")
    return manifest
