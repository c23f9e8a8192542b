"""The DREAM 2022 input encoding and training targets (SPEC.md §1.1-1.4).

A measured sequence (~110 bp: 17-bp 5' adapter, 80-bp variable region, 13-bp 3' adapter) is padded
to 150 bp with the plasmid bases upstream of the insert, then one-hot encoded into a float32 tensor
``(6, 150)``: channels 0-3 the bases in the order **A, G, C, T** (not ACGT), channel 4 is_reverse,
channel 5 is_singleton. Training values become 18 soft-bin probabilities.

Everything here mirrors ``io.dreamloop.predictor.model.SequenceEncoding`` and
``training.SoftTargets`` on the Java side.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

LENGTH = 150
"""Padded length."""

CHANNELS = 6
"""Channels per position: A, G, C, T, is_reverse, is_singleton."""

BASE_ORDER = "AGCT"
"""One-hot channel order of the reference (``autosome/utils.py`` CODES)."""

ADAPTER_5P_LENGTH = 17
"""Length of the 5' adapter (``TGCATTTTTTTCACATC``) that the padding replaces."""

INSERT_LENGTH = 80
"""The plasmid's insert is a run of this many N."""

BINS = 18
"""Sorting bins, so soft-target probabilities and logits per sequence."""

SHIFT = 0.5
"""The soft target's Normal has mean value + SHIFT ..."""

SD = 0.5
"""... and this standard deviation (not variance)."""

_COMPLEMENT = str.maketrans("ACGTN", "TGCAN")

# Byte -> channel index: A G C T -> 0..3, N -> 4, anything else -> 255 (rejected).
_INDEX = np.full(256, 255, dtype=np.uint8)
for _i, _b in enumerate(BASE_ORDER + "N"):
    _INDEX[ord(_b)] = _i
    _INDEX[ord(_b.lower())] = _i


def default_data_dir() -> Path:
    """``$DREAMLOOP_DATA``, else ``<repo>/../shared/data`` as the Java tests resolve it."""
    env = os.environ.get("DREAMLOOP_DATA")
    if env:
        return Path(env)
    # this file: <repo>/bench/src/main/python/dreamloop_reference/encoding.py
    return Path(__file__).resolve().parents[5].parent / "shared" / "data"


def default_plasmid() -> Path:
    return default_data_dir() / "dream2022" / "plasmid.json"


def plasmid_upstream(path: str | os.PathLike) -> tuple[str, int]:
    """The 150 plasmid bases right before the 80-N insert, and the insert's 0-based offset.

    ``plasmid.json`` holds one JSON string; the reference finds the insert as ``'N' * 80``.
    """
    with open(path, encoding="utf-8") as f:
        plasmid = json.load(f)
    if not isinstance(plasmid, str):
        raise ValueError(f"{path}: expected one JSON string, got {type(plasmid).__name__}")
    plasmid = plasmid.upper()
    insert = plasmid.find("N" * INSERT_LENGTH)
    if insert < LENGTH:
        raise ValueError(
            f"{path}: need an {INSERT_LENGTH}-N insert with {LENGTH} bases before it, "
            f"insert at {insert}")
    return plasmid[insert - LENGTH:insert], insert


def pad(sequence: str, upstream: str) -> str:
    """Pads a measured sequence to 150 bp (SPEC §1.2).

    Drops the 5' adapter, prepends the plasmid upstream block (which ends in that adapter) and
    keeps the last 150 characters, so length differences are absorbed on the left.
    """
    if len(sequence) <= ADAPTER_5P_LENGTH:
        raise ValueError(
            f"sequence of {len(sequence)} bases is too short to pad: it must be longer than the "
            f"{ADAPTER_5P_LENGTH}-base 5' adapter")
    return (upstream + sequence.upper()[ADAPTER_5P_LENGTH:])[-LENGTH:]


def reverse_complement(sequence: str) -> str:
    """A<->T, C<->G, N stays N, reversed."""
    return sequence.translate(_COMPLEMENT)[::-1]


def one_hot(padded: list[str], reverse: bool | list[bool], singleton: float | list[float],
            unknown: float) -> torch.Tensor:
    """Encodes padded sequences.

    Args:
        padded: N strings of exactly 150 bases (A, C, G, T, N).
        reverse: the is_reverse flag, one for all or one per sequence.
        singleton: the is_singleton flag (0 or 1), one for all or one per sequence.
        unknown: the value of all four base channels at an N: 0 in training, 0.25 at prediction.

    Returns:
        float32 tensor ``(N, 6, 150)``.
    """
    n = len(padded)
    if any(len(s) != LENGTH for s in padded):
        bad = next(i for i, s in enumerate(padded) if len(s) != LENGTH)
        raise ValueError(f"sequence {bad}: need {LENGTH} bases, got {len(padded[bad])}")
    codes = _INDEX[np.frombuffer("".join(padded).encode("ascii"), dtype=np.uint8)]
    if (codes == 255).any():
        bad = int(np.flatnonzero(codes == 255)[0])
        raise ValueError(f"sequence {bad // LENGTH}: invalid base at position {bad % LENGTH}")
    codes = torch.from_numpy(codes.reshape(n, LENGTH).astype(np.int64))
    x = torch.zeros(n, CHANNELS, LENGTH)
    # (N, L, 5) -> drop the N class -> (N, 4, L); an N is then all zeros.
    x[:, :4] = torch.nn.functional.one_hot(codes, 5)[..., :4].permute(0, 2, 1).float()
    if unknown:
        x[:, :4].masked_fill_((codes == 4).unsqueeze(1), unknown)
    x[:, 4] = torch.as_tensor(reverse, dtype=torch.float32).reshape(-1, 1)
    x[:, 5] = torch.as_tensor(singleton, dtype=torch.float32).reshape(-1, 1)
    return x


