"""Laporan satu run konsolidasi: teks untuk terminal dan JSON (``--format json``)."""
from __future__ import annotations

import json
from pathlib import Path

from ..format.spec import nama_bulan
from ..reference import daftar_unit
from .konsolidasi import HasilKonsolidasi

__all__ = ["ke_teks", "ke_json", "ke_json_galat"]


def ke_json_galat(pesan: str, keluaran=None, riwayat=None) -> str:
    """JSON untuk run yang tidak dapat dimulai (perintah salah pakai, PATH tidak ada, riwayat
    terkunci atau rusak): bentuknya sama dengan :func:`ke_json`, tanpa berkas, dengan
    ``"error"``."""
    return json.dumps({
        "output": str(keluaran) if keluaran else None, "riwayat": str(riwayat) if riwayat else None,
        "tahun": None, "periode": None, "buku_ditulis": False, "files": [], "dipakai": [],
        "catatan": [], "error": pesan}, ensure_ascii=False, indent=2)


def ke_json(hasil: HasilKonsolidasi) -> str:
    """Hasil run sebagai JSON; ``"error"`` bila buku tidak dapat disusun (kiriman tetap
    tercatat)."""
    data = {
        "output": str(hasil.keluaran), "riwayat": str(hasil.riwayat),
        "tahun": hasil.tahun, "periode": hasil.periode, "buku_ditulis": hasil.buku_ditulis,
        "files": [{"file": str(m.path), "status": ("dilewati" if m.dilewati else k.status),
                   "unit": k.unit if k else None, "sha256": k.sha256 if k else None,
                   "baru": h is not None, "note": m.catatan,
                   "findings": k.temuan_kesalahan if k else []}
                  for m, k, h in hasil.berkas],
        "dipakai": [{"unit": k.unit, "file": k.berkas, "sha256": k.sha256} for k in hasil.dipakai],
        "catatan": hasil.catatan,
    }
    if hasil.galat:
        data["error"] = hasil.galat
    return json.dumps(data, ensure_ascii=False, indent=2)


def _tempat(t: dict) -> str:
    """'PK!D7', 'PK' atau '' (temuan untuk seluruh berkas)."""
    sheet, sel = t.get("sheet") or "", t.get("cell") or ""
    return f"{sheet}!{sel}" if sheet and sel else sheet


def ke_teks(hasil: HasilKonsolidasi) -> str:
    """Hasil run untuk terminal: jumlah, yang ditolak dengan contoh selnya, catatan, keluaran."""
    if hasil.tahun is None:
        baris = ["Konsolidasi: buku nasional tidak disusun (tahun dan periode tidak diketahui)"]
    else:
        baris = [f"Konsolidasi tahun {hasil.tahun} periode {hasil.periode} "
                 f"({nama_bulan(hasil.periode)})"]
    baris.append(f"  {len(hasil.berkas)} berkas: {len(hasil.diterima)} diterima, "
                 f"{len(hasil.ditolak)} ditolak, {len(hasil.dilewati)} dilewati "
                 f"({hasil.baru} baru, {hasil.sudah_tercatat} sudah tercatat sebelumnya)")
    if hasil.ditolak:
        rinci = ("sheet Ditolak buku nasional" if hasil.buku is not None
                 else f"rapk-xl riwayat --riwayat {hasil.riwayat}")
        baris.append(f"  Ditolak (rinciannya: {rinci}):")
        for k in hasil.ditolak:
            salah = k.temuan_kesalahan
            contoh = "; ".join(" ".join(x for x in (t["rule"], _tempat(t)) if x)
                               for t in salah[:3])
            lagi = f"; +{len(salah) - 3} lagi" if len(salah) > 3 else ""
            baris.append(f"    {Path(k.berkas).name} — {k.unit or '(unit tak dikenal)'}: "
                         f"{len(salah)} kesalahan ({contoh}{lagi})")
    for m in hasil.dilewati:
        baris.append(f"  Dilewati: {m.path.name} — {m.catatan}")
    for c in hasil.catatan:
        baris.append(f"  Catatan: {c}")
    if hasil.buku is None:
        baris.append(f"Buku nasional: {hasil.keluaran} (tidak ditulis)")
    else:
        n_unit = sum(u.kelompok != "BPOM" for u in daftar_unit())
        baris.append(f"  Dipakai di buku: {len(hasil.dipakai)} unit (dari {n_unit} unit kerja)")
        status = ("ditulis" if hasil.buku_ditulis
                  else "tidak berubah: isinya sama dengan run sebelumnya")
        baris.append(f"Buku nasional: {hasil.keluaran} ({status})")
    baris.append(f"Riwayat: {hasil.riwayat}")
    return "\n".join(baris)
