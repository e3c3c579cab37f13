#!/usr/bin/env bash
# Scores the mean of a run's last K kept epochs (checkpoints/epoch-NNN.ckpt, from train
# --keep-epochs) on the Penn Treebank validation split: one z per sentence from eval's fixed
# seed, so every candidate sees the same draws. Prints the last epoch alone, then each K.
# Usage: docs/scripts/average-check.sh RUN_DIR K...   (e.g. runs/ptb-vae-h512-rd0.5 2 3 4 5 6)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
D="${PTB:-data/ptb}"
run=${1:?usage: RUN_DIR K...}
shift
mapfile -t kept < <(ls "$run"/checkpoints/epoch-*.ckpt)
score() {
    ./textvae --threads 1 eval --model "$1" --corpus "$D/ptb.valid.txt" --split train \
        --iw-samples 1 --samples 2 --out "$(mktemp --suffix .csv)" --force | awk '/^-ELBO/ {print $5}'
}
n=${#kept[@]}
echo "$run: ${kept[n - 1]##*/} alone: $(score "${kept[n - 1]}")"
mean=$(mktemp --suffix .ckpt)
for k in "$@"; do
    ./textvae average --out "$mean" --force "${kept[@]:n-k:k}" > /dev/null
    echo "$run: mean of the last $k: $(score "$mean")"
done
rm -f "$mean"
