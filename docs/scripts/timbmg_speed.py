"""Training speed of timbmg/Sentence-VAE, an outside yardstick, on this machine.

Runs the project's own train.py, unmodified, with its defaults (PTB, GRU 256, embedding 300,
latent 16, batch 32, DataLoader workers = cores, PyTorch's default threads). Nothing of it is
copied here: this script only wraps it from outside, counting each batch's tokens (the sum of its
`length` field, which counts <sos>..last word, as many as the targets with <eos>) as the model
sees them and timing optimiser steps WARM to WARM + TIMED, then stops the run.

Usage: python timbmg_speed.py TIMBMG_DIR [WARM] [TIMED]   (run it in a scratch folder holding
data/ptb.train.txt and data/ptb.valid.txt; timbmg's script writes its files there)
"""
import os
import runpy
import sys
import time
import types

source = os.path.abspath(sys.argv[1])
warm = int(sys.argv[2]) if len(sys.argv) > 2 else 50
timed = int(sys.argv[3]) if len(sys.argv) > 3 else 300
sys.path.insert(0, source)

try:
    import tensorboardX  # noqa: F401  (only used with -tb, but imported unconditionally)
except ImportError:
    sys.modules["tensorboardX"] = types.SimpleNamespace(SummaryWriter=None)

import torch  # noqa: E402
import model  # noqa: E402  (timbmg's model.py)

state = {"steps": 0, "tokens": 0, "start": None}
forward = model.SentenceVAE.forward
step = torch.optim.Adam.step


def counting_forward(self, input_sequence, length):
    if self.training and state["start"] is not None:
        state["tokens"] += int(length.sum())
    return forward(self, input_sequence, length)


def timed_step(self, *args, **kwargs):
    result = step(self, *args, **kwargs)
    state["steps"] += 1
    if state["steps"] == warm:
        state["start"] = time.perf_counter()
    elif state["steps"] == warm + timed:
        seconds = time.perf_counter() - state["start"]
        # The forward of the step after the last timed one has not run yet: the count is exact.
        print("timbmg,%d,%d,%.2f,%.0f" % (timed, state["tokens"], seconds, state["tokens"] / seconds),
              flush=True)
        os._exit(0)  # DataLoader workers would otherwise keep the run alive
    return result


model.SentenceVAE.forward = counting_forward
torch.optim.Adam.step = timed_step
print("tool,steps,tokens,seconds,tokens_per_s", flush=True)
sys.argv = [os.path.join(source, "train.py")]
runpy.run_path(sys.argv[0], run_name="__main__")
