"""Accuracy, speed and memory of the shipped NER tagger.

Prints entity-level micro F1 (seqeval-style strict IOB2) and per-type F1 on the ANERcorp
CAMeL test split and on AQMAR dev, tokens per second on one core, model load time and
peak RSS. The corpora are continuous news and encyclopaedia text, so the tagger reads them
as it reads a report: names spread to their repeats within 20 sentences (as within one
report). The peer, measured in the same run, is a memorising baseline: each word gets
the tag it most often had in ANERcorp train (the usual floor for this corpus).

Usage: ``OMP_NUM_THREADS=1 python bench/ner_eval.py [--data ../shared/data] [--model DIR]``
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from collections import Counter, defaultdict
from pathlib import Path

from marsad.entities.conll import Sentence, read_conll, repair, score
from marsad.entities.features import word_key
from marsad.entities.ner import NerModel, default_model_dir

ROOT = Path(__file__).resolve().parent.parent


def memorising_baseline(train: list[Sentence]) -> dict[str, str]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for tokens, tags in train:
        for token, tag in zip(tokens, tags, strict=True):
            counts[word_key(token)][tag] += 1
    return {word: c.most_common(1)[0][0] for word, c in counts.items()}


def report(name: str, gold: list[Sentence], predicted: list[list[str]]) -> float:
    scores = score([tags for _, tags in gold], predicted)
    micro = scores["micro"]
    per_type = "  ".join(f"{k} {v.f1:5.1f}" for k, v in scores.items() if k != "micro")
    print(
        f"  {name:<34} F1 {micro.f1:5.2f}  (P {micro.precision:5.1f} R {micro.recall:5.1f})"
        f"  {per_type}"
    )
    return micro.f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_data = os.environ.get("MARSAD_SHARED_DATA", str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--data", type=Path, default=Path(default_data))
    parser.add_argument("--model", type=Path, default=None)
    args = parser.parse_args()

    started = time.perf_counter()
    model = NerModel.load(args.model or default_model_dir())
    load_s = time.perf_counter() - started

    ner = args.data / "ner"
    train = read_conll(ner / "anercorp" / "train.txt")
    corpora = {
        "ANERcorp test (CAMeL split)": read_conll(ner / "anercorp" / "test.txt"),
        "AQMAR dev (Wikipedia)": read_conll(ner / "aqmar" / "dev.conll"),
    }
    baseline = memorising_baseline(train)

    print(f"NER tagger {model.version} from {args.model or default_model_dir()}")
    print(f"  load time {load_s:.3f} s")
    seconds = 0.0
    tokens = 0
    for name, sentences in corpora.items():
        model.clear_caches()  # each corpus starts cold, as a new process would
        started = time.process_time()
        predicted = model.tag_document([words for words, _ in sentences])
        seconds += time.process_time() - started
        tokens += sum(len(words) for words, _ in sentences)
        print(name)
        ours = report(f"marsad {model.version}", sentences, predicted)
        peer = report(
            "peer: memorising baseline",
            sentences,
            [repair([baseline.get(word_key(w), "O") for w in words]) for words, _ in sentences],
        )
        print(f"  ratio marsad/peer F1 {ours / peer:.2f}")
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"speed {tokens / seconds:,.0f} tokens/s on one core (CPU time, cold feature cache)")
    print(f"peak RSS {rss_mb:.0f} MB (whole process, both corpora loaded)")
    size = sum(p.stat().st_size for p in (args.model or default_model_dir()).iterdir())
    print(f"model size {size / 2**20:.1f} MB on disk")


if __name__ == "__main__":
    main()
