"""Kesalahan sengaja untuk workbook sampel sintetis: katalog, penerapan, lokasi temuan.

Setiap kesalahan memakai id aturan validator (:mod:`rapk_xl.validate.katalog`) dan mencatat
sel yang harus ditunjuk validator. Kesalahan nilai diterapkan pada :class:`Isi` sebelum
workbook ditulis; kesalahan struktur (galat Excel, rumus ditimpa, header diganti, sheet
dihapus) dicatat sebagai aksi *pasca* dan diterapkan pada berkas yang sudah ditulis
(:func:`terapkan_pasca`). Satu kesalahan hanya menimbulkan masalahnya sendiri sejauh
mungkin: angka lain disesuaikan agar aturan lain tetap terpenuhi.
"""
from __future__ import annotations

import copy
import math
import random
from dataclasses import dataclass, field
from pathlib import Path

from ..format.spec import (ANGGARAN, BARIS_HEADER_INFO, ID_REALISASI, ID_TARGET, KUNCI_INFO,
                           PEMBILANG, SHEET_CAPAIAN, tabel_dari_kunci)
from ..format.capaian import BARIS_DATA as BARIS_CAPAIAN, INDIKATOR
from ..io.gaya import huruf
from ..reference import cari_unit

__all__ = ["Isi", "Kerusakan", "TidakBisa", "KATALOG_RUSAK", "SENDIRI", "BENTROK", "rusakkan",
           "lokasi_akhir", "terapkan_pasca"]


class TidakBisa(Exception):
    """Kesalahan ini tidak dapat diterapkan pada isi workbook ini."""


@dataclass(frozen=True)
class Kerusakan:
    """Satu kesalahan sengaja: id aturan, sheet, sel (None: seluruh sheet), keterangan."""

    rule: str
    sheet: str
    cell: str | None
    keterangan: str


@dataclass(frozen=True)
class Lokasi:
    """Sel tetap (``sel``) atau sel baris tabel yang dicari setelah semua perubahan."""

    sheet: str
    sel: str | None = None
    tabel: str | None = None
    baris: tuple[int, ...] = ()  # id baris; yang pertama menurut urutan sheet dipakai
    kolom: str | None = None


@dataclass
class Isi:
    """Isi workbook yang sedang dibuat: Info dan baris tiap tabel (dict dengan ``_id``)."""

    info: dict
    tabel: dict[str, list[dict]]
    periode: int
    dipakai: set[str] = field(default_factory=set)  # indikator yang sudah dirusak
    pasca: list[tuple] = field(default_factory=list)  # (aksi, Lokasi, nilai)
    _id: int = 0

    def id_baru(self) -> int:
        self._id += 1
        return self._id

    def baris(self, tabel: str, kode: str) -> list[dict]:
        return [b for b in self.tabel[tabel] if b["kode_indikator"] == kode]

    def satu(self, tabel: str, kode: str) -> dict:
        return self.baris(tabel, kode)[0]


@dataclass
class _Temuan:
    rule: str
    lokasi: Lokasi
    keterangan: str


def _info(kunci: str) -> Lokasi:
    i = [k.id for k in KUNCI_INFO].index(kunci)
    return Lokasi("Info", f"B{BARIS_HEADER_INFO + 1 + i}")


def _sel(tabel: str, baris: dict | list[dict], kolom: str) -> Lokasi:
    daftar = baris if isinstance(baris, list) else [baris]
    return Lokasi(tabel_dari_kunci(tabel).sheet, tabel=tabel,
                  baris=tuple(b["_id"] for b in daftar), kolom=kolom)


def _pilih(rng: random.Random, kandidat: list):
    if not kandidat:
        raise TidakBisa
    return rng.choice(kandidat)


def _indikator(isi: Isi, rng: random.Random, syarat=lambda b: True) -> dict:
    """Baris PK indikator yang belum dirusak dan memenuhi ``syarat``; ditandai terpakai."""
    b = _pilih(rng, [b for b in isi.tabel["pk"]
                     if b["kode_indikator"] not in isi.dipakai and syarat(b)])
    isi.dipakai.add(b["kode_indikator"])
    return b


