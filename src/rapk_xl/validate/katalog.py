"""Katalog aturan validator: semua aturan terdaftar, urut kelompok (lihat :mod:`rapk_xl.temuan`).

Setiap aturan didaftarkan sekali, di samping fungsi yang memeriksanya:

- berkas dan struktur (dideteksi pembaca): :mod:`rapk_xl.io.aturan`;
- identitas (tabel Info): :mod:`rapk_xl.validate.identitas`;
- sel (skema pandera per kolom): :mod:`rapk_xl.validate.skema`;
- lintas tabel: :mod:`rapk_xl.validate.aturan_kunci`, ``aturan_target``, ``aturan_anggaran``,
  ``aturan_realisasi``;
- rumus template: :mod:`rapk_xl.validate.rumus`.

``error`` menghalangi konsolidasi; ``warning`` tidak. Tabel aturan di ``docs/validasi.md``
dibangkitkan dari katalog ini (:func:`tabel_markdown`).
"""
from __future__ import annotations

import re

from ..format.spec import TABEL_DATA
from ..io import aturan as _aturan_berkas  # noqa: F401  (mendaftarkan aturan pembaca)
from ..temuan import ERROR, WARNING, Aturan, daftarkan, urut_katalog
from . import (aturan_anggaran, aturan_kunci, aturan_realisasi, aturan_target,  # noqa: F401
               identitas, rumus, skema)

__all__ = ["Aturan", "KATALOG", "ERROR", "WARNING", "tabel_markdown", "JUDUL_DAFTAR"]

daftarkan("pemeriksaan-gagal", ERROR, "lain",
          "Sebuah pemeriksaan tidak dapat dijalankan (galat internal).",
          "Pemeriksaan '{aturan}' tidak dapat dijalankan pada berkas ini (galat internal "
          "{galat}); pemeriksaan lain tetap berjalan. Laporkan ke pengelola rapk-xl beserta "
          "berkasnya.", lingkup="pembaca")

KATALOG: dict[str, Aturan] = {a.id: a for a in urut_katalog()}

_NAMA_KELOMPOK = {"berkas": "Berkas", "struktur": "Struktur", "identitas": "Identitas (Info)",
                  "sel": "Sel", "kunci": "Kunci", "target": "Target", "anggaran": "Anggaran",
                  "realisasi": "Realisasi", "rumus": "Rumus", "lain": "Lain-lain"}
JUDUL_DAFTAR = "## Daftar pemeriksaan"


def _templat(a: Aturan) -> str:
    """Templat pesan untuk dokumentasi: teks header kolom seperti di spec, tempat isian
    lainnya ditulis «…»."""
    if a.pesan == "{pesan}":
        return "(pesan disusun pembaca berkas menurut sebabnya)"
    tabel = {t.kunci.upper(): t for t in TABEL_DATA}
    teks = re.sub(r"\{([A-Z]+)\[(\w+)\]\}", lambda m: tabel[m[1]].nama_kolom(m[2]), a.pesan)
    return re.sub(r"\{(\w+)\}", r"«\1»", teks).replace("|", "\\|")


def tabel_markdown() -> str:
    """Bagian "Daftar pemeriksaan" ``docs/validasi.md``: setiap aturan katalog per kelompok,
    dengan tingkat, uraian dan templat pesannya."""
    baris = [JUDUL_DAFTAR, "",
             "Dibangkitkan dari register aturan (`python scripts/docs.py`); «…» diisi nilai dan "
             "sel yang ditemukan.", ""]
    for kelompok in _NAMA_KELOMPOK:
        aturan = [a for a in KATALOG.values() if a.kelompok == kelompok]
        if not aturan:
            continue
        baris += [f"### {_NAMA_KELOMPOK[kelompok]}", "", "| id | tingkat | arti | pesan |",
                  "|---|---|---|---|"]
        for a in aturan:
            tingkat = "kesalahan" if a.tingkat == ERROR else "peringatan"
            baris.append(f"| `{a.id}` | {tingkat} | {a.uraian} | {_templat(a)} |")
        baris.append("")
    return "\n".join(baris)
