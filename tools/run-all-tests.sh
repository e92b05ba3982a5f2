#!/usr/bin/env bash
# Every test CI runs, in order. The README's test command and .ci/run call this
# after packaging/install-build-deps.sh; each step stops the run when it fails.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==== %s ====\n' "$*"; }

step "build with warnings as errors, run the CTest suite"
cmake --workflow --preset ci

step "the whole CTest suite again under AddressSanitizer + UndefinedBehaviorSanitizer"
cmake --workflow --preset asan

step "libFuzzer: build every fuzz target (clang), replay the kept regressions, fuzz each for ${COUNTERSIGN_FUZZ_RUNS:-20000} runs"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target countersign_fuzzers
# A fixed seed and a fixed number of runs make the gate repeatable: what passed
# on one machine passes on the next, and a finding is a bug to fix, not luck.
# Longer, random-seed campaigns are run by hand (docs/threat-model.md).
fuzz_runs="${COUNTERSIGN_FUZZ_RUNS:-20000}"
fuzz_seed="${COUNTERSIGN_FUZZ_SEED:-1}"
for target in build/fuzz/bin/fuzz_*; do
    name="${target##*/fuzz_}"
    work="build/fuzz/corpus/$name"
    mkdir -p "$work"
    # Inputs that once crashed a target stay in fuzz/regressions/NAME/ for ever.
    if compgen -G "fuzz/regressions/$name/*" >/dev/null; then
        "$target" -runs=0 fuzz/regressions/"$name"/*
    fi
    # New inputs go to the build tree; the seeds in fuzz/corpus/ are read only.
    log="build/fuzz/$name.log"
    if ! "$target" -seed="$fuzz_seed" -runs="$fuzz_runs" -max_total_time=300 -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="build/fuzz/crash-$name-" "$work" "fuzz/corpus/$name" >"$log" 2>&1; then
        tail -n 60 "$log"
        echo "fuzz_$name failed: the input is in build/fuzz/crash-$name-*; fix it and keep it in fuzz/regressions/$name/" >&2
        exit 1
    fi
    printf 'fuzz_%s: %s runs, clean\n' "$name" "$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")"
done

step "Debian packages: build, unpack into a fresh root, run and validate (packaging/README.md)"
packaging/check-packages.sh build/ci
