"""Checks of the reference against the numbers the Java side is held to.

- trainable parameter counts of the six (architecture, size) pairs (SPEC §2 and the Java tests);
- the plasmid insert offset and upstream block (SPEC §1.2);
- padding against the 150-bp forms in ``models/dream_cnn_demo_expected.json``;
- soft targets (SPEC §1.4);
- the paper DREAM-CNN with the weights of ``models/dream_cnn_demo.pt`` (a TorchScript trace)
  reproduces the fixture's forward and reverse logits and predictions, so the encoding (N 0.25,
  singleton 0, reverse complement of the padded string) and the network agree with it.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Iterator

import torch

from . import configs, encoding, models

EXPECTED_PARAMETERS = {
    ("dream-cnn", "paper"): 1_933_970, ("dream-cnn", "cpu"): 104_950,
    ("dream-rnn", "paper"): 4_130_578, ("dream-rnn", "cpu"): 80_146,
    ("dream-attn", "paper"): 4_539_410, ("dream-attn", "cpu"): 156_434,
}

INSERT_OFFSET = 3648
UPSTREAM = ("AGTCCACTATTAAAGAACGTGGACTCCAACGTCAAAGGGCGAAAAACCGTCTATCAGGGCGATGGCCCACTACGTGAACCA"
            "TCACCCTAATCAAGTGCTAGCAGGAATGATGCAAAAGGTTCCCGATTCGAACTGCATTTTTTTCACATC")
LOGIT_TOLERANCE = 1e-4


def _check(name: str, ok: bool, **details) -> dict:
    return {"name": name, "ok": bool(ok), **details}


def run_checks(data: Path) -> Iterator[dict]:
    for (architecture, size), expected in EXPECTED_PARAMETERS.items():
        torch.manual_seed(0)
        n = models.count_parameters(models.build(architecture,
                                                 configs.named_config(architecture, size)))
        yield _check(f"parameters {architecture} {size}", n == expected, parameters=n,
                     expected=expected)

    upstream, insert = encoding.plasmid_upstream(data / "dream2022" / "plasmid.json")
    yield _check("plasmid insert and upstream block",
                 insert == INSERT_OFFSET and upstream == UPSTREAM, insert=insert)

    fixture = json.loads((data / "models" / "dream_cnn_demo_expected.json").read_text())
    padded = [encoding.pad(s, upstream) for s in fixture["sequences"]]
    mismatches = [i for i, (a, b) in enumerate(zip(padded, fixture["padded_150"])) if a != b]
    yield _check("padding against dream_cnn_demo_expected.json",
                 not mismatches and len(padded) == len(fixture["padded_150"]),
                 sequences=len(padded), mismatches=mismatches)

    yield _encoding_check(fixture["sequences"][0], upstream)

    sums = [math.fsum(encoding.soft_targets(v)) for v in (0.0, 3.3, 8.0, 16.9, 17.0, 25.0)]
    centre = encoding.soft_targets(5.0)[5]  # Phi(1) - Phi(-1) for an integer value
    yield _check("soft targets", max(abs(s - 1) for s in sums) < 1e-12
                 and abs(centre - math.erf(1 / math.sqrt(2))) < 1e-12, bin_mass_at_value=centre)

    yield from _fixture_checks(data, fixture, upstream)

    try:
        models.build("dream-cnn", {**configs.DreamCnnConfig.cpu(), "extra": 1})
        rejected = False
    except ValueError:
        rejected = True
    yield _check("unknown config field rejected", rejected)


def _encoding_check(sequence: str, upstream: str) -> dict:
    """Channel order A, G, C, T; N zeros in training, 0.25 at prediction; both strands."""
    with_n = sequence[:40] + "N" + sequence[41:]
    rows = encoding.Rows([with_n], [7.0])
    x, y = encoding.training_tensors(rows, upstream)
    forward, reverse = encoding.prediction_tensors(rows.sequences, upstream)
    padded = encoding.pad(with_n, upstream)
    n_at = padded.index("N")
    order_ok = all(x[0, "AGCT".index(b), i] == 1 for i, b in enumerate(padded) if b != "N")
    ok = (order_ok and x.shape == (2, 6, 150) and y.shape == (2, 18)
          and x[0, :4, n_at].sum() == 0 and (forward[0, :4, n_at] == 0.25).all()
          and x[0, 4].max() == 0 and (x[1, 4] == 1).all() and (x[:, 5] == 1).all()
          and (forward[0, 5] == 0).all() and (reverse[0, 4] == 1).all()
          and torch.equal(x[1, :4], encoding.one_hot(
              [encoding.reverse_complement(padded)], True, 1.0, 0.0)[0, :4])
          and torch.equal(reverse[0, :4].flip(1), forward[0, [3, 2, 1, 0]]))
    return _check("channels, N, strands and singleton", ok)


def _fixture_checks(data: Path, fixture: dict, upstream: str) -> Iterator[dict]:
    traced = torch.jit.load(str(data / "models" / "dream_cnn_demo.pt"), map_location="cpu")
    traced.eval()
    net = models.build("dream-cnn", configs.DreamCnnConfig.paper())
    ours, theirs = net.state_dict(), traced.state_dict()
    # Same layout, other names (first.a / core.0.inv.6.l1 ...): match the tensors in order.
    shapes_match = len(ours) == len(theirs) and all(
        a.shape == b.shape for a, b in zip(ours.values(), theirs.values()))
    yield _check("fixture state_dict layout", shapes_match, tensors=len(theirs))
    if not shapes_match:
        return
    net.load_state_dict(dict(zip(ours.keys(), theirs.values())))
    net.eval()
    forward, reverse = encoding.prediction_tensors(fixture["sequences"], upstream)
    with torch.inference_mode():
        lf, lr = net(forward), net(reverse)
        traced_diff = max((lf - traced(forward)).abs().max().item(),
                          (lr - traced(reverse)).abs().max().item())
        prediction = (models.expected_bin(lf) + models.expected_bin(lr)) / 2
    yield _check("dream-cnn matches the traced fixture network", traced_diff < LOGIT_TOLERANCE,
                 max_abs_logit_diff=traced_diff)
    diffs = {
        "logits_forward": (lf - torch.tensor(fixture["logits_forward"])).abs().max().item(),
        "logits_reverse": (lr - torch.tensor(fixture["logits_reverse"])).abs().max().item(),
        "prediction": (prediction - torch.tensor(fixture["prediction"])).abs().max().item(),
    }
    yield _check("encoding + dream-cnn reproduce the fixture's logits and predictions",
                 max(diffs.values()) < LOGIT_TOLERANCE, **diffs)
