#!/usr/bin/env bash
# For runs started before `train --keep-epochs` existed: waits beside them and, after each
# epoch-end validation in a run's train.log, copies its checkpoints/last.ckpt (written seconds
# after that line) to epochs/step-N.ckpt and exports its weights as checkpoints/epoch-NNN.ckpt,
# the file --keep-epochs writes. One difference: after a plateau decay, last.ckpt holds the best
# weights the run went back to, not the rejected ones --keep-epochs keeps. Start it before a run's
# first mid-epoch checkpoint, or its first copy may hold a later step than its name says.
# Usage: docs/scripts/keep-epochs-by-copy.sh STEPS_PER_EPOCH JAR RUN_DIR...   (runs until killed)
# The recurrent-dropout Penn Treebank runs used 1342 (42,028 sentences in batches of up to 32
# sentences of one length) and their frozen jar:
#   docs/scripts/keep-epochs-by-copy.sh 1342 runs/textvae-ptb-h512-rd0.5.jar \
#       runs/ptb-vae-h512-rd0.5 runs/ptb-lm-h512-rd0.5
set -uo pipefail
per_epoch=${1:?usage: STEPS_PER_EPOCH JAR RUN_DIR...}
jar=${2:?usage: STEPS_PER_EPOCH JAR RUN_DIR...}
shift 2
while true; do
    for run in "$@"; do
        step=$(grep -E "step [0-9,]+: valid" "$run/train.log" | tail -1 |
            sed -E 's/.*step ([0-9,]+):.*/\1/' | tr -d ,)
        [[ -n "$step" && ! -f "$run/epochs/step-$step.ckpt" ]] || continue
        mkdir -p "$run/epochs"
        sleep 20 # the epoch-end checkpoint follows the validation line
        cp "$run/checkpoints/last.ckpt" "$run/epochs/step-$step.ckpt.tmp" &&
            mv "$run/epochs/step-$step.ckpt.tmp" "$run/epochs/step-$step.ckpt"
        printf -v kept "%s/checkpoints/epoch-%03d.ckpt" "$run" $((step / per_epoch))
        java -jar "$jar" export --model "$run/epochs/step-$step.ckpt" --out "$kept" > /dev/null
        echo "$(date +%T) $run step $step -> $kept"
    done
    sleep 30
done
