"""Writes src/main/resources/org/textvae/train/fused-adam.pt, the TorchScript archive that
org.textvae.train.FusedAdamKernel loads to take one Adam step in a single pass over memory.

Why: DJL exposes PyTorch's element-wise operators one call at a time, so an Adam step written with
them reads and writes every parameter-sized array about 36 times (gradient norm, clipping, both
moments, bias correction, update, zeroing). PyTorch's own fused CPU kernel (torch._fused_adam_,
PyTorch >= 2.4) does the moments and the update in one pass, and the _foreach_ operators do the
norm and the zeroing in one pass each. DJL can run a TorchScript method, so this archive is the
bridge. It holds no weights, only the code below.

The archive is data, not built by Maven: CI and users load the committed file and need no Python.
To rebuild it (needs torch; the archive loads in the pinned libtorch 2.7.1):
    python3 src/main/torchscript/fused_adam.py
"""
import os
from typing import Final, List, Optional

import torch
from torch import Tensor


class FusedAdam(torch.nn.Module):
    # Adam's usual constants (Kingma and Ba 2015), the ones textvae has always trained with.
    beta1: Final[float] = 0.9
    beta2: Final[float] = 0.999
    epsilon: Final[float] = 1e-8

    def forward(self, params: List[Tensor], grads: List[Tensor], first: List[Tensor],
                second: List[Tensor], step: float, lr: float, max_norm: float) -> float:
        """Clips the gradients to a global L2 norm of max_norm (0: no clipping), takes Adam step
        number `step` (1-based, bias correction included), zeroes the gradients and returns their
        norm before clipping. Clipping scales the gradients inside the kernel, before either
        moment sees them, as Adam with clipping does."""
        with torch.no_grad():
            # Each norm is accumulated in double: a gradient of 1e20 squares past float's range.
            norms = torch._foreach_norm(grads, 2, dtype=torch.float64)
            norm = float(torch.linalg.vector_norm(torch.stack(norms)).item())
            unscale: Optional[Tensor] = None
            if max_norm > 0 and norm > max_norm:
                # The kernel divides each gradient by this: g * max_norm / (norm + 1e-6).
                unscale = torch.full([1], (norm + 1e-6) / max_norm)
            steps = [torch.full([1], step) for _ in params]
            torch._fused_adam_(params, grads, first, second, [], steps, lr=lr, beta1=self.beta1,
                               beta2=self.beta2, weight_decay=0.0, eps=self.epsilon, amsgrad=False,
                               maximize=False, grad_scale=unscale, found_inf=None)
            torch._foreach_zero_(grads)
            return norm


if __name__ == "__main__":
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    target = os.path.join(root, "src", "main", "resources", "org", "textvae", "train", "fused-adam.pt")
    torch.jit.script(FusedAdam()).save(target)
    print("wrote", target, "with torch", torch.__version__)
