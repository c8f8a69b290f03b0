"""Texts to weighted word and character n-grams (TF-IDF) and vocabulary entries, the input of a trained tagger.

Words and word pairs carry the topic ("death penalty"); character n-grams inside words
catch inflections and spelling variants ("trafficking", "trafficked", "labour", "labor")
that a spreadsheet's few examples never show in every form. The entries of the built-in
vocabularies that ``tag_text`` finds ("v:theme:Right to education", "v:group:Children",
"v:sdg:5.3") add what their curated phrases know: synonyms and other languages the
examples lack, and one column for many wordings, which rare labels learn from. The
vocabulary and its weights are plain lists and arrays, so a tagger file stores them
without pickle.
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
from .rules import tag_text

_TOKEN = re.compile(r"\b\w\w+\b")
CHAR_SIZES = (2, 3, 4, 5)
ENTRY = "v:"
# The value of a found vocabulary entry next to the two n-gram blocks (each of length
# 1/sqrt(2)): 0.2, best of 0.1-0.4 with UPR sessions 1-5 held out in turn
# (benchmarks/bench_tagging.py). Stored in the entry's idf slot, so a tagger file keeps it.
ENTRY_WEIGHT = 0.2


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


def entries(text: str) -> Counter[str]:
    """The vocabulary entries ``tag_text`` finds in ``text``, as "v:theme:…", "v:group:…", "v:sdg:…".

    Groups include the wider ones a narrower group implies and targets their goal, as in ``tag_text``.
    """
    tags = tag_text(text)
    return Counter([f"{ENTRY}theme:{name}" for name in tags.themes] + [f"{ENTRY}group:{name}" for name in tags.groups]
                   + [f"{ENTRY}sdg:{code}" for code in tags.sdgs])


@dataclass
class Features:
    """A fitted vocabulary: n-gram or entry -> column, and each column's inverse document frequency.

    An entry column's "idf" is its fixed weight (``ENTRY_WEIGHT``): a match counts the same
    however many texts have it. Without entry columns (a tagger file of version 1) texts
    are not matched against the vocabularies at all.
    """

    vocabulary: dict[str, int]
    idf: np.ndarray

    def __post_init__(self) -> None:
        # Columns are in sorted order: character n-grams ("c:"), entries ("v:"), words ("w:").
        self.split = sum(1 for gram in self.vocabulary if gram.startswith("c:"))
        self.entry_columns = sum(1 for gram in self.vocabulary if gram.startswith(ENTRY))

    @classmethod
    def fit(cls, texts: Sequence[str], min_df: int = 2,
            with_entries: bool = True) -> tuple[Features, sparse.csr_matrix]:
        """Learn the n-grams and entries seen in at least ``min_df`` texts; return them and the texts' matrix."""
        counted = [_grams(text, with_entries) for text in texts]
        df: Counter[str] = Counter()
        for grams in counted:
            df.update(grams.keys())
        kept = sorted(gram for gram, n in df.items() if n >= min_df)
        if not kept:
            raise TrainingError(f"no word is shared by {min_df} of the {len(texts)} texts: nothing to learn from")
        vocabulary = {gram: i for i, gram in enumerate(kept)}
        n = len(texts)
        idf = np.array([ENTRY_WEIGHT if gram.startswith(ENTRY) else math.log((1 + n) / (1 + df[gram])) + 1
                        for gram in kept], dtype=np.float64)
        features = cls(vocabulary, idf)
        return features, features._matrix(counted)

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        return self._matrix([_grams(text, self.entry_columns > 0) for text in texts])

    def _matrix(self, counted: list[Counter[str]]) -> sparse.csr_matrix:
        """Sublinear term frequency times idf, each row's chars and words scaled to a fixed length.

        An entry is counted once (``entries``), so a found entry is its weight.
        """
        indptr, indices, counts = [0], [], []
        get = self.vocabulary.get
        for grams in counted:
            for gram, count in grams.items():
                column = get(gram)
                if column is not None:
                    indices.append(column)
                    counts.append(count)
            indptr.append(len(indices))
        values = 1.0 + np.log(np.array(counts, dtype=np.float64))
        matrix = sparse.csr_matrix((values, np.array(indices, dtype=np.int64), np.array(indptr, dtype=np.int64)),
                                   shape=(len(counted), len(self.idf)))
        matrix = matrix.multiply(self.idf.reshape(1, -1)).tocsr()
        return _normalise_blocks(matrix, self.split, self.split + self.entry_columns)


def _grams(text: str, with_entries: bool) -> Counter[str]:
    grams = ngrams(text)
    if with_entries:
        grams.update(entries(text))
    return grams


def _normalise_blocks(matrix: sparse.csr_matrix, split: int, words: int) -> sparse.csr_matrix:
    """Scale the character block and the word block of each row to length 1/sqrt(2) each; entries stay."""
    blocks = []
    for block in (matrix[:, :split], matrix[:, words:]):
        norms = np.sqrt(np.asarray(block.multiply(block).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        blocks.append(sparse.diags(1.0 / (norms * math.sqrt(2))) @ block)
    return sparse.hstack([blocks[0], matrix[:, split:words], blocks[1]], format="csr")
