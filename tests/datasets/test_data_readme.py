"""data/README.md documents every shipped file, and its checksums match the files."""

from __future__ import annotations

import hashlib
import re

import pytest

from tutor.datasets import files
from tutor.paths import data_dir

ROW = re.compile(r"^\| `([^`]+)` \| `([0-9a-f]{64})` \|$", re.MULTILINE)


def readme_checksums() -> dict[str, str]:
    return dict(ROW.findall((data_dir() / "README.md").read_text(encoding="utf-8")))


def sha256(path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def test_readme_checksum_table_lists_exactly_the_shipped_files():
    in_folder = {path.name for path in data_dir().iterdir() if path.name != "README.md"}
    assert set(readme_checksums()) == in_folder == set(files.SHIPPED)


@pytest.mark.parametrize("filename", files.SHIPPED)
def test_shipped_file_matches_its_readme_checksum(filename):
    assert sha256(files.data_file(filename)) == readme_checksums()[filename]