def _grup(isi: Isi) -> dict[tuple, list[dict]]:
    """Baris anggaran per sub komponen (Kode RO, Komponen, Sub Komponen)."""
    g: dict[tuple, list[dict]] = {}
    for b in isi.tabel["anggaran"]:
        g.setdefault((b["kode_ro"], b["komponen"], b["sub_komponen"]), []).append(b)
    return g


def _baris_tunggal(isi: Isi, rng: random.Random) -> dict:
    """Baris anggaran yang sub komponennya tidak dibagi dengan indikator lain."""
    tunggal = [g[0] for g in _grup(isi).values()
               if len(g) == 1 and g[0]["kode_indikator"] not in isi.dipakai]
    b = _pilih(rng, tunggal)
    isi.dipakai.add(b["kode_indikator"])
    return b


def _ribu(x: float) -> int:
    return max(1000, int(round(x / 1000)) * 1000)


def _bulan(baris: dict, kolom: tuple[str, ...]) -> list[int]:
    return [i + 1 for i, k in enumerate(kolom) if baris.get(k) is not None]


def _f(x) -> str:
    """Angka untuk keterangan, cara Indonesia: 96.014.000 dan 85,5."""
    if isinstance(x, str):
        return x
    teks = f"{int(x):,}" if float(x).is_integer() else f"{x:,}"
    return teks.replace(",", "_").replace(".", ",").replace("_", ".")


def _pembilang_kode(isi: Isi) -> set[str]:
    return {b["kode_indikator"] for b in isi.tabel["pembilang"]}


_ANGKA = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
          "sepuluh", "sebelas"]


def _terbilang(n: int) -> str:
    """Bilangan 1-999 dengan kata (Bahasa Indonesia)."""
    if n < 12:
        return _ANGKA[n]
    if n < 20:
        return f"{_ANGKA[n - 10]} belas"
    if n < 100:
        return f"{_ANGKA[n // 10]} puluh {_terbilang(n % 10)}".strip()
    ratus = "seratus" if n < 200 else f"{_ANGKA[n // 100]} ratus"
    return f"{ratus} {_terbilang(n % 100)}".strip()


# -- Info -------------------------------------------------------------------------------------
def _unit_tidak_dikenal(isi, rng):
    nama = isi.info["unit_kerja"]
    awal = nama.rfind(" ") + 1
    posisi = [i for i in range(awal, len(nama)) if nama[i].isalpha()][1:]
    rng.shuffle(posisi)
    for i in posisi + [i for i in range(1, awal) if nama[i].isalpha()]:
        salah = nama[:i] + nama[i + 1:]
        if cari_unit(salah) is None:
            isi.info["unit_kerja"] = salah
            return _Temuan("unit-tidak-dikenal", _info("unit_kerja"),
                           f"Unit Kerja ditulis '{salah}' (satu huruf hilang dari '{nama}').")
    raise TidakBisa


def _periode_tidak_sah(isi, rng):
    isi.info["periode"] = 13
    return _Temuan("periode-tidak-sah", _info("periode"),
                   f"Periode diisi 13 (seharusnya {isi.periode}; bulan hanya 1-12).")


def _tahun_tidak_wajar(isi, rng):
    asli = str(isi.info["tahun"])
    salah = int(asli[0] + asli[2:])
    isi.info["tahun"] = salah
    return _Temuan("tahun-tidak-wajar", _info("tahun"),
                   f"Tahun diketik {salah} (maksudnya {asli}).")


def _versi_format(isi, rng):
    isi.info["versi_format"] = 2
    return _Temuan("versi-format", _info("versi_format"),
                   "Versi Format diisi 2; format yang dikenal hanya versi 1.")


# -- PK ---------------------------------------------------------------------------------------
def _wajib_kosong(isi, rng):
    b = _indikator(isi, rng)
    b["jenis_target"] = None
    return _Temuan("wajib-kosong", _sel("pk", b, "jenis_target"),
                   f"Jenis Target indikator {b['kode_indikator']} dikosongkan.")


def _di_luar_pilihan(isi, rng):
    b = _indikator(isi, rng)
    b["polaritas"] = "Naik"
    return _Temuan("di-luar-pilihan", _sel("pk", b, "polaritas"),
                   f"Polaritas indikator {b['kode_indikator']} diisi 'Naik' "
                   "(pilihan: Positif, Negatif).")


