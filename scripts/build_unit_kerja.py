"""Bangun src/rapk_xl/data/unit_kerja.csv dari daftar referensi 2024.

Daftar referensi (../shared/reference/unit_kerja_2024.csv) memakai nama seperti di buku
"Kinerja BPOM Dalam Angka": huruf kapital, "." di tempat koma, beberapa salah ketik.
Skrip ini menambahkan nama baku (dipakai di dropdown template dan laporan) dan kode stabil,
dan menyimpan nama asli sebagai alias. Jalankan ulang hanya bila daftar referensi berubah:

    python scripts/build_unit_kerja.py samples/sumber/unit_kerja_2024.csv
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

SALAH_KETIK = {"STANDADISASI": "STANDARDISASI", "STANDRDISASI": "STANDARDISASI"}
KECIL = {"DAN", "DI", "ATAU", "SERTA"}
TETAP_KAPITAL = {"POM", "SDM", "BPOM", "NAPZA", "I", "II", "III"}


def _judul(teks: str) -> str:
    kata = []
    for i, w in enumerate(teks.split()):
        if w in TETAP_KAPITAL:
            kata.append(w)
        elif w in KECIL and i > 0:
            kata.append(w.lower())
        else:
            kata.append(w.capitalize())
    return " ".join(kata)


def nama_baku(kelompok: str, asli: str) -> str:
    s = asli.strip()
    for salah, benar in SALAH_KETIK.items():
        s = s.replace(salah, benar)
    s = re.sub(r"\.\s+", ", ", s)  # "OBAT. NARKOTIKA" -> "OBAT, NARKOTIKA"
    s = s.replace(", DAN ", " DAN ")
    s = re.sub(r"^DIT, ", "DIREKTORAT ", s)
    s = re.sub(r"^DIT\.?\s+", "DIREKTORAT ", s)
    if kelompok == "Balai":
        besar = s.startswith("BALAI BESAR")
        tempat = re.sub(r"^BALAI (BESAR )?PENGAWAS OBAT DAN MAKANAN (DI )?", "", s)
        return ("Balai Besar POM di " if besar else "Balai POM di ") + _judul(tempat)
    if kelompok == "Loka":
        tempat = re.sub(r"^LOKA POM (DI )?", "", s)
        return "Loka POM di " + _judul(tempat)
    # Pusat: jaga koma di antara kata
    bagian = [_judul(p) for p in s.split(", ")]
    return ", ".join(bagian)


def kode(nama: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", nama.lower()).strip("-")


def main(src: str) -> None:
    out = Path(__file__).resolve().parents[1] / "src/rapk_xl/data/unit_kerja.csv"
    rows = list(csv.DictReader(open(src, encoding="utf-8")))
    hasil = [{
        "kode": "bpom", "kelompok": "BPOM", "nama": "Badan Pengawas Obat dan Makanan",
        "nama_referensi": "BADAN PENGAWAS OBAT DAN MAKANAN", "peringkat_tw2_2024": "",
        "pagu_2024": "", "pagu_setelah_aa_2024": "", "realisasi_sd_juni_2024": "",
    }]
    for r in rows:
        nama = nama_baku(r["kelompok"], r["nama_dokumen"])
        hasil.append({
            "kode": kode(nama), "kelompok": r["kelompok"], "nama": nama,
            "nama_referensi": r["nama_dokumen"], "peringkat_tw2_2024": r["peringkat_tw2_2024"],
            "pagu_2024": r["pagu_2024"], "pagu_setelah_aa_2024": r["pagu_setelah_aa_2024"],
            "realisasi_sd_juni_2024": r["realisasi_sd_juni_2024"],
        })
    kodes = [h["kode"] for h in hasil]
    assert len(set(kodes)) == len(kodes), "kode unit ganda"
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(hasil[0]))
        w.writeheader()
        w.writerows(hasil)
    print(f"{len(hasil)} unit ditulis ke {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parents[1] / "samples/sumber/unit_kerja_2024.csv"))
