"""Riwayat kiriman (SQLite): setiap berkas yang pernah diterima, statusnya, temuannya, dan data
kiriman yang diterima. Tidak ada yang hilang, tidak ada yang terhitung dua kali.

- Satu kiriman = satu isi berkas (SHA-256). Berkas yang sama dikirim ulang tidak dicatat dua
  kali; pengiriman pertamanya yang berlaku.
- Untuk satu unit, tahun dan periode, kiriman diterima yang terbaru (waktu diterima, lalu
  waktu berkas diubah) yang dipakai buku nasional; yang lebih lama tetap di riwayat.
- Satu run konsolidasi = satu transaksi ``BEGIN IMMEDIATE``: run kedua pada riwayat yang sama
  menunggu (``busy_timeout``) lalu berhenti dengan pesan jelas; run yang dihentikan di tengah
  jalan tidak meninggalkan perubahan apa pun.
"""
from __future__ import annotations

import csv
import datetime as _dt
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..format.spec import ID_REALISASI, ID_TARGET, TABEL_DATA
from ..temuan import ERROR

__all__ = ["Riwayat", "RiwayatTerkunci", "RiwayatRusak", "KirimanTercatat", "VERSI_SKEMA",
           "TUNGGU_KUNCI", "waktu_tampil", "terbaru", "WIB"]

#: 1: tabel indikator/anggaran bentuk lama; 2: satu tabel per tabel format, kolom = id bidang
VERSI_SKEMA = 2
#: detik menunggu run lain yang sedang memakai riwayat
TUNGGU_KUNCI = 30.0

_SKEMA = """
CREATE TABLE IF NOT EXISTS info (kunci TEXT PRIMARY KEY, nilai TEXT);
CREATE TABLE IF NOT EXISTS kiriman (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    berkas TEXT NOT NULL,
    unit TEXT, kode_unit TEXT, tahun INTEGER, periode INTEGER,
    satuan_anggaran TEXT,          -- 'Rupiah' atau 'Ribu Rupiah'
    diterima_pada TEXT NOT NULL,   -- waktu pertama kali dicatat (ISO 8601, UTC)
    diubah_pada TEXT,              -- waktu berkas terakhir diubah (ISO 8601, UTC)
    status TEXT NOT NULL CHECK (status IN ('diterima', 'ditolak')),
    kesalahan INTEGER NOT NULL, peringatan INTEGER NOT NULL,
    temuan TEXT NOT NULL           -- JSON: daftar temuan validator
);
CREATE INDEX IF NOT EXISTS kiriman_periode ON kiriman (tahun, periode, kode_unit);
"""


def _ddl_data(t) -> list[str]:
    """Tabel data kiriman diterima untuk tabel format ``t``: satu kolom per id bidang kontrak,
    tanpa tipe (nilai sel disimpan apa adanya: angka tetap angka, teks tetap teks)."""
    kolom = ", ".join(f'"{k}"' for k in t.ids)
    return [f'CREATE TABLE IF NOT EXISTS "{t.kunci}" (kiriman_id INTEGER NOT NULL '
            f'REFERENCES kiriman(id), urutan INTEGER NOT NULL, {kolom})',
            f'CREATE INDEX IF NOT EXISTS "{t.kunci}_kiriman" ON "{t.kunci}" (kiriman_id)']


def _zona_wib() -> _dt.tzinfo:
    """Zona Asia/Jakarta (WIB). Di Windows basis data zona waktunya dari paket tzdata
    (dependensi pandas); bila tetap tidak ada, UTC+7 tetap — WIB tidak mengenal musim panas,
    jadi hasilnya sama."""
    try:
        from zoneinfo import ZoneInfo
        return ZoneInfo("Asia/Jakarta")
    except Exception:  # noqa: BLE001 — ZoneInfoNotFoundError, modul tzdata tidak ada
        return _dt.timezone(_dt.timedelta(hours=7), "WIB")


WIB = _zona_wib()


