"""Tagging: held-out F1 of the trained tagger against TF-IDF + logistic regression, and speed.

Trained on real UPR recommendations (UPR Info issues, sessions 1-5); each session is held
out in turn and the others train, since users apply a tagger to sessions it never saw.
Baselines run on the same splits: logistic regression over word TF-IDF, as sklearn ships
it and with classes balanced. Needs ../shared/corpus/upr/.
"""

from __future__ import annotations

import time
from pathlib import Path

CSV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "upr" / "upr-recommendations-sessions-1-5.csv"


def run() -> list[tuple[str, str]]:
    from rightstrack.tagging import read_examples, tag_text, train_tagger
    from rightstrack.tagging.evaluation import f1_scores

    if not CSV.is_file():
        return [("skipped", f"{CSV} is absent (the project's shared corpus)")]
    examples = read_examples(CSV, "Text", "Issue", keep_columns=("Session",))
    texts, labels, sessions = examples.texts, examples.labels, examples.columns["Session"]
    rows: list[tuple[str, str]] = []
    totals: dict[str, list[tuple[float, float]]] = {"ours": [], "lr-balanced": [], "lr-plain": []}
    train_seconds = []
    for held_out in sorted(set(sessions)):
        train = [i for i, s in enumerate(sessions) if s != held_out]
        test = [i for i, s in enumerate(sessions) if s == held_out]
        gold = [labels[i] for i in test]
        start = time.perf_counter()
        tagger = train_tagger([texts[i] for i in train], [labels[i] for i in train])
        train_seconds.append(time.perf_counter() - start)
        scores = {"ours": f1_scores(gold, tagger.predict([texts[i] for i in test]))}
        for name, balanced in (("lr-balanced", True), ("lr-plain", False)):
            predicted = _baseline([texts[i] for i in train], [labels[i] for i in train],
                                  [texts[i] for i in test], balanced)
            scores[name] = f1_scores(gold, predicted)
        for name, pair in scores.items():
            totals[name].append(pair)
        rows.append((f"session {held_out} held out ({len(test)} texts): micro/macro F1",
                     "  ".join(f"{name} {micro:.3f}/{macro:.3f}" for name, (micro, macro) in scores.items())))
    for name, title in (("ours", "trained tagger (SVM, word+char n-grams)"),
                        ("lr-balanced", "baseline TF-IDF + logistic regression, balanced"),
                        ("lr-plain", "baseline TF-IDF + logistic regression, sklearn defaults")):
        micro = sum(p[0] for p in totals[name]) / len(totals[name])
        macro = sum(p[1] for p in totals[name]) / len(totals[name])
        rows.append((f"mean over held-out sessions, {title}", f"micro-F1 {micro:.3f}  macro-F1 {macro:.3f}"))
    rows.append(("training time, 4 sessions (mean)", f"{sum(train_seconds) / len(train_seconds):.1f} s"))
    start = time.perf_counter()
    tagger = train_tagger(texts, labels)
    rows.append((f"training time, all {len(texts)} rows", f"{time.perf_counter() - start:.1f} s"))
    start = time.perf_counter()
    tagger.predict(texts)
    rows.append(("trained tagger throughput", f"{len(texts) / (time.perf_counter() - start):,.0f} texts/s"))
    start = time.perf_counter()
    for text in texts:
        tag_text(text)
    rate = len(texts) / (time.perf_counter() - start)
    rows.append(("built-in vocabularies (tag_text) throughput", f"{rate:,.0f} texts/s"))
    return rows


def _baseline(train_texts, train_labels, test_texts, balanced: bool) -> list[list[str]]:
    """TF-IDF of words and word pairs, one logistic regression per label, threshold 0.5."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.preprocessing import MultiLabelBinarizer

    binarizer = MultiLabelBinarizer()
    targets = binarizer.fit_transform(train_labels)
    vectorizer = TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), min_df=2)
    model = OneVsRestClassifier(LogisticRegression(max_iter=1000, class_weight="balanced" if balanced else None,
                                                   C=10.0 if balanced else 1.0), n_jobs=2)
    model.fit(vectorizer.fit_transform(train_texts), targets)
    predicted = model.predict(vectorizer.transform(test_texts))
    return [list(binarizer.classes_[row.nonzero()[0]]) for row in predicted]
