"""Teks header hanya ditulis di spec: mengganti semua teks header (dan kunci Info) di
``format/spec.py`` — tanpa menyentuh berkas lain di ``src/`` — tidak merusak apa pun.

Paket disalin ke folder sementara, ``spec.py`` salinannya diubah, lalu seluruh jalur
(template → isi → validasi → konsolidasi → cetak) dijalankan dengan salinan itu di proses
tersendiri. Harapannya tidak diambil dari kode: sel kesalahan sengaja dicatat generator
sampel di manifest, dan teks header baru dibaca langsung dari sel workbook.
"""
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from rapk_xl.format.spec import KUNCI_INFO, TABEL_DATA
from rapk_xl.validate.validator import validasi

AKAR = Path(__file__).resolve().parents[1]
BARU = " Baru"

_JALUR = r"""
import json, sys
from pathlib import Path
import rapk_xl
from rapk_xl.consolidate.konsolidasi import konsolidasi
from rapk_xl.io.cetak import tulis_cetak
from rapk_xl.io.reader import baca_workbook, ke_data
from rapk_xl.io.writer import tulis_template
from rapk_xl.samples.synthetic import buat_sampel
from rapk_xl.validate.validator import validasi

out = Path(sys.argv[1])
m = buat_sampel(out / "kiriman", units=6, rusak=3, seed=5, jobs=1)
lap = validasi([out / "kiriman"], jobs=1)
k = konsolidasi([out / "kiriman"], out / "nasional.xlsx", jobs=1)
tulis_template(out / "template.xlsx")
bersih = next(f for f in m.files if not f.faults)
tulis_cetak(ke_data(baca_workbook(out / "kiriman" / bersih.file)), out / "cetak.xlsx")
print(json.dumps({
    "paket": rapk_xl.__file__,
    "temuan": {Path(f.file).name: sorted([t.rule, t.sheet, t.cell] for t in f.findings)
               for f in lap.files if not f.dilewati},
    "diterima": sorted(Path(x.berkas).name for x in k.diterima),
    "bersih": bersih.file,
}))
"""


def _ganti_spec(teks: str) -> str:
    """Setiap teks header kolom dan kunci Info mendapat akhiran " Baru"."""
    teks, n = re.subn(r'(Kolom\("[a-z0-9_]+", )"([^"]+)"', rf'\1"\2{BARU}"', teks)
    teks, m = re.subn(r"Kolom\((b|r), \1\.upper\(\),", rf'Kolom(\1, \1.upper() + "{BARU}",', teks)
    teks, i = re.subn(r'(KunciInfo\("[a-z_]+", )"([^"]+)"', rf'\1"\2{BARU}"', teks)
    assert n >= 30 and m == 2 and i == len(KUNCI_INFO), (n, m, i)
    return teks


@pytest.fixture(scope="module")
def jalur_baru(tmp_path_factory):
    dasar = tmp_path_factory.mktemp("header_baru")
    salinan = dasar / "src"
    shutil.copytree(AKAR / "src", salinan, ignore=shutil.ignore_patterns("__pycache__"))
    spec = salinan / "rapk_xl" / "format" / "spec.py"
    spec.write_text(_ganti_spec(spec.read_text(encoding="utf-8")), encoding="utf-8")
    # hanya spec.py yang berbeda dari src/ asli
    beda = [p.relative_to(salinan) for p in salinan.rglob("*.py")
            if p.read_bytes() != (AKAR / "src" / p.relative_to(salinan)).read_bytes()]
    assert beda == [Path("rapk_xl/format/spec.py")]
    keluar = dasar / "keluar"
    skrip = dasar / "jalur.py"
    skrip.write_text(_JALUR, encoding="utf-8")
    r = subprocess.run([sys.executable, str(skrip), str(keluar)], capture_output=True,
                       text=True, timeout=600, cwd=dasar,
                       env={"PYTHONPATH": str(salinan), "PATH": "/usr/bin:/bin",
                            "HOME": str(dasar)})
    assert r.returncode == 0, r.stderr[-3000:]
    hasil = json.loads(r.stdout.strip().splitlines()[-1])
    assert hasil["paket"].startswith(str(salinan)), "salinan paket tidak terpakai"
    manifest = json.loads((keluar / "kiriman" / "manifest.json").read_text(encoding="utf-8"))
    return keluar, hasil, manifest


