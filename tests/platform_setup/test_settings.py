"""Settings never start embedded servers; production refuses to start without its real ones."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _manage_check(tmp_path: Path, **environment: str) -> subprocess.CompletedProcess:
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "BHXH_DATA_DIR": str(tmp_path / "data"),
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        **environment,
    }
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "check"], env=env, cwd=ROOT, capture_output=True, text=True
    )


@pytest.fixture
def without_database(tmp_path):
    return _manage_check(tmp_path, DJANGO_SECRET_KEY="k" * 50, REDIS_URL="redis://127.0.0.1:6390/0")


def test_production_without_a_database_url_exits_with_an_error(without_database):
    assert without_database.returncode == 1


def test_production_without_a_database_url_says_so_in_one_line(without_database):
    assert without_database.stderr.strip() == (
        "production settings: set DATABASE_URL in the environment (deploy/env.example)"
    )


def test_production_without_a_database_url_starts_no_embedded_server(without_database, tmp_path):
    assert not (tmp_path / "data" / "postgres").exists()


def test_production_names_every_missing_variable(tmp_path):
    result = _manage_check(tmp_path)

    assert result.stderr.strip() == (
        "production settings: set DATABASE_URL, REDIS_URL, DJANGO_SECRET_KEY in the environment (deploy/env.example)"
    )


def test_importing_the_base_settings_starts_no_embedded_server(tmp_path):
    code = "import bootstrap; bootstrap.configure(); import config.settings.base"
    env = {"PATH": os.environ["PATH"], "BHXH_DATA_DIR": str(tmp_path), "PYTHONPATH": str(ROOT / "platform")}

    subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True)

    assert not (tmp_path / "postgres").exists()
