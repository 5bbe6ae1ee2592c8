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
import json
import math
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..format.spec import BULAN_REALISASI, BULAN_TARGET
from ..validate.katalog import ERROR

__all__ = ["Riwayat", "RiwayatTerkunci", "RiwayatRusak", "KirimanTercatat", "VERSI_SKEMA",
           "TUNGGU_KUNCI", "waktu_tampil", "terbaru"]

VERSI_SKEMA = 1
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
CREATE TABLE IF NOT EXISTS indikator (
    -- kolom tanpa tipe: nilai sel disimpan apa adanya (angka tetap angka, teks tetap teks)
    kiriman_id INTEGER NOT NULL REFERENCES kiriman(id),
    urutan INTEGER NOT NULL,
    no_sasaran, perspektif, sasaran, kode, indikator, satuan,
    jenis_target, polaritas, iku, bobot, target,
    bulan TEXT,       -- JSON: target B01..B12 apa adanya
    realisasi TEXT,   -- JSON: realisasi R01..R12 apa adanya
    keterangan
);
CREATE INDEX IF NOT EXISTS indikator_kiriman ON indikator (kiriman_id);
CREATE TABLE IF NOT EXISTS anggaran (
    kiriman_id INTEGER NOT NULL REFERENCES kiriman(id),
    urutan INTEGER NOT NULL,
    kode, kode_ro, rincian_output, komponen, sub_komponen, pagu, kontribusi, realisasi
);
CREATE INDEX IF NOT EXISTS anggaran_kiriman ON anggaran (kiriman_id);
"""


def waktu_tampil(iso: str | None) -> str:
    """'2026-11-23T20:29:26.123456+00:00' → '2026-11-23 20:29:26 UTC' (untuk dibaca orang)."""
    if not iso:
        return ""
    return iso[:19].replace("T", " ") + (" UTC" if iso.endswith("+00:00") else "")


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


def _json_bulan(nilai) -> str | None:
    return None if nilai is None else json.dumps([_nilai(v) for v in nilai], ensure_ascii=False)


def _dari_json(s: object) -> object:
    return json.loads(s) if isinstance(s, str) else None  # NULL SQL bisa terbaca NaN


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
            raise RiwayatRusak(f"Riwayat {self.path} tidak dapat dibuka: {e}.") from None
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
        agar ``rapk-xl riwayat`` tetap bisa membaca selama run konsolidasi berjalan)."""
        nama = self._nama_tabel()
        if "kiriman" not in nama:
            if nama:
                raise RiwayatRusak(f"{self.path} adalah basis data SQLite lain, bukan riwayat "
                                   "rapk-xl. Pakai --riwayat dengan nama berkas lain.")
            self.db.execute("BEGIN IMMEDIATE")
            try:
                if "kiriman" not in self._nama_tabel():  # run lain bisa mendahului
                    for perintah in _SKEMA.split(";"):
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
        def baris(df: pd.DataFrame, kolom: list[str]) -> list[list]:
            return df[kolom].to_numpy(dtype=object).tolist()  # jauh lebih cepat dari itertuples

        pk, rapk, real, ang = data["pk"], data["rapk"], data["realisasi"], data["anggaran"]
        target = {r[0]: r[1:] for r in baris(rapk, ["Kode Indikator", *BULAN_TARGET])}
        realisasi = {r[0]: (r[1:-1], r[-1]) for r in
                     baris(real, ["Kode Indikator", *BULAN_REALISASI, "Keterangan"])}
        kolom = ["No Sasaran", "Perspektif", "Sasaran", "Kode Indikator", "Indikator", "Satuan",
                 "Jenis Target", "Polaritas", "IKU", "Bobot", "Target"]
        isi = []
        for i, r in enumerate(baris(pk, kolom)):
            rl, ket = realisasi.get(r[3], (None, None))
            isi.append((kid, i, *map(_nilai, r), _json_bulan(target.get(r[3])), _json_bulan(rl),
                        _nilai(ket)))
        self.db.executemany("INSERT INTO indikator VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", isi)
        kolom = ["Kode Indikator", "Kode RO", "Rincian Output", "Komponen", "Sub Komponen",
                 "Pagu", "Kontribusi", "Realisasi Anggaran"]
        self.db.executemany("INSERT INTO anggaran VALUES (?,?,?,?,?,?,?,?,?,?)",
                            [(kid, i, *map(_nilai, r)) for i, r in enumerate(baris(ang, kolom))])

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

    def info(self, kunci: str) -> str | None:
        r = self.db.execute("SELECT nilai FROM info WHERE kunci = ?", (kunci,)).fetchone()
        return r[0] if r else None

    def atur_info(self, kunci: str, nilai: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO info VALUES (?, ?)", (kunci, nilai))

    def data(self, ids: list[int]) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(indikator, anggaran) kiriman ``ids``, nilai sel kembali ke bentuk aslinya."""
        if not ids:
            ids = [-1]
        tanda = ",".join("?" * len(ids))
        ind = pd.read_sql_query(f"SELECT * FROM indikator WHERE kiriman_id IN ({tanda}) "
                                "ORDER BY kiriman_id, urutan", self.db, params=ids)
        ang = pd.read_sql_query(f"SELECT * FROM anggaran WHERE kiriman_id IN ({tanda}) "
                                "ORDER BY kiriman_id, urutan", self.db, params=ids)
        for k in ("bulan", "realisasi"):
            ind[k] = pd.Series([_dari_json(v) for v in ind[k]], index=ind.index, dtype=object)
        for df in (ind, ang):  # kolom tanpa tipe: NULL → None, nilai lain apa adanya
            for k in df.columns:
                if df[k].dtype != object:
                    df[k] = df[k].astype(object).where(df[k].notna(), None)
        return ind, ang

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
