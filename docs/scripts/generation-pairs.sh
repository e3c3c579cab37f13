#!/usr/bin/env bash
# Batched greedy generation, textvae against the hand-written PyTorch yardstick
# (pytorch_reference.py), alternated on one machine: the generation goal is a ratio to that
# yardstick (docs/performance.md), and a machine's speed can drift by tens of percent over a day.
# Usage: docs/scripts/generation-pairs.sh [PAIRS] [JAR]   (defaults: 3, target/textvae.jar)
# Needs the virtual environment that pytorch-reference.sh makes (runs/torch-venv).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
pairs="${1:-3}"
jar="${2:-target/textvae.jar}"
export MALLOC_ARENA_MAX=1 MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=268435456
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $jar"
for ((i = 1; i <= pairs; i++)); do
    torch_rate=$(runs/torch-venv/bin/python docs/scripts/pytorch_reference.py --generation-only \
        --lines 16384 | awk -F, '$1 == "generate_lines_per_s" {print $2}')
    ours=$(java -cp "$jar" org.textvae.bench.BenchSection generate default 16384 \
        | sed -n 's/.*"generate_lines_per_s":\([0-9.]*\).*/\1/p')
    awk -v i="$i" -v t="$torch_rate" -v o="$ours" \
        'BEGIN {printf "pair %d: pytorch %.0f lines/s, textvae %.0f lines/s, ratio %.2f\n", i, t, o, o / t}'
done
