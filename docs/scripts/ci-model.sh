#!/usr/bin/env bash
# Trains the Song ci model packed into the jar, fits its prior and line succession, ships it,
# and re-makes the figures of docs/ci.md. Run from the repository root; about 50 minutes of
# training on 2 cores.
set -euo pipefail
./textvae --threads 2 train --corpus corpora/songci.csv.gz --vocab vocab/songci.tokenizer.json \
    --seed 42 --no-progress --keep-epochs --epochs 10 --out runs/songci --beta 0.1 --z-every-step
./textvae prior --model runs/songci/checkpoints/epoch-010.ckpt --out runs/songci-prior.ckpt \
    --kind posteriors --lines 16384 --widen 2 --poems corpora/songci-poems.csv.gz
./textvae export --model runs/songci-prior.ckpt --out src/main/resources/org/textvae/ci/ci-model.ckpt --force
./textvae eval --model runs/songci-prior.ckpt --corpus corpora/songci.csv.gz --split test --limit 1000 \
    --out docs/ci/eval-ci-model-test.csv --force
./textvae ci --measure 200 > docs/ci/ci-measure-200.txt
./textvae ci --measure 200 --independent-lines > docs/ci/ci-measure-200-independent-lines.txt
./textvae ci --measure 200 --theme 月 > docs/ci/ci-measure-200-theme-yue.txt
