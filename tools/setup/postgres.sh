# shellcheck shell=bash
# PostgreSQL: PGHOST/PGPORT/PGUSER when given; otherwise the machine's cluster (started
# when stopped) or a project-local cluster made with initdb. Odoo logs in with its own
# role (never "postgres", which Odoo refuses).

PG_LOCAL_DIR="$WORK/pgdata"
PG_LOCAL_PORT=55432

_pg_ready() { pg_isready -q -h "$DB_HOST" -p "$DB_PORT" -t 3 >/dev/null 2>&1; }

_as_postgres() {
  # The server's superuser runs as the OS user "postgres" (initdb refuses root).
  if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

_server_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

_install_postgresql() {
  [ "$(id -u)" = 0 ] || die "PostgreSQL is not installed: run 'sudo apt-get install postgresql' and run again."
  log "Installing PostgreSQL with apt (no server binaries on this machine)"
  apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null ||
    die "Installing PostgreSQL with apt failed: install the 'postgresql' package, then run again."
}

_start_machine_cluster() {
  # A Debian cluster on the default port that is installed but down: start it.
  command -v pg_lsclusters >/dev/null || return 1
  local version name port status
  while read -r version name port status _; do
    [ "$port" = "$DB_PORT" ] || continue
    [ "$status" = online ] && return 0
    log "Starting the machine's PostgreSQL cluster $version/$name"
    pg_ctlcluster "$version" "$name" start && return 0
  done < <(pg_lsclusters -h 2>/dev/null)
  return 1
}

_start_local_cluster() {
  local bindir
  bindir=$(_server_bindir) || return 1
  DB_PORT=$PG_LOCAL_PORT
  if [ ! -f "$PG_LOCAL_DIR/PG_VERSION" ]; then
    log "Creating a project-local PostgreSQL cluster in $PG_LOCAL_DIR"
    mkdir -p "$PG_LOCAL_DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$PG_LOCAL_DIR"
    _as_postgres "$bindir/initdb" -D "$PG_LOCAL_DIR" -A trust -U postgres >/dev/null
  fi
  _pg_ready && return 0
  _as_postgres "$bindir/pg_ctl" -D "$PG_LOCAL_DIR" -l "$PG_LOCAL_DIR/server.log" -w \
    -o "-p $PG_LOCAL_PORT -k /tmp -c listen_addresses=127.0.0.1" start >/dev/null
}

_ensure_role() {
  # Create Odoo's login role once, as the server's superuser over the local socket.
  local exists
  exists=$(_as_postgres psql -h "${1:-/var/run/postgresql}" -p "$DB_PORT" -d postgres -tAc \
    "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'" 2>/dev/null) || return 1
  [ "$exists" = 1 ] && return 0
  log "Creating the PostgreSQL role $DB_USER"
  _as_postgres psql -q -h "${1:-/var/run/postgresql}" -p "$DB_PORT" -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD'" >/dev/null
}

setup_postgres() {
  if [ -n "${PGHOST:-}" ]; then
    DB_HOST=$PGHOST DB_PORT=${PGPORT:-5432} DB_USER=${PGUSER:-$DB_USER} DB_PASSWORD=${PGPASSWORD:-$DB_PASSWORD}
    [ "$DB_USER" != postgres ] || die "PGUSER=postgres: Odoo refuses the postgres role, give another login role."
    _pg_ready || die "PostgreSQL at $DB_HOST:$DB_PORT is not reachable: start it or fix PGHOST/PGPORT, then run again."
    return 0
  fi
  command -v pg_isready >/dev/null || _install_postgresql
  [ -n "$(_server_bindir)" ] || _install_postgresql
  if [ -f "$PG_LOCAL_DIR/PG_VERSION" ]; then
    _start_local_cluster
  elif ! _pg_ready; then
    _start_machine_cluster || _start_local_cluster ||
      die "PostgreSQL could not be started: start a server or set PGHOST/PGPORT/PGUSER, then run again."
  fi
  local socket=/var/run/postgresql
  [ "$DB_PORT" = "$PG_LOCAL_PORT" ] && socket=/tmp
  local tries=0
  until _pg_ready; do
    tries=$((tries + 1))
    [ $tries -lt 20 ] || die "PostgreSQL on $DB_HOST:$DB_PORT does not answer: see its log, then run again."
    sleep 0.5
  done
  if [ "$(id -u)" = 0 ] || [ "$(id -un)" = postgres ]; then
    _ensure_role "$socket" || die "Creating the PostgreSQL role $DB_USER failed: create it with CREATEDB, then run again."
  fi
}
