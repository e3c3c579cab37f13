#!/usr/bin/env bash
# The hand-written PyTorch yardstick (pytorch_reference.py) on this machine, to set beside
# `textvae bench` run on the same machine (the goals in docs/performance.md are ratios, not
# absolute figures). The published runs are docs/performance/pytorch-reference-N.csv.
# Usage: docs/scripts/pytorch-reference.sh [OUT_CSV]
# Makes a virtual environment in runs/torch-venv on first use. Without network access, point
# WHEELS at folders holding the torch wheel and its dependencies (default: /opt/wheels and
# /opt/pypi/files).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
out="${1:-runs/pytorch-reference.csv}"
venv=runs/torch-venv
if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv"
    links=()
    for d in ${WHEELS:-/opt/wheels /opt/pypi/files}; do
        [[ -d "$d" ]] && links+=(--find-links "$d")
    done
    if ((${#links[@]})); then
        "$venv/bin/pip" install -q --no-index "${links[@]}" torch==2.13.0+cpu numpy
    else
        "$venv/bin/pip" install -q torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu
    fi
fi
"$venv/bin/python" docs/scripts/pytorch_reference.py | tee "$out"
