#!/usr/bin/env bash
# The install test: the .deb on a fresh Debian bookworm, as an administrator installs it.
#
#   packaging/install-test.sh [scr-console_VERSION_ARCH.deb]
#
# Without an argument it builds what the package holds in build-ci (target scr-package; the build folder of
# ./setup-and-test.sh, whose packages include help2man for the manual pages) and makes the .deb with cpack,
# as tests/packaging/check-package.sh does. Then it puts the .deb and this script alone in a throw-away git
# repository and runs, through ../shared/tools/fresh-machine.sh (a clean clone of that repository in a minimal
# bookworm chroot: git and ca-certificates only; SCR_FRESH_MACHINE names another such tool),
#
#   install-test.sh --inside scr-console_*.deb
#
# which, as root in the chroot: installs the package with apt-get (its dependencies resolved by apt, without
# Recommends: no build tree, no -dev packages), then checks from /usr/bin only: every library and Qt plugin
# there, both programs' --version, scr-shell --new-demo, a short runbook ending in a Healthy copy, the desktop
# entry, metainfo and icons, then (with the test tools xvfb, xauth, file and man-db installed) the manual pages
# through man, and scr-console under xvfb-run saving a screenshot that must be a picture of the window. Each check prints PASS or FAIL with its time; the exit status is non-zero on any
# failure. The screenshot is copied out next to the log (paths printed at the end). Safe to run again.
# shellcheck disable=SC2317 # the checks are functions called through check()
set -uo pipefail

