#!/usr/bin/env bash
# Every test CI runs, in order. The README's test command and .ci/run call this
# after packaging/install-build-deps.sh; each step stops the run when it fails.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==== %s ====\n' "$*"; }

step "build with warnings as errors, run the CTest suite"
cmake --workflow --preset ci

step "Debian packages: build, unpack into a fresh root, run and validate (packaging/README.md)"
packaging/check-packages.sh build/ci
