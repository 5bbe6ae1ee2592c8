"""Angka Indonesia yang tidak bergantung pada bahasa mesin, dan perkiraan tinggi baris.

Dua cara, untuk dua jenis keluaran:

- **Dokumen cetak** (:mod:`rapk_xl.io.dokumen`): angka ditulis sebagai *teks* yang sudah
  berformat Indonesia (``62.210.400``, ``98,81``, ``54,3``). Tampil sama di Excel dan
  LibreOffice, di Windows berbahasa Inggris maupun Indonesia — format angka Excel memakai
  pemisah dari pengaturan Windows, jadi hanya teks yang benar-benar pasti.
- **Buku nasional** (tabel untuk filter dan PivotTable): angka tetap angka, dengan format
  bertanda bahasa ``[$-421]`` (id-ID, :func:`format_id`). LibreOffice (yang membuat PDF) lalu
  memakai titik ribuan dan koma desimal di mesin mana pun; Excel memakai pemisah Windows.

Perkiraan tinggi baris teks terbungkus (:func:`jumlah_baris_teks`) dipakai semua keluaran
cetak: dokumen, cetak RAPK, laporan validasi dan buku nasional.
"""
from __future__ import annotations

import datetime as _dt
import math
from decimal import Decimal

from ..calc.parse import format_angka
from ..format.spec import NAMA_BULAN

__all__ = ["format_id", "angka_id", "nilai_tertulis", "tampil_angka", "tanggal_id",
           "jumlah_baris_teks", "tinggi_baris", "ID_ID"]

#: tanda bahasa Indonesia (LCID 0x0421) di depan format angka Excel
ID_ID = "[$-421]"
#: desimal paling banyak untuk angka "seperti ditulis"
_MAKS_DESIMAL = 6


def format_id(fmt: str | None) -> str | None:
    """Format angka Excel bertanda bahasa Indonesia: ``"#,##0"`` → ``"[$-421]#,##0"``."""
    if not fmt or fmt.startswith("[$-") or fmt == "@":
        return fmt
    return ID_ID + fmt


def _angka(v: object) -> float | None:
    if isinstance(v, bool) or v is None:
        return None
    if hasattr(v, "item") and not isinstance(v, (str, _dt.date)):
        v = v.item()
    if isinstance(v, (int, float)) and not (isinstance(v, float) and math.isnan(v)):
        return float(v)
    return None


def angka_id(x: object, desimal: int = 2, kosong: str = "") -> str:
    """Angka sebagai teks Indonesia dengan ``desimal`` desimal: ``98.8127`` → ``"98,81"``,
    ``62210400`` (desimal 0) → ``"62.210.400"``. Bukan angka: ``kosong``."""
    a = _angka(x)
    return kosong if a is None else format_angka(a, desimal)


def nilai_tertulis(v: object) -> str:
    """Nilai sel seperti ditulis di workbook, angka dalam bentuk Indonesia: ``90`` → ``"90"``,
    ``84.7`` → ``"84,7"``, ``3.55`` → ``"3,55"``, ``1500000`` → ``"1.500.000"``; teks apa
    adanya (``"WTP"``, ``"-"``, ``"Progres 45%"``); kosong → ``""``."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if isinstance(v, str):
        return v.strip()
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, (_dt.datetime, _dt.date)):
        return tanggal_id(v)
    a = _angka(v)
    if a is None:
        return str(v).strip()
    if a.is_integer():
        return format_angka(a, 0)
    d = Decimal(repr(a)).normalize()
    desimal = min(max(-d.as_tuple().exponent, 0), _MAKS_DESIMAL)
    teks = format_angka(a, desimal)
    return teks.rstrip("0").rstrip(",") if "," in teks else teks


def tampil_angka(v: object, fmt: str | None) -> str:
    """Isi sel dokumen menurut format kolomnya (lihat :mod:`rapk_xl.format.cetakan`)."""
    if fmt == "0.00":
        return angka_id(v, 2) if _angka(v) is not None else nilai_tertulis(v)
    if fmt == "#,##0":
        return angka_id(v, 0) if _angka(v) is not None else nilai_tertulis(v)
    return nilai_tertulis(v)


def tanggal_id(v: object) -> str:
    """Tanggal Excel → ``"20 Juni 2024"``; teks apa adanya."""
    if isinstance(v, _dt.datetime):
        v = v.date()
    if isinstance(v, _dt.date):
        return f"{v.day} {NAMA_BULAN[v.month - 1]} {v.year}"
    return nilai_tertulis(v) if v is not None else ""


#: Perkiraan karakter per satuan lebar kolom pada huruf 10 pt (agak hemat: lebih baik baris
#: sedikit terlalu tinggi daripada teks terpotong, juga bila huruf diganti, mis. Calibri
#: menjadi Carlito di LibreOffice).
_KARAKTER_PER_LEBAR = 1.1


def jumlah_baris_teks(teks: str, lebar: float, ukuran: float, tebal: bool = False) -> int:
    """Jumlah baris ``teks`` terbungkus per kata di sel selebar ``lebar`` (satuan lebar
    kolom Excel) berhuruf ``ukuran`` pt."""
    per_baris = max(1, int((lebar - 1.2) * _KARAKTER_PER_LEBAR * 10 / ukuran
                           * (0.9 if tebal else 1.0)))
    total = 0
    for paragraf in str(teks).split("\n"):
        baris, isi = 1, 0
        for k in paragraf.split():
            panjang = len(k)
            if isi and isi + 1 + panjang > per_baris:
                baris, isi = baris + 1, 0
            while panjang > per_baris:
                panjang -= per_baris
                baris += 1
            isi = panjang if not isi else isi + 1 + panjang
        total += baris
    return total


def tinggi_baris(baris: int, ukuran: float) -> float:
    """Tinggi baris (pt) untuk ``baris`` baris teks berhuruf ``ukuran`` pt."""
    return round(baris * ukuran * 1.32 + 4, 1)
