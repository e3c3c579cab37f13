#!/usr/bin/env bash
# The model comparison of docs/compare.md: AE, VAE, beta-VAE (0.5 and 4) and FactorVAE (beta 1 and
# 0.5) trained on Tang with the same budget and seed, a GRU language model to score their prior
# samples, then 'textvae compare' writes docs/compare/results.md and one picture per model beside it.
# Usage: docs/scripts/compare.sh [RUNS_DIR]
# Runs two trainings at a time with one thread each (25-45 minutes a pair on 2 cores, about two
# hours in all), then compares (a few minutes). Finished runs (marked RUN.done) are kept, so an
# interrupted script can be started again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs="${1:-runs}"
common=(--corpus corpora/tang.csv.gz --vocab vocab/tang.tokenizer.json --epochs 2 --seed 42
    --no-progress)

train() { # NAME [OPTIONS...]
    local name=$1
    shift
    if [[ -f "$runs/$name/checkpoints/best.ckpt" && -f "$runs/$name.done" ]]; then
        return
    fi
    rm -rf "${runs:?}/$name"
    TEXTVAE_JAR="$runs/textvae.jar" ./textvae --threads 1 train "${common[@]}" --out "$runs/$name" "$@" > "$runs/$name.log" 2>&1
    touch "$runs/$name.done"
}

mkdir -p "$runs"
# Build the jar once and run a copy of it, so that a rebuild during the two hours cannot change
# (or break) the trainings in flight.
./textvae --help > /dev/null
cp target/textvae.jar "$runs/textvae.jar"
train cmp-ae --model ae & train cmp-vae & wait
train cmp-beta0.5 --beta 0.5 & train cmp-beta4 --beta 4 & wait
train cmp-factor --factor-gamma 10 & train cmp-factor-beta0.5 --beta 0.5 --factor-gamma 10 & wait
train cmp-lm --model lm
TEXTVAE_JAR="$runs/textvae.jar" ./textvae compare --runs "$runs/cmp-ae" "$runs/cmp-vae" "$runs/cmp-beta0.5" "$runs/cmp-beta4" \
    "$runs/cmp-factor" "$runs/cmp-factor-beta0.5" --corpus corpora/tang.csv.gz --lm "$runs/cmp-lm" --out docs/compare/results.md --force