def _kode_tidak_sah(isi, rng):
    b = _indikator(isi, rng)
    lama = b["kode_indikator"]
    baru = lama.replace(".", ",")
    temuan = []
    for t in ("pk", "rapk", "anggaran", "realisasi", "pembilang"):
        for r in isi.baris(t, lama):
            r["kode_indikator"] = baru
            # kode yang salah bentuk ada di setiap sel ini: validator melaporkan semuanya
            temuan.append(_Temuan("kode-indikator-tidak-sah", _sel(t, r, "kode_indikator"),
                                  f"Kode Indikator {lama} ditulis '{baru}' (koma, bukan titik) "
                                  f"di sheet {tabel_dari_kunci(t).sheet}."))
    isi.dipakai.add(baru)
    return temuan


def _kode_ganda(isi, rng):
    b = _indikator(isi, rng)
    salinan = dict(b, _id=isi.id_baru())
    pk = isi.tabel["pk"]
    pk.insert(pk.index(b) + 1, salinan)
    return _Temuan("kode-ganda", _sel("pk", salinan, "kode_indikator"),
                   f"Baris PK indikator {b['kode_indikator']} tertulis dua kali; kode yang "
                   "kedua ganda.")


# -- RAPK -------------------------------------------------------------------------------------
def _pk_tidak_di_rapk(isi, rng):
    b = _indikator(isi, rng)
    isi.tabel["rapk"].remove(isi.satu("rapk", b["kode_indikator"]))
    return _Temuan("pk-tidak-di-rapk", _sel("pk", b, "kode_indikator"),
                   f"Baris RAPK indikator {b['kode_indikator']} dihapus.")


def _angka_sebagai_teks(isi, rng):
    calon = []
    for b in isi.tabel["pk"]:
        if b["kode_indikator"] in isi.dipakai:
            continue
        r = isi.satu("rapk", b["kode_indikator"])
        calon += [(b, r, k) for k in ID_TARGET if isinstance(r[k], (int, float))
                  and not isinstance(r[k], bool) and r[k] != 0 and float(r[k]).is_integer()]
    b, r, k = _pilih(rng, calon)
    isi.dipakai.add(b["kode_indikator"])
    r[k] = str(int(r[k]))
    return _Temuan("angka-sebagai-teks", _sel("rapk", r, k),
                   f"Target {k.upper()} indikator {b['kode_indikator']} diketik sebagai teks '{r[k]}'.")


def _galat_excel(isi, rng):
    b = _indikator(isi, rng, lambda b: any(
        m < 12 for m in _bulan(isi.satu("rapk", b["kode_indikator"]), ID_TARGET)))
    r = isi.satu("rapk", b["kode_indikator"])
    k = ID_TARGET[_bulan(r, ID_TARGET)[0] - 1]  # bulan pertama: tidak membuat target bolong
    lok = _sel("rapk", r, k)
    isi.pasca.append(("galat", lok, "#DIV/0!"))
    return _Temuan("galat-excel", lok,
                   f"Target {k.upper()} indikator {b['kode_indikator']} berisi galat Excel #DIV/0!.")


def _bukan_angka(isi, rng):
    b = _indikator(isi, rng)
    r = isi.satu("rapk", b["kode_indikator"])
    juta = round(r["anggaran"] / 1e6)
    teks = (f"{_terbilang(min(999, round(juta / 1000)))} miliar" if juta >= 1000
            else f"{_terbilang(max(1, juta))} juta")
    r["anggaran"] = teks
    return _Temuan("bukan-angka", _sel("rapk", r, "anggaran"),
                   f"Anggaran indikator {b['kode_indikator']} ditulis dengan kata: '{teks}'.")


def _kumulatif_turun(isi, rng):
    calon = []
    for b in isi.tabel["pk"]:
        if b["jenis_target"] != "Kumulatif" or b["kode_indikator"] in isi.dipakai:
            continue
        r = isi.satu("rapk", b["kode_indikator"])
        calon += [(b, r, m) for m in range(2, 12)
                  if r[ID_TARGET[m - 2]] not in (None, 0) and r[ID_TARGET[m - 1]] is not None]
    b, r, m = _pilih(rng, calon)
    isi.dipakai.add(b["kode_indikator"])
    sebelum = r[ID_TARGET[m - 2]]
    turun = sebelum - 1 if isinstance(sebelum, int) else round(sebelum * rng.uniform(0.5, 0.9), 2)
    r[ID_TARGET[m - 1]] = turun
    return _Temuan("kumulatif-turun", _sel("rapk", r, ID_TARGET[m - 1]),
                   f"Target Kumulatif indikator {b['kode_indikator']} turun dari {_f(sebelum)} "
                   f"({ID_TARGET[m - 2].upper()}) ke {_f(turun)} ({ID_TARGET[m - 1].upper()}).")


