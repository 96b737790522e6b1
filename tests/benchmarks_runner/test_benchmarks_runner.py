"""``python -m benchmarks``: its table, skipped and failed scripts, with fake scripts; and
every real ``bench_*.py`` taking ``--quick`` and ``--report``. No timing is asserted."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = ROOT / "benchmarks"


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(ROOT))
    return importlib.import_module("benchmarks.__main__")


@pytest.fixture
def report(runner: ModuleType) -> ModuleType:
    return importlib.import_module("benchmarks.report")


# A fake script keeps to the interface as bench_bundle.py's author knows it: --quick,
# --report FILE with a JSON list of figures; it writes the JSON itself.
GOOD = """
import argparse, json, sys
parser = argparse.ArgumentParser()
parser.add_argument("--quick", action="store_true")
parser.add_argument("--report")
args = parser.parse_args()
figures = [
    {"benchmark": "good", "figure": "startup | first paint", "value": 0.5, "unit": "s",
     "peer": "bare window", "peer_value": 0.25, "ratio": 2.0, "target": "≤ 1.5x",
     "met": False},
    {"benchmark": "good", "figure": "run in quick mode" if args.quick else "run in full",
     "value": 3, "unit": "count", "peer": None, "peer_value": None, "ratio": None,
     "target": None, "met": None},
]
with open(args.report, "w", encoding="utf-8") as stream:
    json.dump(figures, stream)
