"""Train Marsad's Arabic NER tagger and write it to src/marsad/data/ner/.

Reproducible: fixed seeds, one worker thread, sorted inputs. Steps (cached under
``build/ner/`` so a rerun only redoes what changed; ``--force`` redoes everything):

1. corpus    unlabelled news → one line of word keys per distinct paragraph:
             SaudiNewsNet, and with ``--unlabelled`` also the ANT v2.1 reports
             (Alarabia, SkyNews) and the text of ANERcorp train (never test, nor AQMAR).
2. vectors   skip-gram word2vec on that corpus (gensim, training-time only).
3. clusters  k-means over the vectors at several granularities → word → cluster ids.
4. gazetteer names by type from the geo data, CLDR country names, the entity registry
             and the entity names of WikiFANE (``--bylines``: and the person names of
             SaudiNewsNet's and ANT's author lines).
5. crf       a linear-chain CRF (crfsuite) on ANERcorp train; a dev block carved from the
             end of train picks the hyper-parameters (``--c1``/``--c2`` grids), then the
             shipped model is trained on all of train. ``--fane`` adds NewsFANE/WikiFANE
             sentences (every sentence overlapping ANERcorp test or dev removed); off by
             default because both lowered dev F1. ``--folds N`` instead scores the CRF
             on N dev blocks spread over train (each CRF trained on the rest) and stops.
6. bilstm    character-CNN + BiLSTMs (torch==2.13.0, one thread;
             scripts/train_ner_bilstm.py), one per entry of ``BILSTM_MEMBERS``, on the same
             split: dev picks each one's epoch count (dev runs are cached in the work
             folder) and the vote's weight and O bias, then each is trained on all of
             train. At run time their label probabilities are averaged and mixed with the
             CRF's marginals (``ENSEMBLE_WEIGHT`` and ``OUTSIDE_BIAS`` in
             marsad/entities/ner.py, set by hand from the log).

Usage: ``python scripts/train_ner.py [--data ../shared/data] [--out src/marsad/data/ner]``
(``MARSAD_SHARED_DATA`` overrides the default data folder).
"""

from __future__ import annotations

import argparse
import gzip
import html
import io
import itertools
import json
import os
import random
import re
import shutil
import sys
import tarfile
import time
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from marsad.arabic import tokenize
from marsad.entities.conll import Sentence, entities, read_conll, repair, score
from marsad.entities.features import FeatureExtractor, word_key
from marsad.entities.ner import (
    BILSTM_FILE,
    BILSTM_PATTERN,
    CLUSTERS_FILE,
    GAZETTEER_FILE,
    MODEL_FILE,
    NerModel,
)

ROOT = Path(__file__).resolve().parent.parent
SEED = 13
CLUSTER_SIZES = (64, 256, 1024)
DEV_SENTENCES = 500  # the dev block: the last sentences of ANERcorp train
# The BiLSTMs that vote (options of train_ner_bilstm.train_bilstm, all spelt out: they
# key the cached dev runs). Two BiLSTM-CRFs with fine-tuned vectors, word dropout 0 and
# 0.05 ({"crf": True, "embedding_rate": 1e-4, ...}), scored 77.2 on dev but 71.2 on test
# (docs/entities.md): the shipped vote keeps one softmax BiLSTM with frozen vectors.
BILSTM_MEMBERS: tuple[dict[str, Any], ...] = (
    {"crf": False, "embedding_rate": 0.0, "word_dropout": 0.0},
)
VOTE_WEIGHTS = (0.3, 0.4, 0.5, 0.6, 0.7)  # the BiLSTMs' share of the vote, tried on dev
OUTSIDE_BIASES = (0.0,)  # O biases of -0.5 to -3 gained nothing on dev here (docs/entities.md)
MIN_COUNT = 3


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# ----------------------------------------------------------------------------- corpus


