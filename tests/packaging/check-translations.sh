#!/usr/bin/env bash
# Fails when a string of the console has no German translation: lupdate reads the sources as
# `ninja scr_ui_lupdate` does, into a copy of scr_de.ts (the repo's file is not touched), and every entry it
# marks unfinished is listed. The fix: `ninja -C build-ci scr_ui_lupdate`, then translate those entries.
#   check-translations.sh LUPDATE PROJECT_CMAKE GENERATE_SCRIPT TS_FILE [-pluralonly]
# With -pluralonly (scr_en.ts, English's plural forms) only the strings with a count (%n) are checked.
# PROJECT_CMAKE is what qt_add_translations wrote at configure time (build/ui/.lupdate/scr_ui_project.cmake);
# the JSON project lupdate reads is made from it here with Qt's own GenerateLUpdateProject.cmake, since the
# build makes it only when scr_ui_lupdate runs.
set -euo pipefail
lupdate=$1 projectCmake=$2 generate=$3 ts=$4 only=${5:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
project=$tmp/project.json
(cd "$(dirname "$projectCmake")/.." &&
    cmake -DIN_FILE="$projectCmake" -DOUT_FILE="$project" -P "$generate" >"$tmp/generate.log" 2>&1) ||
    { cat "$tmp/generate.log"; exit 1; }
cp "$ts" "$tmp/check.ts"
"$lupdate" -silent -project "$project" -ts "$tmp/check.ts" -no-obsolete -locations none $only >"$tmp/lupdate.log" 2>&1 ||
    { cat "$tmp/lupdate.log"; exit 1; }
unfinished=$(grep -c 'type="unfinished"' "$tmp/check.ts" || true)
if [ "$unfinished" != 0 ]; then
    echo "FAIL: $unfinished string(s) without a translation in $(basename "$ts"):"
    grep -B2 'type="unfinished"' "$tmp/check.ts" | sed -n 's/.*<source>\(.*\)<\/source>.*/  \1/p'
    echo "Fix: ninja -C build-ci scr_ui_lupdate, then translate them in $ts"
    exit 1
fi
echo "PASS: every string of the console has its German translation ($(grep -c '<source>' "$tmp/check.ts") strings)"
