#!/usr/bin/env bash
# Open an eval run's report.html in headless Chromium and save a screenshot, to check the page
# renders (grids drawn, tables filled). Needs Debian's chromium: apt-get install chromium.
# Usage: bash scripts/report_screenshot.sh RUN_DIR [OUT.png] [WIDTHxHEIGHT]
set -euo pipefail
run=$1
out=${2:-$run/report.png}
size=${3:-1280,2600}
page=$(realpath "$run/report.html")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# the flags keep a sandbox-less headless Chromium from phoning home on a machine with no network
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars \
    --virtual-time-budget=5000 --window-size="$size" --screenshot="$(realpath -m "$out")" "file://$page" 2>/dev/null
echo "wrote $out"
