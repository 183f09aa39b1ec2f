#!/usr/bin/env bash
# Regenerates the figures of docs/performance.md on this machine and prints them as Markdown:
#  - training step time: DeepWire's `bench` interleaved with the PyTorch reference (1 and 2 threads) for
#    every sample, 5 rounds, medians and ratios (needs Debian's python3-torch, run with /usr/bin/python3);
#  - maximum resident memory while training each sample for 2 epochs;
#  - with a display (e.g. Xvfb :99): the editor benchmark, the heatmap benchmark, the start-up probe, and training
#    in the workbench (dashboard and attention inspector open) against `deepwire train`, 4 marker epochs, 3 pairs;
#  - the JMH benchmarks (editor work without a display, cold start-up pieces).
# Usage: docs/performance.sh [rounds]   (raw lines go to target/perf/raw.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"
samples="marker word-language digits-caption wordnet-links"
mvn -q -B -DskipTests package
mkdir -p target/perf
raw=target/perf/raw.txt
: > "$raw"
for round in $(seq 1 "$rounds"); do
  for sample in $samples; do
    /usr/bin/python3 ../shared/bench/torch_reference.py "$sample" --threads 1 --steps 100 --warmup 20 | tail -n 1 | sed 's/^/torch1 /' >> "$raw"
    /usr/bin/python3 ../shared/bench/torch_reference.py "$sample" --threads 2 --steps 100 --warmup 20 | tail -n 1 | sed 's/^/torch2 /' >> "$raw"
    java -jar target/deepwire.jar bench "sample-projects/$sample.dwproj" --steps 100 --warmup 20 | sed 's/^/deepwire /' >> "$raw"
  done
done
/usr/bin/python3 - "$raw" <<'PY'
import re, statistics, sys, collections
ms = collections.defaultdict(list)
for line in open(sys.argv[1]):
    m = re.match(r"(\S+) (\S+) ms_per_step=([\d.]+)", line)
    if m:
        ms[(m.group(1), m.group(2))].append(float(m.group(3)))
print("| sample | DeepWire `bench` (median; range) | PyTorch 1 thread (median; range) | ratio | PyTorch 2 threads (median; range) |")
print("|---|---|---|---|---|")
for s in ["marker", "word-language", "digits-caption", "wordnet-links"]:
    d, t1, t2 = ms[("deepwire", s)], ms[("torch1", s)], ms[("torch2", s)]
    f = lambda v: f"{statistics.median(v):.1f} ({min(v):.1f}–{max(v):.1f})"
    print(f"| {s} | **{f(d)}** | {f(t1)} | {statistics.median(d) / statistics.median(t1):.2f}× | {f(t2)} |")
PY
for sample in $samples; do
  /usr/bin/time -f "$sample max_rss_kb=%M" java -jar target/deepwire.jar train "sample-projects/$sample.dwproj" \
    --epochs 2 --out "target/perf-runs/$sample" > /dev/null
done
if [ -n "${DISPLAY:-}" ]; then
  for i in 1 2 3; do
    java -Dprism.order=sw -cp "target/classes:target/lib/*" dev.deepwire.ui.EditorBenchmark 1000
  done
  java -Dprism.order=sw -cp "target/classes:target/lib/*" dev.deepwire.ui.inspect.HeatmapBenchmark
  for i in 1 2 3; do
    timeout 20 java -Ddeepwire.startupProbe=true -Dprism.order=sw -cp "target/classes:target/lib/*" dev.deepwire.Main \
      | grep -m 1 startup || true
  done
fi
if [ -n "${DISPLAY:-}" ]; then
  for i in 1 2 3; do
    java -jar target/deepwire.jar train sample-projects/marker.dwproj --epochs 4 --out target/perf-runs/cli-marker \
      | grep final | sed 's/^/cli /'
    java -Dprism.order=sw -cp "target/classes:target/lib/*" dev.deepwire.ui.WorkbenchTrainingBenchmark \
      sample-projects/marker.dwproj 4 | grep workbench_training
  done
fi
mvn -q -B test-compile exec:exec@jmh -Djmh.args=".*Jmh.* -rf text -rff target/perf/jmh.txt" > target/perf/jmh.log
cat target/perf/jmh.txt
