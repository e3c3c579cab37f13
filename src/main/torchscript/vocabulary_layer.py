"""Writes src/main/resources/org/textvae/model/vocabulary-layer.pt, the TorchScript archive that
org.textvae.model.PackedVocabularyLayer loads to run the decoder's vocabulary layer during
generation.

Why: a perf profile of batched greedy generation (docs/performance.md) put 69% of the samples in
MKL's sgemm kernel, 9% in MKL copying (packing) the vocabulary layer's weight before every
product, and 11% in PyTorch's argmax over the last dimension, which compares one element at a
time. DJL reaches neither of the remedies below:

- oneDNN's inner product, with the weight laid out for it once (mkldnn::_reorder_linear_weight):
  at 128 rows of the default model's shape it took half the time of the linear layer's MKL product
  on this machine. The arithmetic is the same, summed in another order, so the logits differ from
  the linear layer's in the last bits (relative 7e-7 at most, measured); each row's logits do not
  depend on the other rows of its batch.
- The first index of each row's maximum found in two levels: amax over blocks of `block` columns
  (vectorised), argmax over the block maxima (the first block that holds the row's maximum), then
  argmax inside that block. Both levels return first indices, so the result is argmax's, ties and
  NaN included. 0.12 ms against 0.74 ms for argmax over a (128, 6661) matrix.

The archive holds code only, no weights. It is data, not built by Maven: CI and users load the
committed file and need no Python. To rebuild it (needs torch; the archive loads in the pinned
libtorch 2.7.1):
    python3 src/main/torchscript/vocabulary_layer.py
"""
import os

import torch
from torch import Tensor


class VocabularyLayer(torch.nn.Module):

    def forward(self, weight: Tensor, rows: int) -> Tensor:
        """The weight (vocabulary, hidden) laid out for oneDNN products of about `rows` rows (any
        number of rows works)."""
        with torch.no_grad():
            return torch.ops.mkldnn._reorder_linear_weight(weight, rows)

    @torch.jit.export
    def logits(self, state: Tensor, packed: Tensor, bias: Tensor) -> Tensor:
        """state · weightᵀ + bias, (rows, vocabulary)."""
        with torch.no_grad():
            return torch.ops.mkldnn._linear_pointwise(state, packed, bias, "none", [], "")

    @torch.jit.export
    def first_max(self, values: Tensor, block: int) -> Tensor:
        """argmax(values, 1) (int64) of a (rows, columns) matrix, found blockwise."""
        with torch.no_grad():
            rows = values.size(0)
            columns = values.size(1)
            whole = columns // block * block
            maxima = [values[:, :whole].reshape(rows, whole // block, block).amax(2)]
            if whole < columns:
                maxima.append(values[:, whole:].amax(1, keepdim=True))
            start = torch.cat(maxima, 1).argmax(1, keepdim=True) * block
            # Positions past the last column repeat the last column: they come after it, so they
            # never win over an earlier equal value.
            offsets = torch.arange(block, dtype=torch.int64, device=values.device).unsqueeze(0)
            positions = (start + offsets).clamp_max(columns - 1)
            inside = values.gather(1, positions).argmax(1, keepdim=True)
            return positions.gather(1, inside).squeeze(1)

    @torch.jit.export
    def most_likely(self, state: Tensor, packed: Tensor, bias: Tensor, block: int) -> Tensor:
        """Each row's greedy token: first_max of logits, without handing the logits back."""
        return self.first_max(self.logits(state, packed, bias), block)


if __name__ == "__main__":
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    target = os.path.join(root, "src", "main", "resources", "org", "textvae", "model",
                          "vocabulary-layer.pt")
    torch.jit.script(VocabularyLayer()).save(target)
    print("wrote", target, "with torch", torch.__version__)
