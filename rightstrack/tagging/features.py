"""Texts to weighted word and character n-grams (TF-IDF), the input of a trained tagger.

Words and word pairs carry the topic ("death penalty"); character n-grams inside words
catch inflections and spelling variants ("trafficking", "trafficked", "labour", "labor")
that a spreadsheet's few examples never show in every form. The vocabulary and its
weights are plain lists and arrays, so a tagger file stores them without pickle.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .errors import TrainingError
from .phrases import fold

_TOKEN = re.compile(r"\b\w\w+\b")
CHAR_SIZES = (2, 3, 4, 5)


def ngrams(text: str) -> Counter[str]:
    """Counts of "w:word", "w:word word" and "c:char-gram" in ``text``."""
    tokens = _TOKEN.findall(fold(text))
    grams: Counter[str] = Counter("w:" + token for token in tokens)
    grams.update(f"w:{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False))
    for token in set(tokens):
        padded = f" {token} "
        count = tokens.count(token)
        for size in CHAR_SIZES:
            for start in range(len(padded) - size + 1):
                grams["c:" + padded[start:start + size]] += count
    return grams


@dataclass
class Features:
    """A fitted vocabulary: n-gram -> column, and each column's inverse document frequency."""

    vocabulary: dict[str, int]
    idf: np.ndarray

    def __post_init__(self) -> None:
        # Columns are in sorted n-gram order, so the character n-grams ("c:") come first.
        self.split = sum(1 for gram in self.vocabulary if gram.startswith("c:"))

    @classmethod
    def fit(cls, texts: Sequence[str], min_df: int = 2) -> tuple[Features, sparse.csr_matrix]:
        """Learn the n-grams seen in at least ``min_df`` texts; return them and the texts' matrix."""
        counted = [ngrams(text) for text in texts]
        df: Counter[str] = Counter()
        for grams in counted:
            df.update(grams.keys())
        kept = sorted(gram for gram, n in df.items() if n >= min_df)
        if not kept:
            raise TrainingError(f"no word is shared by {min_df} of the {len(texts)} texts: nothing to learn from")
        vocabulary = {gram: i for i, gram in enumerate(kept)}
        n = len(texts)
        idf = np.array([math.log((1 + n) / (1 + df[gram])) + 1 for gram in kept], dtype=np.float64)
        features = cls(vocabulary, idf)
        return features, features._matrix(counted)

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        return self._matrix([ngrams(text) for text in texts])

    def _matrix(self, counted: list[Counter[str]]) -> sparse.csr_matrix:
        """Sublinear term frequency times idf, each row scaled to unit length per kind (words, chars)."""
        indptr, indices, values = [0], [], []
        vocabulary = self.vocabulary
        for grams in counted:
            for gram, count in grams.items():
                column = vocabulary.get(gram)
                if column is not None:
                    indices.append(column)
                    values.append(1.0 + math.log(count))
            indptr.append(len(indices))
        matrix = sparse.csr_matrix((np.array(values, dtype=np.float64), np.array(indices, dtype=np.int64),
                                    np.array(indptr, dtype=np.int64)), shape=(len(counted), len(self.idf)))
        matrix = matrix.multiply(self.idf.reshape(1, -1)).tocsr()
        return _normalise_blocks(matrix, self.split)


def _normalise_blocks(matrix: sparse.csr_matrix, split: int) -> sparse.csr_matrix:
    """Scale the character block and the word block of each row to length 1/sqrt(2) each."""
    blocks = []
    for block in (matrix[:, :split], matrix[:, split:]):
        norms = np.sqrt(np.asarray(block.multiply(block).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        blocks.append(sparse.diags(1.0 / (norms * math.sqrt(2))) @ block)
    return sparse.hstack(blocks, format="csr")
