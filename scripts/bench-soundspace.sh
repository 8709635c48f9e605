#!/usr/bin/env bash
# SoundSpace speed side by side with the Python references, on the same seeded 64-dimensional data:
#   kNN + precision/recall/density/coverage, 20k vs 20k  (presetatlas coverage  vs  prdc.compute_prdc)
#   t-SNE on 10k and 50k points                          (presetatlas map       vs  openTSNE, all cores)
#   umap10k, umap50k: UMAP on the same points         (presetatlas map       vs  umap-learn, all cores)
#   prdc200k: approximate PRDC, 200k vs 20k x 64 (above the exact limit; errors measured on 20k sampled points)
# Both maps are measured by the same code (presetatlas map --measure) so trustworthiness is comparable.
# Usage: bash scripts/bench-soundspace.sh [10k|50k|umap10k|umap50k|prdc ...]   (default: all). Figures go in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-venv.sh scikit-learn openTSNE prdc umap-learn
BIN=.build/release/presetatlas
[ -x "$BIN" ] || swift build -c release --product presetatlas >/dev/null
DATA=.cache/bench-soundspace
mkdir -p "$DATA"
[ -f "$DATA/points50k.npy" ] || .venv/bin/python scripts/soundspace_bench_data.py "$DATA"
PY=.venv/bin/python
TASKS=${*:-prdc 10k 50k}
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"

# Wall and CPU seconds of each whole command: the machine may be shared, and CPU time is the fairer figure then.
TIMEFORMAT="  [%R s wall, %U s user + %S s sys]"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

for task in $TASKS; do
  case $task in
    prdc)
      echo "== kNN + 4 metrics, 20000 vs 20000 x 64, k = 5"
      echo "presetatlas coverage:"
      time "$BIN" coverage "$DATA/reference20k.npy" "$DATA/candidate20k.npy" --k 5 --json --timing
      echo "prdc.compute_prdc:"
      time $PY scripts/soundspace_bench_reference.py prdc "$DATA" 5
      ;;
    10k|50k)
      echo "== t-SNE, $task x 64"
      echo "presetatlas map --method tsne:"
      time "$BIN" map "$DATA/points$task.npy" --method tsne --out "$DATA/ours$task.npy" --no-quality --timing
      echo "openTSNE:"
      time $PY scripts/soundspace_bench_reference.py opentsne "$DATA/points$task.npy" "$DATA/opentsne$task.npy"
      echo "quality of presetatlas map: $("$BIN" map "$DATA/points$task.npy" --measure "$DATA/ours$task.npy" --json)"
      echo "quality of openTSNE map:    $("$BIN" map "$DATA/points$task.npy" --measure "$DATA/opentsne$task.npy" --json)"
      ;;
    umap10k|umap50k)
      size=${task#umap}
      echo "== UMAP, $size x 64, 15 neighbours, min_dist 0.1 (load average $(cut -d' ' -f1-3 /proc/loadavg))"
      echo "presetatlas map --method umap:"
      time nice "$BIN" map "$DATA/points$size.npy" --method umap --out "$DATA/umap-ours$size.npy" --no-quality --timing
      echo "umap-learn (spectral init, its default; JIT warm-up timed apart), load average $(cut -d' ' -f1-3 /proc/loadavg):"
      time nice $PY -W ignore scripts/soundspace_bench_reference.py umap "$DATA/points$size.npy" "$DATA/umap-learn$size.npy"
      echo "quality of presetatlas map: $("$BIN" map "$DATA/points$size.npy" --measure "$DATA/umap-ours$size.npy" --json)"
      echo "quality of umap-learn map:  $("$BIN" map "$DATA/points$size.npy" --measure "$DATA/umap-learn$size.npy" --json)"
      ;;
    prdc200k)
      [ -f "$DATA/reference200k.npy" ] || $PY scripts/soundspace_bench_data.py "$DATA" scale
      echo "== approximate kNN + 4 metrics, 200000 vs 20000 x 64, k = 5 (prdc would need 160 GB of distances)"
      /usr/bin/time -f "  [peak %M KB]" "$BIN" coverage "$DATA/reference200k.npy" "$DATA/candidate200k-20k.npy" --k 5 --timing
      ;;
    *) echo "unknown task $task (prdc, 10k, 50k, umap10k, umap50k, prdc200k)"; exit 2 ;;
  esac
done