def is_singleton(value: float) -> bool:
    """The reference's ``integer`` singleton definition: Python's ``float.is_integer()``."""
    return float(value).is_integer()


def _cdf(z: float) -> float:
    """Standard normal CDF; erfc keeps the lower tail accurate."""
    return 0.5 * math.erfc(-z / math.sqrt(2.0))


def soft_targets(value: float) -> list[float]:
    """The 18 bin probabilities of a measured value (SPEC §1.4).

    Mass of Normal(value + 0.5, sd 0.5) between the cut points -inf, 1, 2, ..., 17, +inf. Each
    difference is taken on the side of the mean where both tails are small (Phi(-a) - Phi(-b) for
    a, b >= 0), so far-away bins keep their tiny but nonzero mass.
    """
    mean = value + SHIFT
    out = []
    for k in range(BINS):
        lower = -math.inf if k == 0 else (k - mean) / SD
        upper = math.inf if k == BINS - 1 else (k + 1 - mean) / SD
        if lower >= 0:
            out.append(_cdf(-lower) - _cdf(-upper))
        else:
            out.append(_cdf(upper) - _cdf(lower))
    return out


@dataclass(frozen=True)
class Rows:
    """DREAM rows: measured sequences (with adapters) and values on the bin scale."""

    sequences: list[str]
    values: list[float]

    def __len__(self) -> int:
        return len(self.sequences)


def read_dream(path: str | os.PathLike) -> Rows:
    """Reads a DREAM-format file: ``sequence<TAB>value`` per line, no header.

    Blank lines are allowed only at the end, as in the Java ``DreamFormat``.

    Raises:
        ValueError: naming the file and the first malformed line (1-based).
    """
    sequences, values = [], []
    blank = 0
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                blank = blank or number
                continue
            if blank:
                raise ValueError(f"{path}: line {blank}: blank line before the end of the file")
            fields = line.rstrip("\r\n").split("\t")
            if len(fields) != 2:
                raise ValueError(
                    f"{path}: line {number}: expected 2 tab-separated fields (sequence, "
                    f"expression), but found {len(fields)}")
            sequence = fields[0].strip().upper()
            if not sequence or sequence.strip("ACGTN"):
                raise ValueError(f"{path}: line {number}: invalid sequence '{fields[0]}'")
            if len(sequence) <= ADAPTER_5P_LENGTH:
                raise ValueError(f"{path}: line {number}: sequence too short to pad")
            try:
                value = float(fields[1])
            except ValueError:
                raise ValueError(
                    f"{path}: line {number}: expression '{fields[1]}' is not a number") from None
            if not math.isfinite(value):
                raise ValueError(f"{path}: line {number}: expression '{fields[1]}' is not finite")
            sequences.append(sequence)
            values.append(value)
    return Rows(sequences, values)


def training_tensors(rows: Rows, upstream: str) -> tuple[torch.Tensor, torch.Tensor]:
    """Every row on both strands, as the reference's ``add_rev`` does (SPEC §1.3).

    Example ``2i`` is row i as given, ``2i + 1`` the reverse complement of its padded sequence with
    is_reverse 1 (the Java ``DreamDataset`` numbering). N are zeros; is_singleton is 1 for integer
    values.

    Returns:
        x: float32 ``(2N, 6, 150)``; y: float32 ``(2N, 18)`` soft targets.
    """
    padded = [pad(s, upstream) for s in rows.sequences]
    strands = [p for s in padded for p in (s, reverse_complement(s))]
    singles = [float(is_singleton(v)) for v in rows.values for _ in range(2)]
    x = one_hot(strands, [False, True] * len(rows), singles, unknown=0.0)
    targets = torch.tensor([soft_targets(v) for v in rows.values], dtype=torch.float64)
    y = targets.float().repeat_interleave(2, dim=0)
    return x, y


def prediction_tensors(sequences: list[str], upstream: str) -> tuple[torch.Tensor, torch.Tensor]:
    """Both strands as the predictor sees them (SPEC §1.7): N as 0.25, is_singleton 0.

    Returns:
        forward and reverse-complement inputs, float32 ``(N, 6, 150)`` each.
    """
    padded = [pad(s, upstream) for s in sequences]
    forward = one_hot(padded, False, 0.0, unknown=0.25)
    reverse = one_hot([reverse_complement(p) for p in padded], True, 0.0, unknown=0.25)
    return forward, reverse
