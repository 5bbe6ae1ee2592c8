"""Compound File Binary (MS-CFB, versi 3, sektor 512 byte): baca dan tulis.

Hanya yang dibutuhkan ``vbaProject.bin``: storage dan stream, tanpa DIFAT tambahan (berkas
sampai ±6,8 MB), stream kecil (< 4096 byte) di mini stream. Ditulis sendiri dari spesifikasi
[MS-CFB]; tes membaca hasilnya kembali dengan ``olefile`` (pustaka lain) dan oletools.

Berkas dilihat sebagai kamus ``{"VBA/dir": b"...", ...}``: kunci path stream dipisah ``/``;
storage muncul sebagai awalan path.
"""
from __future__ import annotations

import struct

__all__ = ["baca_cfb", "tulis_cfb", "CfbRusak"]

TANDA = bytes.fromhex("D0CF11E0A1B11AE1")
SEKTOR = 512
MINI = 64
BATAS_MINI = 4096
BEBAS, AKHIR, SEKTOR_FAT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
TANPA = 0xFFFFFFFF  # NOSTREAM
JENIS_STORAGE, JENIS_STREAM, JENIS_AKAR = 1, 2, 5
HITAM = 1


class CfbRusak(ValueError):
    """Berkas bukan compound file yang dapat dibaca."""


# ---------------------------------------------------------------- baca


def _rantai(fat: list[int], mulai: int, batas: int) -> list[int]:
    hasil, s = [], mulai
    while s not in (AKHIR, BEBAS):
        if s >= len(fat) or len(hasil) > batas:
            raise CfbRusak("rantai sektor rusak")
        hasil.append(s)
        s = fat[s]
    return hasil


