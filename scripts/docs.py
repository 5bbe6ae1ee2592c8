"""Bangkitkan bagian dokumentasi yang berasal dari kode:

- ``docs/format.md`` seluruhnya, dari spec format (:func:`rapk_xl.format.dokumen.format_md`);
- bagian "Daftar pemeriksaan" ``docs/validasi.md``, dari register aturan
  (:func:`rapk_xl.validate.katalog.tabel_markdown`).

    .venv/bin/python scripts/docs.py

``tests/test_docs.py`` gagal bila berkasnya tertinggal dari kode.
"""
from __future__ import annotations

from pathlib import Path

from rapk_xl.format.dokumen import format_md
from rapk_xl.validate.katalog import JUDUL_DAFTAR, tabel_markdown

DOCS = Path(__file__).resolve().parents[1] / "docs"


def validasi_md(lama: str) -> str:
    """``docs/validasi.md`` dengan bagian daftar pemeriksaan dibangkitkan ulang."""
    return lama[:lama.index(JUDUL_DAFTAR)] + tabel_markdown()


def main() -> None:
    (DOCS / "format.md").write_text(format_md(), encoding="utf-8")
    p = DOCS / "validasi.md"
    p.write_text(validasi_md(p.read_text(encoding="utf-8")), encoding="utf-8")
    print("docs/format.md dan docs/validasi.md diperbarui.")


if __name__ == "__main__":
    main()
