#!/usr/bin/env bash
# DRAFT (issue 10, "The proof on a GPU machine"): never run yet; no GPU machine was
# available when it was written. One run, meant to take under 9 minutes on an NVIDIA
# H100/H200 with CUDA, CMake, ninja and a CUDA PyTorch 2.x (C++ headers and CMake files
# included) and nothing else of this project's dependencies:
#   1. build the headless core + CLI + benchmarks against that PyTorch's LibTorch, with
#      the carried bundle (BUNDLE: a prefix holding a minimal OpenCV with core, imgproc
#      and imgcodecs, SQLite, zlib, xxHash, liblinear, nlohmann-json, CLI11, and
#      fashion-mnist/ with the IDX files);
#   2. score Fashion-MNIST (60 000) with the default sweep on the GPU;
#   3. ResNet-18 (CIFAR form) training + EL2N on 50 000 CIFAR-shaped images, and the same
#      ResNet-18 training in Python with the machine's own PyTorch (channels-last, bf16
#      autocast), and the ratio;
#   4. GPU against CPU EL2N on the same seed and subset (Spearman, target >= 0.9);
#   5. peak GPU memory (nvidia-smi, sampled every 200 ms).
# Everything it prints and writes goes under OUT.
#   usage: scripts/gpu-check.sh OUT [BUNDLE]     (BUNDLE default: shared/gpu-bundle)
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(realpath -m "${1:?usage: gpu-check.sh OUT [BUNDLE]}")"
BUNDLE="$(realpath -m "${2:-$ROOT/shared/gpu-bundle}")"
PY="${PYTHON:-python3}"
mkdir -p "$OUT"
exec > >(tee "$OUT/gpu-check.log") 2>&1
step() { echo "== $(date -u +%T) $*"; }
elapsed() { echo $(( $(date +%s) - $1 )); }

step "machine"
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv | tee "$OUT/gpu.csv"
"$PY" -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda)' | tee "$OUT/torch.txt"
nproc

step "peak GPU memory sampling"
nvidia-smi --query-gpu=memory.used --format=csv,noheader,nounits -lms 200 > "$OUT/gpu_memory_mib.txt" &
SAMPLER=$!
trap 'kill "$SAMPLER" 2>/dev/null' EXIT

step "build (headless, LibTorch of $PY's PyTorch, bundle $BUNDLE)"
t0=$(date +%s)
TORCH_PREFIX="$("$PY" -c 'import torch; print(torch.utils.cmake_prefix_path)')"
cmake -S "$ROOT" -B "$OUT/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPRUNESCOPE_BUILD_GUI=OFF \
  -DPRUNESCOPE_BUILD_TESTS=OFF -DCMAKE_PREFIX_PATH="$TORCH_PREFIX;$BUNDLE" > "$OUT/configure.log" 2>&1 ||
  { tail -30 "$OUT/configure.log"; exit 1; }
grep -E "LibTorch|CUDA" "$OUT/configure.log"
ninja -C "$OUT/build" prunescope-cli bench_scoring bench_decode > "$OUT/build.log" 2>&1 ||
  { grep -E "error|FAILED" "$OUT/build.log" | head -40; exit 1; }
echo "build: $(elapsed "$t0") s, warnings: $(grep -c 'warning:' "$OUT/build.log")"
CLI="$OUT/build/app/prunescope-cli"
export LD_LIBRARY_PATH="$BUNDLE/lib:${LD_LIBRARY_PATH:-}"

step "Fashion-MNIST (60 000), default sweep, on the GPU"
t0=$(date +%s)
"$CLI" score "$BUNDLE/fashion-mnist" --device cuda --db "$OUT/store.sqlite" --out "$OUT/fashion_scores.csv" --quiet
echo "fashion-mnist default sweep: $(elapsed "$t0") s"

step "CIFAR-shaped data (50 000 + 10 000, CIFAR-10 binary batches)"
"$PY" - "$OUT/cifar" <<'PYEOF'
import os, sys, numpy as np
out = sys.argv[1]; os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(0)
def batch(n):  # label-dependent colour and stripes plus noise: learnable, CIFAR-shaped
    y = rng.integers(0, 10, n, dtype=np.uint8)
    base = (y[:, None, None, None] * 23 + np.arange(3)[None, :, None, None] * 60) % 256
    stripes = (np.arange(32)[None, None, :, None] * (1 + y[:, None, None, None] % 4)) % 64
    x = np.clip(base + stripes + rng.normal(0, 30, (n, 3, 32, 32)), 0, 255).astype(np.uint8)
    return np.concatenate([y[:, None], x.reshape(n, -1)], axis=1).tobytes()
for i in range(1, 6):
    open(f"{out}/data_batch_{i}.bin", "wb").write(batch(10000))
open(f"{out}/test_batch.bin", "wb").write(batch(10000))
PYEOF

step "ResNet-18 (CIFAR form): 2 epochs of training + EL2N on 50 000 images, GPU"
t0=$(date +%s)
"$CLI" score "$OUT/cifar" --score el2n --model resnet18 --epochs 2 --seeds 1 --el2n-epoch 2 --device cuda \
  --db "$OUT/store.sqlite" --out "$OUT/cifar_el2n_gpu.csv" --quiet
