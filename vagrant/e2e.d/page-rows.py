#!/usr/bin/env python3
"""Loads the portal's page in headless Chromium until its table has a vehicle row.

Usage: page-rows.py <chromium> <url> <seconds>

Drives Chromium over its DevTools pipe (the page's event stream never lets --dump-dom's virtual
time run out), prints {rows, first, connection} (plus error, if any) as JSON, exits 0 if the
table had a row within the time, else 1. Standard library only.

A portal behind a password: VPM_E2E_PORTAL_AUTH=user:password in the environment (not on the
command line, where ps would show it) is sent as HTTP Basic authentication with every request of
the page, as a browser does once its user has logged in.
"""
import argparse
import base64
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time


class DevTools:
    """Chromium's remote debugging pipe: it reads commands on fd 3 and writes replies to fd 4."""

    def __init__(self, chromium, profile):
        self.deadline = None  # the caller's: every call fails with TimeoutError after it
        self.buf, self.next_id = b"", 0
        to_chrome_r, self.to_chrome_w = os.pipe()
        self.from_chrome_r, from_chrome_w = os.pipe()

        def fds():
            a, b = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(a, 3)
            os.dup2(b, 4)
        self.proc = subprocess.Popen(
            # --ignore-certificate-errors: the lab's CA is not Chromium's (vagrant/e2e checks the
            # portal's certificate against it with curl).
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--ignore-certificate-errors",
             "--no-first-run", "--user-data-dir=" + profile, "--remote-debugging-pipe", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=False, preexec_fn=fds)
        os.close(to_chrome_r)
        os.close(from_chrome_w)

    def call(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_chrome_w, json.dumps(msg).encode() + b"\0")
        while True:
            while b"\0" in self.buf:
                raw, self.buf = self.buf.split(b"\0", 1)
                reply = json.loads(raw)
                if reply.get("id") == self.next_id:
                    if "error" in reply:
                        raise RuntimeError(f"{method}: {reply['error']}")
                    return reply["result"]
            left = self.deadline - time.monotonic()
            if left <= 0 or not select.select([self.from_chrome_r], [], [], left)[0]:
                raise TimeoutError(method)
            chunk = os.read(self.from_chrome_r, 65536)
            if not chunk:
                raise RuntimeError("chromium exited")
            self.buf += chunk

    def open_page(self, url):
        """A new tab that logs in (VPM_E2E_PORTAL_AUTH, if set) and then loads url; its session id."""
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        auth = os.environ.get("VPM_E2E_PORTAL_AUTH")
        if auth:
            self.call("Network.enable", {}, session)
            self.call("Network.setExtraHTTPHeaders",
                      {"headers": {"Authorization": "Basic " + base64.b64encode(auth.encode()).decode()}}, session)
        self.call("Page.enable", {}, session)
        self.call("Page.navigate", {"url": url}, session)
        return session


def page_rows(chromium, url, timeout):
    profile = tempfile.mkdtemp(prefix="vpm-e2e-chromium.")
    chrome = DevTools(chromium, profile)
    deadline = chrome.deadline = time.monotonic() + timeout
    state = {}
    try:
        session = chrome.open_page(url)
        expr = ("JSON.stringify({rows: document.querySelectorAll('#vehicle-rows tr[data-vehicle-id]').length,"
                " first: (document.querySelector('#vehicle-rows tr[data-vehicle-id]') || {dataset: {}}).dataset.vehicleId || null,"
                " connection: (document.getElementById('connection-text') || {}).textContent || null})")
        while time.monotonic() < deadline:
            try:  # no execution context until the page has loaded
                value = chrome.call("Runtime.evaluate", {"expression": expr, "returnByValue": True},
                                    session)["result"].get("value")
            except RuntimeError as e:
                state["error"], value = str(e), None
            if value:
                state = json.loads(value)  # also clears an earlier error
                if state["rows"] > 0:
                    break
            time.sleep(1)
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
    parser = argparse.ArgumentParser(prog="page-rows.py", description=__doc__.split("\n", 1)[0])
    parser.add_argument("chromium", help="the Chromium binary")
    parser.add_argument("url", help="the portal's page")
    parser.add_argument("seconds", type=float, help="how long to wait for a vehicle row")
    args = parser.parse_args()
    state = page_rows(args.chromium, args.url, args.seconds)
    print(json.dumps(state))
    return 0 if state.get("rows", 0) > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
