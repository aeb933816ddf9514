# shellcheck shell=bash
# Odoo 19 source: Debian's odoo-19 package, fetched with a private apt configuration
# (never the machine's sources) and unpacked with its font/JS packages so that every
# symlink inside the tree resolves. ODOO_SRC=/path uses an existing checkout instead.

ODOO_ROOT="$WORK/odoo"                     # unpacked .deb files
ODOO_DEB_PY="$ODOO_ROOT/usr/lib/python3/dist-packages"
APT_DIR="$WORK/apt"

# Packages the Odoo tree links into. fonts-font-awesome and fonts-inconsolata come
# from bookworm: unstable's versions no longer ship the FontAwesome 4 webfont and the
# truetype Inconsolata path that Odoo's symlinks point to.
ODOO_LINKED_PACKAGES=(
  libjs-jquery libjs-jquery-form libjs-underscore fonts-montserrat
  fonts-roboto-unhinted fonts-ocr-b fonts-glyphicons-halflings
  fonts-font-awesome/bookworm fonts-inconsolata/bookworm
)
SELFIE_NPM="@mediapipe/selfie_segmentation@0.1.1675465747"

odoo_python_path() {
  if [ -n "${ODOO_SRC:-}" ]; then echo "$ODOO_SRC"; else echo "$ODOO_DEB_PY"; fi
}

_apt_options() {
  printf '%s\n' -o "Dir::Etc::SourceList=$APT_DIR/sources.list" -o Dir::Etc::SourceParts=/dev/null \
    -o "Dir::State::Lists=$APT_DIR/lists" -o "Dir::Cache=$APT_DIR/cache" \
    -o Dir::State::status=/dev/null -o Debug::NoLocking=1
}
_apt() { local opts; mapfile -t opts < <(_apt_options); apt-get -q "${opts[@]}" "$@"; }
_apt_cache() { local opts; mapfile -t opts < <(_apt_options); apt-cache "${opts[@]}" "$@"; }

_debian_mirror() {
  # Reuse the mirror the machine already uses, so no host is written in our files.
  local uri=""
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)
  fi
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri=$(awk '$1 == "deb" && $0 !~ /security/ {for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) {print $i; exit}}' /etc/apt/sources.list)
  fi
  echo "${DEBIAN_MIRROR:-$uri}"
}

_fetch_odoo_debs() {
  local mirror
  mirror=$(_debian_mirror)
  [ -n "$mirror" ] || die "No Debian mirror found in /etc/apt: set DEBIAN_MIRROR to a Debian archive URL."
  mkdir -p "$APT_DIR/lists/partial" "$APT_DIR/cache/archives/partial" "$APT_DIR/debs"
  cat >"$APT_DIR/sources.list" <<EOF
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror unstable main
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror bookworm main
EOF
  log "Fetching the Debian package index (unstable, bookworm) into $APT_DIR"
  _apt update >"$APT_DIR/update.log" 2>&1 ||
    die "The Debian archive is not reachable ($mirror): check the network or set DEBIAN_MIRROR, then run again."
  local version
  version=$(_apt_cache show odoo-19 2>/dev/null | awk '/^Version:/ {print $2; exit}') || true
  case "$version" in
    19.0*) ;;
    "") die "Debian's archive has no odoo-19 package: set ODOO_SRC to an Odoo 19 checkout instead." ;;
    *) die "Debian's odoo-19 package is version $version, not 19.0.x: set ODOO_SRC to an Odoo 19 checkout." ;;
  esac
  log "Downloading odoo-19 $version and the packages it links to"
  rm -f "$APT_DIR/debs/"*.deb
  (cd "$APT_DIR/debs" && _apt download odoo-19 "${ODOO_LINKED_PACKAGES[@]}" >"$APT_DIR/download.log" 2>&1) ||
    die "Downloading odoo-19 from the Debian archive failed (see $APT_DIR/download.log): check the network, then run again."
}

_restore_selfie_segmentation() {
  # Debian's repack drops this MediaPipe file; web.assets_backend lists it.
  local target="$ODOO_DEB_PY/odoo/addons/mail/static/lib/selfie_segmentation"
  [ -f "$target/selfie_segmentation.js" ] && return 0
  command -v npm >/dev/null || die "npm is missing: install Node.js and npm (apt-get install npm), then run again."
  local tmp
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "$SELFIE_NPM" >/dev/null 2>&1) ||
    die "Fetching $SELFIE_NPM from the npm registry failed: check the network, then run again."
  tar -xzf "$tmp"/*.tgz -C "$tmp"
  mkdir -p "$target"
  cp "$tmp/package/selfie_segmentation.js" "$target/"
  rm -rf "$tmp"
}

setup_odoo() {
  if [ -n "${ODOO_SRC:-}" ]; then
    [ -f "$ODOO_SRC/odoo/release.py" ] || die "ODOO_SRC=$ODOO_SRC holds no Odoo tree (odoo/release.py missing): point it at an Odoo 19 checkout or unset it."
    return 0
  fi
  local stamp="$ODOO_ROOT/.complete"
  if [ ! -f "$stamp" ]; then
    _fetch_odoo_debs
    log "Unpacking Odoo into $ODOO_ROOT"
    rm -rf "$ODOO_ROOT"
    mkdir -p "$ODOO_ROOT"
    local deb
    for deb in "$APT_DIR/debs/"*.deb; do dpkg-deb -x "$deb" "$ODOO_ROOT"; done
    local dangling
    dangling=$(find "$ODOO_ROOT" -xtype l | head -5)
    [ -z "$dangling" ] || die "Unpacked Odoo has dangling links (e.g. $dangling): a linked package is missing."
    touch "$stamp"
  fi
  _restore_selfie_segmentation
}

check_odoo_version() {
  local release
  release="$(odoo_python_path)/odoo/release.py"
  grep -q "^version_info = (19, 0," "$release" ||
    die "The Odoo tree at $(odoo_python_path) is not Odoo 19.0: point ODOO_SRC at an Odoo 19 checkout."
}
