"""Per-lot statistics of sensor readings, written as a SageMaker processing job.

Reads every CSV file (header: sensor,time,<VALUE_COLUMN>) under the input folder of source role `main` and writes
stats.json to the output folder of sink role `main`: per sensor the count, min, max and mean of the value column.
The folders are SageMaker's (/opt/ml/processing/...); `cls local run` points the variables at local ones.
"""
import csv
import json
import os
import pathlib

INPUT = pathlib.Path(os.environ.get("CLS_PROCESSING_INPUT", "/opt/ml/processing/input")) / "main"
OUTPUT = pathlib.Path(os.environ.get("CLS_PROCESSING_OUTPUT", "/opt/ml/processing/output")) / "main"
COLUMN = os.environ.get("VALUE_COLUMN", "value")


def main():
    sensors = {}
    files = sorted(INPUT.rglob("*.csv"))
    for path in files:
        with path.open(newline="") as f:
            for row in csv.DictReader(f):
                value = float(row[COLUMN])
                s = sensors.setdefault(row["sensor"], {"count": 0, "min": value, "max": value, "sum": 0.0})
                s["count"] += 1
                s["min"] = min(s["min"], value)
                s["max"] = max(s["max"], value)
                s["sum"] += value
    stats = {
        "lot": os.environ.get("CLS_LOT"),
        "files": len(files),
        "sensors": {name: {"count": s["count"], "min": s["min"], "max": s["max"],
                           "mean": round(s["sum"] / s["count"], 3)} for name, s in sorted(sensors.items())},
    }
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / "stats.json").write_text(json.dumps(stats, indent=2) + "\n")
    print(f"lot {stats['lot']}: {len(files)} files, {len(sensors)} sensors")


if __name__ == "__main__":
    main()
