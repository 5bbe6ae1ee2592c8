from __future__ import annotations

import click

from ..reference import KELOMPOK, cari_unit, daftar_unit, temukan_unit
from .bahasa import Perintah
from .tabel import tabel


@click.command(cls=Perintah)
@click.argument("cari", required=False)
@click.option("--kelompok", type=click.Choice(KELOMPOK, case_sensitive=False),
              help="Hanya unit dalam kelompok ini.")
def unit(cari: str | None, kelompok: str | None) -> None:
    """Daftar unit kerja BPOM, atau cari satu: rapk-xl unit "jember".

    Pencarian tidak peka ejaan: "BBPOM Surabaya", "Balai Besar POM di Surabaya" dan
    "BALAI BESAR PENGAWAS OBAT DAN MAKANAN SURABAYA" menemukan unit yang sama. Bila tidak
    ada yang cocok, nama-nama terdekat ditampilkan dan kode keluar 1.
    """
    hasil = list(daftar_unit()) if not cari else temukan_unit(cari)
    if kelompok:
        hasil = [u for u in hasil if u.kelompok.lower() == kelompok.lower()]
    if cari and not hasil:
        click.echo(f"Unit '{cari}' tidak ditemukan.", err=True)
        raise SystemExit(1)
    cocok = not cari or cari_unit(cari) or all(
        cari.lower() in (u.nama + " " + u.nama_referensi).lower() for u in hasil)
    if not cocok:
        click.echo(f"Unit '{cari}' tidak ditemukan. Nama terdekat:", err=True)
    click.echo(tabel(["Kelompok", "Nama", "Kode"], [(u.kelompok, u.nama, u.kode) for u in hasil]))
    if not cari:
        click.echo(f"\n{len(hasil)} unit")
    if not cocok:
        raise SystemExit(1)
