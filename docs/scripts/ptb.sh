#!/usr/bin/env bash
# The Penn Treebank figures of docs/ptb.md: a VAE and its GRU language-model baseline, trained side by
# side with one thread each and the same regularisation (word dropout, dropout on the decoder's
# inputs and outputs, learning-rate decay on a validation plateau), then scored on the test split.
# Usage: docs/scripts/ptb.sh train [RUNS_DIR [vae|lm|both]]   (stops itself after 3 decays, or kill it)
#        docs/scripts/ptb.sh resume [RUNS_DIR [vae|lm|both]]  (continues exactly from the last checkpoints)
#        docs/scripts/ptb.sh eval [RUNS_DIR [vae|lm|both]]    (scores each run's best checkpoint)
#        docs/scripts/ptb.sh average [RUNS_DIR [vae|lm|both]] (the mean of the last K kept epochs, K chosen
#                                                      on validation, scored on test as eval does)
# HIDDEN=512 docs/scripts/ptb.sh ... does the same with 512 GRU units in runs ptb-vae-h512 and ptb-lm-h512
# (about 2.3 times the work per token; stop and resume it as you like). TIED=1 adds
# --tie-embeddings (the vocabulary layer reuses the token embedding) and "-tied" to the run names;
# RDROP=0.5 adds --recurrent-dropout 0.5 (DropConnect on the decoder GRU's hidden-to-hidden
# weights) and "-rd0.5"; ZSTEP=1 adds --z-every-step (z joins the decoder's input at every step)
# and "-zstep" (vae only).
# PTB (ptb.train.txt, ptb.valid.txt, ptb.test.txt; docs/ptb.md says where to get them) is read
# from data/ptb (or $PTB). Roughly 8 minutes an epoch per run on 2 cores
# with both running; a run's best checkpoint is usable at any time, so eval may come before the
# end of training.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
usage="usage: docs/scripts/ptb.sh train|resume|eval|average [RUNS_DIR [vae|lm|both]]"
what="${1:?$usage}"
runs="${2:-runs}"
which="${3:-both}"
D="${PTB:-data/ptb}"
hidden="${HIDDEN:-256}"
suffix=""
[[ "$hidden" == 256 ]] || suffix="-h$hidden"
model_options=() # beyond the GRU size: tied embeddings, recurrent dropout, z at every step
if [[ "${TIED:-0}" == 1 ]]; then
    model_options=(--tie-embeddings)
    suffix="$suffix-tied"
fi
if [[ -n "${RDROP:-}" ]]; then
    model_options+=(--recurrent-dropout "$RDROP")
    suffix="$suffix-rd$RDROP"
fi
if [[ "${ZSTEP:-0}" == 1 ]]; then
    model_options+=(--z-every-step)
    suffix="$suffix-zstep"
fi
case "$which" in
vae | lm | both) ;;
*)
    echo "$usage" >&2
    exit 2
    ;;
esac
wants() { [[ "$which" == both || "$which" == "$1" ]]; }
if [[ "${ZSTEP:-0}" == 1 ]] && wants lm; then
    echo "ZSTEP=1 is for the VAE only (a language model has no z): add 'vae'" >&2
    exit 2
fi
vae="$runs/ptb-vae$suffix"
lm="$runs/ptb-lm${suffix%-zstep}" # the baseline a -zstep VAE is compared with
common=(--hidden "$hidden" --corpus "$D/ptb.train.txt" --valid "$D/ptb.valid.txt" --vocab vocab/ptb.tokenizer.json
    --epochs 40 --batch-size 32 --word-dropout 0.25 --seed 42 --dropout 0.5
    --lr-decay 0.5 --stop-after-decays 3 --checkpoint-every 1000 --keep-epochs --no-progress
    "${model_options[@]}")
jar="$runs/textvae-ptb$suffix.jar"

# The runs go to the background side by side; each one's exit status is checked, so a run refused
# at its start (a bad option, an existing folder) fails the script and names its log.
declare -A pids=()
wait_for_runs() {
    local failed=0 pid
    for pid in "${!pids[@]}"; do
        if ! wait "$pid"; then
            echo "a run failed; see ${pids[$pid]}: $(tail -n 1 "${pids[$pid]}")" >&2
            failed=1
        fi
    done
    return "$failed"
}

