"""Split the raw CSV into train and test sets."""
import csv
import pathlib
import random
import sys

import yaml

params = yaml.safe_load(open("params.yaml"))["prepare"]
src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
rows = list(csv.reader(src.open()))
header, body = rows[0], rows[1:]
random.Random(params["seed"]).shuffle(body)
cut = int(len(body) * (1 - params["split"]))
out.mkdir(parents=True, exist_ok=True)
for name, part in (("train.csv", body[:cut]), ("test.csv", body[cut:])):
    with (out / name).open("w", newline="") as f:
        csv.writer(f).writerows([header, *part])
