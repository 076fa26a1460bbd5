#!/usr/bin/env python3
"""Prints the name=address pairs of an inventory's hosts, space-separated, for vagrant/e2e.

Usage: machine-addresses.py <inventory hosts.yml>

vagrant/vmlab passes the result to vagrant/e2e as VPM_LAB_MACHINE_ADDRESSES. Reads the
inventory's own layout (all: hosts: <name>: ansible_host: <address>, up to children:) without
a YAML library: standard library only.
"""
import argparse
import re
import sys


def machine_addresses(lines):
    pairs, host = [], None
    for line in lines:
        m = re.match(r"^    (\w+):\s*$", line)
        if m:
            host = m.group(1)
        m = re.match(r"^      ansible_host:\s*(\S+)", line)
        if m and host:
            pairs.append(f"{host}={m.group(1)}")
        if line.startswith("  children:"):
            break
    return pairs


def main():
    parser = argparse.ArgumentParser(prog="machine-addresses.py", description=__doc__.split("\n", 1)[0])
    parser.add_argument("hosts", help="the inventory's hosts.yml")
    args = parser.parse_args()
    with open(args.hosts) as f:
        print(" ".join(machine_addresses(f)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
