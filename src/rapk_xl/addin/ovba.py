"""Proyek VBA (MS-OVBA): baca modul dari ``vbaProject.bin`` dan tulis proyek baru.

Ditulis sendiri dari spesifikasi [MS-OVBA]:

- kompresi/dekompresi 2.4.1 (container, chunk 4096 byte, copy token);
- stream ``dir`` 2.3.4.2 (record Id/Size/Data) — informasi proyek dan referensi dari proyek
  sumber dipertahankan apa adanya, hanya nama proyek dan daftar modul yang ditulis ulang;
- stream ``PROJECT`` 2.3.1 (teks) beserta enkripsi data CMG/DPB/GC 2.4.3;
- ``_VBA_PROJECT`` dengan Version 0xFFFF dan tanpa cache kinerja (2.3.4.1: "MUST be 0xFFFF on
  write"): Office mengompilasi ulang dari teks sumber saat membuka berkas. Template add-in
  xlwings sendiri dikirim dengan bentuk yang sama (7 byte, Version 0xFFFF).

Teks sumber modul memakai code page proyek (1252 di template xlwings).
"""
from __future__ import annotations

import hashlib
import struct
import uuid
from dataclasses import dataclass, field

from .cfb import baca_cfb, tulis_cfb

__all__ = ["kompres", "dekompres", "Modul", "ProyekVba", "baca_proyek", "tulis_proyek",
           "enkripsi_data", "dekripsi_data", "OvbaRusak"]

CHUNK = 4096


class OvbaRusak(ValueError):
    """Proyek VBA tidak berbentuk seperti yang diharapkan."""


# ---------------------------------------------------------------- kompresi (2.4.1)


def _bit(jarak: int) -> int:
    """Jumlah bit offset copy token untuk posisi ``jarak`` byte setelah awal chunk."""
    n = 4
    while (1 << n) < jarak:
        n += 1
    return n


def dekompres(data: bytes) -> bytes:
    """CompressedContainer → byte asli."""
    if not data or data[0] != 1:
        raise OvbaRusak("container terkompresi tidak diawali 0x01")
    keluar = bytearray()
    i = 1
    while i < len(data):
        if i + 2 > len(data):
            raise OvbaRusak("kepala chunk terpotong")
        kepala, = struct.unpack_from("<H", data, i)
        ukuran = (kepala & 0x0FFF) + 3
        if (kepala >> 12) & 0b111 != 0b011:
            raise OvbaRusak("tanda chunk salah")
        akhir = min(i + ukuran, len(data))
        awal_chunk = len(keluar)
        i += 2
        if not kepala & 0x8000:
            keluar += data[i:i + CHUNK]
            i += CHUNK
            continue
        while i < akhir:
            bendera = data[i]
            i += 1
            for b in range(8):
                if i >= akhir:
                    break
                if not (bendera >> b) & 1:
                    keluar.append(data[i])
                    i += 1
                    continue
                token, = struct.unpack_from("<H", data, i)
                i += 2
                n = _bit(len(keluar) - awal_chunk)
                panjang = (token & (0xFFFF >> n)) + 3
                jarak = (token >> (16 - n)) + 1
                if jarak > len(keluar) - awal_chunk:
                    raise OvbaRusak("copy token menunjuk ke luar chunk")
                for _ in range(panjang):  # boleh tumpang tindih: salin byte demi byte
                    keluar.append(keluar[-jarak])
    return bytes(keluar)


