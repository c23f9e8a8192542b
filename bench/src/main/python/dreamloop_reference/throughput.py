"""Inference throughput: forward passes of random one-hot inputs, eval mode, no autograd."""

from __future__ import annotations

import time

import torch
from torch import nn

from .encoding import CHANNELS


def random_inputs(batch: int, length: int, generator: torch.Generator) -> torch.Tensor:
    """``(batch, 6, length)``: a uniformly random base one-hot per position (channels A, G, C, T),
    is_reverse and is_singleton 0, as a forward-strand prediction input."""
    x = torch.zeros(batch, CHANNELS, length)
    bases = torch.randint(0, 4, (batch, 1, length), generator=generator)
    x[:, :4].scatter_(1, bases, 1.0)
    return x


def sequences_per_second(model: nn.Module, x: torch.Tensor, min_seconds: float) -> float:
    """Input rows forwarded per second: one warm-up pass, then passes until ``min_seconds``.

    Each pass copies the input into a fresh tensor and the logits out to a host array, as the Java
    side (``ParityInference``) creates its input from a host array and reads the logits back.
    """
    model.eval()
    with torch.inference_mode():
        model(x.clone()).numpy().copy()  # warm-up: allocator and kernel selection
        rows = 0
        start = time.perf_counter()
        while True:
            model(x.clone()).numpy().copy()
            rows += x.shape[0]
            elapsed = time.perf_counter() - start
            if elapsed >= min_seconds:
                return rows / elapsed
