"""Transkripsi dokumen RAPK sumber (CSV); dipasang sebagai rapk_xl.samples.data."""
