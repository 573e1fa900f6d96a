"""Run as `python -m tests.helpers.peak LIST.json`: loads each (weights, vocab) pair of the list in this
process and prints, as JSON, each one's answer (the refusal's key and sentences, or "loaded") and the
process's peak memory growth while loading it (VmHWM reset before each file: /proc/self/clear_refs)."""
import json
import sys
from pathlib import Path


def _kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def main() -> None:
    import safetensors.torch  # noqa: F401  (every reader's imports, before the first measure)
    import torch  # noqa: F401

    import explorer
    from explorer.own_model import OwnModelError

    explorer.load_model()            # the shipped model and every import, before the first measure
    out = []
    for weights, vocab in json.loads(Path(sys.argv[1]).read_text()):
        Path("/proc/self/clear_refs").write_text("5")          # the peak (VmHWM) starts again at the current RSS
        before = _kb("VmRSS")
        try:
            explorer.load_model(weights, vocab=vocab)
            answer = {"key": "loaded"}
        except OwnModelError as e:
            answer = {"key": e.key, "en": e.message("en"), "zh": e.message("zh")}
        answer["growth_mb"] = (_kb("VmHWM") - before) / 1024
        out.append(answer)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
