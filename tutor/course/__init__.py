"""The course: lessons and exercises as data, read through one loader."""

from tutor.course.loader import load_course
from tutor.course.model import Course, Exercise, Lesson, Part, Problem

__all__ = ["Course", "Exercise", "Lesson", "Part", "Problem", "load_course"]
