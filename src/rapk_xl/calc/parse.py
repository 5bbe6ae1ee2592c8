"""Membaca angka seperti yang ditulis orang: format Indonesia dan Inggris.

Indonesia: ``.`` pemisah ribuan, ``,`` desimal (``114.624.028,00``, ``84,6``).
Inggris: kebalikannya (``62,210,400``, ``84.7``). Keduanya muncul, bahkan dalam satu dokumen.
``-`` dan sel kosong berarti "tidak ada". Tanda persen boleh diketik (``85%``: nilainya 85).

Teks seperti ``1.234`` bisa berarti 1234 atau 1,234: hasilnya ``AMBIGU`` dengan kedua
kemungkinan, bukan tebakan diam-diam. Itu satu-satunya konvensi rapk-xl untuk isi workbook,
di kolom mana pun (validator melaporkannya; buku nasional dan cetakan tidak menebaknya).
Hanya pemanggil yang tahu konvensi dokumennya (transkripsi dokumen sumber, angka yang diketik
di baris perintah) boleh memberi ``desimal=","`` atau ``desimal="."``.

Modul ini murni: tanpa I/O, tanpa Excel.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from numbers import Real

import numpy as np

__all__ = ["Status", "Angka", "parse_angka", "parse_angka_array", "format_angka", "bulatkan",
           "bulatkan_array", "rapikan_teks", "kunci_teks"]


def rapikan_teks(v: object) -> str | None:
    """Teks dengan spasi berlebih dibuang (``"  Balai  POM "`` → ``"Balai POM"``); angka bulat
    menjadi teksnya tanpa ``.0``; kosong/NaN → None. Satu-satunya perapi teks rapk-xl."""
    if v is None:
        return None
    if type(v) is str:  # jalur cepat: teks yang sudah rapi dikembalikan apa adanya
        if v and v[0] != " " and v[-1] != " " and "  " not in v and "\n" not in v \
                and "\t" not in v and "\xa0" not in v:
            return v
        return " ".join(v.split()) or None
    if isinstance(v, float):
        if v != v:
            return None
        if v.is_integer():
            v = int(v)
    return " ".join(str(v).split()) or None


def kunci_teks(v: object) -> str:
    """Kunci pembanding teks: dirapikan dan tidak peka huruf besar (``"Kode  indikator"`` dan
    ``"KODE INDIKATOR"`` sama); kosong → ``""``."""
    return (rapikan_teks(v) or "").casefold()



class Status(Enum):
    OK = "ok"
    KOSONG = "kosong"
    AMBIGU = "ambigu"
    BUKAN_ANGKA = "bukan_angka"


@dataclass(frozen=True, slots=True)
class Angka:
    """Hasil membaca satu nilai sel."""

    nilai: float | None
    status: Status
    teks: str | None = None  # teks asli bila masukan berupa teks
    persen: bool = False  # diketik dengan tanda %
    kemungkinan: tuple[float, float] | None = None  # dua bacaan bila AMBIGU

    @property
    def ok(self) -> bool:
        return self.status is Status.OK


_KOSONG_TEKS = {"", "-", "–", "—", "--"}
_SPASI = re.compile(r"[\s\u00a0\u202f]+")
_BENTUK = re.compile(r"^(?P<tanda>[+\-\u2212]?)(?P<badan>(?:\d|[.,]\d)[\d.,]*)$")


def _grup_sah(bagian: list[str]) -> bool:
    """Bagian bilangan bulat yang dipisah ribuan: kelompok pertama 1-3 digit, sisanya 3."""
    if not bagian or not (1 <= len(bagian[0]) <= 3) or not bagian[0].isdigit():
        return False
    if bagian[0].startswith("0"):  # 0.123 tidak pernah berarti 123
        return False
    return all(len(b) == 3 and b.isdigit() for b in bagian[1:])


def _baca_badan(badan: str, desimal: str | None) -> tuple[float | None, Status, tuple | None]:
    titik, koma = badan.count("."), badan.count(",")
    if titik == 0 and koma == 0:
        return float(badan), Status.OK, None
    if titik and koma:
        dec = "." if badan.rfind(".") > badan.rfind(",") else ","
        grp = "," if dec == "." else "."
        if badan.count(dec) != 1:
            return None, Status.BUKAN_ANGKA, None
        utuh, pecahan = badan.split(dec)
        if not pecahan.isdigit() or not _grup_sah(utuh.split(grp)):
            return None, Status.BUKAN_ANGKA, None
        return float(utuh.replace(grp, "") + "." + pecahan), Status.OK, None
    sep = "." if titik else ","
    bagian = badan.split(sep)
    if len(bagian) > 2:  # 1.234.567 / 62,210,400: hanya bisa pemisah ribuan
        if _grup_sah(bagian):
            return float("".join(bagian)), Status.OK, None
        return None, Status.BUKAN_ANGKA, None
    utuh, pecahan = bagian
    if not pecahan.isdigit() or (utuh and not utuh.isdigit()):
        return None, Status.BUKAN_ANGKA, None
    sebagai_desimal = float((utuh or "0") + "." + pecahan)
    bisa_ribuan = len(pecahan) == 3 and _grup_sah([utuh, pecahan])
    if not bisa_ribuan:
        return sebagai_desimal, Status.OK, None
    sebagai_ribuan = float(utuh + pecahan)
    if desimal == sep:
        return sebagai_desimal, Status.OK, None
    if desimal is not None:
        return sebagai_ribuan, Status.OK, None
    return None, Status.AMBIGU, (sebagai_ribuan, sebagai_desimal)


def parse_angka(nilai: object, desimal: str | None = None) -> Angka:
    """Baca satu nilai (angka, teks, atau kosong) menjadi :class:`Angka`.

    >>> parse_angka("114.624.028,00").nilai
    114624028.0
    >>> parse_angka("62,210,400").nilai
    62210400.0
    >>> parse_angka("85%").nilai, parse_angka("85%").persen
    (85.0, True)
    >>> parse_angka("1.234").status
    <Status.AMBIGU: 'ambigu'>
    """
    if desimal not in (None, ",", "."):
        raise ValueError("desimal harus ',' atau '.'")
    if nilai is None:
        return Angka(None, Status.KOSONG)
    if isinstance(nilai, (bool, np.bool_)):
        return Angka(None, Status.BUKAN_ANGKA, teks=str(nilai))
    if isinstance(nilai, Real):
        x = float(nilai)
        if math.isnan(x):
            return Angka(None, Status.KOSONG)
        if math.isinf(x):
            return Angka(None, Status.BUKAN_ANGKA, teks=str(nilai))
        return Angka(x, Status.OK)
    if not isinstance(nilai, str):
        return Angka(None, Status.BUKAN_ANGKA, teks=str(nilai))
    teks = nilai
    s = _SPASI.sub("", nilai)
    if s in _KOSONG_TEKS:
        return Angka(None, Status.KOSONG, teks=teks)
    persen = s.endswith("%")
    if persen:
        s = s[:-1]
    if s[:2].lower() == "rp":
        s = s[2:].lstrip(".")
    m = _BENTUK.match(s)
    if not m:
        return Angka(None, Status.BUKAN_ANGKA, teks=teks, persen=persen)
    x, status, dua = _baca_badan(m["badan"], desimal)
    if m["tanda"] in ("-", "\u2212"):
        x = -x if x is not None else None
        dua = (-dua[0], -dua[1]) if dua else None
    return Angka(x, status, teks=teks, persen=persen, kemungkinan=dua)


def parse_angka_array(nilai, desimal: str | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Versi vektor :func:`parse_angka`: kembalikan ``(nilai float, status)``.

    ``nilai`` berisi NaN di mana status bukan ``OK``. Larik angka murni (float/int) dibaca
    tanpa perulangan; larik objek memakai :func:`parse_angka` per elemen, sehingga hasilnya
    selalu sama dengan versi skalar.
    """
    arr = np.asarray(nilai, dtype=object) if not isinstance(nilai, np.ndarray) else nilai
    if arr.dtype.kind in "iuf":
        x = arr.astype(float)
        status = np.full(x.shape, Status.OK, dtype=object)
        status[np.isnan(x)] = Status.KOSONG
        inf = np.isinf(x)
        if inf.any():
            status[inf] = Status.BUKAN_ANGKA
            x = np.where(inf, np.nan, x)
        return x, status
    flat = arr.ravel()
    x = np.full(flat.shape, np.nan)
    status = np.full(flat.shape, Status.KOSONG, dtype=object)
    ok, bukan = Status.OK, Status.BUKAN_ANGKA
    for i, v in enumerate(flat):
        t = type(v)
        if t is float:  # jalur cepat, hasil sama dengan parse_angka
            if v == v:
                if v in (math.inf, -math.inf):
                    status[i] = bukan
                else:
                    x[i], status[i] = v, ok
        elif t is int:
            x[i], status[i] = v, ok
        elif v is not None:
            a = parse_angka(v, desimal)
            status[i] = a.status
            if a.nilai is not None:
                x[i] = a.nilai
    return x.reshape(arr.shape), status.reshape(arr.shape)


