from __future__ import annotations

import json
from pathlib import Path

import click

from .bahasa import Perintah


def _minta_json(args: list[str]) -> bool:
    return "--format=json" in args or any(
        a == "--format" and b == "json" for a, b in zip(args, args[1:]))


def _cetak_galat_json(pesan: str) -> None:
    click.echo(json.dumps({"files": [], "error": pesan}, ensure_ascii=False, indent=2))


class _PerintahJson(Perintah):
    """Dengan ``--format json`` stdout selalu JSON: galat pemakaian (opsi salah, PATH tidak
    diberikan) juga dicetak sebagai ``{"files": [], "error": ...}``; pesan biasa click tetap
    di stderr."""

    def parse_args(self, ctx, args):
        json_ = _minta_json(list(args))
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as e:
            if json_:
                _cetak_galat_json(e.format_message())
            raise


@click.command("validasi", cls=_PerintahJson)
@click.argument("paths", metavar="PATH...", nargs=-1, required=True,
                type=click.Path(path_type=Path))
@click.option("--format", "bentuk", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Bentuk laporan di layar.")
@click.option("-o", "--output", "keluaran", type=click.Path(dir_okay=False, path_type=Path),
              help="Tulis juga laporan .xlsx dengan tautan ke setiap sel.")
@click.option("--jobs", type=click.IntRange(1, 64), default=None,
              help="Jumlah proses baca paralel (bawaan: jumlah inti, paling banyak 2).")
def validasi_cmd(paths: tuple[Path, ...], bentuk: str, keluaran: Path | None,
                 jobs: int | None) -> None:
    """Periksa workbook RAPK sebelum dikirim atau saat diterima.

    PATH boleh berkas atau folder. Setiap berkas di folder disebut sekali di laporan: lembar
    kerja (.xlsx, .xlsm, .xltx, .xls, .xlsb, .csv, .ods, ...) diperiksa, yang lain (berkas
    kunci Excel ~$..., berkas tersembunyi, bukan lembar kerja, isi folder sampel rapk-xl)
    dilewati dengan alasannya. Dengan --format json stdout selalu JSON. Kode keluar: 0 tanpa
    kesalahan (peringatan boleh), 1 ada kesalahan, 2 tidak ada yang dapat diperiksa, PATH tidak
    ada, atau perintah salah pakai.
    """
    json_ = bentuk == "json"

    def gagal(pesan: str) -> None:
        if json_:
            _cetak_galat_json(pesan)
        else:
            click.echo(f"Galat: {pesan}", err=True)
        raise SystemExit(2)

    if keluaran is not None and keluaran.suffix.lower() != ".xlsx":
        gagal(f"laporan -o harus berakhiran .xlsx (mis. -o laporan.xlsx), bukan '{keluaran.name}'.")
    try:
        lap, galat = _periksa(paths, jobs)
    except SystemExit:
        raise
    except Exception as e:  # noqa: BLE001 — galat internal tetap JSON di mode JSON
        if json_:
            _cetak_galat_json(f"Galat internal rapk-xl ({type(e).__name__}); laporkan ke pengelola "
                              "rapk-xl beserta perintah dan berkasnya.")
        raise
    if not lap.files:
        gagal(f"tidak ada berkas untuk diperiksa di {', '.join(repr(str(p)) for p in paths)} "
              "(folder kosong).")
    from ..validate.laporan import ke_json, ke_teks, status, tulis_xlsx

    pesan = None
    diperiksa = [f for f in lap.files if status(f) in ("lolos", "ditolak")]
    if not diperiksa:
        pesan = ("tidak ada workbook yang dapat diperiksa: " + ", ".join(
            f"{n} {s.replace('-', ' ')}" for s, n in _hitung(lap, status).items()) + ".")
    if keluaran is not None:
        try:
            tulis_xlsx(lap, keluaran)
        except OSError as e:
            pesan = (f"laporan tidak dapat ditulis ke {keluaran}: {e.strerror} (tutup berkasnya "
                     "bila sedang terbuka di Excel, atau pilih folder lain).")
    if json_:
        click.echo(ke_json(lap, pesan))
    else:
        click.echo(ke_teks(lap))
        if pesan:
            click.echo(f"Galat: {pesan}", err=True)
        elif keluaran is not None:
            click.echo(f"Laporan ditulis: {keluaran}")
    if pesan or galat:
        raise SystemExit(2)
    raise SystemExit(1 if lap.ada_error else 0)


def _periksa(paths, jobs):
    from ..validate.validator import hasil_tak_ada, kumpulkan_path, validasi_masuk

    masuk, galat = kumpulkan_path(paths)
    lap = validasi_masuk(masuk, jobs)
    lap.files += hasil_tak_ada(galat)
    return lap, galat


def _hitung(lap, status) -> dict[str, int]:
    hitung: dict[str, int] = {}
    for f in lap.files:
        hitung[status(f)] = hitung.get(status(f), 0) + 1
    return hitung
