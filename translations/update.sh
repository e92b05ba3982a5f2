#!/bin/sh
# translations/update.sh [OUTDIR]
#
# The one lupdate command: scans the console's sources (core, models, net, ui,
# app) and updates countersign_de.ts and countersign_fr.ts (every string) and
# countersign_en.ts (plural forms only: English is the source language).
# Without OUTDIR it updates the committed files; with OUTDIR it updates copies
# there (the i18n.TranslationsCurrent test compares them with the committed ones).
# Locations are left out, so moving code does not change the files.
#
# Qt 6.4's lupdate does not read `namespace countersign::ui {` and names each
# context by the bare class (MainWindow), while tr() looks translations up
# under the qualified class name (countersign::ui::MainWindow). The committed
# files carry the qualified names; they are shortened for lupdate and
# qualified again after it, from the classes each layer's headers declare.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$src/translations}
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
layers="core models net ui app"
if [ "$out" != "$src/translations" ]; then
    cp "$src"/translations/countersign_en.ts "$src"/translations/countersign_de.ts "$src"/translations/countersign_fr.ts "$out"/
fi
cd "$src"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for layer in $layers; do
    grep -hoE '^(class|struct) [A-Z][A-Za-z0-9]*( final)?( :.*|$| \{.*)' "$layer"/*.h | awk -v l="$layer" '{print $2 " " l}'
done | sort -u >"$work/classes"
if [ -n "$(awk '{print $1}' "$work/classes" | uniq -d)" ]; then
    echo "update.sh: a class name is declared in two layers; lupdate cannot tell their contexts apart:" >&2
    awk '{print $1}' "$work/classes" | uniq -d >&2
    exit 1
fi
awk '{printf "s#<name>countersign::%s::%s</name>#<name>%s</name>#\n", $2, $1, $1}' "$work/classes" >"$work/short.sed"
awk '{printf "s#<name>%s</name>#<name>countersign::%s::%s</name>#\n", $1, $2, $1}' "$work/classes" >"$work/qualify.sed"

for ts in "$out/countersign_en.ts" "$out/countersign_de.ts" "$out/countersign_fr.ts"; do
    sed -i -f "$work/short.sed" "$ts"
done
"$lupdate" -silent -locations none -no-obsolete -no-ui-lines -extensions cpp,h $layers \
    -ts "$out/countersign_de.ts" "$out/countersign_fr.ts" 2>"$work/lupdate.log" || { cat "$work/lupdate.log" >&2; exit 1; }
"$lupdate" -silent -locations none -no-obsolete -no-ui-lines -extensions cpp,h -pluralonly $layers \
    -ts "$out/countersign_en.ts" 2>>"$work/lupdate.log" || { cat "$work/lupdate.log" >&2; exit 1; }
for ts in "$out/countersign_en.ts" "$out/countersign_de.ts" "$out/countersign_fr.ts"; do
    sed -i -f "$work/qualify.sed" "$ts"
done
