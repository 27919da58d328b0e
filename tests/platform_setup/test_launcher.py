"""The launcher behind `make run`: one instance per checkout."""

import launch
import pytest


def test_a_second_run_on_the_same_checkout_is_refused_with_a_clear_message(tmp_path, monkeypatch):
    monkeypatch.setenv("BHXH_DATA_DIR", str(tmp_path))

    with launch.single_instance("run"):
        with pytest.raises(SystemExit) as refused:
            with launch.single_instance("run"):
                pass

    assert "already running from this checkout" in str(refused.value)
    with launch.single_instance("run"):  # released once the first run ends
        pass
