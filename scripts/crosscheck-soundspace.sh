#!/usr/bin/env bash
# Cross-checks SoundSpace's numbers against the Python references on small data (seconds, not a benchmark):
#   precision/recall/density/coverage vs prdc on random sets, trustworthiness/continuity vs scikit-learn,
#   PCA explained variance vs scikit-learn. Prints one line per check and exits non-zero on disagreement.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/soundspace-venv.sh
BIN=${BIN:-.build/debug/presetatlas}
[ -x "$BIN" ] || swift build --product presetatlas >/dev/null
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
.venv/bin/python - "$DIR" <<'PY'
import sys, numpy as np
d = sys.argv[1]
rng = np.random.default_rng(5)
np.save(f"{d}/a.npy", rng.standard_normal((1500, 24)).astype(np.float32))
b = rng.standard_normal((1200, 24)).astype(np.float32); b[:, :3] += 0.7
np.save(f"{d}/b.npy", b)
PY
"$BIN" coverage "$DIR/a.npy" "$DIR/b.npy" --k 4 --json > "$DIR/ours.json"
"$BIN" map "$DIR/a.npy" --method pca --out "$DIR/pca.npy" --json > "$DIR/pca.json"
"$BIN" map "$DIR/a.npy" --method tsne --iterations 300 --out "$DIR/tsne.npy" --json > "$DIR/tsne.json"
.venv/bin/python - "$DIR" <<'PY'
import json, sys, numpy as np
from prdc import compute_prdc
from sklearn.manifold import trustworthiness
from sklearn.decomposition import PCA
d = sys.argv[1]
a, b = np.load(f"{d}/a.npy").astype(np.float64), np.load(f"{d}/b.npy").astype(np.float64)
ours = json.load(open(f"{d}/ours.json"))
ref = compute_prdc(real_features=a, fake_features=b, nearest_k=4)
bad = 0
for key in ["precision", "recall", "density", "coverage"]:
    ok = ours[key] == float(ref[key]); bad += not ok
    print(f"{'ok ' if ok else 'BAD'} {key}: presetatlas {ours[key]} prdc {float(ref[key])}")
for name in ["pca", "tsne"]:
    m = json.load(open(f"{d}/{name}.json")); y = np.load(f"{d}/{name}.npy").astype(np.float64)
    t, c = trustworthiness(a, y, n_neighbors=10), trustworthiness(y, a, n_neighbors=10)
    ok = abs(m["trustworthiness"] - t) < 1e-6 and abs(m["continuity"] - c) < 1e-6; bad += not ok
    print(f"{'ok ' if ok else 'BAD'} {name} T/C: presetatlas {m['trustworthiness']:.6f}/{m['continuity']:.6f} sklearn {t:.6f}/{c:.6f}")
y = np.load(f"{d}/pca.npy"); ref = PCA(2).fit_transform(a)
agree = min(abs(np.corrcoef(y[:, i], ref[:, i])[0, 1]) for i in range(2))
ok = agree > 0.9999; bad += not ok
print(f"{'ok ' if ok else 'BAD'} PCA axes agree with sklearn up to sign: |r| >= {agree:.6f}")
sys.exit(1 if bad else 0)
PY
