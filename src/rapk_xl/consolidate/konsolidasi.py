"""Konsolidasi: dari workbook kiriman unit ke satu buku nasional, tanpa ada yang hilang.

Satu run:

1. kumpulkan berkas (berkas kunci Excel dan berkas tersembunyi dilewati dengan catatan);
2. kunci riwayat (``BEGIN IMMEDIATE``; run lain menunggu atau berhenti dengan pesan jelas);
3. berkas yang isinya (SHA-256) sudah tercatat tidak diperiksa ulang; berkas baru divalidasi
   dalam satu jalur massal, per kelompok agar memori tetap kecil, lalu dicatat — diterima
   bila tanpa kesalahan, ditolak beserta temuannya;
4. buku nasional disusun dari riwayat: per unit, kiriman diterima terbaru untuk tahun dan
   periode itu, dihitung ulang dengan mesin hitung — juga tanpa satu pun kiriman diterima
   (setiap unit "belum mengirim" atau "ditolak"). Bila tahun dan periode tidak dapat
   ditentukan, riwayat tetap di-commit (setiap penolakan tercatat), buku tidak ditulis dan
   :attr:`HasilKonsolidasi.galat` menyebut sebabnya;
5. buku ditulis ke berkas sementara, riwayat di-commit, lalu berkas sementara menggantikan buku
   lama (``os.replace``). Run yang dihentikan kapan pun meninggalkan buku dan riwayat sebelumnya
   utuh; bila terhenti tepat sesudah commit, run berikutnya membangun buku yang sama lagi.
"""
from __future__ import annotations

import datetime as _dt
import glob
import hashlib
import json
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..calc.turunan import satuan_anggaran_baku
from ..format import nasional as fn
from ..format.spec import rentang_tahun
from ..io.galat_os import sebab_os
from ..reference import cari_unit
from ..validate.katalog import KATALOG
from ..validate.temuan import HasilBerkas
from ..validate.validator import BerkasMasuk, gc_dijeda, kumpulkan_berkas, periksa_dan_baca
from .buku import tulis_buku
from .nasional import BukuNasional, PeriodeTren, hitung_buku
from .riwayat import TUNGGU_KUNCI, KirimanTercatat, Riwayat, terbaru, waktu_tampil

__all__ = ["konsolidasi", "HasilKonsolidasi", "GagalKonsolidasi", "UKURAN_KELOMPOK"]

#: tabel riwayat yang diperlukan sheet Tren untuk periode lain
TABEL_TREN = ("pk", "rapk", "realisasi")
#: berkas per kelompok validasi (memori tetap kecil untuk ribuan kiriman)
UKURAN_KELOMPOK = 200


class GagalKonsolidasi(Exception):
    def __init__(self, pesan: str):
        super().__init__(pesan)
        self.pesan = pesan


@dataclass
class HasilKonsolidasi:
    keluaran: Path
    riwayat: Path
    tahun: int | None = None
    periode: int | None = None
    berkas: list[tuple[BerkasMasuk, KirimanTercatat | None, HasilBerkas | None]] = field(
        default_factory=list)
    baru: int = 0
    sudah_tercatat: int = 0
    dipakai: list[KirimanTercatat] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)
    buku_ditulis: bool = False
    buku: BukuNasional | None = None
    #: mengapa buku tidak dapat disusun (tahun/periode tidak dapat ditentukan); kiriman run
    #: ini tetap tercatat di riwayat
    galat: str | None = None

    @property
    def diperiksa(self) -> list[KirimanTercatat]:
        """Kiriman run ini yang diperiksa (baru atau sudah tercatat), tanpa yang dilewati."""
        return [k for _, k, _ in self.berkas if k is not None]

    @property
    def kode_keluar(self) -> int:
        """0 semua diterima; 1 ada yang ditolak; 2 tidak ada yang dapat dikerjakan (tidak ada
        berkas kiriman, atau buku tidak dapat disusun)."""
        if self.galat or not self.diperiksa:
            return 2
        return 1 if self.ditolak else 0

    @property
    def diterima(self) -> list[KirimanTercatat]:
        return [k for _, k, _ in self.berkas if k is not None and k.status == "diterima"]

    @property
    def ditolak(self) -> list[KirimanTercatat]:
        return [k for _, k, _ in self.berkas if k is not None and k.status == "ditolak"]

    @property
    def dilewati(self) -> list[BerkasMasuk]:
        return [m for m, _, _ in self.berkas if m.dilewati]


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for blok in iter(lambda: f.read(1 << 20), b""):
            h.update(blok)
    return h.hexdigest()


