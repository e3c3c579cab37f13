#!/usr/bin/env bash
# One epoch of Tang training on 10%, 50% and 100% of its training lines, same settings and seed:
# if the loop scales linearly, seconds per epoch grow in proportion to training tokens.
# Usage: docs/scripts/epoch-scaling.sh [OUT_DIR]   (about 30 minutes on 2 cores; run on an idle machine)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
out="${1:-runs/epoch-scaling}"
mkdir -p "$out"
echo "share,train_lines,train_tokens_per_s,epoch_seconds" > "$out/epoch-scaling.csv"
for share in 10 50 100; do
    subset="$out/tang-$share.csv"
    # Every validation and test line; every training line whose index modulo 10 is under share/10.
    zcat corpora/tang.csv.gz | awk -F, -v keep=$((share / 10)) \
        'NR == 1 || $NF != "train" || (n++ % 10) < keep' > "$subset"
    run="$out/run-$share"
    rm -rf "$run"
    ./textvae train --corpus "$subset" --vocab vocab/tang.tokenizer.json --out "$run" \
        --epochs 1 --seed 42 --checkpoint-every 0 --no-progress > "$out/run-$share.log" 2>&1
    # The last training row: cumulative seconds of the epoch before its validation pass.
    lines=$(awk -F, '$NF == "train"' "$subset" | wc -l)
    awk -F, -v share="$share" -v lines="$lines" \
        '$1 == "train" { tps = $11; sec = $12 } END { printf "%s,%d,%.0f,%.1f\n", share, lines, tps, sec }' \
        "$run/metrics.csv" >> "$out/epoch-scaling.csv"
    tail -n 1 "$out/epoch-scaling.csv"
done
