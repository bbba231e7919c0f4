"""PDF layout shared by the printed documents: embedded fonts, agency header, page footer."""
