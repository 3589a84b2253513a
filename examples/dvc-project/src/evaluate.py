"""Mean absolute error of the model on the test split."""
import csv
import json
import pathlib
import sys

model = json.load(open(sys.argv[1]))
rows = list(csv.DictReader((pathlib.Path(sys.argv[2]) / "test.csv").open()))
mae = sum(abs(model["a"] * float(r["x"]) + model["b"] - float(r["y"])) for r in rows) / len(rows)
pathlib.Path("evaluation").mkdir(exist_ok=True)
json.dump({"mae": mae}, open("evaluation/metrics.json", "w"), indent=2)
