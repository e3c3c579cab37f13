#!/bin/bash
# Times the training loop with each of its parts switched off, and the bare step, twice each.
# Run from the repository root on an idle machine: bash docs/scripts/loop-breakdown.sh
set -euo pipefail
./textvae --help > /dev/null   # builds target/textvae.jar if the sources changed
for round in 1 2; do
    for parts in "" word-dropout clipping trims word-dropout,clipping,trims; do
        echo "== round $round train, switched off: ${parts:-none}"
        java -cp target/textvae.jar org.textvae.bench.BenchSection train ptb 200 $parts 2>&1 | grep RESULT
    done
    echo "== round $round bare"
    java -cp target/textvae.jar org.textvae.bench.BenchSection bare ptb 200 2>&1 | grep RESULT
done
