"""A user in a real browser (Debian's chromium, headless), driven over the DevTools protocol:
opens the index of a running medrd-kg server (or of a published static site behind a web
server), searches, follows the first hit to its page,
and prints what the page shows (its URL and text) as JSON; saves a screenshot.

    browse.py SERVER_URL QUERY SCREENSHOT.png
"""
import base64
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket  # websocket-client


def main():
    server, query, shot = sys.argv[1], sys.argv[2], sys.argv[3]
    profile = tempfile.mkdtemp(prefix="medrd-kg-chromium-")
    chrome = subprocess.Popen(
        [
            os.environ.get("CHROMIUM", "/usr/bin/chromium"),
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--remote-debugging-port=0", "--user-data-dir=" + profile, "--window-size=1200,1500",
            "--lang=ja", "--accept-lang=ja,en",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        port_file = os.path.join(profile, "DevToolsActivePort")
        for _ in range(200):
            if os.path.exists(port_file) and open(port_file).read().strip():
                break
            time.sleep(0.1)
        port = open(port_file).read().split()[0]
        pages = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
        ws = websocket.create_connection(next(p for p in pages if p["type"] == "page")["webSocketDebuggerUrl"], timeout=30)
        counter = [0]

        def call(method, **params):
            counter[0] += 1
            ws.send(json.dumps({"id": counter[0], "method": method, "params": params}))
            while True:
                msg = json.loads(ws.recv())
                if msg.get("id") == counter[0]:
                    if "error" in msg:
                        raise RuntimeError(f"{method}: {msg['error']}")
                    return msg.get("result", {})

        def js(expr):
            r = call("Runtime.evaluate", expression=expr, returnByValue=True, awaitPromise=True)
            return r.get("result", {}).get("value")

        def wait_for(expr):
            for _ in range(300):
                try:
                    if js(expr):
                        return
                except RuntimeError:
                    pass  # the page is navigating: its old context is gone; ask again
                time.sleep(0.05)
            raise RuntimeError("timed out waiting for " + expr)

        call("Page.enable")
        call("Page.navigate", url=server + "/")
        wait_for("document.readyState === 'complete' && !!document.querySelector('form.search input[name=q]')")
        index_ok = js("document.body.innerText.includes('医薬品プロジェクト')")
        # type the query into the search box and submit, as a user does
        js(f"(() => {{ const i = document.querySelector('form.search input[name=q]'); i.value = {json.dumps(query)}; i.form.submit(); }})()")
        # the server's /search, or a static site's search.html (search.en.html)
        on_search = "/\\/search(\\.en)?(\\.html)?$/.test(location.pathname)"
        wait_for(on_search + " && document.readyState === 'complete'")
        hits = js("document.querySelectorAll('ol.hits a').length")
        js("document.querySelector('ol.hits a').click()")
        wait_for("!" + on_search + " && document.readyState === 'complete' && !!document.querySelector('h1')")
        wait_for("Array.from(document.images).every(i => i.complete)")
        text = js("document.body.innerText")
        url = js("location.href")
        picture = js("(() => { const i = document.querySelector('img.picture'); return i ? i.naturalWidth : 0; })()")
        png = call("Page.captureScreenshot", format="png", captureBeyondViewport=False)["data"]
        with open(shot, "wb") as f:
            f.write(base64.b64decode(png))
        print(json.dumps({"index_ok": index_ok, "hits": hits, "url": url, "text": text, "picture_width": picture}, ensure_ascii=False))
    finally:
        chrome.kill()
        chrome.wait()


if __name__ == "__main__":
    main()
