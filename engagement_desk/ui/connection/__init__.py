"""The connection dialog: saved profiles, the staff login and its password."""
