from __future__ import annotations

from pathlib import Path

import click

from .bahasa import Perintah
from .tabel import tabel


@click.command("riwayat", cls=Perintah)
@click.option("--riwayat", "path", type=click.Path(dir_okay=False, path_type=Path),
              metavar="BERKAS",
              default=Path("nasional.riwayat.sqlite"), show_default=True,
              help="Berkas riwayat SQLite (dibuat oleh rapk-xl konsolidasi).")
@click.option("--tahun", type=int, metavar="YYYY", help="Hanya tahun ini.")
@click.option("--periode", type=click.IntRange(1, 12), metavar="M", help="Hanya periode ini.")
@click.option("--unit", metavar="NAMA", help="Hanya unit ini (ejaan bebas).")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False, path_type=Path),
              metavar="BERKAS",
              help="Ekspor riwayat ke berkas CSV.")
def riwayat_cmd(path: Path, tahun, periode, unit, csv_path) -> None:
    """Riwayat kiriman: setiap berkas yang pernah dikonsolidasikan, status dan temuannya.

    Tanda * menandai kiriman yang dipakai buku nasional (diterima terbaru untuk unit, tahun
    dan periode itu); kiriman lain tetap tercatat.
    """
    from ..consolidate.riwayat import (Riwayat, RiwayatRusak, RiwayatTerkunci, terbaru,
                                       waktu_tampil)
    from ..io.galat_os import sebab_os
    from ..reference import UnitTakJelas, pilih_unit

    if not path.exists():
        click.echo(f"Galat: riwayat {path} tidak ada. Jalankan rapk-xl konsolidasi dulu, atau "
                   "sebutkan --riwayat.", err=True)
        raise SystemExit(2)
    kode = None
    if unit:
        try:
            kode = pilih_unit(unit).kode
        except UnitTakJelas as e:
            click.echo(f"Galat: {e}", err=True)
            raise SystemExit(2) from None
    try:
        with Riwayat(path) as r:
            daftar = r.kiriman(tahun, periode, kode)
            dipakai = {k.id for k in terbaru(daftar)}
            if csv_path:
                r.ekspor_csv(csv_path, daftar)
    except (RiwayatRusak, RiwayatTerkunci) as e:
        click.echo(f"Galat: {e}", err=True)
        raise SystemExit(2) from None
    except OSError as e:
        click.echo(f"Galat: CSV tidak dapat ditulis ke {csv_path}: {sebab_os(e)}. Pilih berkas "
                   "atau folder lain.", err=True)
        raise SystemExit(2) from None
    click.echo(tabel(["", "Dicatat", "Unit Kerja", "Tahun", "Per.", "Status", "Kes.", "Berkas"],
                     [("*" if k.id in dipakai else "", waktu_tampil(k.diterima_pada), k.unit or "-",
                       str(k.tahun or "-"), str(k.periode or "-"), k.status, str(k.kesalahan),
                       Path(k.berkas).name) for k in daftar]))
    click.echo(f"\n{len(daftar)} kiriman" + (f"; CSV ditulis: {csv_path}" if csv_path else ""))
