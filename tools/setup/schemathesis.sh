# shellcheck shell=bash
# Schemathesis (requirements/schemathesis.txt), the OpenAPI fuzzer the Klantinteracties
# API is tested with, in its own virtual environment: its dependencies must not change
# the packages Odoo pins in .work/venv. Made once per version of the requirements file
# (a stamp holds its hash); pip uses the machine's configured package index.
SCHEMATHESIS_VENV="$WORK/schemathesis-venv"
export GOV_SCHEMATHESIS="$SCHEMATHESIS_VENV/bin/schemathesis"

setup_schemathesis() {
  local requirements="$ROOT/requirements/schemathesis.txt" req_hash stamp
  req_hash=$(sha256sum "$requirements" | cut -c1-16)
  stamp="$SCHEMATHESIS_VENV/.complete-$req_hash"
  [ -f "$stamp" ] && [ -x "$GOV_SCHEMATHESIS" ] && return 0
  local python
  python=$(_find_python311) ||
    die "Python 3.11 is missing: install it (apt-get install python3.11 python3.11-venv), then run again."
  log "Installing Schemathesis into $SCHEMATHESIS_VENV"
  "$python" -m venv --clear "$SCHEMATHESIS_VENV" ||
    die "Creating a virtual environment failed: install python3.11-venv, then run again."
  "$SCHEMATHESIS_VENV/bin/python" -m pip install -q -r "$requirements" 2> >(grep -v "^WARNING: Location" >&2) ||
    die "Installing Schemathesis failed (see the pip output above): check the network, then run again."
  touch "$stamp"
}
