#!/usr/bin/env bash
# The PyTorch reference's Python: a venv in .run/torch-venv with the CPU wheel of PyTorch that this
# machine carries in /opt/wheels, installed offline. Only the benchmarks use it (bench parity,
# bench architectures); no service does.
#
#   deploy/torch-venv.sh          create it if missing, print the interpreter's path
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
venv="$root/.run/torch-venv"
if ! "$venv/bin/python" -c 'import torch' >/dev/null 2>&1; then
  wheel=$(ls /opt/wheels/torch-*.whl 2>/dev/null | head -n 1 || true)
  if [ -z "$wheel" ]; then
    echo "torch-venv: no PyTorch wheel in /opt/wheels; install PyTorch for python3 by hand and" \
      "set DREAMLOOP_TORCH_PYTHON to that interpreter" >&2
    exit 1
  fi
  python3 -m venv --system-site-packages "$venv"
  "$venv/bin/pip" install -q --no-index --no-deps "$wheel"
fi
echo "$venv/bin/python"
