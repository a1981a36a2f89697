"""Language identification: the batch path answers exactly as py3langid does text by text."""

from __future__ import annotations

import os

import pytest

from ascua.nlp.clean import model_text
from ascua.nlp.language import LanguageDetector
from ascua.nlp.train.datasets import XLMT_LANGUAGES, DataMissing, crisislex_texts, xlmt

ODD = [
    "",
    "ab",
    "ok",
    "😡😡😡",
    "@user http",
    "#vuelaya #reembolso",
    "x" * 1_000,
    "这是中文的句子",
    "BON DIA A TOTHOM",
    "Bon dia a tothom, com esteu?",
    "Bo día, como estades?",
    "Egun on, zer moduz?",
    "El vuelo was cancelled otra vez, so annoying",
    "bad \ufffd surrogate",
]


def _tweets() -> list[str]:
    try:
        texts = [t for language in XLMT_LANGUAGES for t in xlmt(language, "test").texts]
        texts += crisislex_texts()[::4]
    except DataMissing as error:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"the data sets are required under CI: {error}")
        pytest.skip(str(error))
    return [model_text(text) for text in texts]


def test_a_batch_gets_the_answers_of_one_text_at_a_time() -> None:
    detector = LanguageDetector()
    texts = _tweets() + ODD
    one_by_one = [detector.detect(text) for text in texts]
    batched = [lang for start in range(0, len(texts), 500) for lang in detector.detect_many(texts[start : start + 500])]
    assert batched == one_by_one
    assert {"es", "en", "pt", "it", "fr", "de", "und"} <= set(batched)


def test_short_and_empty_texts_are_undetermined() -> None:
    detector = LanguageDetector()
    assert detector.detect_many([]) == []
    assert detector.detect_many(["", "😡", "@user http", "Me han cancelado el vuelo otra vez"]) == ["und"] * 3 + ["es"]
