"""Throughput and peak memory: forward passes (eval mode, no autograd) and training steps (the
DREAM recipe's KL loss, backward and AdamW) of random one-hot inputs."""

from __future__ import annotations

import ctypes
import re
import time
from dataclasses import dataclass
from pathlib import Path

import torch
from torch import nn

from .encoding import CHANNELS
from .recipe import kl_loss

_STATUS = Path("/proc/self/status")
_CLEAR_REFS = Path("/proc/self/clear_refs")
BINS = 18


@dataclass(frozen=True)
class Timing:
    """Rows per second, the process's peak resident memory during the timing and its resident
    memory before it (MiB; NaN where /proc is missing)."""

    rate: float
    peak_mib: float
    before_mib: float


def random_inputs(batch: int, length: int, generator: torch.Generator) -> torch.Tensor:
    """``(batch, 6, length)``: a uniformly random base one-hot per position (channels A, G, C, T),
    is_reverse and is_singleton 0, as a forward-strand prediction input."""
    x = torch.zeros(batch, CHANNELS, length)
    bases = torch.randint(0, 4, (batch, 1, length), generator=generator)
    x[:, :4].scatter_(1, bases, 1.0)
    return x


def random_targets(batch: int, generator: torch.Generator) -> torch.Tensor:
    """``(batch, 18)`` soft targets: a random distribution over the bins per row."""
    return torch.softmax(torch.randn(batch, BINS, generator=generator), dim=1)


def sequences_per_second(model: nn.Module, x: torch.Tensor, min_seconds: float) -> Timing:
    """Input rows forwarded per second: one warm-up pass, then passes until ``min_seconds``.

    Each pass copies the input into a fresh tensor and the logits out to a host array (as float32),
    as the Java side creates its input from a host array and reads the logits back.
    """
    model.eval()
    with torch.inference_mode():
        before = _reset_peak()
        model(x.clone()).float().numpy().copy()  # warm-up: allocator and kernel selection
        rate = _rate(lambda: model(x.clone()).float().numpy().copy(), x.shape[0], min_seconds)
    return Timing(rate, _peak(), before)


def training_examples_per_second(model: nn.Module, x: torch.Tensor, y: torch.Tensor,
                                 min_seconds: float) -> Timing:
    """Training examples per second: forward in training mode, KL loss, backward and an AdamW
    step (weight decay 0.01, a fixed rate: the one-cycle schedule costs nothing measurable) per
    batch, the loss read back each step as the Java loop does; one warm-up step first."""
    model.train()
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4, weight_decay=0.01)

    def step():
        loss = kl_loss(model(x.clone()), y)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        return float(loss.detach())

    before = _reset_peak()
    step()
    rate = _rate(step, x.shape[0], min_seconds)
    return Timing(rate, _peak(), before)


def _rate(work, rows_per_call: int, min_seconds: float) -> float:
    rows = 0
    start = time.perf_counter()
    while True:
        work()
        rows += rows_per_call
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return rows / elapsed


def _reset_peak() -> float:
    """Gives freed heap memory back to the kernel (glibc's ``malloc_trim``, as the Java side does
    before each measurement), then resets the process's peak resident memory (VmHWM) to its
    current one; returns that."""
    _trim_freed_heap()
    try:
        _CLEAR_REFS.write_text("5")
    except OSError:
        return float("nan")
    return _status_mib("VmRSS")


def _load_malloc_trim():
    """glibc's ``malloc_trim`` of this process, or None where the C library has none."""
    try:
        return ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError):
        return None  # not glibc: nothing to trim


_MALLOC_TRIM = _load_malloc_trim()


def _trim_freed_heap() -> None:
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)


def _peak() -> float:
    return _status_mib("VmHWM")


def _status_mib(field: str) -> float:
    try:
        match = re.search(rf"^{field}:\s+(\d+) kB", _STATUS.read_text(), re.MULTILINE)
    except OSError:
        return float("nan")
    return int(match.group(1)) / 1024 if match else float("nan")
