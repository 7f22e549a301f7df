"""Python reference for scripts/gpu-check.sh: S seeds of ResNet-18 (CIFAR form) trained
together the way a PyTorch user would on one GPU: torch.func model ensembling (the
seeds' weights and batch-norm buffers stacked, one vmap over functional_call for the
forward and backward of all seeds at once), each seed with its own initialisation, its
own data order (a per-seed permutation) and its own SGD momentum; bf16 autocast and
cuDNN autotuning on the GPU; no augmentation. Then one EL2N pass per seed on
un-augmented inputs. Same recipe as reference_resnet18.py: SGD lr 0.05, momentum 0.9,
weight decay 5e-4, batch 128.

  reference_seeds.py --data DIR [--device cuda|cpu] [--seeds 10] [--epochs 1]
                     [--warmup-epochs 1] [--limit N] [--batch-size 128]

Prints key=value lines: seeds, images, train_seed_images_per_s (seeds x images x epochs
per second of training) and el2n_seconds (the S EL2N passes).
With PyTorch 1.13 (Debian 12's python3-torch, the CPU dry run of gpu-check.sh) there is
no torch.func: the same ensembling runs on functorch's vmap and grad, which 1.13 ships,
with torch.nn.utils.stateless.functional_call and the stacking written out.
"""
import argparse
import contextlib
import copy
import glob
import time

import numpy as np
import torch
import torch.nn.functional as F

try:  # PyTorch 2.x
    from torch.func import functional_call as _functional_call, grad, stack_module_state, vmap

    def call(module, params, buffers, args):
        return _functional_call(module, (params, buffers), args)

    ENSEMBLING = "torch.func"
except ImportError:  # PyTorch 1.13 (Debian 12's python3-torch): the same transforms in functorch
    from functorch import grad, vmap
    from torch.nn.utils.stateless import functional_call as _functional_call

    def call(module, params, buffers, args):  # 1.13 takes one dict of parameters and buffers
        return _functional_call(module, {**params, **buffers}, args)

    def stack_module_state(models):  # torch.func.stack_module_state, written out
        params = {k: torch.stack([dict(m.named_parameters())[k].detach() for m in models]) for k, _ in
                  models[0].named_parameters()}
        buffers = {k: torch.stack([dict(m.named_buffers())[k] for m in models]) for k, _ in models[0].named_buffers()}
        return params, buffers

    ENSEMBLING = "functorch"

from reference_resnet18 import ResNet18


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--device", default="cuda")
    ap.add_argument("--seeds", type=int, default=10)
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--warmup-epochs", type=int, default=1)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--batch-size", type=int, default=128)
    a = ap.parse_args()
    dev = torch.device(a.device)
    gpu = dev.type == "cuda"
    files = sorted(glob.glob(f"{a.data}/data_batch_*.bin"))
    raw = np.concatenate([np.fromfile(f, np.uint8).reshape(-1, 3073) for f in files])
    if a.limit > 0:
        raw = raw[: a.limit]
    y = torch.from_numpy(raw[:, 0].astype(np.int64)).to(dev)
    x = torch.from_numpy(raw[:, 1:].reshape(-1, 3, 32, 32)).to(dev).float().div_(255)
    x = (x - x.mean((0, 2, 3), keepdim=True)) / x.std((0, 2, 3), keepdim=True)
    n, S, B = len(y), a.seeds, a.batch_size
    models = []
    for s in range(S):
        torch.manual_seed(s)
        models.append(ResNet18().to(dev))
    params, buffers = stack_module_state(models)  # each [S, ...]
    base = copy.deepcopy(models[0]).to("meta")
    if gpu:
        torch.backends.cudnn.benchmark = True

    def loss_of(p, b, xs, ys):
        out = call(base, p, b, (xs,))
        return F.cross_entropy(out, ys)

    def grads_of(p, b, xs, ys):
        return grad(loss_of)(p, b, xs, ys)

    all_grads = vmap(grads_of, in_dims=(0, 0, 0, 0), randomness="different")
    momentum = {k: torch.zeros_like(v) for k, v in params.items()}
    gens = [torch.Generator(device=dev).manual_seed(1000 + s) for s in range(S)]

    def epoch():
        perms = torch.stack([torch.randperm(n, device=dev, generator=g) for g in gens])  # S x n
        for start in range(0, n - B + 1, B):  # whole batches: every seed a batch of the same size
            idx = perms[:, start : start + B]
            amp = torch.autocast("cuda", dtype=torch.bfloat16) if gpu else contextlib.nullcontext()
            with amp:
                g = all_grads(params, buffers, x[idx], y[idx])
            with torch.no_grad():
                for k, p in params.items():
                    d = g[k].float() + 5e-4 * p
                    momentum[k].mul_(0.9).add_(d)
                    p.sub_(0.05 * momentum[k])

    def sync():
        if gpu:
            torch.cuda.synchronize()

    for _ in range(a.warmup_epochs):
        epoch()
    sync()
    t = time.perf_counter()
    for _ in range(a.epochs):
        epoch()
    sync()
    dt = time.perf_counter() - t
    # EL2N of every seed on un-augmented inputs (eval mode: the stacked running statistics).
    base_eval = copy.deepcopy(models[0]).to("meta").eval()
    t2 = time.perf_counter()
    with torch.no_grad():
        amp = torch.autocast("cuda", dtype=torch.bfloat16) if gpu else contextlib.nullcontext()
        el2n = []
        for s0 in range(0, n, 512):
            xs = x[s0 : s0 + 512]
            with amp:
                logits = vmap(lambda p, b: call(base_eval, p, b, (xs,)))(params, buffers)
            err = torch.softmax(logits.float(), -1) - F.one_hot(y[s0 : s0 + 512], 10).float()
            el2n.append(err.norm(dim=-1))
        el2n = torch.cat(el2n, 1)
    sync()
    dt2 = time.perf_counter() - t2
    print(f"torch={torch.__version__} ensembling={ENSEMBLING} device={dev} images={n} seeds={S} batch={B}", flush=True)
    print(f"seeds={S}\nimages={n}")
    print(f"train_seed_images_per_s={S * a.epochs * (n // B) * B / dt:.0f}")
    print(f"el2n_seconds={dt2:.3f}\nmean_el2n={el2n.mean().item():.4f}")


if __name__ == "__main__":
    main()
