"""Which paths the child may read or list, for a wheel install and for an editable checkout."""

from __future__ import annotations

import os
from pathlib import Path

from tutor.sandbox.walls import paths_for


def tree(root: Path, *files: str) -> None:
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")


def readable(path: Path, read: set[str]) -> bool:
    text = str(path)
    return any(text == root or text.startswith(root + os.sep) for root in read)


def test_a_wheel_install_hides_the_lessons_and_the_checkers_but_not_the_engine(tmp_path):
    prefix = tmp_path / "venv"
    site = prefix / "lib" / "python3.11" / "site-packages"
    stdlib = prefix / "lib" / "python3.11"
    tree(
        site,
        "numpy/__init__.py",
        "pandas/__init__.py",
        "tutor/__init__.py",
        "tutor/grading.py",
        "tutor/engine/model.py",
        "tutor/datasets/files.py",
        "tutor/sandbox/guard.py",
        "tutor/_content/lessons/01-x/exercises.toml",
        "tutor/_content/data/pima.csv",
    )
    tree(stdlib, "os.py", "json/__init__.py")
    lessons = site / "tutor" / "_content" / "lessons"
    read, listing = paths_for(
        site / "tutor", [str(stdlib), str(site)], (f"{prefix}/",), [str(lessons)]
    )
    for allowed in (
        "numpy/__init__.py",
        "pandas/__init__.py",
        "tutor/__init__.py",
        "tutor/engine/model.py",
        "tutor/datasets/files.py",
    ):
        assert readable(site / allowed, read), allowed
    assert readable(stdlib / "json" / "__init__.py", read)
    for hidden in (
        "tutor/grading.py",
        "tutor/sandbox/guard.py",
        "tutor/_content/lessons/01-x/exercises.toml",
    ):
        assert not readable(site / hidden, read), hidden
    assert str(site) in listing and str(site / "tutor") in listing


def test_an_editable_checkout_is_listed_only_and_its_site_packages_copy_is_hidden(tmp_path):
    prefix = tmp_path / "venv"
    site = prefix / "lib" / "python3.11" / "site-packages"
    checkout = tmp_path / "checkout"
    tree(site, "numpy/__init__.py", "tutor/_content/lessons/course.toml", "_editable.pth")
    tree(
        checkout,
        "tutor/__init__.py",
        "tutor/engine/model.py",
        "tutor/grading.py",
        "lessons/course.toml",
        "tests/test_x.py",
        ".git/config",
    )
    read, listing = paths_for(
        checkout / "tutor", [str(site), str(checkout)], (f"{prefix}/",), [str(checkout / "lessons")]
    )
    assert readable(site / "numpy" / "__init__.py", read)
    assert readable(checkout / "tutor" / "engine" / "model.py", read)
    for hidden in (
        site / "tutor/_content/lessons/course.toml",
        checkout / "lessons/course.toml",
        checkout / "tutor/grading.py",
        checkout / "tests/test_x.py",
        checkout / ".git/config",
    ):
        assert not readable(hidden, read), hidden
    assert str(checkout) in listing
