"""Every sentence the app writes exists in Korean and English, with the same placeholders."""

from __future__ import annotations

import re

import pytest

from tutor.app.text import MESSAGES, t
from tutor.i18n import MESSAGES as CORE


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_app_message_has_both_languages_and_the_same_placeholders(key: str) -> None:
    text = MESSAGES[key]
    assert text.get("ko") and text.get("en")
    assert set(re.findall(r"{(\w+)}", text["ko"])) == set(re.findall(r"{(\w+)}", text["en"]))


def test_app_messages_fall_back_to_the_core_ones() -> None:
    assert t("status_passed", "ko") == CORE["status_passed"]["ko"]
    assert t("hint_line", "en", n=2, total=3, text="x") == "Hint 2 of 3: x"