def bulatkan_array(x, ndigit: int = 2) -> np.ndarray:
    """Pembulatan setengah menjauhi nol pada ``ndigit`` desimal, seperti ROUND di Excel.

    Angka biner seperti 109.995 tersimpan sebagai 109.99499999...; Excel (dan orang yang
    membacanya) melihat 109,995 lalu membulatkannya ke 110,00. Toleransi relatif 1e-12
    menyamakan hasil dengan tampilan desimal itu. Toleransinya dibatasi 0,001 agar bilangan
    besar (rupiah triliunan) tidak bergeser: 1e-12 × 2,35e12 saja sudah lebih dari 1.
    """
    a = np.asarray(x, dtype=float)
    skala = 10.0**ndigit
    y = np.abs(a) * skala
    hasil = np.floor(y + 0.5 + np.minimum(1e-12 * np.maximum(1.0, y), 1e-3)) / skala
    return np.copysign(hasil, a)


def bulatkan(x: float | None, ndigit: int = 2) -> float | None:
    """Versi skalar :func:`bulatkan_array`; ``None`` tetap ``None``."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return None
    return float(bulatkan_array(np.array([x], dtype=float), ndigit)[0])


def format_angka(x: float | None, desimal: int | None = 2, gaya: str = "id",
                 kosong: str = "") -> str:
    """Tulis angka untuk dibaca orang: ``format_angka(98.8127) == "98,81"``.

    ``desimal=None``: tanpa desimal bila bilangan bulat, selain itu 2 (angka di pesan:
    ``format_angka(1500000.0, None) == "1.500.000"``).
    ``gaya="id"``: titik ribuan, koma desimal; ``gaya="en"``: kebalikannya.
    Pembulatan sama dengan :func:`bulatkan` (setengah menjauhi nol).
    """
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return kosong
    if desimal is None:
        desimal = 0 if float(x).is_integer() else 2
    b = bulatkan(float(x), desimal)
    d = Decimal(repr(b)).quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)
    teks = f"{d:,.{desimal}f}"  # gaya Inggris
    if gaya == "id":
        teks = teks.translate(str.maketrans({",": ".", ".": ","}))
    elif gaya != "en":
        raise ValueError("gaya harus 'id' atau 'en'")
    return teks