def waktu_tampil(iso: str | None) -> str:
    """'2026-11-23T20:29:26.123456+00:00' → '2026-11-24 03:29:26 WIB' (untuk dibaca orang).
    Riwayat menyimpan UTC; waktu tanpa zona dianggap UTC."""
    if not iso:
        return ""
    try:
        t = _dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if t.tzinfo is None:
        t = t.replace(tzinfo=_dt.timezone.utc)
    return t.astimezone(WIB).strftime("%Y-%m-%d %H:%M:%S") + " WIB"


def _terkunci(e: sqlite3.OperationalError) -> bool:
    return "locked" in str(e) or "busy" in str(e)


def terbaru(kiriman: list[KirimanTercatat]) -> list[KirimanTercatat]:
    """Kiriman yang dipakai buku nasional: per unit, tahun dan periode, yang diterima terbaru.
    ``kiriman`` urut waktu (seperti :meth:`Riwayat.kiriman`): yang terakhir menang."""
    pilih: dict[tuple, KirimanTercatat] = {}
    for k in kiriman:
        if k.status == "diterima" and k.kode_unit:
            pilih[(k.tahun, k.periode, k.kode_unit)] = k
    return list(pilih.values())


class RiwayatTerkunci(Exception):
    """Run konsolidasi lain sedang memakai riwayat ini."""


class RiwayatRusak(Exception):
    """Berkas riwayat bukan basis data SQLite rapk-xl yang sah."""


@dataclass(frozen=True)
class KirimanTercatat:
    id: int
    sha256: str
    berkas: str
    unit: str | None
    kode_unit: str | None
    tahun: int | None
    periode: int | None
    satuan_anggaran: str | None
    diterima_pada: str
    diubah_pada: str | None
    status: str
    kesalahan: int
    peringatan: int
    temuan: list

    @property
    def temuan_kesalahan(self) -> list[dict]:
        """Temuan yang menghalangi (tingkat kesalahan), seperti yang dicatat validator."""
        return [t for t in self.temuan if t.get("severity") == ERROR]


_ASLI = (str, float, int)


def _nilai(v: object) -> object:
    """Nilai sel untuk SQLite: str/float/int apa adanya, kosong/NaN → NULL, lainnya teks."""
    t = type(v)
    if t in _ASLI:
        return None if t is float and v != v else v
    if v is None:
        return None
    if hasattr(v, "item") and not isinstance(v, str):  # skalar numpy
        return _nilai(v.item())
    if isinstance(v, bool):
        return int(v)
    return v.isoformat() if hasattr(v, "isoformat") else str(v)


def _pindah_v1(db: sqlite3.Connection) -> None:
    """Riwayat versi 1 (tabel ``indikator`` dengan target dan realisasi bulanan sebagai JSON,
    tabel ``anggaran`` dengan kolom ``kode``/``realisasi``) ke tabel per tabel format. Anggaran
    indikator RAPK dan pembilang tidak pernah disimpan versi 1: kolomnya kosong."""
    nama = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "indikator" in nama:
        lama = db.execute("SELECT kiriman_id, urutan, no_sasaran, perspektif, sasaran, kode, "
                          "indikator, satuan, jenis_target, polaritas, iku, bobot, target, bulan, "
                          "realisasi, keterangan FROM indikator ORDER BY kiriman_id, urutan")
        pk, rapk, real = [], [], []
        for r in lama.fetchall():
            kid, urut, *isi_pk = r[:13]
            bulan = json.loads(r[13]) if isinstance(r[13], str) else None
            realisasi = json.loads(r[14]) if isinstance(r[14], str) else None
            pk.append((kid, urut, *isi_pk))
            kode, teks = isi_pk[3], isi_pk[4]
            if bulan is not None:
                rapk.append((kid, urut, kode, teks, *(list(bulan) + [None] * 12)[:12]))
            if realisasi is not None:
                real.append((kid, urut, kode, teks, *(list(realisasi) + [None] * 12)[:12], r[15]))

        def isi(tabel: str, kolom: list[str], baris: list[tuple]) -> None:
            nama_kolom = ",".join(f'"{k}"' for k in ["kiriman_id", "urutan", *kolom])
            db.executemany(f'INSERT INTO "{tabel}" ({nama_kolom}) VALUES '
                           f'({",".join("?" * (len(kolom) + 2))})', baris)

        isi("pk", ["no_sasaran", "perspektif", "sasaran", "kode_indikator", "indikator", "satuan",
                   "jenis_target", "polaritas", "iku", "bobot", "target"], pk)
        isi("rapk", ["kode_indikator", "indikator", *ID_TARGET], rapk)
        isi("realisasi", ["kode_indikator", "indikator", *ID_REALISASI, "keterangan"], real)
        db.execute("DROP TABLE indikator")
    kolom_lama = {r[1] for r in db.execute('PRAGMA table_info("anggaran")')}
    if "kode" in kolom_lama and "kode_indikator" not in kolom_lama:  # anggaran versi 1
        db.execute("ALTER TABLE anggaran RENAME TO anggaran_v1")
        db.execute("DROP INDEX IF EXISTS anggaran_kiriman")
        for q in _ddl_data(next(t for t in TABEL_DATA if t.kunci == "anggaran")):
            db.execute(q)
        db.execute('INSERT INTO anggaran (kiriman_id, urutan, kode_indikator, kode_ro, '
                   'rincian_output, komponen, sub_komponen, pagu, kontribusi, realisasi_anggaran) '
                   'SELECT kiriman_id, urutan, kode, kode_ro, rincian_output, komponen, '
                   'sub_komponen, pagu, kontribusi, realisasi FROM anggaran_v1')
        db.execute("DROP TABLE anggaran_v1")


