"""Fit y = a*x + b by least squares with ridge penalty alpha."""
import csv
import json
import pathlib
import sys

import yaml

alpha = yaml.safe_load(open("params.yaml"))["train"]["alpha"]
rows = list(csv.DictReader((pathlib.Path(sys.argv[1]) / "train.csv").open()))
xs = [float(r["x"]) for r in rows]
ys = [float(r["y"]) for r in rows]
n = len(xs)
mx, my = sum(xs) / n, sum(ys) / n
sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
sxx = sum((x - mx) ** 2 for x in xs) + alpha
a = sxy / sxx
json.dump({"a": a, "b": my - a * mx}, open(sys.argv[2], "w"))
