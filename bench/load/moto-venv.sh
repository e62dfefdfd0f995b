#!/usr/bin/env bash
# Makes sure the virtual environment given as $1 (default target/load-venv) has moto[server], the
# emulator the load scripts compare stages-api with; installs it from PyPI on first use.
set -euo pipefail
venv=${1:-target/load-venv}
if ! "$venv/bin/python" -c "import moto" 2>/dev/null; then
    python3 -m venv --clear "$venv"
    "$venv/bin/pip" install --quiet "moto[server]"
fi
