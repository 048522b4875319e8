#!/usr/bin/env python3
"""Independent reference fits of the logistic churn model, for LogisticFitterTest.

The model and objective are LogisticFitter's: P(churn) = sigmoid(b0 + sum_j b_j z_j) with z_j = (x_j - mean_j) / sd_j,
mean and sd over the rows fitted (sd dividing by n, numpy's ddof=0), rows with a missing value left out, and the
objective -loglik + (l2 / 2) * sum_j b_j^2 (intercept not penalised). The minimum is found with scipy's trust-exact
method on the exact gradient and Hessian (a different algorithm from the Java IRLS), standard errors are
sqrt(diag(inv(Hessian))) at the minimum. Without a penalty, the raw (unstandardised) model is also fitted directly,
as a check on the back-transformation. Writes expected.json beside this script.

    python3 reference.py [path/to/Telco-Customer-Churn.csv]

The telco path defaults to datasets/telco/Telco-Customer-Churn.csv in the project root (see datasets/README.md); when
the file is absent, only the bundled synthetic data set is fitted. `python3 reference.py --make-synthetic` regenerates
synthetic.csv (already checked in).
"""
import csv
import json
import os
import sys

import numpy as np
from scipy.optimize import minimize

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT_ROOT = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", ".."))
TELCO = os.path.join(PROJECT_ROOT, "datasets", "telco", "Telco-Customer-Churn.csv")

SYNTHETIC_SIGNALS = ["usage.logins_30d", "sentiment.nps", "support.open_tickets", "relationship.champion_present",
                     "engagement.licence_utilisation"]
TELCO_SIGNALS = ["telco.tenure", "telco.monthly_charges", "telco.total_charges", "telco.senior_citizen",
                 "telco.month_to_month", "telco.fiber_optic", "telco.electronic_check", "telco.paperless_billing"]


def make_synthetic(path):
    rng = np.random.default_rng(20260601)
    n = 600
    logins = rng.poisson(80, n).astype(float)
    nps = np.clip(np.round(rng.normal(20, 45, n)), -100, 100)
    tickets = rng.poisson(1.5, n).astype(float)
    champion = (rng.random(n) < 0.55).astype(float)
    util = np.round(np.clip(rng.normal(0.6, 0.25, n), 0, 1.3), 3)
    eta = -1.0 - 0.012 * (logins - 80) - 0.01 * nps + 0.25 * tickets - 0.8 * champion - 1.5 * (util - 0.6)
    churned = (rng.random(n) < 1 / (1 + np.exp(-eta))).astype(int)
    missing_nps = rng.random(n) < 0.03
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["account"] + SYNTHETIC_SIGNALS + ["churned"])
        for i in range(n):
            nps_cell = "" if missing_nps[i] else repr(float(nps[i]))
            w.writerow([f"acct-{i:04d}", repr(float(logins[i])), nps_cell, repr(float(tickets[i])), repr(float(champion[i])),
                        repr(float(util[i])), int(churned[i])])


def read_synthetic(path):
    with open(path) as f:
        rows = list(csv.DictReader(f))
    x = np.array([[float(r[s]) if r[s] != "" else np.nan for s in SYNTHETIC_SIGNALS] for r in rows])
    y = np.array([int(r["churned"]) for r in rows], dtype=float)
    return x, y


def read_telco(path):
    with open(path) as f:
        rows = list(csv.DictReader(f))

    def row(r):
        total = r["TotalCharges"].strip()
        return [float(r["tenure"]), float(r["MonthlyCharges"]), float(total) if total else np.nan,
                float(r["SeniorCitizen"]), float(r["Contract"] == "Month-to-month"),
                float(r["InternetService"] == "Fiber optic"), float(r["PaymentMethod"] == "Electronic check"),
                float(r["PaperlessBilling"] == "Yes")]

    x = np.array([row(r) for r in rows])
    y = np.array([float(r["Churn"] == "Yes") for r in rows])
    return x, y


def fit(z, y, l2):
    n, k = z.shape
    penalty = np.ones(k)
    penalty[0] = 0.0

    def f(b):
        eta = z @ b
        return np.sum(np.logaddexp(0, eta) - y * eta) + 0.5 * l2 * np.sum(penalty * b * b)

    def grad(b):
        mu = 1 / (1 + np.exp(-(z @ b)))
        return z.T @ (mu - y) + l2 * penalty * b

    def hess(b):
        mu = 1 / (1 + np.exp(-(z @ b)))
        return (z * (mu * (1 - mu))[:, None]).T @ z + l2 * np.diag(penalty)

    res = minimize(f, np.zeros(k), jac=grad, hess=hess, method="trust-exact", options={"gtol": 1e-10,
                                                                                        "maxiter": 1000})
    # trust-exact may stop with "a bad approximation" once it sits at the minimum to machine precision (and on badly
    # scaled raw columns its gradient test is scale-dependent): polish with Newton steps and judge by the step size.
    b = res.x
    for _ in range(5):
        step = np.linalg.solve(hess(b), grad(b))
        b = b - step
    if np.max(np.abs(step) / (1 + np.abs(b))) > 1e-12:
        raise SystemExit("scipy did not converge: " + res.message + ", last Newton step " + str(step))
    res.x = b
    se = np.sqrt(np.diag(np.linalg.inv(hess(res.x))))
    return res.x, se, -(f(res.x) - 0.5 * l2 * np.sum(penalty * res.x * res.x))


def reference(x, y, signals, l2):
    keep = ~np.isnan(x).any(axis=1)
    x, y = x[keep], y[keep]
    mean, sd = x.mean(axis=0), x.std(axis=0)
    z = np.column_stack([np.ones(len(y)), (x - mean) / sd])
    b, se, loglik = fit(z, y, l2)
    out = {"l2": l2, "rows": int(len(y)), "events": int(y.sum()), "dropped": int((~keep).sum()),
           "signals": signals, "intercept": float(b[0]), "interceptStandardError": float(se[0]),
           "estimates": [float(v) for v in b[1:]], "standardErrors": [float(v) for v in se[1:]],
           "means": [float(v) for v in mean], "sds": [float(v) for v in sd], "logLikelihood": float(loglik)}
    if l2 == 0:
        raw, _, _ = fit(np.column_stack([np.ones(len(y)), x]), y, 0.0)
        out["rawIntercept"] = float(raw[0])
        out["rawEstimates"] = [float(v) for v in raw[1:]]
    return out


def main():
    if "--make-synthetic" in sys.argv:
        make_synthetic(os.path.join(HERE, "synthetic.csv"))
        return
    expected = {}
    x, y = read_synthetic(os.path.join(HERE, "synthetic.csv"))
    expected["synthetic"] = reference(x, y, SYNTHETIC_SIGNALS, 0.0)
    expected["syntheticL2"] = reference(x, y, SYNTHETIC_SIGNALS, 2.5)
    telco = sys.argv[1] if len(sys.argv) > 1 else TELCO
    if os.path.exists(telco):
        x, y = read_telco(telco)
        expected["telco"] = reference(x, y, TELCO_SIGNALS, 0.0)
        expected["telcoL2"] = reference(x, y, TELCO_SIGNALS, 10.0)
    else:
        print("no telco data at " + telco + "; fitted the synthetic data only", file=sys.stderr)
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(expected, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
