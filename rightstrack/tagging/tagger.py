"""A user's own taxonomy, learned from labelled examples: ``train_tagger``, ``load_tagger``.

One linear classifier per label over word and character n-grams and the entries of the
built-in vocabularies that the text names (``features.py``): an NB-SVM (Wang & Manning
2012), a support vector machine weighted for rare labels whose inputs are first scaled
by how much likelier each feature is in the label's texts than in the others. That prior
lets a label lean on its telling words from few examples, which raises macro-F1 most. On
UPR recommendations held out by session it beats TF-IDF with logistic regression on both
micro- and macro-F1 and trains in seconds on a laptop (``benchmarks/bench_tagging.py``).
Every text gets at least its best label, because every recommendation is about something.
With ``embeddings=True`` a second view, sentence embeddings (``embeddings.py``), is
blended into the scores: a little more accurate, much heavier to install.

A tagger file is a NumPy ``.npz`` archive of arrays and one JSON header, read back with
``allow_pickle=False``: opening a tagger someone sent you runs no code. Version 2 adds the
entry columns and stores each label's weights already multiplied by its scaling, so
tagging stays one sparse matrix product; version 1 files (n-grams, plain SVM) still load.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import warnings
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse

from .embeddings import MODEL
from .errors import TaggerFileError, TrainingError
from .features import Features

FORMAT = "rightstrack-tagger"
VERSION = 2
READABLE_VERSIONS = (1, 2)
# C and the smoothing of the naive-Bayes ratios: best round values of C 0.3-1.0 and alpha
# 0.01-1.0 with UPR sessions 1-5 held out in turn (benchmarks/bench_tagging.py); a smaller
# alpha trusts features seen in few texts of a label too much, a larger one flattens the ratios.
DEFAULT_C = 0.5
NB_ALPHA = 0.2
EMBEDDING_C = 1.0
EMBEDDING_SHARE = 0.2  # weight of the embedding view in the blended scores, chosen likewise


@dataclass
class Tagger:
    """Labels, the n-gram and entry vocabulary, and one weight vector and bias per label."""

    labels: list[str]
    features: Features
    weights: np.ndarray  # (n_features, n_labels)
    bias: np.ndarray  # (n_labels,)
    info: dict[str, object] = field(default_factory=dict)
    # The optional sentence-embedding view (``embeddings.py``), blended in with this share.
    embedding_weights: np.ndarray | None = None  # (384, n_labels)
    embedding_bias: np.ndarray | None = None

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """Decision values, one row a text, one column a label; above 0 means the label applies."""
        matrix = self.features.transform(list(texts))
        scores = np.asarray(matrix @ self.weights) + self.bias
        if self.embedding_weights is not None:
            from .embeddings import encode

            view = encode(texts) @ self.embedding_weights + self.embedding_bias
            scores = (1 - EMBEDDING_SHARE) * scores + EMBEDDING_SHARE * view
        return scores

    def predict(self, texts: Sequence[str]) -> list[list[str]]:
        """The labels of each text, surest first; never empty."""
        if not len(texts):
            return []
        out = []
        for row in self.scores(texts):
            chosen = np.flatnonzero(row > 0)
            if not len(chosen):
                chosen = [int(np.argmax(row))]
            out.append([self.labels[i] for i in sorted(chosen, key=lambda i: -row[i])])
        return out

    def save(self, path: str | Path) -> None:
        """Write the tagger to ``path`` (.npz) atomically: a failed save leaves no half-written file."""
        path = Path(path)
        vocabulary = sorted(self.features.vocabulary, key=self.features.vocabulary.__getitem__)
        header = {"format": FORMAT, "version": VERSION, "labels": self.labels, "info": self.info}
        if self.embedding_weights is not None:
            header["embeddings"] = MODEL
        arrays = {
            "header": np.frombuffer(json.dumps(header, ensure_ascii=False).encode("utf-8"), dtype=np.uint8),
            "vocabulary": np.frombuffer("\n".join(vocabulary).encode("utf-8"), dtype=np.uint8),
            "idf": self.features.idf.astype(np.float32),
            "weights": self.weights.astype(np.float32),
            "bias": self.bias.astype(np.float32),
        }
        if self.embedding_weights is not None:
            arrays["embedding_weights"] = self.embedding_weights.astype(np.float32)
            arrays["embedding_bias"] = self.embedding_bias.astype(np.float32)
        directory = path.parent if str(path.parent) else Path(".")
        try:
            handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
        except OSError as error:
            raise TaggerFileError(f"cannot write here: {error.strerror}", path=str(path)) from None
        try:
            with os.fdopen(handle, "wb") as out:
                np.savez_compressed(out, **arrays)
            os.replace(temporary, path)
        except OSError as error:
            Path(temporary).unlink(missing_ok=True)
            raise TaggerFileError(f"cannot write the tagger: {error.strerror or error}", path=str(path)) from None
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


def train_tagger(texts: Sequence[str], labels: Sequence[Sequence[str]], c: float = DEFAULT_C,
                 min_examples: int = 2, info: dict[str, object] | None = None, embeddings: bool = False) -> Tagger:
    """Learn a tagger from texts and their labels (several per text allowed).

    Labels seen in fewer than ``min_examples`` texts are left out (a classifier cannot
    learn from one example); ``info`` is stored in the file (source, columns, counts);
    ``embeddings`` adds the sentence-embedding view (needs the ``embeddings`` extra).
    """
    if len(texts) != len(labels):
        raise TrainingError(f"{len(texts)} texts but {len(labels)} label lists")
    counts: dict[str, int] = {}
    for row in labels:
        for label in set(row):
            counts[label] = counts.get(label, 0) + 1
    kept = sorted(label for label, n in counts.items() if n >= min_examples)
    if len(texts) < 4 or not kept:
        raise TrainingError(f"too few examples to learn from: {len(texts)} texts, "
                            f"{len(kept)} labels seen in at least {min_examples} of them")
    sets = [set(row) for row in labels]
    targets = np.array([[label in row for label in kept] for row in sets], dtype=np.int8)
    features, matrix = Features.fit(texts)
    weights, bias = _fit_labels(matrix, targets, c, nb_alpha=NB_ALPHA)
    left_out = sorted(set(counts) - set(kept))
    meta = dict(info or {})
    meta.update({"examples": len(texts), "c": c, "nb_alpha": NB_ALPHA, "left_out_labels": left_out})
    tagger = Tagger(kept, features, weights, bias, meta)
    if embeddings:
        from .embeddings import encode

        tagger.embedding_weights, tagger.embedding_bias = _fit_labels(encode(texts), targets, EMBEDDING_C)
    return tagger


def _fit_labels(matrix, targets: np.ndarray, c: float,
                nb_alpha: float | None = None) -> tuple[np.ndarray, np.ndarray]:
    """One class-balanced linear SVM per label column of ``targets``: weights and biases.

    With ``nb_alpha`` (non-negative sparse features only) each label's SVM sees the features
    scaled by their naive-Bayes log-count ratios ``nb_ratios``, and its weights come back
    multiplied by them, so they apply to the unscaled features.
    """
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.svm import LinearSVC

    weights = np.zeros((matrix.shape[1], targets.shape[1]), dtype=np.float64)
    bias = np.zeros(targets.shape[1], dtype=np.float64)
    for j in range(targets.shape[1]):
        if targets[:, j].all():
            bias[j] = 1.0  # a label on every text: always give it
            continue
        ratios = None if nb_alpha is None else nb_ratios(matrix, targets[:, j], nb_alpha)
        scaled = matrix if ratios is None else matrix @ sparse.diags(ratios)
        model = LinearSVC(C=c, class_weight="balanced")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            model.fit(scaled, targets[:, j])
        weights[:, j] = model.coef_[0] if ratios is None else model.coef_[0] * ratios
        bias[j] = model.intercept_[0]
    return weights, bias


def nb_ratios(matrix, target: np.ndarray, alpha: float) -> np.ndarray:
    """Naive-Bayes log-count ratio of every feature for one label (a 0/1 column per text).

    r = log((p / |p|_1) / (q / |q|_1)), p the feature's total over the label's texts and q
    over the others, each plus ``alpha``: above 0 for features telling of the label.
    """
    positive = np.asarray(target.astype(np.float64) @ matrix).ravel() + alpha
    negative = np.asarray(matrix.sum(axis=0)).ravel() + 2 * alpha - positive
    return np.log(positive / positive.sum()) - np.log(negative / negative.sum())


def load_tagger(path: str | Path) -> Tagger:
    """Read a tagger written by ``Tagger.save``; a one-line ``TaggerFileError`` otherwise."""
    path = Path(path)
    if not path.is_file():
        raise TaggerFileError("no such tagger file (train one with `rightstrack tagger train`)", path=str(path))
    try:
        with np.load(path, allow_pickle=False) as archive:
            header = json.loads(bytes(archive["header"]).decode("utf-8"))
            if header.get("format") != FORMAT:
                raise TaggerFileError("not a rightstrack tagger file", path=str(path))
            if header.get("version") not in READABLE_VERSIONS:
                raise TaggerFileError(f"tagger file version {header.get('version')} is not one this rightstrack "
                                      f"reads ({', '.join(map(str, READABLE_VERSIONS))}); train it again",
                                      path=str(path))
            vocabulary = bytes(archive["vocabulary"]).decode("utf-8").split("\n")
            idf = archive["idf"].astype(np.float64)
            weights = archive["weights"].astype(np.float64)
            bias = archive["bias"].astype(np.float64)
            embedded = [archive[name].astype(np.float64) for name in ("embedding_weights", "embedding_bias")
                        if header.get("embeddings") == MODEL]
    except TaggerFileError:
        raise
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile, UnicodeDecodeError,
            json.JSONDecodeError, io.UnsupportedOperation):
        raise TaggerFileError("not a rightstrack tagger file (damaged, or another kind of file)",
                              path=str(path)) from None
    labels = list(header["labels"])
    if weights.shape != (len(vocabulary), len(labels)) or idf.shape != (len(vocabulary),) \
            or bias.shape != (len(labels),):
        raise TaggerFileError("tagger file is damaged: its arrays do not fit together", path=str(path))
    if embedded and embedded[0].shape[1:] != (len(labels),):
        raise TaggerFileError("tagger file is damaged: its embedding arrays do not fit its labels", path=str(path))
    features = Features({gram: i for i, gram in enumerate(vocabulary)}, idf)
    return Tagger(labels, features, weights, bias, header.get("info", {}), *embedded)
