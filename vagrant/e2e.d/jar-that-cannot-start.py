#!/usr/bin/env python3
"""Writes a copy of a job jar whose manifest names an entry class that does not exist.

Usage: jar-that-cannot-start.py <job jar> <new jar>

vagrant/e2e-lifecycle deploys it as an upgrade: `flink run` cannot start it, so the flink_job
role must roll back to the previous jar from the upgrade's savepoint. Every other entry is copied
as it is. Standard library only.
"""
import argparse
import re
import zipfile

MISSING_CLASS = "vpm.e2e.NoSuchMain"


def rewrite(source, target):
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "META-INF/MANIFEST.MF":
                text = data.decode("utf-8")
                # Flink reads program-class first, then Main-Class.
                text, count = re.subn(r"(?mi)^(Main-Class|program-class): .*$", r"\1: " + MISSING_CLASS,
                                      text.replace("\r\n", "\n"))
                if count < 1:
                    raise SystemExit("no Main-Class line in %s's manifest" % source)
                data = text.replace("\n", "\r\n").encode("utf-8")
            dst.writestr(item, data)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jar")
    parser.add_argument("target")
    args = parser.parse_args()
    rewrite(args.jar, args.target)


if __name__ == "__main__":
    main()
