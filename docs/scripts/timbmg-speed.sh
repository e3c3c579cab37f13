#!/usr/bin/env bash
# timbmg/Sentence-VAE's training speed on this machine, beside textvae's own (the goal is 2x it,
# measured on the same machine; docs/performance.md). Needs a checkout of
# https://github.com/timbmg/Sentence-VAE (clone it first) and the virtual environment that
# pytorch-reference.sh makes, plus nltk (its tokenizer), which this script installs into it.
# Usage: docs/scripts/timbmg-speed.sh TIMBMG_DIR [RUNS]   (RUNS alternating pairs, default 2)
# Prints timbmg's tokens/s, then the real training loop's at the Penn Treebank shape, per pair.
# Run it on an idle machine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
timbmg="$(cd "${1:?usage: docs/scripts/timbmg-speed.sh TIMBMG_DIR [RUNS]}" && pwd)"
runs="${2:-2}"
venv=runs/torch-venv
[[ -x "$venv/bin/python" ]] || { echo "make $venv first: docs/scripts/pytorch-reference.sh" >&2; exit 2; }
"$venv/bin/python" -c "import nltk" 2> /dev/null || "$venv/bin/pip" install -q nltk
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/data"
cp "${PTB:-data/ptb}"/ptb.{train,valid}.txt "$scratch/data/"
./textvae --help > /dev/null # builds the jar
# The same allocator settings as ./textvae (docs/performance.md, "Allocator settings").
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-1}" MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-33554432}"
export MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-268435456}"
script="$PWD/docs/scripts/timbmg_speed.py"
for ((i = 1; i <= runs; i++)); do
    (cd "$scratch" && env -u MALLOC_ARENA_MAX -u MALLOC_MMAP_THRESHOLD_ -u MALLOC_TRIM_THRESHOLD_ \
        "$OLDPWD/$venv/bin/python" "$script" "$timbmg" | grep '^timbmg,')
    java -cp target/textvae.jar org.textvae.bench.BenchSection train ptb 200 | grep '^RESULT'
done