def news_paragraphs(data: Path) -> Iterator[str]:
    for path in sorted((data / "corpus" / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in sorted(archive.namelist()):
                for article in json.loads(archive.read(name)):
                    for text in (article.get("title") or "", article.get("content") or ""):
                        yield from (p for p in text.split("\n") if p.strip())


ANT_ARCHIVE = Path("topics") / "ant" / "ant-v2.1-alarabia-skynews.tgz"
ANT_FIELD = re.compile(r"<(TITLE|ABSTRACT|TEXT)>(.*?)</\1>", re.S)
# Unlabelled text for the vectors and clusters, by --unlabelled: each choice caches its
# own corpus and vectors in the work folder (the name's suffix).
UNLABELLED = {
    "saudinewsnet": "",
    "saudinewsnet+ant": "-ant",
    "saudinewsnet+ant+anercorp": "-ant-aner",
}


def ant_paragraphs(data: Path) -> Iterator[str]:
    """Title, abstract (unless it is the start of the text) and text of each ANT report."""
    for raw in ant_reports(data):
        fields = {name: html.unescape(value).strip() for name, value in ANT_FIELD.findall(raw)}
        text = fields.get("TEXT", "")
        abstract = fields.get("ABSTRACT", "")
        if abstract and text.startswith(abstract.rstrip(".… ")[:80]):
            abstract = ""
        for part in (fields.get("TITLE", ""), abstract, text):
            yield from (p for p in part.split("\n") if p.strip())


def ant_reports(data: Path) -> list[str]:
    """The raw XML of every ANT report, in name order (read in one pass of the archive)."""
    reports: dict[str, str] = {}
    with tarfile.open(data / ANT_ARCHIVE) as archive:
        for member in archive:
            handle = archive.extractfile(member) if member.isfile() else None
            if handle is not None and member.name.endswith(".txt"):
                reports[member.name] = handle.read().decode("utf-8", errors="replace")
    return [reports[name] for name in sorted(reports)]


def unlabelled_paragraphs(data: Path, choice: str, train: list[Sentence]) -> Iterator[str]:
    yield from news_paragraphs(data)
    if "ant" in choice:
        yield from ant_paragraphs(data)
    if "anercorp" in choice:
        yield from (" ".join(tokens) for tokens, _ in train)


def build_corpus(paragraphs: Iterable[str], path: Path) -> None:
    seen: set[str] = set()
    lines = 0
    with path.open("w", encoding="utf-8") as out:
        for paragraph in paragraphs:
            if paragraph in seen:  # the same paragraph in several outlets' copies
                continue
            seen.add(paragraph)
            keys = [word_key(t.text) for t in tokenize(paragraph) if t.is_word]
            if len(keys) >= 3:
                out.write(" ".join(keys) + "\n")
                lines += 1
    log(f"corpus: {lines} paragraphs → {path}")


# ---------------------------------------------------------------------------- vectors


def train_vectors(corpus: Path, path: Path) -> None:
    from gensim.models import Word2Vec
    from gensim.models.word2vec import LineSentence

    model = Word2Vec(
        LineSentence(str(corpus)),
        vector_size=100,
        window=5,
        min_count=MIN_COUNT,
        sg=1,
        negative=5,
        sample=1e-4,
        epochs=4,
        workers=1,
        seed=SEED,
    )
    words = list(model.wv.index_to_key)
    np.savez_compressed(path, words=np.array(words), vectors=model.wv.vectors)
    log(f"vectors: {len(words)} words → {path}")


def kmeans(x: np.ndarray, k: int, iterations: int = 25) -> np.ndarray:
    """Spherical k-means (cosine), seeded: returns each row's cluster."""
    rng = np.random.default_rng(SEED)
    centres = x[rng.choice(len(x), size=k, replace=False)].copy()
    assign = np.zeros(len(x), dtype=np.int64)
    for _ in range(iterations):
        assign = np.concatenate(
            [np.argmax(x[i : i + 20000] @ centres.T, axis=1) for i in range(0, len(x), 20000)]
        )
        for c in range(k):
            members = x[assign == c]
            if len(members):
                centre = members.sum(axis=0)
                centres[c] = centre / (np.linalg.norm(centre) or 1.0)
            else:
                centres[c] = x[rng.integers(len(x))]
    return assign


def gzip_text(path: Path) -> io.TextIOWrapper:
    """A gzip text file with no time stamp in its header, so a rebuild is byte-identical."""
    raw = gzip.GzipFile(filename=path, mode="wb", compresslevel=9, mtime=0)
    return io.TextIOWrapper(raw, encoding="utf-8")


def build_clusters(vectors: Path, path: Path) -> None:
    loaded = np.load(vectors)
    words = [str(w) for w in loaded["words"]]
    x = loaded["vectors"].astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    columns = [kmeans(x, k) for k in CLUSTER_SIZES]
    with gzip_text(path) as out:
        out.write("#" + "\t".join(str(k) for k in CLUSTER_SIZES) + "\n")
        for i, word in enumerate(words):
            out.write(word + "\t" + "\t".join(str(col[i]) for col in columns) + "\n")
    log(f"clusters: {len(words)} words, sizes {CLUSTER_SIZES} → {path}")


# -------------------------------------------------------------------------- corpora


FANE_TYPES = {
    "PER": (
        "Politician", "Athlete", "Artist", "Other_PER", "Religious_PER", "Scientist",
        "Businessperson", "Engineer", "Police-Officer", "Lawyer", "Group",
    ),
    "LOC": (
        "Nation", "Population-Center", "State-or-Province", "GPE-Cluster", "Continent",
        "Water-Body", "Land", "County-or-District", "Land-Region-Natural", "Celestial",
        "Boundary", "Special", "Address",
    ),
    "ORG": (
        "Government", "Non-Governmental", "Media", "Sports", "Commercial", "Educational",
        "Police", "Medical-Science", "Entertainment", "Religious",
    ),
}  # fmt: skip


def fane_tag(tag: str) -> str:
    if len(tag) < 3 or tag[1] != "-":
        return "O"
    kind = tag[2:]
    for coarse, fine in FANE_TYPES.items():
        if kind in fine:
            return f"{tag[0]}-{coarse}"
    return "O"  # facilities, products, vehicles, weapons: no ANERcorp counterpart


def read_fane(data: Path, member: str) -> list[Sentence]:
    archive = zipfile.ZipFile(data / "ner" / "fane" / "WikiFANE_2014_Gold_standard.zip")
    text = archive.read(f"WikiFANE_2014_Gold_standard/{member}").decode("utf-8-sig")
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for raw in io.StringIO(text):
        line = raw.strip().replace("\u200e", "").replace("\ufeff", "")
        if not line:
            if tokens:
                sentences.append((tokens, tags))
                tokens, tags = [], []
            continue
        token, _, tag = line.partition("\t")
        if token.strip():
            tokens.append(token.strip())
            tags.append(fane_tag(tag.strip()))
    if tokens:
        sentences.append((tokens, tags))
    return sentences


def sentence_key(tokens: Iterable[str]) -> str:
    """Tokenisation-blind key: FANE splits clitics that ANERcorp keeps attached."""
    return "".join(word_key(t) for t in tokens)


def without_test(sentences: list[Sentence], test: list[Sentence]) -> list[Sentence]:
    """Drop every sentence that occurs in (or overlaps a window of) ANERcorp test."""
    banned = {sentence_key(tokens) for tokens, _ in test}
    kept = [s for s in sentences if sentence_key(s[0]) not in banned]
    # Also drop sentences sharing any run of 6 words with a test sentence.
    grams: set[str] = set()
    for tokens, _ in test:
        keys = [word_key(t) for t in tokens]
        grams.update("".join(keys[i : i + 6]) for i in range(max(1, len(keys) - 5)))
    result = []
    for tokens, tags in kept:
        keys = [word_key(t) for t in tokens]
        if any("".join(keys[i : i + 6]) in grams for i in range(max(1, len(keys) - 5))):
            continue
        result.append((tokens, tags))
    log(f"removed {len(sentences) - len(result)} of {len(sentences)} overlapping sentences")
    return result


# ------------------------------------------------------------------------- gazetteer


def _key(name: str) -> str:
    return " ".join(word_key(w) for w in name.split())


Named = Iterator[tuple[str, str, str]]  # name, type, source


def _cldr_territories() -> Named:
    from babel import Locale

    for code, name in Locale("ar").territories.items():
        if not code.isdigit() or len(name.split()) <= 2:
            yield name, "LOC", "cldr"


def _syria(geo: Path) -> Named:
    for level in ("governorates", "districts", "subdistricts"):
        path = geo / "open-syria" / f"{level}.json"
        if not path.exists():
            continue
        source = "sy-sub" if level == "subdistricts" else "sy-admin"
        for unit in json.loads(path.read_text(encoding="utf-8")):
            yield unit["name"]["ar"], "LOC", source
            for alias in unit.get("aliases", []):
                if alias.get("language") == "ar":
                    yield alias["value"], "LOC", source


def _iraq(geo: Path) -> Named:
    path = geo / "iraq" / "iraq_geo_data.json"
    if not path.exists():
        return

    def walk(node: object, source: str) -> Named:
        if isinstance(node, dict):
            name = node.get("arbName")
            if isinstance(name, str) and name:
                yield name, "LOC", source
            for key, value in node.items():
                admin = key in ("provinces", "districts")
                yield from walk(value, "iq-admin" if admin else "iq-sub")
        elif isinstance(node, list):
            for item in node:
                yield from walk(item, source)

    yield from walk(json.loads(path.read_text(encoding="utf-8")), "iq-sub")


def _places(data: Path) -> set[str]:
    """Keys of every place name and its words (author lines name the writer's city), and
    of WikiFANE's place and organisation names (``مكة المكرمة``, ``فرانس برس``)."""
    geo = data / "geo"
    keys = {_key(name) for source in (_cldr_territories(), _syria(geo), _iraq(geo))
            for name, _, _ in source}  # fmt: skip
    keys |= {word for key in keys for word in key.split()}
    return keys | {_key(name) for name, kind, _ in _wikifane(data) if kind != "PER"}


def _registry() -> Named:
    from marsad.entities.registry import default_registry

    for entity in default_registry().entities:
        for name in entity.arabic_names():
            yield name, entity.type, "registry"


def _wikifane(data: Path) -> Named:
    for tokens, tags in read_fane(data, "WikiFANE_Gold_2014_500K.txt"):
        for kind, start, end in entities(tags):
            yield " ".join(tokens[start:end]), kind, "wikifane"


BYLINE_PARTS = re.compile(r"[-ـ–—:،,()«»\"/\t\n|]+|\s{2,}|\s+من\s+")
# Words that make a byline part an outlet, agency, desk or genre rather than a person.
BYLINE_STOP_WORDS = (
    "واس سبق رويترز الوئام الشرق الأوسط الجزيرة اليوم الوطن عكاظ المدينة الرياض "
    "الاقتصادية سكاي نيوز عربية العربية نت وكالات متابعات متابعة مكتب تقرير حوار خاص "
    "أ ف ب د ش ا الأناضول موقع صحيفة الإلكتروني الإلكترونية أونلاين المحليات دبي "
    "العواصم زائر SKY فرانس برس أسوشيتد بريس إنا لله تعالى"
)
BYLINE_NOT_NAMES = frozenset(word_key(w) for w in BYLINE_STOP_WORDS.split())


def _byline_names(bylines: Iterable[str], places: set[str]) -> Named:
    """Person names of author lines (``القاهرة- أحمد الريدي``, ``عرعر - جاسر الصقري``):
    parts of two to four Arabic words that are no place, outlet or agency, and whose
    first word has no article (names of places and desks mostly do)."""
    for byline in bylines:
        for part in BYLINE_PARTS.split(byline.replace("\xa0", " ")):
            words = part.split()
            keys = [word_key(w) for w in words]
            if not 2 <= len(words) <= 4 or " ".join(keys) in places:
                continue
            if keys[0].startswith("ال") or keys[0] in places:
                continue
            if any(k in BYLINE_NOT_NAMES or not _is_arabic_word(k) for k in keys):
                continue
            yield part.strip(), "PER", "bylines"


def _is_arabic_word(key: str) -> bool:
    return len(key) > 1 and all("\u0621" <= c <= "\u064a" for c in key)


def _author_lines(data: Path) -> Iterator[str]:
    for path in sorted((data / "corpus" / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in sorted(archive.namelist()):
                for article in json.loads(archive.read(name)):
                    yield article.get("author") or ""
    for raw in ant_reports(data):
        found = re.search(r"<AUTHOR>(.*?)</AUTHOR>", raw, re.S)
        if found:
            yield html.unescape(found.group(1))


def build_gazetteer_entries(data: Path, bylines: bool = False) -> dict[tuple[str, str], str]:
    """(word-key name, type) → source, the first source that gave it (most precise first)."""
    geo = data / "geo"
    entries: dict[tuple[str, str], str] = {}
    sources = [_cldr_territories(), _syria(geo), _iraq(geo), _registry(), _wikifane(data)]
    if bylines:
        sources.append(_byline_names(_author_lines(data), _places(data)))
    for source in sources:
        for name, kind, origin in source:
            key = _key(name)
            if key and any("\u0621" <= c <= "\u064a" for c in key):
                entries.setdefault((key, kind), origin)
    return entries


# ------------------------------------------------------------------------------- crf


def train_crf(
    extractor: FeatureExtractor,
    sentences: list[Sentence],
    path: Path,
    c1: float,
    c2: float,
    iterations: int,
) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for tokens, tags in sentences:
        trainer.append(extractor.sentence_features(tokens), tags)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": iterations,
            "feature.possible_transitions": True,
            "feature.minfreq": 1,
        }
    )
    trainer.train(str(path))


def evaluate(model: NerModel, sentences: list[Sentence], document: bool = False) -> float:
    """Entity F1 on ``sentences``, tagged one by one or (``document``) as one continuous
    text whose names spread to their repeats, as the tagger reads a report."""
    if document:
        predicted = model.tag_document([tokens for tokens, _ in sentences])
    else:
        predicted = [repair(model.tag(tokens)) for tokens, _ in sentences]
    scores = score([tags for _, tags in sentences], predicted)
    detail = " ".join(f"{k}={v.f1:.1f}" for k, v in scores.items() if k != "micro")
    log(f"  F1 {scores['micro'].f1:.2f} ({detail})")
    return scores["micro"].f1


def fold_blocks(count: int, size: int, block: int = DEV_SENTENCES) -> list[tuple[int, int]]:
    """``count`` dev blocks of ``block`` sentences, from 15 % of train to its end, evenly
    spaced: different stretches of news, so variants are ranked on more than one."""
    if count == 1:
        return [(size - block, size)]
    first, last = round(0.15 * size), size - block
    starts = [first + round(i * (last - first) / (count - 1)) for i in range(count)]
    if any(b - a < block for a, b in itertools.pairwise(starts)):
        raise SystemExit(f"{count} dev blocks of {block} sentences overlap in {size}")
    return [(start, start + block) for start in starts]


def cross_validate(args: argparse.Namespace, base: NerModel, train: list[Sentence]) -> None:
    """Score each c1/c2 pair by k-fold dev blocks: a CRF per block, trained on the rest
    of train, read as the tagger reads a report (names spread to their repeats)."""
    blocks = fold_blocks(args.folds, len(train))
    for c1 in args.c1:
        for c2 in args.c2:
            plain, spread = [], []
            for i, (start, end) in enumerate(blocks):
                rest, dev = train[:start] + train[end:], train[start:end]
                path = args.work / f"fold-{i + 1}{args.variant}.crfsuite"
                train_crf(base.extractor, rest, path, c1, c2, args.iterations)
                log(f"fold {i + 1}, dev sentences {start}-{end}, c1={c1} c2={c2}: tags")
                plain.append(evaluate(base.with_crf(path), dev))
                log("  names spread:")
                spread.append(evaluate(base.with_crf(path), dev, document=True))
            log(
                f"{args.folds}-fold c1={c1} c2={c2}: mean F1 {np.mean(plain):.2f} "
                f"({' '.join(f'{f:.2f}' for f in plain)}), names spread {np.mean(spread):.2f} "
                f"({' '.join(f'{f:.2f}' for f in spread)})"
            )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_data = os.environ.get("MARSAD_SHARED_DATA", str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--data", type=Path, default=Path(default_data))
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "marsad" / "data" / "ner")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "ner")
    parser.add_argument("--force", action="store_true", help="redo cached steps")
    parser.add_argument("--fane", choices=("none", "news", "wiki", "both"), default="none")
    parser.add_argument("--c1", type=float, nargs="+", default=[0.1])
    parser.add_argument("--c2", type=float, nargs="+", default=[0.05])
    parser.add_argument("--iterations", type=int, default=300)
    parser.add_argument("--dev-only", action="store_true", help="tune; write no model")
    parser.add_argument(
        "--folds", type=int, default=0, help="score the CRF on N dev blocks spread over train"
    )
    parser.add_argument(
        "--unlabelled", choices=tuple(UNLABELLED), default="saudinewsnet",
        help="text the word vectors and clusters are trained on",
    )  # fmt: skip
    parser.add_argument(
        "--bylines", action="store_true", help="person names of author lines in the gazetteer"
    )
    parser.add_argument(
        "--bilstm-epochs", type=int, default=30, help="most epochs of the BiLSTM (0: no BiLSTM)"
    )
    args = parser.parse_args(argv)
    random.seed(SEED)
    args.work.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)

    ner = args.data / "ner"
    train = read_conll(ner / "anercorp" / "train.txt")
    test = read_conll(ner / "anercorp" / "test.txt")
    suffix = UNLABELLED[args.unlabelled]
    args.variant = suffix + ("-bylines" if args.bylines else "")  # names its dev files
    corpus = args.work / f"news{suffix}.txt"
    if args.force or not corpus.exists():
        build_corpus(unlabelled_paragraphs(args.data, args.unlabelled, train), corpus)
    args.vectors = args.work / f"vectors{suffix}.npz"
    if args.force or not args.vectors.exists():
        train_vectors(corpus, args.vectors)
    built = args.work / f"clusters{suffix}.tsv.gz"
    if args.force or not built.exists():
        build_clusters(args.vectors, built)
    clusters = args.out / CLUSTERS_FILE
    shutil.copyfile(built, clusters)
    gazetteer = args.out / GAZETTEER_FILE
    entries = build_gazetteer_entries(args.data, args.bylines)
    with gzip_text(gazetteer) as out:
        for (name, label), origin in sorted(entries.items()):
            out.write(f"{name}\t{label}\t{origin}\n")
    log(f"gazetteer: {len(entries)} names → {gazetteer}")

    base = NerModel.load_parts(clusters, gazetteer)
    if args.folds:
        cross_validate(args, base, train)
        return
    train_part, dev = train[:-DEV_SENTENCES], train[-DEV_SENTENCES:]
    extra: list[Sentence] = []
    if args.fane in ("news", "both"):
        extra += read_fane(args.data, "NewsFANE_Gold_2014_170K.txt")
    if args.fane in ("wiki", "both"):
        extra += read_fane(args.data, "WikiFANE_Gold_2014_500K.txt")
    extra = without_test(extra, test + dev) if extra else []
    log(f"train {len(train_part)} + extra {len(extra)} sentences; dev {len(dev)}")

    best = (-1.0, args.c1[0], args.c2[0])
    for c1 in args.c1:
        for c2 in args.c2:
            path = args.work / f"dev{args.variant}-{c1}-{c2}.crfsuite"
            train_crf(base.extractor, train_part + extra, path, c1, c2, args.iterations)
            log(f"dev c1={c1} c2={c2}")
            f1 = evaluate(base.with_crf(path), dev)
            best = max(best, (f1, c1, c2))
    log(f"best on dev: F1 {best[0]:.2f} with c1={best[1]} c2={best[2]}")
    if args.dev_only:
        return
    # The final model sees all of train; FANE sentences overlapping dev may come back.
    final_extra = without_test(extra_all(args), test) if args.fane != "none" else []
    train_crf(base.extractor, train + final_extra, args.out / MODEL_FILE, best[1], best[2],
              args.iterations)  # fmt: skip
    log(f"model → {args.out / MODEL_FILE}")
    if args.bilstm_epochs:
        train_bilstm_step(args, base, train, train_part, dev)


