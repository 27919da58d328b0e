"""CI's switch: with BHXH_NO_SKIPS=1 a skipped test fails the run (tests/no_skips.py)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = """
import pytest


def test_runs():
    pass


@pytest.mark.skip(reason="nginx is missing")
def test_skips():
    pass
"""


def _run_a_suite_with_one_skip(tmp_path: Path, no_skips: bool) -> int:
    (tmp_path / "test_sample.py").write_text(SAMPLE)
    env = {key: value for key, value in os.environ.items() if key != "BHXH_NO_SKIPS"}
    env["PYTHONPATH"] = str(ROOT)
    if no_skips:
        env["BHXH_NO_SKIPS"] = "1"
    command = [sys.executable, "-m", "pytest", "-p", "no:django", "-p", "tests.no_skips", "-c", os.devnull]
    command += ["--rootdir", str(tmp_path), str(tmp_path)]
    return subprocess.run(command, env=env, capture_output=True).returncode


def test_a_skipped_test_fails_the_run_in_ci(tmp_path):
    assert _run_a_suite_with_one_skip(tmp_path, no_skips=True) == 1


def test_a_skipped_test_is_only_reported_outside_ci(tmp_path):
    assert _run_a_suite_with_one_skip(tmp_path, no_skips=False) == 0
