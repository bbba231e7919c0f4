"""Datensicherung in the window: back up now, restore, the backup folder, the status bar."""
