#!/usr/bin/env python3
"""trafilatura as a peer for `stemma-bench extraction --peers`.

Reads the same gzipped pages as the Rust harness (scrapinghub, wcxb-dev-articles and
trafilatura-eval-dev under --shared), decompresses them all first (not timed), then extracts each page once, on one
thread, timing only the `trafilatura.extract` call. Writes one JSON line per page to stdout:

    {"dataset", "id", "text", "title", "author", "date", "seconds", "error"}

and a last line {"summary": {...}} with the trafilatura version and the peak RSS of this
process (resource.getrusage, MiB). Progress goes to stderr.

Settings: trafilatura's defaults except include_comments=False; with_metadata=True and
output_format="json" only so that title, author and date come back with the text (the body
text is the same `xmltotxt` rendering the default "txt" output gives). The page URL is passed,
as stemma gets it too. Raw bytes are passed, so trafilatura does its own charset decoding
(stemma's timing includes decoding as well).
"""
import argparse
import gzip
import json
import logging
import resource
import sys
import time
from pathlib import Path


def pages(shared: Path, datasets):
    if "scrapinghub" in datasets:
        d = shared / "bench/extraction/scrapinghub"
        gt = json.loads((d / "ground-truth.json").read_text("utf-8"))
        for p in sorted((d / "html").glob("*.html.gz")):
            pid = p.name[: -len(".html.gz")]
            yield "scrapinghub", pid, (gt.get(pid) or {}).get("url"), p
    if "wcxb" in datasets:
        d = shared / "bench/extraction/wcxb-dev-articles"
        for p in sorted((d / "html").glob("*.html.gz")):
            pid = p.name[: -len(".html.gz")]
            g = d / "ground-truth" / f"{pid}.json"
            url = json.loads(g.read_text("utf-8")).get("url") if g.exists() else None
            yield "wcxb", pid, url, p
    if "trafilatura-eval" in datasets:
        d = shared / "bench/extraction/trafilatura-eval-dev"
        gt = json.loads((d / "ground-truth.json").read_text("utf-8"))
        for p in sorted((d / "html").glob("*.html.gz")):
            pid = p.name[: -len(".html.gz")]
            yield "trafilatura-eval", pid, (gt.get(p.name) or {}).get("url"), p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", required=True, type=Path)
    ap.add_argument("--datasets", default="scrapinghub,wcxb,trafilatura-eval")
    args = ap.parse_args()

    import trafilatura

    logging.disable(logging.CRITICAL)  # trafilatura/htmldate/courlan chatter

    items = []
    for ds, pid, url, path in pages(args.shared, args.datasets.split(",")):
        try:
            items.append((ds, pid, url, gzip.decompress(path.read_bytes())))
        except OSError as e:
            print(f"trafilatura peer: {ds} {pid}: {e}", file=sys.stderr)
    print(f"trafilatura peer: {len(items)} pages loaded", file=sys.stderr)

    def run(html, url):
        return trafilatura.extract(
            html, url=url, include_comments=False, with_metadata=True, output_format="json"
        )

    # One untimed warm-up call, so that lazy imports and first-use setup are not charged to
    # the first page.
    if items:
        run(items[0][3], items[0][2])

    out = sys.stdout
    total = 0.0
    for n, (ds, pid, url, html) in enumerate(items, 1):
        err = None
        t0 = time.perf_counter()
        try:
            res = run(html, url)
        except Exception as e:  # a failed page is an empty output, as on the Rust side
            res = None
            err = repr(e)
        dt = time.perf_counter() - t0
        total += dt
        rec = json.loads(res) if res else {}
        out.write(
            json.dumps(
                {
                    "dataset": ds,
                    "id": pid,
                    "text": rec.get("text") or "",
                    "title": rec.get("title"),
                    "author": rec.get("author"),
                    "date": rec.get("date"),
                    "seconds": dt,
                    "error": err,
                },
                ensure_ascii=False,
            )
            + "\n"
        )
        if n % 100 == 0 or n == len(items):
            print(f"trafilatura peer: {n}/{len(items)} pages, {total:.1f} s extracting", file=sys.stderr)

    rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux
    summary = {"trafilatura_version": trafilatura.__version__, "max_rss_mib": rss_mib, "pages": len(items)}
    out.write(json.dumps({"summary": summary}) + "\n")
    out.flush()


if __name__ == "__main__":
    main()
