#!/usr/bin/env python3
"""trafilatura as a whole process, for `stemma-bench process`: what a user's script does.

Starts, imports trafilatura, reads every page of a directory (gzipped or not), extracts each
with its metadata on one thread, and writes one JSON line per page to standard output, the way
`stemma extract --jobs 1 --format jsonl DIR` does. Nothing is timed here: the caller times the
whole process (start-up, reading, decompression, extraction, writing).
"""
import gzip
import json
import logging
import sys
from pathlib import Path


def main():
    import trafilatura

    logging.disable(logging.CRITICAL)
    out = sys.stdout
    for path in sorted(Path(sys.argv[1]).iterdir()):
        raw = path.read_bytes()
        if path.name.endswith(".gz"):
            try:
                raw = gzip.decompress(raw)
            except OSError:
                continue
        res = trafilatura.extract(
            raw, include_comments=False, with_metadata=True, output_format="json"
        )
        rec = json.loads(res) if res else {}
        rec["path"] = str(path)
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    out.flush()


if __name__ == "__main__":
    main()
