#!/usr/bin/env python3
"""Loads the portal's operations page /ops in headless Chromium until its charts have data.

Usage: ops-charts.py [--screenshot FILE] [--alert NAME] <chromium> <url> <seconds> <panel> [<panel> ...]

Drives Chromium over its DevTools pipe (as page-rows.py, whose DevTools class it reuses), waits
until every named panel's chart has points (data-state="data") and the alerts list has loaded
(with the alert NAME among the firing ones, if given),
prints {panels: {id: [state, points]}, alerts, banner} as JSON, saves a PNG screenshot of the page
if asked, and exits 0 if all of that held within the time, else 1. Standard library only.
"""
import argparse
import base64
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

_spec = importlib.util.spec_from_file_location(
    "page_rows", os.path.join(os.path.dirname(os.path.abspath(__file__)), "page-rows.py"))
page_rows = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(page_rows)

STATE = ("JSON.stringify({"
         "panels: Object.fromEntries([...document.querySelectorAll('#charts .chart-card')].map(c =>"
         " [c.dataset.panel, [c.dataset.state, Number(c.dataset.points || 0)]])),"
         " canvases: document.querySelectorAll('#charts .chart-card canvas').length,"
         " alerts: (document.getElementById('alerts') || {dataset: {}}).dataset.state || null,"
         " firing: [...document.querySelectorAll('#alerts li[data-alert]')].map(li => li.dataset.alert),"
         " banner: (document.getElementById('ops-banner') || {}).hidden === false"
         " ? document.getElementById('ops-banner').textContent : null})")


def done(state, panels, alert=None):
    got = state.get("panels", {})
    if alert and alert not in state.get("firing", []):
        return False
    return state.get("alerts") == "loaded" and all(got.get(p, ["", 0])[0] == "data" and got[p][1] > 0
                                                   for p in panels)


def ops_charts(chromium, url, timeout, panels, screenshot, alert):
    profile = tempfile.mkdtemp(prefix="vpm-e2e-chromium.")
    chrome = page_rows.DevTools(chromium, profile)
    deadline = chrome.deadline = time.monotonic() + timeout
    state = {}
    try:
        session = chrome.open_page("about:blank")
        # Tall enough for the alerts and every chart in one picture.
        chrome.call("Emulation.setDeviceMetricsOverride",
                    {"width": 1280, "height": 1640, "deviceScaleFactor": 1, "mobile": False}, session)
        chrome.call("Page.navigate", {"url": url}, session)
        while time.monotonic() < deadline:
            try:  # no execution context until the page has loaded
                value = chrome.call("Runtime.evaluate", {"expression": STATE, "returnByValue": True},
                                    session)["result"].get("value")
            except RuntimeError as e:
                state["error"], value = str(e), None
            if value:
                state = json.loads(value)  # also clears an earlier error
                if done(state, panels, alert):
                    break
            time.sleep(2)
        if screenshot and state.get("panels"):
            time.sleep(1)  # let the last chart finish drawing
            shot = chrome.call("Page.captureScreenshot", {"format": "png"}, session)["data"]
            with open(screenshot, "wb") as f:
                f.write(base64.b64decode(shot))
            state["screenshot"] = screenshot
        try:
            chrome.call("Browser.close")
        except Exception:
            pass
    except Exception as e:
        state["error"] = str(e)
    finally:
        try:
            chrome.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            chrome.proc.kill()
            chrome.proc.wait()
        shutil.rmtree(profile, ignore_errors=True)
    return state


def main():
    parser = argparse.ArgumentParser(prog="ops-charts.py", description=__doc__.split("\n", 1)[0])
    parser.add_argument("--screenshot", help="write a PNG of the page here")
    parser.add_argument("--alert", help="an alert that must be listed as firing")
    parser.add_argument("chromium", help="the Chromium binary")
    parser.add_argument("url", help="the portal's /ops page")
    parser.add_argument("seconds", type=float, help="how long to wait for the charts")
    parser.add_argument("panels", nargs="+", help="panel ids whose charts must have points")
    args = parser.parse_args()
    state = ops_charts(args.chromium, args.url, args.seconds, args.panels, args.screenshot, args.alert)
    print(json.dumps(state))
    return 0 if done(state, args.panels, args.alert) else 1


if __name__ == "__main__":
    sys.exit(main())
