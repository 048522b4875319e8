#!/usr/bin/env python3
"""Independent reference for DeLong's test of two correlated ROC AUCs.

Computes, by brute force over every (event, non-event) pair, the AUCs, the DeLong et al. (1988) variance of their
difference from the placement values V10 and V01, z and the two-sided p-value, for the fixed data set in
delong_data.csv (columns: event,risk_a,risk_b), and writes delong_expected.json. Only numpy and scipy are used.

Run from this directory:  python3 delong_reference.py
"""
import json

import numpy as np
from scipy.stats import norm


def psi(x, y):
    return np.where(x > y, 1.0, np.where(x == y, 0.5, 0.0))


def main():
    data = np.genfromtxt("delong_data.csv", delimiter=",", names=True)
    event = data["event"].astype(bool)
    scores = [data["risk_a"], data["risk_b"]]
    v10, v01, aucs = [], [], []
    for s in scores:
        x, y = s[event], s[~event]
        pairs = psi(x[:, None], y[None, :])  # events in rows, non-events in columns
        v10.append(pairs.mean(axis=1))
        v01.append(pairs.mean(axis=0))
        aucs.append(pairs.mean())
    m, n = event.sum(), (~event).sum()
    s10 = np.cov(np.vstack(v10))  # ddof = 1
    s01 = np.cov(np.vstack(v01))
    var = (s10[0, 0] + s10[1, 1] - 2 * s10[0, 1]) / m + (s01[0, 0] + s01[1, 1] - 2 * s01[0, 1]) / n
    se = float(np.sqrt(var))
    z = (aucs[0] - aucs[1]) / se
    p = 2 * norm.sf(abs(z))
    out = {"aucA": float(aucs[0]), "aucB": float(aucs[1]), "standardError": se, "z": float(z), "pValue": float(p)}
    with open("delong_expected.json", "w") as f:
        json.dump(out, f, indent=2)
        f.write("\n")
    print(out)


if __name__ == "__main__":
    main()
