#!/usr/bin/env bash
# Renders the PNG sizes of the hicolor icon theme from resources/icons/countersign.svg.
# The PNGs are committed (the build does not need librsvg); run this after editing the SVG.
set -euo pipefail
cd "$(dirname "$0")/.."
for size in 16 22 24 32 48 64 128 256 512; do
    rsvg-convert -w "$size" -h "$size" resources/icons/countersign.svg -o "packaging/icons/countersign-$size.png"
done
