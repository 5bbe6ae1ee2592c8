"""Pesan baris perintah dibaca sebagai Bahasa Indonesia biasa: apa yang kurang atau salah, dan
apa yang harus ditulis — tanpa teks mesin (repr Python, nama exception, istilah click seperti
"Missing option", "INTEGER RANGE", "1<=x<=12").

Harapan ditulis dengan tangan dari bantuan setiap perintah dan dari format (docs/format.md).
"""
import json
import re
import shutil

import click
import openpyxl
import pytest
from click.testing import CliRunner

from bersih import data_bersih
from rapk_xl.cli import PERINTAH, cli
from rapk_xl.io.writer import tulis_workbook

#: teks mesin yang tidak boleh tampil ke pengguna
MESIN = re.compile(r"INTEGER|RANGE|\bTEXT\b|FLOAT|<=x|x<=|Missing|Error:|Usage:|belum diberikan '"
                   r"|' / '|Traceback|Exception")


@pytest.fixture(autouse=True)
def _di_folder_sementara(tmp_path, monkeypatch):
    """Perintah yang keliru diterima tidak boleh menulis ke folder repo."""
    monkeypatch.chdir(tmp_path)


def jalankan(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], prog_name="rapk-xl")


def _semua_perintah():
    ctx = click.Context(cli)
    for nama in PERINTAH:
        cmd = cli.get_command(ctx, nama)
        if isinstance(cmd, click.Group):
            for sub in cmd.commands.values():
                yield [nama, sub.name], sub
        else:
            yield [nama], cmd


PERINTAH_SEMUA = list(_semua_perintah())


@pytest.mark.parametrize("jalur, cmd", PERINTAH_SEMUA, ids=lambda v: " ".join(v)
                         if isinstance(v, list) else "")
def test_bantuan_tanpa_istilah_mesin(jalur, cmd):
    r = jalankan(*jalur, "--help")
    assert r.exit_code == 0
    assert not MESIN.search(r.output), (jalur, MESIN.search(r.output).group())


WAJIB = [
    # perintah tanpa parameter wajibnya → pesan yang harus memuat potongan ini (ditulis tangan)
    (["konsolidasi", "kiriman"], "Opsi -o/--output wajib: sebutkan berkas buku nasional",
     "-o nasional.xlsx"),
    (["konsolidasi", "-o", "n.xlsx"], "Argumen PATH... belum diberikan: sebutkan folder",
     "rapk-xl konsolidasi kiriman/ -o nasional.xlsx"),
    (["validasi"], "Argumen PATH... belum diberikan: sebutkan workbook atau folder",
     "rapk-xl validasi kiriman/"),
    (["template"], "Opsi -o/--output wajib: sebutkan berkas template", "-o rapk_jember.xlsx"),
    (["sampel", "-o", "s"], "Opsi -n/--units wajib: sebutkan jumlah workbook", "--units 103"),
    (["sampel", "-n", "3"], "Opsi -o/--output wajib: sebutkan folder tujuan", "-o sampel"),
    (["hitung", "capaian", "90"], "Argumen TARGET belum diberikan: tulis realisasi lalu target",
     "rapk-xl hitung capaian 93,62 94,75"),
    (["hitung", "kriteria"], "Argumen NILAI belum diberikan", "rapk-xl hitung kriteria 84,6"),
    (["hitung", "nps"], "Argumen CAPAIAN... belum diberikan", "90:2"),
    (["hitung", "efisiensi", "98"], "Argumen INPUT belum diberikan", "hitung efisiensi 98 45"),
    # perintah di luar cli/ milik brief ini: pesan dari teks bantuannya
    (["cetak", "rapk.xlsx"], "Opsi -o/--output wajib: tulis -o", "cetakan yang ditulis"),
    (["cetak"], "Argumen BERKAS belum diberikan", "rapk-xl cetak --help"),
]


@pytest.mark.parametrize("args, pesan, contoh", WAJIB)
def test_parameter_wajib_dijelaskan(args, pesan, contoh):
    r = jalankan(*args)
    assert r.exit_code == 2
    galat = r.output.strip().splitlines()[-1]
    assert galat.startswith("Galat: ") and pesan in galat and contoh in galat, galat
    assert not MESIN.search(galat), galat


def test_setiap_parameter_wajib_punya_pesan_indonesia():
    """Setiap opsi/argumen wajib di setiap perintah: pesannya menyebut opsinya dan apa yang
    harus ditulis (saran atau bantuannya), tidak pernah pesan bawaan click."""
    for jalur, cmd in PERINTAH_SEMUA:
        for p in cmd.params:
            if not p.required:
                continue
            # beri semua parameter wajib lain nilai, kecuali yang diuji
            args = list(jalur)
            for q in cmd.params:
                if q is p or not q.required:
                    continue
                args += ([q.opts[0], "1"] if isinstance(q, click.Option) else ["1"])
            if isinstance(p, click.Argument):
                # argumen diuji dengan argumen sebelumnya terisi dan yang ini kosong
                args = list(jalur) + [x for q in cmd.params if isinstance(q, click.Option)
                                      and q.required for x in (q.opts[0], "1")]
                args += ["1"] * [q for q in cmd.params if isinstance(q, click.Argument)].index(p)
            r = jalankan(*args)
            galat = r.output.strip().splitlines()[-1]
            nama = "/".join(sorted(p.opts, key=len)) if isinstance(p, click.Option) else \
                p.make_metavar(click.Context(cmd))
            assert r.exit_code == 2 and nama in galat, (jalur, p.name, galat)
            assert not MESIN.search(galat) and len(galat) > 40, (jalur, p.name, galat)


