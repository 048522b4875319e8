#!/usr/bin/env python3
"""The scipy peer of ClvFitBenchmark: BG/NBD and Pareto/NBD maximum-likelihood fits on the CDNOW cohort.

It fits the same likelihoods as Kizuna's BgNbdModel and ParetoNbdModel, written as lifetimes writes them
(BetaGeoFitter and ParetoNBDFitter: gammaln, logaddexp, scipy.special.hyp2f1), in the same log-parameter space,
from the same first starting point as Kizuna's first start, with scipy.optimize.minimize:

  * Nelder-Mead (what lifetimes uses), scipy's default tolerances;
  * L-BFGS-B with scipy's finite-difference gradient (no analytic gradient), default tolerances.

The summaries are computed from the transaction logs exactly as RfmSummary.fromPurchases does (and as lifetimes'
summary_data_from_transaction_data does): same-day purchases are one transaction, x counts repeat purchase days,
t_x and T are whole days / 7 to the calibration end 1997-09-30 inclusive. Identical (x, t_x, T) rows are merged
into one weighted row, as Kizuna does, so that each likelihood evaluation costs scipy as little as it can.

Every fit is repeated and timed with time.perf_counter; the JSON printed on stdout holds the minimum and median
time per fit, the optimum reached and the work done (nfev, nit). Run it from the project root, right after the
JMH run, on the same machine:

  java -jar cs-benchmarks/target/benchmarks.jar ClvFitBenchmark -f 1 -wi 3 -i 5
  python3 cs-benchmarks/scripts/clv_scipy_peer.py

Options: --datasets DIR (the directory holding cdnow/ or the cdnow directory itself; default: the environment
variable KIZUNA_DATASETS, else the repository's datasets/cdnow under the working directory or one of its parents,
which holds the sample only: the master cohort needs --datasets),
--cohorts sample,master, --repeats N, --methods Nelder-Mead,L-BFGS-B.
"""

import os

# One core, like the JMH run: numpy's element-wise work is single-threaded, this also pins any BLAS.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import datetime  # noqa: E402
import json  # noqa: E402
import pathlib  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
import scipy  # noqa: E402
from scipy.optimize import minimize  # noqa: E402
from scipy.special import gammaln, hyp2f1, logsumexp  # noqa: E402

CALIBRATION_END = datetime.date(1997, 9, 30)
FILES = {"sample": "CDNOW_sample.txt", "master": "CDNOW_master.txt"}


def find_cdnow(explicit):
    candidates = []
    for root in [explicit, os.environ.get("KIZUNA_DATASETS")]:
        if root:
            candidates += [pathlib.Path(root), pathlib.Path(root) / "cdnow"]
    here = pathlib.Path.cwd().resolve()
    for d in [here, *here.parents]:
        candidates.append(d / "datasets" / "cdnow")
    for c in candidates:
        if (c / "CDNOW_sample.txt").is_file():
            return c.resolve()
    sys.exit("clv_scipy_peer: the CDNOW files were not found; pass --datasets DIR or set KIZUNA_DATASETS")


def summarise(path):
    """(x, t_x, T) in weeks per customer, from a CDNOW log (the customer id is the column before the date)."""
    days = {}
    end = CALIBRATION_END.toordinal()
    with open(path, encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 4 or not parts[0][0].isdigit():
                continue
            d = parts[-3]
            day = datetime.date(int(d[:4]), int(d[4:6]), int(d[6:8])).toordinal()
            days.setdefault(parts[-4], set()).add(day)
    x, tx, t = [], [], []
    for purchase_days in days.values():
        first = min(purchase_days)
        if first > end:
            continue
        kept = [d for d in purchase_days if d <= end]
        x.append(len(kept) - 1)
        tx.append((max(kept) - first) / 7.0)
        t.append((end - first) / 7.0)
    return np.array(x, dtype=float), np.array(tx), np.array(t)


def merge(x, tx, t):
    """Identical customers as one weighted row."""
    rows, weights = np.unique(np.stack([x, tx, t], axis=1), axis=0, return_counts=True)
    return rows[:, 0], rows[:, 1], rows[:, 2], weights.astype(float)


def bgnbd_nll(phi, x, tx, t, w):
    """-ln L of BG/NBD (Fader, Hardie and Lee 2005, equation 6), as lifetimes' BetaGeoFitter writes it."""
    r, alpha, a, b = np.exp(phi)
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    a3 = -(r + x) * np.log(alpha + t)
    a4 = np.log(a) - np.log(b + np.maximum(x, 1) - 1) - (r + x) * np.log(alpha + tx)
    ll = a1 + a2 + np.where(x > 0, np.logaddexp(a3, a4), a3)
    return -np.sum(w * ll)


def pareto_nll(phi, x, tx, t, w):
    """-ln L of Pareto/NBD (Fader and Hardie 2005 note), as lifetimes' ParetoNBDFitter writes it."""
    r, alpha, s, beta = np.exp(phi)
    if alpha < beta:
        lo, hi, second = alpha, beta, r + x
    else:
        lo, hi, second = beta, alpha, s + 1
    rsx = r + s + x
    with np.errstate(divide="ignore", invalid="ignore"):
        p1 = hyp2f1(rsx, second, rsx + 1, (hi - lo) / (hi + tx))
        p2 = hyp2f1(rsx, second, rsx + 1, (hi - lo) / (hi + t))
        q1 = hi + tx
        q2 = hi + t
        log_a0 = logsumexp([np.log(p1) + rsx * np.log(q2), np.log(p2) + rsx * np.log(q1)], axis=0,
                           b=[np.ones_like(x), -np.ones_like(x)]) - rsx * np.log(q1 * q2)
        a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha) + s * np.log(beta)
        a2 = np.logaddexp(-(r + x) * np.log(alpha + t) - s * np.log(beta + t), np.log(s) + log_a0 - np.log(rsx))
    total = -np.sum(w * (a1 + a2))
    return total if np.isfinite(total) else 1e300


