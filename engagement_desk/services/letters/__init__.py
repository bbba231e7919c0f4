"""Serienbriefe: letter templates, saved people filters, recipients and the printed output."""
