"""Lapisan validasi: pemeriksaan workbook RAPK (issue validator)."""
