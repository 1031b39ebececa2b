#!/usr/bin/env python3
"""Fits the check-worthiness weights (src/claim/worth_weights.txt).

A logistic regression, by Newton's method with a small L2 penalty, in plain
Python (no NumPy needed): one row per claim, its feature values as
`checkworthy --features` prints them, labelled 1 when the line it is in is
check-worthy in the CLEF CheckThat! 2019 Task 1 training data.

    for f in DATA/training/*.tsv; do
        cargo run --release --example checkworthy -- --features "$f"
    done > train.jsonl
    python3 tools/checkworthy/fit.py train.jsonl DATA/training > weights.txt

It also reports the mean average precision of ranking the lines of each
training file by their best claim's score (lines without a claim last),
with the files held out in turn (leave-one-file-out), so that the figure is
not measured on the data the weights were fitted on.
"""

import datetime
import json
import math
import os
import sys

FEATURES = [
    "quantity", "date", "comparison", "causal", "policy", "named_actor",
    "past", "negated", "opinion", "hedged", "first_person", "promise",
    "floor", "pleasantry", "question", "length",
]
PENALTY = 1.0  # L2 on the weights, not the intercept
ITERATIONS = 12


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-max(-35.0, min(35.0, z))))


def solve(matrix, vector):
    """Gaussian elimination with partial pivoting."""
    n = len(vector)
    a = [row[:] + [vector[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(col + 1, n):
            f = a[r][col] / a[col][col]
            for c in range(col, n + 1):
                a[r][c] -= f * a[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (a[r][n] - sum(a[r][c] * x[c] for c in range(r + 1, n))) / a[r][r]
    return x


def fit(rows):
    """rows: (x with a leading 1, y). Returns weights, intercept first."""
    d = len(FEATURES) + 1
    w = [0.0] * d
    for _ in range(ITERATIONS):
        grad = [0.0] * d
        hess = [[0.0] * d for _ in range(d)]
        for x, y in rows:
            p = sigmoid(sum(wi * xi for wi, xi in zip(w, x)))
            g = p - y
            h = p * (1 - p)
            for i in range(d):
                if x[i] == 0.0:
                    continue
                grad[i] += g * x[i]
                hx = h * x[i]
                for j in range(d):
                    if x[j] != 0.0:
                        hess[i][j] += hx * x[j]
        for i in range(1, d):
            grad[i] += PENALTY * w[i]
            hess[i][i] += PENALTY
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
    return w


def vector(features):
    return [1.0] + [float(features.get(name, 0.0)) for name in FEATURES]


def average_precision(scored):
    """scored: (score, line order, label) of every line of a file."""
    ranked = sorted(scored, key=lambda t: (-t[0], t[1]))
    relevant = sum(label for _, _, label in ranked)
    if relevant == 0:
        return 0.0
    hits, total = 0, 0.0
    for rank, (_, _, label) in enumerate(ranked, 1):
        if label:
            hits += 1
            total += hits / rank
    return total / relevant


def file_lines(data_dir, name):
    with open(os.path.join(data_dir, name), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    return [(row[0], int(row[3])) for row in rows]


def file_map(w, claims, data_dir, name):
    best = {}
    for line, x in claims:
        score = sigmoid(sum(wi * xi for wi, xi in zip(w, x)))
        best[line] = max(best.get(line, 0.0), score)
    scored = [(best.get(line, 0.0), order, label)
              for order, (line, label) in enumerate(file_lines(data_dir, name))]
    return average_precision(scored)


def main():
    rows_path, data_dir = sys.argv[1], sys.argv[2]
    by_file = {}
    with open(rows_path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            name = os.path.basename(row["file"])
            by_file.setdefault(name, []).append(
                (row["line"], vector(row["features"]), int(row["label"] or 0)))
    files = sorted(by_file)
    held_out = []
    for name in files:
        train = [(x, y) for other in files if other != name for _, x, y in by_file[other]]
        w = fit(train)
        claims = [(line, x) for line, x, _ in by_file[name]]
        held_out.append((name, file_map(w, claims, data_dir, name)))
    w = fit([(x, y) for name in files for _, x, y in by_file[name]])
    rows = sum(len(v) for v in by_file.values())
    positives = sum(y for v in by_file.values() for _, _, y in v)
    mean = sum(ap for _, ap in held_out) / len(held_out)
    print("# Check-worthiness weights: a logistic regression over the features of")
    print("# src/claim/worth.rs, fitted by tools/checkworthy/fit.py on the 19 training")
    print("# files of CLEF CheckThat! 2019 Task 1 (telsayed/clef2019-factchecking-task1),")
    print(f"# {rows} claims, {positives} of them in check-worthy lines; L2 penalty {PENALTY}. Fitted")
    print(f"# {datetime.date.today()}. The data (\"free for general research use\") is not part of")
    print("# this crate; these 17 numbers are statistics of it.")
    print(f"# Leave-one-file-out MAP on the training files: {mean:.4f}.")
    for name, ap in held_out:
        print(f"#   {name}: AP {ap:.4f}")
    print(f"intercept {w[0]:.4f}")
    for name, weight in zip(FEATURES, w[1:]):
        print(f"{name} {weight:.4f}")


if __name__ == "__main__":
    main()
