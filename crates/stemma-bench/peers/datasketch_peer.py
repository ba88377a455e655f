#!/usr/bin/env python3
"""Peer for `stemma-bench syndication`: datasketch's MinHashLSH on the same corpus and shingles.

Reads a JSONL corpus ({"text": ...} per line), shingles each text into 5-word shingles over
lower-cased \\w+ words (as stemma does), builds a MinHash per record and, record by record,
queries a MinHashLSH index and then inserts the record; every pair the index returns is joined
(union-find). Prints one JSON object: a cluster label per record, the CPU seconds of the thread
spent hashing and indexing (reading excluded), and the datasketch version.
"""
import argparse
import json
import re
import sys
import time

WORD = re.compile(r"\w+")


def shingles(text, k=5):
    words = WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--num-perm", type=int, default=128)
    ap.add_argument(
        "--per-shingle",
        action="store_true",
        help="feed shingles one by one with MinHash.update (the documented basic use) "
        "instead of MinHash.update_batch",
    )
    args = ap.parse_args()
    try:
        import datasketch
        from datasketch import MinHash, MinHashLSH
    except ImportError as e:
        print(f"datasketch is not installed: {e}", file=sys.stderr)
        sys.exit(3)
    texts = []
    with open(args.corpus, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                texts.append(json.loads(line).get("text", ""))
    parent = list(range(len(texts)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    lsh = MinHashLSH(threshold=args.threshold, num_perm=args.num_perm)
    start = time.thread_time()
    for i, text in enumerate(texts):
        m = MinHash(num_perm=args.num_perm)
        if args.per_shingle:
            for s in shingles(text):
                m.update(s.encode("utf-8"))
        else:
            m.update_batch([s.encode("utf-8") for s in shingles(text)])
        for j in lsh.query(m):
            a, b = find(i), find(int(j))
            if a != b:
                parent[a] = b
        lsh.insert(str(i), m)
    seconds = time.thread_time() - start
    labels = [find(i) for i in range(len(texts))]
    json.dump(
        {
            "labels": labels,
            "seconds": seconds,
            "version": getattr(datasketch, "__version__", None),
            "threshold": args.threshold,
            "num_perm": args.num_perm,
            "mode": "update" if args.per_shingle else "update_batch",
        },
        sys.stdout,
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
