"""DREAM-CNN, DREAM-RNN and DREAM-Attn in PyTorch (SPEC.md §2), sized by the Java config JSON.

Each network is a Prix Fixe net ``final(core(first(x)))``: input float32 ``(N, 6, L)`` (L = 150),
output logits ``(N, 18)``; softmax and the expected bin are applied by the caller so that training
can put a KL loss on the logits.

| architecture | first layers        | core                         | final          |
|--------------|---------------------|------------------------------|----------------|
| dream-cnn    | BHI conv branches   | Autosome EfficientNet blocks | Autosome final |
| dream-rnn    | BHI conv branches   | BHI Bi-LSTM + conv branches  | Autosome final |
| dream-attn   | Autosome conv+BN    | UnlockDNA Conformer layers   | Autosome final |

Initialization follows the reference: Autosome blocks (first, core, final) re-initialize
themselves with ``initialize_weights`` (SPEC §1.6); BHI and UnlockDNA blocks define none and keep
PyTorch's defaults.
"""

from __future__ import annotations

import math
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

from .configs import ARCHITECTURES, CONFIGS, DreamAttnConfig, DreamCnnConfig, DreamRnnConfig
from .encoding import BINS, CHANNELS, LENGTH

BN_MOMENTUM = 0.1  # Autosome's bn_momentum (also PyTorch's default)
LN_EPS = 1e-6  # UnlockDNA's LayerNorm eps (PyTorch's default would be 1e-5)


# ---------------------------------------------------------------------------------------------
# Initialization
# ---------------------------------------------------------------------------------------------

def autosome_init(m: nn.Module) -> None:
    """Autosome's ``initialize_weights`` (SPEC §1.6), applied module by module.

    Conv1d: W ~ N(0, sd sqrt(2 / (k * C_out))) (fan-out He), bias 0; BatchNorm: 1 and 0;
    Linear: W ~ N(0, sd 0.001), bias 0 -- so a fresh SE gate is ~0.5 everywhere.
    """
    if isinstance(m, nn.Conv1d):
        nn.init.normal_(m.weight, 0.0, math.sqrt(2.0 / (m.kernel_size[0] * m.out_channels)))
        if m.bias is not None:
            nn.init.zeros_(m.bias)
    elif isinstance(m, nn.BatchNorm1d):
        nn.init.ones_(m.weight)
        nn.init.zeros_(m.bias)
    elif isinstance(m, nn.Linear):
        nn.init.normal_(m.weight, 0.0, 0.001)
        if m.bias is not None:
            nn.init.zeros_(m.bias)


# ---------------------------------------------------------------------------------------------
# BHI blocks (PyTorch default init)
# ---------------------------------------------------------------------------------------------

class ConvBranches(nn.Module):
    """BHI ``ConvBlock``s side by side: ``(N, C_in, L) -> (N, F * len(kernels), L)``.

    Each branch is Conv1d(k, C_in -> F, bias, same) -> ReLU -> Dropout; the outputs are
    concatenated on channels. The reference's MaxPool1d(1) after the ReLU is the identity and is
    left out.
    """

    def __init__(self, in_channels: int, kernels: tuple[int, ...], filters: int, dropout: float):
        super().__init__()
        self.branches = nn.ModuleList(
            nn.Conv1d(in_channels, filters, k, padding="same") for k in kernels)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.cat([self.dropout(F.relu(conv(x))) for conv in self.branches], dim=1)


class BhiCoreBlock(nn.Module):
    """BHI core of DREAM-RNN: ``(N, C, L) -> (N, F * len(kernels), L)``.

    Bi-LSTM over positions (hidden H per direction, features [forward, backward]) -> conv branches
    over the 2H features -> Dropout.
    """

    def __init__(self, in_channels: int, hidden: int, kernels: tuple[int, ...], filters: int,
                 branch_dropout: float, output_dropout: float):
        super().__init__()
        self.lstm = nn.LSTM(in_channels, hidden, batch_first=True, bidirectional=True)
        self.branches = ConvBranches(2 * hidden, kernels, filters, branch_dropout)
        self.dropout = nn.Dropout(output_dropout)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        features, _ = self.lstm(x.transpose(1, 2))  # (N, L, 2H)
        return self.dropout(self.branches(features.transpose(1, 2)))


# ---------------------------------------------------------------------------------------------
# Autosome blocks (initialize_weights)
# ---------------------------------------------------------------------------------------------

class SqueezeExcitation(nn.Module):
    """Prix Fixe ``SELayerSimple``: ``(N, C, L) -> (N, C, L)``.

    Gate = Sigmoid(Linear(H -> C)(SiLU(Linear(C -> H)(mean over L)))), multiplied onto the input.
    """

    def __init__(self, channels: int, hidden: int):
        super().__init__()
        self.l1 = nn.Linear(channels, hidden)
        self.l2 = nn.Linear(hidden, channels)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        gate = torch.sigmoid(self.l2(F.silu(self.l1(x.mean(dim=2)))))  # (N, C)
        return x * gate.unsqueeze(2)


