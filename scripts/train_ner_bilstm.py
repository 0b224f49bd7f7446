"""Step 6 of scripts/train_ner.py: a character-CNN + BiLSTM tagger (torch, CPU, one thread).

Install exactly ``torch==2.13.0`` to run it; inference never needs torch (see
``marsad/entities/bilstm.py``, which this file's export must match). Seeds are fixed
and re-set here, so a run reproduces the shipped weights on the same torch build.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

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
    crf: bool = False,
    word_dropout: float = 0.0,
    embedding_rate: float = 0.0,
    seed: int = SEED,
) -> list[float]:
    """Train on ``train`` for ``epochs``, write the weights of the last epoch (or, with
    ``keep_best``, of the epoch best on dev) to ``out`` as npz for numpy inference, and
    return the dev F1 after each epoch.

    With ``crf`` the output is a linear-chain CRF (transition scores trained jointly,
    IOB2-invalid transitions fixed at -1e4) and the tagger's probabilities are its
    marginals; ``word_dropout`` is the chance a training word's vector is the unknown one;
    ``embedding_rate`` > 0 fine-tunes the word vectors at that learning rate (0: frozen).
    """
    import torch
    from torch import nn

    torch.set_num_threads(1)
    torch.manual_seed(seed)
    random.seed(seed)
    np.random.seed(seed)
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
    forbidden = [[b.startswith("I-") and a[2:] != b[2:] for b in LABELS] for a in LABELS]
    invalid_moves = -1e4 * torch.tensor(forbidden, dtype=torch.float32)
    invalid_starts = -1e4 * torch.tensor([b.startswith("I-") for b in LABELS], dtype=torch.float32)
    train_y = [[label_ids[t] for t in tags] for _, tags in train]
    extra_size = len(GAZETTEER_LABELS) + len(SHAPES) + 1

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.emb = nn.Embedding.from_pretrained(
                torch.tensor(embeddings), freeze=not embedding_rate, padding_idx=0
            )
            self.cemb = nn.Embedding(len(chars) + 2, CHAR_DIM, padding_idx=0)
            self.conv = nn.Conv1d(CHAR_DIM, FILTERS, 3, padding=1)
            self.lstm = nn.LSTM(
                matrix.shape[1] + FILTERS + extra_size, HIDDEN, batch_first=True,
                bidirectional=True,
            )  # fmt: skip
            self.drop = nn.Dropout(DROPOUT)
            self.out = nn.Linear(2 * HIDDEN, len(LABELS))
            self.transitions = nn.Parameter(torch.zeros(len(LABELS), len(LABELS)))
            self.start = nn.Parameter(torch.zeros(len(LABELS)))
            self.end = nn.Parameter(torch.zeros(len(LABELS)))

        def forward(self, w: torch.Tensor, c: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
            n, steps = w.shape
            ce = self.cemb(c.view(n * steps, -1)).transpose(1, 2)
            cf = torch.relu(self.conv(ce)).max(dim=2).values.view(n, steps, -1)
            h, _ = self.lstm(self.drop(torch.cat([self.emb(w), cf, x], dim=2)))
            return self.out(self.drop(h))

        def chain(self) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
            """Transition, start and end scores with IOB2's forbidden moves fixed."""
            return (
                self.transitions + invalid_moves,
                self.start + invalid_starts,
                self.end,
            )

        def log_partition(self, em: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            trans, start, end = self.chain()
            alpha = start + em[:, 0]
            for t in range(1, em.shape[1]):
                step = torch.logsumexp(alpha[:, :, None] + trans, dim=1) + em[:, t]
                alpha = torch.where(mask[:, t : t + 1], step, alpha)
            return torch.logsumexp(alpha + end, dim=1)

        def gold_score(self, em: torch.Tensor, y: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            trans, start, end = self.chain()
            emitted = (em.gather(2, y.unsqueeze(2)).squeeze(2) * mask).sum(1)
            moved = (trans[y[:, :-1], y[:, 1:]] * mask[:, 1:]).sum(1)
            last = y.gather(1, (mask.sum(1).long() - 1).unsqueeze(1)).squeeze(1)
            return start[y[:, 0]] + emitted + moved + end[last]

        def marginals(self, em: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            """Per-word label marginals by forward-backward (as marsad.entities.bilstm)."""
            trans, start, end = self.chain()
            steps = em.shape[1]
            alphas = [start + em[:, 0]]
            for t in range(1, steps):
                step = torch.logsumexp(alphas[-1][:, :, None] + trans, dim=1) + em[:, t]
                alphas.append(torch.where(mask[:, t : t + 1], step, alphas[-1]))
            betas = [end.expand_as(em[:, 0])]
            for t in range(steps - 2, -1, -1):
                step = torch.logsumexp(trans + (em[:, t + 1] + betas[-1])[:, None, :], dim=2)
                betas.append(torch.where(mask[:, t + 1 : t + 2], step, end.expand_as(step)))
            scores = torch.stack(alphas, 1) + torch.stack(betas[::-1], 1)
            return torch.softmax(scores, dim=2)

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
                w, c, x = batchify(items)
                if crf:
                    probs = net.marginals(net(w, c, x), w > 0)
                    log_probs = torch.log(probs + 1e-9).numpy()
                else:
                    log_probs = torch.log_softmax(net(w, c, x), -1).numpy()
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
            **(
                {
                    "transitions": (state["transitions"] + invalid_moves.numpy()),
                    "start": (state["start"] + invalid_starts.numpy()),
                    "end": state["end"],
                }
                if crf
                else {}
            ),
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
    rest = [p for name, p in net.named_parameters() if p.requires_grad and name != "emb.weight"]
    groups: list[dict[str, Any]] = [{"params": rest}]
    if embedding_rate:
        groups.append({"params": [net.emb.weight], "lr": embedding_rate})
    optimiser = torch.optim.Adam(groups, lr=LEARNING_RATE)
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
            mask = w > 0
            if word_dropout:
                w = torch.where(mask & (torch.rand(w.shape) < word_dropout), 1, w)
            optimiser.zero_grad()
            if crf:
                em = net(w, c, x)
                gold = y.clamp(min=0)
                loss = (net.log_partition(em, mask) - net.gold_score(em, gold, mask)).mean()
            else:
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
