"""Veranstaltungen: the list, the event editor, registrations, check-in and prints."""
