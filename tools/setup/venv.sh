# shellcheck shell=bash
# Python 3.11 virtual environment: Odoo's requirements, our runtime dependencies, the
# pinned OCA addons and the test tools. A .pth file puts the Odoo tree on the path;
# the tree's odoo-19.0.egg-info then makes pip see "odoo 19.0" as installed.

VENV="$WORK/venv"
PY="$VENV/bin/python"

_find_python311() {
  local candidate
  for candidate in "${PYTHON:-}" python3.11 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  return 1
}

setup_venv() {
  local odoo_path req_hash stamp
  odoo_path=$(odoo_python_path)
  req_hash=$(cat "$ROOT"/requirements/*.txt | sha256sum | cut -c1-16)
  stamp="$VENV/.complete-$req_hash"
  if [ ! -x "$PY" ]; then
    local python
    python=$(_find_python311) ||
      die "Python 3.11 is missing: install it (apt-get install python3.11 python3.11-venv), then run again."
    log "Creating the virtual environment in $VENV"
    "$python" -m venv "$VENV" ||
      die "Creating a virtual environment failed: install python3.11-venv, then run again."
  fi
  local site
  site=$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
  echo "$odoo_path" >"$site/gov_odoo_tree.pth"
  if [ -n "${ODOO_SRC:-}" ] && ! "$PY" -m pip show odoo >/dev/null 2>&1; then
    # A git checkout carries no egg-info: register it without touching its files' deps.
    "$PY" -m pip install -q --no-deps --no-build-isolation -e "$ODOO_SRC" ||
      die "Registering ODOO_SRC=$ODOO_SRC with pip failed."
  fi
  [ -f "$stamp" ] && return 0
  log "Installing Python requirements (Odoo, OCA addons, test tools)"
  "$PY" -m pip install -q --upgrade pip wheel >/dev/null
  # grep drops the machine-wide pip config's notes about missing local indexes.
  "$PY" -m pip install -q -r "$ROOT/requirements/test.txt" 2> >(grep -v "^WARNING: Location" >&2) ||
    die "Installing the Python requirements failed (see the pip output above): check the network, then run again."
  rm -f "$VENV"/.complete-*
  touch "$stamp"
}

oca_addons_path() {
  "$PY" -c 'import os, sysconfig; print(os.path.join(sysconfig.get_paths()["purelib"], "odoo", "addons"))'
}
