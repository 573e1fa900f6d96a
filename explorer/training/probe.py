"""Run the probe on a model (explorer/probe.py: the properties and the correlations).

    python -m explorer.training.probe [--model assets/char_lstm.npz]

Writes, beside the model, <name>.heldout.txt and <name>.probe.json, and prints the table.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from explorer import corpus
from explorer.models import SHIPPED, load_model
from explorer.probe import SAMPLE_CHARS, best_units, held_out_path, probe_path


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=SHIPPED)
    ap.add_argument("--wrap", type=int, help="line width of the model's training text (default: its .train.json)")
    ap.add_argument("--hard-wrap", action="store_true")
    args = ap.parse_args(argv)
    wrap, hard = args.wrap, args.hard_wrap
    if wrap is None:
        stats = json.loads(args.model.with_suffix(".train.json").read_text())
        wrap, hard = stats["wrap"], stats["hard_wrap"]
    held_out = corpus.build(wrap, hard)[1]
    held_out_path(args.model).write_text(held_out, encoding="utf-8")
    text = held_out[:SAMPLE_CHARS]
    result = best_units(load_model(args.model), text)
    probe_path(args.model).write_text(json.dumps(result, indent=1))
    for name, r in result.items():
        print(f"{name:15s} unit {r['unit']:4d}  corr {r['corr']:+.3f}")


if __name__ == "__main__":
    main()
