"""Pengukuran kecepatan rapk-xl, berdampingan dengan pendekatan yang jelas (bench/naif.py, dua
cara baca).

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


_UKUR = """
import resource, sys, time
t = time.perf_counter()
from rapk_xl.consolidate.konsolidasi import konsolidasi
h = konsolidasi(sys.argv[2:], sys.argv[1], jobs=2)
d = time.perf_counter() - t
diri = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
anak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(d, diri, anak, len(h.diterima), len(h.ditolak))
"""


def hapus_keluaran(keluaran: Path) -> None:
    """Buang buku nasional dan riwayatnya: run berikutnya mulai dari riwayat kosong."""
    for p in (keluaran, keluaran.with_name(keluaran.stem + ".riwayat.sqlite")):
        for q in (p, Path(f"{p}-wal"), Path(f"{p}-shm")):
            q.unlink(missing_ok=True)


def konsolidasi_dingin(berkas: list[Path], keluaran: Path) -> tuple[float, float, float]:
    """Satu run konsolidasi dari riwayat kosong di proses baru: (detik, MB proses utama,
    MB proses baca terbesar). Diukur di dalam proses (tanpa start Python)."""
    hapus_keluaran(keluaran)
    r = subprocess.run([sys.executable, "-c", _UKUR, str(keluaran), *map(str, berkas)],
                       capture_output=True, text=True, check=True)
    d, diri, anak, *_ = r.stdout.split()
    return float(d), int(diri) / 1024, int(anak) / 1024


def skala(ukuran: list[int]) -> None:
    """Konsolidasi 250…2000 kiriman (20 tahun × 103 unit, satu periode): waktu dan memori."""
    from rapk_xl.samples.synthetic import buat_sampel

    folder = HASIL / "kiriman_2000"
    if not (folder / "manifest.json").exists():
        print("Membuat 2.000 kiriman sintetis (sekali saja, beberapa menit)...", file=sys.stderr)
        buat_sampel(folder, units=max(ukuran), seed=2024, rusak=max(ukuran) // 20, jobs=2)
    semua = sorted(folder.glob("*.xlsx"))
    print("| kiriman | detik | ms per kiriman | memori proses utama, MB | proses baca terbesar, MB |")
    print("|---:|---:|---:|---:|---:|")
    for n in ukuran:
        d, diri, anak = konsolidasi_dingin(semua[:n], HASIL / f"nasional_{n}.xlsx")
        print(f"| {n} | {d:.2f} | {d / n * 1000:.1f} | {diri:.0f} | {anak:.0f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ulang", type=int, default=5, help="pengulangan per ukuran (median)")
    ap.add_argument("--units", type=int, default=103)
    ap.add_argument("--skala", action="store_true",
                    help="juga konsolidasi 250-2.000 kiriman (membuat datanya: beberapa menit)")
    args = ap.parse_args()
    import naif
    from rapk_xl.validate.validator import validasi

    besar, folder = siapkan(args.units)
    berkas = sorted(folder.glob("*.xlsx"))
    rapk = str(BIN / "rapk-xl")
    baris = []
    validasi([besar], jobs=1)  # hangatkan impor dan cache
    naif.validasi(besar)

    def jelas(f) -> tuple[list[float], list[float]]:
        """Pendekatan jelas dengan kedua cara baca: (sekali per workbook, sekali per sheet)."""
        return f(naif.baca), f(naif.baca_per_sheet)

    a = waktu(lambda: validasi([besar], jobs=1), args.ulang)
    b = jelas(lambda baca: waktu(lambda: naif.validasi(besar, baca), args.ulang))
    baris.append(("1 workbook, 300 indikator, proses hangat", a, b))
    a = [perintah(rapk, "validasi", str(besar)) for _ in range(args.ulang)]

    def dingin_naif(baca) -> list[float]:
        kode = (f"import sys; sys.path.insert(0, {str(AKAR / 'bench')!r}); import naif, pathlib; "
                f"naif.validasi(pathlib.Path({str(besar)!r}), naif.{baca.__name__})")
        return [perintah(sys.executable, "-c", kode) for _ in range(args.ulang)]

    baris.append(("1 workbook, 300 indikator, perintah dingin (start Python + impor)", a,
                  jelas(dingin_naif)))
    ulang = max(1, args.ulang // 2)
    a = [perintah(rapk, "validasi", str(folder)) for _ in range(ulang)]
    b = jelas(lambda baca: waktu(lambda: [naif.validasi(p, baca) for p in berkas], 1))
    baris.append((f"{len(berkas)} kiriman sintetis, `rapk-xl validasi DIR`", a, b))
    keluar = HASIL / "nasional.xlsx"

    def dingin():
        hapus_keluaran(keluar)
        return perintah(rapk, "konsolidasi", str(folder), "-o", str(keluar))

    a = [dingin() for _ in range(ulang)]
    b = jelas(lambda baca: waktu(lambda: naif.konsolidasi(berkas, HASIL / "naif.xlsx", baca), 1))
    baris.append((f"{len(berkas)} kiriman → buku nasional, `rapk-xl konsolidasi` dari riwayat "
                  "kosong", a, b))
    a = [perintah(rapk, "konsolidasi", str(folder), "-o", str(keluar)) for _ in range(ulang)]
    baris.append(("run ulang, semua kiriman sudah tercatat (buku tidak berubah)", a, b))

    print(f"Mesin: {platform.processor() or platform.machine()}, {os.cpu_count()} inti, "
          f"Python {platform.python_version()}, {platform.system()}")
    print()
    print("| pengukuran | rapk-xl: median (tercepat), s | jelas, baca sekali per workbook, s "
          "| rasio | jelas, baca per sheet, s | rasio |")
    print("|---|---:|---:|---:|---:|---:|")
    for nama, a, (b1, b2) in baris:
        m = statistics.median(a)
        print(f"| {nama} | {ringkas(a)} | {ringkas(b1)} | {statistics.median(b1) / m:.1f}× "
              f"| {ringkas(b2)} | {statistics.median(b2) / m:.1f}× |")
    if args.skala:
        print()
        skala([250, 500, 1000, 2000])


if __name__ == "__main__":
    main()
