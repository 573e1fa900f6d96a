"""Case 2 (next word, the page's default paragraph and settings): the step at which training accuracy first
reaches 90%, and the accuracy on the sentences never trained on, in English and in 中文.

    python -m benchmarks.case2

Trains with the page's defaults (hidden 16, learning rate 0.002, 600 steps, seed 0) in the job's chunks of 5
steps; prints, for each language, the first step at 90%, the final training and held-out accuracy, and seconds.
"""
import time

import torch

from explorer import cases
from explorer.training import train_cases


def main() -> None:
    d = cases.NEXT_WORD.defaults
    for lang in ("en", "zh"):
        t0 = time.perf_counter()
        tokens = cases.tokenize(cases.default_paragraph(lang))
        held = cases.NEXT_WORD.held_out_examples(cases.default_held_out(lang), tokens)
        tr = train_cases.Trainer("next_word", tokens, d["hidden"], d["lr"], d["seed"])
        first, acc = None, 0.0
        while tr.steps < d["steps"]:
            _, acc = tr.step(5)
            if first is None and acc >= 0.9:
                first = tr.steps
        score = cases.held_out_accuracy(tr.snapshot(), held)
        print(f"{lang}: {len(tokens)} tokens; 90% first at step {first}; final {acc:.0%} on training, "
              f"{score['held_out']:.0%} on {score['held_out_n']} next words never trained on; "
              f"{time.perf_counter() - t0:.1f} s on {torch.get_num_threads()} torch threads")


if __name__ == "__main__":
    main()
