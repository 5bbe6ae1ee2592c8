"""Sebab galat sistem berkas (OSError) dalam Bahasa Indonesia, untuk pesan kepada pengguna.

``e.strerror`` berasal dari sistem operasi dan berbahasa Inggris ("Permission denied"); pesan
rapk-xl memakai :func:`sebab_os` agar sebabnya terbaca: "tidak ada izin menulis", "disk penuh".
"""
from __future__ import annotations

import errno

__all__ = ["sebab_os"]

_SEBAB = {
    errno.ENOENT: "berkas atau folder itu tidak ada",
    errno.ENOTDIR: "salah satu bagian path adalah berkas, bukan folder",
    errno.EISDIR: "itu folder, bukan berkas",
    errno.EACCES: "tidak ada izin (atau berkasnya sedang terbuka di program lain, mis. Excel)",
    errno.EPERM: "tidak ada izin",
    errno.ENOSPC: "disk penuh",
    errno.EROFS: "disk hanya dapat dibaca",
    errno.EBUSY: "sedang dipakai program lain",
    errno.ENAMETOOLONG: "nama berkas terlalu panjang",
    errno.EMFILE: "terlalu banyak berkas terbuka",
    errno.EIO: "galat baca/tulis disk",
    errno.EEXIST: "sudah ada",
}


def sebab_os(e: OSError) -> str:
    """Sebab ``e`` untuk pesan: terjemahan errno yang umum, selain itu teks sistemnya.

    ``mkdir(exist_ok=True)`` hanya gagal "sudah ada" bila yang ada berkas biasa: pesannya
    menyebut berkas itu."""
    if e.errno == errno.EEXIST and e.filename:
        return f"'{e.filename}' adalah berkas, bukan folder"
    return _SEBAB.get(e.errno) or e.strerror or "galat sistem berkas"
