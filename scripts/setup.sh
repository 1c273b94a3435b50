#!/usr/bin/env bash
# Set up respassess in ./.venv: CPU-only torch first (pinned in constraints.txt, so no
# multi-GB CUDA build is ever pulled), then the package with its models and test tools.
# Safe to rerun: pip skips what is already installed.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip wheel setuptools
.venv/bin/pip install -q -c constraints.txt torch==2.13.0
.venv/bin/pip install -q -c constraints.txt -e '.[test,dask]'
# The browser tests drive Debian's chromium; without root they skip with a reason instead.
bash scripts/install_browser.sh || echo "setup: chromium not installed; the browser tests will skip" >&2
.venv/bin/respassess --version
