#!/usr/bin/env bash
# Installs what is missing (apt-get), builds the two programs (only them: not the tests and benchmarks), and
# starts SCR Console on the lab in $SCR_LAB (default ~/scr-lab). A lab it makes there is the showcase: the
# demo lab with SCR at work (examples/showcase.ps1). Arguments go to scr-console (--run, --speed N,
# -c COMMANDS, --bare, --help). It builds in build-ci with the test command's flags, so that what
# ./setup-and-test.sh built is reused. Without a display (no X11 or Wayland) it starts scr-shell, the
# command-line face, in a session on MBX1 instead; arguments then go to scr-shell.
set -euo pipefail
cd "$(dirname "$0")"
. packaging/setup-common.sh
scr_install_missing
echo "Building scr-console and scr-shell in build-ci (the first time takes a few minutes on 2 cores)..." >&2
SCR_BUILD_TARGETS="scr-console scr-shell" scr_build build-ci -DSCR_WERROR=ON
LAB=${SCR_LAB:-$HOME/scr-lab}
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    [ -e "$LAB" ] || echo "First run: making the showcase lab in $LAB; SCR starts working in the window." >&2
    exec ./build-ci/app/scr-console --lab "$LAB" "$@"
fi
echo "No display (DISPLAY and WAYLAND_DISPLAY are unset): starting scr-shell instead of the console." >&2
if [ ! -d "$LAB/hosts" ]; then
    ./build-ci/app/scr-shell --new-demo "$LAB"
    ./build-ci/app/scr-shell --lab "$LAB" examples/showcase.ps1 >/dev/null
fi
exec ./build-ci/app/scr-shell --lab "$LAB" --host MBX1 "$@"
