"""Validator: baca semua berkas, tumpuk tabelnya, jalankan setiap pemeriksaan sekali.

Satu workbook dan 103 workbook melewati jalur yang sama (:func:`validasi_bacaan`). Berkas
yang tidak dapat dibaca menjadi temuan untuk berkas itu; berkas lain tetap diperiksa. Tidak
ada traceback yang sampai ke pengguna, apa pun isi berkasnya.
"""
from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..format.spec import TABEL_DATA
from ..io.reader import Bacaan, GagalBaca, baca_aman
from ..reference import cari_unit
from ..temuan import Aturan, temuan
from .identitas import bilangan_info
from .katalog import KATALOG
from .konteks import Konteks
from .skema import ATURAN_SEL, periksa_sel
from .temuan import HasilBerkas, Laporan, Temuan
from .tumpukan import tumpuk

__all__ = ["validasi", "validasi_bacaan", "validasi_masuk", "periksa_dan_baca", "kumpulkan_berkas",
           "kumpulkan_path", "EKSTENSI", "PENANDA_SAMPEL", "BerkasMasuk", "gc_dijeda",
           "baca_satu", "hasil_tak_ada"]

#: Ekstensi lembar kerja: berkas seperti ini di folder selalu diperiksa dan dilaporkan (yang
#: bukan .xlsx/.xlsm mendapat temuan yang menjelaskan cara menyimpannya dengan benar).
EKSTENSI = (".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".xlsb", ".csv", ".ods", ".fods", ".ots")
#: Berkas penanda folder sampel rapk-xl (``samples/``): workbook di bawahnya diperiksa dengan
#: catatan bahwa temuannya disengaja; berkas lain di bawahnya (transkripsi CSV, teks sumber,
#: skrip) dilewati karena bukan kiriman.
PENANDA_SAMPEL = "SAMPEL_RAPK_XL.txt"
_WORKBOOK_SAMPEL = (".xlsx", ".xlsm")
_PARALEL_MIN = 8


@dataclass
class BerkasMasuk:
    path: Path
    catatan: str | None = None  # alasan bila dilewati; catatan untuk berkas yang diperiksa
    dilewati: bool = False


def kumpulkan_berkas(paths) -> tuple[list[BerkasMasuk], list[str]]:
    """Uraikan PATH (berkas atau folder) menjadi daftar berkas, masing-masing sekali.

    Folder dijelajahi rekursif dan setiap berkas di dalamnya tercatat: lembar kerja
    (:data:`EKSTENSI`) untuk diperiksa, yang lain dilewati dengan alasannya — berkas kunci
    Excel (``~$...``), berkas/folder tersembunyi, berkas yang bukan lembar kerja, dan isi
    folder sampel rapk-xl selain workbook-nya (:data:`PENANDA_SAMPEL`). Berkas yang disebut
    langsung selalu diperiksa (kecuali berkas kunci Excel). Kembalikan (berkas, galat argumen)
    — galat untuk PATH yang tidak ada atau bukan berkas biasa.
    """
    hasil, galat = kumpulkan_path(paths)
    return hasil, [g for _, g in galat]


def kumpulkan_path(paths) -> tuple[list[BerkasMasuk], list[tuple[Path, str]]]:
    """Seperti :func:`kumpulkan_berkas`, dengan PATH setiap galat: (berkas, [(PATH, pesan)])."""
    hasil: list[BerkasMasuk] = []
    galat: list[tuple[Path, str]] = []
    sampel: dict[Path, Path | None] = {}
    sudah: set[Path] = set()

    def tambah(m: BerkasMasuk) -> None:
        kunci = _kunci_path(m.path)
        if kunci not in sudah:
            sudah.add(kunci)
            hasil.append(m)

    for p in paths:
        p = Path(p)
        if p.is_dir():
            for q in sorted(p.rglob("*")):
                if q.is_dir() or not (q.is_file() or q.is_symlink()):
                    continue
                tambah(_masuk_folder(q, q.relative_to(p), sampel))
        elif p.is_file():
            m = _masuk(p)
            if not m.dilewati and _folder_sampel(p.parent, sampel) is not None:
                m.catatan = _CATATAN_SAMPEL if p.suffix.lower() in _WORKBOOK_SAMPEL else None
            tambah(m)
        elif p.exists():
            galat.append((p, f"'{p}' bukan berkas biasa atau folder (mis. perangkat atau pipa); "
                             "sebutkan berkas workbook atau folder kiriman."))
        else:
            galat.append((p, f"'{p}' tidak ada: berkas atau folder itu tidak ditemukan. Periksa "
                             "ejaan dan letaknya (path relatif dihitung dari folder saat ini)."))
    return hasil, galat


def _kunci_path(p: Path) -> Path:
    try:
        return p.resolve()
    except OSError:
        return p.absolute()


_CATATAN_SAMPEL = ("Sampel rapk-xl dari dokumen RAPK asli: anomali dokumen sumbernya sengaja "
                   "dipertahankan (lihat README.md folder sampel), jadi temuan di sini memang "
                   "diharapkan dan workbook ini tidak lolos.")


def _folder_sampel(folder: Path, cache: dict[Path, Path | None]) -> Path | None:
    """Folder sampel rapk-xl (berisi :data:`PENANDA_SAMPEL`) yang memuat ``folder``, atau None."""
    folder = _kunci_path(folder)
    jalan = []
    hasil = None
    for f in (folder, *folder.parents):
        if f in cache:
            hasil = cache[f]
            break
        jalan.append(f)
        if (f / PENANDA_SAMPEL).is_file():
            hasil = f
            break
    for f in jalan:
        cache[f] = hasil
    return hasil


def _masuk_folder(q: Path, relatif: Path, sampel: dict[Path, Path | None]) -> BerkasMasuk:
    """Satu berkas yang ditemukan saat menjelajah folder: diperiksa atau dilewati, dengan
    alasan."""
    if any(part.startswith(".") for part in relatif.parts):
        return BerkasMasuk(q, "Berkas tersembunyi dilewati (nama atau foldernya diawali titik).",
                           True)
    if q.is_symlink() and not q.is_file():
        return BerkasMasuk(q, "Tautan (symlink) ke berkas yang tidak ada: dilewati.", True)
    m = _masuk(q)
    if m.dilewati:
        return m
    akhiran = q.suffix.lower()
    folder_sampel = _folder_sampel(q.parent, sampel)
    if folder_sampel is not None:
        if akhiran in _WORKBOOK_SAMPEL:
            return BerkasMasuk(q, _CATATAN_SAMPEL)
        return BerkasMasuk(q, "Bagian folder sampel rapk-xl (transkripsi CSV, teks sumber, skrip "
                              f"atau catatan; ditandai {folder_sampel.name}/{PENANDA_SAMPEL}), "
                              "bukan kiriman: tidak diperiksa.", True)
    if akhiran in (".zip", ".rar", ".7z"):
        return BerkasMasuk(q, f"Arsip ({q.suffix}), bukan workbook: tidak diperiksa. Ekstrak "
                              "arsipnya, lalu periksa workbook di dalamnya.", True)
    if akhiran not in EKSTENSI:
        jenis = f"ekstensi {q.suffix}" if q.suffix else "tanpa ekstensi"
        return BerkasMasuk(q, f"Bukan berkas lembar kerja ({jenis}): tidak diperiksa. Bila ini "
                              "kiriman unit, minta workbook .xlsx dari template rapk-xl.", True)
    return m


def _masuk(p: Path) -> BerkasMasuk:
    if p.name.startswith("~$"):
        return BerkasMasuk(p, "Berkas kunci Excel (~$...) dilewati: dibuat Excel selama workbook "
                              "aslinya terbuka, bukan kiriman.", True)
    return BerkasMasuk(p)


def baca_satu(path: Path) -> Bacaan | Temuan:
    """Baca satu berkas untuk validasi; kegagalan menjadi temuan, tidak pernah galat."""
    try:
        return baca_aman(path, periksa_rumus=True)
    except GagalBaca as g:
        return temuan(g.kode, None, None, pesan=g.pesan)


def _baca_terisolasi(path: Path) -> Bacaan | Temuan:
    """Baca di proses tersendiri: berkas yang menghentikan pembaca tidak menjatuhkan run."""
    try:
        with ProcessPoolExecutor(max_workers=1) as ex:
            return ex.submit(baca_satu, path).result()
    except BrokenProcessPool:
        return temuan("rusak", None, None, pesan="Berkas ini menghentikan pembaca workbook "
                                                 "(isinya tidak wajar). Simpan ulang dari Excel.")


def _baca_semua(paths: list[Path], jobs: int,
                kemajuan: Callable[[], None] | None = None) -> list[Bacaan | Temuan]:
    """Baca semua berkas (paralel bila ``jobs`` > 1); ``kemajuan()`` setiap berkas selesai."""
    tanda = kemajuan or (lambda: None)
    hasil: list[Bacaan | Temuan] = []
    if jobs <= 1 or len(paths) < _PARALEL_MIN:
        for p in paths:
            hasil.append(baca_satu(p))
            tanda()
        return hasil
    try:
        with ProcessPoolExecutor(max_workers=jobs) as ex:
            # hasil datang per potongan (seperdelapan berkas per proses): bilah kemajuan bergerak
            for h in ex.map(baca_satu, paths, chunksize=max(1, len(paths) // (jobs * 4))):
                hasil.append(h)
                tanda()
            return hasil
    except BrokenProcessPool:
        # Satu berkas mematikan proses pembaca: ulangi per berkas, masing-masing terpisah.
        return [_baca_terisolasi(p) for p in paths]


def _identitas(b: Bacaan) -> tuple[str | None, int | None, int | None]:
    unit = b.info.get("unit_kerja")
    u = cari_unit(unit) if unit is not None else None
    nama = u.nama if u else (str(unit) if unit is not None else None)
    return nama, bilangan_info(b.info.get("tahun")), bilangan_info(b.info.get("periode"))


def _gagal(a: Aturan | str, e: BaseException) -> Temuan:
    return temuan("pemeriksaan-gagal", None, None, aturan=getattr(a, "id", a),
                  galat=type(e).__name__)


def _terisolasi(nama: str, jalankan, berkas: list[int]) -> list[tuple[int, Temuan]]:
    """``jalankan(saring)`` atas semua ``berkas`` sekaligus; bila galat, diulang per berkas
    sehingga hanya berkas yang membuatnya gagal yang mendapat ``pemeriksaan-gagal`` (untuk
    aturan ini saja) dan berkas lain tetap mendapat temuannya."""
    try:
        return jalankan(None)
    except Exception:  # noqa: BLE001 — galat program, bukan kesalahan pengguna
        hasil: list[tuple[int, Temuan]] = []
        for f in berkas:
            try:
                hasil += jalankan(f)
            except Exception as e:  # noqa: BLE001
                hasil.append((f, _gagal(nama, e)))
        return hasil


def _aturan_sel(tp, berkas: list[int]) -> list[tuple[int, Temuan]]:
    """Aturan sel per tabel: satu skema untuk semua aturan; bila galat, per aturan lalu per
    berkas."""
    hasil = []
    for t in TABEL_DATA:
        tumpuk_t = tp[t.kunci]
        try:
            hasil += periksa_sel(tumpuk_t)
            continue
        except Exception:  # noqa: BLE001
            pass
        for a in ATURAN_SEL:
            hasil += _terisolasi(a.id, lambda f, a=a: periksa_sel(
                tumpuk_t if f is None else tumpuk_t.saring(lambda x, f=f: x == f), (a.id,)),
                berkas)
    return hasil


def _aturan_tumpukan(ks: Konteks, tak_terbaca: dict[int, set[str]]) -> list[tuple[int, Temuan]]:
    """Setiap aturan lintas tabel, terpisah: berkas yang tabel perlunya tak terbaca dilewati
    untuk aturan itu (masalahnya sudah dilaporkan sekali)."""
    hasil = []
    konteks: dict[frozenset, Konteks] = {}
    for a in KATALOG.values():
        if a.lingkup != "tumpukan":
            continue
        buang = frozenset(f for f, t in tak_terbaca.items() if t & a.perlu)
        if buang not in konteks:
            konteks[buang] = ks.saring(lambda x, b=buang: x not in b) if buang else ks
        k = konteks[buang]
        berkas = [f for f in tak_terbaca if f not in buang]
        hasil += _terisolasi(a.id, lambda f, a=a, k=k: a.fungsi(
            k if f is None else k.saring(lambda x, f=f: x == f)), berkas)
    return hasil


def validasi_bacaan(bacaan: list[Bacaan], nama: list[str] | None = None) -> Laporan:
    """Validasi workbook yang sudah terbaca (dari berkas atau dari Excel lewat xlwings): setiap
    aturan katalog dijalankan sekali atas semua berkas, terpisah dari aturan lain."""
    nama = nama or [str(b.path or f"workbook-{i + 1}") for i, b in enumerate(bacaan)]
    hasil = []
    periode, tak_terbaca = {}, {}
    per_workbook = [a for a in KATALOG.values() if a.lingkup == "workbook"]
    for i, b in enumerate(bacaan):
        unit, tahun, per = _identitas(b)
        h = HasilBerkas(nama[i], unit, tahun, per, findings=list(b.masalah))
        periode[i] = per if per is not None and 1 <= per <= 12 else None
        tak_terbaca[i] = b.tak_terbaca
        for a in per_workbook:
            try:
                h.findings += a.fungsi(b)
            except Exception as e:  # noqa: BLE001
                h.findings.append(_gagal(a, e))
        hasil.append(h)
    tp = tumpuk(bacaan)
    berkas = list(range(len(bacaan)))
    for f, t in [*_aturan_sel(tp, berkas), *_aturan_tumpukan(Konteks(tp, periode), tak_terbaca)]:
        hasil[f].findings.append(t)
    for h in hasil:
        h.urutkan()
    return Laporan(hasil)


def validasi(paths, jobs: int | None = None) -> Laporan:
    """Validasi berkas dan folder ``paths``; satu laporan untuk semuanya, dengan satu entri
    per berkas (diperiksa, tidak terbaca atau dilewati) dan per PATH yang tidak ada."""
    masuk, galat = kumpulkan_path(paths)
    lap = validasi_masuk(masuk, jobs)
    lap.files += hasil_tak_ada(galat)
    return lap


def hasil_tak_ada(galat: list[tuple[Path, str]]) -> list[HasilBerkas]:
    """Entri laporan untuk PATH yang tidak ada (temuan ``tidak-dapat-dibuka``)."""
    return [HasilBerkas(str(p), findings=[temuan("tidak-dapat-dibuka", None, None, pesan=pesan)])
            for p, pesan in galat]


@contextmanager
def gc_dijeda():
    """Validasi membuat banyak objek berumur pendek tanpa siklus referensi: pengumpul sampah
    siklik dijeda selama satu putaran (memori tetap dibebaskan lewat hitungan referensi)."""
    aktif = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aktif:
            gc.enable()


def validasi_masuk(masuk: list[BerkasMasuk], jobs: int | None = None) -> Laporan:
    with gc_dijeda():
        return Laporan([h for h, _ in periksa_dan_baca(masuk, jobs)])


def periksa_dan_baca(masuk: list[BerkasMasuk], jobs: int | None = None,
                     kemajuan: Callable[[], None] | None = None
                     ) -> list[tuple[HasilBerkas, Bacaan | None]]:
    """Hasil validasi setiap berkas beserta isinya yang terbaca (None bila tak terbaca atau
    dilewati), urut seperti ``masuk``. Jalur yang sama dengan :func:`validasi`.
    ``kemajuan()`` dipanggil setiap satu berkas selesai dibaca."""
    jobs = jobs if jobs is not None else min(2, os.cpu_count() or 1)
    dibaca = [m for m in masuk if not m.dilewati]
    hasil_baca = _baca_semua([m.path for m in dibaca], jobs, kemajuan)
    bacaan, nama_bacaan = [], []
    per_path: dict[Path, tuple[HasilBerkas, Bacaan | None]] = {}
    for m, h in zip(dibaca, hasil_baca):
        if isinstance(h, Temuan):
            per_path[m.path] = (HasilBerkas(str(m.path), findings=[h]), None)
        else:
            bacaan.append(h)
            nama_bacaan.append(str(m.path))
    if bacaan:
        for h, b in zip(validasi_bacaan(bacaan, nama_bacaan).files, bacaan):
            per_path[Path(h.file)] = (h, b)
    for m in dibaca:  # catatan kumpulkan_berkas (mis. sampel rapk-xl) ikut ke hasilnya
        if m.catatan and per_path[m.path][0].catatan is None:
            per_path[m.path][0].catatan = m.catatan
    urut = []
    for m in masuk:
        if m.dilewati:
            urut.append((HasilBerkas(str(m.path), catatan=m.catatan, dilewati=True), None))
        else:
            urut.append(per_path[m.path])
    return urut
