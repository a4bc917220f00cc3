"""coach: a private terminal coach for the project questions of ML interviews."""

__version__ = "0.1.0"
