"""Temuan validasi dan laporan per berkas."""
from __future__ import annotations

from dataclasses import dataclass, field

from .katalog import ERROR, KATALOG, WARNING

__all__ = ["Temuan", "HasilBerkas", "Laporan"]


@dataclass(frozen=True)
class Temuan:
    rule: str
    sheet: str | None
    cell: str | None  # "F12", "12:12" (baris), atau None (seluruh sheet/berkas)
    message: str
    severity: str = ""

    def __post_init__(self):
        if not self.severity:
            object.__setattr__(self, "severity", KATALOG[self.rule].tingkat)

    @property
    def tempat(self) -> str:
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet or ""

    def ke_dict(self) -> dict:
        return {"severity": self.severity, "rule": self.rule, "sheet": self.sheet,
                "cell": self.cell, "message": self.message}


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
