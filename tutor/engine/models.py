"""`keras.models`'s names, so `from keras.models import Sequential` ports by changing `keras`."""

from tutor.engine.model import Sequential
from tutor.engine.saving import load_model

__all__ = ["Sequential", "load_model"]
