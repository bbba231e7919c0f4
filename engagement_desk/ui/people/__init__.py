"""Personen tab: the list of everyone, the person editor and the people import wizard."""
