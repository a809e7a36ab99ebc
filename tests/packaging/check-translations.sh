#!/usr/bin/env bash
# Fails when a string of the console has no German translation: lupdate reads the sources as
# `ninja scr_ui_lupdate` does, into a copy of scr_de.ts (the repo's file is not touched), and every entry it
# marks unfinished is listed. The fix: `ninja -C build-ci scr_ui_lupdate`, then translate those entries.
#   check-translations.sh LUPDATE PROJECT_JSON TS_FILE
set -euo pipefail
lupdate=$1 project=$2 ts=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$ts" "$tmp/check.ts"
"$lupdate" -silent -project "$project" -ts "$tmp/check.ts" -no-obsolete -locations none >"$tmp/lupdate.log" 2>&1 ||
    { cat "$tmp/lupdate.log"; exit 1; }
unfinished=$(grep -c 'type="unfinished"' "$tmp/check.ts" || true)
if [ "$unfinished" != 0 ]; then
    echo "FAIL: $unfinished string(s) without a German translation:"
    grep -B2 'type="unfinished"' "$tmp/check.ts" | sed -n 's/.*<source>\(.*\)<\/source>.*/  \1/p'
    echo "Fix: ninja -C build-ci scr_ui_lupdate, then translate them in $ts"
    exit 1
fi
echo "PASS: every string of the console has its German translation ($(grep -c '<source>' "$tmp/check.ts") strings)"
