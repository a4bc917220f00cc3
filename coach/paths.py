"""Where coach keeps and finds things. Nothing here touches the disk at import time."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "coach"


def default_db_path() -> Path:
    """The database used when neither --db nor COACH_DB is given."""
    env = os.environ.get("COACH_DB")
    if env:
        return Path(env).expanduser()
    import platformdirs  # only when the default is used: it costs a few ms at start

    return Path(platformdirs.user_data_dir(APP_NAME)) / "coach.db"


def user_data_dir() -> Path:
    """Where coach keeps the user's own data (the default database, speech models, audio)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME))


def audio_dir() -> Path:
    """Where answers recorded in rehearsal are kept (`coach voice purge` empties it)."""
    return user_data_dir() / "audio"


def user_config_dir() -> Path:
    """The user's own templates live under this folder's `templates/`."""
    env = os.environ.get("COACH_CONFIG")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME))


def user_cache_dir() -> Path:
    """Where coach keeps what it can always make again (the parsed templates)."""
    env = os.environ.get("COACH_CACHE")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME))


def _shipped(name: str) -> Path:
    packaged = Path(__file__).parent / "_data" / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / name


def shipped_templates_dir() -> Path:
    """The templates that come with coach (inside the wheel, or the source checkout)."""
    return _shipped("templates")


def samples_dir() -> Path:
    """The sample stories that come with coach."""
    return _shipped("stories")
