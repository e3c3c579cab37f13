#!/usr/bin/env bash
# Resident memory of two ways of running the same Penn Treebank-shape training (dropout 0.5, batch
# 32, one thread each), side by side so that both see the same machine. Samples each process's
# RSS every 15 seconds and prints each one's RSS range and mean training tokens/s.
# Usage: docs/scripts/memory-side-by-side.sh LABEL_A 'COMMAND_A' LABEL_B 'COMMAND_B' [STEPS] [OUT_DIR]
#   COMMAND is how to start textvae, e.g. 'java -Xmx1g -jar target/textvae.jar' or
#   'env LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2 java -Xmx1g -jar target/textvae.jar'
# PTB is read from data/ptb (or $PTB; see docs/ptb.md). 2,000 steps take about 8 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
usage="usage: docs/scripts/memory-side-by-side.sh LABEL_A 'COMMAND_A' LABEL_B 'COMMAND_B' [STEPS] [OUT_DIR]"
label_a="${1:?$usage}" command_a="${2:?$usage}" label_b="${3:?$usage}" command_b="${4:?$usage}"
steps="${5:-2000}"
out="${6:-runs/memory-side-by-side}"
D="${PTB:-data/ptb}"
args=(--threads 1 train --corpus "$D/ptb.train.txt" --valid "$D/ptb.valid.txt"
    --vocab vocab/ptb.tokenizer.json --batch-size 32 --word-dropout 0.25 --latent 32 --seed 42
    --dropout 0.5 --checkpoint-every 0 --no-progress --max-steps "$steps")
mkdir -p "$out"
rm -rf "${out:?}/$label_a" "${out:?}/$label_b"
bash -c "exec $command_a \"\$@\"" _ "${args[@]}" --out "$out/$label_a" > "$out/$label_a.log" 2>&1 &
pid_a=$!
bash -c "exec $command_b \"\$@\"" _ "${args[@]}" --out "$out/$label_b" > "$out/$label_b.log" 2>&1 &
pid_b=$!
rss() { awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$1/status" 2> /dev/null || true; }
echo "seconds,${label_a}_rss_mb,${label_b}_rss_mb" > "$out/rss.csv"
start=$(date +%s)
while sleep 15 && { kill -0 "$pid_a" 2> /dev/null || kill -0 "$pid_b" 2> /dev/null; }; do
    echo "$(($(date +%s) - start)),$(rss "$pid_a"),$(rss "$pid_b")" >> "$out/rss.csv"
done
wait "$pid_a" "$pid_b" || { echo "a run failed: see $out/*.log" >&2; exit 1; }
for column in 2 3; do
    label=$(head -n 1 "$out/rss.csv" | cut -d, -f"$column" | sed 's/_rss_mb$//')
    awk -F, -v c="$column" -v label="$label" 'NR > 1 && $c != "" {
            if (min == "" || $c < min) min = $c; if ($c > max) max = $c }
        END { printf "%s: RSS %d-%d MB", label, min, max }' "$out/rss.csv"
    awk -F, '$1 == "train" { sum += $11; n++ } END { printf ", %.0f training tokens/s\n", sum / n }' \
        "$out/$label/metrics.csv"
done
echo "written: $out/rss.csv"
