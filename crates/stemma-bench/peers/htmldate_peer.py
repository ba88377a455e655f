#!/usr/bin/env python3
"""trafilatura (htmldate inside) as the date peer for `stemma-bench extraction --peers`.

Reads htmldate-dev under --shared and prints one JSON line per page, {"id", "date"}, the
date trafilatura's metadata gives for the page alone (no URL, as stemma reads it).
"""
import argparse
import gzip
import json
import logging
import sys
from pathlib import Path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", required=True, type=Path)
    args = ap.parse_args()
    import trafilatura

    logging.disable(logging.CRITICAL)
    d = args.shared / "bench/extraction/htmldate-dev"
    gt = json.loads((d / "ground-truth.json").read_text("utf-8"))
    for name in sorted(gt):
        date = None
        try:
            html = gzip.decompress((d / "html" / name).read_bytes())
            res = trafilatura.extract(html, with_metadata=True, output_format="json")
            if res:
                date = json.loads(res).get("date")
        except Exception as e:  # a failed page is no answer, as on the Rust side
            print(f"htmldate peer: {name}: {e}", file=sys.stderr)
        print(json.dumps({"id": name, "date": date}), flush=True)


if __name__ == "__main__":
    main()
