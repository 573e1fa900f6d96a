"""The live box in a notebook (wherever anywidget runs: JupyterLab, Notebook 7, Colab, VS Code; tested in
JupyterLab): the box and its six maps, the next-character guesses and the text as read, computed in the
browser by the same JavaScript as the app's (explorer/static/box/: livebox.js, lstm.js, numbers.js, and
this host's adapter widget.js), with any character model.

    pip install -r requirements.txt && pip install -e ".[notebook]"
    from explorer.notebook import LiveBox
    box = LiveBox()                                 # the shipped character model
    box = LiveBox(net, vocab="abc…", layer=1)       # a torch module of yours, live (or explorer.load_model(...))
    box                                             # shows it; type in it
    box.text, box.t, box.j                          # synced: set them here, or type and click there
    box.trace                                       # the Trace of what is shown (explorer.trace)

A torch module is read through explorer/own_model.py (the app's loader for a model of yours, with its
checks): an nn.LSTM alone, or a module holding one nn.LSTM, at most one nn.Embedding and one nn.Linear
reading the LSTM's output (its decoder); one direction, characters as tokens.
"""
from __future__ import annotations

import re

import anywidget
import traitlets

import explorer
from explorer import models, own_model
from explorer.draw import box
from explorer.draw.figures import OVERVIEW_KINDS
from explorer.models import CharModel
from explorer.own_model import OwnModel
from explorer.texts import DEFAULT_TEXT, INPUT_CAP, TEXT_CAP, one_newline
from explorer.tracing import Trace

MODULES = ("numbers.js", "lstm.js", "livebox.js", "widget.js")   # in the order they need each other
SPECIAL = re.compile(r"<[^<>\s]+>|\[[A-Z]+\]")   # <unk>, <pad>, [UNK] …: tokens no one types, beside characters


def bundle() -> str:
    """The box's modules as the one module a widget is: each file in turn, its imports of the others
    (between the <siblings> marks) dropped and `export` taken off, but for the widget's own default."""
    parts = []
    for name in MODULES:
        src = (box.BOX / name).read_text(encoding="utf-8")
        src = re.sub(r"// <siblings>.*?// </siblings>\n", "", src, flags=re.S)
        if name != "widget.js":
            src = re.sub(r"^export (?=(async )?(function|class|const|let) )", "", src, flags=re.M)
        parts.append(f"// ---- explorer/static/box/{name}\n{src}")
    return "\n".join(parts)


def styles() -> str:
    return "\n".join((box.BOX / name).read_text(encoding="utf-8") for name in ("maps.css", "livebox.css"))


def from_torch(module, vocab, name: str | None = None) -> OwnModel:
    """A live torch module as a model the box runs: an nn.LSTM, or a module holding one nn.LSTM and, where
    it has them, one nn.Embedding (its inputs) and one nn.Linear reading the LSTM's h (its decoder).
    `vocab`: its tokens in id order, a string of characters or a list ("<unk>" stands for characters it
    does not know). Checked as an uploaded model is (explorer.own_model.build)."""
    from torch import nn

    lstms = [module] if isinstance(module, nn.LSTM) else [m for m in module.modules() if isinstance(m, nn.LSTM)]
    if len(lstms) != 1:
        raise ValueError(f"the module holds {len(lstms)} nn.LSTM; the box shows a module with exactly one")
    lstm = lstms[0]
    others = [] if module is lstm else list(module.modules())
    embeddings = [m for m in others if isinstance(m, nn.Embedding)]
    decoders = [m for m in others if isinstance(m, nn.Linear) and m.in_features == lstm.hidden_size * (1 + lstm.bidirectional)]
    if len(embeddings) > 1 or len(decoders) > 1:
        raise ValueError("the module holds more than one nn.Embedding or more than one nn.Linear after its LSTM: "
                         "give the box its nn.LSTM alone")
    tensors = {"lstm." + k: v for k, v in lstm.state_dict().items()}
    if embeddings:
        tensors["embedding.weight"] = embeddings[0].weight
    if decoders:
        tensors["decoder.weight"] = decoders[0].weight
        tensors["decoder.bias"] = decoders[0].bias if decoders[0].bias is not None else decoders[0].weight.new_zeros(decoders[0].out_features)
    tokens = tuple(vocab)
    if any(len(s) > 1 and not SPECIAL.fullmatch(s) for s in tokens):
        raise ValueError("the box reads characters: give a vocabulary of single characters (and '<unk>', '<pad>' …)")
    arrays = {k: v.detach().cpu().float().numpy() for k, v in tensors.items()}
    return own_model.build(arrays, tokens, "char", name or type(module).__name__)


def as_model(model=None, vocab=None) -> CharModel | OwnModel:
    """The shipped model (None), a model loaded with explorer.load_model, or a live torch module (with `vocab`)."""
    if model is None:
        return models.load_model()
    if isinstance(model, (CharModel, OwnModel)):
        return model
    if vocab is None:
        raise ValueError("a torch module needs its vocabulary: LiveBox(module, vocab=...)")
    return from_torch(model, vocab)


def settings(has_decoder: bool, lang: str) -> dict:
    """The box's settings as the app gives them on the overview (explorer.draw.box.box_data): six maps, a
    click chooses (t, j), the guesses and the text as read; the text and the model go separately."""
    data = box.box_data("", 0, lang, box.panels_for(OVERVIEW_KINDS, lang, clickable=True), cap=TEXT_CAP,
                        input_cap=INPUT_CAP, guesses=box.guesses_spec(lang, decoder=has_decoder), reads=True)
    for name in ("text", "version", "selected", "modelUrl", "restore", "own"):
        data.pop(name)
    return data


class LiveBox(anywidget.AnyWidget):
    """The app's live box in a notebook. `model`: None (the shipped character model), explorer.load_model(...)
    or a torch module with its `vocab`; `layer`: which layer the maps show; `lang`: "en" or "zh"."""
    _esm = bundle()
    _css = styles()
    text = traitlets.Unicode(DEFAULT_TEXT).tag(sync=True)
    t = traitlets.Int(-1).tag(sync=True)            # the step chosen with a click (-1: none yet)
    j = traitlets.Int(-1).tag(sync=True)            # the unit chosen
    model_json = traitlets.Dict().tag(sync=True)
    settings = traitlets.Dict().tag(sync=True)

    def __init__(self, model=None, text: str = DEFAULT_TEXT, layer: int = 0, vocab=None, lang: str = "en", **kwargs):
        self.model = as_model(model, vocab)
        if isinstance(self.model, OwnModel):
            data = box.own_model_json(self.model, layer)
            decoder = self.model.has_decoder
        elif layer != 0:
            raise ValueError("the shipped model has one layer: layer=0")
        else:
            data, decoder = box.model_json(self.model), True
        self.layer = layer
        super().__init__(text=text[:INPUT_CAP], model_json=data, settings=settings(decoder, lang), **kwargs)

    @traitlets.validate("text")
    def _cap(self, proposal) -> str:
        """As the app keeps a text: line endings as the box reads them, at most INPUT_CAP characters."""
        return one_newline(str(proposal["value"]))[:INPUT_CAP]

    @property
    def trace(self) -> Trace:
        """Every quantity of what the box shows (the layer's, over the first TEXT_CAP characters), computed
        in Python: explorer.trace on the same model and text."""
        return explorer.trace(self.model, self.text[:TEXT_CAP], layer=self.layer)
