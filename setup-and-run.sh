#!/usr/bin/env bash
# Installs what is missing (apt-get), builds, and starts SCR Console on the lab in $SCR_LAB (default
# ~/scr-lab), which it creates as the demo lab on first run. Arguments go to scr-console (--run, --speed N,
# -c COMMANDS, --help). Without a display (no X11 or Wayland) it starts scr-shell, the command-line face, in
# a session on MBX1 instead; arguments then go to scr-shell.
set -euo pipefail
cd "$(dirname "$0")"
. packaging/setup-common.sh
scr_install_missing
scr_build build
LAB=${SCR_LAB:-$HOME/scr-lab}
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec ./build/app/scr-console --lab "$LAB" "$@"
fi
echo "No display (DISPLAY and WAYLAND_DISPLAY are unset): starting scr-shell instead of the console." >&2
[ -d "$LAB/hosts" ] || ./build/app/scr-shell --new-demo "$LAB"
exec ./build/app/scr-shell --lab "$LAB" --host MBX1 "$@"
