"""Demo: contoh kecil bawaan yang menunjukkan apa yang dapat dilakukan rapk-xl.

``rapk-xl demo`` (dan ``make demo``) mencetak hasil :func:`demo`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .calc import capaian_array, efisiensi, hitung_nps, kriteria_array
from .io.writer import tulis_template
from .samples.seed import SAMPEL, bangun_sampel

__all__ = ["contoh_indikator", "HasilDemo", "demo"]


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


def demo(folder: str | Path | None = None, bulan: int = 6) -> HasilDemo:
    """Hitung capaian, kriteria, NPS dan satu contoh efisiensi untuk :func:`contoh_indikator`;
    bila ``folder`` diberikan, tulis juga template kosong dan ketiga sampel dokumen ke sana."""
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
    if folder is not None:
        folder = Path(folder)
        hasil.folder = folder
        hasil.berkas["Template kosong"] = tulis_template(folder / "rapk_template.xlsx")
        for p in bangun_sampel(folder / "sampel"):
            hasil.berkas[f"Sampel: {SAMPEL[p.stem]}"] = p
    return hasil
