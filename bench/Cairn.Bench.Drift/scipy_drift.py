# SciPy side of bench/Cairn.Bench.Drift: reads the same float64 data and times ks_2samp and
# wasserstein_distance per column (best of N), plus Evidently's default drift loop over all columns.
import json
import sys
import time

import numpy as np
import scipy
from scipy import stats

path, features, n_ref, n_cur, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
data = np.fromfile(path, dtype="<f8")
ref = data[: features * n_ref].reshape(features, n_ref)
cur = data[features * n_ref :].reshape(features, n_cur)
columns = []
for f in range(features):
    a = np.ascontiguousarray(ref[f])
    b = np.ascontiguousarray(cur[f])
    ks_s, w_s = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        ks = stats.ks_2samp(a, b)
        t1 = time.perf_counter()
        w = stats.wasserstein_distance(a, b)
        t2 = time.perf_counter()
        ks_s.append(t1 - t0)
        w_s.append(t2 - t1)
    columns.append({"ks_statistic": float(ks.statistic), "ks_pvalue": float(ks.pvalue), "ks_seconds": min(ks_s),
                    "wasserstein": float(w), "wasserstein_seconds": min(w_s)})

full = []
for _ in range(runs):
    t0 = time.perf_counter()
    for f in range(features):
        a = ref[f]
        b = cur[f]
        stats.wasserstein_distance(a, b) / max(np.std(a), 0.001)
    full.append(time.perf_counter() - t0)

print(json.dumps({"scipy": scipy.__version__, "numpy": np.__version__, "columns": columns, "default_drift_seconds": min(full)}))
