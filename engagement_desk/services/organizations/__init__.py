"""Engagement-Zentren, clubs and partners, their contacts and opportunities, placement and
matching, the published club directory.
"""
