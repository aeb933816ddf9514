"""Render time of a 500-node network picture in headless Chromium (issue 6).

Serves a bare page with the addon's own cytoscape.min.js and graph_style.js
(the elements, style and layout the network picture uses) on a local port,
opens it in headless Chromium and lets the page draw a generated network of
``--nodes`` partners several times: from creating the graph, through the
layout, to the first frame painted. The page posts its timings back. This
measures the drawing, not the RPC that loads the data (see bench_network.py
for ``gov_network_graph``).

Usage: ./gov bench  (or: .work/venv/bin/python bench/bench_network_render.py
[--nodes 500] [--runs 7])
"""

import argparse
import json
import shutil
import statistics
import subprocess
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ADDON = Path(__file__).resolve().parent.parent / "addons" / "gov_network"
FILES = {
    "/cytoscape.min.js": ADDON / "static/lib/cytoscape/cytoscape.min.js",
    "/graph_style.js": ADDON / "static/src/network_graph/graph_style.js",
}
PAGE = """<!DOCTYPE html>
<html><body style="margin:0">
<div id="cy" style="width:1280px;height:800px"></div>
<script src="/cytoscape.min.js"></script>
<script type="module">
import { graphElements, graphLayout, GRAPH_STYLE } from "/graph_style.js";
const NODES = %(nodes)d, EDGES = %(edges)d, RUNS = %(runs)d;
let seed = 6;
const rand = (n) => { seed = (seed * 16807) %% 2147483647; return seed %% n; };
const kinds = ["person", "person", "person", "organisation", "colleague"];
const nodes = Array.from({ length: NODES }, (_, i) => ({
    id: i + 1, label: "Partner " + (i + 1), kind: kinds[i %% 5], seed: i === 0 }));
const edges = Array.from({ length: EDGES }, (_, i) => ({
    id: i + 1, source: 1 + rand(NODES), target: 1 + rand(NODES), label: "knows" }))
    .filter((e) => e.source !== e.target);
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
async function draw(layout) {
    const started = performance.now();
    const cy = cytoscape({ container: document.getElementById("cy"),
        elements: graphElements(nodes, edges), style: GRAPH_STYLE, layout });
    const laidOut = performance.now();
    await new Promise((resolve) => {
        cy.one("render", resolve);
        setTimeout(resolve, 5000);
    });
    await frame();
    const painted = performance.now();
    cy.destroy();
    return [laidOut - started, painted - started];
}
const results = { nodes: NODES, edges: edges.length, runs: {} };
for (const [name, layout] of [["used", graphLayout(NODES)],
        ["cose", graphLayout(10)]]) {
    results.runs[name] = { layout: layout.name, times: [] };
    for (let run = 0; run < RUNS; run++) {
        results.runs[name].times.push(await draw(layout));
    }
}
await fetch("/result", { method: "POST", body: JSON.stringify(results) });
</script></body></html>
"""


def serve(page, done):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/":
                body, kind = page.encode(), "text/html"
            elif self.path in FILES:
                body, kind = FILES[self.path].read_bytes(), "text/javascript"
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self):
            length = int(self.headers["Content-Length"])
            done["result"] = json.loads(self.rfile.read(length))
            self.send_response(204)
            self.end_headers()
            done["event"].set()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, default=500)
    parser.add_argument("--runs", type=int, default=7)
    args, _unknown = parser.parse_known_args()  # ./gov bench adds --config
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("Chromium not found: render benchmark skipped")
        return
    page = PAGE % {"nodes": args.nodes, "edges": args.nodes * 2, "runs": args.runs}
    done = {"event": threading.Event()}
    server = serve(page, done)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    with tempfile.TemporaryDirectory() as profile:
        browser = subprocess.Popen(
            [
                *(chromium, "--headless=new", "--no-sandbox", "--disable-gpu"),
                *(f"--user-data-dir={profile}", "--window-size=1280,800", url),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            finished = done["event"].wait(120)
        finally:
            browser.terminate()
            browser.wait(10)
    server.shutdown()
    if not finished:
        print("Chromium did not report render timings within 120 s")
        return
    result = done["result"]
    print(
        f"\nNetwork picture render in headless Chromium: {result['nodes']} nodes, "
        f"{result['edges']} edges, {args.runs} runs (ms)"
    )
    print(f"{'layout':<22}{'layout p50':>12}{'painted p50':>13}{'painted max':>13}")
    for name, run in result["runs"].items():
        laid = statistics.median(t[0] for t in run["times"])
        painted = [t[1] for t in run["times"]]
        label = f"{run['layout']} ({name})"
        print(
            f"{label:<22}{laid:>12.0f}{statistics.median(painted):>13.0f}"
            f"{max(painted):>13.0f}"
        )


if __name__ == "__main__":
    main()