def starts(x, t, w):
    """Kizuna's first starting points (BgNbdModel.starts, ParetoNbdModel.fit), in log-parameter space."""
    rate = max(np.sum(w * x) / max(np.sum(w * t), 1e-9), 1e-6)
    mean_t = max(np.sum(w * t) / np.sum(w), 1e-6)
    return {"bg-nbd": np.array([0.0, np.log(1 / rate), 0.0, 0.0]),
            "pareto-nbd": np.array([0.0, np.log(1 / rate), 0.0, np.log(mean_t)])}


def time_fit(nll, phi0, data, method, repeats):
    times = []
    result = None
    for _ in range(repeats):
        begin = time.perf_counter()
        result = minimize(nll, phi0, args=data, method=method)
        times.append(time.perf_counter() - begin)
    return {
        "method": method,
        "gradient": "none (derivative-free)" if method == "Nelder-Mead" else "scipy finite differences",
        "repeats": repeats,
        "min_ms": round(1000 * min(times), 3),
        "median_ms": round(1000 * statistics.median(times), 3),
        "log_likelihood": -float(result.fun),
        "parameters": [float(v) for v in np.exp(result.x)],
        "nfev": int(result.nfev),
        "nit": int(result.nit),
        "success": bool(result.success),
    }


def time_evaluation(nll, phi, data):
    """The reference: one log-likelihood evaluation at the optimum, repeated for at least half a second."""
    count = 0
    begin = time.perf_counter()
    while True:
        nll(phi, *data)
        count += 1
        elapsed = time.perf_counter() - begin
        if elapsed > 0.5 and count >= 5:
            return round(1000 * elapsed / count, 4)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--datasets")
    parser.add_argument("--cohorts", default="sample,master")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--methods", default="Nelder-Mead,L-BFGS-B")
    args = parser.parse_args()
    cdnow = find_cdnow(args.datasets)
    out = {
        "peer": "scipy.optimize.minimize on the BG/NBD and Pareto/NBD likelihoods, log-parameter space",
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "machine": platform.machine(),
        "processor": platform.processor(),
        "cohorts": {},
    }
    for cohort in args.cohorts.split(","):
        if not (cdnow / FILES[cohort]).is_file():
            print(f"clv_scipy_peer: {FILES[cohort]} is not in {cdnow}: the {cohort} cohort is left out"
                  " (pass --datasets DIR to a directory holding it)", file=sys.stderr)
            continue
        x, tx, t = summarise(cdnow / FILES[cohort])
        data = merge(x, tx, t)
        phi0 = starts(data[0], data[2], data[3])
        entry = {"file": FILES[cohort], "customers": int(len(x)), "distinct_rows": int(len(data[0]))}
        for model, nll in (("bg-nbd", bgnbd_nll), ("pareto-nbd", pareto_nll)):
            fits = [time_fit(nll, phi0[model], data, m, args.repeats) for m in args.methods.split(",")]
            best = max(fits, key=lambda f: f["log_likelihood"])
            entry[model] = {
                "start": [float(v) for v in np.exp(phi0[model])],
                "fits": fits,
                "evaluation_ms": time_evaluation(nll, np.log(best["parameters"]), data),
            }
        out["cohorts"][cohort] = entry
    json.dump(out, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
