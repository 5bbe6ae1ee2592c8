from __future__ import annotations

import click

from .bahasa import Perintah


@click.command("sampel", cls=Perintah)
def sampel_cmd() -> None:
    """(segera hadir)"""
    raise click.ClickException("Perintah ini segera hadir.")
