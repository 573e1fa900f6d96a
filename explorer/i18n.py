"""Every string the user sees, in English and Chinese. One table; `tr(key, lang)` reads it."""
from __future__ import annotations

LANGS = {"en": "English", "zh": "中文"}
DEFAULT_LANG = "en"

STRINGS: dict[str, dict[str, str]] = {
    "app_title": {"en": "LSTM Explorer", "zh": "LSTM 探索器"},
    "language": {"en": "Language", "zh": "语言"},
    "nav_overview": {"en": "Watch every gate", "zh": "观察每一个门"},
    "overview_title": {"en": "Watch an LSTM think", "zh": "看 LSTM 如何思考"},
    "overview_intro": {
        "en": "A small LSTM reads your text one character at a time. For every character it computes the "
              "forget gate f, the input gate i, the candidate C̃, the cell state C, the output gate o and "
              "the hidden output h. Type below: every picture is redrawn from the model's own numbers.",
        "zh": "一个小型 LSTM 逐字阅读你输入的文字。每读一个字符，它都会算出遗忘门 f、输入门 i、候选值 C̃、"
              "细胞状态 C、输出门 o 和隐藏输出 h。在下面输入文字，每张图都会用模型自己算出的数字重新绘制。",
    },
    "text_label": {"en": "Type some text", "zh": "输入一段文字"},
    "text_placeholder": {"en": "Start typing…", "zh": "开始输入……"},
    "empty_hint": {
        "en": "Type something in the box above (for example a sentence in English, some Python, or 我爱中国) "
              "to see the gates at work.",
        "zh": "在上面的输入框里输入一些文字（例如一句英文、一段 Python 代码，或者“我爱中国”），就能看到各个门如何工作。",
    },
    "too_long": {
        "en": "Your text has {n} characters; only the first {cap} are shown.",
        "zh": "你的文字有 {n} 个字符，这里只显示前 {cap} 个。",
    },
    "unknown_note": {
        "en": "{n} character(s) are not in the model's vocabulary and are read as the unknown symbol �: {chars}",
        "zh": "有 {n} 个字符不在模型的词表里，按未知符号 � 读入：{chars}",
    },
    "read_as": {"en": "What the model reads", "zh": "模型读到的内容"},
    "heatmaps_title": {"en": "Every gate, every character", "zh": "每个字符上的每一个门"},
    "heatmaps_caption": {
        "en": "Time runs left to right (one column per character); each row is one of the {h} units. "
              "Gates run from 0 (closed) to 1 (open); C̃, C and h are coloured blue below 0 and red above. "
              "Hover a cell for its exact value.",
        "zh": "横轴是时间（每个字符一列），每一行是 {h} 个单元中的一个。门的取值从 0（关）到 1（开）；"
              "C̃、C 和 h 小于 0 显示为蓝色，大于 0 显示为红色。把鼠标停在格子上可以看到精确数值。",
    },
    "guesses_title": {"en": "Next character: the model's guesses", "zh": "下一个字符：模型的猜测"},
    "guesses_caption": {
        "en": "After reading the whole text, the model's most likely next characters.",
        "zh": "读完全部文字之后，模型认为最可能出现的下一个字符。",
    },
    "diagram_title": {"en": "The LSTM cell", "zh": "LSTM 单元结构"},
    "diagram_caption": {
        "en": "C is the conveyor belt of long-term memory: f decides what to drop from it, i·C̃ what to "
              "write onto it, and o how much of it becomes the output h.",
        "zh": "C 是承载长期记忆的传送带：f 决定丢掉哪些旧信息，i·C̃ 决定写入哪些新信息，o 决定其中有多少成为输出 h。",
    },
    "kind_forget": {"en": "f · forget gate", "zh": "f · 遗忘门"},
    "kind_input": {"en": "i · input gate", "zh": "i · 输入（记忆）门"},
    "kind_candidate": {"en": "C̃ · candidate", "zh": "C̃ · 候选值"},
    "kind_cell": {"en": "C · cell state", "zh": "C · 细胞状态"},
    "kind_output": {"en": "o · output gate", "zh": "o · 输出门"},
    "kind_hidden": {"en": "h · hidden output", "zh": "h · 隐藏输出"},
    "axis_time": {"en": "character (time t)", "zh": "字符（时间 t）"},
    "axis_unit": {"en": "unit", "zh": "单元"},
    "axis_prob": {"en": "probability", "zh": "概率"},
    "hover_cell": {"en": "t={t} '{c}'<br>unit {j}<br>{v}", "zh": "t={t} “{c}”<br>单元 {j}<br>{v}"},
    "colorbar_gate": {"en": "gate", "zh": "门"},
    "colorbar_signed": {"en": "C̃, C, h", "zh": "C̃, C, h"},
    "equations_title": {"en": "The equations", "zh": "公式"},
    "model_caption": {
        "en": "Model: a character LSTM with {h} units and {x}-dimensional inputs, trained on Python's own documentation.",
        "zh": "模型：一个字符级 LSTM，{h} 个单元，输入向量 {x} 维，训练文本是 Python 自带的文档。",
    },
}


def tr(key: str, lang: str, **fmt) -> str:
    s = STRINGS[key].get(lang) or STRINGS[key][DEFAULT_LANG]
    return s.format(**fmt) if fmt else s
