"""Data RAPK sebagai CSV: satu berkas per tabel (``info.csv``, ``pk.csv``, ...).

Dipakai untuk transkripsi dokumen sumber di ``samples/data/`` agar setiap angka dapat
diperiksa terhadap dokumen. Konvensi:

- baris judul memakai id bidang spec (``kode_indikator``, ``b01``; ``info.csv``: kolom
  ``kunci,nilai`` dengan id kunci Info), sehingga berkas tidak bergantung pada teks header
  template; teks header (atau aliasnya) juga diterima saat dibaca;
- angka ditulis bentuk mesin (titik desimal, tanpa pemisah ribuan): ``62210400``, ``84.6``;
- sel yang harus tetap *teks* persis seperti diketik diberi awalan apostrof, seperti di Excel:
  ``'5.874.961,0``;
- kolom teks/kode (mis. ``Kode Indikator`` ``1.01``) tidak pernah diubah menjadi angka.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

from ..format import DataRAPK
from ..calc.parse import kunci_teks
from ..format.spec import KUNCI_INFO, TABEL_DATA, Tabel, info_dari_teks

__all__ = ["baca_csv", "tulis_csv"]

_ANGKA_MESIN = re.compile(r"^-?\d+(\.\d+)?$")
_JENIS_ANGKA = {"angka", "bulat", "nilai"}


def _nilai(teks: str, jenis: str) -> object:
    if teks == "":
        return None
    if teks.startswith("'"):
        return teks[1:]
    if jenis in _JENIS_ANGKA and _ANGKA_MESIN.match(teks):
        x = float(teks)
        return int(x) if jenis == "bulat" or (x.is_integer() and "." not in teks) else x
    return teks


def _baca_tabel(path: Path, t: Tabel) -> pd.DataFrame:
    with open(path, encoding="utf-8", newline="") as f:
        baris = list(csv.reader(f))
    if not baris:
        return pd.DataFrame(columns=list(t.ids))
    kepala = [h if h in t.semua_id else t.per_teks.get(kunci_teks(h), h) for h in baris[0]]
    isi = baris[1:]
    jenis = {k.id: k.jenis for k in t.kolom}
    data = {h: [_nilai(b[i] if i < len(b) else "", jenis.get(h, "nilai")) for b in isi]
            for i, h in enumerate(kepala)}
    return pd.DataFrame(data, columns=kepala).astype(object)


def baca_csv(folder: str | Path) -> DataRAPK:
    """Baca ``info.csv`` dan satu CSV per tabel dari ``folder``."""
    folder = Path(folder)
    jenis_info = {k.id: k.jenis for k in KUNCI_INFO}
    info: dict[str, object] = {}
    with open(folder / "info.csv", encoding="utf-8", newline="") as f:
        for r in csv.reader(f):
            if len(r) < 2 or kunci_teks(r[0]) == "kunci":
                continue
            kunci = r[0] if r[0] in jenis_info else (info_dari_teks(r[0]) or r[0])
            info[kunci] = _nilai(r[1], jenis_info.get(kunci, "teks"))
    tabel = {t.kunci: _baca_tabel(folder / f"{t.kunci}.csv", t)
             for t in TABEL_DATA if (folder / f"{t.kunci}.csv").exists()}
    return DataRAPK(info, tabel)


def _teks(v: object, jenis: str) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return ""
    if isinstance(v, str):
        return "'" + v if jenis in _JENIS_ANGKA and _ANGKA_MESIN.match(v) else v
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def tulis_csv(data: DataRAPK, folder: str | Path) -> None:
    """Tulis ``data`` sebagai CSV (kebalikan :func:`baca_csv`)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "info.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["kunci", "nilai"])
        for k, v in data.info.items():
            w.writerow([k, _teks(v, "teks")])
    for t in TABEL_DATA:
        df = data.tabel[t.kunci]
        jenis = {k.id: k.jenis for k in t.kolom}
        with open(folder / f"{t.kunci}.csv", "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(list(df.columns))
            for row in df.itertuples(index=False):
                w.writerow([_teks(v, jenis.get(c, "nilai")) for c, v in zip(df.columns, row)])