def _iso(t: float) -> str:
    return _dt.datetime.fromtimestamp(t, _dt.timezone.utc).isoformat(timespec="microseconds")


def _tunda(tahap: str) -> None:
    """Kait uji: ``RAPK_XL_TUNDA=tahap:detik`` menunda run di tahap itu (untuk menghentikannya
    dengan sengaja di tes "run yang dihentikan")."""
    atur = os.environ.get("RAPK_XL_TUNDA", "")
    if atur.partition(":")[0] == tahap:
        sys.stderr.write(f"[RAPK_XL_TUNDA] {tahap}\n")
        sys.stderr.flush()
        time.sleep(float(atur.partition(":")[2] or 30))


def _saring_masuk(masuk: list[BerkasMasuk], keluaran: Path) -> list[BerkasMasuk]:
    """Berkas yang disebut dua kali dihitung sekali; buku nasional sendiri (bila berada di
    folder kiriman) dilewati dengan catatan, bukan diperiksa sebagai kiriman."""
    buku = keluaran.resolve()
    hasil, sudah = [], set()
    for m in masuk:
        asli = m.path.resolve()
        if asli in sudah:
            continue
        sudah.add(asli)
        if asli == buku and not m.dilewati:
            m = BerkasMasuk(m.path, "Buku nasional keluaran run ini, bukan kiriman: dilewati.",
                            True)
        hasil.append(m)
    return hasil


def _catat_baru(r: Riwayat, item: list[tuple[BerkasMasuk, str, float]], diterima_pada: str,
                jobs: int | None, kemajuan) -> dict[str, tuple[KirimanTercatat, HasilBerkas]]:
    """Validasi berkas baru per kelompok, catat masing-masing di riwayat."""
    hasil = {}
    selesai = 0

    def satu_lagi() -> None:
        nonlocal selesai
        selesai += 1
        if kemajuan:
            kemajuan(min(selesai, len(item)), len(item))

    for awal in range(0, len(item), UKURAN_KELOMPOK):
        kelompok = item[awal:awal + UKURAN_KELOMPOK]
        with gc_dijeda():
            periksa = periksa_dan_baca([m for m, _, _ in kelompok], jobs, satu_lagi)
        for (m, sha, mtime), (h, b) in zip(kelompok, periksa):
            unit = cari_unit(h.unit) if h.unit else None
            satuan = None
            data = None
            if b is not None:
                satuan = satuan_anggaran_baku(b.info.get("satuan_anggaran"))
                data = {k: t.df for k, t in b.tabel.items()}
            temuan = [t.ke_dict() for t in h.findings]
            k = r.catat(sha, str(m.path), unit.nama if unit else h.unit,
                        unit.kode if unit else None, h.tahun, h.periode, satuan, diterima_pada,
                        _iso(mtime), h.valid, len(h.errors), len(h.warnings), temuan, data)
            hasil[sha] = (k, h)
    return hasil


def _periode_sah(k: KirimanTercatat) -> bool:
    """Tahun dan periode kiriman terbaca dan wajar (bukan yang membuatnya ditolak)."""
    bawah, atas = rentang_tahun()
    salah = {t.get("rule") for t in k.temuan_kesalahan}
    return (k.tahun is not None and k.periode is not None and bawah <= k.tahun <= atas
            and 1 <= k.periode <= 12 and not salah & {"tahun-tidak-wajar", "periode-tidak-sah"})


def _pilih_periode(hasil: HasilKonsolidasi, tahun, periode,
                   r: Riwayat) -> tuple[int, int] | None:
    """Tahun dan periode buku: yang disebut, atau yang terbanyak di kiriman diterima run ini,
    lalu di kiriman ditolak run ini (workbook RAPK yang tahun/periodenya sah: buku tetap
    disusun, unitnya "ditolak"), lalu di kiriman diterima riwayat. None bila tidak ada."""
    if tahun is not None and periode is not None:
        return tahun, periode

    def cocok(daftar, status: str) -> list[tuple[int, int]]:
        return [(k.tahun, k.periode) for k in daftar
                if k is not None and k.status == status and _periode_sah(k)
                and tahun in (None, k.tahun) and periode in (None, k.periode)]

    run_ini = [k for _, k, _ in hasil.berkas]
    sumber = cocok(run_ini, "diterima")
    asal = None
    if not sumber:
        sumber = cocok(run_ini, "ditolak")
        asal = "tidak ada kiriman diterima; tahun dan periodenya dari kiriman yang ditolak"
    if not sumber:
        sumber = cocok(r.kiriman(), "diterima")
        asal = "dari kiriman diterima yang sudah tercatat di riwayat"
    if not sumber:
        return None
    (th, per), _ = Counter(sumber).most_common(1)[0]
    if asal:
        hasil.catatan.append(f"Buku disusun untuk tahun {th} periode {per} ({asal}).")
    if len(set(sumber)) > 1:
        hasil.catatan.append(f"Kiriman memuat beberapa tahun/periode; buku disusun untuk tahun "
                             f"{th} periode {per} (terbanyak). Pakai --tahun/--periode untuk "
                             "yang lain.")
    return th, per