# ---------------------------------------------------------------------------------------------- inside
if [ "${1:-}" = "--inside" ]; then
    shift
    deb=${1:?usage: install-test.sh --inside scr-console_VERSION_ARCH.deb}
    [ -f "$deb" ] || { echo "FAIL no package $deb"; exit 1; }
    # A desktop session's environment, as far as the programs care.
    export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 XDG_RUNTIME_DIR=/tmp/runtime-root
    mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
    failed=0
    passed=0
    ms() { echo $(($(date +%s%N) / 1000000)); }
    # check NAME COMMAND...: runs COMMAND, PASS or FAIL with the seconds it took (its output on failure).
    check() {
        local name=$1 start out rc
        shift
        start=$(ms)
        out=$("$@" 2>&1)
        rc=$?
        local took
        took=$(awk -v t=$(($(ms) - start)) 'BEGIN { printf "%.1f", t / 1000 }')
        if [ $rc -eq 0 ]; then
            printf 'PASS %-52s %6s s\n' "$name" "$took"
            # its last line says what was found
            [ -n "${VERBOSE:-}" ] || printf '%s\n' "$out" | grep -v '^ *$' | tail -n 1 | sed 's/^/     | /'
            passed=$((passed + 1))
        else
            printf 'FAIL %-52s %6s s (exit %d)\n' "$name" "$took" "$rc"
            printf '%s\n' "$out" | tail -n 25 | sed 's/^/     | /'
            failed=$((failed + 1))
        fi
        [ -z "${VERBOSE:-}" ] || printf '%s\n' "$out" | sed 's/^/     | /'
        return $rc
    }
    # The steps, each a function so that check can time it.
    # Without Recommends: Depends alone must be enough for the programs to work.
    install_package() {
        if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "./$deb"; } >/tmp/apt-install.log 2>&1; then
            tail -n 20 /tmp/apt-install.log
            return 1
        fi
        echo "installed $(dpkg-query -W -f='${Package} ${Version}' scr-console) with $(grep -c '^Setting up' /tmp/apt-install.log) packages"
    }
    libraries_resolved() {
        local p
        for p in /usr/bin/scr-console /usr/bin/scr-shell; do
            [ -x "$p" ] || { echo "no $p"; return 1; }
            ! ldd "$p" | grep 'not found' || return 1
        done
    }
    # The Qt plugins the programs load at run time (shlibdeps cannot see them; Depends must name them).
    plugins_present() {
        local dir=/usr/lib/x86_64-linux-gnu/qt6/plugins f missing=0
        [ -d "$dir" ] || dir=$(dirname "$(dirname "$(find /usr/lib -path '*qt6/plugins/platforms' -print -quit)")")/plugins
        for f in platforms/libqxcb.so platforms/libqoffscreen.so iconengines/libqsvgicon.so imageformats/libqsvg.so \
            sqldrivers/libqsqlite.so; do
            [ -f "$dir/$f" ] || { echo "no $dir/$f"; missing=1; }
        done
        return "$missing"
    }
    version_of() {
        local out
        out=$("$1" --version) || return 1
        echo "$out"
        grep -qE ' [0-9]+\.[0-9]+' <<<"$out"
    }
    new_demo() {
        rm -rf /tmp/lab
        /usr/bin/scr-shell --new-demo /tmp/lab && [ -f /tmp/lab/org.sqlite ]
    }
    runbook() {
        cat >/tmp/runbook.ps1 <<'EOF'
$ErrorActionPreference = 'Stop'
Enable-StorageGroupCopy MBX1\SG1 -StandbyMachine MBX3 -ReplayLagTime 0.0:0:0
Start-MailFlow MBX1\SG1\DB1 -MessagesPerMinute 120
Step-Simulation 0.00:05:00
Get-StorageGroupCopyStatus MBX1\SG1 -StandbyMachine MBX3
EOF
        local out
        out=$(/usr/bin/scr-shell --lab /tmp/lab /tmp/runbook.ps1) || { echo "$out"; return 1; }
        echo "$out"
        grep -qE '^SG1 +Healthy' <<<"$out"
    }
    man_pages() {
        local page
        if command -v man >/dev/null; then
            for page in scr-shell scr-console scr-cmdlets; do man -w "$page" || return 1; done
            man -P cat scr-cmdlets 2>/dev/null | grep -q 'Enable-StorageGroupCopy' ||
                { echo "man scr-cmdlets does not show Enable-StorageGroupCopy"; return 1; }
            man -P cat scr-shell 2>/dev/null | grep -q -- '--new-demo' || { echo "man scr-shell lacks --new-demo"; return 1; }
        else
            echo "(no man-db in the chroot: the files themselves, with gzip -t)"
            for page in man1/scr-shell.1 man1/scr-console.1 man7/scr-cmdlets.7; do
                gzip -t "/usr/share/man/$page.gz" || return 1
                zcat "/usr/share/man/$page.gz" | grep -q '^\.TH' || { echo "$page: no .TH"; return 1; }
                echo "/usr/share/man/$page.gz"
            done
        fi
    }
    desktop_and_icons() {
        local d=/usr/share/applications/org.scrconsole.ScrConsole.desktop n missing=0
        [ -f "$d" ] || { echo "no $d"; return 1; }
        [ "$(command -v "$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$d")")" = /usr/bin/scr-console ] ||
            { echo "Exec does not start /usr/bin/scr-console"; missing=1; }
        grep -qx 'Icon=scr-console' "$d" || { echo "Icon is not scr-console"; missing=1; }
        [ -f /usr/share/metainfo/org.scrconsole.ScrConsole.metainfo.xml ] || { echo "no metainfo"; missing=1; }
        [ -f /usr/share/icons/hicolor/scalable/apps/scr-console.svg ] || { echo "no SVG icon"; missing=1; }
        for n in 16 22 24 32 48 64 128 256; do
            [ -s "/usr/share/icons/hicolor/${n}x${n}/apps/scr-console.png" ] || { echo "no ${n}x${n} icon"; missing=1; }
        done
        [ -f /usr/share/bash-completion/completions/scr-shell ] || { echo "no bash completion"; missing=1; }
        [ -f /usr/share/doc/scr-console/copyright ] || { echo "no copyright"; missing=1; }
        return "$missing"
    }
    install_test_tools() {
        apt-get install -y -qq --no-install-recommends xvfb xauth file man-db >/tmp/apt-xvfb.log 2>&1 ||
            { tail -n 20 /tmp/apt-xvfb.log; return 1; }
    }
    console_screenshot() {
        rm -f /tmp/s.png
        timeout 60 xvfb-run -a -s '-screen 0 1280x900x24' \
            /usr/bin/scr-console --lab /tmp/lab --screenshot /tmp/s.png --screenshot-after 5
    }
    # A picture of a window, not an empty one: a PNG, at least 640x400, and over 20 kB (a blank window of
    # that size compresses to a few kB).
    screenshot_is_picture() {
        [ -f /tmp/s.png ] || { echo "no /tmp/s.png"; return 1; }
        local size width height
        size=$(stat -c %s /tmp/s.png)
        [ "$(head -c 8 /tmp/s.png | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || { echo "not a PNG"; return 1; }
        width=$((16#$(od -An -tx1 -j16 -N4 /tmp/s.png | tr -d ' \n')))
        height=$((16#$(od -An -tx1 -j20 -N4 /tmp/s.png | tr -d ' \n')))
        echo "${width}x${height}, $size bytes"
        ! command -v file >/dev/null || file /tmp/s.png
        [ "$width" -ge 640 ] && [ "$height" -ge 400 ] && [ "$size" -gt 20000 ]
    }

    # shellcheck source=/dev/null
    echo "== install test in $(. /etc/os-release && echo "$PRETTY_NAME") ($(uname -m)), $(date -u '+%F %T UTC')"
    total=$(ms)
    check "apt-get install ./$deb" install_package || { echo "FAIL: cannot go on without the package"; exit 1; }
    check "every library of /usr/bin/scr-* resolved (ldd)" libraries_resolved
    check "Qt plugins: xcb, offscreen, svg icons, sqlite" plugins_present
    check "scr-shell --version" version_of /usr/bin/scr-shell
    check "scr-console --version (no display needed)" version_of /usr/bin/scr-console
    check "scr-shell --new-demo /tmp/lab" new_demo &&
        check "runbook: Enable SCR, mail, 5 min, copy Healthy" runbook
    check "desktop entry, metainfo, hicolor icons, completion" desktop_and_icons
    check "apt-get install xvfb xauth file man-db (test tools)" install_test_tools
    check "man pages scr-shell(1) scr-console(1) scr-cmdlets(7)" man_pages
    check "xvfb-run scr-console --lab /tmp/lab --screenshot" console_screenshot
    check "/tmp/s.png is a picture of the window" screenshot_is_picture
    echo "== $passed passed, $failed failed, $(awk -v t=$(($(ms) - total)) 'BEGIN { printf "%.0f", t / 1000 }') s in the chroot"
    [ $failed -eq 0 ]
    exit
fi

# --------------------------------------------------------------------------------------------- outside
set -e
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/.." && pwd)
fresh_machine=${SCR_FRESH_MACHINE:-$source_dir/../shared/tools/fresh-machine.sh}
[ -x "$fresh_machine" ] || [ -f "$fresh_machine" ] ||
    { echo "install-test.sh: no $fresh_machine (set SCR_FRESH_MACHINE to the fresh-machine tool)" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "install-test.sh: the chroot needs root (run it with sudo)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/scr-install-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
started=$(date +%s)
if [ $# -ge 1 ]; then
    deb=$(readlink -f "$1")
    [ -f "$deb" ] || { echo "install-test.sh: no package $1" >&2; exit 2; }
else
    build=$source_dir/build-ci
    [ -f "$build/CMakeCache.txt" ] ||
        { echo "install-test.sh: no $build: run ./setup-and-test.sh first (or pass a .deb)" >&2; exit 2; }
    echo "== building what the package holds (cmake --build build-ci --target scr-package)"
    cmake --build "$build" --target scr-package | tail -n 1
    echo "== cpack -G DEB"
    (cd "$build" && cpack -G DEB -B "$work/pkg" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; exit 1; }
    deb=$(ls "$work"/pkg/scr-console_*.deb)
fi
echo "== package $(basename "$deb") ($(stat -c %s "$deb") bytes)"

# The throw-away repository fresh-machine.sh clones: the package and this script, nothing else.
repo=$work/repo
mkdir "$repo"
cp "$deb" "$repo/"
cp "$here/install-test.sh" "$repo/install-test.sh"
git -C "$repo" init -q
git -C "$repo" add .
git -C "$repo" -c user.name="install test" -c user.email=install-test@localhost commit -q -m "the package under test"

# fresh-machine.sh uses one chroot folder for every run on this machine: wait (up to 20 min) while someone
# else's run is in it, rather than pull it from under them.
chroot_busy() {
    local p
    for p in /proc/[0-9]*; do
        [ "$(readlink "$p/root" 2>/dev/null)" != /tmp/fresh-bookworm-run ] || return 0
    done
    return 1
}
for _ in $(seq 120); do
    chroot_busy || break
    echo "== another run is in /tmp/fresh-bookworm-run: waiting"
    sleep 10
done
echo "== fresh bookworm ($fresh_machine)"
log=${TMPDIR:-/tmp}/scr-install-test.log
set +e
PROJECT=$repo "$fresh_machine" 'bash install-test.sh --inside scr-console_*.deb' 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e
shot=/tmp/fresh-bookworm-run/tmp/s.png
if [ -f "$shot" ]; then
    cp "$shot" "${TMPDIR:-/tmp}/scr-install-test.png"
    echo "== screenshot: $shot (copied to ${TMPDIR:-/tmp}/scr-install-test.png)"
fi
echo "== log: $log"
echo "== install test $([ "$rc" -eq 0 ] && echo passed || echo FAILED) in $(($(date +%s) - started)) s (exit $rc)"
exit "$rc"
