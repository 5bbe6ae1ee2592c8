from __future__ import annotations

import sys
from pathlib import Path

import click

from .bahasa import Grup

LANGKAH = """Langkah berikutnya:
  1. Buka Excel (bila sedang terbuka: tutup semua jendelanya, lalu buka lagi).
  2. Tab RAPK muncul: Validasi, Hitung Ulang, Cetak PDF, Bantuan. Fungsi =CAPAIAN(),
     =KRITERIA(), =NPS(), =NPS_UNIT(), =BOBOT(), =EFISIENSI() langsung bekerja.
  Bila ada yang tidak bekerja: {python} -m rapk_xl addin cek"""


@click.group("addin", cls=Grup)
def addin_grup() -> None:
    """Add-in Excel rapk_xl.xlam: tab RAPK (Validasi, Hitung Ulang, Cetak PDF, Bantuan) dan
    fungsi =CAPAIAN() dst. Lihat docs/excel.md."""


@addin_grup.command("build")
@click.option("-o", "--output", "keluaran", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("templates") / "rapk_xl.xlam", show_default=True,
              help="Berkas add-in yang ditulis (nama harus rapk_xl.xlam).")
def build_cmd(keluaran: Path) -> None:
    """Bangun rapk_xl.xlam dari template add-in xlwings yang terpasang, lengkap dengan fungsi
    CAPAIAN dst. (tanpa Excel)."""
    from ..addin import GagalAddin, buat_addin
    try:
        buat_addin(keluaran)
    except GagalAddin as e:
        raise click.ClickException(e.pesan) from None
    except OSError as e:
        raise click.ClickException(f"tidak dapat menulis {keluaran}: {e.strerror}") from None
    click.echo(f"Add-in ditulis: {keluaran}")


@addin_grup.command("install")
def install_cmd() -> None:
    """Pasang add-in untuk Python ini: ke folder startup Excel (Windows, macOS), beserta
    berkas konfigurasinya. Tutup Excel dulu."""
    from ..addin import GagalAddin, pasang_addin
    try:
        hasil = pasang_addin()
    except GagalAddin as e:
        click.echo(f"Galat: {e.pesan}", err=True)
        raise SystemExit(1) from None
    for b in hasil.langkah:
        click.echo(f"- {b}")
    for p in hasil.peringatan:
        click.echo(f"Perhatian: {p}", err=True)
    click.echo(LANGKAH.format(python=f'"{sys.executable}"'))


@addin_grup.command("cek")
def cek_cmd() -> None:
    """Periksa semua yang dibutuhkan add-in di komputer ini: Python, xlwings dan DLL-nya,
    add-in dan fungsinya, konfigurasi, Excel. Kode keluar 0 bila tidak ada yang perlu
    dilakukan, 1 bila ada (baris "perlu")."""
    from ..addin.cek import periksa
    baris = periksa()
    lebar = max(len(b.hal) for b in baris)
    for b in baris:
        click.echo(f"[{b.status:^5}] {b.hal.ljust(lebar)}  {b.teks}")
    perlu = [b for b in baris if b.status == "perlu"]
    click.echo("")
    if perlu:
        click.echo(f"{len(perlu)} hal perlu ditangani (baris 'perlu' di atas).")
        raise SystemExit(1)
    click.echo("Tidak ada yang perlu ditangani.")


@addin_grup.command("paket")
@click.option("-o", "--output", "keluaran", required=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder paket yang ditulis (disalin TI ke komputer tujuan).")
@click.option("--python", "python", multiple=True, metavar="3.X",
              help="Versi Python tujuan (boleh berulang). Bawaan: semua yang didukung.")
@click.option("--wheel", type=click.Path(dir_okay=False, path_type=Path),
              help="Wheel rapk-xl yang dipakai (bawaan: dibangun dari folder sumber).")
@click.option("--versi-terbaru", is_flag=True,
              help="Dependensi versi terbaru, bukan versi yang terpasang di lingkungan ini.")
def paket_cmd(keluaran: Path, python: tuple[str, ...], wheel: Path | None,
              versi_terbaru: bool) -> None:
    """Susun paket luring untuk Windows: wheel rapk-xl, wheel Windows semua dependensinya,
    add-in, dan pasang.bat (memasang dari paket saja). Perlu akses ke indeks paket."""
    from ..addin.paket import PYTHON_DIDUKUNG, GagalPaket, buat_paket
    try:
        hasil = buat_paket(keluaran, tuple(python) or PYTHON_DIDUKUNG, wheel,
                           kunci_versi=not versi_terbaru, lapor=click.echo)
    except GagalPaket as e:
        raise click.ClickException(e.pesan) from None
    except OSError as e:
        raise click.ClickException(f"tidak dapat menulis {keluaran}: {e.strerror or e}") from None
    for c in hasil.catatan:
        click.echo(f"Catatan: {c}")
    click.echo(f"Paket ditulis: {hasil.folder} ({len(hasil.wheels)} wheel untuk Python "
               f"{', '.join(hasil.python)}). Salin folder ini ke komputer tujuan dan klik dua "
               "kali pasang.bat.")
