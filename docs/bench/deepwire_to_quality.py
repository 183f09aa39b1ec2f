#!/usr/bin/env python3
"""Time to quality in DeepWire: runs `deepwire train` on a project and reads, from the epoch lines it prints
(`epoch N (step S): …, validation accuracy X, T s`, T counted from the start of training, after the data is made),
the first epoch whose validation accuracy reaches the target. The DeepWire half of the pair in
docs/performance.sh's "quality" section; prints the same lines as time_to_quality.py:
`epoch=<n> val_acc=<x> seconds=<s>` per epoch, then `reached=<target> epoch=<n> seconds=<s>` or
`not reached=<target> epochs=<n> seconds=<s> best_val_acc=<x>`. Training is ended once the target is reached
(the whole process group: `deepwire train` trains in a JVM it starts itself) unless --full.
Usage: deepwire_to_quality.py [--jar target/deepwire.jar] [--project sample-projects/marker.dwproj] [--seed S]
                              [--max-epochs N] [--target 0.95] [--threads T] [--out DIR] [--full]
"""
import argparse, os, re, signal, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EPOCH = re.compile(r"^epoch (\d+) \(step \d+\): .*validation accuracy ([\d.]+|NaN), ([\d.]+) s$")


def parse(lines, target):
    """(epochs as (n, accuracy, seconds), the first reaching the target or None) from `deepwire train` output."""
    epochs = []
    for line in lines:
        m = EPOCH.match(line.strip())
        if m:
            acc = float(m.group(2)) if m.group(2) != "NaN" else float("nan")
            epochs.append((int(m.group(1)), acc, float(m.group(3))))
            if acc >= target:
                return epochs, epochs[-1]
    return epochs, None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jar", default=os.path.join(ROOT, "target", "deepwire.jar"))
    ap.add_argument("--project", default=os.path.join(ROOT, "sample-projects", "marker.dwproj"))
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--max-epochs", type=int, default=40)
    ap.add_argument("--target", type=float, default=0.95)
    ap.add_argument("--threads", type=int, help="DeepWire's --threads (default: its own choice for the model's size)")
    ap.add_argument("--out", default=os.path.join(ROOT, "target", "perf-runs", "quality"))
    ap.add_argument("--full", action="store_true", help="train all --max-epochs epochs, not only until the target")
    a = ap.parse_args()
    command = ["java", "-jar", a.jar, "train", a.project, "--seed", str(a.seed), "--epochs", str(a.max_epochs),
               "--out", f"{a.out}-{a.seed}", "--overwrite"] + (["--threads", str(a.threads)] if a.threads else [])
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, start_new_session=True)
    epochs, reached, best, seconds = [], None, 0.0, 0.0
    for line in proc.stdout:
        if line.startswith("training "):
            print("deepwire_time_to_quality seed=%d %s" % (a.seed, line.strip()), flush=True)
        found, hit = parse([line], a.target)
        for n, acc, s in found:
            epochs.append(n)
            best, seconds = max(best, acc), s
            print(f"epoch={n} val_acc={acc:.4f} seconds={s:.1f}", flush=True)
        if hit and reached is None:
            reached = hit
            if not a.full:
                os.killpg(proc.pid, signal.SIGTERM)  # the launcher and the training JVM it started
                break
    proc.stdout.close()
    code = proc.wait()
    if reached:
        print(f"reached={a.target} epoch={reached[0]} seconds={reached[2]:.1f}")
    elif code != 0:
        sys.exit(f"deepwire_to_quality.py: `{' '.join(command)}` failed (exit code {code})")
    elif not epochs:
        sys.exit("deepwire_to_quality.py: no epoch line of `deepwire train` was recognised (expected "
                 "'epoch N (step S): ..., validation accuracy X, T s'); has its output changed?")
    else:
        print(f"not reached={a.target} epochs={len(epochs)} seconds={seconds:.1f} best_val_acc={best:.4f}")


if __name__ == "__main__":
    main()
