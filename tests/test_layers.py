"""Lapisan: hitung (murni) -> format -> baca/tulis -> validasi/konsolidasi -> antarmuka.

Lapisan bawah tidak pernah mengimpor lapisan atas; lapisan hitung tidak melakukan I/O.
"""
import ast
from pathlib import Path

import pytest

PAKET = Path(__file__).resolve().parents[1] / "src/rapk_xl"

# Lapisan per modul/paket (nama relatif terhadap rapk_xl). Yang tidak terdaftar gagal tes.
LAPISAN = {
    "calc": 0, "reference": 0,
    "format": 1, "temuan": 1,
    "io": 2,
    "validate": 3, "consolidate": 3, "samples": 3,
    "demo": 4, "cli": 4, "udfs": 4, "addin": 4, "ribbon": 4, "__init__": 4, "__main__": 4,
}
IO_TERLARANG = {"open", "openpyxl", "python_calamine", "xlwings", "sqlite3", "subprocess"}


def _modul():
    for p in sorted(PAKET.rglob("*.py")):
        rel = p.relative_to(PAKET)
        yield rel.parts[0].removesuffix(".py"), p


def _impor(path: Path):
    pohon = ast.parse(path.read_text(encoding="utf-8"))
    paket = path.relative_to(PAKET.parent).with_suffix("").parts[:-1]
    for node in ast.walk(pohon):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                dasar = list(paket[: len(paket) - node.level + 1])
                nama = ".".join(dasar + ([node.module] if node.module else []))
            else:
                nama = node.module or ""
            yield nama, [a.name for a in node.names]
        elif isinstance(node, ast.Import):
            for a in node.names:
                yield a.name, []


@pytest.mark.parametrize("atas, path", list(_modul()), ids=lambda v: str(v))
def test_lapisan_bawah_tidak_mengimpor_atas(atas, path):
    assert atas in LAPISAN, f"{path}: modul baru harus diberi lapisan di test_layers.py"
    for nama, sub in _impor(path):
        if not nama.startswith("rapk_xl"):
            continue
        bagian = nama.split(".")
        target = bagian[1] if len(bagian) > 1 else (sub[0] if sub else "__init__")
        if target == "__init__" or target not in LAPISAN:
            continue
        assert LAPISAN[target] <= LAPISAN[atas], f"{path} mengimpor {nama} (lapisan lebih atas)"


def test_lapisan_hitung_murni():
    for p in (PAKET / "calc").rglob("*.py"):
        for nama, _ in _impor(p):
            assert nama.split(".")[0] not in IO_TERLARANG, f"{p}: I/O di lapisan hitung ({nama})"
        assert "open(" not in p.read_text(encoding="utf-8")
