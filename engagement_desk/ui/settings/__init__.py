"""Einstellungen: one dialog with a page per area (staff logins so far)."""
