#!/usr/bin/env bash
# Is a short training run the same in every fresh process? (docs/design.md, "Reproducibility".) Launches the same
# 4-step run on the first 3,000 Penn Treebank training lines N times, each in a new JVM through
# ./textvae (so with the launcher's allocator settings), and counts the distinct sequences of
# per-step losses, KLs and gradient norms. One line of output means every launch agreed.
# Usage: docs/scripts/repeat-launches.sh [N [THREADS [BUSY]]]
#        (defaults 20 launches, 2 engine threads, 0 busy loops spinning beside them)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
n="${1:-20}"
threads="${2:-2}"
busy="${3:-0}"
scratch="$(mktemp -d)"
spinners=()
cleanup() {
    ((${#spinners[@]})) && kill "${spinners[@]}" 2> /dev/null
    rm -rf "$scratch"
}
trap cleanup EXIT
head -n 3000 "${PTB:-data/ptb}/ptb.train.txt" > "$scratch/lines.txt"
./textvae --help > /dev/null # builds the jar
cp target/textvae.jar "$scratch/textvae.jar"
for ((i = 0; i < busy; i++)); do
    sh -c 'while :; do :; done' &
    spinners+=($!)
done
for ((i = 0; i < n; i++)); do
    rm -rf "$scratch/run"
    TEXTVAE_JAR="$scratch/textvae.jar" ./textvae --threads "$threads" train \
        --corpus "$scratch/lines.txt" --valid "$scratch/lines.txt" --vocab vocab/ptb.tokenizer.json \
        --max-steps 4 --lr 0.03 --batch-size 32 --log-every 1 --seed 42 --no-progress \
        --out "$scratch/run" > "$scratch/log" 2>&1 || { tail -n 3 "$scratch/log" >&2; exit 1; }
    # step, reconstruction, KL, loss and gradient norm of the four training rows (not the timings)
    awk -F, '$1 == "train" { printf "%s %s %s %s %s; ", $2, $5, $6, $7, $10 } END { print "" }' \
        "$scratch/run/metrics.csv"
done | sort | uniq -c
