from __future__ import annotations

import sys
from pathlib import Path

import click

from .bahasa import Perintah


@click.command("konsolidasi", cls=Perintah)
@click.argument("paths", metavar="PATH...", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "keluaran", required=True,
              type=click.Path(dir_okay=False, path_type=Path), help="Buku nasional (.xlsx).")
@click.option("--tahun", type=int, help="Tahun buku (bawaan: yang terbanyak di kiriman).")
@click.option("--periode", type=click.IntRange(1, 12), help="Periode/bulan buku, 1-12.")
@click.option("--riwayat", "riwayat", type=click.Path(dir_okay=False, path_type=Path),
              help="Berkas riwayat SQLite (bawaan: di samping buku, <nama>.riwayat.sqlite).")
@click.option("--jobs", type=click.IntRange(1, 64), help="Proses baca paralel (bawaan: 2).")
@click.option("--format", "bentuk", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Bentuk ringkasan di layar.")
def konsolidasi_cmd(paths, keluaran: Path, tahun, periode, riwayat, jobs, bentuk) -> None:
    """Gabungkan workbook kiriman unit menjadi buku nasional.

    Semua kiriman divalidasi sekaligus; yang tanpa kesalahan diterima, sisanya ditolak beserta
    temuannya (buku tetap ditulis dari yang diterima). Setiap kiriman dicatat di riwayat; untuk
    unit, tahun dan periode yang sama hanya kiriman diterima terbaru yang dipakai. Kode keluar:
    0 semua diterima, 1 ada yang ditolak, 2 tidak ada yang dapat dikerjakan.
    """
    from ..consolidate.konsolidasi import GagalKonsolidasi, konsolidasi
    from ..consolidate.laporan import ke_json, ke_teks
    from ..consolidate.riwayat import RiwayatRusak, RiwayatTerkunci

    if keluaran.suffix.lower() != ".xlsx":
        click.echo("Galat: buku nasional (-o) harus berakhiran .xlsx.", err=True)
        raise SystemExit(2)
    bar = None

    def kemajuan(selesai: int, total: int) -> None:
        nonlocal bar
        if bentuk != "text" or total < 20 or not sys.stderr.isatty():
            return
        if bar is None:
            bar = click.progressbar(length=total, label="Memeriksa kiriman", file=sys.stderr)
            bar.__enter__()
        bar.update(max(0, selesai - bar.pos))

    try:
        hasil = konsolidasi(paths, keluaran, tahun, periode, riwayat, jobs, kemajuan)
    except (GagalKonsolidasi, RiwayatTerkunci, RiwayatRusak) as e:
        click.echo(f"Galat: {e}", err=True)
        raise SystemExit(2) from None
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    if bentuk == "json":
        click.echo(ke_json(hasil))
    else:
        click.echo(ke_teks(hasil))
    diperiksa = [k for _, k, _ in hasil.berkas if k is not None]
    if not diperiksa:
        raise SystemExit(2)
    raise SystemExit(1 if hasil.ditolak else 0)
