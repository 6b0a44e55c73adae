"""tutor: an interactive terminal tutor for neural networks, from the first neuron to MNIST."""

__version__ = "0.1.0"
