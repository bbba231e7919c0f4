"""Serienbriefe in the window: the letter dialog, the template editor, saved filters."""
