#!/usr/bin/env python3
"""The end-to-end checks' own data set: made, fed by vagrant/e2e, and checked against the job's output.

Usage:
  dataset.py make <base> <tag>   writes <base>.records (key|value lines), <base>.expected
                                 (vehicle<TAB>true max) and <base>.bad (count of invalid records)
  dataset.py complete <base>     exit 0 once <base>.maxima (key<TAB>value lines read from the
                                 maxima topic) ends at the true maximum for every vehicle, else 1
  dataset.py verify <base>       checks <base>.maxima: keys match vehicleId, the same vehicles,
                                 strictly increasing, ending at the true maxima; prints a one-line
                                 report, exit 1 on the first violation

The tag is unique per run (the lab keeps earlier runs' records) and seeds the generator.
Standard library only.
"""
import argparse
import datetime
import json
import random
import sys


def make(base, tag):
    rnd = random.Random(tag)
    now = datetime.datetime.now(datetime.timezone.utc)
    records, expected = [], {}
    for v in range(8):
        vehicle = f"E2E {tag} V{v}"
        for i in range(60):
            sensor = f"e2e{tag}v{v}s{i % 4}"
            pressure = rnd.randint(100_000, 3_000_000)
            if i % 3 == 0:  # as the replaced system's sensors send them: with a fraction
                pressure += rnd.randint(1, 9999) / 10_000
            ts = (now + datetime.timedelta(milliseconds=10 * i)).strftime("%Y-%m-%d %H:%M:%S.%f")[:-3] + "Z"
            value = {"timestamp": ts, "pressure": pressure, "temperature": round(rnd.uniform(-10, 40), 1),
                     "sensorId": sensor, "vehicleId": vehicle}
            records.append((sensor, json.dumps(value)))
            expected[vehicle] = max(expected.get(vehicle, 0), pressure)
    ts = now.strftime("%Y-%m-%d %H:%M:%S.%f")[:-3] + "Z"
    bad = [
        "not json " + tag,
        json.dumps({"timestamp": ts, "pressure": "abc", "sensorId": "s-" + tag, "vehicleId": "E2E " + tag + " BAD1"}),
        json.dumps({"timestamp": ts, "pressure": -5, "sensorId": "s-" + tag, "vehicleId": "E2E " + tag + " BAD2"}),
        json.dumps({"timestamp": ts, "pressure": 10_000_001, "sensorId": "s-" + tag, "vehicleId": "E2E " + tag + " BAD3"}),
        json.dumps({"timestamp": "yesterday " + tag, "pressure": 5, "sensorId": "s-" + tag, "vehicleId": "E2E " + tag + " BAD4"}),
        json.dumps({"timestamp": ts, "pressure": 5, "sensorId": "", "vehicleId": "E2E " + tag + " BAD5"}),
        json.dumps({"timestamp": ts, "pressure": -1.5, "sensorId": "s-" + tag, "vehicleId": "E2E " + tag + " BAD6"}),
        json.dumps({"timestamp": ts, "pressure": 5, "sensorId": "s-" + tag, "vehicleId": "E2E " + tag + " " + "V" * 257}),
        json.dumps({"timestamp": ts, "pressure": 5, "sensorId": "s-" + tag, "vehicleId": "E2E \ud800 " + tag}),
        json.dumps({"timestamp": "1969-12-31 23:59:59.999Z", "pressure": 5, "sensorId": "s-" + tag, "vehicleId": "E2E " + tag + " BAD9"}),
    ]
    rnd.shuffle(records)
    for i, raw in enumerate(bad):
        records.insert(rnd.randrange(len(records)), (f"bad-{tag}-{i}", raw))
    with open(base + ".records", "w") as f:
        for key, value in records:
            f.write(f"{key}|{value}\n")
    with open(base + ".expected", "w") as f:
        for vehicle, top in sorted(expected.items()):
            f.write(f"{vehicle}\t{top}\n")
    with open(base + ".bad", "w") as f:
        f.write(f"{len(bad)}\n")
    return 0


def complete(base):
    expected = dict(line.rstrip("\n").split("\t") for line in open(base + ".expected"))
    seen = {}
    for line in open(base + ".maxima"):
        key, value = line.rstrip("\n").split("\t", 1)
        seen.setdefault(key, []).append(json.loads(value)["pressureMax"])
    done = all(seen.get(v, [None])[-1] == float(m) for v, m in expected.items())
    return 0 if done else 1


def verify(base):
    expected = {k: float(v) for k, v in (line.rstrip("\n").split("\t") for line in open(base + ".expected"))}
    seen = {}
    for line in open(base + ".maxima"):
        key, value = line.rstrip("\n").split("\t", 1)
        record = json.loads(value)
        if record["vehicleId"] != key:
            print(f"key {key} carries vehicleId {record['vehicleId']}")
            return 1
        seen.setdefault(key, []).append(record["pressureMax"])
    if set(seen) != set(expected):
        print(f"vehicles differ: {sorted(set(seen) ^ set(expected))}")
        return 1
    for vehicle, values in seen.items():
        if any(b <= a for a, b in zip(values, values[1:])):
            print(f"{vehicle}: not strictly increasing: {values}")
            return 1
        if values[-1] != expected[vehicle]:
            print(f"{vehicle}: last max {values[-1]} != true max {expected[vehicle]}")
            return 1
    print(f"{len(seen)} vehicles, {sum(map(len, seen.values()))} committed updates, all strictly increasing, "
          f"all ending at the true maxima")
    return 0


def main():
    parser = argparse.ArgumentParser(prog="dataset.py", description=__doc__.split("\n", 1)[0])
    commands = parser.add_subparsers(dest="command", required=True)
    made = commands.add_parser("make", help="write <base>.records, .expected and .bad")
    made.add_argument("base")
    made.add_argument("tag")
    commands.add_parser("complete", help="exit 0 once the maxima reach the true maxima").add_argument("base")
    commands.add_parser("verify", help="check the maxima and print a report").add_argument("base")
    args = parser.parse_args()
    if args.command == "make":
        return make(args.base, args.tag)
    if args.command == "complete":
        return complete(args.base)
    return verify(args.base)


if __name__ == "__main__":
    sys.exit(main())
