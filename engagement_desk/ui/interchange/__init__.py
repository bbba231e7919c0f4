"""Datei ▸ Daten exportieren / importieren: the whole database through the interchange file."""
