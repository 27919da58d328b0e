"""CI runs with BHXH_NO_SKIPS=1 (.ci/run): then a skipped test fails the run, so a missing nginx,
browser or package cannot let CI pass having checked less than it claims."""

import os

import pytest

_skipped: list[str] = []


def pytest_runtest_logreport(report):
    if report.skipped and not hasattr(report, "wasxfail"):
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    if os.environ.get("BHXH_NO_SKIPS") and _skipped and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter):
    if os.environ.get("BHXH_NO_SKIPS") and _skipped:
        terminalreporter.write_line(
            f"BHXH_NO_SKIPS: {len(_skipped)} test(s) skipped, which fails this run; first: {_skipped[0]}", red=True
        )
