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
    from rightstrack.tagging import embeddings

    with_embeddings = embeddings.available()
    rows: list[tuple[str, str]] = []
    if not with_embeddings:
        rows.append(("trained tagger + embeddings", f"skipped: {embeddings.INSTALL}"))
    totals: dict[str, list[tuple[float, float]]] = {"ours": [], "ours+emb": [], "lr-balanced": [],
                                                    "lr-plain": []}
    train_seconds = []
    for held_out in sorted(set(sessions)):
        train = [i for i, s in enumerate(sessions) if s != held_out]
        test = [i for i, s in enumerate(sessions) if s == held_out]
        gold = [labels[i] for i in test]
        start = time.perf_counter()
        tagger = train_tagger([texts[i] for i in train], [labels[i] for i in train])
        train_seconds.append(time.perf_counter() - start)
        scores = {"ours": f1_scores(gold, tagger.predict([texts[i] for i in test]))}
        if with_embeddings:
            blended = train_tagger([texts[i] for i in train], [labels[i] for i in train], embeddings=True)
            scores["ours+emb"] = f1_scores(gold, blended.predict([texts[i] for i in test]))
        for name, balanced in (("lr-balanced", True), ("lr-plain", False)):
            predicted = _baseline([texts[i] for i in train], [labels[i] for i in train],
                                  [texts[i] for i in test], balanced)
            scores[name] = f1_scores(gold, predicted)
        for name, pair in scores.items():
            totals[name].append(pair)
        rows.append((f"session {held_out} held out ({len(test)} texts): micro/macro F1",
                     "  ".join(f"{name} {micro:.3f}/{macro:.3f}" for name, (micro, macro) in scores.items())))
    for name, title in (("ours", "trained tagger (NB-SVM, n-grams + vocabulary entries)"),
                        ("ours+emb", "trained tagger + embeddings (--embeddings)"),
                        ("lr-balanced", "baseline TF-IDF + logistic regression, balanced"),
                        ("lr-plain", "baseline TF-IDF + logistic regression, sklearn defaults")):
        if not totals[name]:
            continue
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
    rows.extend(_vocabulary_agreement(texts, labels))
    return rows


# UPR Info issues that name the same subject as one of our UHRI themes or groups.
SAME_SUBJECT = {
    "Death penalty": ("themes", "Death penalty"),
    "Torture and other CID treatment": ("themes", "Prohibition of torture & cruel, inhuman or degrading treatment"),
    "Right to education": ("themes", "Right to education"),
    "Trafficking": ("themes", "Human trafficking & contemporary forms of slavery"),
    "Human rights defenders": ("themes", "Human rights defenders"),
    "NHRI": ("themes", "National Human Rights Institution (NHRI)"),
    "Enforced disappearances": ("themes", "Enforced disappearances"),
    "Corruption": ("themes", "Good governance & corruption"),
    "Right to health": ("themes", "Right to health"),
    "Right to food": ("themes", "Right to food"),
    "Right to housing": ("themes", "Right to adequate housing"),
    "Freedom of religion and belief": ("themes", "Freedom of thought, conscience & religion"),
    "Counter-terrorism": ("themes", "Counter-terrorism"),
    "Poverty": ("themes", "Human rights & poverty"),
    "Racial discrimination": ("themes", "Racial discrimination"),
    "Rights of the Child": ("groups", "Children"),
    "Disabilities": ("groups", "Persons with disabilities"),
    "Migrants": ("groups", "Migrants"),
    "Asylum-seekers - refugees": ("groups", "Refugees & asylum seekers"),
    "Indigenous peoples": ("groups", "Indigenous peoples"),
    "Sexual Orientation and Gender Identity":
        ("groups", "Lesbian, gay, bisexual, transgender and intersex persons (LGBTI)"),
    "HIV - Aids": ("groups", "Persons living with HIV/AIDS"),
    "Internally displaced persons": ("groups", "Internally displaced persons"),
}


def _vocabulary_agreement(texts: list[str], labels: list[list[str]]) -> list[tuple[str, str]]:
    """How often the built-in vocabularies agree with UPR Info's human annotators on shared subjects.

    UPR Info labels sparingly (a recommendation on schools for girls may carry only "Women's
    rights"), so precision here understates ours; recall says what the phrases miss.
    """
    from rightstrack.tagging import tag_text

    tags = [tag_text(text) for text in texts]
    results = []
    for issue, (kind, name) in SAME_SUBJECT.items():
        gold = [issue in row for row in labels]
        given = [name in getattr(tag, kind) for tag in tags]
        both = sum(g and p for g, p in zip(gold, given, strict=True))
        results.append((issue, both / max(sum(given), 1), both / max(sum(gold), 1)))
    precision = sum(r[1] for r in results) / len(results)
    recall = sum(r[2] for r in results) / len(results)
    weakest = ", ".join(f"{issue} {r:.2f}" for issue, _, r in sorted(results, key=lambda r: r[2])[:3])
    return [(f"vocabularies vs UPR Info on {len(results)} shared subjects", f"precision {precision:.2f}  "
             f"recall {recall:.2f} (means)"), ("  lowest recall", weakest)]


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
