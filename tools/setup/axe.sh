# axe-core, the accessibility engine the browser tests run on every public page
# (WCAG 2.1 AA, as the Besluit digitale toegankelijkheid overheid requires). Fetched
# as the npm package, pinned; the tests find it through GOV_AXE_JS.
AXE_NPM="axe-core@4.10.3"
AXE_DIR="$WORK/axe"
export GOV_AXE_JS="$AXE_DIR/axe.min.js"

setup_axe() {
  [ -f "$AXE_DIR/${AXE_NPM}.stamp" ] && [ -f "$GOV_AXE_JS" ] && return 0
  command -v npm >/dev/null || die "npm is missing: install Node.js and npm (apt-get install npm), then run again."
  log "Fetching $AXE_NPM (accessibility checks of the public pages)"
  local tmp
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "$AXE_NPM" >/dev/null 2>&1) ||
    die "Fetching $AXE_NPM from the npm registry failed: check the network, then run again."
  tar -xzf "$tmp"/*.tgz -C "$tmp"
  rm -rf "$AXE_DIR"
  mkdir -p "$AXE_DIR"
  cp "$tmp/package/axe.min.js" "$tmp/package/LICENSE" "$AXE_DIR/"
  touch "$AXE_DIR/${AXE_NPM}.stamp"
  rm -rf "$tmp"
}
