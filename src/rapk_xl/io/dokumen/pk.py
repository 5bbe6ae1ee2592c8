"""Perjanjian Kinerja (``rapk-xl cetak --dokumen pk``), seperti yang ditandatangani unit.

Sheet ``PK``: kop BADAN PENGAWAS OBAT DAN MAKANAN, judul PERJANJIAN KINERJA TAHUN <tahun> dan
unitnya, paragraf pembuka, pihak pertama (Nama/Jabatan Penandatangan) dan pihak kedua
(Nama/Jabatan Atasan), dua paragraf janji, lalu dua tanda tangan berdampingan (Pihak Kedua
kiri; tempat, tanggal dan Pihak Pertama kanan). Sheet ``Lampiran PK``: matriks NO | SASARAN
| INDIKATOR KINERJA | TARGET (sasaran digabung di atas indikatornya, target seperti ditulis:
``WTP``, ``100%``, ``54,3``). Sheet ``Anggaran PK``: tabel anggaran (per kode kegiatan dari
Kode RO, dan jumlahnya) dan kedua tanda tangan lagi. Tiga sheet agar header tabel yang diulang
di setiap halaman selalu header tabel itu.

Kalimat perjanjian ada di satu berkas teks yang boleh diubah Biro
(``rapk_xl/data/perjanjian_kinerja.txt``, :func:`baca_teks_pk`).
"""
from __future__ import annotations

import math
import re
from importlib import resources
from pathlib import Path

from openpyxl import Workbook

from ...calc.parse import kunci_teks
from ...calc.turunan import jumlah_terbaca, kali_rupiah
from ...format import DataRAPK
from ...format import cetakan as fc
from ..tampilan import nilai_tertulis
from .dasar import Halaman, baris_judul, tanda_tangan_info
from .isi import kelompokkan, kode_kegiatan, susun_indikator, tahun_data, teks

__all__ = ["buat_pk", "baca_teks_pk", "target_tertulis", "anggaran_per_kegiatan", "BAGIAN_PK",
           "GagalTeksPK"]

#: bagian yang harus ada di berkas teks PK
BAGIAN_PK = ("pembuka", "label_nama", "label_jabatan", "sebutan_pihak_pertama",
             "sebutan_pihak_kedua", "janji_pihak_pertama", "janji_pihak_kedua", "pihak_kedua",
             "pihak_pertama")
_BAGIAN = re.compile(r"^\[([a-z_]+)\]\s*$")


class GagalTeksPK(Exception):
    def __init__(self, pesan: str):
        super().__init__(pesan)
        self.pesan = pesan


def baca_teks_pk(path: str | Path | None = None) -> dict[str, str]:
    """Bagian teks PK (nama bagian → teks; baris kosong memisahkan paragraf)."""
    if path is None:
        isi = resources.files("rapk_xl.data").joinpath("perjanjian_kinerja.txt").read_text(
            encoding="utf-8")
        nama = "perjanjian_kinerja.txt"
    else:
        try:
            isi = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise GagalTeksPK(f"Berkas teks PK '{path}' tidak dapat dibaca: {e}.") from None
        nama = str(path)
    bagian: dict[str, list[str]] = {}
    sekarang = None
    for baris in isi.splitlines():
        if baris.lstrip().startswith("#"):
            continue
        m = _BAGIAN.match(baris.strip())
        if m:
            sekarang = m.group(1)
            bagian[sekarang] = []
        elif sekarang is not None:
            bagian[sekarang].append(baris.rstrip())
    hasil = {k: "\n".join(p for p in _paragraf(v)) for k, v in bagian.items()}
    kurang = [b for b in BAGIAN_PK if not hasil.get(b)]
    if kurang:
        raise GagalTeksPK(f"Berkas teks PK '{nama}' tidak memuat bagian "
                          + ", ".join(f"[{b}]" for b in kurang) + ".")
    return hasil


def _paragraf(baris: list[str]) -> list[str]:
    """Baris berturutan digabung menjadi satu paragraf; baris kosong memisahkan."""
    hasil, kini = [], []
    for b in baris:
        if b.strip():
            kini.append(b.strip())
        elif kini:
            hasil.append(" ".join(kini))
            kini = []
    if kini:
        hasil.append(" ".join(kini))
    return hasil


def target_tertulis(target: object, satuan: object) -> str:
    """Target PK seperti ditulis, dengan satuannya bila perlu: 90 (%) → ``"90%"``, 54.3
    (Indeks) → ``"54,3"``, ``WTP`` → ``"WTP"``, 6 (Sekolah) → ``"6 Sekolah"``."""
    t = nilai_tertulis(target)
    if not t or not isinstance(target, (int, float)) or isinstance(target, bool):
        return t
    s = teks(satuan)
    if s == "%":
        return f"{t}%"
    if kunci_teks(s) in fc.SATUAN_TANPA_AKHIRAN:
        return t
    return f"{t} {s}"


