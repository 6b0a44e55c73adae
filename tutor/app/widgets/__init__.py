"""Widgets shared by the screens, one module each."""