CXX_S=$(elapsed "$t0")
echo "PruneScope: $CXX_S s for 2 epochs + one EL2N pass (build of data and model included)"

step "the same ResNet-18 training in Python (channels-last, bf16 autocast), 2 epochs"
"$PY" - "$OUT/cifar" <<'PYEOF' | tee "$OUT/python_resnet18.txt"
import sys, time, numpy as np, torch, torch.nn as nn, torch.nn.functional as F
d = sys.argv[1]
raw = np.concatenate([np.fromfile(f"{d}/data_batch_{i}.bin", np.uint8).reshape(-1, 3073) for i in range(1, 6)])
y = torch.from_numpy(raw[:, 0].astype(np.int64)).cuda()
x = torch.from_numpy(raw[:, 1:].reshape(-1, 3, 32, 32)).cuda().float().div_(255)
x = ((x - x.mean((0, 2, 3), keepdim=True)) / x.std((0, 2, 3), keepdim=True)).contiguous(memory_format=torch.channels_last)
class Block(nn.Module):
    def __init__(s, i, o, st):
        super().__init__()
        s.c1, s.b1 = nn.Conv2d(i, o, 3, st, 1, bias=False), nn.BatchNorm2d(o)
        s.c2, s.b2 = nn.Conv2d(o, o, 3, 1, 1, bias=False), nn.BatchNorm2d(o)
        s.sc = nn.Sequential() if st == 1 and i == o else nn.Sequential(nn.Conv2d(i, o, 1, st, bias=False), nn.BatchNorm2d(o))
    def forward(s, t):
        return F.relu(s.b2(s.c2(F.relu(s.b1(s.c1(t))))) + s.sc(t))
class ResNet18(nn.Module):
    def __init__(s):
        super().__init__()
        s.stem, s.bn = nn.Conv2d(3, 64, 3, 1, 1, bias=False), nn.BatchNorm2d(64)
        layers, i = [], 64
        for k, w in enumerate([64, 128, 256, 512]):
            for b in range(2):
                layers.append(Block(i, w, 2 if k > 0 and b == 0 else 1)); i = w
        s.layers, s.fc = nn.Sequential(*layers), nn.Linear(512, 10)
    def forward(s, t):
        return s.fc(F.adaptive_avg_pool2d(s.layers(F.relu(s.bn(s.stem(t)))), 1).flatten(1))
torch.manual_seed(0)
m = ResNet18().cuda().to(memory_format=torch.channels_last)
opt = torch.optim.SGD(m.parameters(), lr=0.05, momentum=0.9, weight_decay=5e-4)
torch.backends.cudnn.benchmark = True
def epoch():
    perm = torch.randperm(len(y), device="cuda")
    for s in range(0, len(y), 128):
        i = perm[s:s + 128]
        with torch.autocast("cuda", dtype=torch.bfloat16):
            loss = F.cross_entropy(m(x[i]), y[i])
        opt.zero_grad(set_to_none=True); loss.backward(); opt.step()
epoch(); torch.cuda.synchronize()  # warm-up epoch (cudnn autotuning), not timed
t = time.perf_counter(); epoch(); epoch(); torch.cuda.synchronize(); dt = time.perf_counter() - t
print(f"python_train_images_per_s={2 * len(y) / dt:.0f}")
PYEOF

step "EL2N on the GPU against the CPU (first 5 000 examples, seed 0, 2 epochs)"
for dev in cuda cpu; do
  "$CLI" score "$OUT/cifar" --score el2n --model small_cnn --epochs 2 --seeds 1 --el2n-epoch 2 --limit 5000 \
    --device "$dev" --db "$OUT/agree_$dev.sqlite" --out "$OUT/agree_$dev.csv" --quiet
done
"$PY" - "$OUT/agree_cuda.csv" "$OUT/agree_cpu.csv" <<'PYEOF' | tee "$OUT/agreement.txt"
import sys, csv, numpy as np
def col(p):
    r = list(csv.DictReader(open(p)))
    k = [c for c in r[0] if "el2n" in c][0]
    return np.array([float(x[k]) for x in r])
a, b = col(sys.argv[1]), col(sys.argv[2])
ra, rb = a.argsort().argsort(), b.argsort().argsort()
print(f"spearman_gpu_cpu={np.corrcoef(ra, rb)[0, 1]:.4f} (target >= 0.9)")
PYEOF

kill "$SAMPLER" 2>/dev/null
step "summary"
{
  echo "peak GPU memory: $(sort -n "$OUT/gpu_memory_mib.txt" | tail -1) MiB"
  echo "PruneScope ResNet-18, 2 epochs + EL2N: $CXX_S s"
  cat "$OUT/python_resnet18.txt" "$OUT/agreement.txt"
} | tee "$OUT/summary.txt"
# TODO before the first real run: a timed training-throughput figure from the C++ side
# (bench_scoring with --model resnet18 --data DIR) so that the ratio is images/s against
# images/s, not a wall time that includes the scoring pass.
