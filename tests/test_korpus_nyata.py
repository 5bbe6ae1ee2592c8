"""Korpus berkas nyata dari proyek lain (tests/korpus/real/, sumber dan lisensinya di README-nya):
setiap berkas mendapat temuan yang benar dan spesifik, tidak ada yang lolos, tidak ada traceback,
dan stdout --format json selalu JSON — lewat pustaka dan lewat baris perintah."""
import json
import re
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from rapk_xl.io.reader import GagalBaca, SumberBerkas
from rapk_xl.validate.katalog import KATALOG
from rapk_xl.validate.validator import validasi

NYATA = Path(__file__).parent / "korpus" / "real"


def _tabel_readme() -> dict[str, tuple[str, str | None]]:
    """berkas → (aturan, pembaca) dari tabel "Berkas" README korpus."""
    hasil = {}
    teks = (NYATA / "README.md").read_text(encoding="utf-8")
    for baris in teks.split("## Berkas", 1)[1].splitlines():
        kolom = [k.strip() for k in baris.strip().strip("|").split("|")]
        if len(kolom) != 6 or not kolom[0].startswith("`"):
            continue
        pembaca = kolom[5].strip("`") or None
        hasil[kolom[0].strip("`")] = (kolom[4].strip("`"), pembaca)
    return hasil


HARAPAN = _tabel_readme()


def _korpus() -> list[Path]:
    return sorted(p for p in NYATA.iterdir() if p.is_file() and p.name != "README.md")


def _semua_berkas() -> list[Path]:
    return sorted(p for p in NYATA.rglob("*") if p.is_file())


def test_readme_mencatat_setiap_berkas_korpus():
    assert {p.name for p in _korpus()} == set(HARAPAN)
    assert 30 <= len(HARAPAN) <= 60
    assert sum(p.stat().st_size for p in _semua_berkas()) < 5 * 2**20
    for aturan, _ in HARAPAN.values():
        assert aturan in KATALOG


@pytest.mark.parametrize("nama", sorted(HARAPAN))
def test_temuan_yang_diharapkan(nama):
    aturan, _ = HARAPAN[nama]
    h = validasi([NYATA / nama], jobs=1).files[0]
    assert not h.valid and not h.dilewati
    assert {t.rule for t in h.errors} == {aturan}, [t.message for t in h.findings]
    for t in h.findings:
        assert len(t.message) > 40 and "Traceback" not in t.message
    if KATALOG[aturan].kelompok == "berkas":
        # temuan tingkat berkas menyebut berkasnya, bagiannya atau zip-nya, bukan pesan umum
        t = h.errors[0]
        assert nama in t.message or "bagian '" in t.message.lower() or "zip" in t.message, t.message


@pytest.mark.parametrize("nama", sorted(n for n, (_, p) in HARAPAN.items() if p))
def test_catatan_pembaca(nama):
    """Berkas yang terbaca: catatan pembaca yang diharapkan (lembar makro per nama sheet, proyek
    VBA, sheet tanpa isi), dan tidak ada yang lain."""
    _, pembaca = HARAPAN[nama]
    harap = set() if pembaca == "-" else {pembaca}
    s = SumberBerkas(NYATA / nama)
    try:
        ada = {f"{m.rule}:{m.sheet}" for m in s.masalah()} | ({"vba"} if s.berkas.makro else set())
    finally:
        s.close()
    assert ada == harap


def test_berkas_tak_terbaca_memang_tidak_terbaca():
    for nama, (aturan, pembaca) in HARAPAN.items():
        if pembaca is None:
            with pytest.raises(GagalBaca) as e:
                SumberBerkas(NYATA / nama).close()
            assert e.value.kode == aturan, nama


def _batas_memori():
    resource.setrlimit(resource.RLIMIT_AS, (1536 * 2**20, 1536 * 2**20))


def _rapk_xl(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "rapk_xl", *map(str, args)], capture_output=True,
                          text=True, timeout=300, preexec_fn=_batas_memori, cwd=cwd)


def test_cli_validasi_json_seluruh_folder():
    r = _rapk_xl("validasi", NYATA, "--format", "json")
    assert "Traceback" not in r.stderr and r.returncode == 1, r.stderr[-2000:]
    data = json.loads(r.stdout)
    per = {Path(f["file"]).name: f for f in data["files"]}
    # setiap berkas di folder tercatat tepat sekali: korpus diperiksa, README dan LISENSI dilewati
    assert len(data["files"]) == len(_semua_berkas()) == len(per)
    for nama, (aturan, _) in HARAPAN.items():
        f = per[nama]
        assert not f["valid"] and f["status"] in ("ditolak", "tidak-terbaca")
        assert {t["rule"] for t in f["findings"] if t["severity"] == "error"} == {aturan}
    lewat = [f for f in data["files"] if f["status"] == "dilewati"]
    assert {Path(f["file"]).name for f in lewat} == {p.name for p in _semua_berkas()} - set(HARAPAN)
    assert all(f["note"] and f["skipped"] for f in lewat)
    assert not any(f["valid"] for f in data["files"])


def test_cli_konsolidasi_json_seluruh_folder(tmp_path):
    r = _rapk_xl("konsolidasi", NYATA, "-o", tmp_path / "nasional.xlsx", "--tahun", "2024",
                 "--periode", "6", "--format", "json")
    assert "Traceback" not in r.stderr and "Exception ignored" not in r.stderr, r.stderr[-2000:]
    assert r.returncode in (1, 2)
    data = json.loads(r.stdout)
    assert len(data["files"]) == len(_semua_berkas())
    assert not any(f["status"] == "diterima" for f in data["files"])
    tercatat = {Path(f["file"]).name: f for f in data["files"]}
    assert all(tercatat[n]["status"] == "ditolak" for n in HARAPAN)


def test_cli_validasi_teks_menyebut_setiap_berkas():
    r = _rapk_xl("validasi", NYATA)
    assert "Traceback" not in r.stderr and r.returncode == 1
    for p in _semua_berkas():
        assert len(re.findall(rf"(?<![\w.-]){re.escape(p.name)}(?![\w.-])", r.stdout)) >= 1, p.name
    ringkas = r.stdout.strip().splitlines()[-1]
    assert ringkas.startswith(f"{len(_semua_berkas())} berkas: 0 lolos"), ringkas
