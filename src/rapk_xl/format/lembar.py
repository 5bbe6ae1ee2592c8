"""Deskripsi sheet keluaran rapk-xl (yang ditulis, bukan diisi): kolom, format, lebar, cetak.

Dipakai sheet Capaian template (:mod:`rapk_xl.format.capaian`), laporan validasi
(:mod:`rapk_xl.format.laporan`) dan buku nasional (:mod:`rapk_xl.format.nasional`). Seperti
format isian, setiap kolom punya id bidang (kunci DataFrame) dan teks header (hanya di sini).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

__all__ = ["KolomLembar", "Lembar", "Blok"]


@dataclass(frozen=True)
class KolomLembar:
    id: str  #: id bidang (kolom DataFrame)
    nama: str  #: teks header
    lebar: float = 12
    format_angka: str | None = None
    #: pewarnaan bersyarat: "kriteria" (label kriteria), "status" (diterima/ditolak/...) atau
    #: "progres" (batang data 0-100: kemajuan menuju target tahunan)
    warna: str | None = None
    bungkus: bool = False  #: teks panjang dibungkus (tinggi baris mengikuti)

    def __post_init__(self):
        assert self.id.isidentifier() and self.id == self.id.lower(), self.id
        assert self.warna in (None, "kriteria", "status", "progres"), self.warna


class _Berkolom:
    kolom: tuple[KolomLembar, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(k.id for k in self.kolom)

    @property
    def header(self) -> tuple[str, ...]:
        return tuple(k.nama for k in self.kolom)

    @cached_property
    def _per_id(self) -> dict[str, KolomLembar]:
        return {k.id: k for k in self.kolom}

    def kolom_id(self, id_: str) -> KolomLembar:
        return self._per_id[id_]

    def nama_kolom(self, id_: str) -> str:
        return self._per_id[id_].nama

    def posisi(self, id_: str) -> int:
        """Nomor kolom (1 = A) relatif terhadap kolom pertama lembar/blok."""
        return self.ids.index(id_) + 1


@dataclass(frozen=True)
class Lembar(_Berkolom):
    """Satu sheet tabel: baris 1 judul, baris 2 keterangan, header di ``baris_header``."""

    id: str  #: id lembar ("ringkasan")
    nama: str  #: nama sheet ("Ringkasan")
    keterangan: str  #: baris 2; ``{judul}`` diganti "tahun 2024, periode 6 (Juni)"
    kolom: tuple[KolomLembar, ...]
    baris_header: int = 4
    kolom_beku: int = 1  #: kolom yang dibekukan di kiri
    tabel: str | None = None  #: nama tabel Excel (filter, PivotTable), bila ada
    lanskap: bool = True

    def __post_init__(self):
        assert len(set(self.ids)) == len(self.ids), f"id ganda di lembar {self.id}"


@dataclass(frozen=True)
class Blok(_Berkolom):
    """Satu blok kolom di sheet yang memuat beberapa tabel (sheet Capaian template)."""

    id: str
    judul: str  #: judul di atas header blok
    kolom: tuple[KolomLembar, ...]
    kolom_awal: int  #: nomor kolom sheet (1 = A) kolom pertama blok
    baris_header: int

    def __post_init__(self):
        assert len(set(self.ids)) == len(self.ids), f"id ganda di blok {self.id}"

    def kolom_sheet(self, id_: str) -> int:
        """Nomor kolom sheet (1 = A) kolom ``id_``."""
        return self.kolom_awal + self.posisi(id_) - 1
