"""The first start on an empty database: the set-up wizard."""
