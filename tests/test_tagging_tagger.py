"""The trainable tagger on real UPR recommendations, its file, and the spreadsheets it reads."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from rightstrack.tagging import (
    SpreadsheetError,
    TaggerFileError,
    TrainingError,
    load_tagger,
    read_examples,
    train_tagger,
)
from rightstrack.tagging.evaluation import f1_scores

UPR_CSV = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "upr" / \
    "upr-recommendations-sessions-1-5.csv"


def upr_csv() -> Path:
    if not UPR_CSV.is_file():
        pytest.skip(f"shared corpus absent: {UPR_CSV} not found (CI provides ../shared/corpus/upr)")
    return UPR_CSV


@pytest.fixture(scope="module")
def upr():
    return read_examples(upr_csv(), "Text", "Issue", keep_columns=("Session",))


@pytest.fixture(scope="module")
def trained(upr):
    """Trained on 1,200 recommendations of session 1; tested on session 5, which it never saw."""
    train = [i for i, session in enumerate(upr.columns["Session"]) if session == "1"][:1200]
    test = [i for i, session in enumerate(upr.columns["Session"]) if session == "5"][:400]
    tagger = train_tagger([upr.texts[i] for i in train], [upr.labels[i] for i in train])
    return tagger, [upr.texts[i] for i in test], [upr.labels[i] for i in test], [upr.labels[i] for i in train]


def test_real_csv_reads_whole(upr):
    # latin-1 with old-Mac carriage returns, as UPR Info exported it
    assert len(upr.texts) == 6094
    assert upr.labels[0] == ["Rights of the Child", "Women's rights"]
    assert "forced marriages" in upr.texts[0]
    assert any("read as" in warning for warning in upr.warnings)


def test_predicts_held_out_session_far_better_than_chance(trained):
    tagger, texts, gold, train_labels = trained
    micro, macro = f1_scores(gold, tagger.predict(texts))
    # chance: every text given the most frequent training label
    commonest = Counter(label for row in train_labels for label in row).most_common(1)[0][0]
    chance_micro, _ = f1_scores(gold, [[commonest]] * len(gold))
    assert micro > 2 * chance_micro
    assert micro > 0.6 and macro > 0.4


def test_every_text_gets_a_label(trained):
    tagger, texts, _, _ = trained
    assert all(labels for labels in tagger.predict(texts + ["", "Continue."]))


def test_round_trips_through_its_file(trained, tmp_path):
    tagger, texts, _, _ = trained
    path = tmp_path / "upr.npz"
    tagger.save(path)
    loaded = load_tagger(path)
    assert loaded.labels == tagger.labels
    assert loaded.predict(texts) == tagger.predict(texts)
    assert np.allclose(loaded.scores(texts[:50]), tagger.scores(texts[:50]), atol=1e-4)
    assert not list(tmp_path.glob(".*.tmp"))


def test_tagger_file_holds_no_pickle(trained, tmp_path):
    path = tmp_path / "upr.npz"
    trained[0].save(path)
    with np.load(path, allow_pickle=False) as archive:  # would raise on a pickled array
        assert set(archive.files) == {"header", "vocabulary", "idf", "weights", "bias"}


def test_vocabulary_entries_are_features_it_learns_from(trained):
    tagger = trained[0]
    vocabulary = tagger.features.vocabulary
    assert "v:theme:Death penalty" in vocabulary and "v:group:Children" in vocabulary
    row = tagger.features.transform(["Abolish the death penalty."]).toarray()[0]
    assert row[vocabulary["v:theme:Death penalty"]] > 0 and row[vocabulary["v:group:Children"]] == 0
    # the entry's weight pulls its own label up, not a label it does not name
    weight = tagger.weights[vocabulary["v:theme:Death penalty"]]
    assert weight[tagger.labels.index("Death penalty")] > 0
    assert weight[tagger.labels.index("Death penalty")] > weight[tagger.labels.index("Migrants")]


def test_nb_ratios_favour_the_labels_own_features():
    from scipy import sparse

    from rightstrack.tagging.tagger import nb_ratios

    matrix = sparse.csr_matrix(np.array([[1.0, 0.0, 1.0], [1.0, 0.0, 1.0], [0.0, 1.0, 1.0], [0.0, 1.0, 1.0]]))
    ratios = nb_ratios(matrix, np.array([1, 1, 0, 0]), alpha=1.0)
    # p = (3, 1, 3), q = (1, 3, 3): log((3/7) / (1/7)) = log 3 for the label's word, its opposite for the other's
    assert ratios == pytest.approx([np.log(3), -np.log(3), 0.0])


def test_version_1_file_still_loads_and_predicts(tmp_path):
    """A file written before vocabulary entries and NB scaling: word n-grams, plain SVM weights."""
    header = {"format": "rightstrack-tagger", "version": 1, "labels": ["Death penalty", "Education"], "info": {}}
    vocabulary = ["w:death", "w:penalty", "w:school"]
    path = tmp_path / "old.npz"
    np.savez_compressed(path, header=np.frombuffer(json.dumps(header).encode(), dtype=np.uint8),
                        vocabulary=np.frombuffer("\n".join(vocabulary).encode(), dtype=np.uint8),
                        idf=np.ones(3, dtype=np.float32),
                        weights=np.array([[1, 0], [1, 0], [0, 1]], dtype=np.float32),
                        bias=np.array([-0.5, -0.5], dtype=np.float32))
    tagger = load_tagger(path)
    assert tagger.features.entry_columns == 0  # no vocabulary matching for an old file
    # "death" and "penalty" share the word block's length 1/sqrt(2): 0.5 each
    assert tagger.scores(["Abolish the death penalty."])[0] == pytest.approx([0.5, -0.5])
    assert tagger.scores(["Build a school."])[0] == pytest.approx([-0.5, 2 ** -0.5 - 0.5])
    assert tagger.predict(["Abolish the death penalty.", "Build a school."]) == [["Death penalty"], ["Education"]]


def test_newer_file_version_is_one_line_error(trained, tmp_path):
    path = tmp_path / "upr.npz"
    trained[0].save(path)
    with np.load(path, allow_pickle=False) as archive:
        arrays = dict(archive)
    header = json.loads(bytes(arrays["header"]).decode())
    assert header["version"] == 2
    header["version"] = 3
    arrays["header"] = np.frombuffer(json.dumps(header).encode(), dtype=np.uint8)
    np.savez_compressed(path, **arrays)
    with pytest.raises(TaggerFileError, match="version 3 is not one this rightstrack reads"):
        load_tagger(path)


@pytest.mark.parametrize("content", [b"", b"not a zip at all", b"PK\x03\x04broken"])
def test_damaged_tagger_file_is_one_line_error(tmp_path, content):
    path = tmp_path / "bad.npz"
    path.write_bytes(content)
    with pytest.raises(TaggerFileError, match="bad.npz: not a rightstrack tagger"):
        load_tagger(path)


def test_missing_tagger_file(tmp_path):
    with pytest.raises(TaggerFileError, match="no such tagger file"):
        load_tagger(tmp_path / "none.npz")


def test_too_few_examples():
    with pytest.raises(TrainingError, match="too few examples"):
        train_tagger(["one", "two"], [["a"], ["b"]])


def write(path: Path, rows: list[list[str]], encoding: str = "utf-8", delimiter: str = ",",
          newline: str = "\n") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=newline).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def test_missing_column_names_it(tmp_path):
    path = write(tmp_path / "a.csv", [["Recommendation", "Theme"], ["Ratify the Convention.", "Treaties"]])
    with pytest.raises(SpreadsheetError, match=r"a.csv, row 1: no column 'Text'; the columns are 'Recommendation'"):
        read_examples(path, "Text", "Theme")


def test_rows_without_labels_are_skipped_with_a_warning(tmp_path):
    path = write(tmp_path / "a.csv", [["Text", "Theme"], ["Ratify the Convention.", "Treaties"],
                                      ["Abolish the death penalty.", ""], ["", "Education"],
                                      ["Build schools.", "Education; Children"]])
    examples = read_examples(path, "Text", "Theme", separator=";")
    assert examples.texts == ["Ratify the Convention.", "Build schools."]
    assert examples.labels == [["Treaties"], ["Education", "Children"]]
    assert examples.rows == [2, 5]
    assert any("no label in column 'Theme': rows 3" in w for w in examples.warnings)
    assert any("no text in column 'Text': rows 4" in w for w in examples.warnings)


def test_semicolons_windows_encoding_and_carriage_returns(tmp_path):
    path = write(tmp_path / "fr.csv", [["Texte", "Thème"], ["Protéger les enfants réfugiés", "Réfugiés"]],
                 encoding="cp1252", delimiter=";", newline="\r")
    examples = read_examples(path, "Texte", "Thème")
    assert examples.texts == ["Protéger les enfants réfugiés"]
    assert examples.labels == [["Réfugiés"]]


def test_wrong_encoding_given_names_the_line(tmp_path):
    path = write(tmp_path / "a.csv", [["Text", "Theme"], ["ok", "x"], ["Protéger", "y"]], encoding="cp1252")
    with pytest.raises(SpreadsheetError, match=r"a.csv: not utf-8: byte 0xe9 at line 3"):
        read_examples(path, "Text", "Theme", encoding="utf-8")


def test_a_workbook_is_not_a_csv(tmp_path):
    path = tmp_path / "labels.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(SpreadsheetError, match="workbook, not a CSV"):
        read_examples(path, "Text", "Theme")


def test_no_usable_row(tmp_path):
    path = write(tmp_path / "a.csv", [["Text", "Theme"], ["Ratify.", ""]])
    with pytest.raises(SpreadsheetError, match="no row has both"):
        read_examples(path, "Text", "Theme")


def test_f1_scores():
    gold = [["a"], ["a", "b"], ["c"]]
    assert f1_scores(gold, gold) == (1.0, 1.0)
    micro, macro = f1_scores(gold, [["a"], ["a"], ["b"]])
    assert micro == pytest.approx(2 * 2 / (2 * 2 + 1 + 2))
    assert macro == pytest.approx((1.0 + 0.0 + 0.0) / 3)


def test_embedding_view_round_trips(upr, tmp_path):
    from rightstrack.tagging import embeddings

    if not embeddings.available():
        pytest.skip(f"optional sentence embeddings not installed: {embeddings.INSTALL}")
    texts, labels = upr.texts[:300], upr.labels[:300]
    tagger = train_tagger(texts, labels, embeddings=True)
    assert tagger.embedding_weights.shape == (384, len(tagger.labels))
    tagger.save(tmp_path / "blended.npz")
    loaded = load_tagger(tmp_path / "blended.npz")
    assert loaded.embedding_weights is not None
    assert loaded.predict(texts[:40]) == tagger.predict(texts[:40])


def test_saving_over_a_folder_is_one_line_error_and_leaves_nothing(trained, tmp_path):
    (tmp_path / "taken").mkdir()
    with pytest.raises(TaggerFileError, match="cannot write the tagger"):
        trained[0].save(tmp_path / "taken")
    assert [p.name for p in tmp_path.iterdir()] == ["taken"]
