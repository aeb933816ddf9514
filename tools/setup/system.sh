# shellcheck shell=bash
# Debian packages the project needs on the machine itself: Chromium and its driver for
# Odoo's browser tests, libpq headers for psycopg2, npm for one web-client file,
# wkhtmltopdf for PDF reports (letters, event badges).

_missing_debian_packages() {
  local pkg
  command -v chromium >/dev/null || echo chromium
  command -v chromedriver >/dev/null || echo chromium-driver
  command -v pg_config >/dev/null || echo libpq-dev
  command -v npm >/dev/null || echo npm
  command -v wkhtmltopdf >/dev/null || echo wkhtmltopdf
  for pkg in gcc python3-dev; do
    dpkg -s "$pkg" >/dev/null 2>&1 || echo "$pkg"
  done
}

setup_system_packages() {
  local missing
  missing=$(_missing_debian_packages | tr '\n' ' ')
  [ -n "${missing// /}" ] || return 0
  [ "$(id -u)" = 0 ] || die "Missing Debian packages: run 'sudo apt-get install $missing' and run again."
  log "Installing Debian packages: $missing"
  # shellcheck disable=SC2086
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing; } \
    >"$WORK/apt-install.log" 2>&1 ||
    die "apt-get install $missing failed (see $WORK/apt-install.log): check the network, then run again."
}
