"""PyTorch reference of the dreamloop DREAM 2022 models, for side-by-side benchmarks.

The Java (DJL) models in ``predictor/model`` re-implement three Prix Fixe networks (SPEC.md §2):
DREAM-CNN, DREAM-RNN and DREAM-Attn. This package builds the same networks in plain PyTorch from
the same configuration JSON (the Java config records as Jackson writes them), and trains and times
them with the reference recipe (SPEC.md §1), so that a Java benchmark can run both and compare.

Modules:

- :mod:`.encoding` -- plasmid padding, the six input channels, soft-bin targets, DREAM files;
- :mod:`.configs` -- the configurations (the Java records' JSON);
- :mod:`.models` -- the networks;
- :mod:`.recipe` -- training (KL loss, AdamW + OneCycleLR) and validation;
- :mod:`.throughput` -- inference timing;
- :mod:`.selfcheck` -- checks against the numbers the Java side is held to;
- :mod:`.cli` -- the command line (``python -m dreamloop_reference COMMAND``), one JSON object per
  stdout line.
"""

__version__ = "1.0"
