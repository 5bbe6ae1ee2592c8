"""Daftar unit kerja BPOM (103 unit + BPOM sendiri) dan pencarian nama.

Nama unit ditulis dengan banyak cara: "Balai POM di Jember", "BALAI POM DI JEMBER" dan
"BALAI PENGAWAS OBAT DAN MAKANAN DI JEMBER" adalah unit yang sama; "BB POM" = Balai Besar
POM; daftar referensi sendiri memuat salah ketik ("STANDADISASI"). :func:`cari_unit`
menyamakan semua bentuk itu; :func:`saran_unit` memberi nama terdekat bila tak ada yang cocok.

Data: ``rapk_xl/data/unit_kerja.csv`` (dibangun oleh ``scripts/build_unit_kerja.py`` dari
daftar referensi 2024). Modul ini murni: hanya membaca data paketnya sendiri.
"""
from __future__ import annotations

import csv
import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["UnitKerja", "KELOMPOK", "daftar_unit", "cari_unit", "saran_unit", "kunci_nama",
           "temukan_unit", "pilih_unit", "UnitTakJelas"]

KELOMPOK = ("Pusat", "Balai", "Loka")


@dataclass(frozen=True, slots=True)
class UnitKerja:
    kode: str
    kelompok: str  # "Pusat", "Balai", "Loka", atau "BPOM" untuk tingkat badan
    nama: str  # nama baku
    nama_referensi: str  # nama di daftar referensi 2024
    pagu_2024: float | None = None
    pagu_setelah_aa_2024: float | None = None
    realisasi_sd_juni_2024: float | None = None


# Urutan penting: bentuk panjang diganti sebelum bentuk pendek.
_GANTI = [
    (r"\bBALAI BESAR PENGAWAS OBAT DAN MAKANAN\b", "BALAI BESAR POM"),
    (r"\bBALAI PENGAWAS OBAT DAN MAKANAN\b", "BALAI POM"),
    (r"\bLOKA PENGAWAS OBAT DAN MAKANAN\b", "LOKA POM"),
    (r"\bBADAN PENGAWAS OBAT DAN MAKANAN\b", "BPOM"),
    (r"^BADAN POM$", "BPOM"),
    (r"\bBB ?POM\b", "BALAI BESAR POM"),
    (r"\bBBPOM\b", "BALAI BESAR POM"),
    (r"\bB ?POM\b(?= \w)", "BALAI POM"),  # "BPOM di Jember" = Balai POM di Jember
    (r"\bDIT\b", "DIREKTORAT"),
    (r"\bDITJEN\b", "DIREKTORAT"),
    (r"\bSTANDA?R?DISASI\b", "STANDARDISASI"),
    (r"\bKAB\b", "KABUPATEN"),
]
_BUANG = {"DI", "KABUPATEN", "KOTA", "DAN", "SERTA"}
_JENIS = ("BALAI BESAR POM ", "BALAI POM ", "LOKA POM ")


def _bentuk(nama: str) -> str:
    s = re.sub(r"[^0-9A-Z ]+", " ", str(nama).upper())
    s = " ".join(s.split())
    for pola, ganti in _GANTI:
        s = re.sub(pola, ganti, s)
    return " ".join(w for w in s.split() if w not in _BUANG)


def kunci_nama(nama: str) -> str:
    """Kunci pembanding nama unit: huruf besar, tanpa tanda baca, kata sambung dan spasi.

    >>> kunci_nama("Balai POM di Jember") == kunci_nama("BALAI PENGAWAS OBAT DAN MAKANAN DI JEMBER")
    True
    """
    return _bentuk(nama).replace(" ", "")


def _tempat(nama: str) -> str:
    s = _bentuk(nama) + " "
    for j in _JENIS:
        if s.startswith(j):
            return s[len(j):].replace(" ", "")
    return ""


def _angka(s: str) -> float | None:
    return float(s) if s else None


@lru_cache(maxsize=1)
def daftar_unit() -> tuple[UnitKerja, ...]:
    """Semua unit: BPOM (tingkat badan) lalu 103 unit kerja, urut seperti referensi."""
    teks = resources.files("rapk_xl").joinpath("data/unit_kerja.csv").read_text("utf-8")
    return tuple(
        UnitKerja(r["kode"], r["kelompok"], r["nama"], r["nama_referensi"],
                  _angka(r["pagu_2024"]), _angka(r["pagu_setelah_aa_2024"]),
                  _angka(r["realisasi_sd_juni_2024"]))
        for r in csv.DictReader(teks.splitlines())
    )