def _kompres_chunk(blok: bytes) -> bytes:
    keluar = bytearray()
    pos = 0
    rantai: dict[bytes, list[int]] = {}
    while pos < len(blok):
        i_bendera = len(keluar)
        keluar.append(0)
        bendera = 0
        for b in range(8):
            if pos >= len(blok):
                break
            n = _bit(pos) if pos else 4
            maks = min((0xFFFF >> n) + 3, len(blok) - pos)
            terbaik, jarak_terbaik = 0, 0
            if pos and maks >= 3:
                for cal in reversed(rantai.get(blok[pos:pos + 3], [])[-48:]):
                    jarak = pos - cal
                    if jarak > (1 << n):
                        break
                    p = 0
                    while p < maks and blok[cal + p] == blok[pos + p]:
                        p += 1
                    if p > terbaik:
                        terbaik, jarak_terbaik = p, jarak
                        if p == maks:
                            break
            langkah = terbaik if terbaik >= 3 else 1
            if terbaik >= 3:
                bendera |= 1 << b
                keluar += struct.pack("<H", ((jarak_terbaik - 1) << (16 - n)) | (terbaik - 3))
            else:
                keluar.append(blok[pos])
            for q in range(pos, pos + langkah):
                rantai.setdefault(blok[q:q + 3], []).append(q)
            pos += langkah
        keluar[i_bendera] = bendera
    return bytes(keluar)


def kompres(data: bytes) -> bytes:
    """Byte → CompressedContainer (dapat dibaca dekompresor Office mana pun)."""
    keluar = bytearray(b"\x01")
    for awal in range(0, len(data), CHUNK):
        blok = data[awal:awal + CHUNK]
        isi = _kompres_chunk(blok)
        if len(isi) > CHUNK:  # tidak menguntungkan: chunk mentah, 4096 byte tepat
            keluar += struct.pack("<H", 0x3000 | (CHUNK + 2 - 3)) + blok.ljust(CHUNK, b"\0")
        else:
            keluar += struct.pack("<H", 0xB000 | (len(isi) + 2 - 3)) + isi
    return bytes(keluar)


# ---------------------------------------------------------------- enkripsi data (2.4.3)


def _kunci_proyek(id_proyek: str) -> int:
    return sum(id_proyek.encode("ascii")) & 0xFF


