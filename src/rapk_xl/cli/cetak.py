from __future__ import annotations

import click

from .bahasa import Perintah


@click.command("cetak", cls=Perintah)
def cetak_cmd() -> None:
    """(segera hadir)"""
    raise click.ClickException("Perintah ini segera hadir.")
