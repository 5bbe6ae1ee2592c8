"""Validator vs generator sampel: setiap kesalahan yang disuntikkan ditemukan di sel yang
dicatat manifest, tanpa temuan lain; workbook bersih lolos tanpa temuan sama sekali."""
import json

import pytest

from rapk_xl.samples.faults import KATALOG_RUSAK
from rapk_xl.samples.synthetic import buat_sampel
from rapk_xl.validate.validator import validasi


@pytest.fixture(scope="module")
def kiriman(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kiriman")
    # cukup berkas rusak agar setiap jenis kesalahan katalog muncul (1-3 per berkas, bergiliran)
    m = buat_sampel(folder, units=60, seed=11, rusak=40, periode=7, jobs=2)
    return folder, json.loads(m.path.read_text(encoding="utf-8"))


def test_semua_jenis_kesalahan_tercakup(kiriman):
    _, manifest = kiriman
    jenis = {k["rule"] for f in manifest["files"] for k in f["faults"]}
    assert jenis == set(KATALOG_RUSAK)


def test_validator_menemukan_persis_yang_disuntikkan(kiriman):
    folder, manifest = kiriman
    lap = validasi([folder], jobs=2)
    per = {f.file.split("/")[-1]: f for f in lap.files}
    for f in manifest["files"]:
        h = per[f["file"]]
        temu = {(t.rule, t.sheet, t.cell) for t in h.findings}
        harap = {(k["rule"], k["sheet"], k["cell"]) for k in f["faults"]}
        assert temu == harap, (f["file"], sorted(harap - temu), sorted(temu - harap))
        assert h.valid == (not f["faults"] or all(k["rule"] == "angka-sebagai-teks"
                                                  for k in f["faults"]))