@pytest.mark.parametrize("args, pesan", [
    (["konsolidasi", "k", "-o", "n.xlsx", "--periode", "13"], "13 di luar rentang 1–12"),
    (["konsolidasi", "k", "-o", "n.xlsx", "--tahun", "dua"], "'dua' bukan bilangan bulat"),
    (["riwayat", "--periode", "0"], "0 di luar rentang 1–12"),
    (["demo", "--jobs", "0"], "0 di luar rentang 1–64"),
    (["sampel", "-n", "x", "-o", "s"], "'x' bukan bilangan bulat"),
    (["template", "-o", "t.xlsx", "--tahun", "2100"], "2100 di luar rentang 2005–"),
    (["hitung", "capaian", "abc", "90"], "realisasi 'abc' bukan angka atau opini BPK"),
    (["hitung", "capaian", "90", "1.234"], "target '1.234' dapat dibaca 1234 atau 1,234"),
    (["hitung", "efisiensi", "x", "45"], "output 'x' bukan angka"),
    (["hitung", "kriteria", ""], "nilai kosong"),
])
def test_nilai_salah_disebut_dengan_nilai_sahnya(args, pesan):
    r = jalankan(*args)
    assert r.exit_code == 2 and pesan in r.output, r.output
    assert not MESIN.search(r.output.strip().splitlines()[-1]), r.output


def test_hitung_capaian_opini_dan_kosong_tetap_sah():
    r = jalankan("hitung", "capaian", "WDP", "WTP")
    assert r.exit_code == 0 and "Capaian: 75,00 %" in r.output   # kode 3 / 4 × 100
    r = jalankan("hitung", "capaian", "-", "83")
    assert r.exit_code == 1 and "tidak dapat dihitung" in r.output   # belum ada realisasi


def test_template_tahun_menurut_format(tmp_path):
    """Tahun template = tahun yang diterima validator (2005 s.d. tahun depan): 2019 sah."""
    r = jalankan("template", "-o", tmp_path / "t.xlsx", "--tahun", "2019")
    assert r.exit_code == 0, r.output
    r = jalankan("template", "-o", tmp_path / "t.csv")
    assert r.exit_code == 2 and "bukan 't.csv'" in r.output
    r = jalankan("template", "-o", tmp_path / "t.xlsx" / "u.xlsx")   # t.xlsx berkas, bukan folder
    assert r.exit_code == 1 and "t.xlsx' adalah berkas, bukan folder" in r.output
    assert not MESIN.search(r.output)


def test_unit_saran_sama_dengan_opsi_unit():
    """`rapk-xl unit jembr` menyarankan Jember seperti `template --unit jembr`."""
    r = jalankan("unit", "jembr")
    assert r.exit_code == 1 and "Balai POM di Jember" in r.output and "terdekat" in r.output
    r = jalankan("unit", "surabaya", "--kelompok", "loka")
    assert r.exit_code == 1 and "tidak ada dalam kelompok Loka" in r.output
    assert "Balai Besar POM di Surabaya (Balai)" in r.output
    r = jalankan("unit", "zzzz")
    assert r.exit_code == 1 and "rapk-xl unit jember" in r.output


def test_riwayat_csv_tidak_dapat_ditulis(tmp_path):
    k = tmp_path / "k"
    k.mkdir()
    tulis_workbook(data_bersih(), k / "a.xlsx")
    assert jalankan("konsolidasi", k, "-o", tmp_path / "n.xlsx").exit_code in (0, 1)
    r = jalankan("riwayat", "--riwayat", tmp_path / "n.riwayat.sqlite", "--csv",
                 tmp_path / "tidak" / "ada" / "r.csv")
    assert r.exit_code == 2 and "CSV tidak dapat ditulis" in r.output
    assert "berkas atau folder itu tidak ada" in r.output and r.exception is None or \
        isinstance(r.exception, SystemExit)


# -- pesan temuan pada workbook nyata -----------------------------------------------------------

@pytest.fixture(scope="module")
def asli(tmp_path_factory):
    return tulis_workbook(data_bersih(), tmp_path_factory.mktemp("bersih") / "bersih.xlsx")


def _validasi_json(path):
    r = jalankan("validasi", path, "--format", "json")
    (f,) = json.loads(r.stdout)["files"]
    return {(t["rule"], t["sheet"], t["cell"]): t["message"] for t in f["findings"]}


def test_tahun_kosong_dan_polaritas_angka(asli, tmp_path):
    """Sel Tahun dikosongkan (Info!B6) dan 80 diketik di Polaritas (PK!H6, baris indikator
    pertama) di workbook yang ditulis rapk-xl lalu disimpan openpyxl seperti pengguna."""
    p = tmp_path / "ubah.xlsx"
    shutil.copy(asli, p)
    wb = openpyxl.load_workbook(p)
    wb["Info"]["B6"] = None
    wb["PK"]["H6"] = 80
    wb.save(p)
    pesan = _validasi_json(p)
    tahun = pesan[("tahun-tidak-wajar", "Info", "B6")]
    assert tahun.startswith("Tahun kosong:") and "''" not in tahun and "mis. 2024" in tahun
    polaritas = pesan[("di-luar-pilihan", "PK", "H6")]
    assert "Polaritas '80' " in polaritas and "80.0" not in polaritas
    assert "Positif" in polaritas and "Negatif" in polaritas and "dropdown" in polaritas
