"""Export figures: time a sheet takes to export, and peak memory exporting 10,000.

    export_md_ms_per_sheet, export_html_ms_per_sheet
        median time per file while exporting 1,000 stories into a folder: reading the
        story and its rehearsal history, rendering the sheet and writing it whole
        (temporary file, fsync, rename), from a bank with 100,000 past answers
    export_10k_peak_mb
        peak resident memory of a fresh process exporting all 10,000 stories as HTML
        into a folder (and, in the detail, as one HTML document streamed to a file),
        against a process that only opens the same bank (the baseline)

Run by bench/run.py; `python bench/export.py probe MODE DB OUT` is the fresh process.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SHEETS = 1_000


def _peak_mib() -> float:
    import resource

    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def probe(mode: str, db: Path, out: Path) -> None:
    """One fresh process: open the bank, then export everything (or nothing)."""
    from coach.services.export import Exporter
    from coach.services.workspace import Workspace

    workspace = Workspace(db)
    store = workspace.open_store()
    ids = [r.id for r in store.list_stories()]
    count = 0
    if mode == "files":
        exporter = Exporter(workspace, store, "html", ids)
        for _ in exporter.write_files(out):
            count += 1
    elif mode == "stream":
        exporter = Exporter(workspace, store, "html", ids, overview=True)
        with open(out, "w", encoding="utf-8") as handle:
            exporter.write_stream(handle)
        count = len(ids)
    print(json.dumps({"peak_rss_mib": _peak_mib(), "stories": len(ids), "written": count}))


def per_sheet_ms(db: Path, fmt: str, workdir: Path) -> tuple[list[float], int]:
    from coach.services.export import Exporter
    from coach.services.workspace import Workspace

    workspace = Workspace(db)
    store = workspace.open_store()
    try:
        ids = [r.id for r in store.list_stories(limit=SHEETS)]
        exporter = Exporter(workspace, store, fmt, ids)
        samples = []
        size = 0
        with tempfile.TemporaryDirectory(dir=workdir) as out:
            last = time.perf_counter()
            for path in exporter.write_files(Path(out)):
                now = time.perf_counter()
                samples.append((now - last) * 1000)
                size += path.stat().st_size
                last = time.perf_counter()
        return samples, size
    finally:
        store.close()


def export_figures(db: Path, workdir: Path, env: dict[str, str]) -> dict[str, Any]:
    from common import figure, log, percentile, run_script

    figures: dict[str, Any] = {}
    for fmt, goal in (("md", "< 3"), ("html", "< 6")):
        samples, size = per_sheet_ms(db, fmt, workdir)
        log(f"{fmt}: {len(samples)} sheets, {size / len(samples) / 1024:.1f} KiB each")
        figures[f"export_{fmt}_ms_per_sheet"] = figure(
            percentile(samples, 50),
            "ms",
            goal,
            detail={
                "sheets": len(samples),
                "p90_ms": round(percentile(samples, 90), 3),
                "mean_kib": round(size / len(samples) / 1024, 2),
            },
        )
    script = Path(__file__)
    with tempfile.TemporaryDirectory(dir=workdir) as out:
        base = run_script(script, ["probe", "open", str(db), out], env, 600)
        files = run_script(script, ["probe", "files", str(db), out], env, 1200)
    with tempfile.TemporaryDirectory(dir=workdir) as out:
        stream = run_script(
            script, ["probe", "stream", str(db), str(Path(out) / "all.html")], env, 1200
        )
    figures["export_10k_peak_mb"] = figure(
        files["peak_rss_mib"],
        "MiB",
        "< 200",
        baseline=round(base["peak_rss_mib"], 1),
        detail={
            "stories": files["written"],
            "stream_one_document_mib": round(stream["peak_rss_mib"], 1),
        },
    )
    return figures


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "probe":
        sys.path.insert(0, str(HERE.parent))
        probe(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]))
    else:
        sys.exit(__doc__)
