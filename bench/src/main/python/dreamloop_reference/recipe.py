"""The DREAM training recipe (SPEC.md §1.4-1.7) as a plain PyTorch loop.

- inputs pre-encoded once: every training row on both strands (``(2N, 6, 150)``), soft targets
  ``(2N, 18)``; an epoch is every example once in a fresh seeded shuffle, batches of B examples,
  the last one short;
- loss ``KLDivLoss(reduction="batchmean")`` of ``log_softmax(logits)`` against the soft targets;
- AdamW (weight decay on every parameter) with OneCycleLR (cosine, pct_start 0.3, div 25,
  final div 1e4, beta1 cycled 0.95 -> 0.85 -> 0.95), stepped after every batch;
- validation after every epoch and of the initial weights: eval mode, expected bin averaged over
  the forward and the reverse-complement strand (N 0.25, singleton 0), Pearson r against the
  values; the epoch with the highest r is kept.
"""

from __future__ import annotations

import copy
import logging
import math
import time
from dataclasses import dataclass
from typing import Callable

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from .models import expected_bin

log = logging.getLogger(__name__)

PCT_START = 0.3
DIV_FACTOR = 25.0
FINAL_DIV_FACTOR = 1e4
BASE_MOMENTUM = 0.85
MAX_MOMENTUM = 0.95


@dataclass(frozen=True)
class Recipe:
    """The Java ``Recipe`` record: peak rate, weight decay, batch, epochs, validation batch, seed."""

    max_lr: float = 0.005
    weight_decay: float = 0.01
    batch_size: int = 1024
    epochs: int = 80
    validation_batch_size: int = 4096
    seed: int = 42

    def __post_init__(self):
        if not (self.max_lr > 0 and math.isfinite(self.max_lr)):
            raise ValueError(f"max-lr must be positive and finite, but was {self.max_lr}")
        if not (self.weight_decay >= 0 and math.isfinite(self.weight_decay)):
            raise ValueError(f"weight-decay must be >= 0 and finite, but was {self.weight_decay}")
        for name in ("batch_size", "epochs", "validation_batch_size"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name.replace('_', '-')} must be >= 1, "
                                 f"but was {getattr(self, name)}")

    def steps_per_epoch(self, examples: int) -> int:
        return -(-examples // self.batch_size)


@dataclass(frozen=True)
class Data:
    """Pre-encoded tensors.

    Attributes:
        x: training inputs ``(2N, 6, 150)``, both strands.
        y: soft targets ``(2N, 18)``.
        val_forward, val_reverse: validation inputs ``(M, 6, 150)`` per strand.
        val_values: measured validation values ``(M,)``, float64.
    """

    x: torch.Tensor
    y: torch.Tensor
    val_forward: torch.Tensor
    val_reverse: torch.Tensor
    val_values: np.ndarray


def optimizer_and_schedule(model: nn.Module, recipe: Recipe, total_steps: int):
    """AdamW starting at max_lr / 25 and the OneCycleLR that drives its rate and beta1."""
    optimizer = torch.optim.AdamW(model.parameters(), lr=recipe.max_lr / DIV_FACTOR,
                                  weight_decay=recipe.weight_decay)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(
        optimizer, max_lr=recipe.max_lr, total_steps=total_steps, pct_start=PCT_START,
        anneal_strategy="cos", cycle_momentum=True, base_momentum=BASE_MOMENTUM,
        max_momentum=MAX_MOMENTUM, div_factor=DIV_FACTOR, final_div_factor=FINAL_DIV_FACTOR,
        three_phase=False)
    return optimizer, scheduler


def kl_loss(logits: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """Batch-mean KL divergence of the model's bin distribution from the soft targets."""
    return F.kl_div(F.log_softmax(logits, dim=1), targets, reduction="batchmean")


def predict(model: nn.Module, forward: torch.Tensor, reverse: torch.Tensor,
            batch_size: int) -> np.ndarray:
    """Mean expected bin of both strands, in eval mode: ``(M,)`` float64."""
    model.eval()
    out = []
    with torch.inference_mode():
        for start in range(0, forward.shape[0], batch_size):
            f = expected_bin(model(forward[start:start + batch_size])).double()
            r = expected_bin(model(reverse[start:start + batch_size])).double()
            out.append(((f + r) / 2).numpy())
    return np.concatenate(out)


def pearson(a: np.ndarray, b: np.ndarray) -> float:
    """Pearson r in float64; NaN for fewer than 2 points or a constant side."""
    if len(a) < 2:
        return math.nan
    da, db = a - a.mean(), b - b.mean()
    denominator = math.sqrt(float((da * da).sum()) * float((db * db).sum()))
    return float((da * db).sum()) / denominator if denominator > 0 else math.nan


def train_epoch(model: nn.Module, data: Data, order: torch.Tensor, batch_size: int,
                optimizer: torch.optim.Optimizer, scheduler) -> float:
    """One pass over the examples in ``order``; returns the mean of the batch losses."""
    model.train()
    total = torch.zeros((), dtype=torch.float64)
    batches = 0
    for start in range(0, order.numel(), batch_size):
        idx = order[start:start + batch_size]
        loss = kl_loss(model(data.x[idx]), data.y[idx])
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        scheduler.step()
        total += loss.detach()  # summed as a tensor: no sync per step
        batches += 1
    return float(total) / batches


def run(model: nn.Module, data: Data, recipe: Recipe, emit: Callable[[dict], None]) -> dict:
    """Trains ``model`` in place, reports every epoch through ``emit`` and returns the summary.

    Epoch 0 is the validation of the initial weights; the best epoch is chosen among epochs
    1..E (the first of equal r wins, NaN never beats a number), as the Java ``TrainingLoop`` does.
    The model is left with the best epoch's weights.

    Returns:
        ``{"best_epoch", "best_r", "initial_r"}``.
    """
    examples = data.x.shape[0]
    steps = recipe.steps_per_epoch(examples)
    optimizer, scheduler = optimizer_and_schedule(model, recipe, recipe.epochs * steps)
    shuffle = np.random.default_rng(recipe.seed)  # epoch orders; torch's RNG drives dropout

    initial_r = pearson(predict(model, data.val_forward, data.val_reverse,
                                recipe.validation_batch_size), data.val_values)
    emit({"event": "epoch", "epoch": 0, "val_r": initial_r})
    best_epoch, best_r, best_state = 0, math.nan, None
    for epoch in range(1, recipe.epochs + 1):
        order = torch.from_numpy(shuffle.permutation(examples))
        start = time.perf_counter()
        loss = train_epoch(model, data, order, recipe.batch_size, optimizer, scheduler)
        seconds = time.perf_counter() - start
        r = pearson(predict(model, data.val_forward, data.val_reverse,
                            recipe.validation_batch_size), data.val_values)
        log.info("epoch %d/%d: loss %.4f, val r %.4f, %.1f examples/s", epoch, recipe.epochs,
                 loss, r, examples / seconds)
        emit({"event": "epoch", "epoch": epoch, "loss": loss, "val_r": r,
              "examples_per_s": examples / seconds, "seconds": seconds})
        if best_state is None or (not math.isnan(r) and (math.isnan(best_r) or r > best_r)):
            best_epoch, best_r = epoch, r
            best_state = copy.deepcopy(model.state_dict())
    model.load_state_dict(best_state)
    return {"best_epoch": best_epoch, "best_r": best_r, "initial_r": initial_r}