@lru_cache(maxsize=1)
def _indeks() -> dict[str, UnitKerja]:
    idx: dict[str, UnitKerja] = {}
    for u in daftar_unit():
        for n in (u.nama, u.nama_referensi, u.kode):
            idx.setdefault(kunci_nama(n), u)
    return idx


def cari_unit(nama: object) -> UnitKerja | None:
    """Unit yang namanya sama dengan ``nama`` (ejaan, huruf besar dan singkatan bebas)."""
    if nama is None or not str(nama).strip():
        return None
    return _indeks().get(kunci_nama(str(nama)))


def saran_unit(nama: object, n: int = 3) -> list[UnitKerja]:
    """Sampai ``n`` unit dengan nama paling mirip, untuk pesan "maksud Anda ...?"."""
    teks = "" if nama is None else str(nama)
    if not teks.strip():
        return []
    hasil: list[UnitKerja] = []
    tempat = _tempat(teks)
    if tempat:  # jenis salah, tempat benar: "Balai POM di Surabaya" -> Balai Besar POM di Surabaya
        hasil += [u for u in daftar_unit() if _tempat(u.nama) == tempat]
    kunci = {kunci_nama(u.nama): u for u in daftar_unit()}
    for k in difflib.get_close_matches(kunci_nama(teks), list(kunci), n=n, cutoff=0.6):
        if kunci[k] not in hasil:
            hasil.append(kunci[k])
    return hasil[:n]


def temukan_unit(teks: str) -> list[UnitKerja]:
    """Pencarian bebas untuk ``rapk-xl unit CARI``: cocok persis, lalu memuat teks, lalu mirip."""
    persis = cari_unit(teks)
    if persis:
        return [persis]
    k = kunci_nama(teks)
    if k:
        memuat = [u for u in daftar_unit()
                  if k in kunci_nama(u.nama) or k in kunci_nama(u.nama_referensi)]
        if memuat:
            return memuat
    return saran_unit(teks, n=5)


class UnitTakJelas(ValueError):
    """Teks unit yang tidak menunjuk tepat satu unit; ``calon`` berisi unit yang mirip atau
    cocok (bisa kosong) dan pesannya siap ditampilkan ke pengguna."""

    def __init__(self, teks: str, calon: list[UnitKerja], banyak: bool):
        self.teks = teks
        self.calon = calon
        self.banyak = banyak
        nama = "; ".join(u.nama for u in calon[:5])
        lagi = f"; dan {len(calon) - 5} lainnya" if len(calon) > 5 else ""
        if banyak:
            pesan = (f"unit '{teks}' cocok dengan beberapa unit kerja ({len(calon)} unit: "
                     f"{nama}{lagi}). Tulis nama unit lebih lengkap (lihat rapk-xl unit).")
        elif calon:
            pesan = (f"unit '{teks}' tidak ada di daftar unit kerja. Mungkin maksud Anda: {nama}. "
                     "Daftar lengkap: rapk-xl unit.")
        else:
            pesan = (f"unit '{teks}' tidak ada di daftar unit kerja dan tidak ada nama yang mirip. "
                     "Daftar lengkap: rapk-xl unit.")
        super().__init__(pesan)


def pilih_unit(teks: str) -> UnitKerja:
    """Satu unit dari teks bebas yang diketik pengguna (opsi ``--unit``): nama persis dalam
    ejaan apa pun (:func:`cari_unit`), atau satu-satunya unit yang namanya memuat teks itu
    ("jember" → Balai POM di Jember). Selain itu lempar :class:`UnitTakJelas` dengan
    calon-calonnya (semua yang cocok, atau nama terdekat)."""
    u = cari_unit(teks)
    if u is not None:
        return u
    k = kunci_nama(teks)
    cocok = [x for x in daftar_unit()
             if k and (k in kunci_nama(x.nama) or k in kunci_nama(x.nama_referensi))]
    if len(cocok) == 1:
        return cocok[0]
    if cocok:
        raise UnitTakJelas(teks, cocok, banyak=True)
    saran = saran_unit(teks, n=5)
    # salah ketik nama tempat saja ("jembr"): bandingkan dengan nama tempat setiap unit
    tempat: dict[str, list[UnitKerja]] = {}
    for x in daftar_unit():
        if _tempat(x.nama):
            tempat.setdefault(_tempat(x.nama), []).append(x)
    for t in difflib.get_close_matches(k, list(tempat), n=3, cutoff=0.75):
        saran = [*[x for x in tempat[t] if x not in saran], *saran]
    raise UnitTakJelas(teks, saran[:5], banyak=False)
