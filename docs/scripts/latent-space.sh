#!/usr/bin/env bash
# The rate-distortion table of docs/latent-space.md: Tang VAEs at several rates, each with a
# Gaussian-mixture prior fitted to its posterior, scored by eval (KL, MI, active units, IW NLL) and
# quality (reconstruction of Tang test and unseen Song lines, interpolation ends, prior samples
# under the language model). Outputs go to docs/latent-space/, named by model.
# Usage: docs/scripts/latent-space.sh [RUNS_DIR]
# Trains two runs at a time with one thread each (about 35 minutes a pair of two-epoch runs on
# 2 cores); finished runs (marked RUN.done) are kept, so an interrupted script can be restarted.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs="${1:-runs}"
out=docs/latent-space
common=(--corpus corpora/tang.csv.gz --vocab vocab/tang.tokenizer.json --seed 42 --no-progress
    --keep-epochs)
tv() { TEXTVAE_JAR="$runs/textvae.jar" ./textvae "$@"; }

train() { # NAME EPOCHS [OPTIONS...]
    local name=$1 epochs=$2
    shift 2
    if [[ -f "$runs/$name/checkpoints/best.ckpt" && -f "$runs/$name.done" ]]; then
        return
    fi
    rm -rf "${runs:?}/$name"
    tv --threads 1 train "${common[@]}" --epochs "$epochs" --out "$runs/$name" "$@" \
        > "$runs/$name.log" 2>&1
    touch "$runs/$name.done"
}

score() { # NAME CHECKPOINT
    local name=$1 model=$2
    tv prior --model "$model" --out "$runs/$name.ckpt" --force --lines 100000 --components 32 \
        > "$out/prior-$name.txt"
    tv eval --model "$runs/$name.ckpt" --limit 1000 --iw-samples 100 --lm "$runs/cmp-lm" \
        --out "$out/eval-$name.csv" --force > /dev/null
    tv quality --model "$runs/$name.ckpt" --lines 1000 --samples 1000 --pairs 100 \
        --unseen corpora/songshi.csv.gz --lm "$runs/cmp-lm" > "$out/quality-$name.txt"
}

mkdir -p "$runs" "$out"
./textvae --help > /dev/null
cp target/textvae.jar "$runs/textvae.jar"
train cmp-lm 2 --model lm & train rd-fb1-zs 2 --free-bits 1 --z-every-step & wait
train rd-beta0.1-zs 5 --beta 0.1 --z-every-step & train rd-beta0.1-zs-wd0 2 --beta 0.1 \
    --z-every-step --word-dropout 0 & wait
score fb1-zs-e2 "$runs/rd-fb1-zs/checkpoints/epoch-002.ckpt"
for epoch in 1 2 5; do
    score "beta0.1-zs-e$epoch" "$runs/rd-beta0.1-zs/checkpoints/epoch-00$epoch.ckpt"
done
score beta0.1-zs-wd0-e2 "$runs/rd-beta0.1-zs-wd0/checkpoints/epoch-002.ckpt"