def enkripsi_data(data: bytes, id_proyek: str, benih: int) -> str:
    """Data → teks heksadesimal (nilai CMG/DPB/GC di stream PROJECT)."""
    versi, kunci = 2, _kunci_proyek(id_proyek)
    benih &= 0xFF
    keluar = [benih, benih ^ versi, benih ^ kunci]
    asli1, enk1, enk2 = kunci, keluar[2], keluar[1]
    isi = bytes([0] * ((benih & 6) // 2)) + struct.pack("<I", len(data)) + data
    for b in isi:
        e = b ^ ((enk2 + asli1) & 0xFF)
        keluar.append(e)
        enk2, enk1, asli1 = enk1, e, b
    return bytes(keluar).hex().upper()


def dekripsi_data(teks: str) -> tuple[int, int, bytes]:
    """Teks CMG/DPB/GC → (versi, kunci proyek, data)."""
    enk = bytes.fromhex(teks)
    benih, versi, kunci = enk[0], enk[0] ^ enk[1], enk[0] ^ enk[2]
    asli1, enk1, enk2 = kunci, enk[2], enk[1]
    polos = bytearray()
    for e in enk[3:]:
        b = e ^ ((enk2 + asli1) & 0xFF)
        polos.append(b)
        enk2, enk1, asli1 = enk1, e, b
    abai = (benih & 6) // 2
    panjang, = struct.unpack_from("<I", polos, abai)
    return versi, kunci, bytes(polos[abai + 4:abai + 4 + panjang])


# ---------------------------------------------------------------- stream dir (2.3.4.2)

ID_NAMA_PROYEK = 0x0004
ID_KODE_HALAMAN = 0x0003
ID_VERSI = 0x0009
ID_MODUL = 0x000F
ID_AKHIR = 0x0010


def _record(data: bytes) -> list[tuple[int, bytes]]:
    hasil, i = [], 0
    while i < len(data):
        if i + 6 > len(data):
            raise OvbaRusak("record dir terpotong")
        rid, ukuran = struct.unpack_from("<HI", data, i)
        i += 6
        if rid == ID_VERSI:  # PROJECTVERSION: Reserved=4 lalu 6 byte data
            ukuran = 6
        hasil.append((rid, data[i:i + ukuran]))
        i += ukuran
        if rid == ID_AKHIR:
            break
    return hasil


def _tulis_record(rid: int, isi: bytes) -> bytes:
    if rid == ID_VERSI:
        return struct.pack("<HI", rid, 4) + isi
    return struct.pack("<HI", rid, len(isi)) + isi


@dataclass
class Modul:
    nama: str
    sumber: str             # teks sumber termasuk baris Attribute
    jenis: str = "modul"    # "modul" (procedural) | "kelas" | "dokumen"
    arsip: dict = field(default_factory=dict)  # baris [Workspace] dari sumber, bila ada


@dataclass
class ProyekVba:
    nama: str
    modul: list[Modul]
    kode_halaman: int
    info: list[tuple[int, bytes]]         # record informasi + referensi, apa adanya
    project_teks: str                      # stream PROJECT sumber (untuk bagian host)

    def modul_bernama(self, nama: str) -> Modul:
        for m in self.modul:
            if m.nama.lower() == nama.lower():
                return m
        raise KeyError(nama)


def baca_proyek(vba_bin: bytes) -> ProyekVba:
    """Baca ``vbaProject.bin``: nama proyek, modul beserta teks sumbernya."""
    stream = baca_cfb(vba_bin)
    if "VBA/dir" not in stream or "PROJECT" not in stream:
        raise OvbaRusak("stream VBA/dir atau PROJECT tidak ada")
    rec = _record(dekompres(stream["VBA/dir"]))
    ids = [r for r, _ in rec]
    if ID_MODUL not in ids:
        raise OvbaRusak("daftar modul tidak ada di stream dir")
    awal_modul = ids.index(ID_MODUL)
    info = rec[:awal_modul]
    kode_halaman = next((struct.unpack("<H", d)[0] for r, d in info if r == ID_KODE_HALAMAN), 1252)
    enc = f"cp{kode_halaman}"
    nama_proyek = next(d for r, d in info if r == ID_NAMA_PROYEK).decode(enc)
    teks_project = stream["PROJECT"].decode(enc, "replace")
    modul: list[Modul] = []
    kini: dict = {}
    for rid, d in rec[awal_modul + 1:]:
        if rid == 0x0019:
            kini = {"nama": d.decode(enc)}
        elif rid == 0x0047:
            kini["nama"] = d.decode("utf-16-le")
        elif rid == 0x001A:
            kini["stream"] = d.decode(enc)
        elif rid == 0x0032:
            kini["stream"] = d.decode("utf-16-le")
        elif rid == 0x0031:
            kini["offset"] = struct.unpack("<I", d)[0]
        elif rid == 0x0021:
            kini["jenis"] = "modul"
        elif rid == 0x0022:
            kini["jenis"] = "kelas"
        elif rid == 0x002B:
            isi = stream.get(f"VBA/{kini['stream']}")
            if isi is None:
                raise OvbaRusak(f"stream modul {kini['stream']} tidak ada")
            sumber = dekompres(isi[kini.get("offset", 0):]).decode(enc)
            modul.append(Modul(kini["nama"], sumber, kini.get("jenis", "modul")))
    dokumen = {baris.split("=", 1)[1].split("/")[0] for baris in teks_project.splitlines()
               if baris.startswith("Document=")}
    for m in modul:
        if m.nama in dokumen:
            m.jenis = "dokumen"
    return ProyekVba(nama_proyek, modul, kode_halaman, info, teks_project)


def _id_proyek(nama: str) -> str:
    """GUID proyek yang tetap untuk nama ini (build berulang menghasilkan berkas yang sama)."""
    return "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"rapk-xl:vba:{nama}")).upper() + "}"


def _benih(id_proyek: str, label: str) -> int:
    return hashlib.sha256(f"{id_proyek}:{label}".encode()).digest()[0]


def tulis_proyek(proyek: ProyekVba) -> bytes:
    """``vbaProject.bin`` baru untuk ``proyek`` (nama dan modulnya)."""
    enc = f"cp{proyek.kode_halaman}"
    # dir: informasi + referensi sumber, nama proyek diganti
    dir_isi = bytearray()
    for rid, d in proyek.info:
        if rid == ID_NAMA_PROYEK:
            d = proyek.nama.encode(enc)
        dir_isi += _tulis_record(rid, d)
    dir_isi += _tulis_record(ID_MODUL, struct.pack("<H", len(proyek.modul)))
    dir_isi += _tulis_record(0x0013, struct.pack("<H", 0xFFFF))  # PROJECTCOOKIE
    stream: dict[str, bytes] = {}
    for m in proyek.modul:
        nama_b, nama_u = m.nama.encode(enc), m.nama.encode("utf-16-le")
        dir_isi += (_tulis_record(0x0019, nama_b) + _tulis_record(0x0047, nama_u)
                    + _tulis_record(0x001A, nama_b) + _tulis_record(0x0032, nama_u)
                    + _tulis_record(0x001C, b"") + _tulis_record(0x0048, b"")
                    + _tulis_record(0x0031, struct.pack("<I", 0))
                    + _tulis_record(0x001E, struct.pack("<I", 0))
                    + _tulis_record(0x002C, struct.pack("<H", 0xFFFF))
                    + _tulis_record(0x0021 if m.jenis == "modul" else 0x0022, b"")
                    + _tulis_record(0x002B, b""))
        stream[f"VBA/{m.nama}"] = kompres(m.sumber.encode(enc))
    dir_isi += _tulis_record(ID_AKHIR, b"")
    stream["VBA/dir"] = kompres(bytes(dir_isi))
    stream["VBA/_VBA_PROJECT"] = struct.pack("<HHB", 0x61CC, 0xFFFF, 0) + b"\x00\x01"

    # PROJECT (teks) dan PROJECTwm (nama modul MBCS + UTF-16)
    id_proyek = _id_proyek(proyek.nama)
    baris = [f'ID="{id_proyek}"']
    for m in proyek.modul:
        if m.jenis == "dokumen":
            baris.append(f"Document={m.nama}/&H00000000")
        elif m.jenis == "kelas":
            baris.append(f"Class={m.nama}")
        else:
            baris.append(f"Module={m.nama}")
    baris += [f'Name="{proyek.nama}"', 'HelpContextID="0"', 'VersionCompatible32="393222000"',
              f'CMG="{enkripsi_data(bytes(4), id_proyek, _benih(id_proyek, "CMG"))}"',
              f'DPB="{enkripsi_data(bytes(1), id_proyek, _benih(id_proyek, "DPB"))}"',
              f'GC="{enkripsi_data(bytes([0xFF]), id_proyek, _benih(id_proyek, "GC"))}"',
              "", "[Host Extender Info]"]
    host = _bagian(proyek.project_teks, "Host Extender Info") or [
        "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000"]
    baris += host + ["", "[Workspace]"]
    baris += [f"{m.nama}=0, 0, 0, 0, C" for m in proyek.modul]
    stream["PROJECT"] = ("\r\n".join(baris) + "\r\n").encode(enc)
    stream["PROJECTwm"] = b"".join(m.nama.encode(enc) + b"\0" + m.nama.encode("utf-16-le")
                                   + b"\0\0" for m in proyek.modul) + b"\0\0"
    return tulis_cfb(stream)


def _bagian(teks: str, judul: str) -> list[str]:
    hasil, di_dalam = [], False
    for b in teks.splitlines():
        if b.strip().startswith("["):
            di_dalam = b.strip() == f"[{judul}]"
            continue
        if di_dalam and b.strip():
            hasil.append(b)
    return hasil