print("the script's own table")
sys.exit(1)  # a target was missed
"""
BROKEN = """
import sys
print("Traceback (most recent call last):", file=sys.stderr)
print("ValueError: the demo show could not be made", file=sys.stderr)
sys.exit(1)
"""
ABSENT = """
import sys
print("some warning first", file=sys.stderr)
print("bench_absent: needs Xvfb, xdotool", file=sys.stderr)
sys.exit(77)
"""
SILENT = """
print("measured, but wrote no report")
"""
BUNDLE = """
from pathlib import Path
Path(__file__).with_name("bundle-was-run").touch()
"""


@pytest.fixture
def fakes(tmp_path: Path) -> Path:
    folder = tmp_path / "fake_benchmarks"
    folder.mkdir()
    for name, text in (
        ("good", GOOD),
        ("broken", BROKEN),
        ("absent", ABSENT),
        ("silent", SILENT),
        ("bundle", BUNDLE),
    ):
        (folder / f"bench_{name}.py").write_text(text, encoding="utf-8")
    (folder / "report.py").write_text("raise SystemExit('not a benchmark')\n")
    return folder


def test_the_runner_reports_figures_skips_and_failures(
    runner: ModuleType, fakes: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "table.md"
    logs = tmp_path / "logs"
    status = runner.main(
        ["--quick", "--output", str(output), "--logs", str(logs), "--bundle", "no/such/app"],
        folder=fakes,
    )

    assert status == 1  # broken and silent failed
    printed = capsys.readouterr().out
    text = output.read_text(encoding="utf-8")
    assert text == printed
    assert "quick mode" in text
    assert "Machine:" in text and "cores" in text and "SQLite" in text and "Python" in text
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert rows[0] == "| " + " | ".join(runner.HEADER) + " |"
    by_name: dict[str, list[str]] = {}
    for line in rows[2:]:
        by_name.setdefault(line.split(" | ")[0].removeprefix("| "), []).append(line)
    assert sorted(by_name) == ["absent", "broken", "bundle", "good", "silent"]
    first, second = by_name["good"]
    assert first == (
        "| good | startup \\| first paint | 0.500 s | bare window: 0.250 s | 2.00x | ≤ 1.5x "
        "| MISSED |"
    )
    assert "run in quick mode" in second and second.endswith("| 3 |  |  |  | - |")
    assert "skipped: bench_absent: needs Xvfb, xdotool" in by_name["absent"][0]
    assert "some warning" not in by_name["absent"][0]
    assert "FAILED: exit status 1, no report:" in by_name["broken"][0]
    assert "ValueError: the demo show could not be made" in by_name["broken"][0]
    assert "FAILED: exit status 0, no report" in by_name["silent"][0]
    assert "skipped: no bundle at" in by_name["bundle"][0]
    assert not (fakes / "bundle-was-run").exists()
    assert "report" not in by_name
    assert "2 figures, 1 with a target: 0 met, 1 missed" in text
    assert "1 ran, 2 skipped, 2 failed" in text
    assert "the script's own table" in (logs / "good.txt").read_text(encoding="utf-8")


def test_a_missed_target_is_not_a_failure_and_only_runs_what_is_named(
    runner: ModuleType, fakes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert runner.main(["--only", "bench_good"], folder=fakes) == 0
    text = capsys.readouterr().out
    assert "full mode" in text and "run in full" in text
    assert "broken" not in text and "absent" not in text


def test_the_bundle_runs_when_it_exists(
    runner: ModuleType, fakes: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = tmp_path / "boothapp"
    bundle.write_text("")
    # The fake takes no --bundle option: it runs, and fails for want of a report.
    assert runner.main(["--only", "bundle", "--bundle", str(bundle)], folder=fakes) == 1
    assert (fakes / "bundle-was-run").exists()
    assert "FAILED" in capsys.readouterr().out


def test_an_unknown_name_is_refused(runner: ModuleType, fakes: Path) -> None:
    with pytest.raises(SystemExit) as refused:
        runner.main(["--only", "nonsense"], folder=fakes)
    assert refused.value.code == 2


def test_a_report_that_cannot_be_read_is_a_failure(
    runner: ModuleType, report: ModuleType, tmp_path: Path
) -> None:
    written = tmp_path / "x.json"
    written.write_text(json.dumps({"not": "a list"}))
    outcome = runner.outcome_of("x", 0, written, "", 1.0)
    assert outcome.status == "failed" and "cannot be read" in outcome.reason

    figure = report.Figure("x", "saves", 2.0, "ms", target="≤ 5 ms", met=True)
    report.write(written, [figure])
    assert runner.outcome_of("x", 0, written, "", 1.0).figures == [figure]
    failed = runner.outcome_of("x", 3, written, "boom\n", 1.0)
    assert failed.status == "failed" and "exit status 3" in failed.reason
    assert "boom" in failed.reason


def test_figures_and_their_json(report: ModuleType, tmp_path: Path) -> None:
    figure = report.Figure("export", "CSV", 6.0, "s", "floor", 2.0, "≤ 5x", True)
    assert figure.ratio == 3.0
    path = tmp_path / "figures.json"
    report.write(path, [figure])
    assert json.loads(path.read_text(encoding="utf-8")) == [
        {
            "benchmark": "export",
            "figure": "CSV",
            "value": 6.0,
            "unit": "s",
            "peer": "floor",
            "peer_value": 2.0,
            "ratio": 3.0,
            "target": "≤ 5x",
            "met": True,
        }
    ]
    assert report.read(path) == [figure]
    with pytest.raises(ValueError):
        report.Figure("x", "y", 1.0, "furlongs")
    with pytest.raises(ValueError):
        report.Figure("x", "y", 1.0, "ms", peer="floor")
    assert report.number(1234.5, "ms") == "1,234 ms"  # whole numbers from 100 up
    assert report.number(0.0304, "ms") == "0.0304 ms"
    assert report.number(12, "count") == "12"
    assert report.number(1.934, "x") == "1.93x"


def test_quick_sizes_give_way_to_the_command_line(report: ModuleType) -> None:
    import argparse

    def parsed(*argv: str) -> argparse.Namespace:
        parser = argparse.ArgumentParser()
        parser.add_argument("--leads", type=int, default=100_000)
        parser.add_argument("--runs", type=int, default=7)
        return report.parse(parser, {"leads": 5000, "runs": 2}, list(argv))

    assert (parsed().leads, parsed().runs, parsed().report) == (100_000, 7, None)
    assert (parsed("--quick").leads, parsed("--quick").runs) == (5000, 2)
    assert parsed("--quick", "--leads", "300").leads == 300
    assert parsed("--report", "x.json").report == Path("x.json")


def test_every_script_takes_quick_and_report() -> None:
    """Each bench_*.py, asked for --help, lists --quick and --report (cheap: no script
    measures anything before parsing its options)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    found = sorted(BENCHMARKS.glob("bench_*.py"))
    assert len(found) >= 14
    running = {
        path.name: subprocess.Popen(
            [sys.executable, str(path), "--help"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in found
    }
    for name, process in running.items():
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, f"{name}: {err}"
        assert "--quick" in out and "--report" in out, f"{name} lacks --quick or --report"
