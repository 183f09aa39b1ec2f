#!/usr/bin/env bash
# Regenerates the figures of docs/performance.md: DeepWire's bench interleaved with the PyTorch
# reference for every sample (needs Debian's python3-torch), then the editor benchmark (needs a
# display, e.g. Xvfb :99).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests package
for round in 1 2 3; do
  for sample in marker word-language digits-caption wordnet-links; do
    /usr/bin/python3 ../shared/bench/torch_reference.py "$sample" --threads 2 --steps 100 --warmup 20 | tail -n 1
    java -jar target/deepwire.jar bench "sample-projects/$sample.dwproj" --steps 100 --warmup 20
  done
done
for sample in marker word-language digits-caption wordnet-links; do
  /usr/bin/time -f "$sample max_rss_kb=%M" java -jar target/deepwire.jar train "sample-projects/$sample.dwproj" \
    --epochs 2 --out "target/perf-runs/$sample" > /dev/null
done
if [ -n "${DISPLAY:-}" ]; then
  java -Dprism.order=sw -cp "target/classes:target/lib/*" dev.deepwire.ui.EditorBenchmark 1000
  java -Dprism.order=sw -cp "target/classes:target/lib/*" dev.deepwire.ui.inspect.HeatmapBenchmark
  timeout 20 java -Ddeepwire.startupProbe=true -Dprism.order=sw -cp "target/classes:target/lib/*" dev.deepwire.Main \
    | grep -m 1 startup || true
fi
