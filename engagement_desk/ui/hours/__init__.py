"""Volunteer hours entered in the window."""
