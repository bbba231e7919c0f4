"""Engagement Desk: the desktop program of a municipal volunteer agency."""

__version__ = "0.3.0"
APP_NAME = "Engagement Desk"
APP_ID = "engagement-desk"
