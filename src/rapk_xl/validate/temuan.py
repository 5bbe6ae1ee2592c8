"""Hasil validasi per berkas dan laporan semua berkas (temuannya: :class:`rapk_xl.temuan.Temuan`)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..temuan import ERROR, WARNING, Temuan
from .katalog import KATALOG

__all__ = ["Temuan", "HasilBerkas", "Laporan"]


#: urutan katalog = urutan kelompok pemeriksaan
_POSISI = {id_: i for i, id_ in enumerate(KATALOG)}


def _kunci_urut(t: Temuan):
    baris = 0
    if t.cell:
        angka = "".join(ch for ch in t.cell.split(":")[0] if ch.isdigit())
        baris = int(angka) if angka else 0
    return (0 if t.severity == ERROR else 1, _POSISI.get(t.rule, 999), t.sheet or "", baris,
            t.cell or "")


@dataclass
class HasilBerkas:
    file: str
    unit: str | None = None
    tahun: int | None = None
    periode: int | None = None
    findings: list[Temuan] = field(default_factory=list)
    catatan: str | None = None  # mis. "berkas kunci Excel dilewati"
    dilewati: bool = False

    @property
    def errors(self) -> list[Temuan]:
        return [t for t in self.findings if t.severity == ERROR]

    @property
    def warnings(self) -> list[Temuan]:
        return [t for t in self.findings if t.severity == WARNING]

    @property
    def valid(self) -> bool:
        return not self.dilewati and not self.errors

    def urutkan(self) -> None:
        self.findings.sort(key=_kunci_urut)

    def ke_dict(self) -> dict:
        d = {"file": self.file, "unit": self.unit, "tahun": self.tahun, "periode": self.periode,
             "valid": self.valid, "findings": [t.ke_dict() for t in self.findings]}
        if self.catatan:
            d["note"] = self.catatan
        if self.dilewati:
            d["skipped"] = True
        return d


@dataclass
class Laporan:
    files: list[HasilBerkas] = field(default_factory=list)

    @property
    def jumlah_error(self) -> int:
        return sum(len(f.errors) for f in self.files)

    @property
    def jumlah_warning(self) -> int:
        return sum(len(f.warnings) for f in self.files)

    @property
    def ada_error(self) -> bool:
        return any(f.errors for f in self.files)

    def ke_dict(self) -> dict:
        return {"files": [f.ke_dict() for f in self.files]}
