"""Suite-wide settings, applied before NumPy is imported."""

import os

# One BLAS thread: OpenBLAS's two threads spin-wait and crawl when another process holds a core,
# which made training checks 3-20x slower on a shared machine. Speed is measured in bench/.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
