"""Auswertung: figures for a period, without personal data."""
