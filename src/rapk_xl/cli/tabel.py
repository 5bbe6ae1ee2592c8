"""Tabel teks sederhana untuk terminal (tanpa dependensi tambahan)."""
from __future__ import annotations

import math
from typing import Iterable, Sequence

from ..calc import format_angka


def sel(v: object, desimal: int = 2) -> str:
    """Nilai untuk tabel: angka gaya Indonesia, kosong untuk None/NaN."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if isinstance(v, bool):
        return "Ya" if v else "Tidak"
    if isinstance(v, (int, float)):
        return format_angka(float(v), desimal)
    return str(v)


def tabel(kepala: Sequence[str], baris: Iterable[Sequence[object]], kanan: Sequence[int] = ()) -> str:
    """Susun tabel rata kolom; kolom bernomor di ``kanan`` rata kanan (angka)."""
    isi = [[sel(v) for v in b] for b in baris]
    lebar = [max([len(k)] + [len(b[i]) for b in isi]) for i, k in enumerate(kepala)]

    def garis(nilai: Sequence[str]) -> str:
        return "  ".join(v.rjust(lebar[i]) if i in kanan else v.ljust(lebar[i])
                         for i, v in enumerate(nilai)).rstrip()

    pemisah = "  ".join("-" * w for w in lebar)
    return "\n".join([garis(kepala), pemisah, *(garis(b) for b in isi)])