def _kumulatif_b12(isi, rng):
    b = _indikator(isi, rng, lambda b: b["jenis_target"] == "Kumulatif")
    lama = b["target"]
    b["target"] = lama + 1 if isinstance(lama, int) else round(lama - rng.choice((2, 3, 5)), 2)
    r = isi.satu("rapk", b["kode_indikator"])
    return _Temuan("kumulatif-b12-beda-target", _sel("rapk", r, "b12"),
                   f"Target PK indikator Kumulatif {b['kode_indikator']} diubah menjadi "
                   f"{_f(b['target'])}, sedangkan B12 tetap {_f(lama)}.")


def _tetap_bervariasi(isi, rng):
    def cocok(b):
        r = isi.satu("rapk", b["kode_indikator"])
        return b["jenis_target"] == "Tetap" and len(_bulan(r, ID_TARGET)) >= 3
    b = _indikator(isi, rng, cocok)
    r = isi.satu("rapk", b["kode_indikator"])
    m = rng.choice(_bulan(r, ID_TARGET)[1:-1])
    t = b["target"]
    if b["polaritas"] == "Negatif" or isinstance(t, int):
        beda = t + 2
    else:
        beda = round(t - (0.2 if t <= 5 else rng.choice((2, 3, 5))), 2)
    r[ID_TARGET[m - 1]] = beda
    return _Temuan("tetap-bervariasi", _sel("rapk", r, ID_TARGET[m - 1]),
                   f"Target Tetap indikator {b['kode_indikator']} bulan {ID_TARGET[m - 1].upper()} "
                   f"diisi {_f(beda)}, bulan lain {_f(t)}.")


def _akhir_tahun_b06(isi, rng):
    b = _indikator(isi, rng, lambda b: b["jenis_target"] == "Akhir Tahun"
                   and b["satuan"] != "Opini")
    kode, t = b["kode_indikator"], b["target"]
    r = isi.satu("rapk", kode)
    for m in range(6, 12):  # seperti Tetap mulai Juni: tanpa bulan bolong sampai B12
        r[ID_TARGET[m - 1]] = t
    teks = f"Indikator Akhir Tahun {kode} diberi target B06-B11 = {_f(t)} (seperti Tetap)."
    if isi.periode >= 6:  # bulan bertarget s.d. Periode harus berealisasi
        real = isi.satu("realisasi", kode)
        for m in range(6, min(isi.periode, 11) + 1):
            real[ID_REALISASI[m - 1]] = round(t * rng.uniform(0.9, 1.0), 2)
        teks += f" Realisasi R06-R{min(isi.periode, 11):02d} ikut diisi agar tidak kosong."
    return _Temuan("akhir-tahun-sebelum-b12", _sel("rapk", r, "b06"), teks)


def _b12_seperti_jumlah(isi, rng):
    def cocok(b):
        r = isi.satu("rapk", b["kode_indikator"])
        return (b["jenis_target"] == "Kumulatif" and b["satuan"] == "%"
                and (r["b11"] or 0) >= 20)
    b = _indikator(isi, rng, cocok)
    r = isi.satu("rapk", b["kode_indikator"])
    n = rng.randint(2, 9)
    r["b12"] = b["target"] = n
    return _Temuan("b12-seperti-jumlah", _sel("rapk", r, "b12"),
                   f"Indikator persentase Kumulatif {b['kode_indikator']}: B01-B11 persentase "
                   f"(B11 = {_f(r['b11'])}), B12 dan Target PK diisi {n} seperti jumlah "
                   "(pola PJAS); penurunan di B12 adalah bagian dari pola ini.")