def baca_cfb(data: bytes) -> dict[str, bytes]:
    """Semua stream berkas compound ``data``: path → isi."""
    if len(data) < SEKTOR or data[:8] != TANDA:
        raise CfbRusak("bukan compound file (tanda tangan tidak cocok)")
    (geser_sektor, geser_mini) = struct.unpack_from("<HH", data, 30)
    ukuran = 1 << geser_sektor
    mini = 1 << geser_mini
    (n_fat, dir_mulai, _, batas_mini, minifat_mulai, n_minifat, difat_mulai,
     n_difat) = struct.unpack_from("<IIIIIIII", data, 44)
    jumlah = max(0, -(-(len(data) - ukuran) // ukuran))

    def sektor(i: int) -> bytes:
        awal = ukuran + i * ukuran
        if i >= jumlah:
            raise CfbRusak("sektor di luar berkas")
        return data[awal:awal + ukuran]

    difat = [v for v in struct.unpack_from("<109I", data, 76) if v != BEBAS]
    s = difat_mulai
    for _ in range(n_difat):
        if s in (AKHIR, BEBAS):
            break
        isi = struct.unpack(f"<{ukuran // 4}I", sektor(s))
        difat += [v for v in isi[:-1] if v != BEBAS]
        s = isi[-1]
    fat: list[int] = []
    for i in difat[:n_fat]:
        fat += struct.unpack(f"<{ukuran // 4}I", sektor(i))

    def stream_besar(mulai: int, panjang: int) -> bytes:
        isi = b"".join(sektor(i) for i in _rantai(fat, mulai, jumlah))
        return isi[:panjang]

    direktori = b"".join(sektor(i) for i in _rantai(fat, dir_mulai, jumlah))
    entri = []
    for k in range(len(direktori) // 128):
        e = direktori[k * 128:(k + 1) * 128]
        panjang_nama, = struct.unpack_from("<H", e, 64)
        nama = e[:max(0, panjang_nama - 2)].decode("utf-16-le", "replace")
        jenis = e[66]
        kiri, kanan, anak = struct.unpack_from("<III", e, 68)
        mulai, besar = struct.unpack_from("<IQ", e, 116)
        entri.append((nama, jenis, kiri, kanan, anak, mulai, besar & 0xFFFFFFFF))
    if not entri or entri[0][1] != JENIS_AKAR:
        raise CfbRusak("entri akar tidak ada")
    akar = entri[0]
    ministream = stream_besar(akar[5], akar[6]) if akar[6] else b""
    minifat: list[int] = []
    if n_minifat:
        for i in _rantai(fat, minifat_mulai, jumlah):
            minifat += struct.unpack(f"<{ukuran // 4}I", sektor(i))

    def stream_kecil(mulai: int, panjang: int) -> bytes:
        n_mini = len(ministream) // mini
        isi = b"".join(ministream[i * mini:(i + 1) * mini]
                       for i in _rantai(minifat, mulai, n_mini))
        return isi[:panjang]

    hasil: dict[str, bytes] = {}
    dikunjungi: set[int] = set()

    def jalan(i: int, awalan: str) -> None:
        if i == TANPA or i >= len(entri) or i in dikunjungi:
            return
        dikunjungi.add(i)
        nama, jenis, kiri, kanan, anak, mulai, besar = entri[i]
        jalan(kiri, awalan)
        jalan(kanan, awalan)
        path = awalan + nama
        if jenis == JENIS_STREAM:
            hasil[path] = (stream_kecil(mulai, besar) if besar < batas_mini
                           else stream_besar(mulai, besar))
        elif jenis == JENIS_STORAGE:
            jalan(anak, path + "/")

    jalan(akar[4], "")
    return hasil


# ---------------------------------------------------------------- tulis


def _kunci(nama: str) -> tuple[int, str]:
    """Urutan saudara di pohon direktori: nama lebih pendek dulu, lalu huruf besar."""
    return (len(nama), nama.upper())


def tulis_cfb(stream: dict[str, bytes]) -> bytes:
    """Compound file berisi ``stream`` (path → isi). Storage dibuat dari awalan path.

    Pohon saudara tiap storage disusun seimbang dan semua simpul hitam (memenuhi batasan
    [MS-CFB] 2.6.4: akar hitam, tidak ada dua merah berurutan, kiri < kanan).
    """
    # simpul: (nama, jenis, isi, anak{})
    akar: dict = {}
    for path, isi in stream.items():
        bagian = path.split("/")
        simpul = akar
        for b in bagian[:-1]:
            simpul = simpul.setdefault(b, {})
            if not isinstance(simpul, dict):
                raise ValueError(f"{path}: awalan bukan storage")
        if len(bagian[-1].encode("utf-16-le")) > 62:
            raise ValueError(f"nama terlalu panjang: {bagian[-1]}")
        simpul[bagian[-1]] = bytes(isi)

    # 1. susun entri direktori (indeks 0 = akar)
    entri: list[dict] = [{"nama": "Root Entry", "jenis": JENIS_AKAR, "kiri": TANPA,
                          "kanan": TANPA, "anak": TANPA, "isi": None}]

    def susun(anak: dict) -> int:
        urut = sorted(anak, key=_kunci)
        idx = []
        for nama in urut:
            isi = anak[nama]
            e = {"nama": nama, "kiri": TANPA, "kanan": TANPA, "anak": TANPA}
            if isinstance(isi, dict):
                e.update(jenis=JENIS_STORAGE, isi=None)
            else:
                e.update(jenis=JENIS_STREAM, isi=isi)
            entri.append(e)
            idx.append(len(entri) - 1)
        for nama, i in zip(urut, idx):
            if isinstance(anak[nama], dict):
                entri[i]["anak"] = susun(anak[nama])

        def seimbang(lo: int, hi: int) -> int:
            if lo >= hi:
                return TANPA
            tengah = (lo + hi) // 2
            e = entri[idx[tengah]]
            e["kiri"] = seimbang(lo, tengah)
            e["kanan"] = seimbang(tengah + 1, hi)
            return idx[tengah]

        return seimbang(0, len(idx))

    entri[0]["anak"] = susun(akar)

    # 2. mini stream untuk stream kecil
    ministream = bytearray()
    minifat: list[int] = []
    for e in entri:
        isi = e.get("isi")
        if isi is None or len(isi) >= BATAS_MINI:
            continue
        if not isi:
            e["mulai"] = AKHIR
            continue
        n = -(-len(isi) // MINI)
        e["mulai"] = len(minifat)
        minifat += list(range(len(minifat) + 1, len(minifat) + n)) + [AKHIR]
        ministream += isi + b"\0" * (n * MINI - len(isi))

    # 3. tata letak sektor: FAT | direktori | miniFAT | ministream | stream besar
    def n_sektor(panjang: int) -> int:
        return -(-panjang // SEKTOR)

    n_dir = n_sektor(len(entri) * 128)
    n_minifat = n_sektor(len(minifat) * 4)
    n_mini = n_sektor(len(ministream))
    besar = [e for e in entri if e.get("isi") is not None and len(e["isi"]) >= BATAS_MINI]
    n_besar = sum(n_sektor(len(e["isi"])) for e in besar)
    lain = n_dir + n_minifat + n_mini + n_besar
    n_fat = 1
    while n_fat * (SEKTOR // 4) < lain + n_fat:
        n_fat += 1
    if n_fat > 109:
        raise ValueError("berkas terlalu besar untuk penulis ini (butuh DIFAT)")

    fat = [SEKTOR_FAT] * n_fat
    sektor: list[bytes] = []

    def taruh(isi: bytes) -> int:
        n = n_sektor(len(isi))
        if n == 0:
            return AKHIR
        mulai = n_fat + len(sektor)
        for k in range(n):
            sektor.append(isi[k * SEKTOR:(k + 1) * SEKTOR].ljust(SEKTOR, b"\0"))
        fat.extend(list(range(mulai + 1, mulai + n)) + [AKHIR])
        return mulai

    # direktori ditulis setelah posisi stream diketahui: sisihkan tempatnya dulu
    dir_mulai = n_fat
    for k in range(n_dir):
        sektor.append(b"")
    fat.extend(list(range(dir_mulai + 1, dir_mulai + n_dir)) + [AKHIR])
    minifat_bytes = struct.pack(f"<{len(minifat)}I", *minifat)
    minifat_bytes += b"\xff" * (n_minifat * SEKTOR - len(minifat_bytes))
    minifat_mulai = taruh(minifat_bytes)
    entri[0]["mulai"] = taruh(bytes(ministream))
    entri[0]["besar"] = len(ministream)
    for e in besar:
        e["mulai"] = taruh(e["isi"])

    tabel = bytearray()
    for e in entri:
        nama = e["nama"].encode("utf-16-le") + b"\0\0"
        isi = e.get("isi")
        ukuran = e.get("besar", 0) if isi is None else len(isi)
        mulai = e.get("mulai", AKHIR if e["jenis"] != JENIS_STORAGE else 0)
        if e["jenis"] == JENIS_STORAGE:
            mulai, ukuran = 0, 0
        tabel += (nama.ljust(64, b"\0") + struct.pack("<HBB", len(nama), e["jenis"], HITAM)
                  + struct.pack("<III", e["kiri"], e["kanan"], e["anak"])
                  + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
                  + struct.pack("<IQ", mulai, ukuran))
    kosong = (b"\0" * 64 + struct.pack("<HBB", 0, 0, 0) + struct.pack("<III", TANPA, TANPA, TANPA)
              + b"\0" * 36 + struct.pack("<IQ", 0, 0))
    while len(tabel) < n_dir * SEKTOR:
        tabel += kosong
    for k in range(n_dir):
        sektor[k] = bytes(tabel[k * SEKTOR:(k + 1) * SEKTOR])

    total = n_fat + len(sektor)
    fat += [BEBAS] * (n_fat * (SEKTOR // 4) - len(fat))
    assert len(fat) == n_fat * (SEKTOR // 4) and total <= len(fat)
    difat = list(range(n_fat)) + [BEBAS] * (109 - n_fat)
    kepala = (TANDA + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, n_fat, dir_mulai, 0, BATAS_MINI,
                            minifat_mulai if minifat else AKHIR, n_minifat if minifat else 0,
                            AKHIR, 0)
              + struct.pack("<109I", *difat))
    assert len(kepala) == SEKTOR
    return kepala + struct.pack(f"<{len(fat)}I", *fat) + b"".join(sektor)
