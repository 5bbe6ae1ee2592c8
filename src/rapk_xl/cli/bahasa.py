"""Pesan bawaan click dalam Bahasa Indonesia.

click menandai pesannya dengan gettext (``_()``/``ngettext()``) tetapi tidak membawa katalog
terjemahan. Alih-alih memasang berkas .mo yang bergantung pada locale mesin pengguna,
:func:`pasang` mengganti fungsi terjemahan di modul-modul click dengan kamus di bawah. Pesan
yang tidak ada di kamus tetap tampil dalam bahasa aslinya.
"""
from __future__ import annotations

import functools
import importlib

import click

KAMUS = {
    "Usage:": "Penggunaan:",
    "Options": "Opsi",
    "Commands": "Perintah",
    "Positional arguments": "Argumen",
    "Show this message and exit.": "Tampilkan bantuan ini lalu keluar.",
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "Error: {message}": "Galat: {message}",
    "Try '{command} {option}' for help.": "Bantuan: '{command} {option}'.",
    "No such command {name!r}.": "Perintah {name!r} tidak ada.",
    "No such option {name!r}.": "Opsi {name!r} tidak dikenal.",
    "Missing command.": "Perintah belum diberikan.",
    "Missing argument": "Argumen belum diberikan",
    "Missing option": "Opsi belum diberikan",
    "Missing parameter": "Parameter belum diberikan",
    "Missing parameter: {param_name}": "Parameter belum diberikan: {param_name}",
    "Missing {param_type}": "{param_type} belum diberikan",
    "Invalid value for {param_hint}: {message}": "Nilai tidak sah untuk {param_hint}: {message}",
    "Invalid value: {message}": "Nilai tidak sah: {message}",
    "Option {name!r} does not take a value.": "Opsi {name!r} tidak menerima nilai.",
    "Aborted!": "Dibatalkan.",
    "{value!r} is not a valid {number_type}.": "{value!r} bukan {number_type} yang sah.",
    "{value} is not in the range {range}.": "{value} di luar rentang {range}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} tidak ada.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} adalah folder.",
    "{name} {filename!r} is a file.": "{name} {filename!r} adalah berkas, bukan folder.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} tidak dapat dibaca.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} tidak dapat ditulisi.",
    "Could not open file {filename!r}: {message}": "Berkas {filename!r} tidak dapat dibuka: {message}",
    "default: {default}": "bawaan: {default}",
    "file": "berkas",
    "directory": "folder",
    "path": "path",
    "Argument {name!r} takes {nargs} values.": "Argumen {name!r} memerlukan {nargs} nilai.",
    "Choose from:\n\t{choices}": "Pilih dari:\n\t{choices}",
    "Do you want to continue?": "Lanjutkan?",
    "Error: invalid input": "Galat: masukan tidak sah",
    "required": "wajib",
}
KAMUS_JAMAK = {
    "Got unexpected extra argument ({args})": "Argumen berlebih tidak dikenal ({args})",
    "Got unexpected extra arguments ({args})": "Argumen berlebih tidak dikenal ({args})",
    "Did you mean {possibility}?": "Maksud Anda {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Maksud Anda salah satu dari: {possibilities}?)",
    "Option {name!r} requires an argument.": "Opsi {name!r} memerlukan nilai.",
    "Option {name!r} requires {nargs} arguments.": "Opsi {name!r} memerlukan {nargs} nilai.",
    "{value!r} is not {choice}.": "{value!r} bukan {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} bukan salah satu dari {choices}.",
}


def _(pesan: str) -> str:
    return KAMUS.get(pesan, pesan)


def _jamak(tunggal: str, jamak: str, n: int) -> str:
    pesan = tunggal if n == 1 else jamak
    return KAMUS_JAMAK.get(pesan, pesan)


def pasang() -> None:
    """Ganti fungsi terjemahan di modul click (aman dipanggil berulang kali)."""
    for nama in ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types",
                 "utils"):
        modul = importlib.import_module(f"click.{nama}")
        if hasattr(modul, "_"):
            modul._ = _
        if hasattr(modul, "ngettext"):
            modul.ngettext = _jamak


class Bulat(click.types.IntParamType):
    """Bilangan bulat; pesan galatnya "'abc' bukan bilangan bulat yang sah"."""

    name = "bilangan bulat"


class Rentang(click.IntRange):
    """Bilangan bulat dalam rentang; rentangnya ditulis "1–12", bukan "1<=x<=12"."""

    name = "bilangan bulat"

    def _describe_range(self) -> str:
        if self.min is None:
            return f"paling banyak {self.max}"
        if self.max is None:
            return f"paling sedikit {self.min}"
        return f"{self.min}–{self.max}"