def _anggaran_beda(isi, rng):
    b = _indikator(isi, rng)
    r = isi.satu("rapk", b["kode_indikator"])
    lama = r["anggaran"]
    r["anggaran"] = lama + rng.choice((1, -1)) * _ribu(lama * rng.uniform(0.05, 0.2))
    return _Temuan("anggaran-beda-kontribusi", _sel("rapk", r, "anggaran"),
                   f"Anggaran RAPK indikator {b['kode_indikator']} diisi {_f(r['anggaran'])}, "
                   f"padahal jumlah kontribusinya {_f(lama)}.")


# -- Anggaran ---------------------------------------------------------------------------------
def _angka_ambigu(isi, rng):
    b = _baris_tunggal(isi, rng)
    p = b["pagu"]
    teks = f"{p // 1000:,}".replace(",", ".") if 1_000_000 <= p < 1_000_000_000 else "1.500"
    b["pagu"] = teks
    return _Temuan("angka-ambigu", _sel("anggaran", b, "pagu"),
                   f"Pagu baris {b['no']} indikator {b['kode_indikator']} diketik sebagai teks "
                   f"'{teks}' (seribu-an atau desimal?); nilai sebenarnya {_f(p)}.")


def _angka_negatif(isi, rng):
    b = _baris_tunggal(isi, rng)
    b["realisasi_anggaran"] = -max(b["realisasi_anggaran"], 1000)
    return _Temuan("angka-negatif", _sel("anggaran", b, "realisasi_anggaran"),
                   f"Realisasi Anggaran baris {b['no']} indikator {b['kode_indikator']} "
                   f"negatif ({_f(b['realisasi_anggaran'])}).")


def _kode_ro(isi, rng):
    b = _baris_tunggal(isi, rng)
    lama = b["kode_ro"]
    b["kode_ro"] = "-".join(lama.split(".")[-3:])
    return _Temuan("kode-ro-tidak-sah", _sel("anggaran", b, "kode_ro"),
                   f"Kode RO {lama} ditulis '{b['kode_ro']}' (tanda hubung, tanpa awalan).")


def _kontribusi_lebih(isi, rng):
    b = _baris_tunggal(isi, rng)
    lebih = _ribu(b["pagu"] * rng.uniform(0.05, 0.3))
    b["kontribusi"] = b["pagu"] + lebih
    isi.satu("rapk", b["kode_indikator"])["anggaran"] += lebih
    return _Temuan("kontribusi-lebih-pagu", _sel("anggaran", b, "kontribusi"),
                   f"Kontribusi baris {b['no']} indikator {b['kode_indikator']} "
                   f"{_f(b['kontribusi'])} melebihi Pagu {_f(b['pagu'])} (satu-satunya baris sub "
                   "komponen ini; Anggaran RAPK ikut disesuaikan).")


def _pagu_ganda(isi, rng):
    calon = [g for g in _grup(isi).values() if len(g) == 2
             and not {b["kode_indikator"] for b in g} & isi.dipakai]
    g = _pilih(rng, calon)
    isi.dipakai |= {b["kode_indikator"] for b in g}
    b = rng.choice(g)
    sisa = b["pagu"] - b["kontribusi"]
    naik = min(sisa, _ribu(sisa * rng.uniform(0.2, 0.8)))
    b["kontribusi"] += naik
    isi.satu("rapk", b["kode_indikator"])["anggaran"] += naik
    return _Temuan("pagu-terhitung-ganda", _sel("anggaran", g, "pagu"),
                   f"Sub komponen {b['kode_ro']} / {b['komponen'][:3]} / {b['sub_komponen'][:1]} "
                   f"(Pagu {_f(b['pagu'])}) dibagi indikator {g[0]['kode_indikator']} dan "
                   f"{g[1]['kode_indikator']}; kontribusi {b['kode_indikator']} dinaikkan "
                   f"{_f(naik)} sehingga jumlahnya melebihi Pagu.")


def _realisasi_anggaran_lebih(isi, rng):
    b = _baris_tunggal(isi, rng)
    b["realisasi_anggaran"] = b["kontribusi"] + _ribu(b["kontribusi"] * rng.uniform(0.05, 0.2))
    return _Temuan("realisasi-anggaran-lebih", _sel("anggaran", b, "realisasi_anggaran"),
                   f"Realisasi Anggaran baris {b['no']} indikator {b['kode_indikator']} "
                   f"{_f(b['realisasi_anggaran'])} melebihi Kontribusi {_f(b['kontribusi'])}.")


