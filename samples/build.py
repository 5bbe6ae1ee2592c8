"""Bangun ulang samples/*.xlsx dari transkripsi CSV di samples/data/.

    .venv/bin/python samples/build.py

Setiap angka di workbook berasal dari CSV di samples/data/<id>/, yang dapat dicocokkan baris
demi baris dengan dokumen sumber (lihat CATATAN.md di tiap folder). tests/test_samples.py
memastikan workbook di sini selaras dengan CSV-nya.
"""
from pathlib import Path

from rapk_xl.samples.seed import bangun_sampel

if __name__ == "__main__":
    for p in bangun_sampel(Path(__file__).resolve().parent):
        print(p)
