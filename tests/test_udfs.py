"""UDF Excel dipanggil dengan masukan berbentuk Excel (float, None, teks, list 2-D)."""
import pytest

from rapk_xl.udfs import CAPAIAN, EFISIENSI, KRITERIA, NPS


def test_capaian_satu_sel():
    assert CAPAIAN(93.62, 94.75) == pytest.approx(98.80739, abs=1e-5)  # 93,62 / 94,75 × 100
    assert CAPAIAN("93,62", 94.75) == pytest.approx(98.8074, abs=1e-4)
    assert CAPAIAN(80.0, 100.0, "Negatif") == pytest.approx(120.0)
    assert CAPAIAN("WDP", "WTP") == pytest.approx(75.0)


@pytest.mark.parametrize("r, t, tampil", [
    (None, 90.0, ""),                      # belum ada realisasi: sel kosong
    (50.0, None, "Target kosong"),
    (50.0, 0.0, "Target nol"),
    ("abc", 90.0, "Bukan angka"),
    ("#DIV/0!", 90.0, "Bukan angka"),      # galat Excel di sel sumber
    ("Progres 45%", 80.0, "Akhir Tahun"),
])
def test_capaian_tidak_dapat_dihitung_tampil_singkat(r, t, tampil):
    assert CAPAIAN(r, t) == tampil


def test_capaian_akhir_tahun():
    assert CAPAIAN(None, 83.0, "Positif", "Akhir Tahun", 6.0) == "Akhir Tahun"


def test_capaian_range_kolom_menghasilkan_kolom():
    realisasi = [[81.0], [None], [106.2], ["x"]]
    target = [[90.0], [90.0], [88.5], [90.0]]
    hasil = CAPAIAN(realisasi, target)
    assert len(hasil) == 4 and all(len(b) == 1 for b in hasil)
    assert hasil[0][0] == pytest.approx(90.0)
    assert hasil[1][0] == ""
    assert hasil[2][0] == pytest.approx(120.0)
    assert hasil[3][0] == "Bukan angka"


def test_capaian_range_dengan_target_tunggal_dan_polaritas_range():
    hasil = CAPAIAN([[80.0, 100.0]], 100.0, [["Negatif", "Positif"]])
    assert hasil == [[pytest.approx(120.0), pytest.approx(100.0)]]


def test_ukuran_range_berbeda_galat_bukan_traceback():
    hasil = CAPAIAN([[1.0], [2.0]], [[1.0], [2.0], [3.0]])
    assert isinstance(hasil, str) and hasil.startswith("Galat")


def test_kriteria():
    assert KRITERIA(98.81) == "Baik"
    assert KRITERIA(120.0) == "Tidak Dapat Disimpulkan"
    assert KRITERIA(109.995) == "Sangat Baik"  # dibulatkan 110,00 dulu
    assert KRITERIA(None) == ""
    assert KRITERIA("Akhir Tahun") == "Akhir Tahun"
    assert KRITERIA([[45.0], [None], [95.0]]) == [["Sangat Kurang"], [""], ["Baik"]]


def test_nps_range():
    # contoh domain: IKU 90 (bobot 2), biasa 120 (bobot 1) -> 100
    assert NPS([[90.0], [120.0]], [[2.0], [1.0]]) == pytest.approx(100.0)
    assert NPS([[90.0], ["Akhir Tahun"], [None]], [[2.0], [1.0], [1.0]]) == pytest.approx(90.0)
    assert NPS([[90.0, 120.0]]) == pytest.approx(105.0)  # tanpa bobot: rata-rata biasa
    assert NPS([[None], ["Akhir Tahun"]]) == ""
    assert NPS([[90.0], [80.0]], [[None], [None]]) == pytest.approx(85.0)
    assert NPS([[1.0], [2.0]], [[1.0]]).startswith("Galat")
    assert NPS([[1.0], [2.0]], [[1.0], [-1.0]]).startswith("Galat")


def test_efisiensi():
    assert EFISIENSI(100.0, 80.0) == pytest.approx(1.25)
    assert EFISIENSI(None, 80.0) == ""
    assert EFISIENSI(90.0, 0.0) == "Input nol"
    assert EFISIENSI(90.0, None) == "Input kosong"


def test_docstring_bahasa_indonesia():
    for f in (CAPAIAN, KRITERIA, NPS, EFISIENSI):
        assert f.__doc__ and ("Capaian" in f.__doc__ or "capaian" in f.__doc__)
