"""Dokumen resmi tidak bergantung pada bahasa mesin: ``rapk-xl cetak --pdf`` di mesin
berbahasa Inggris dan Indonesia sama-sama mencetak angka cara Indonesia (62.210.400; 84,6).

Angka yang diharapkan diambil dari dokumen sumber (RAPK Balai POM di Jember 2024 indikator
1.01: anggaran 62.210.400, 1.02: target 88,5; RAPK BPOM 2024 indikator 1.01: anggaran
114.624.028,00 ribu rupiah, 5.02: target 84,6), bukan dari kode.
"""
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import perlu_soffice
from rapk_xl.cli import cli

AKAR = Path(__file__).resolve().parents[1]

pytestmark = [perlu_soffice, pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext tidak ada: apt-get install poppler-utils")]

HARAP = {  # sampel → (harus tercetak, tidak boleh tercetak)
    "balai_pom_jember_2024": (["62.210.400", "88,5"], ["62,210,400", "88.5"]),
    "bpom_2024": (["114.624.028,00", "84,6"], ["114,624,028.00", "84.6"]),
}


@pytest.mark.parametrize("bahasa", ["en_US.UTF-8", "id_ID.UTF-8"])
def test_cetak_pdf_berangka_indonesia_di_mesin_mana_pun(bahasa, tmp_path, monkeypatch):
    # LibreOffice memakai bahasa dari lingkungan (tanpa perlu locale glibc terpasang)
    for var in ("LANG", "LC_ALL", "LC_NUMERIC", "LC_MESSAGES"):
        monkeypatch.setenv(var, bahasa)
    monkeypatch.setenv("LANGUAGE", bahasa.split(".")[0])
    for id_sampel, (ada, tidak) in HARAP.items():
        keluar = tmp_path / f"{id_sampel}.xlsx"
        r = CliRunner().invoke(cli, ["cetak", str(AKAR / "samples" / f"{id_sampel}.xlsx"),
                                     "-o", str(keluar), "--pdf"])
        assert r.exit_code == 0, r.output
        teks = subprocess.run(["pdftotext", "-layout", str(keluar.with_suffix(".pdf")), "-"],
                              capture_output=True, text=True, check=True).stdout
        kata = set(teks.split())
        for t in ada:
            assert t in kata, (bahasa, id_sampel, t)
        for t in tidak:
            assert t not in kata, (bahasa, id_sampel, t)
