from __future__ import annotations

import sys
from pathlib import Path

import click

from .bahasa import Argumen, Opsi, PerintahJson


def _galat_json(pesan: str) -> str:
    from ..consolidate.laporan import ke_json_galat
    return ke_json_galat(pesan)


@click.command("konsolidasi", cls=PerintahJson, json_galat=_galat_json)
@click.argument("paths", metavar="PATH...", nargs=-1, required=True, cls=Argumen,
                type=click.Path(path_type=Path),
                saran="sebutkan folder (atau berkas) kiriman unit, mis. rapk-xl konsolidasi "
                      "kiriman/ -o nasional.xlsx.")
@click.option("-o", "--output", "keluaran", required=True, cls=Opsi, metavar="BERKAS",
              type=click.Path(dir_okay=False, path_type=Path), help="Buku nasional (.xlsx).",
              saran="sebutkan berkas buku nasional yang ditulis, mis. -o nasional.xlsx.")
@click.option("--tahun", type=int, metavar="YYYY",
              help="Tahun buku (bawaan: yang terbanyak di kiriman).")
@click.option("--periode", type=click.IntRange(1, 12), metavar="M",
              help="Periode/bulan buku, 1-12.")
@click.option("--riwayat", "riwayat", type=click.Path(dir_okay=False, path_type=Path),
              metavar="BERKAS",
              help="Berkas riwayat SQLite (bawaan: di samping buku, <nama>.riwayat.sqlite).")
@click.option("--jobs", type=click.IntRange(1, 64), metavar="N",
              help="Proses baca paralel (bawaan: 2).")
@click.option("--format", "bentuk", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Bentuk ringkasan di layar.")
def konsolidasi_cmd(paths, keluaran: Path, tahun, periode, riwayat, jobs, bentuk) -> None:
    """Gabungkan workbook kiriman unit menjadi buku nasional.

    Semua kiriman divalidasi sekaligus; yang tanpa kesalahan diterima, sisanya ditolak beserta
    temuannya (buku tetap ditulis dari yang diterima). Setiap kiriman dicatat di riwayat; untuk
    unit, tahun dan periode yang sama hanya kiriman diterima terbaru yang dipakai. Dengan
    --format json stdout selalu JSON. Kode keluar: 0 semua diterima, 1 ada yang ditolak, 2
    tidak ada yang dapat dikerjakan (tidak ada workbook kiriman, tahun/periode tidak dapat
    ditentukan, perintah salah pakai).
    """
    from ..consolidate.konsolidasi import GagalKonsolidasi, konsolidasi
    from ..consolidate.laporan import ke_json, ke_json_galat, ke_teks
    from ..consolidate.riwayat import RiwayatRusak, RiwayatTerkunci

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
        if bentuk == "json":
            click.echo(ke_json_galat(str(e), keluaran, riwayat))
        else:
            click.echo(f"Galat: {e}", err=True)
        raise SystemExit(2) from None
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    if bentuk == "json":
        click.echo(ke_json(hasil))
    else:
        click.echo(ke_teks(hasil))
        if hasil.galat:
            click.echo(f"Galat: {hasil.galat}", err=True)
    raise SystemExit(hasil.kode_keluar)
