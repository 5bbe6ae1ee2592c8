"""Demo: pekerjaan utama rapk-xl dari awal sampai akhir, dengan data bawaan.

``rapk-xl demo`` (dan ``make demo``) menjalankan :func:`demo` lalu mencetak ringkasannya:

1. contoh hitung kecil (capaian, kriteria, NPS, efisiensi satu unit, angka rekaan);
2. template kosong dan tiga sampel dokumen RAPK asli;
3. 103 workbook kiriman unit sintetis, beberapa diberi kesalahan sengaja (manifest.json);
4. validasi semuanya, dengan laporan .xlsx yang bertautan ke setiap sel bermasalah;
5. konsolidasi menjadi buku nasional ``nasional.xlsx`` beserta riwayat SQLite-nya.

Kiriman sintetis yang sudah ada (manifest sama) dipakai lagi, sehingga demo kedua kalinya
juga menunjukkan bahwa konsolidasi ulang tidak mengubah apa pun.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd

from .calc import capaian_array, efisiensi, hitung_nps, kriteria_array
from .io.writer import tulis_template
from .samples.seed import SAMPEL, bangun_sampel

__all__ = ["contoh_indikator", "HasilDemo", "demo", "KIRIMAN_DEMO"]

#: kiriman sintetis demo: semua unit kerja, beberapa dirusak, periode Juni 2024
KIRIMAN_DEMO = {"units": 103, "seed": 0, "rusak": 6, "tahun": 2024, "periode": 6}


def contoh_indikator() -> pd.DataFrame:
    """Contoh satu unit (angka rekaan, mudah dihitung dengan tangan) per Juni."""
    return pd.DataFrame([
        # kode, perspektif, sasaran, indikator, iku, polaritas, jenis, target, realisasi
        ("1.01", "Stakeholder", "Obat dan Makanan memenuhi syarat",
         "Persentase Obat yang memenuhi syarat", True, "Positif", "Tetap", 90, 81),
        ("1.02", "Stakeholder", "Obat dan Makanan memenuhi syarat",
         "Persentase Makanan yang memenuhi syarat", False, "Positif", "Tetap", 88.5, 106.2),
        ("2.01", "Customer", "Efektivitas KIE",
         "Tingkat efektivitas KIE Obat dan Makanan", False, "Positif", "Tetap", 94.75, 93.62),
        ("2.02", "Customer", "Efektivitas KIE",
         "Indeks Kepuasan Masyarakat", False, "Positif", "Akhir Tahun", 90.5, None),
        ("3.01", "Internal Process", "Keuangan akuntabel",
         "Opini BPK atas laporan keuangan", False, "Positif", "Tetap", "WTP", "WDP"),
        ("3.02", "Internal Process", "Keuangan akuntabel",
         "Rata-rata waktu layanan (hari)", False, "Negatif", "Tetap", 20, 18),
    ], columns=["kode", "perspektif", "sasaran", "indikator", "iku", "polaritas",
                "jenis_target", "target", "realisasi"])


@dataclass
class HasilDemo:
    indikator: pd.DataFrame
    sasaran: pd.DataFrame
    perspektif: pd.DataFrame
    nps: float | None
    kriteria: str | None
    efisiensi_sasaran_1: object
    folder: Path | None = None
    berkas: dict[str, Path] = field(default_factory=dict)  # keterangan → path
    kiriman: Path | None = None
    kiriman_baru: bool = False
    manifest: dict | None = None
    validasi: object = None      # validate.temuan.Laporan
    konsolidasi: object = None   # consolidate.konsolidasi.HasilKonsolidasi


def demo(folder: str | Path | None = None, bulan: int = 6, jobs: int = 2,
         tahap: Callable[[str], None] | None = None) -> HasilDemo:
    """Hitung contoh kecil (:func:`contoh_indikator`); bila ``folder`` diberikan, tulis juga
    template dan sampel ke sana dan jalankan pekerjaan utama pada 103 kiriman sintetis (lihat
    modul). ``tahap(pesan)`` dipanggil sebelum setiap langkah."""
    df = contoh_indikator()
    h = capaian_array(df["realisasi"].to_numpy(object), df["target"].to_numpy(object),
                      df["polaritas"].to_numpy(object), df["jenis_target"].to_numpy(object),
                      bulan)
    df["capaian"] = h.nilai
    df["keterangan"] = [a.value if a is not None else "" for a in h.alasan]
    nps = hitung_nps(df)
    df["kriteria"] = kriteria_array(df["capaian"].to_numpy())
    # Sasaran 1: NPS-nya sebagai output, 45% anggaran terserap sebagai input.
    ef = efisiensi(nps.sasaran["nps"].iloc[0], 45.0)
    hasil = HasilDemo(df, nps.sasaran, nps.perspektif, nps.nps, nps.kriteria, ef)
    if folder is None:
        return hasil
    lapor = tahap or (lambda pesan: None)
    folder = Path(folder)
    hasil.folder = folder
    lapor("Menulis template dan sampel dokumen")
    hasil.berkas["Template kosong"] = tulis_template(folder / "rapk_template.xlsx")
    for p in bangun_sampel(folder / "sampel"):
        hasil.berkas[f"Sampel: {SAMPEL[p.stem]}"] = p
    _pekerjaan_utama(hasil, folder, jobs, lapor)
    return hasil


def _pekerjaan_utama(hasil: HasilDemo, folder: Path, jobs: int, lapor) -> None:
    from .consolidate.konsolidasi import konsolidasi
    from .samples.synthetic import NAMA_MANIFEST, buat_sampel
    from .validate.laporan import tulis_xlsx

    kiriman = folder / "kiriman"
    hasil.kiriman = kiriman
    manifest = kiriman / NAMA_MANIFEST
    try:
        lama = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        lama = None
    sama = (isinstance(lama, dict) and all(lama.get(k) == v for k, v in KIRIMAN_DEMO.items())
            and all((kiriman / f["file"]).is_file() for f in lama.get("files", [])))
    if not sama:
        lapor(f"Membuat {KIRIMAN_DEMO['units']} workbook kiriman unit "
              f"({KIRIMAN_DEMO['rusak']} dengan kesalahan sengaja)")
        lama = buat_sampel(kiriman, jobs=jobs, **KIRIMAN_DEMO).ke_dict()
    hasil.kiriman_baru = not sama
    hasil.manifest = lama
    lapor("Memvalidasi dan mengonsolidasikan kiriman menjadi buku nasional")
    hasil.konsolidasi = konsolidasi([kiriman], folder / "nasional.xlsx", jobs=jobs)
    hasil.validasi = _laporan_validasi(hasil.konsolidasi, jobs)
    hasil.berkas["Laporan validasi"] = tulis_xlsx(hasil.validasi, folder / "laporan_validasi.xlsx")
    hasil.berkas["Buku nasional"] = hasil.konsolidasi.keluaran
    hasil.berkas["Riwayat kiriman (SQLite)"] = hasil.konsolidasi.riwayat


def _laporan_validasi(k, jobs: int):
    """Laporan validasi semua kiriman run konsolidasi ``k``: hasil yang baru diperiksa konsolidasi
    dipakai langsung; hanya kiriman yang sudah tercatat sebelumnya diperiksa lagi."""
    from .validate.temuan import HasilBerkas, Laporan
    from .validate.validator import validasi

    def siap(m, h):
        return m.dilewati or (h is not None and h.file == str(m.path))

    ulang = [m.path for m, _, h in k.berkas if not siap(m, h)]
    diperiksa = {h.file: h for h in validasi(ulang, jobs=jobs).files} if ulang else {}
    return Laporan([HasilBerkas(str(m.path), catatan=m.catatan, dilewati=True) if m.dilewati
                    else h if siap(m, h) else diperiksa[str(m.path)] for m, _, h in k.berkas])
