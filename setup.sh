#!/usr/bin/env bash
# Installs what the product and its tests need, idempotently:
#   - on Debian/Ubuntu as root: LibreOffice Writer (headless) with python3-uno (PDFs by warm
#     LibreOffice over UNO), metric-compatible fonts, poppler-utils,
#     Chromium (the tests open the build overview oversikt.html in it, headless)
#   - a Python virtual environment in .venv with the package and its test tools
#   - the Open XML SDK validator and axe-core (npm) used by the tests
# Usage: ./setup.sh            (everything)
#        SKIP_SYSTEM=1 ./setup.sh  (no apt-get)
set -euo pipefail
cd "$(dirname "$0")"

APT_PACKAGES="libreoffice-writer-nogui libreoffice-calc-nogui python3-uno fonts-crosextra-carlito fonts-crosextra-caladea fonts-liberation2 fonts-dejavu-core poppler-utils chromium"

if [ -z "${SKIP_SYSTEM:-}" ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  missing=""
  for p in $APT_PACKAGES; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    echo "== apt-get install$missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
elif ! command -v soffice >/dev/null 2>&1; then
  echo "Merk: LibreOffice (soffice) mangler; PDF/A kan ikke lages. Installer pakken libreoffice-writer-nogui." >&2
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "== python venv"
  "$PY" -m venv .venv
fi
stamp=.venv/.installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "== pip install -e .[test]"
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e ".[test]"
  touch "$stamp"
fi
# The package's own bytecode, as an installed wheel has it: an editable install has none, and
# where PYTHONDONTWRITEBYTECODE=1 is set Python never writes it, so every `styring` would
# compile the package again (≈ 0,3 s CPU of a one-cell build). A module edited later is
# compiled from its source again (Python checks the time stamp).
.venv/bin/python -m compileall -q generator >/dev/null

if command -v npm >/dev/null 2>&1; then
  if [ ! -x node_modules/.bin/ooxml-validator ] || [ ! -f node_modules/axe-core/axe.min.js ]; then
    # Exact version pinned in package.json. Not «npm ci»: npm 11 leaves the other platforms'
    # optional native packages out of the lock file and then refuses it.
    echo "== npm install (Open XML SDK validator, axe-core)"
    npm install --no-save --no-audit --no-fund --loglevel=error
  fi
else
  echo "Merk: npm mangler; Open XML-valideringen i testene kan ikke kjøres." >&2
fi
