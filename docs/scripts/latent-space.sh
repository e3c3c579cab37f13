#!/usr/bin/env bash
# The rate-distortion table of docs/latent-space.md: Tang VAEs at several rates, each with a
# Gaussian-mixture prior fitted to its posterior, scored by eval (KL, MI, active units, IW NLL) and
# quality (reconstruction of Tang test and unseen Song lines, interpolation ends, prior samples
# under the language model). Outputs go to docs/latent-space/, named by model.
# Usage: docs/scripts/latent-space.sh [RUNS_DIR]
# Trains two runs at a time with one thread each (about 17 minutes an epoch of each on 2
# cores); finished runs (marked RUN.done) are kept, so an interrupted script can be restarted.
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

score() { # NAME CHECKPOINT [PRIOR OPTIONS...]: default, a mixture of 32 fitted to 100,000 lines
    local name=$1 model=$2
    shift 2
    local prior=("$@")
    if ((${#prior[@]} == 0)); then
        prior=(--lines 100000 --components 32)
    fi
    tv prior --model "$model" --out "$runs/$name.ckpt" --force "${prior[@]}" \
        > "$out/prior-$name.txt"
    tv eval --model "$runs/$name.ckpt" --limit 1000 --iw-samples 100 --lm "$runs/cmp-lm" \
        --out "$out/eval-$name.csv" --force > /dev/null
    quality "$name"
}

quality() { # NAME: the figures of a model whose prior is fitted
    tv quality --model "$runs/$1.ckpt" --lines 1000 --samples 1000 --pairs 100 \
        --unseen corpora/songshi.csv.gz --lm "$runs/cmp-lm" > "$out/quality-$1.txt"
}

sampler() { # NAME CHECKPOINT PRIOR OPTIONS...: another prior on the same weights
    local name=$1 model=$2
    shift 2
    tv prior --model "$model" --out "$runs/$name.ckpt" --force "$@" > "$out/prior-$name.txt"
    quality "$name"
}

mkdir -p "$runs" "$out"
./textvae --help > /dev/null
cp target/textvae.jar "$runs/textvae.jar"
train cmp-lm 2 --model lm & train rd-fb1-zs 6 --free-bits 1 --z-every-step & wait
train rd-beta0.1-zs 10 --beta 0.1 --z-every-step & train rd-beta0.3-zs 6 --beta 0.3 \
    --z-every-step & wait
train rd-beta0.1-zs-wd0 6 --beta 0.1 --z-every-step --word-dropout 0
train rd-beta0.1-zs-wd0.1 8 --beta 0.1 --z-every-step --word-dropout 0.1
# The β 1 model shipped before the current one, from git history.
git show 40872e8:src/main/resources/org/textvae/default-model.ckpt > "$runs/beta1-fb0.2-e8.ckpt"
tv quality --model "$runs/beta1-fb0.2-e8.ckpt" --lines 1000 --samples 1000 --pairs 100 \
    --unseen corpora/songshi.csv.gz --lm "$runs/cmp-lm" > "$out/quality-shipped-beta1-fb0.2-e8.txt"

# The rate-distortion table: each model with a mixture of 32 as its prior.
for epoch in 2 6; do
    score "fb1-zs-e$epoch" "$runs/rd-fb1-zs/checkpoints/epoch-00$epoch.ckpt"
    score "beta0.3-zs-e$epoch" "$runs/rd-beta0.3-zs/checkpoints/epoch-00$epoch.ckpt"
done
for epoch in 1 2 5; do
    score "beta0.1-zs-e$epoch" "$runs/rd-beta0.1-zs/checkpoints/epoch-00$epoch.ckpt"
done
score beta0.1-zs-wd0-e1 "$runs/rd-beta0.1-zs-wd0/checkpoints/epoch-001.ckpt"

# Where the samples come from: other priors on the same weights.
e5="$runs/rd-beta0.1-zs/checkpoints/epoch-005.ckpt"
tv quality --model "$e5" --lines 1000 --samples 1000 --pairs 100 \
    --unseen corpora/songshi.csv.gz --lm "$runs/cmp-lm" \
    > "$out/quality-beta0.1-zs-e5-standard-normal.txt"
for k in 1 8 128; do
    sampler "beta0.1-zs-e5-k$k" "$e5" --lines 30000 --components "$k"
done
for run in rd-fb1-zs:fb1-zs-e6 rd-beta0.3-zs:beta0.3-zs-e6 rd-beta0.1-zs:beta0.1-zs-e5; do
    folder=${run%%:*}
    name=${run#*:}
    epoch=${name##*-e}
    for h in 1 1.5 2; do
        sampler "$name-posteriors-h$h" "$runs/$folder/checkpoints/epoch-00$epoch.ckpt" \
            --kind posteriors --lines 8192 --widen "$h"
    done
done
sampler beta0.1-zs-e8-posteriors-h2 "$runs/rd-beta0.1-zs/checkpoints/epoch-008.ckpt" \
    --kind posteriors --lines 8192 --widen 2
# Which model ships: the last two rows again with beam search as well, and with less word dropout.
candidate() { # NAME EPOCH: that epoch of rd-NAME, its posteriors prior, scored with and without
    # beams and refined codes
    local name=$1 epoch=$2
    local ckpt="$runs/$name-e$epoch-posteriors-h2.ckpt"
    tv prior --model "$runs/rd-$name/checkpoints/epoch-00$epoch.ckpt" --out "$ckpt" --force \
        --kind posteriors --lines 8192 --widen 2 > "$out/prior-$name-e$epoch-posteriors-h2.txt"
    tv quality --model "$ckpt" --lines 1000 --samples 1000 --pairs 100 \
        --unseen corpora/songshi.csv.gz --lm "$runs/cmp-lm" --beam 4 --refine 20 \
        > "$out/quality-$name-e$epoch-posteriors-h2.txt"
    tv eval --model "$ckpt" --corpus corpora/tang.csv.gz --split test --limit 1000 \
        --iw-samples 100 --lm "$runs/cmp-lm" --out "$runs/eval-$name-e$epoch.csv" --force \
        > "$out/eval-$name-e$epoch-posteriors-h2.txt"
}
candidate beta0.1-zs-wd0 6
candidate beta0.1-zs-wd0.1 6
candidate beta0.1-zs-wd0.1 8
# The samples of word dropout 0.1 at six epochs under the language model alone (its quality file
# above holds the same line when re-made).
tv quality --model "$runs/beta0.1-zs-wd0.1-e6-posteriors-h2.ckpt" --lines 1000 --pairs 2 \
    --samples 1000 --lm "$runs/cmp-lm" > "$out/lm-samples-beta0.1-zs-wd0.1-e6-posteriors-h2.txt"

# The shipped model: epoch 10 of the same run, its posteriors prior (with the line succession of
# the training poems) packed into the jar.
tv prior --model "$runs/rd-beta0.1-zs/checkpoints/epoch-010.ckpt" --out "$runs/shipped.ckpt" \
    --force --kind posteriors --lines 8192 --widen 2 --poems corpora/tang-poems.csv.gz \
    > "$runs/prior-shipped.txt"
tv quality --model "$runs/shipped.ckpt" --lines 1000 --samples 1000 --pairs 100 \
    --unseen corpora/songshi.csv.gz --lm "$runs/cmp-lm" --beam 4 --refine 20 \
    > "$out/quality-shipped-beta0.1-zs-e10-posteriors-h2.txt"
tv eval --model "$runs/shipped.ckpt" --corpus corpora/tang.csv.gz --split test --limit 1000 \
    --lm "$runs/cmp-lm" --out "$runs/eval-shipped.csv" --force \
    > "$out/eval-shipped-beta0.1-zs-e10-posteriors-h2.txt"
# Its encoder fitted to its decoder: the model packed into the jar.
tv fit-encoder --model "$runs/shipped.ckpt" --out "$runs/shipped-fitted.ckpt" --force \
    > "$runs/fit-encoder-shipped.txt" 2>&1
# To ship it: tv export --model "$runs/shipped-fitted.ckpt" \
#     --out src/main/resources/org/textvae/default-model.ckpt --force
tv quality --model "$runs/shipped-fitted.ckpt" --lines 1000 --samples 1000 --pairs 100 \
    --unseen corpora/songshi.csv.gz --beam 4 --refine 20 \
    > "$out/quality-shipped-beta0.1-zs-e10-posteriors-h2-fitted-encoder.txt"
tv eval --model "$runs/shipped-fitted.ckpt" --corpus corpora/tang.csv.gz --split test \
    --limit 1000 --out "$runs/eval-shipped-fitted.csv" --force \
    > "$out/eval-shipped-beta0.1-zs-e10-posteriors-h2-fitted-encoder.txt"
