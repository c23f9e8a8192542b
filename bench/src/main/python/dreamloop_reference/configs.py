"""The model configurations: the Java config records' JSON, as Jackson writes them.

Field names are the record component names (``DreamCnnConfig.java``, ``DreamRnnConfig.java``,
``DreamAttnConfig.java``); ``paper()`` and ``cpu()`` are the records' factories. Validation follows
the records' compact constructors, so a configuration the Java side rejects is rejected here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ARCHITECTURES = ("dream-cnn", "dream-rnn", "dream-attn")



class _Fields:
    """Reads a config JSON object field by field; unknown or missing fields are errors, as
    Jackson (FAIL_ON_UNKNOWN_PROPERTIES) and the records' compact constructors make them."""

    def __init__(self, obj: Any, what: str):
        if not isinstance(obj, dict):
            raise ValueError(f"{what} configuration must be a JSON object, got {obj!r}")
        self.obj, self.what, self.used = obj, what, set()

    def _get(self, name: str) -> Any:
        if name not in self.obj:
            raise ValueError(f"{self.what} configuration lacks '{name}'")
        self.used.add(name)
        return self.obj[name]

    def int(self, name: str, minimum: int = 1, odd: bool = False) -> int:
        v = self._get(name)
        if isinstance(v, bool) or not isinstance(v, (int, float)) or v != int(v):
            raise ValueError(f"{self.what} '{name}' must be an integer, got {v!r}")
        v = int(v)
        if v < minimum or (odd and v % 2 == 0):
            kind = "odd and " if odd else ""
            raise ValueError(f"{self.what} '{name}' must be {kind}>= {minimum}, got {v}")
        return v

    def ints(self, name: str, odd: bool = False) -> tuple[int, ...]:
        v = self._get(name)
        if not isinstance(v, list) or not v:
            raise ValueError(f"{self.what} '{name}' must be a non-empty list, got {v!r}")
        out = []
        for i, item in enumerate(v):
            if isinstance(item, bool) or not isinstance(item, (int, float)) or item != int(item) \
                    or item < 1 or (odd and int(item) % 2 == 0):
                kind = "odd positive" if odd else "positive"
                raise ValueError(f"{self.what} '{name}'[{i}] must be an {kind} integer, got {item!r}")
            out.append(int(item))
        return tuple(out)

    def rate(self, name: str) -> float:
        v = self._get(name)
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 <= v < 1:
            raise ValueError(f"{self.what} '{name}' must be a dropout rate in [0, 1), got {v!r}")
        return float(v)

    def done(self) -> None:
        extra = sorted(set(self.obj) - self.used)
        if extra:
            raise ValueError(f"{self.what} configuration has unknown fields {extra}")


@dataclass(frozen=True)
class DreamCnnConfig:
    """``DreamCnnConfig.java``: BHI first layers + Autosome core."""

    first_kernels: tuple[int, ...]
    first_filters: int
    dropout: float
    core_widths: tuple[int, ...]
    core_kernel: int
    expansion: int
    se_reduction: int

    @classmethod
    def from_json(cls, obj: Any) -> "DreamCnnConfig":
        f = _Fields(obj, "dream-cnn")
        c = cls(f.ints("firstKernels", odd=True), f.int("firstFilters"), f.rate("dropout"),
                f.ints("coreWidths"), f.int("coreKernel", odd=True), f.int("expansion"),
                f.int("seReduction"))
        f.done()
        previous = c.first_filters * len(c.first_kernels)
        for i, width in enumerate(c.core_widths):
            if c.expansion * width % 2:
                raise ValueError(f"dream-cnn core block {i}: expansion * width must be even "
                                 "(two channels per group)")
            if previous < c.se_reduction:
                raise ValueError(f"dream-cnn core block {i}: input width {previous} is below "
                                 f"seReduction {c.se_reduction}, so the SE layer would be empty")
            previous = width
        return c

    @staticmethod
    def paper() -> dict:
        return {"firstKernels": [9, 15], "firstFilters": 160, "dropout": 0.2,
                "coreWidths": [128, 128, 64, 64, 64, 64], "coreKernel": 7, "expansion": 4,
                "seReduction": 4}

    @staticmethod
    def cpu() -> dict:
        return {"firstKernels": [9, 15], "firstFilters": 32, "dropout": 0.2,
                "coreWidths": [32, 32, 16, 16], "coreKernel": 7, "expansion": 4, "seReduction": 4}


@dataclass(frozen=True)
class DreamRnnConfig:
    """``DreamRnnConfig.java``: the first layers and the core's branches share kernels,
    filters and branch dropout, as in the paper."""

    kernels: tuple[int, ...]
    filters_per_branch: int
    lstm_hidden: int
    branch_dropout: float
    output_dropout: float

    @classmethod
    def from_json(cls, obj: Any) -> "DreamRnnConfig":
        f = _Fields(obj, "dream-rnn")
        c = cls(f.ints("kernels", odd=True), f.int("filtersPerBranch"), f.int("lstmHidden"),
                f.rate("branchDropout"), f.rate("outputDropout"))
        f.done()
        return c

    @staticmethod
    def paper() -> dict:
        return {"kernels": [9, 15], "filtersPerBranch": 160, "lstmHidden": 320,
                "branchDropout": 0.2, "outputDropout": 0.5}

    @staticmethod
    def cpu() -> dict:
        return {"kernels": [9, 15], "filtersPerBranch": 32, "lstmHidden": 32,
                "branchDropout": 0.2, "outputDropout": 0.5}


@dataclass(frozen=True)
class DreamAttnConfig:
    """``DreamAttnConfig.java``: Autosome first layers + UnlockDNA Conformer core."""

    channels: int
    length: int
    layers: int
    heads: int
    first_kernel: int
    conv_kernel: int
    dropout: float

    @classmethod
    def from_json(cls, obj: Any) -> "DreamAttnConfig":
        f = _Fields(obj, "dream-attn")
        c = cls(f.int("channels"), f.int("length"), f.int("layers"), f.int("heads"),
                f.int("firstKernel", odd=True), f.int("convKernel", odd=True), f.rate("dropout"))
        f.done()
        if c.channels % c.heads:
            raise ValueError(f"dream-attn heads must divide channels, but {c.heads} does not "
                             f"divide {c.channels}")
        return c

    @staticmethod
    def paper() -> dict:
        # Four heads: the reference hard-codes them and ignores the 8 the notebook passes.
        return {"channels": 256, "length": 150, "layers": 4, "heads": 4, "firstKernel": 7,
                "convKernel": 15, "dropout": 0.1}

    @staticmethod
    def cpu() -> dict:
        return {"channels": 64, "length": 150, "layers": 2, "heads": 4, "firstKernel": 7,
                "convKernel": 15, "dropout": 0.1}


CONFIGS = {"dream-cnn": DreamCnnConfig, "dream-rnn": DreamRnnConfig,
           "dream-attn": DreamAttnConfig}


def named_config(architecture: str, size: str) -> dict:
    """The JSON of ``paper()`` or ``cpu()`` of an architecture's Java config."""
    cls = CONFIGS[architecture]
    if size not in ("paper", "cpu"):
        raise ValueError(f"unknown size '{size}'; expected paper or cpu")
    return cls.paper() if size == "paper" else cls.cpu()
