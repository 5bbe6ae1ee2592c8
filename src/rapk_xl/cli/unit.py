from __future__ import annotations

import click

from ..reference import KELOMPOK, UnitTakJelas, daftar_unit, pilih_unit
from .bahasa import Perintah
from .tabel import tabel


@click.command(cls=Perintah)
@click.argument("cari", required=False)
@click.option("--kelompok", type=click.Choice(KELOMPOK, case_sensitive=False),
              help="Hanya unit dalam kelompok ini.")
def unit(cari: str | None, kelompok: str | None) -> None:
    """Daftar unit kerja BPOM, atau cari satu: rapk-xl unit "jember".

    Pencarian tidak peka ejaan: "BBPOM Surabaya", "Balai Besar POM di Surabaya" dan
    "BALAI BESAR PENGAWAS OBAT DAN MAKANAN SURABAYA" menemukan unit yang sama; potongan nama
    ("balai") menampilkan setiap unit yang memuatnya. Pencariannya sama dengan opsi --unit
    perintah lain. Bila tidak ada yang cocok, nama-nama terdekat ditampilkan dan kode keluar 1.
    """
    cocok = True
    if not cari:
        hasil = list(daftar_unit())
    else:
        try:
            hasil = [pilih_unit(cari)]
        except UnitTakJelas as e:  # beberapa yang cocok (hasil pencarian) atau nama terdekat
            hasil, cocok = list(e.calon), e.banyak
    semua = hasil
    if kelompok:
        hasil = [u for u in hasil if u.kelompok.lower() == kelompok.lower()]
    if not hasil and semua:
        lain = "; ".join(f"{u.nama} ({u.kelompok})" for u in semua[:5])
        click.echo(f"Unit '{cari}' tidak ada dalam kelompok {kelompok.capitalize()}; yang "
                   f"{'cocok' if cocok else 'mirip'} di kelompok lain: {lain}.", err=True)
        raise SystemExit(1)
    if not hasil:
        click.echo(f"Unit '{cari}' tidak ditemukan dan tidak ada nama yang mirip. Coba sebagian "
                   "nama (mis. rapk-xl unit jember) atau lihat daftar lengkapnya: rapk-xl unit",
                   err=True)
        raise SystemExit(1)
    if not cocok:
        click.echo(f"Unit '{cari}' tidak ditemukan. Nama terdekat:", err=True)
    click.echo(tabel(["Kelompok", "Nama", "Kode"], [(u.kelompok, u.nama, u.kode) for u in hasil]))
    if not cari or len(hasil) > 1:
        click.echo(f"\n{len(hasil)} unit")
    if not cocok:
        raise SystemExit(1)
