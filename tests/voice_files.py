"""Where the spoken fixtures are (tests/voice/fixtures: made by make_fixtures.sh)."""

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "voice" / "fixtures"
PAUSES = FIXTURES / "pauses.wav"
"""An answer with known words and two long pauses, telling the fixtures' story."""
