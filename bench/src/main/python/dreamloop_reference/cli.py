"""Command line of the PyTorch reference; the Java bench parses its stdout.

Contract: stdout carries one JSON object per line and nothing else (non-finite numbers are
written as null); logs go to stderr; a failure exits non-zero with the reason on stderr.

Commands::

    count     --architecture A --config JSON
              -> {"event":"count","parameters":N}
    train     --architecture A --config JSON --train FILE --validation FILE --epochs E
              --batch-size B --max-lr LR --weight-decay WD --seed S --threads T
              --validation-batch-size V [--plasmid FILE] [--save FILE]
              -> {"event":"epoch","epoch":0,"val_r":..}
                 {"event":"epoch","epoch":k,"loss":..,"val_r":..,"examples_per_s":..,"seconds":..}
                 {"event":"done","best_epoch":..,"best_r":..,"initial_r":..,"parameters":N,
                  "seconds":..}
    infer     --architecture A --config JSON --batch-sizes 16,64,256,1024 --threads T
              --min-seconds 3 --seed S
              -> {"event":"engine","torch":version,"threads":T}
                 {"event":"infer","batch":b,"sequences_per_s":..,"peak_mib":..,"before_mib":..}
                 per batch size
    train-step --architecture A --config JSON --batch-sizes 16,64,256,1024 --threads T
              --min-seconds 3 --seed S
              -> {"event":"engine","torch":version,"threads":T}
                 {"event":"train-step","batch":b,"examples_per_s":..,"peak_mib":..,
                  "before_mib":..} per batch size
    selfcheck [--data DIR]
              -> {"event":"check","name":..,"ok":..,...} per check, then
                 {"event":"selfcheck","ok":..}

A is dream-cnn, dream-rnn or dream-attn; JSON is the Java config record as Jackson writes it
(e.g. {"firstKernels":[9,15],"firstFilters":32,...}) or the word ``paper`` or ``cpu`` for the
record's factory. FILE is DREAM format (TSV, no header: sequence TAB value).
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import random
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import torch

from . import configs, encoding, models, recipe, throughput

log = logging.getLogger("dreamloop_reference")


def emit(obj: dict) -> None:
    """One JSON line on stdout; NaN and infinities become null (strict JSON has neither)."""
    clean = {k: (None if isinstance(v, float) and not math.isfinite(v) else v)
             for k, v in obj.items()}
    sys.stdout.write(json.dumps(clean, allow_nan=False) + "\n")
    sys.stdout.flush()


def _config(text: str, architecture: str) -> Any:
    if text in ("paper", "cpu"):
        return configs.named_config(architecture, text)
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise ValueError(f"--config is not JSON ({e}): {text}") from None


def _batch_sizes(text: str) -> list[int]:
    try:
        sizes = [int(s) for s in text.split(",") if s.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of integers: {text}")
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError(f"batch sizes must be positive integers: {text}")
    return sizes


def _seed(seed: int) -> None:
    torch.manual_seed(seed)
    random.seed(seed)
    np.random.seed(seed % 2**32)


def _build(args) -> torch.nn.Module:
    _seed(args.seed)  # the initial weights depend on the seed only
    return models.build(args.architecture, _config(args.config, args.architecture))


# ---------------------------------------------------------------------------------------------

def cmd_count(args) -> int:
    emit({"event": "count", "parameters": models.count_parameters(_build(args))})
    return 0


def cmd_train(args) -> int:
    t0 = time.perf_counter()
    run_recipe = recipe.Recipe(args.max_lr, args.weight_decay, args.batch_size, args.epochs,
                               args.validation_batch_size, args.seed)
    config = _config(args.config, args.architecture)
    if models.input_length(args.architecture, config) != encoding.LENGTH:
        raise ValueError(f"the DREAM encoding is {encoding.LENGTH} bp long; the configuration's "
                         "length must be that")
    upstream, _ = encoding.plasmid_upstream(args.plasmid)
    train_rows = encoding.read_dream(args.train)
    val_rows = encoding.read_dream(args.validation)
    if len(train_rows) < 1 or len(val_rows) < 2:
        raise ValueError(f"need at least 1 training and 2 validation rows, but got "
                         f"{len(train_rows)} and {len(val_rows)}")
    model = _build(args)
    x, y = encoding.training_tensors(train_rows, upstream)
    val_forward, val_reverse = encoding.prediction_tensors(val_rows.sequences, upstream)
    data = recipe.Data(x, y, val_forward, val_reverse,
                       np.asarray(val_rows.values, dtype=np.float64))
    parameters = models.count_parameters(model)
    log.info("%s: %d parameters, %d training rows (%d examples), %d validation rows, %d threads",
             args.architecture, parameters, len(train_rows), x.shape[0], len(val_rows),
             torch.get_num_threads())
    summary = recipe.run(model, data, run_recipe, emit)
    if args.save:
        torch.save(model.state_dict(), args.save)
        log.info("best epoch's weights saved to %s", args.save)
    emit({"event": "done", **summary, "parameters": parameters,
          "seconds": time.perf_counter() - t0})
    return 0


def _time_batches(args, event: str, rate_field: str, time_one) -> int:
    """Times ``time_one(model, batch, length, generator)`` per batch size, one line each."""
    emit({"event": "engine", "torch": torch.__version__, "threads": torch.get_num_threads()})
    model = _build(args)
    length = models.input_length(args.architecture, _config(args.config, args.architecture))
    generator = torch.Generator().manual_seed(args.seed)
    for batch in args.batch_sizes:
        timing = time_one(model, batch, length, generator)
        log.info("%s %s batch %d: %.1f rows/s, peak %.0f MiB", args.architecture, event, batch,
                 timing.rate, timing.peak_mib)
        emit({"event": event, "batch": batch, rate_field: timing.rate,
              "peak_mib": timing.peak_mib, "before_mib": timing.before_mib})
    return 0


def cmd_infer(args) -> int:
    dtype = PRECISIONS[args.precision]
    traced: dict[str, torch.nn.Module] = {}

    def time_one(model, batch, length, generator):
        x = throughput.random_inputs(batch, length, generator).to(dtype)
        module = model.to(dtype)
        if args.trace:
            if "module" not in traced:  # once, on the first batch; the batch size stays free
                traced["module"] = _trace(module, x, Path(args.trace))
            module = traced["module"]
        return throughput.sequences_per_second(module, x, args.min_seconds)

    return _time_batches(args, "infer", "sequences_per_s", time_one)


def _trace(model: torch.nn.Module, example: torch.Tensor, path: Path) -> torch.nn.Module:
    """The model traced to TorchScript on ``example`` (eval mode) and saved to ``path``, for
    another engine to load the very module this process times."""
    model.eval()
    with torch.no_grad():
        traced = torch.jit.trace(model, example, check_trace=False)
    traced.save(str(path))
    emit({"event": "traced", "path": str(path)})
    return traced


def cmd_train_step(args) -> int:
    return _time_batches(
        args, "train-step", "examples_per_s",
        lambda model, batch, length, generator: throughput.training_examples_per_second(
            model, throughput.random_inputs(batch, length, generator),
            throughput.random_targets(batch, generator), args.min_seconds))


def cmd_selfcheck(args) -> int:
    from .selfcheck import run_checks

    ok = True
    for result in run_checks(Path(args.data)):
        ok &= bool(result["ok"])
        emit({"event": "check", **result})
    emit({"event": "selfcheck", "ok": ok})
    return 0 if ok else 1


# The names of the Java side's Precision.
PRECISIONS = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}


# ---------------------------------------------------------------------------------------------

def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m dreamloop_reference",
                                description="PyTorch reference of the dreamloop DREAM models.")
    sub = p.add_subparsers(dest="command", required=True)

    def model_args(s, seed_default=42):
        s.add_argument("--architecture", required=True, choices=configs.ARCHITECTURES)
        s.add_argument("--config", required=True,
                       help="the Java config record as JSON, or 'paper' / 'cpu'")
        s.add_argument("--seed", type=int, default=seed_default)
        s.add_argument("--threads", type=int, default=1, help="torch intra-op threads")

    model_args(sub.add_parser("count", help="trainable parameters"))

    t = sub.add_parser("train", help="train with the DREAM recipe, one line per epoch")
    model_args(t)
    t.add_argument("--train", required=True, help="DREAM-format training rows")
    t.add_argument("--validation", required=True, help="DREAM-format validation rows")
    t.add_argument("--epochs", type=int, default=80)
    t.add_argument("--batch-size", type=int, default=1024)
    t.add_argument("--max-lr", type=float, default=0.005)
    t.add_argument("--weight-decay", type=float, default=0.01)
    t.add_argument("--validation-batch-size", type=int, default=4096)
    t.add_argument("--plasmid", default=str(encoding.default_plasmid()),
                   help="plasmid.json (default: %(default)s)")
    t.add_argument("--save", help="write the best epoch's state_dict here")

    i = sub.add_parser("infer", help="forward-pass throughput on random one-hot inputs")
    model_args(i)
    i.add_argument("--batch-sizes", type=_batch_sizes, default=[16, 64, 256, 1024])
    i.add_argument("--min-seconds", type=float, default=3.0)
    i.add_argument("--precision", choices=sorted(PRECISIONS), default="float32",
                   help="weights and inputs cast as the Java side casts them (module.to(dtype));"
                        " the logits are read back as float32")
    i.add_argument("--trace", metavar="PATH",
                   help="time the model traced to TorchScript (torch.jit.trace) instead, and save"
                        " that module to PATH")

    s = sub.add_parser("train-step", help="training-step throughput on random one-hot inputs")
    model_args(s)
    s.add_argument("--batch-sizes", type=_batch_sizes, default=[16, 64, 256, 1024])
    s.add_argument("--min-seconds", type=float, default=3.0)

    c = sub.add_parser("selfcheck", help="parameter counts, padding and the TorchScript fixture")
    c.add_argument("--data", default=str(encoding.default_data_dir()),
                   help="the shared data directory (default: %(default)s)")
    c.add_argument("--threads", type=int, default=1)
    return p


COMMANDS = {"count": cmd_count, "train": cmd_train, "infer": cmd_infer,
            "train-step": cmd_train_step, "selfcheck": cmd_selfcheck}


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(stream=sys.stderr, level=logging.INFO,
                        format="%(asctime)s %(name)s %(levelname)s %(message)s")
    args = parser().parse_args(argv)
    if args.threads < 1:
        print("dreamloop_reference: error: --threads must be >= 1", file=sys.stderr)
        return 2
    torch.set_num_threads(args.threads)
    try:
        return COMMANDS[args.command](args)
    except (ValueError, OSError) as e:
        print(f"dreamloop_reference: error: {e}", file=sys.stderr)
        return 1
    except Exception:  # anything else: the traceback, on stderr, and a failing exit code
        log.exception("dreamloop_reference: %s failed", args.command)
        return 1
