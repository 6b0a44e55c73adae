"""The command line stays light: building its parser and the workspace's modules import neither
Textual nor pandas (the app and the CSV export load them only when they are used)."""

from __future__ import annotations

import subprocess
import sys


def test_the_parser_and_the_workspace_import_neither_textual_nor_pandas() -> None:
    code = (
        "import sys; from tutor.cli import build_parser; build_parser(); "
        "import tutor.workspace, tutor.workspace.editor, tutor.workspace.watch; "
        "print('\\n'.join(sorted(sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    roots = {name.split(".")[0] for name in done.stdout.split()}
    assert not roots & {"textual", "pandas", "plotext", "watchfiles"}
