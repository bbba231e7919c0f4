"""Fahrdienst window parts: week view, override, status, phone intake, prints, PDF preview."""
