"""Pesan bawaan click dalam Bahasa Indonesia.

click menandai pesannya dengan gettext (``_()``/``ngettext()``) tetapi tidak membawa katalog
terjemahan. Alih-alih memasang berkas .mo yang bergantung pada locale mesin pengguna,
:func:`pasang` mengganti fungsi terjemahan di modul-modul click dengan kamus di bawah. Pesan
yang tidak ada di kamus tetap tampil dalam bahasa aslinya.
"""
from __future__ import annotations

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


class Perintah(click.Command):
    """Perintah dengan metavar berbahasa Indonesia."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[OPSI]")
        super().__init__(*args, **kwargs)


class Grup(click.Group):
    """Grup perintah; subperintah dan subgrupnya memakai kelas yang sama."""

    command_class = Perintah
    group_class = type  # subgrup memakai kelas Grup juga

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[OPSI]")
        kwargs.setdefault("subcommand_metavar", "PERINTAH [ARG]...")
        super().__init__(*args, **kwargs)
