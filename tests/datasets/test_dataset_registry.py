"""names(), describe() and load(): one door to every data set, with clear refusals."""

from __future__ import annotations

import math
import subprocess
import sys

import numpy as np
import pytest

from tutor import datasets
from tutor.datasets import files


def test_names_lists_tables_files_and_playground_sets():
    assert datasets.names() == (
        *datasets.names("table"),
        *datasets.names("file"),
        *datasets.names("playground"),
    )
    assert datasets.names("file") == ("exam_scores", "pima", "breast_cancer", "digits", "mnist")
    assert set(datasets.names("table")) == {"storm", "and", "or", "nand", "xor"}
    assert set(datasets.names("playground")) == {"circle", "playground_xor", "gauss", "spiral"}


def test_names_refuses_an_unknown_kind():
    with pytest.raises(
        ValueError, match=r"no kind 'real': expected 'table', 'file' or 'playground'"
    ):
        datasets.names("real")


@pytest.mark.parametrize("name", datasets.names())
def test_every_data_set_loads_with_the_shapes_its_card_promises(name):
    (x_train, y_train), (x_test, y_test) = datasets.load(name)
    got = {"x_train": x_train, "y_train": y_train, "x_test": x_test, "y_test": y_test}
    assert {key: array.shape for key, array in got.items()} == dict(datasets.describe(name).shapes)
    assert y_train.dtype.kind in "iu"


@pytest.mark.parametrize("name", datasets.names())
def test_every_card_speaks_korean_and_english(name):
    info = datasets.describe(name)
    for text in (info.title, info.summary, info.source):
        assert set(text) == {"ko", "en"} and all(text.values())
    assert len(info.features["ko"]) == len(info.features["en"]) == math.prod(info.input_shape)
    assert len(info.classes["ko"]) == len(info.classes["en"]) >= 2


@pytest.mark.parametrize("name", ["exam_scores", "pima", "breast_cancer", "digits"])
def test_card_feature_names_match_the_csv_header(name):
    info = datasets.describe(name)
    header = files.data_file(info.file).read_text().splitlines()[0].replace('"', "").split(",")
    assert tuple(header[:-1]) == info.features["en"]


def test_card_text_reads_in_either_language():
    info = datasets.describe("pima")
    assert "피마 인디언 당뇨병" in info.text("ko") and "Pima Indians diabetes" in info.text("en")
    with pytest.raises(ValueError, match="lang must be 'ko' or 'en'"):
        info.text("fr")


def test_unknown_name_suggests_a_close_one_and_lists_them_all():
    with pytest.raises(ValueError, match="no data set 'pimaa'") as caught:
        datasets.load("pimaa")
    message = str(caught.value)
    assert "Did you mean 'pima'?" in message
    assert all(name in message for name in datasets.names())


def test_describe_refuses_unknown_names_too():
    with pytest.raises(datasets.DatasetError, match="no data set 'iris'"):
        datasets.describe("iris")


def test_dataset_error_is_a_value_error():
    assert issubclass(datasets.DatasetError, ValueError)


def test_names_forgive_case_dashes_and_spaces():
    expected = datasets.load("breast_cancer")[1][1]
    np.testing.assert_array_equal(datasets.load("Breast-Cancer")[1][1], expected)
    np.testing.assert_array_equal(datasets.load(" breast cancer ")[1][1], expected)


def test_real_data_takes_no_options():
    with pytest.raises(ValueError, match=r"load\('pima'\) takes no options, got seed"):
        datasets.load("pima", seed=1)


def test_misspelt_option_lists_the_options_that_exist():
    with pytest.raises(ValueError, match=r"does not know the option noize: expected 'n_samples'"):
        datasets.load("spiral", noize=0.1)


def test_playground_options_on_the_xor_gate_point_to_playground_xor():
    with pytest.raises(ValueError, match=r"4-row logic gate.*load\('playground_xor', \.\.\.\)"):
        datasets.load("xor", noise=0.2)


def test_a_name_must_be_a_string():
    with pytest.raises(ValueError, match="a string such as 'pima', got 3"):
        datasets.load(3)


def test_importing_datasets_pulls_in_neither_pandas_nor_textual():
    code = "import sys, tutor.datasets; print(sorted({'pandas', 'textual'} & set(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_importing_datasets_reads_no_data_file():
    code = (
        "import tutor.datasets.files as f; "
        "print(f._table.cache_info().currsize + f._mnist_arrays.cache_info().currsize)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "0"
