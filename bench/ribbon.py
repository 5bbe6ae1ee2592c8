"""Berapa lama satu klik tombol RAPK dan satu fungsi Excel: start Python + impor, dan klik
berikutnya dalam proses yang tetap hidup (Use UDF Server / server COM xlwings).

    .venv/bin/python bench/ribbon.py [--ulang 5]

Yang diukur (di Linux, tanpa Excel: workbook dibaca lewat mesin remote xlwings, model objek
yang sama dengan yang dipakai tes tombol):

- perintah dingin seperti RunPython tanpa UDF server: proses Python baru, ``import
  xlwings.utils`` (baris pertama perintah RunPython), impor rapk_xl.ribbon, validasi;
- hanya start + impor (tanpa kerja), dan impor terbesar menurut ``python -X importtime``;
- klik berikutnya dalam proses yang sama (UDF server): validasi saja;
- fungsi Excel: impor rapk_xl.udfs (sekali per server) dan CAPAIAN atas 300 sel.

Ini pengukuran, bukan tes. Hasil dicetak sebagai tabel markdown untuk docs/performance.md.
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(AKAR / "tests"))
sys.path.insert(0, str(AKAR / "bench"))
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

from run import ringkas, waktu  # noqa: E402 — satu cara mengukur untuk semua bench

KLIK_DINGIN = """
import sys, time
t = time.perf_counter()
import xlwings.utils
sys.path.insert(0, {tes!r})
from xlwings_buku import buku
import rapk_xl.ribbon
rapk_xl.ribbon.validasi_book(buku(__import__('pathlib').Path({berkas!r})))
"""


def _proses(kode: str) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-B", "-c", kode], check=True, capture_output=True)
    return time.perf_counter() - t


def _impor_terbesar(modul: str, n: int = 6) -> list[tuple[str, float]]:
    r = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {modul}"],
                       capture_output=True, text=True, check=True)
    puncak = []
    for baris in r.stderr.splitlines():
        if not baris.startswith("import time:") or "|" not in baris:
            continue
        _, kumulatif, nama = (x.strip() for x in baris.removeprefix("import time:").split("|"))
        if not kumulatif.isdigit():
            continue
        if not nama.startswith(" ") and "." not in nama.strip():
            puncak.append((nama.strip(), int(kumulatif) / 1e6))
    return sorted(puncak, key=lambda x: -x[1])[:n]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ulang", type=int, default=5)
    a = ap.parse_args()

    from besar import data_besar
    from xlwings_buku import buku

    import rapk_xl.ribbon
    from rapk_xl.io.writer import tulis_workbook

    with tempfile.TemporaryDirectory() as d:
        berkas = tulis_workbook(data_besar(60), Path(d) / "besar.xlsx")
        dingin = [_proses(KLIK_DINGIN.format(tes=str(AKAR / "tests"), berkas=str(berkas)))
                  for _ in range(a.ulang)]
        impor = [_proses("import xlwings.utils, rapk_xl.ribbon") for _ in range(a.ulang)]
        start = [_proses("pass") for _ in range(a.ulang)]
        impor_udf = [_proses("import xlwings, rapk_xl.udfs") for _ in range(a.ulang)]
        rapk_xl.ribbon.validasi_book(buku(berkas))  # pemanasan: impor dan cache
        hangat = waktu(lambda: rapk_xl.ribbon.validasi_book(buku(berkas)), a.ulang)
        from rapk_xl.udfs import CAPAIAN
        real = [[float(i % 97) + 1] for i in range(300)]
        target = [[90.0]] * 300
        udf = waktu(lambda: CAPAIAN(real, target), a.ulang * 4)

    print(f"Mesin: {platform.machine()}, {os.cpu_count()} inti, Python "
          f"{platform.python_version()}, {platform.system()}; median (tercepat) dari {a.ulang}")
    print()
    print("| pengukuran | detik: median (tercepat) |")
    print("|---|---:|")
    print(f"| start Python saja (`python -c pass`) | {ringkas(start)} |")
    print(f"| start + impor jalur Validasi (`xlwings.utils`, `rapk_xl.ribbon`) | {ringkas(impor)} |")
    print(f"| klik Validasi dingin: proses baru + impor + validasi 300 indikator | {ringkas(dingin)} |")
    print(f"| klik Validasi berikutnya, proses tetap hidup (UDF server): validasi saja | {ringkas(hangat)} |")
    print(f"| server UDF baru: start + impor `rapk_xl.udfs` | {ringkas(impor_udf)} |")
    print(f"| `CAPAIAN` atas range 300 sel, server hangat | "
          f"{statistics.median(udf):.4f} ({min(udf):.4f}) |")
    print()
    print("Impor terbesar (kumulatif, `python -X importtime -c 'import rapk_xl.ribbon, "
          "rapk_xl.validate.validator'`):")
    for nama, dtk in _impor_terbesar("rapk_xl.ribbon, rapk_xl.validate.validator"):
        print(f"- `{nama}`: {dtk:.3f} s")


if __name__ == "__main__":
    main()
