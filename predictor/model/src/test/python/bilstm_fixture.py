"""Writes the PyTorch golden values that BiLstmTest checks the Java Bi-LSTM against.

PyTorch's own ``nn.LSTM(bidirectional=True, batch_first=True)`` with seeded weights: the input,
every weight, the output, and the gradients of ``sum(output * g)`` with respect to the input and
every weight, for a fixed random ``g``. Run from the repository root with the reference venv
(``deploy/torch-venv.sh`` makes it)::

    .run/torch-venv/bin/python predictor/model/src/test/python/bilstm_fixture.py

Shapes: input (N, L, C) = (2, 6, 5), hidden H = 3 per direction, output (N, L, 2H).
"""

import json
import pathlib

import torch

N, L, C, H = 2, 6, 5, 3
OUT = pathlib.Path(__file__).parents[1] / "resources/io/dreamloop/predictor/model/nn/bilstm_pytorch.json"


def main() -> None:
    torch.manual_seed(2022)
    lstm = torch.nn.LSTM(C, H, num_layers=1, batch_first=True, bidirectional=True)
    x = torch.randn(N, L, C, requires_grad=True)
    g = torch.randn(N, L, 2 * H)
    out, _ = lstm(x)
    (out * g).sum().backward()
    fixture = {
        "torch": torch.__version__,
        "shape": {"batch": N, "length": L, "input": C, "hidden": H},
        "x": x.detach().flatten().tolist(),
        "g": g.flatten().tolist(),
        "output": out.detach().flatten().tolist(),
        "xGradient": x.grad.flatten().tolist(),
        "parameters": {
            name: {"values": p.detach().flatten().tolist(), "gradient": p.grad.flatten().tolist()}
            for name, p in lstm.named_parameters()
        },
    }
    OUT.write_text(json.dumps(fixture, indent=1) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
