"""Data protection (DSGVO) in the window."""
