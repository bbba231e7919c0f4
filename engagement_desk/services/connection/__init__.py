"""Connection profiles (which database, as whom) and staff passwords in the keyring."""

from engagement_desk.services.connection.passwords import Passwords
from engagement_desk.services.connection.profiles import (
    DEFAULT_PORT,
    ConnectionProfile,
    ProfileBook,
    ProfileKind,
    load_profiles,
    profiles_path,
    save_profiles,
    validate_profile,
)

__all__ = [
    "DEFAULT_PORT",
    "ConnectionProfile",
    "Passwords",
    "ProfileBook",
    "ProfileKind",
    "load_profiles",
    "profiles_path",
    "save_profiles",
    "validate_profile",
]
