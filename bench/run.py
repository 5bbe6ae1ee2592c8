"""Pengukuran kecepatan rapk-xl, berdampingan dengan pendekatan yang jelas (bench/naif.py).

    make bench            # atau: .venv/bin/python bench/run.py [--ulang 5]

Data dibuat ulang di bench/hasil/ (generator sampel, seed tetap). Hasil dicetak sebagai tabel
markdown untuk docs/performance.md. Ini pengukuran, bukan tes: angka bergantung pada mesin.
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(AKAR / "bench"))
HASIL = AKAR / "bench" / "hasil"
BIN = Path(sys.executable).parent


def waktu(f, ulang: int) -> list[float]:
    """Detik tiap pemanggilan (``ulang`` kali)."""
    hasil = []
    for _ in range(ulang):
        t = time.perf_counter()
        f()
        hasil.append(time.perf_counter() - t)
    return hasil


def perintah(*args: str) -> float:
    t = time.perf_counter()
    subprocess.run(args, capture_output=True, check=False)
    return time.perf_counter() - t


def ringkas(xs: list[float]) -> str:
    """median (tercepat): mesin virtual ini berbagi CPU, jadi sebaran bisa lebar."""
    return f"{statistics.median(xs):.3f} ({min(xs):.3f})"


def siapkan(units: int) -> tuple[Path, Path]:
    from besar import data_besar
    from rapk_xl.io.writer import tulis_workbook
    from rapk_xl.samples.synthetic import buat_sampel

    HASIL.mkdir(parents=True, exist_ok=True)
    besar = HASIL / "rapk_300_indikator.xlsx"
    if not besar.exists():
        tulis_workbook(data_besar(60), besar)
    folder = HASIL / f"kiriman_{units}"
    if not (folder / "manifest.json").exists():
        buat_sampel(folder, units=units, seed=2024, rusak=max(1, units // 10), jobs=2)
    return besar, folder


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ulang", type=int, default=5, help="pengulangan per ukuran (median)")
    ap.add_argument("--units", type=int, default=103)
    args = ap.parse_args()
    import naif
    from rapk_xl.validate.validator import validasi

    besar, folder = siapkan(args.units)
    berkas = sorted(folder.glob("*.xlsx"))
    rapk = str(BIN / "rapk-xl")
    baris = []
    validasi([besar], jobs=1)  # hangatkan impor dan cache
    naif.validasi(besar)
    a = waktu(lambda: validasi([besar], jobs=1), args.ulang)
    b = waktu(lambda: naif.validasi(besar), args.ulang)
    baris.append(("1 workbook, 300 indikator, proses hangat", a, b))
    a = [perintah(rapk, "validasi", str(besar)) for _ in range(args.ulang)]
    kode = (f"import sys; sys.path.insert(0, {str(AKAR / 'bench')!r}); import naif, pathlib; "
            f"naif.validasi(pathlib.Path({str(besar)!r}))")
    b = [perintah(sys.executable, "-c", kode) for _ in range(args.ulang)]
    baris.append(("1 workbook, 300 indikator, perintah dingin (start Python + impor)", a, b))
    ulang = max(1, args.ulang // 2)
    a = [perintah(rapk, "validasi", str(folder)) for _ in range(ulang)]
    b = waktu(lambda: [naif.validasi(p) for p in berkas], 1)
    baris.append((f"{len(berkas)} kiriman sintetis, `rapk-xl validasi DIR`", a, b))

    print(f"Mesin: {platform.processor() or platform.machine()}, {os.cpu_count()} inti, "
          f"Python {platform.python_version()}, {platform.system()}")
    print()
    print("| pengukuran | rapk-xl: median (tercepat), s | pendekatan jelas, s | rasio median |")
    print("|---|---:|---:|---:|")
    for nama, a, b in baris:
        print(f"| {nama} | {ringkas(a)} | {ringkas(b)} | "
              f"{statistics.median(b) / statistics.median(a):.1f}× |")


if __name__ == "__main__":
    main()