class Opsi(click.Option):
    """Opsi dengan ``saran``: apa yang harus ditulis bila opsi wajib ini belum diberikan
    (mis. "sebutkan berkas buku nasional, mis. -o nasional.xlsx")."""

    def __init__(self, *args, saran: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.saran = saran


class Argumen(click.Argument):
    """Argumen dengan ``saran`` (lihat :class:`Opsi`)."""

    def __init__(self, *args, saran: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.saran = saran


def _kalimat(teks: str) -> str:
    teks = " ".join(teks.split())
    return teks[:1].lower() + teks[1:].rstrip(".")


def pesan_wajib(param: click.Parameter, ctx: click.Context) -> str:
    """Pesan untuk parameter wajib yang belum diberikan: apa yang kurang dan apa yang harus
    ditulis, mis. "Opsi -o/--output wajib: sebutkan berkas keluaran, mis. -o nasional.xlsx"."""
    saran = getattr(param, "saran", None)
    if isinstance(param, click.Option):
        opts = sorted(param.opts, key=len)
        nama = "/".join(opts)
        if saran:
            return f"Opsi {nama} wajib: {saran}"
        bantuan = f" ({_kalimat(param.help.split('. ')[0])})" if param.help else ""
        return f"Opsi {nama} wajib: tulis {opts[0]} {param.make_metavar(ctx)}{bantuan}."
    nama = param.make_metavar(ctx)
    if saran:
        return f"Argumen {nama} belum diberikan: {saran}"
    return (f"Argumen {nama} belum diberikan: tulis sesuai baris Penggunaan di atas "
            f"({ctx.command_path} --help untuk contohnya).")


def _petunjuk(p: click.Option, ctx=None) -> str:
    return "/".join(sorted(p.opts, key=len))


def _metavar(p: click.Option) -> str:
    return max(p.opts, key=len).lstrip("-").upper().replace("-", "_")


class Perintah(click.Command):
    """Perintah berbahasa Indonesia: metavar, rentang dan jenis angka tanpa istilah mesin
    (``INTEGER RANGE``, ``1<=x<=12``, ``TEXT``), dan parameter wajib yang belum diberikan
    dijelaskan dengan apa yang harus ditulis (:func:`pesan_wajib`)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[OPSI]")
        super().__init__(*args, **kwargs)
        for p in self.params:
            if type(p.type) is click.types.IntParamType:
                p.type = Bulat()
            elif type(p.type) is click.IntRange:
                t = p.type
                p.type = Rentang(t.min, t.max, t.min_open, t.max_open, t.clamp)
            if isinstance(p, click.Option):
                # "-n/--units", bukan "'--units' / '-n'" di pesan galat
                p.get_error_hint = functools.partial(_petunjuk, p)
            if (isinstance(p, click.Option) and p.metavar is None and not p.is_flag
                    and isinstance(p.type, (click.types.StringParamType, Bulat,
                                            click.types.FloatParamType))):
                p.metavar = _metavar(p)

    def parse_args(self, ctx, args):
        try:
            return super().parse_args(ctx, args)
        except click.MissingParameter as e:
            if e.param is None:
                raise
            raise click.UsageError(pesan_wajib(e.param, ctx), ctx) from None


def minta_json(args) -> bool:
    """Baris perintah meminta ``--format json``?"""
    args = list(args)
    return "--format=json" in args or any(
        a == "--format" and b == "json" for a, b in zip(args, args[1:]))


class PerintahJson(Perintah):
    """Perintah dengan ``--format json``: stdout selalu JSON, apa pun hasilnya.

    Galat pemakaian (opsi salah, PATH tidak diberikan) dan galat internal juga dicetak sebagai
    JSON dengan ``"error"`` (bentuknya dari ``json_galat(pesan)``); pesan biasa click tetap di
    stderr, kode keluar tetap 2."""

    def __init__(self, *args, json_galat=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.json_galat = json_galat

    def cetak_galat_json(self, pesan: str) -> None:
        click.echo(self.json_galat(pesan))

    def parse_args(self, ctx, args):
        json_ = minta_json(args)
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as e:
            if json_:
                self.cetak_galat_json(e.format_message())
            raise

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except (KeyboardInterrupt, click.Abort):
            # kode 2 (tidak ada yang dikerjakan), bukan 1 ("ada kesalahan/ditolak")
            if ctx.params.get("bentuk") == "json":
                self.cetak_galat_json("Dibatalkan (Ctrl+C) sebelum selesai; tidak ada yang "
                                      "dicatat atau ditulis. Jalankan lagi perintah yang sama.")
            click.echo("Dibatalkan.", err=True)
            ctx.exit(2)
        except Exception as e:
            if ctx.params.get("bentuk") == "json":
                self.cetak_galat_json(pesan_galat_internal(e))
            raise


def pesan_galat_internal(e: BaseException) -> str:
    """Pesan untuk kesalahan program yang tak terduga (bukan kesalahan pengguna)."""
    return ("Galat internal rapk-xl: ini kesalahan program, bukan kesalahan Anda. Laporkan ke "
            "pengelola rapk-xl beserta perintah dan berkasnya (RAPK_XL_DEBUG=1 menampilkan "
            f"rinciannya; kode untuk pengelola: {type(e).__name__}).")


class Grup(click.Group):
    """Grup perintah; subperintah dan subgrupnya memakai kelas yang sama."""

    command_class = Perintah
    group_class = type  # subgrup memakai kelas Grup juga

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[OPSI]")
        kwargs.setdefault("subcommand_metavar", "PERINTAH [ARG]...")
        super().__init__(*args, **kwargs)