def anggaran_per_kegiatan(data: DataRAPK, indikator) -> tuple[list[tuple[str, float]], float]:
    """(label kegiatan, jumlah Kontribusi dalam rupiah) per kode kegiatan Kode RO (urut
    kemunculan), dan jumlah semuanya. Kontribusi yang bukan angka tidak ikut (seperti SUM)."""
    kali = kali_rupiah(data.info.get("satuan_anggaran")) or 1.0
    per: dict[str | None, list] = {}
    for ind in indikator:
        for b in ind.anggaran:
            per.setdefault(kode_kegiatan(b.get("kode_ro")), []).append(b.get("kontribusi"))
    baris = []
    for kode, nilai in sorted(per.items(), key=lambda kv: kv[0] is None):
        label = (fc.LABEL_KEGIATAN.format(kode=kode) if kode is not None
                 else fc.LABEL_TANPA_KEGIATAN)
        baris.append((label, jumlah_terbaca(nilai) * kali))
    return baris, math.fsum(v for _, v in baris)


def _pihak(h: Halaman, teks_pk: dict, nama: str, jabatan: str, sebutan: str) -> None:
    for label, isi in ((teks_pk["label_nama"], nama), (teks_pk["label_jabatan"], jabatan)):
        r = h.baris
        t1 = h.sel(r, 2, 2, label, garis=False, ukuran=10)
        t2 = h.sel(r, 3, h.n, f": {isi}" if isi else ":", garis=False, ukuran=10)
        h.tinggi(r, t1, t2, 16)
        h.baris += 1
    h.paragraf(sebutan, awal=2, rata="kiri")
    h.kosong()


def _ttd(h: Halaman, info: dict, teks_pk: dict) -> None:
    kiri = [("", False), (teks_pk["pihak_kedua"], False),
            *tanda_tangan_info(info, "jabatan_atasan", "nama_atasan", tempat=False,
                               kosong_tetap=True)]
    kanan = [*(tanda_tangan_info(info, tempat=True, kosong_tetap=True)[:1]),
             (teks_pk["pihak_pertama"], False),
             *tanda_tangan_info(info, tempat=False, kosong_tetap=True)]
    h.tanda_tangan_dua(kiri, kanan, batas=h.kol("indikator"))


def buat_pk(data: DataRAPK, teks_pk: dict[str, str] | None = None) -> Workbook:
    """Workbook Perjanjian Kinerja: sheet ``PK`` (naskah) dan ``Lampiran PK``."""
    teks_pk = teks_pk or baca_teks_pk()
    tahun = tahun_data(data)
    isian = {"tahun": tahun if tahun is not None else teks(data.tahun),
             "unit": teks(data.unit)}
    judul = fc.PK.judul.format(**isian)
    info = data.info

    # -- naskah ---------------------------------------------------------------------------
    h = Halaman(fc.PK, judul_workbook=f"{judul} {teks(data.unit)}".strip())
    h.kop([fc.NAMA_BADAN])
    h.judul(baris_judul(data, judul)[:-1], ukuran=12)  # judul dan unit (nama badan di kop)
    h.paragraf(teks_pk["pembuka"].format(**isian))
    h.kosong()
    _pihak(h, teks_pk, teks(info.get("nama_penandatangan")),
           teks(info.get("jabatan_penandatangan")), teks_pk["sebutan_pihak_pertama"])
    _pihak(h, teks_pk, teks(info.get("nama_atasan")), teks(info.get("jabatan_atasan")),
           teks_pk["sebutan_pihak_kedua"])
    for bagian in ("janji_pihak_pertama", "janji_pihak_kedua"):
        for p in teks_pk[bagian].format(**isian).split("\n"):
            h.paragraf(p)
            h.kosong()
    _ttd(h, info, teks_pk)
    h.selesai(None)

    # -- lampiran -------------------------------------------------------------------------
    lamp = Halaman(fc.PK, wb=h.wb, sheet=fc.SHEET_LAMPIRAN_PK)
    lamp.judul(baris_judul(data, fc.JUDUL_LAMPIRAN_PK.format(**isian)), ukuran=11)
    lamp.kepala()
    indikator = susun_indikator(data)
    for s in kelompokkan(indikator):
        r0 = lamp.baris
        for ind in s.indikator:
            lamp.baris_data({"indikator": ind.indikator,
                             "target": target_tertulis(ind.target, ind.satuan)},
                            lewati=("no", "sasaran") if lamp.baris > r0 else ())
        r1 = lamp.baris - 1
        lamp.blok_sasaran(s, r0, r1)
    lamp.selesai()

    # -- anggaran -------------------------------------------------------------------------
    ang = Halaman(fc.PK, wb=h.wb, sheet=fc.SHEET_ANGGARAN_PK)
    ang.judul(baris_judul(data, fc.JUDUL_ANGGARAN_LAMPIRAN_PK.format(**isian)), ukuran=11)
    kegiatan, jumlah = anggaran_per_kegiatan(data, indikator)
    baris = [{"no": f"{i}.", "kegiatan": label, "anggaran": v}
             for i, (label, v) in enumerate(kegiatan, start=1)]
    baris.append({"kegiatan": fc.LABEL_JUMLAH_ANGGARAN.format(**isian), "anggaran": jumlah})
    ang.tabel_bentang(fc.ANGGARAN_PK, baris, tebal_akhir=True)
    awal = ang.baris
    _ttd(ang, info, teks_pk)
    ang.jaga_penutup(awal)
    ang.selesai()
    return h.wb
