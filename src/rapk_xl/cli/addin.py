from __future__ import annotations

from pathlib import Path

import click

from .bahasa import Grup

LANGKAH_UDF = """Langkah berikutnya di Excel:
  1. Tutup lalu buka lagi Excel: tab RAPK dengan tombol Validasi muncul.
  2. Fungsi =CAPAIAN(), =KRITERIA(), =NPS(), =NPS_UNIT(), =BOBOT(), =EFISIENSI():
     File > Options > Trust Center > Trust Center Settings > Macro Settings, centang
     "Trust access to the VBA project object model"; lalu tekan Alt+F11, buka jendela
     Immediate (Ctrl+G), ketik  ImportPythonUDFsToAddin  dan tekan Enter.
  3. Buka workbook RAPK dan tekan RAPK > Validasi."""


@click.group("addin", cls=Grup)
def addin_grup() -> None:
    """Add-in Excel rapk_xl.xlam: tab RAPK dengan tombol Validasi dan fungsi =CAPAIAN() dst."""


@addin_grup.command("build")
@click.option("-o", "--output", "keluaran", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("templates") / "rapk_xl.xlam", show_default=True,
              help="Berkas add-in yang ditulis (nama harus rapk_xl.xlam).")
@click.option("--interpreter", help="Path Python (pythonw.exe) yang dipakai add-in di Windows.")
def build_cmd(keluaran: Path, interpreter: str | None) -> None:
    """Bangun rapk_xl.xlam dari template add-in ribbon xlwings."""
    from ..addin import GagalAddin, buat_addin
    try:
        buat_addin(keluaran, interpreter_win=interpreter)
    except GagalAddin as e:
        raise click.ClickException(e.pesan) from None
    except OSError as e:
        raise click.ClickException(f"tidak dapat menulis {keluaran}: {e.strerror}") from None
    click.echo(f"Add-in ditulis: {keluaran}")


@addin_grup.command("install")
def install_cmd() -> None:
    """Pasang add-in ke folder XLSTART Excel (Windows, macOS), memakai Python ini."""
    from ..addin import GagalAddin, pasang_addin
    try:
        tujuan = pasang_addin()
    except GagalAddin as e:
        click.echo(f"Galat: {e.pesan}", err=True)
        raise SystemExit(1) from None
    click.echo(f"Add-in dipasang: {tujuan}")
    click.echo(LANGKAH_UDF)
