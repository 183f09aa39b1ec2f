#!/usr/bin/env python3
"""Time to quality in PyTorch: the marker sample's network trained on marker's own data until validation accuracy
reaches a target (95 %), the PyTorch half of the pair in docs/performance.sh's "quality" section.

The network is the reference's own: `marker()` of ../shared/bench/torch_reference.py, imported as shipped (its
folder is put on sys.path; the file is never copied). Its sizes are checked against the project's graph
(vocabulary, length, width, heads, feed-forward width, blocks, classes, batch size) and a mismatch is refused.
The data is the project's `marker` dataset made exactly as DeepWire's MarkerDataset makes it: java.util.Random
seeded with the dataset's seed, the training examples first, then the validation ones (same token ids, same
split; no padding, so no mask). Training: Adam at the project's learning rate (1e-3) and batch size (64), the
training examples shuffled each epoch (the last, smaller batch kept, as DeepWire does), validation accuracy after
every epoch. The clock starts with the first step (the model built and the data made before).

Prints `epoch=<n> val_acc=<x> seconds=<wall since start of training>` per epoch, then
`reached=<target> epoch=<n> seconds=<s>` at the first epoch at or above the target (training stops there unless
--full), or `not reached=<target> epochs=<n> seconds=<s> best_val_acc=<x>`.
--threads best (the default) trains one epoch at 1 and at 2 threads first (each from the same start, thrown
away), keeps the faster and prints which; the timed run then starts afresh.
Runs with /usr/bin/python3 and Debian's python3-torch (apt-get install python3-torch libopenblas0-openmp).
Usage: time_to_quality.py [--reference PATH] [--project PATH] [--seed S] [--threads 1|2|best]
                          [--max-epochs N] [--target 0.95] [--full] [--print-data]
"""
import argparse, json, os, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class JavaRandom:
    """java.util.Random, bit for bit: the 48-bit linear congruential generator and nextInt(bound)."""
    MULT, ADD, MASK = 0x5DEECE66D, 0xB, (1 << 48) - 1

    def __init__(self, seed):
        self.seed = (seed ^ self.MULT) & self.MASK

    def next(self, bits):
        self.seed = (self.seed * self.MULT + self.ADD) & self.MASK
        r = self.seed >> (48 - bits)
        return r - (1 << 32) if r >= 1 << 31 else r  # (int) in Java: signed 32 bits

    def next_int(self, bound):
        r = self.next(31)
        m = bound - 1
        if bound & m == 0:
            return (bound * r) >> 31
        u = r
        r = u % bound
        while u - r + m >= 1 << 31:  # Java's int overflow: the value is rejected
            u = self.next(31)
            r = u % bound
        return r


MARKER = 1


def marker_examples(n, length, vocab, rnd):
    """Token ids [n][length] and labels [n] in MarkerDataset.make's order of draws."""
    ids, labels = [], []
    for _ in range(n):
        row = [2 + rnd.next_int(vocab - 2) for _ in range(length)]
        p = rnd.next_int(length - 1)
        row[p] = MARKER
        ids.append(row)
        labels.append(row[p + 1])
    return ids, labels


def marker_data(dataset):
    """The marker dataset's (train, validation) splits as DeepWire's MarkerDataset.generate makes them."""
    length, vocab = dataset.get("length", 24), dataset.get("vocabulary", 32)
    rnd = JavaRandom(dataset.get("seed", 7))
    train = marker_examples(dataset.get("train", 20000), length, vocab, rnd)
    validation = marker_examples(dataset.get("validation", 2000), length, vocab, rnd)
    return train, validation


def digest(ids, labels):
    """SHA-256 of the examples as lines `id id … id;label` (MarkerTwinTest computes the same from MarkerDataset)."""
    import hashlib
    h = hashlib.sha256()
    for row, label in zip(ids, labels):
        h.update((" ".join(map(str, row)) + ";" + str(label) + "\n").encode())
    return h.hexdigest()


def project_sizes(project):
    """The sizes of the project's graph and training that the reference's marker() must share."""
    nodes = {n["type"]: n["params"] for n in project["nodes"]}
    blocks = sum(1 for n in project["nodes"] if n["type"] == "self_attention")
    return {"vocabulary": nodes["token_input"]["vocabulary"], "length": nodes["token_input"]["length"],
            "width": nodes["token_embedding"]["dim"], "heads": nodes["self_attention"]["heads"],
            "feed_forward": nodes["feed_forward"]["hidden"], "blocks": blocks,
            "classes": nodes["softmax_output"]["classes"], "batch": project["training"]["batchSize"],
            "masked": bool(nodes["token_input"].get("masked", False))}


