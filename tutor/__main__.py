"""`python -m tutor` is the same program as `tutor`."""

from tutor.cli import main

raise SystemExit(main())
