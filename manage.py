#!/usr/bin/env python
"""Django's command-line utility. platform/ goes on the path first: see platform/bootstrap.py."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "platform"))

import bootstrap

if __name__ == "__main__":
    bootstrap.configure()
    if not bootstrap.is_production():
        bootstrap.ensure_services_in_environment()
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
