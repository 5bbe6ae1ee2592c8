"""Lapisan hitung (murni: tanpa I/O, tanpa Excel): membaca angka dan aturan kinerja."""
from .parse import (Angka, Status, bulatkan, bulatkan_array, format_angka, kunci_teks,
                    parse_angka, parse_angka_array, rapikan_teks)
from .rules import (
    JENIS_TARGET, KRITERIA, POLARITAS, SKALA_OPINI, Alasan, CapaianArray, EfisiensiArray,
    HasilCapaian, HasilEfisiensi, HasilNPS, baca_nilai_array, bobot_indikator, capaian,
    capaian_array, efisiensi, efisiensi_array, hitung_capaian, hitung_nps,
    hitung_nps_per, kriteria, kriteria_array, normalisasi_jenis_target, normalisasi_polaritas, nps,
    nps_array, tampil_array,
)
from .turunan import (KALI_RUPIAH, SATUAN_ANGGARAN, capaian_input, capaian_input_array,
                      kali_rupiah, nilai_bulan, persentase_bagian, rasio_pembilang,
                      satuan_anggaran_baku)
