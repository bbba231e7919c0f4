"""Auswertung tab."""
