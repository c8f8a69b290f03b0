"""How good a tagger is: micro- and macro-averaged F1 over labelled texts.

Micro-F1 counts every (text, label) decision alike, so frequent labels dominate it;
macro-F1 averages the F1 of each label, so a tagger that ignores rare labels scores low.
Macro is averaged over the labels the gold standard uses, as a label absent from the
held-out texts says nothing of the tagger.
"""

from __future__ import annotations

from collections.abc import Sequence


def f1_scores(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> tuple[float, float]:
    """(micro-F1, macro-F1) of ``predicted`` label lists against ``gold`` ones."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold label lists but {len(predicted)} predicted")
    true_pos: dict[str, int] = {}
    false_pos: dict[str, int] = {}
    false_neg: dict[str, int] = {}
    for wanted, given in zip(gold, predicted, strict=True):
        wanted, given = set(wanted), set(given)
        for label in wanted & given:
            true_pos[label] = true_pos.get(label, 0) + 1
        for label in given - wanted:
            false_pos[label] = false_pos.get(label, 0) + 1
        for label in wanted - given:
            false_neg[label] = false_neg.get(label, 0) + 1
    tp, fp, fn = sum(true_pos.values()), sum(false_pos.values()), sum(false_neg.values())
    micro = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    labels = {label for row in gold for label in row}
    per_label = [2 * true_pos.get(label, 0)
                 / (2 * true_pos.get(label, 0) + false_pos.get(label, 0) + false_neg.get(label, 0))
                 for label in labels]
    macro = sum(per_label) / len(per_label) if per_label else 0.0
    return micro, macro
