#!/usr/bin/env bash
# Installs what is missing (apt-get), builds, creates the demo lab on first run (in $SCR_LAB, default
# ~/scr-lab) and starts SCR Console on it. The graphical console is not built yet: until it is, this starts
# scr-shell, the command-line face, in a session on MBX1.
set -euo pipefail
cd "$(dirname "$0")"
. packaging/setup-common.sh
scr_install_missing
scr_build build
LAB=${SCR_LAB:-$HOME/scr-lab}
[ -d "$LAB/hosts" ] || ./build/app/scr-shell --new-demo "$LAB"
exec ./build/app/scr-shell --lab "$LAB" --host MBX1 "$@"
