#!/usr/bin/env python3
"""The reference's 1-N knowledge-graph model at another table width, timed by the reference's own code.

../shared/bench/torch_reference.py times its 1-N models (wordnet-complex, wordnet-distmult, wordnet-mlp-1n) with a
table 64 wide; wordnet-links-distmult ships one 256 wide. This script imports the reference as shipped (its folder
is put on sys.path; the file is never copied or changed), builds its own `OneToAll` model with the same entities
(4,000), relations (12), batch (128), loss and optimizer as its `one_to_all()` does, only `--dim` wide, and times it
with its own `time_model` (data made ahead, Adam, median step) at 1 and 2 threads, keeping the faster (`--threads
best`, as the reference does). Importing the reference also restarts this script without an inherited
OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE, as the reference does for itself.

Denormal numbers: at 256 wide most entities' softmax probabilities fall below float's normal range, and the products
of the backward pass on those slow x86 down many times (the reference's step 30 ms, its three products 84 % of it;
the same products on normal numbers 1.7 ms each). `--denormals flush` (the default) turns on PyTorch's own
`torch.set_flush_denormal(True)` first — PyTorch at its best at this width; `--denormals keep` runs as the reference
does. (DeepWire's 1-N loss holds exp's argument above -87, where float's normal numbers end, so it makes none.)

Prints one line in the reference's format, the model named `<model>@<dim>`, and the denormal setting last:
`wordnet-distmult@256 ms_per_step=<median> samples_per_s=<n> params=<count> threads=<n> blas=<kernels> denormals=flush`.
Usage: reference_at_width.py wordnet-distmult|wordnet-complex|wordnet-mlp-1n --dim D [--steps N] [--warmup N]
       [--threads 1|2|best] [--denormals flush|keep] [--reference PATH]
"""
import argparse, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
KINDS = {"wordnet-distmult": "distmult", "wordnet-complex": "complex", "wordnet-mlp-1n": "mlp"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model", choices=sorted(KINDS))
    ap.add_argument("--dim", type=int, required=True)
    ap.add_argument("--steps", type=int, default=200)
    ap.add_argument("--warmup", type=int, default=30)
    ap.add_argument("--threads", default="best", help="1, 2, ... or best (the faster of 1 and 2)")
    ap.add_argument("--denormals", choices=["flush", "keep"], default="flush",
                    help="flush (the default): torch.set_flush_denormal(True), PyTorch at its best here; keep: as the "
                         "reference runs")
    ap.add_argument("--reference", default=os.path.join(os.path.dirname(ROOT), "shared", "bench", "torch_reference.py"))
    a = ap.parse_args()
    if a.dim < 1:
        sys.exit("--dim must be 1 or more")
    sys.path.insert(0, os.path.dirname(os.path.abspath(a.reference)))
    import torch_reference as ref  # as shipped; restarts this script without inherited OpenBLAS settings

    name = f"{a.model}@{a.dim}"
    if a.denormals == "flush" and not ref.torch.set_flush_denormal(True):
        sys.exit("this CPU cannot flush denormal numbers to zero; use --denormals keep")

    def make():
        batch, entities, relations = 128, 4000, 12  # as the reference's one_to_all()
        model = ref.OneToAll(KINDS[a.model], entities, relations, a.dim)
        data = lambda: ((ref.torch.randint(0, entities, (batch,)), ref.torch.randint(0, relations, (batch,))),
                        ref.torch.randint(0, entities, (batch,)))
        return model, data, ref.nn.CrossEntropyLoss(), batch

    ref.MODELS[name] = make
    counts = [1, 2] if a.threads == "best" else [int(a.threads)]
    runs = {t: ref.time_model(name, a.steps, a.warmup, t) for t in counts}
    threads = min(runs, key=lambda t: runs[t][0])
    ms, batch, params = runs[threads]
    print(f"{name} ms_per_step={ms:.3f} samples_per_s={batch * 1000 / ms:.0f} params={params} "
          f"threads={threads} blas={ref.blas_core()} denormals={a.denormals}")


if __name__ == "__main__":
    main()
