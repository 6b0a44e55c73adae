"""A class graded offline: learners export a bundle of their answers (`tutor export --bundle`),
the teacher regrades every bundle from scratch in the sandbox (`tutor grade-class`).

    bundle.py       the bundle file: writing, reading, checking; the course's checksum
    grade_class.py  regrading every answer on every core; grades, pass rates, disagreements
    report.py       the class report as CSV, JSON and a terminal table
    commands.py     the two CLI commands (functions of parsed arguments, returning exit codes)
"""
