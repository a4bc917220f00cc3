"""Hearing a spoken answer, on this machine: the model (models.py), the recogniser
(engine.py, faster-whisper from the `voice` extra, imported only when used), where the
sound comes from (sources.py), the analysis (analysis.py) and what is installed (check.py)."""