def _jenis_tolak(k: KirimanTercatat) -> str:
    aturan = {t.get("rule") for t in k.temuan_kesalahan}
    if any(a in KATALOG and KATALOG[a].kelompok == "berkas" for a in aturan):
        return "tidak terbaca"
    if "bukan-workbook-rapk" in aturan:
        return "terbaca tetapi bukan workbook RAPK"
    return "workbook RAPK ditolak tanpa tahun/periode yang sah"


def _tempat(paths) -> str:
    return ", ".join(f"'{p}'" for p in paths)


def _sebab_tanpa_periode(hasil: HasilKonsolidasi, paths, tahun, periode) -> str:
    """Mengapa buku tidak dapat disusun, dengan apa yang ditemukan dan apa yang harus
    dilakukan."""
    tempat = _tempat(paths)
    diperiksa = hasil.diperiksa
    if not diperiksa:
        isi = (f"{len(hasil.dilewati)} berkas di sana dilewati (bukan workbook kiriman; "
               "alasannya disebut per berkas)" if hasil.dilewati else "foldernya kosong")
        return (f"Tidak ada workbook kiriman untuk dikonsolidasikan di {tempat}: {isi}, dan "
                "riwayat belum mencatat kiriman diterima. Letakkan workbook kiriman unit "
                "(.xlsx) di sana, atau sebutkan folder kirimannya.")
    disaring = " ".join(x for x in (f"tahun {tahun}" if tahun is not None else "",
                                    f"periode {periode}" if periode is not None else "") if x)
    diterima = sorted({(k.tahun, k.periode) for k in diperiksa if k.status == "diterima"},
                      key=str)
    if diterima and disaring:
        ada = ", ".join(f"tahun {th} periode {per}" for th, per in diterima)
        return (f"Tidak ada kiriman diterima untuk {disaring}: kiriman diterima di {tempat} "
                f"untuk {ada}. Sebutkan --tahun dan --periode yang ada kirimannya, atau "
                f"keduanya sekaligus untuk menulis buku {disaring} tanpa kiriman diterima.")
    jenis = Counter(_jenis_tolak(k) for k in diperiksa)
    rinci = ", ".join(f"{n} {j}" for j, n in jenis.most_common())
    return (f"Tahun dan periode buku nasional tidak dapat ditentukan: {len(diperiksa)} berkas "
            f"diperiksa tetapi tak satu pun workbook RAPK yang diterima ({rinci}). "
            f"Penolakannya sudah dicatat di riwayat {hasil.riwayat}. Sebutkan --tahun dan "
            "--periode untuk menulis buku tanpa kiriman diterima (setiap unit 'belum mengirim' "
            "atau 'ditolak').")


def _catatan_ganda(periode_ini: list[KirimanTercatat], tahun: int, periode: int,
                   dipakai: list[KirimanTercatat]) -> list[str]:
    """Untuk unit dengan lebih dari satu kiriman diterima: mana yang dipakai dan mengapa."""
    pakai = {k.kode_unit: k for k in dipakai}
    per_unit: dict[str, list[KirimanTercatat]] = {}
    for k in periode_ini:
        if k.status == "diterima" and k.kode_unit:
            per_unit.setdefault(k.kode_unit, []).append(k)
    catatan = []
    for kode, daftar in per_unit.items():
        if len(daftar) < 2:
            continue
        k = pakai[kode]
        lain = [x for x in daftar if x.id != k.id]
        alasan = ("diterima paling akhir" if any(x.diterima_pada != k.diterima_pada for x in lain)
                  else "berkasnya diubah paling akhir")
        catatan.append(f"{k.unit} {tahun} periode {periode}: {len(daftar)} kiriman diterima; "
                       f"dipakai {Path(k.berkas).name} ({alasan}: {waktu_tampil(k.diubah_pada)}), "
                       "tidak dipakai "
                       + ", ".join(Path(x.berkas).name for x in lain) + " (tetap di riwayat).")
    return catatan


