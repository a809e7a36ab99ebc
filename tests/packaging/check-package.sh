#!/usr/bin/env bash
# The Debian package as a careful packager checks it (ctest entry packaging.deb):
#   check-package.sh BUILD_DIR SOURCE_DIR
# cpack makes it in a temporary folder; then its contents (programs, manual pages, completions, icons, desktop
# entry, metainfo, copyright); lintian (no error), desktop-file-validate, appstreamcli validate; the manual
# pages against the programs they describe (every --help option in the page and in the bash completion; groff
# without a warning); scr-cmdlets(7) against Get-Help (every cmdlet, the same syntax). A validator that is not
# installed is reported as skipped (the test command installs them all).
set -euo pipefail
build=$1
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
problem() { echo "FAIL: $*"; fail=1; }

(cd "$build" && cpack -G DEB -B "$work/pkg" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/pkg/scr-console_*.deb)
echo "package: $(basename "$deb") ($(stat -c %s "$deb") bytes)"
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$work/contents"
for f in /usr/bin/scr-console /usr/bin/scr-shell \
    /usr/share/man/man1/scr-console.1.gz /usr/share/man/man1/scr-shell.1.gz /usr/share/man/man7/scr-cmdlets.7.gz \
    /usr/share/bash-completion/completions/scr-console /usr/share/bash-completion/completions/scr-shell \
    /usr/share/applications/org.scrconsole.ScrConsole.desktop /usr/share/metainfo/org.scrconsole.ScrConsole.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/scr-console.svg /usr/share/doc/scr-console/copyright; do
    grep -qx "$f" "$work/contents" || problem "the package lacks $f"
done
for n in 16 22 24 32 48 64 128 256; do
    grep -qx "/usr/share/icons/hicolor/${n}x${n}/apps/scr-console.png" "$work/contents" || problem "no ${n}x${n} icon"
done

if command -v lintian >/dev/null; then
    lintian --fail-on error --tag-display-limit 0 "$deb" 2>&1 | grep -v 'root privileges' | tee "$work/lintian" || true
    grep -q '^E:' "$work/lintian" && problem "lintian reports errors"
    echo "lintian: $(grep -c '^E:' "$work/lintian" || true) errors, $(grep -c '^W:' "$work/lintian" || true) warnings"
else
    echo "SKIP lintian (apt-get install lintian)"
fi
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$source/packaging/org.scrconsole.ScrConsole.desktop" || problem "desktop-file-validate"
    echo "desktop-file-validate: passed"
else
    echo "SKIP desktop-file-validate (apt-get install desktop-file-utils)"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$source/packaging/org.scrconsole.ScrConsole.metainfo.xml" || problem "appstreamcli"
else
    echo "SKIP appstreamcli (apt-get install appstream)"
fi

# The manual pages and completions against the programs' own --help.
man="$build/packaging/man"
for program in scr-console scr-shell; do
    page="$man/$program.1"
    [ -f "$page" ] || { problem "no $page (help2man missing?)"; continue; }
    offered=$(grep -oE 'compgen -W "--[^"]*"' "$source/packaging/completions/$program" | sed 's/^compgen -W //')
    options=$("$build/app/$program" --help | grep -oE '^  (-[a-zA-Z], )?--?[a-z][a-z-]*' | grep -oE -- '--?[a-z][a-z-]*$')
    for o in $options; do
        grep -qF -- "${o//-/\\-}" "$page" || problem "$program(1) lacks $o: the page is stale (rebuild)"
        grep -qE -- "(^|[ \"])$o([ \"]|$)" <<<"$offered" ||
            problem "the bash completion of $program lacks $o"
    done
    bash -n "$source/packaging/completions/$program" || problem "the bash completion of $program does not parse"
done
for page in "$man"/*.[17]; do
    warnings=$(LC_ALL=C.UTF-8 groff -man -ww -z -t "$page" 2>&1 || true)
    [ -z "$warnings" ] || problem "groff warns on $(basename "$page"): $warnings"
done

# scr-cmdlets(7) and Get-Help: one source, so every cmdlet with the same syntax.
"$build/app/scr-shell" --new-demo "$work/lab" >/dev/null
shell() { "$build/app/scr-shell" --lab "$work/lab" -c "$1"; }
cmdlets=$(shell 'Get-Help' | awk 'NR>1 && /^  [A-Z][a-z]+-[A-Za-z]+/ {print $1}')
[ -n "$cmdlets" ] || problem "Get-Help listed no cmdlets"
plain=$(sed -e 's/\\-/-/g' -e 's/\\e/\\/g' -e 's/\\f[BIR]//g' -e 's/\\&//g' "$man/scr-cmdlets.7")
count=0
for c in $cmdlets; do
    count=$((count + 1))
    syntax=$(shell "Get-Help $c" | awk '/^SYNTAX/ {getline; sub(/^ +/, ""); print}')
    grep -qxF ".B $c" <<<"$plain" || problem "scr-cmdlets(7) lacks $c"
    grep -qF "Syntax: $syntax" <<<"$plain" || problem "scr-cmdlets(7) gives $c another syntax than Get-Help ($syntax)"
done
echo "scr-cmdlets(7): $count cmdlets checked against Get-Help"
[ $fail -eq 0 ] && echo "package checks passed"
exit $fail
