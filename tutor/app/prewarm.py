"""Work done while the learner looks at the course map, so that the first lesson opens sooner.

Textual adds a widget class's default CSS to the app's stylesheet when the first widget of that
class is mounted, and parses the stylesheet again each time: opening the first lesson of a
session mounts a few dozen classes never seen before (the Markdown blocks, the exercise views)
and re-parsed it a dozen times. `add_lesson_styles` adds those sources once, ahead of time; the
lesson's mounts then find them in place.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

from textual.widget import Widget

LESSON_MODULES = (
    "textual.widgets._markdown",
    "tutor.app.screens.lesson",
    "tutor.app.widgets.exercises.",  # every module of the package
)

CHILD_WIDGETS = ("Button", "Input", "OptionList")


def lesson_widget_classes() -> list[type[Widget]]:
    """The widget classes the lesson screen's modules define or import, in a stable order."""
    import textual.widgets as widgets
    import textual.widgets._markdown  # noqa: F401  (the lesson's text)
    from textual.widgets._tabs import Underline  # under the exercise tabs

    import tutor.app.screens.lesson  # and through it the exercise views
    import tutor.app.widgets.exercises.panel  # noqa: F401

    # mounted by the views' code rather than named at their modules' top level
    found: dict[type[Widget], None] = dict.fromkeys(
        [*(getattr(widgets, name) for name in CHILD_WIDGETS), Underline]
    )
    for name in sorted(sys.modules):
        module = sys.modules[name]
        if isinstance(module, ModuleType) and name.startswith(LESSON_MODULES):
            for value in vars(module).values():
                if isinstance(value, type) and issubclass(value, Widget):
                    found[value] = None
    return list(found)


def add_lesson_styles(app: Any) -> None:
    """Add the default CSS of the lesson's widget classes to `app`'s stylesheet and parse it.

    The sources are exactly those Textual adds when it mounts such a widget (same location,
    priority and scope), so nothing is styled differently: it is only done earlier."""
    stylesheet = app.stylesheet
    for cls in lesson_widget_classes():
        bare = cls.__new__(cls)  # `_get_default_css` reads the class only
        for read_from, css, tie_breaker, scope in bare._get_default_css():
            stylesheet.add_source(
                css,
                read_from=read_from,
                is_default_css=True,
                tie_breaker=tie_breaker,
                scope=scope,
            )
    stylesheet.rules  # noqa: B018  (parse now, not at the first lesson's mount)
