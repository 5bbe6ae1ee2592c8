"""Tabel banyak workbook ditumpuk menjadi satu DataFrame per tabel, dengan nilai bertipe.

Validasi 103 workbook = satu validasi atas tabel tumpukan, bukan 103 validasi. Setiap baris
membawa ``_f`` (nomor berkas), ``_r`` (baris Excel) dan ``_k`` (kunci teks
``"<_f>|<Kode Indikator>"`` untuk mencocokkan baris antartabel); alamat sel didapat dari
``huruf[_f][kolom]``.

Untuk kolom angka dan nilai, ``<kolom>`` berisi float (NaN bila tak terbaca) dan
``<kolom>|st`` status sel:

=========  ==============================================================
ok         sel angka
teks       teks angka yang terbaca ("90", "62,210,400")
ambigu     teks angka yang dapat dibaca dua cara ("1.234")
bukan      teks yang bukan angka
kosong     kosong atau "-"
galat      galat Excel (#DIV/0!, #REF!, ...)
opini      opini BPK (WTP/WDP/TW/TMP), nilainya kode 4/3/2/1
progres    "Progres 45%" (hanya realisasi)
=========  ==============================================================
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..calc.parse import Status, parse_angka_array
from ..calc.rules import baca_nilai_array
from ..format.spec import TABEL_DATA, Tabel
from ..io.reader import Bacaan

__all__ = ["Tumpukan", "tumpuk", "ST", "teks_kolom"]

ST = "|st"
#: kolom teks yang dibandingkan antarbaris (kunci kelompok, konsistensi): dirapikan penuh
_TEKS_KUNCI = {"Sasaran", "Komponen", "Sub Komponen", "Indikator"}
_STATUS = {Status.OK: "ok", Status.KOSONG: "kosong", Status.AMBIGU: "ambigu",
           Status.BUKAN_ANGKA: "bukan"}
_ALAMAT = re.compile(r"^([A-Z]{1,3})(\d+)$")


@dataclass
class Tumpukan:
    """Satu tabel dari banyak berkas."""

    spec: Tabel
    df: pd.DataFrame  # kolom spec bertipe + "|st" (+ "|galat") + _f, _r, _k
    mentah: pd.DataFrame  # nilai apa adanya (object), indeks sama dengan df
    huruf: dict[int, dict[str, str]] = field(default_factory=dict)
    sheet: dict[int, str | None] = field(default_factory=dict)

    def sel(self, idx, kolom: str) -> str | None:
        """Alamat sel baris tumpukan ``idx`` kolom ``kolom`` (mis. ``G12``)."""
        f = int(self.df.at[idx, "_f"])
        h = self.huruf.get(f, {}).get(kolom)
        return f"{h}{int(self.df.at[idx, '_r'])}" if h else f"{int(self.df.at[idx, '_r'])}:{int(self.df.at[idx, '_r'])}"


def _rapi(v):
    if v is None:
        return None
    if type(v) is str:
        if v and v[0] != " " and v[-1] != " " and "  " not in v and "\n" not in v \
                and "\t" not in v:
            return v
        return " ".join(v.split()) or None
    if isinstance(v, float):
        if v != v:
            return None
        if v.is_integer():
            v = int(v)
    return " ".join(str(v).split()) or None


def teks_kolom(s: pd.Series) -> pd.Series:
    """Nilai teks dirapikan (spasi berlebih dibuang); angka menjadi teksnya; kosong → None."""
    return pd.Series([_rapi(v) for v in s.to_numpy(dtype=object)], index=s.index, dtype=object)


def _ada_isi(s: pd.Series) -> pd.Series:
    """Teks bebas yang tidak dibandingkan: cukup dibedakan kosong/berisi."""
    nilai = s.to_numpy(dtype=object)
    kosong = np.fromiter((v is None or (type(v) is str and not v.strip())
                          or (type(v) is float and v != v) for v in nilai), bool, len(nilai))
    return pd.Series(np.where(kosong, None, nilai), index=s.index, dtype=object)


def _angka(kolom: pd.Series, jenis: str, realisasi: bool) -> tuple[np.ndarray, np.ndarray]:
    nilai = kolom.to_numpy(dtype=object)
    if jenis == "nilai":  # opini dan "Progres NN%" dibaca oleh mesin hitung
        x, st, opini, progres = baca_nilai_array(nilai)
        progres &= realisasi
    else:
        x, st = parse_angka_array(nilai)
        opini = progres = np.zeros(len(nilai), dtype=bool)
    status = np.full(len(nilai), "ok", dtype=object)
    for s, kode in _STATUS.items():
        if kode != "ok":
            status[st == s] = kode
    teks = np.fromiter((type(v) is str for v in nilai), bool, len(nilai))
    status[teks & (st == Status.OK)] = "teks"
    status[opini] = "opini"
    status[progres] = "progres"
    return x, status


def _galat_ke_status(df: pd.DataFrame, t: Tabel, bacaan: Bacaan, f: int, huruf: dict) -> None:
    sheet = bacaan.tabel[t.kunci].sheet
    galat = bacaan.galat.get(sheet or "", {})
    if not galat:
        return
    per_huruf = {h: k for k, h in huruf.items()}
    milik = df["_f"] == f  # baris berkas ini saja: nomor baris Excel hanya unik per berkas
    baris_ke_idx = {int(r): i for i, r in zip(df.index[milik], df.loc[milik, "_r"])}
    for alamat in galat:
        m = _ALAMAT.match(alamat)
        if not m:
            continue
        kolom, idx = per_huruf.get(m.group(1)), baris_ke_idx.get(int(m.group(2)))
        if kolom is None or idx is None:
            continue
        if kolom + ST in df.columns:
            df.at[idx, kolom + ST] = "galat"
        if kolom + "|galat" not in df.columns:
            df[kolom + "|galat"] = None
        df.at[idx, kolom + "|galat"] = galat[alamat]


def tumpuk(bacaan: list[Bacaan]) -> dict[str, Tumpukan]:
    """Tumpuk tabel data semua bacaan dan ketik nilainya."""
    hasil = {}
    for t in TABEL_DATA:
        tabel = [b.tabel[t.kunci] for b in bacaan]
        huruf = {f: dict(tt.huruf) for f, tt in enumerate(tabel)}
        sheet = {f: tt.sheet for f, tt in enumerate(tabel)}
        panjang = np.array([len(tt.df) for tt in tabel], dtype=int)
        mentah = (pd.concat([tt.df for tt in tabel], ignore_index=True) if tabel
                  else pd.DataFrame())
        for k in t.semua_header:
            if k not in mentah.columns:
                mentah[k] = None
        baris = [tt.baris if len(tt.baris) == len(tt.df) else np.arange(len(tt.df))
                 for tt in tabel]
        df = pd.DataFrame({
            "_f": np.repeat(np.arange(len(tabel)), panjang),
            "_r": np.concatenate(baris).astype(int) if baris else np.empty(0, int),
        }, index=mentah.index)
        for k in t.kolom:
            if k.jenis in ("angka", "bulat", "nilai"):
                x, st = _angka(mentah[k.nama], k.jenis, realisasi=t.kunci == "realisasi")
                df[k.nama] = x
                df[k.nama + ST] = st
            elif k.jenis == "teks" and not k.pilihan and k.nama not in _TEKS_KUNCI:
                df[k.nama] = _ada_isi(mentah[k.nama])
            else:
                df[k.nama] = teks_kolom(mentah[k.nama])
        kunci = [f"{f}|{kode}" for f, kode in zip(df["_f"].to_numpy(),
                                                  df["Kode Indikator"].to_numpy())]
        df["_k"] = pd.Series(kunci, index=df.index, dtype=object)
        for f, b in enumerate(bacaan):
            _galat_ke_status(df, t, b, f, huruf[f])
        hasil[t.kunci] = Tumpukan(t, df, mentah, huruf, sheet)
    return hasil