def _conv_bn_silu(in_channels: int, out_channels: int, kernel: int, groups: int = 1) -> list:
    return [nn.Conv1d(in_channels, out_channels, kernel, padding="same", groups=groups,
                      bias=False),  # no bias: BatchNorm follows
            nn.BatchNorm1d(out_channels, momentum=BN_MOMENTUM),
            nn.SiLU()]


class AutosomeEffBlock(nn.Module):
    """One EfficientNet-style block (SPEC §2.1): ``(N, p, L) -> (N, s, L)``, E = expansion * s.

    inv_res: Conv(1, p->E) BN SiLU, Conv(k, E->E, groups E/2) BN SiLU, SE(E, hidden p/r),
    Conv(1, E->p) BN SiLU. The "residual" is a concatenation [x, inv_res(x)] (2p channels), then
    resize: Conv(k, 2p->s) BN SiLU.
    """

    def __init__(self, p: int, s: int, kernel: int, expansion: int, se_reduction: int):
        super().__init__()
        e = expansion * s
        self.inv_res = nn.Sequential(
            *_conv_bn_silu(p, e, 1),
            *_conv_bn_silu(e, e, kernel, groups=e // 2),  # two channels per group
            SqueezeExcitation(e, p // se_reduction),  # hidden width from the block *input* p
            *_conv_bn_silu(e, p, 1))
        self.resize = nn.Sequential(*_conv_bn_silu(2 * p, s, kernel))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.resize(torch.cat([x, self.inv_res(x)], dim=1))


class AutosomeCoreBlock(nn.Module):
    """A chain of :class:`AutosomeEffBlock`: ``(N, C_in, L) -> (N, widths[-1], L)``."""

    def __init__(self, in_channels: int, widths: tuple[int, ...], kernel: int, expansion: int,
                 se_reduction: int):
        super().__init__()
        sizes = (in_channels, *widths)
        self.blocks = nn.ModuleList(
            AutosomeEffBlock(p, s, kernel, expansion, se_reduction)
            for p, s in zip(sizes[:-1], sizes[1:]))
        self.apply(autosome_init)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for block in self.blocks:
            x = block(x)
        return x


class AutosomeFirstBlock(nn.Module):
    """Conv1d(k, C_in -> C, no bias, same) -> BatchNorm -> SiLU: ``(N, C_in, L) -> (N, C, L)``."""

    def __init__(self, in_channels: int, channels: int, kernel: int):
        super().__init__()
        self.block = nn.Sequential(*_conv_bn_silu(in_channels, channels, kernel))
        self.apply(autosome_init)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.block(x)


class AutosomeFinalBlock(nn.Module):
    """Conv1d(1, C -> 18, bias), mean over positions: ``(N, C, L) -> (N, 18)`` logits.

    The reference's forward then applies softmax and the expectation; here the caller does, so
    the same block serves the KL loss (on log_softmax) and prediction.
    """

    def __init__(self, in_channels: int):
        super().__init__()
        self.mapper = nn.Conv1d(in_channels, BINS, 1)
        self.apply(autosome_init)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.mapper(x).mean(dim=2)


# ---------------------------------------------------------------------------------------------
# UnlockDNA blocks (PyTorch default init), channels last inside the core
# ---------------------------------------------------------------------------------------------

class FeedForwardSwiGlu(nn.Module):
    """LN -> Linear(C -> 4C, no bias) -> SwiGLU -> Dropout -> Linear(2C -> C, no bias) -> Dropout.

    ``(N, L, C) -> (N, L, C)``. SwiGLU splits the 4C features into halves (a, b), in that order,
    and returns a * SiLU(b). The same dropout is used twice, as in the reference.
    """

    def __init__(self, channels: int, dropout: float):
        super().__init__()
        self.norm = nn.LayerNorm(channels, eps=LN_EPS)
        self.up = nn.Linear(channels, 4 * channels, bias=False)
        self.down = nn.Linear(2 * channels, channels, bias=False)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        a, b = self.up(self.norm(x)).chunk(2, dim=-1)
        return self.dropout(self.down(self.dropout(a * F.silu(b))))


class ConformerConvModule(nn.Module):
    """Depthwise Conv1d(k, groups C, no bias) -> Conv1d(1, C -> C, bias) -> ReLU -> Dropout.

    ``(N, L, C) -> (N, L, C)``; the convolutions run channels first.
    """

    def __init__(self, channels: int, kernel: int, dropout: float):
        super().__init__()
        self.depthwise = nn.Conv1d(channels, channels, kernel, padding="same", groups=channels,
                                   bias=False)
        self.pointwise = nn.Conv1d(channels, channels, 1)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = self.pointwise(self.depthwise(x.transpose(1, 2)))
        return self.dropout(F.relu(y)).transpose(1, 2)


class ConformerLayer(nn.Module):
    """UnlockDNA ``ConformerSASwiGLULayer``, ``(N, L, C) -> (N, L, C)``::

        x = x + FF1(x) / 2
        c = LN1(x);  x = x + c + Conv(c)
        x = LN2(x)                       # the stream itself is normalized
        x = x + MHA(x, x, x)
        x = x + FF2(x) / 2
    """

    def __init__(self, channels: int, heads: int, kernel: int, dropout: float):
        super().__init__()
        self.ff1 = FeedForwardSwiGlu(channels, dropout)
        self.norm1 = nn.LayerNorm(channels, eps=LN_EPS)
        self.conv = ConformerConvModule(channels, kernel, dropout)
        self.norm2 = nn.LayerNorm(channels, eps=LN_EPS)
        # Attention dropout stays at PyTorch's default 0, which the reference does not change.
        self.attention = nn.MultiheadAttention(channels, heads, batch_first=True)
        self.ff2 = FeedForwardSwiGlu(channels, dropout)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x + 0.5 * self.ff1(x)
        c = self.norm1(x)
        x = x + c + self.conv(c)
        x = self.norm2(x)
        x = x + self.attention(x, x, x, need_weights=False)[0]
        return x + 0.5 * self.ff2(x)


class UnlockDnaCoreBlock(nn.Module):
    """Learned position embedding + Conformer layers: ``(N, C, L) -> (N, C, L)``.

    The embedding (``nn.Embedding(L, C)``, init N(0, 1)) has one row per position, so only the
    length it was built for is accepted.
    """

    def __init__(self, channels: int, length: int, layers: int, heads: int, kernel: int,
                 dropout: float):
        super().__init__()
        self.length = length
        self.position = nn.Embedding(length, channels)
        self.layers = nn.ModuleList(
            ConformerLayer(channels, heads, kernel, dropout) for _ in range(layers))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.shape[2] != self.length:
            raise ValueError(f"UnlockDNA core built for length {self.length}, got {x.shape[2]}")
        # Adding the whole table equals embedding arange(L) and adding it, as the reference does.
        s = x.transpose(1, 2) + self.position.weight  # (N, L, C)
        for layer in self.layers:
            s = layer(s)
        return s.transpose(1, 2)


# ---------------------------------------------------------------------------------------------
# Networks
# ---------------------------------------------------------------------------------------------

class PrixFixeNet(nn.Module):
    """``final(core(first(x)))``: ``(N, 6, L) -> (N, 18)`` logits."""

    def __init__(self, first: nn.Module, core: nn.Module, final: nn.Module):
        super().__init__()
        self.first, self.core, self.final = first, core, final

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.final(self.core(self.first(x)))


def build(architecture: str, config_json: Any) -> PrixFixeNet:
    """A freshly initialized network from an architecture name and its config JSON.

    Seed ``torch.manual_seed`` first for repeatable weights.

    Raises:
        ValueError: for an unknown architecture or a configuration that does not fit it.
    """
    if architecture not in CONFIGS:
        raise ValueError(f"unknown architecture '{architecture}'; expected one of "
                         f"{', '.join(ARCHITECTURES)}")
    c = CONFIGS[architecture].from_json(config_json)
    if isinstance(c, DreamCnnConfig):
        first = ConvBranches(CHANNELS, c.first_kernels, c.first_filters, c.dropout)
        core = AutosomeCoreBlock(c.first_filters * len(c.first_kernels), c.core_widths,
                                 c.core_kernel, c.expansion, c.se_reduction)
        return PrixFixeNet(first, core, AutosomeFinalBlock(c.core_widths[-1]))
    if isinstance(c, DreamRnnConfig):
        width = c.filters_per_branch * len(c.kernels)
        first = ConvBranches(CHANNELS, c.kernels, c.filters_per_branch, c.branch_dropout)
        core = BhiCoreBlock(width, c.lstm_hidden, c.kernels, c.filters_per_branch,
                            c.branch_dropout, c.output_dropout)
        return PrixFixeNet(first, core, AutosomeFinalBlock(width))
    first = AutosomeFirstBlock(CHANNELS, c.channels, c.first_kernel)
    core = UnlockDnaCoreBlock(c.channels, c.length, c.layers, c.heads, c.conv_kernel, c.dropout)
    return PrixFixeNet(first, core, AutosomeFinalBlock(c.channels))


def input_length(architecture: str, config_json: Any) -> int:
    """The sequence length a network takes: the config's for DREAM-Attn, else 150."""
    if architecture == "dream-attn":
        return DreamAttnConfig.from_json(config_json).length
    return LENGTH


def count_parameters(net: nn.Module) -> int:
    """Trainable values, as PyTorch counts them (BatchNorm running statistics are buffers)."""
    return sum(p.numel() for p in net.parameters() if p.requires_grad)


def expected_bin(logits: torch.Tensor) -> torch.Tensor:
    """``(N, 18)`` logits -> ``(N,)`` expected bin index sum_k k * softmax_k, in [0, 17]."""
    bins = torch.arange(logits.shape[1], dtype=logits.dtype, device=logits.device)
    return (logits.softmax(dim=1) * bins).sum(dim=1)
