"""Temuan pemeriksaan dan register aturannya: satu jenis temuan untuk seluruh rapk-xl.

Setiap aturan didaftarkan sekali dengan id stabil, tingkat (``error`` menghalangi konsolidasi,
``warning`` tidak), kelompok, uraian singkat dan templat pesannya — di modul yang
mendeteksinya: pembaca berkas (:mod:`rapk_xl.io.aturan`), validator
(:mod:`rapk_xl.validate`). Katalog, dokumentasi (``docs/validasi.md``) dan urutan laporan
dibangkitkan dari register ini. Id tidak pernah diubah artinya: laporan JSON, riwayat,
manifest generator sampel dan dokumentasi memakainya.

Modul ini murni (tanpa I/O) dan berada di lapisan bawah agar pembaca berkas pun dapat
membuat temuan.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable

__all__ = ["ERROR", "WARNING", "KELOMPOK", "Aturan", "ATURAN", "daftarkan", "aturan",
           "Temuan", "temuan", "urut_katalog"]

ERROR = "error"
WARNING = "warning"
#: kelompok aturan, dalam urutan laporan
KELOMPOK = ("berkas", "struktur", "identitas", "sel", "kunci", "target", "anggaran",
            "realisasi", "rumus", "lain")


@dataclass(frozen=True)
class Aturan:
    id: str
    tingkat: str
    kelompok: str
    uraian: str  #: satu kalimat untuk katalog dan dokumentasi
    pesan: str  #: templat pesan (``str.format``), mis. "Kode Indikator {kode} ganda ..."
    fungsi: Callable | None = None  #: pemeriksaan; None bila dideteksi pembaca berkas
    perlu: frozenset[str] = frozenset()  #: tabel yang harus terbaca agar aturan bermakna
    lingkup: str = "pembaca"  #: "pembaca", "workbook" (satu bacaan), "tumpukan" (semua berkas)
    urutan: int = 0

    def pesan_untuk(self, **isi) -> str:
        return self.pesan.format(**isi)


#: register: id → aturan (urut pendaftaran; :func:`urut_katalog` untuk urutan laporan)
ATURAN: dict[str, Aturan] = {}


def _tanda(a: Aturan) -> tuple:
    return a.uraian, getattr(a.fungsi, "__qualname__", None)


def daftarkan(id_: str, tingkat: str, kelompok: str, uraian: str, pesan: str = "{pesan}", *,
              fungsi: Callable | None = None, perlu=(), lingkup: str = "pembaca") -> Aturan:
    """Daftarkan satu aturan (sekali per id, saat modulnya diimpor)."""
    assert tingkat in (ERROR, WARNING), tingkat
    assert kelompok in KELOMPOK, kelompok
    a = Aturan(id_, tingkat, kelompok, uraian, pesan, fungsi, frozenset(perlu), lingkup,
               len(ATURAN))
    lama = ATURAN.get(id_)
    if lama is not None:
        if _tanda(lama) != _tanda(a):
            raise ValueError(f"aturan {id_!r} didaftarkan dua kali")
        a = replace(a, urutan=lama.urutan)
    ATURAN[id_] = a
    return a


def urut_katalog() -> list[Aturan]:
    """Semua aturan terdaftar, urut kelompok lalu urutan pendaftaran (urutan laporan)."""
    return sorted(ATURAN.values(), key=lambda x: (KELOMPOK.index(x.kelompok), x.urutan))


def aturan(id_: str, tingkat: str, kelompok: str, uraian: str, pesan: str, *, perlu=(),
           lingkup: str = "tumpukan"):
    """Dekorator: fungsi pemeriksaan untuk satu aturan. Lihat :mod:`rapk_xl.validate`."""
    def daftar(f):
        daftarkan(id_, tingkat, kelompok, uraian, pesan, fungsi=f, perlu=perlu, lingkup=lingkup)
        return f
    return daftar


@dataclass(frozen=True)
class Temuan:
    rule: str
    sheet: str | None
    cell: str | None  # "F12", "12:12" (baris), atau None (seluruh sheet/berkas)
    message: str
    severity: str = field(default="")

    def __post_init__(self):
        if not self.severity:
            object.__setattr__(self, "severity", ATURAN[self.rule].tingkat)

    @property
    def tempat(self) -> str:
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet or ""

    @property
    def parah(self) -> bool:
        """Kesalahan (bukan peringatan)."""
        return self.severity == ERROR

    def ke_dict(self) -> dict:
        return {"severity": self.severity, "rule": self.rule, "sheet": self.sheet,
                "cell": self.cell, "message": self.message}


def temuan(rule: str, sheet: str | None, cell: str | None, /, **isi) -> Temuan:
    """Temuan aturan ``rule`` dengan pesan dari templatnya (``isi`` mengisi tempatnya)."""
    return Temuan(rule, sheet, cell, ATURAN[rule].pesan_untuk(**isi))