def reference_sizes(model, batch_size):
    block = model.blocks[0]
    return {"vocabulary": model.tok.num_embeddings, "length": model.pos.shape[0], "width": model.tok.embedding_dim,
            "heads": block.att.num_heads, "feed_forward": block.ff[0].out_features, "blocks": len(model.blocks),
            "classes": model.out.out_features, "batch": batch_size, "masked": False}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reference", default=os.path.join(ROOT, "..", "shared", "bench", "torch_reference.py"),
                    help="torch_reference.py, imported as shipped (default: ../shared/bench/ from the repository root)")
    ap.add_argument("--project", default=os.path.join(ROOT, "sample-projects", "marker.dwproj"))
    ap.add_argument("--seed", type=int, default=42, help="seeds the model's initial weights and the shuffling")
    ap.add_argument("--threads", default="best", help="1, 2, ... or best (the faster of 1 and 2 over one epoch)")
    ap.add_argument("--max-epochs", type=int, default=40)
    ap.add_argument("--target", type=float, default=0.95)
    ap.add_argument("--full", action="store_true", help="train all --max-epochs epochs, not only until the target")
    ap.add_argument("--print-data", action="store_true", help="print each split's size and digest, and stop")
    a = ap.parse_args()
    if a.print_data:
        with open(a.project, encoding="utf-8") as f:
            for name, (ids, labels) in zip(("train", "validation"), marker_data(json.load(f)["dataset"])):
                print(f"{name} {len(ids)} {digest(ids, labels)}")
        return
    if not os.path.isfile(a.reference):
        sys.exit(f"time_to_quality.py: no reference model at {a.reference}; pass --reference PATH/torch_reference.py")
    sys.path.insert(0, os.path.dirname(os.path.abspath(a.reference)))
    import torch_reference as ref  # restarts this script without an inherited OPENBLAS_CORETYPE (see its docstring)
    import torch
    from torch import nn

    with open(a.project, encoding="utf-8") as f:
        project = json.load(f)
    if project.get("dataset", {}).get("kind") != "marker":
        sys.exit(f"time_to_quality.py: {a.project}: its dataset is not the marker task")
    training = project["training"]
    if training.get("optimizer", "adam") != "adam":
        sys.exit(f"time_to_quality.py: {a.project}: training.optimizer is {training['optimizer']}, not adam")
    torch.manual_seed(a.seed)
    probe, _, _, batch_size = ref.marker()
    want, have = project_sizes(project), reference_sizes(probe, batch_size)
    if want != have:
        diff = ", ".join(f"{k}: project {want[k]} vs reference {have[k]}" for k in want if want[k] != have[k])
        sys.exit(f"time_to_quality.py: the reference's marker() is not the project's network ({diff})")
    lr = training.get("learningRate", 1e-3)
    (train_ids, train_labels), (val_ids, val_labels) = marker_data(project["dataset"])
    x, y = torch.tensor(train_ids), torch.tensor(train_labels)
    vx, vy = torch.tensor(val_ids), torch.tensor(val_labels)
    loss_fn = nn.CrossEntropyLoss()

    def fresh():
        torch.manual_seed(a.seed)
        model = ref.marker()[0]
        return model, torch.optim.Adam(model.parameters(), lr=lr), torch.Generator().manual_seed(a.seed)

    def epoch(model, opt, gen):
        order = torch.randperm(len(x), generator=gen)
        for i in range(0, len(x), batch_size):
            idx = order[i:i + batch_size]
            opt.zero_grad()
            loss_fn(model(x[idx]), y[idx]).backward()
            opt.step()

    def accuracy(model):
        # Left in training mode: the network has no dropout or batch norm, so the mode changes nothing, and torch
        # 1.13's eval-mode fast path of MultiheadAttention fails on attention without biases (qkv_bias None).
        with torch.no_grad():
            right = sum((model(vx[i:i + 500]).argmax(1) == vy[i:i + 500]).sum().item() for i in range(0, len(vx), 500))
        return right / len(vx)

    if a.threads == "best":
        trial = {}
        for t in (1, 2):
            torch.set_num_threads(t)
            model, opt, gen = fresh()
            t0 = time.perf_counter()
            epoch(model, opt, gen)
            trial[t] = time.perf_counter() - t0
        threads = min(trial, key=trial.get)
        print(f"threads={threads} (one epoch: 1 thread {trial[1]:.1f} s, 2 threads {trial[2]:.1f} s)", flush=True)
    else:
        threads = int(a.threads)
    torch.set_num_threads(threads)
    params = sum(p.numel() for p in probe.parameters())
    print(f"torch_time_to_quality seed={a.seed} threads={threads} blas={ref.blas_core()} params={params} "
          f"train={len(x)} validation={len(vx)} batch={batch_size} lr={lr} torch={torch.__version__}", flush=True)
    model, opt, gen = fresh()
    start, best, reached = time.perf_counter(), 0.0, None
    for n in range(1, a.max_epochs + 1):
        epoch(model, opt, gen)
        acc = accuracy(model)
        seconds = time.perf_counter() - start
        best = max(best, acc)
        print(f"epoch={n} val_acc={acc:.4f} seconds={seconds:.1f}", flush=True)
        if acc >= a.target and reached is None:
            reached = (n, seconds)
            if not a.full:
                break
    if reached:
        print(f"reached={a.target} epoch={reached[0]} seconds={reached[1]:.1f} threads={threads}")
    else:
        print(f"not reached={a.target} epochs={a.max_epochs} seconds={time.perf_counter() - start:.1f} "
              f"best_val_acc={best:.4f} threads={threads}")


if __name__ == "__main__":
    main()
