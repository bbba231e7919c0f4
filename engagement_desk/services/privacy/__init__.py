"""Data protection (DSGVO): access reports, anonymisation, retention."""