class Riwayat:
    """Riwayat kiriman di berkas SQLite ``path`` (dibuat bila belum ada)."""

    def __init__(self, path: str | Path, tunggu: float = TUNGGU_KUNCI):
        self.path = Path(path)
        self.tunggu = tunggu
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, timeout=tunggu, isolation_level=None)
            self.db.execute("PRAGMA busy_timeout = %d" % int(tunggu * 1000))
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = FULL")
            self.db.execute("PRAGMA foreign_keys = ON")
            self._siapkan()
        except sqlite3.OperationalError as e:
            if _terkunci(e):
                raise RiwayatTerkunci(self._pesan_terkunci()) from None
            raise RiwayatRusak(f"Riwayat {self.path} tidak dapat dibuka atau dibuat (SQLite: "
                               f"{e}). Pastikan path itu berkas di folder yang dapat ditulisi "
                               "(bukan folder), atau pakai --riwayat dengan nama lain.") from None
        except sqlite3.DatabaseError:
            raise RiwayatRusak(f"{self.path} bukan berkas riwayat rapk-xl (SQLite) yang sah. "
                               "Pakai --riwayat dengan nama berkas lain.") from None

    def _pesan_terkunci(self) -> str:
        return (f"Riwayat {self.path} sedang dipakai run konsolidasi lain (sudah ditunggu "
                f"{self.tunggu:g} detik). Ulangi setelah run itu selesai.")

    def _nama_tabel(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}

    def _siapkan(self) -> None:
        """Buat skema pada riwayat baru; riwayat yang sudah ada hanya diperiksa (tanpa menulis,
        agar ``rapk-xl riwayat`` tetap bisa membaca selama run konsolidasi berjalan). Riwayat
        versi lama diperbarui oleh :meth:`perbarui_skema` di dalam transaksi run."""
        nama = self._nama_tabel()
        if "kiriman" not in nama:
            if nama:
                raise RiwayatRusak(f"{self.path} adalah basis data SQLite lain, bukan riwayat "
                                   "rapk-xl. Pakai --riwayat dengan nama berkas lain.")
            self.db.execute("BEGIN IMMEDIATE")
            try:
                if "kiriman" not in self._nama_tabel():  # run lain bisa mendahului
                    for perintah in [*_SKEMA.split(";"),
                                     *(q for t in TABEL_DATA for q in _ddl_data(t))]:
                        if perintah.strip():
                            self.db.execute(perintah)
                    self.db.execute("INSERT OR IGNORE INTO info VALUES ('versi_skema', ?)",
                                    (str(VERSI_SKEMA),))
                self.db.execute("COMMIT")
            except BaseException:
                self.batal()
                raise
        versi = self.db.execute("SELECT nilai FROM info WHERE kunci = 'versi_skema'").fetchone()
        if versi is None or int(versi[0]) > VERSI_SKEMA:
            raise RiwayatRusak(f"Riwayat {self.path} dibuat oleh rapk-xl yang lebih baru "
                               f"(versi skema {versi[0] if versi else '?'}). Perbarui rapk-xl.")
        self.versi = int(versi[0])

    def perbarui_skema(self) -> None:
        """Di dalam transaksi run: pindahkan riwayat versi 1 ke versi ini, dan tambahkan kolom
        untuk id bidang baru spec (riwayat lama tetap terbaca; kolomnya NULL)."""
        for t in TABEL_DATA:  # CREATE ... IF NOT EXISTS: tabel yang sudah ada tidak disentuh
            for q in _ddl_data(t):
                self.db.execute(q)
        if self.versi < 2:
            _pindah_v1(self.db)
        for t in TABEL_DATA:
            ada = {r[1] for r in self.db.execute(f'PRAGMA table_info("{t.kunci}")')}
            for k in t.ids:
                if k not in ada:
                    self.db.execute(f'ALTER TABLE "{t.kunci}" ADD COLUMN "{k}"')
        self.db.execute("INSERT OR REPLACE INTO info VALUES ('versi_skema', ?)",
                        (str(VERSI_SKEMA),))
        self.versi = VERSI_SKEMA

    def close(self) -> None:
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- transaksi ----------------------------------------------------------------------
    def mulai(self) -> None:
        """Kunci riwayat untuk satu run (menunggu run lain paling lama TUNGGU_KUNCI detik)."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            if _terkunci(e):
                raise RiwayatTerkunci(self._pesan_terkunci()) from None
            raise

    def simpan(self) -> None:
        self.db.execute("COMMIT")

    def batal(self) -> None:
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    # -- kiriman ------------------------------------------------------------------------
    def cari_sha(self, sha: list[str]) -> dict[str, KirimanTercatat]:
        hasil = {}
        for i in range(0, len(sha), 500):
            bagian = sha[i:i + 500]
            tanda = ",".join("?" * len(bagian))
            for r in self.db.execute(f"SELECT * FROM kiriman WHERE sha256 IN ({tanda})", bagian):
                k = self._kiriman(r)
                hasil[k.sha256] = k
        return hasil

    @staticmethod
    def _kiriman(r) -> KirimanTercatat:
        return KirimanTercatat(*r[:13], json.loads(r[13]))

    def catat(self, sha: str, berkas: str, unit: str | None, kode_unit: str | None,
              tahun: int | None, periode: int | None, satuan_anggaran: str | None,
              diterima_pada: str, diubah_pada: str | None, diterima: bool, kesalahan: int,
              peringatan: int, temuan: list,
              data: dict[str, pd.DataFrame] | None) -> KirimanTercatat:
        """Catat satu kiriman baru (dan datanya bila diterima)."""
        status = "diterima" if diterima else "ditolak"
        kolom = (sha, berkas, unit, kode_unit, tahun, periode, satuan_anggaran, diterima_pada,
                 diubah_pada, status, kesalahan, peringatan)
        cur = self.db.execute(
            "INSERT INTO kiriman (sha256, berkas, unit, kode_unit, tahun, periode, satuan_anggaran,"
            " diterima_pada, diubah_pada, status, kesalahan, peringatan, temuan)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (*kolom, json.dumps(temuan, ensure_ascii=False)))
        kid = cur.lastrowid
        if diterima and data is not None:
            self._simpan_data(kid, data)
        return KirimanTercatat(kid, *kolom, temuan)

    def _simpan_data(self, kid: int, data: dict[str, pd.DataFrame]) -> None:
        """Baris setiap tabel format (kolom kontrak menurut id bidang) kiriman ``kid``."""
        for t in TABEL_DATA:
            df = data.get(t.kunci)
            if df is None or df.empty:
                continue
            kolom = [k for k in t.ids if k in df.columns]
            baris = df[kolom].to_numpy(dtype=object).tolist()  # jauh lebih cepat dari itertuples
            tanda = ",".join("?" * (len(kolom) + 2))
            nama = ",".join(f'"{k}"' for k in kolom)
            self.db.executemany(
                f'INSERT INTO "{t.kunci}" (kiriman_id, urutan, {nama}) VALUES ({tanda})',
                [(kid, i, *map(_nilai, r)) for i, r in enumerate(baris)])

    # -- pertanyaan ---------------------------------------------------------------------
    def kiriman(self, tahun: int | None = None, periode: int | None = None,
                unit: str | None = None) -> list[KirimanTercatat]:
        """Semua kiriman (urut waktu diterima), disaring bila diminta."""
        syarat, arg = [], []
        for kolom, nilai in (("tahun", tahun), ("periode", periode), ("kode_unit", unit)):
            if nilai is not None:
                syarat.append(f"{kolom} = ?")
                arg.append(nilai)
        where = (" WHERE " + " AND ".join(syarat)) if syarat else ""
        q = f"SELECT * FROM kiriman{where} ORDER BY diterima_pada, diubah_pada, id"
        return [self._kiriman(r) for r in self.db.execute(q, arg)]

    def periode_diterima(self, tahun: int) -> list[int]:
        """Periode tahun ``tahun`` yang punya kiriman diterima (unit dikenali), urut."""
        q = ("SELECT DISTINCT periode FROM kiriman WHERE tahun = ? AND status = 'diterima' "
             "AND kode_unit IS NOT NULL AND periode IS NOT NULL ORDER BY periode")
        return [r[0] for r in self.db.execute(q, (tahun,))]

    def periode_terakhir(self, tahun: int) -> dict[str, int]:
        """Kode unit → periode terakhir tahun ``tahun`` dengan kiriman diterima."""
        q = ("SELECT kode_unit, MAX(periode) FROM kiriman WHERE tahun = ? AND status = "
             "'diterima' AND kode_unit IS NOT NULL AND periode IS NOT NULL GROUP BY kode_unit")
        return {r[0]: r[1] for r in self.db.execute(q, (tahun,))}

    def info(self, kunci: str) -> str | None:
        r = self.db.execute("SELECT nilai FROM info WHERE kunci = ?", (kunci,)).fetchone()
        return r[0] if r else None

    def atur_info(self, kunci: str, nilai: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO info VALUES (?, ?)", (kunci, nilai))

    def data(self, ids: list[int], tabel: tuple[str, ...] | None = None
             ) -> dict[str, pd.DataFrame]:
        """Tabel data kiriman ``ids`` (kunci tabel → DataFrame berkolom ``kiriman_id``,
        ``urutan`` dan id bidang), nilai sel kembali ke bentuk aslinya. ``tabel``: hanya
        tabel-tabel ini (bawaan: semua)."""
        if not ids:
            ids = [-1]
        tanda = ",".join("?" * len(ids))
        hasil = {}
        for t in TABEL_DATA:
            if tabel is not None and t.kunci not in tabel:
                continue
            df = pd.read_sql_query(f'SELECT * FROM "{t.kunci}" WHERE kiriman_id IN ({tanda}) '
                                   "ORDER BY kiriman_id, urutan", self.db, params=ids)
            for k in t.ids:
                if k not in df.columns:
                    df[k] = None
            for k in df.columns:  # kolom tanpa tipe: NULL → None, nilai lain apa adanya
                if df[k].dtype != object:
                    df[k] = df[k].astype(object).where(df[k].notna(), None)
            hasil[t.kunci] = df
        return hasil

    def ekspor_csv(self, path: str | Path, kiriman: list[KirimanTercatat]) -> Path:
        """Riwayat kiriman sebagai CSV (satu baris per kiriman)."""
        path = Path(path)
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["id", "berkas", "sha256", "unit", "tahun", "periode", "diterima_pada",
                        "diubah_pada", "status", "kesalahan", "peringatan", "temuan"])
            for k in kiriman:
                w.writerow([k.id, k.berkas, k.sha256, k.unit, k.tahun, k.periode,
                            k.diterima_pada, k.diubah_pada, k.status, k.kesalahan,
                            k.peringatan, "; ".join(f"{t.get('rule')}@{t.get('sheet') or ''}!"
                                                    f"{t.get('cell') or ''}" for t in k.temuan)])
        return path