def _ditolak_berlaku(periode_ini: list[KirimanTercatat], tahun: int, periode: int,
                     dipakai: list[KirimanTercatat],
                     run_ini: list[KirimanTercatat]) -> list[KirimanTercatat]:
    """Kiriman ditolak yang masih perlu diperbaiki: yang untuk periode ini dan belum tergantikan
    kiriman diterima yang lebih baru, ditambah setiap kiriman ditolak di folder run ini (juga
    yang tahun/periode/unit-nya tidak terbaca atau salah, agar tidak ada yang hilang)."""
    pakai = {k.kode_unit: k for k in dipakai}
    hasil, sudah = [], set()
    for k in [*periode_ini, *run_ini]:
        if k.status != "ditolak" or k.id in sudah:
            continue
        p = pakai.get(k.kode_unit)
        if (p is not None and (k.tahun, k.periode) == (tahun, periode)
                and (p.diterima_pada, p.diubah_pada or "") >= (k.diterima_pada, k.diubah_pada or "")):
            continue
        sudah.add(k.id)
        hasil.append(k)
    return hasil


def _sidik(buku: BukuNasional) -> str:
    """Sidik isi buku dari deskripsi setiap lembarnya dan datanya: sama → buku yang sudah ada
    tidak ditulis ulang (run ulang idempoten); lembar baru, kolom atau format yang berubah →
    ditulis ulang."""
    h = hashlib.sha256(f"{buku.tahun}/{buku.periode}".encode())
    for lembar in fn.BUKU:
        h.update(repr(lembar).encode())
        h.update(buku[lembar.id].to_json(orient="split", double_precision=10,
                                         default_handler=str).encode())
    return h.hexdigest()


def _buku_sesuai(keluaran: Path, tercatat: str | None, sidik: str) -> bool:
    """Buku di disk adalah buku yang tercatat di riwayat untuk isi ini (tidak perlu ditulis)?

    Riwayat menyimpan sidik isi dan SHA-256 berkas buku yang ditulis. Bila run sebelumnya
    terhenti setelah commit tetapi sebelum buku diganti, atau buku diubah/dihapus orang,
    SHA-256-nya tidak cocok dan buku ditulis lagi."""
    if not tercatat or not keluaran.is_file():
        return False
    try:
        catat = json.loads(tercatat)
        return catat.get("isi") == sidik and catat.get("berkas") == _sha256(keluaran)
    except (ValueError, AttributeError, OSError):
        return False


def _buang_sementara(keluaran: Path) -> None:
    """Hapus berkas sementara sisa run yang dihentikan (dipanggil selagi riwayat terkunci)."""
    for p in keluaran.parent.glob(f".{glob.escape(keluaran.name)}.*.tmp"):
        try:
            p.unlink()
        except OSError:
            pass