def test_template_memakai_teks_header_baru(jalur_baru):
    keluar, _, _ = jalur_baru
    wb = openpyxl.load_workbook(keluar / "template.xlsx")
    for t in TABEL_DATA:
        ws = wb[t.sheet]
        header = [ws.cell(t.baris_header, j + 1).value for j in range(len(t.kolom))]
        assert header == [k.nama + BARU for k in t.kolom], t.sheet
    kunci = [wb["Info"].cell(5 + i, 1).value for i in range(len(KUNCI_INFO))]
    assert kunci == [k.kunci + BARU for k in KUNCI_INFO]


def test_validasi_menemukan_persis_kesalahan_sengaja(jalur_baru):
    _, hasil, manifest = jalur_baru
    for f in manifest["files"]:
        harap = sorted([k["rule"], k["sheet"], k["cell"]] for k in f["faults"])
        assert hasil["temuan"][f["file"]] == harap, f["file"]


def test_konsolidasi_dan_cetak_bekerja(jalur_baru):
    keluar, hasil, manifest = jalur_baru
    lolos = sorted(f["file"] for f in manifest["files"]
                   if all(k["rule"] == "angka-sebagai-teks" for k in f["faults"]))
    assert hasil["diterima"] == lolos and len(lolos) >= 3
    ring = openpyxl.load_workbook(keluar / "nasional.xlsx")["Ringkasan"]
    status = [r[2] for r in ring.iter_rows(min_row=5, values_only=True)]
    assert status.count("diterima") == len(lolos)
    # cetakan memuat kode RO berkas bersih (dibaca mentah dari sheet Anggaran-nya)
    ang = openpyxl.load_workbook(keluar / "kiriman" / hasil["bersih"])["Anggaran"]
    judul = [c.value for c in ang[5]]
    kol = judul.index("Kode RO" + BARU)
    kode_ro = {r[kol] for r in ang.iter_rows(min_row=6, values_only=True) if r[kol]}
    cetak = openpyxl.load_workbook(keluar / "cetak.xlsx").active
    isi = {c.value for baris in cetak.iter_rows() for c in baris if isinstance(c.value, str)}
    assert kode_ro and kode_ro <= {t.split(" - ")[0] for t in isi} | isi


_ALIAS = r"""
import json, sys
import rapk_xl.format.spec as spec
# setiap header diganti; teks lamanya menjadi alias (workbook lama tetap terbaca)
for k in {id(k): k for t in spec.TABEL_DATA for k in t.kolom}.values():  # satu kali per kolom
    object.__setattr__(k, "alias", (k.nama,))
    object.__setattr__(k, "nama", k.nama + " Baru")
from rapk_xl.validate.validator import validasi
lap = validasi(sys.argv[1:], jobs=1)
print(json.dumps([sorted([t.rule, t.sheet, t.cell] for t in f.findings) for f in lap.files]))
"""


def test_workbook_lama_terbaca_lewat_alias(tmp_path):
    sampel = sorted(str(p) for p in (AKAR / "samples").glob("*.xlsx"))
    skrip = tmp_path / "alias.py"
    skrip.write_text(_ALIAS, encoding="utf-8")
    r = subprocess.run([sys.executable, str(skrip), *sampel], capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 0, r.stderr[-3000:]
    baru = json.loads(r.stdout.strip().splitlines()[-1])
    lama = [sorted([t.rule, t.sheet, t.cell] for t in f.findings)
            for f in validasi(sampel, jobs=1).files]
    assert baru == lama and all(lama)  # sampel membawa anomali dokumen asli
    assert not any(a.startswith("header-") for f in baru for a, _, _ in f)
