"""Tabel banyak workbook ditumpuk menjadi satu DataFrame per tabel, dengan nilai bertipe.

Validasi 103 workbook = satu validasi atas tabel tumpukan, bukan 103 validasi. Setiap baris
membawa ``_f`` (nomor berkas), ``_r`` (baris Excel) dan ``_k`` (kunci teks
``"<_f>|<kode_indikator>"`` untuk mencocokkan baris antartabel); alamat sel didapat dari
``huruf[_f][id bidang]``.

Untuk kolom angka dan nilai, ``<id>`` berisi float (NaN bila tak terbaca) dan ``<id>|st``
status sel:

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

from ..calc.parse import Status, parse_angka_array, rapikan_teks
from ..calc.rules import baca_nilai_array
from ..format.spec import TABEL_DATA, Tabel
from ..io.reader import Bacaan

__all__ = ["Tumpukan", "tumpuk", "ST", "teks_kolom"]

ST = "|st"
#: kolom teks yang dibandingkan antarbaris (kunci kelompok, konsistensi): dirapikan penuh
_TEKS_KUNCI = {"sasaran", "komponen", "sub_komponen", "indikator"}
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
        """Alamat sel baris tumpukan ``idx`` kolom ``kolom`` (id bidang; mis. ``G12``)."""
        f = int(self.df.at[idx, "_f"])
        r = int(self.df.at[idx, "_r"])
        h = self.huruf.get(f, {}).get(kolom)
        return f"{h}{r}" if h else f"{r}:{r}"

    def nama_sheet(self, f: int) -> str:
        return self.sheet.get(f) or self.spec.sheet

    def saring(self, simpan) -> Tumpukan:
        """Tumpukan dengan baris berkas ``simpan(f)`` saja (mentah dan alamat tetap)."""
        return Tumpukan(self.spec, self.df[self.df["_f"].map(simpan).astype(bool)], self.mentah,
                        self.huruf, self.sheet)


def teks_kolom(s: pd.Series) -> pd.Series:
    """Nilai teks dirapikan (spasi berlebih dibuang); angka menjadi teksnya; kosong → None."""
    return pd.Series([rapikan_teks(v) for v in s.to_numpy(dtype=object)], index=s.index,
                     dtype=object)


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
        for k in t.semua_id:
            if k not in mentah.columns:
                mentah[k] = None
        baris = [tt.baris if len(tt.baris) == len(tt.df) else np.arange(len(tt.df))
                 for tt in tabel]
        df = pd.DataFrame({
            "_f": np.repeat(np.arange(len(tabel)), panjang),
            "_r": np.concatenate(baris).astype(int) if baris else np.empty(0, int),
        }, index=mentah.index)
        for k in t.kolom:
            if k.angka:
                x, st = _angka(mentah[k.id], k.jenis, realisasi=t.kunci == "realisasi")
                df[k.id] = x
                df[k.id + ST] = st
            elif k.jenis == "teks" and not k.pilihan and k.id not in _TEKS_KUNCI:
                df[k.id] = _ada_isi(mentah[k.id])
            else:
                df[k.id] = teks_kolom(mentah[k.id])
        kunci = [f"{f}|{kode}" for f, kode in zip(df["_f"].to_numpy(),
                                                  df["kode_indikator"].to_numpy())]
        df["_k"] = pd.Series(kunci, index=df.index, dtype=object)
        for f, b in enumerate(bacaan):
            _galat_ke_status(df, t, b, f, huruf[f])
        hasil[t.kunci] = Tumpukan(t, df, mentah, huruf, sheet)
    return hasil
