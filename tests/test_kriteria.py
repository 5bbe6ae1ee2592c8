"""Kriteria per tabel domain.md, setelah dibulatkan 2 desimal."""
import pytest

from rapk_xl import kriteria


@pytest.mark.parametrize("x, label", [
    (0, "Sangat Kurang"),
    (-10, "Sangat Kurang"),
    (49.99, "Sangat Kurang"),
    (49.994, "Sangat Kurang"),
    (49.995, "Kurang"),           # dibulatkan 50,00
    (50, "Kurang"),
    (69.99, "Kurang"),
    (70, "Cukup"),
    (89.99, "Cukup"),
    (90, "Baik"),
    (100, "Baik"),
    (109.99, "Baik"),
    (109.994, "Baik"),
    (109.995, "Sangat Baik"),     # tampil 110,00
    (110, "Sangat Baik"),
    (119.99, "Sangat Baik"),
    (119.995, "Tidak Dapat Disimpulkan"),
    (120.00, "Tidak Dapat Disimpulkan"),  # 120 tepat: tabel sumber membiarkannya tanpa kelas
    (132.16, "Tidak Dapat Disimpulkan"),
])
def test_batas_kriteria(x, label):
    assert kriteria(x) == label


def test_teks_angka_dan_kosong():
    assert kriteria("98,81") == "Baik"
    assert kriteria(None) is None
    assert kriteria("Akhir Tahun") is None
    assert kriteria(float("nan")) is None
