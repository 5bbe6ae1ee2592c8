"""Lapisan baca/tulis: workbook xlsx (template, sampel) dan CSV transkripsi."""