def konsolidasi(paths, keluaran: str | Path, tahun: int | None = None,
                periode: int | None = None, riwayat: str | Path | None = None,
                jobs: int | None = None,
                kemajuan: Callable[[int, int], None] | None = None,
                tunggu: float = TUNGGU_KUNCI) -> HasilKonsolidasi:
    """Konsolidasikan kiriman di ``paths`` ke buku nasional ``keluaran`` (lihat modul)."""
    keluaran = Path(keluaran)
    if keluaran.suffix.lower() != ".xlsx":
        raise GagalKonsolidasi(f"Buku nasional harus berkas .xlsx (mis. nasional.xlsx), bukan "
                               f"'{keluaran.name}'.")
    riwayat = Path(riwayat) if riwayat else keluaran.with_name(keluaran.stem + ".riwayat.sqlite")
    masuk, galat = kumpulkan_berkas(paths)
    if galat:
        raise GagalKonsolidasi(" ".join(galat))
    masuk = _saring_masuk(masuk, keluaran)
    hasil = HasilKonsolidasi(keluaran, riwayat)
    # mikrodetik: urutan kiriman tidak pernah seri (run berurutan karena kunci riwayat)
    sekarang = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="microseconds")
    try:
        buka = Riwayat(riwayat, tunggu)
    except OSError as e:  # mis. folder riwayat/buku ternyata berkas
        raise GagalKonsolidasi(f"Riwayat {riwayat} tidak dapat dibuat: {sebab_os(e)}. Pilih folder "
                               "lain untuk -o (atau --riwayat).") from None
    with buka as r:
        r.mulai()
        sementara = None
        try:
            r.perbarui_skema()
            _buang_sementara(keluaran)
            sha, item = {}, []
            for m in masuk:
                if m.dilewati:
                    continue
                try:
                    sha[m.path] = _sha256(m.path)
                    item.append((m, sha[m.path], m.path.stat().st_mtime))
                except OSError as e:
                    raise GagalKonsolidasi(f"{m.path} tidak dapat dibaca: {sebab_os(e)}. "
                                           "Tidak ada yang dicatat; perbaiki lalu ulangi.") from None
            lama = r.cari_sha([s for _, s, _ in item])
            baru = [(m, s, t) for m, s, t in item if s not in lama]
            unik, ganda_isi, dilihat = [], [], set()
            for m, s, t in baru:
                (ganda_isi if s in dilihat else unik).append((m, s, t))
                dilihat.add(s)
            tercatat = _catat_baru(r, unik, sekarang, jobs, kemajuan)
            for m, s, _ in ganda_isi:
                hasil.catatan.append(f"{m.path.name} isinya sama persis dengan "
                                     f"{Path(tercatat[s][0].berkas).name}: dicatat sekali.")
            _tunda("setelah-catat")
            for m in masuk:
                if m.dilewati:
                    hasil.berkas.append((m, None, None))
                    continue
                s = sha[m.path]
                if s in lama:
                    hasil.berkas.append((m, lama[s], None))
                else:
                    k, h = tercatat[s]
                    hasil.berkas.append((m, k, h))
            hasil.baru, hasil.sudah_tercatat = len(unik), len(item) - len(unik)
            pilihan = _pilih_periode(hasil, tahun, periode, r)
            if pilihan is None:
                # buku tidak dapat disusun, tetapi setiap kiriman tetap tercatat
                hasil.galat = _sebab_tanpa_periode(hasil, paths, tahun, periode)
                r.simpan()
                return hasil
            th, per = pilihan
            hasil.tahun, hasil.periode = th, per
            if not hasil.diperiksa:
                hasil.catatan.append(
                    f"Tidak ada workbook kiriman di {_tempat(paths)}; buku "
                    "disusun hanya dari kiriman yang sudah tercatat di riwayat.")
            periode_ini = r.kiriman(th, per)
            dipakai = terbaru(periode_ini)
            hasil.dipakai = dipakai
            hasil.catatan += _catatan_ganda(periode_ini, th, per, dipakai)
            tren = {}
            for p in r.periode_diterima(th):  # periode sebelumnya tahun ini (sheet Tren)
                if p < per:
                    pakai_p = terbaru(r.kiriman(th, p))
                    tren[p] = PeriodeTren(pakai_p, r.data([k.id for k in pakai_p],
                                                          tabel=TABEL_TREN))
            buku = hitung_buku(th, per, dipakai, r.data([k.id for k in dipakai]),
                               _ditolak_berlaku(periode_ini, th, per, dipakai, hasil.ditolak),
                               tren, r.periode_terakhir(th))
            hasil.buku = buku
            sidik = _sidik(buku)
            kunci_buku = f"buku:{keluaran.resolve()}:{th}:{per}"
            if not _buku_sesuai(keluaran, r.info(kunci_buku), sidik):
                sementara = keluaran.with_name(f".{keluaran.name}.{os.getpid()}.tmp")
                dibuat = max((k.diterima_pada for k in dipakai), default=sekarang)
                try:
                    tulis_buku(buku, sementara,
                               _dt.datetime.fromisoformat(dibuat).replace(tzinfo=None))
                except OSError as e:
                    raise GagalKonsolidasi(f"Buku nasional tidak dapat ditulis ke {keluaran}: "
                                           f"{sebab_os(e)}. Tidak ada yang dicatat; perbaiki "
                                           "lalu ulangi.") from None
                r.atur_info(kunci_buku, json.dumps({"isi": sidik, "berkas": _sha256(sementara)}))
            r.simpan()
        except BaseException:
            r.batal()
            if sementara is not None and sementara.exists():
                sementara.unlink()
            raise
    _tunda("setelah-simpan")
    if sementara is not None:
        try:
            os.replace(sementara, keluaran)
        except OSError as e:
            sementara.unlink(missing_ok=True)
            raise GagalKonsolidasi(
                f"Buku nasional {keluaran} tidak dapat diganti: {sebab_os(e)}; bila berkasnya "
                "terbuka di Excel, tutup dulu. Kiriman sudah tercatat di riwayat; jalankan "
                "perintah yang sama lagi untuk menulis buku.") from None
        hasil.buku_ditulis = True
    return hasil