def _baris_ganda(isi, rng):
    b = _baris_tunggal(isi, rng)
    k, r = b["kontribusi"], b["realisasi_anggaran"]
    if k < 2000:
        raise TidakBisa
    k1 = min(k - 1000, _ribu(k * rng.uniform(0.3, 0.7)))
    r1 = (r * k1 // k) // 1000 * 1000
    r2 = r - r1
    if r2 > k - k1:
        r1, r2 = r - (k - k1), k - k1
    salinan = dict(b, kontribusi=k - k1, realisasi_anggaran=r2, _id=isi.id_baru())
    b["kontribusi"], b["realisasi_anggaran"] = k1, r1
    baris = isi.tabel["anggaran"]
    baris.insert(baris.index(b) + 1, salinan)
    for no, x in enumerate(isi.baris("anggaran", b["kode_indikator"]), start=1):
        x["no"] = no
    return _Temuan("baris-anggaran-ganda", _sel("anggaran", salinan, "kode_indikator"),
                   f"Sub komponen {b['kode_ro']} / {b['komponen'][:3]} / {b['sub_komponen'][:1]} "
                   f"ditulis dua kali untuk indikator {b['kode_indikator']}; kontribusinya "
                   "dipecah ke dua baris (jumlahnya tetap, nomor urut dirapikan).")


# -- Realisasi dan Pembilang -----------------------------------------------------------------
def _bulan_realisasi(isi, b) -> list[int]:
    r = isi.satu("realisasi", b["kode_indikator"])
    return [m for m in _bulan(r, ID_REALISASI) if m <= isi.periode]


def _realisasi_kosong(isi, rng):
    pb = _pembilang_kode(isi)
    b = _indikator(isi, rng, lambda b: b["kode_indikator"] not in pb and _bulan_realisasi(isi, b))
    r = isi.satu("realisasi", b["kode_indikator"])
    k = ID_REALISASI[_bulan_realisasi(isi, b)[-1] - 1]
    r[k] = None
    return _Temuan("realisasi-kosong", _sel("realisasi", r, k),
                   f"Realisasi {k.upper()} indikator {b['kode_indikator']} dikosongkan, padahal bulan itu "
                   "bertarget dan tidak melewati Periode.")


def _realisasi_setelah_periode(isi, rng):
    p = isi.periode
    if p >= 12:
        raise TidakBisa
    b = _indikator(isi, rng, lambda b: b["satuan"] != "Opini"
                   and isi.satu("rapk", b["kode_indikator"])[ID_TARGET[p]] not in (None, 0))
    r = isi.satu("realisasi", b["kode_indikator"])
    t = isi.satu("rapk", b["kode_indikator"])[ID_TARGET[p]]
    lalu = r[ID_REALISASI[p - 1]]
    nilai = t if lalu is None or b["jenis_target"] != "Kumulatif" else max(lalu, t)
    r[ID_REALISASI[p]] = nilai
    return _Temuan("realisasi-setelah-periode", _sel("realisasi", r, ID_REALISASI[p]),
                   f"Realisasi {ID_REALISASI[p].upper()} indikator {b['kode_indikator']} diisi "
                   f"{_f(nilai)}, padahal Periode {p}.")


def _realisasi_tidak_wajar(isi, rng):
    pb = _pembilang_kode(isi)
    b = _indikator(isi, rng, lambda b: b["satuan"] == "%" and b["kode_indikator"] not in pb
                   and _bulan_realisasi(isi, b))
    r = isi.satu("realisasi", b["kode_indikator"])
    k = ID_REALISASI[_bulan_realisasi(isi, b)[-1] - 1]
    r[k] = 130
    return _Temuan("realisasi-tidak-wajar", _sel("realisasi", r, k),
                   f"Realisasi persentase {k.upper()} indikator {b['kode_indikator']} diisi 130.")


def _pembilang_tidak_cocok(isi, rng):
    b = _pilih(rng, [b for b in isi.tabel["pembilang"] if b["kode_indikator"] not in isi.dipakai
                     and b["penyebut"] >= 10])
    isi.dipakai.add(b["kode_indikator"])
    a, n = b["pembilang"], b["penyebut"]
    geser = max(1, math.ceil(n * rng.uniform(0.03, 0.1)))
    b["pembilang"] = a - geser if a - geser >= 0 else a + geser
    return _Temuan("pembilang-tidak-cocok", _sel("pembilang", b, "pembilang"),
                   f"Pembilang indikator {b['kode_indikator']} bulan {b['bulan']} diubah dari "
                   f"{_f(a)} ke {_f(b['pembilang'])}; realisasinya tetap "
                   f"{_f(round(a / n * 100, 2))}.")


def _kode_tidak_di_pk(isi, rng):
    kode = "9.99"
    if any(b["kode_indikator"] == kode for b in isi.tabel["pk"]):
        raise TidakBisa
    baris = {"_id": isi.id_baru(), "kode_indikator": kode,
             "indikator": "Persentase tindak lanjut pengaduan (indikator PK tahun lalu)"}
    for m in range(1, isi.periode + 1):
        baris[ID_REALISASI[m - 1]] = round(rng.uniform(80, 99), 2)
    isi.tabel["realisasi"].append(baris)
    return _Temuan("kode-tidak-di-pk", _sel("realisasi", baris, "kode_indikator"),
                   f"Baris realisasi berkode {kode} ditambahkan; kode itu tidak ada di PK.")


# -- Struktur (diterapkan pada berkas yang sudah ditulis) -------------------------------------
def _rumus_ditimpa(isi, rng):
    i = rng.randrange(len(isi.tabel["pk"]))
    sel = f"{huruf(INDIKATOR.kolom_sheet('capaian_periode'))}{BARIS_CAPAIAN + i}"
    nilai = round(rng.uniform(85, 110), 2)
    lok = Lokasi(SHEET_CAPAIAN, sel)
    isi.pasca.append(("ketik", lok, nilai))
    return _Temuan("rumus-ditimpa", lok,
                   f"Rumus Capaian Periode (%) di {sel} ditimpa dengan angka ketikan {_f(nilai)}.")


def _header_diganti(isi, rng):
    asli = ANGGARAN.nama_kolom("kode_ro")
    lok = Lokasi(ANGGARAN.sheet, f"{huruf(ANGGARAN.posisi('kode_ro'))}{ANGGARAN.baris_header}")
    isi.pasca.append(("header", lok, (asli, "Kode R.O")))
    return _Temuan("header-diganti", lok,
                   f"Header '{asli}' di sheet {ANGGARAN.sheet} diganti 'Kode R.O'.")


def _sheet_hilang(isi, rng):
    lok = Lokasi(PEMBILANG.sheet)
    isi.pasca.append(("hapus", lok, None))
    return _Temuan("sheet-hilang", lok, "Sheet Pembilang (beserta tabelnya) dihapus.")


#: Urutan siklus: sheet berselang-seling agar kesalahan satu berkas jarang bertabrakan.
KATALOG_RUSAK = {
    "unit-tidak-dikenal": _unit_tidak_dikenal,
    "kumulatif-turun": _kumulatif_turun,
    "pagu-terhitung-ganda": _pagu_ganda,
    "realisasi-kosong": _realisasi_kosong,
    "kode-ganda": _kode_ganda,
    "rumus-ditimpa": _rumus_ditimpa,
    "angka-ambigu": _angka_ambigu,
    "tetap-bervariasi": _tetap_bervariasi,
    "pembilang-tidak-cocok": _pembilang_tidak_cocok,
    "periode-tidak-sah": _periode_tidak_sah,
    "wajib-kosong": _wajib_kosong,
    "kontribusi-lebih-pagu": _kontribusi_lebih,
    "galat-excel": _galat_excel,
    "realisasi-setelah-periode": _realisasi_setelah_periode,
    "header-diganti": _header_diganti,
    "kode-tidak-di-pk": _kode_tidak_di_pk,
    "akhir-tahun-sebelum-b12": _akhir_tahun_b06,
    "angka-negatif": _angka_negatif,
    "tahun-tidak-wajar": _tahun_tidak_wajar,
    "di-luar-pilihan": _di_luar_pilihan,
    "b12-seperti-jumlah": _b12_seperti_jumlah,
    "realisasi-tidak-wajar": _realisasi_tidak_wajar,
    "baris-anggaran-ganda": _baris_ganda,
    "sheet-hilang": _sheet_hilang,
    "angka-sebagai-teks": _angka_sebagai_teks,
    "kode-indikator-tidak-sah": _kode_tidak_sah,
    "realisasi-anggaran-lebih": _realisasi_anggaran_lebih,
    "versi-format": _versi_format,
    "kumulatif-b12-beda-target": _kumulatif_b12,
    "pk-tidak-di-rapk": _pk_tidak_di_rapk,
    "kode-ro-tidak-sah": _kode_ro,
    "bukan-angka": _bukan_angka,
    "anggaran-beda-kontribusi": _anggaran_beda,
}
#: Kesalahan yang selalu sendirian di berkasnya (validator boleh berhenti di sana).
SENDIRI = {"versi-format"}
_ANGGARAN = {"angka-ambigu", "angka-negatif", "baris-anggaran-ganda", "kode-ro-tidak-sah",
             "kontribusi-lebih-pagu", "pagu-terhitung-ganda", "realisasi-anggaran-lebih",
             "anggaran-beda-kontribusi"}
#: Pasangan yang tidak boleh satu berkas: yang satu menyembunyikan yang lain.
BENTROK = {
    "header-diganti": _ANGGARAN,
    "sheet-hilang": {"pembilang-tidak-cocok"},
    "periode-tidak-sah": {"realisasi-kosong", "realisasi-setelah-periode",
                          "akhir-tahun-sebelum-b12"},
}


def _bentrok(a: str, b: str) -> bool:
    return b in BENTROK.get(a, ()) or a in BENTROK.get(b, ())


def rusakkan(isi: Isi, antrian: list[str], jumlah: int, rng: random.Random
             ) -> tuple[Isi, list[_Temuan], list[str]]:
    """Terapkan sampai ``jumlah`` kesalahan, diambil berurutan dari ``antrian``.

    Jenis yang tidak dapat diterapkan (tidak ada sasaran yang cocok, bentrok dengan kesalahan
    lain di berkas ini) dilewati dan tetap di depan antrian untuk berkas berikutnya; jenis yang
    terpakai pindah ke belakang. Mengembalikan isi baru, temuan, dan antrian baru.
    """
    temuan: list[_Temuan] = []
    dipakai: list[str] = []
    for jenis in antrian:
        if len(dipakai) >= jumlah or (dipakai and dipakai[0] in SENDIRI):
            break
        if (dipakai and jenis in SENDIRI) or any(_bentrok(jenis, d) for d in dipakai):
            continue
        coba = copy.deepcopy(isi)
        try:
            t = KATALOG_RUSAK[jenis](coba, rng)
        except TidakBisa:
            continue
        isi = coba
        temuan.extend(t if isinstance(t, list) else [t])  # satu suntikan bisa beberapa sel
        dipakai.append(jenis)
    return isi, temuan, [j for j in antrian if j not in dipakai] + dipakai


def lokasi_akhir(isi: Isi, lok: Lokasi) -> str | None:
    """Alamat sel lokasi pada isi akhir (setelah baris disisipkan atau dihapus)."""
    if lok.tabel is None:
        return lok.sel
    spec = tabel_dari_kunci(lok.tabel)
    posisi = {b["_id"]: i for i, b in enumerate(isi.tabel[lok.tabel])}
    i = min(posisi[x] for x in lok.baris)
    return f"{huruf(spec.posisi(lok.kolom))}{spec.baris_header + 1 + i}"


def terapkan_pasca(path: str | Path, aksi: list[tuple[str, str, str | None, object]]) -> None:
    """Kesalahan struktur pada berkas yang sudah ditulis: ``(aksi, sheet, sel, nilai)``."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    for jenis, sheet, sel, nilai in aksi:
        if jenis == "hapus":
            del wb[sheet]
            continue
        ws = wb[sheet]
        if jenis == "header":  # Excel juga mengganti nama kolom tabel bila header diubah
            asli, nilai = nilai
            for t in ws.tables.values():
                for k in t.tableColumns:
                    if k.name == asli:
                        k.name = nilai
        ws[sel] = nilai  # "#DIV/0!" menjadi sel bertipe galat, angka menimpa rumus
    wb.save(path)