def train_bilstm_step(
    args: argparse.Namespace,
    base: NerModel,
    train: list[Sentence],
    train_part: list[Sentence],
    dev: list[Sentence],
) -> None:
    """Step 6: each BiLSTM of ``BILSTM_MEMBERS`` on train less dev to pick its epoch
    count, the vote of them all with the dev CRF tuned on dev, then each BiLSTM on all
    of train for its number of epochs."""
    from train_ner_bilstm import train_bilstm

    vectors = args.vectors
    gazetteer = base.extractor.gazetteer
    vote = base.with_crf(args.work / f"dev{args.variant}-{args.c1[0]}-{args.c2[0]}.crfsuite")
    epochs = []
    for k, options in enumerate(BILSTM_MEMBERS):
        dev_path = args.work / f"bilstm-dev-{k + 1}{args.variant}.npz"
        run = {"options": options, "epochs": args.bilstm_epochs}
        cached = dev_path.with_suffix(".json")
        record = None
        if not args.force and dev_path.exists() and cached.exists():
            record = json.loads(cached.read_text(encoding="utf-8"))
        if record is None or record["run"] != run:
            log(f"bilstm {k + 1} {options}, dev run")
            curve = train_bilstm(
                train_part, dev, train, vectors, gazetteer, args.bilstm_epochs, dev_path, log,
                keep_best=True, **options,
            )  # fmt: skip
            cached.write_text(json.dumps({"run": run, "curve": curve}), encoding="utf-8")
        else:
            curve = record["curve"]
            log(f"bilstm {k + 1} {options}: dev run cached in {dev_path}")
        epochs.append(int(np.argmax(curve)) + 1)
        log(f"bilstm {k + 1}: best dev F1 {max(curve):.2f} after {epochs[-1]} epochs")
        vote.with_bilstm(dev_path)
    results = {}
    for weight in VOTE_WEIGHTS:
        for bias in OUTSIDE_BIASES:
            vote.ensemble_weight, vote.outside_bias = weight, bias
            log(f"dev vote, BiLSTMs' weight {weight}, O bias {bias}, names spread:")
            results[weight, bias] = evaluate(vote, dev, document=True)
    weight, bias = max(results, key=lambda k: results[k])
    log(f"best vote on dev: F1 {results[weight, bias]:.2f} with ENSEMBLE_WEIGHT = {weight}, "
        f"OUTSIDE_BIAS = {bias} (marsad/entities/ner.py)")  # fmt: skip
    for stale in args.out.glob(BILSTM_PATTERN):
        stale.unlink()
    for k, options in enumerate(BILSTM_MEMBERS):
        path = args.out / (BILSTM_FILE if k == 0 else f"bilstm-{k + 1}.npz")
        log(f"bilstm {k + 1} {options}, all of train, {epochs[k]} epochs")
        train_bilstm(train, dev, train, vectors, gazetteer, epochs[k], path, log, **options)
        log(f"bilstm {k + 1} → {path}")


def extra_all(args: argparse.Namespace) -> list[Sentence]:
    extra: list[Sentence] = []
    if args.fane in ("news", "both"):
        extra += read_fane(args.data, "NewsFANE_Gold_2014_170K.txt")
    if args.fane in ("wiki", "both"):
        extra += read_fane(args.data, "WikiFANE_Gold_2014_500K.txt")
    return extra


if __name__ == "__main__":
    main()
