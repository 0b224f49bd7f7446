"""Step 6 of scripts/train_ner.py: the character-CNN + BiLSTM tagger (torch, CPU, one thread).

Install exactly ``torch==2.13.0`` to run it; inference never needs torch (see
``marsad/entities/bilstm.py``, which this file's export must match). Seeds are fixed
and re-set here, so a run reproduces the shipped weights on the same torch build.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import numpy as np

from marsad.arabic import clitic_stems
from marsad.entities.bilstm import GAZETTEER_LABELS, MAX_CHARS, SHAPES
from marsad.entities.conll import Sentence, score
from marsad.entities.features import shape, word_key
from marsad.entities.ner import viterbi_iob2

SEED = 13
LABELS = ["O"] + [f"{p}-{t}" for t in ("PER", "ORG", "LOC", "MISC") for p in "BI"]
NEWS_WORDS = 40_000  # most frequent news words kept besides every word of train
HIDDEN = 100
CHAR_DIM, FILTERS = 30, 60
BATCH, LEARNING_RATE, DROPOUT = 32, 2e-3, 0.5


def train_bilstm(
    train: Sequence[Sentence],
    dev: Sequence[Sentence],
    all_train: Sequence[Sentence],
    vectors: Path,
    gazetteer: Mapping[str, Sequence[str]],
    epochs: int,
    out: Path,
    log: Callable[[str], None],
    keep_best: bool = False,
) -> list[float]:
    """Train on ``train`` for ``epochs``, write the weights of the last epoch (or, with
    ``keep_best``, of the epoch best on dev) to ``out`` as npz for numpy inference, and
    return the dev F1 after each epoch."""
    import torch
    from torch import nn

    torch.set_num_threads(1)
    torch.manual_seed(SEED)
    random.seed(SEED)
    np.random.seed(SEED)
    loaded = np.load(vectors)
    news_words = [str(w) for w in loaded["words"]]
    matrix = loaded["vectors"].astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-9
    train_keys = {word_key(t) for tokens, _ in all_train for t in tokens}
    keep = [i for i, w in enumerate(news_words) if i < NEWS_WORDS or w in train_keys]
    vocab = {news_words[i]: j + 2 for j, i in enumerate(keep)}  # 0 padding, 1 unknown
    embeddings = np.zeros((len(keep) + 2, matrix.shape[1]), np.float32)
    embeddings[2:] = matrix[keep]
    chars: dict[str, int] = {}

    def encode(tokens: Sequence[str], grow: bool) -> tuple[list[int], list[list[int]], np.ndarray]:
        keys = [word_key(t) for t in tokens]
        ids, char_ids, extras = [], [], []
        for key in keys:
            readings = clitic_stems(key)
            ident = vocab.get(key) or next((vocab[r] for r in readings if r in vocab), 1)
            extra = np.zeros(len(GAZETTEER_LABELS) + len(SHAPES) + 1, np.float32)
            labels = set(gazetteer.get(key, ()))
            for reading in readings[1:]:
                labels.update(gazetteer.get(reading, ()))
            for label in labels:
                if label in GAZETTEER_LABELS:
                    extra[GAZETTEER_LABELS.index(label)] = 1.0
            extra[len(GAZETTEER_LABELS) + SHAPES.index(shape(key))] = 1.0
            extra[-1] = 0.0 if key in vocab else 1.0
            if grow:
                row = [chars.setdefault(c, len(chars) + 2) for c in key[:MAX_CHARS]]
            else:
                row = [chars.get(c, 1) for c in key[:MAX_CHARS]]
            ids.append(ident)
            char_ids.append(row or [1])
            extras.append(extra)
        return ids, char_ids, np.stack(extras)

    train_x = [encode(tokens, grow=True) for tokens, _ in train]
    dev_x = [encode(tokens, grow=False) for tokens, _ in dev]
    label_ids = {label: i for i, label in enumerate(LABELS)}
    train_y = [[label_ids[t] for t in tags] for _, tags in train]
    extra_size = len(GAZETTEER_LABELS) + len(SHAPES) + 1

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.emb = nn.Embedding.from_pretrained(
                torch.tensor(embeddings), freeze=True, padding_idx=0
            )
            self.cemb = nn.Embedding(len(chars) + 2, CHAR_DIM, padding_idx=0)
            self.conv = nn.Conv1d(CHAR_DIM, FILTERS, 3, padding=1)
            self.lstm = nn.LSTM(
                matrix.shape[1] + FILTERS + extra_size, HIDDEN, batch_first=True,
                bidirectional=True,
            )  # fmt: skip
            self.drop = nn.Dropout(DROPOUT)
            self.out = nn.Linear(2 * HIDDEN, len(LABELS))

        def forward(self, w: torch.Tensor, c: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
            n, steps = w.shape
            ce = self.cemb(c.view(n * steps, -1)).transpose(1, 2)
            cf = torch.relu(self.conv(ce)).max(dim=2).values.view(n, steps, -1)
            h, _ = self.lstm(self.drop(torch.cat([self.emb(w), cf, x], dim=2)))
            return self.out(self.drop(h))

    def batchify(
        items: Sequence[tuple[list[int], list[list[int]], np.ndarray]],
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        steps = max(len(w) for w, _, _ in items)
        width = max(len(cc) for _, cs, _ in items for cc in cs)
        w = torch.zeros(len(items), steps, dtype=torch.long)
        c = torch.zeros(len(items), steps, width, dtype=torch.long)
        x = torch.zeros(len(items), steps, extra_size)
        for i, (ws, cs, xs) in enumerate(items):
            w[i, : len(ws)] = torch.tensor(ws)
            x[i, : len(ws)] = torch.tensor(xs)
            for j, cc in enumerate(cs):
                c[i, j, : len(cc)] = torch.tensor(cc)
        return w, c, x

    def predict(net: Net) -> list[list[str]]:
        net.eval()
        found = []
        with torch.no_grad():
            for i in range(0, len(dev_x), 64):
                items = dev_x[i : i + 64]
                log_probs = torch.log_softmax(net(*batchify(items)), -1).numpy()
                for j, (ws, _, _) in enumerate(items):
                    found.append(viterbi_iob2(log_probs[j, : len(ws)], LABELS))
        return found

    def export(net: Net) -> None:
        state = {k: v.numpy() for k, v in net.state_dict().items()}
        np.savez_compressed(
            out,
            words=np.array([news_words[i] for i in keep]),
            labels=np.array(LABELS),
            chars=np.array(sorted(chars, key=chars.__getitem__)),
            word_emb=state["emb.weight"].astype(np.float16),
            char_emb=state["cemb.weight"],
            conv_w=state["conv.weight"],
            conv_b=state["conv.bias"],
            out_w=state["out.weight"],
            out_b=state["out.bias"],
            **{
                f"{side}_{name}": state[f"lstm.{torch_name}_l0{suffix}"]
                for side, suffix in (("fwd", ""), ("bwd", "_reverse"))
                for name, torch_name in (
                    ("w_ih", "weight_ih"),
                    ("w_hh", "weight_hh"),
                    ("b_ih", "bias_ih"),
                    ("b_hh", "bias_hh"),
                )
            },
        )

    net = Net()
    optimiser = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=LEARNING_RATE)
    loss_of = nn.CrossEntropyLoss(ignore_index=-1)
    order = list(range(len(train_x)))
    curve = []
    for epoch in range(epochs):
        net.train()
        random.shuffle(order)
        started = time.time()
        for i in range(0, len(order), BATCH):
            batch = order[i : i + BATCH]
            w, c, x = batchify([train_x[k] for k in batch])
            y = torch.full(w.shape, -1, dtype=torch.long)
            for j, k in enumerate(batch):
                y[j, : len(train_y[k])] = torch.tensor(train_y[k])
            optimiser.zero_grad()
            loss = loss_of(net(w, c, x).view(-1, len(LABELS)), y.view(-1))
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            optimiser.step()
        curve.append(score([tags for _, tags in dev], predict(net))["micro"].f1)
        log(f"bilstm epoch {epoch + 1}: dev F1 {curve[-1]:.2f} ({time.time() - started:.0f} s)")
        if keep_best and curve[-1] == max(curve):
            export(net)
    if not keep_best:
        export(net)
    return curve