case "$what" in
train)
    mkdir -p "$runs"
    ./textvae --help > /dev/null # builds the jar; the runs use a copy, safe from rebuilds
    cp target/textvae.jar "$jar"
    if wants vae; then
        TEXTVAE_JAR="$jar" ./textvae --threads 1 train "${common[@]}" --latent 32 \
            --kl-schedule logistic:2500:0.0025 --free-bits 0.15 --out "$vae" > "$vae.log" 2>&1 &
        pids[$!]="$vae.log"
    fi
    if wants lm; then
        TEXTVAE_JAR="$jar" ./textvae --threads 1 train "${common[@]}" --model lm \
            --out "$lm" > "$lm.log" 2>&1 &
        pids[$!]="$lm.log"
    fi
    wait_for_runs
    ;;
resume)
    # A resumed run takes its settings from its own folder; the logs grow by appending. The copy of
    # the jar made by train is used again, so the runs compute what they computed before.
    [[ -f "$jar" ]] || { ./textvae --help > /dev/null; cp target/textvae.jar "$jar"; }
    if wants vae; then
        TEXTVAE_JAR="$jar" ./textvae --threads 1 train --resume "$vae" --no-progress >> "$vae.log" 2>&1 &
        pids[$!]="$vae.log"
    fi
    if wants lm; then
        TEXTVAE_JAR="$jar" ./textvae --threads 1 train --resume "$lm" --no-progress >> "$lm.log" 2>&1 &
        pids[$!]="$lm.log"
    fi
    wait_for_runs
    ;;
eval)
    # A plain-text file is one split, called "train"; eval scores the run's best checkpoint.
    test=(--corpus "$D/ptb.test.txt" --split train)
    if wants vae; then
        lm_option=()
        [[ -d "$lm" ]] && lm_option=(--lm "$lm")
        ./textvae eval --model "$vae" "${test[@]}" --iw-samples 100 "${lm_option[@]}" \
            --out "$vae/eval-test-k100.csv" --force
    fi
    if wants lm; then
        ./textvae eval --model "$lm" "${test[@]}" --out "$lm/eval-test.csv" --force
    fi
    ;;
average)
    # Checkpoint averaging over the epochs each run kept (--keep-epochs): the mean of the last K,
    # for K = 1..6, scored on the validation split (one z per sentence, eval's fixed seed, so the
    # candidates see the same draws); the best K's mean is kept as mean.ckpt and scored on test.
    valid=(--corpus "$D/ptb.valid.txt" --split train --iw-samples 1 --samples 2)
    test=(--corpus "$D/ptb.test.txt" --split train)
    for run in "$vae" "$lm"; do
        [[ "$run" == "$vae" ]] && ! wants vae && continue
        [[ "$run" == "$lm" ]] && ! wants lm && continue
        mapfile -t kept < <(ls "$run"/checkpoints/epoch-*.ckpt)
        best_k=0 best_score=""
        for k in 1 2 3 4 5 6; do
            ((k <= ${#kept[@]})) || break
            ./textvae average --out "$run/mean-last$k.ckpt" --force "${kept[@]: -k}" > /dev/null
            score=$(./textvae --threads 1 eval --model "$run/mean-last$k.ckpt" "${valid[@]}" \
                --out "$run/eval-valid-mean-last$k.csv" --force | awk '/^-ELBO/ {print $5}')
            echo "$run: mean of the last $k kept epochs, validation -ELBO $score"
            if [[ -z "$best_score" ]] || awk "BEGIN {exit !($score < $best_score)}"; then
                best_k=$k best_score=$score
            fi
        done
        cp "$run/mean-last$best_k.ckpt" "$run/mean.ckpt"
        echo "$run: keeping the mean of the last $best_k as $run/mean.ckpt"
        if [[ "$run" == "$vae" ]]; then
            lm_option=()
            [[ -d "$lm" ]] && lm_option=(--lm "$lm")
            ./textvae eval --model "$run/mean.ckpt" "${test[@]}" --iw-samples 100 "${lm_option[@]}" \
                --out "$run/eval-test-mean-k100.csv" --force
        else
            ./textvae eval --model "$run/mean.ckpt" "${test[@]}" --out "$run/eval-test-mean.csv" --force
        fi
    done
    ;;
*)
    echo "$usage" >&2
    exit 2
    ;;
esac
