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
    "nav_forget": {"en": "1 · Forget gate", "zh": "1 · 遗忘门"},
    "nav_input": {"en": "2 · Input gate", "zh": "2 · 输入门（记忆门）"},
    "nav_cell": {"en": "3 · Cell state", "zh": "3 · 细胞状态"},
    "nav_output": {"en": "4 · Output gate", "zh": "4 · 输出门"},
    "kind_written": {"en": "i·C̃ · written to the belt", "zh": "i·C̃ · 写入传送带的内容"},
    "kind_tanh_cell": {"en": "tanh(C) · the belt squashed to −1..1", "zh": "tanh(C) · 压缩到 −1..1 的细胞状态"},
    "map_title": {"en": "{kind}: every unit, every character", "zh": "{kind}：每个单元、每个字符"},
    "map_caption": {
        "en": "Click a cell of the map to choose a character t and a unit j; the equation and diagram below follow.",
        "zh": "点击图中的一个格子即可选择字符 t 和单元 j，下面的公式和结构图会随之更新。",
    },
    "prev": {"en": "previous", "zh": "上一个"},
    "next": {"en": "next", "zh": "下一个"},
    "play": {"en": "play through the text", "zh": "逐字播放"},
    "pick_t": {"en": "time step t (character)", "zh": "时间步 t（字符）"},
    "pick_j": {"en": "unit j", "zh": "单元 j"},
    "diagram_values": {"en": "Values of unit {j} at t = {t}.", "zh": "单元 {j} 在 t = {t} 时的取值。"},
    "chips_label": {"en": "The text coloured by {kind} of unit {j}", "zh": "按单元 {j} 的 {kind} 给文字上色"},
    "unit_over_time": {"en": "Unit {j} along the text", "zh": "单元 {j} 随文字的变化"},
    "forget_title": {"en": "The forget gate f", "zh": "遗忘门 f"},
    "forget_intro": {
        "en": "Before anything new is written, the cell decides what to throw away. The forget gate looks at the "
              "previous output h(t−1) and the current character x(t) and gives, for every unit, a number between "
              "0 and 1. The old belt C(t−1) is multiplied by it: 1 keeps that memory whole, 0 wipes it, 0.5 keeps half. "
              "Think of reading a long article: details that no longer matter are let go.",
        "zh": "在写入新内容之前，单元先要决定丢掉什么。遗忘门同时看上一步的输出 h(t−1) 和当前字符 x(t)，为每个单元给出"
              "一个 0 到 1 之间的数。旧的细胞状态 C(t−1) 会乘上这个数：1 表示完整保留这段记忆，0 表示彻底清除，0.5 表示保留一半。"
              "就像读一篇长文章，不再重要的细节就让它过去。",
    },
    "forget_reading": {
        "en": "The three terms are what the previous output, the current character and the bias each push into the "
              "gate; σ squeezes their sum into 0..1.",
        "zh": "括号里的三项分别是上一步输出、当前字符和偏置各自贡献的量；σ 把它们的和压缩到 0 到 1 之间。",
    },
    "input_title": {"en": "The input gate i and the candidate C̃", "zh": "输入门 i 与候选值 C̃"},
    "input_intro": {
        "en": "Now the cell decides what to write. The candidate C̃ (tanh, between −1 and 1) is the new information "
              "the current character suggests; the input gate i (σ, between 0 and 1) decides how much of it "
              "gets in. Only the product i·C̃ is added to the belt. Some teachers call i the \"memory gate\": "
              "it picks what is worth remembering.",
        "zh": "接下来单元决定写入什么。候选值 C̃（tanh，取值在 −1 到 1 之间）是当前字符带来的新信息；输入门 i"
              "（σ，取值在 0 到 1 之间）决定其中有多少可以进入。真正加到传送带上的是两者的乘积 i·C̃。"
              "也有人把 i 叫作“记忆门”：它挑出值得记住的内容。",
    },
    "input_reading": {
        "en": "A large |i·C̃| means this character writes strongly onto unit j; near 0 means it leaves the belt alone.",
        "zh": "|i·C̃| 越大，说明这个字符向单元 j 写入得越多；接近 0 则说明它几乎没有改动传送带。",
    },
    "cell_title": {"en": "The cell state C: a conveyor belt", "zh": "细胞状态 C：一条传送带"},
    "cell_intro": {
        "en": "The cell state runs along the whole text like a conveyor belt. At every step two things happen to "
              "it and nothing else: it is multiplied by the forget gate (old memory fades or stays) and the new "
              "writing i·C̃ is added. Because the belt is only scaled and added to, information can travel many "
              "steps without being squashed: this is why an LSTM remembers longer than a simple RNN.",
        "zh": "细胞状态像一条传送带，贯穿整段文字。每一步它只经历两件事：先乘以遗忘门（旧记忆淡去或保留），"
              "再加上新写入的 i·C̃。因为传送带上的信息只被缩放和相加，它可以跨越很多步而不被反复压缩："
              "这正是 LSTM 比简单 RNN 记得更久的原因。",
    },
    "belt_prev": {"en": "C(t−1) arrives", "zh": "传入的 C(t−1)"},
    "belt_dropped": {"en": "× f drops", "zh": "× f 丢掉"},
    "belt_kept": {"en": "f·C(t−1) kept", "zh": "保留的 f·C(t−1)"},
    "belt_written": {"en": "+ i·C̃ written", "zh": "+ 写入 i·C̃"},
    "belt_new": {"en": "C(t) leaves", "zh": "传出的 C(t)"},
    "belt_step_title": {"en": "The belt at t = {t}, unit {j}", "zh": "t = {t} 时单元 {j} 的传送带"},
    "belt_along_time": {"en": "The belt of unit {j} along the text", "zh": "单元 {j} 的传送带随文字的变化"},
    "contrib_title": {"en": "Where C at t = {t} (unit {j}) comes from", "zh": "t = {t} 时单元 {j} 的 C 从哪里来"},
    "contrib_sum": {
        "en": "Each bar is what step s wrote, i·C̃, times every forget gate since. The bars add up to {total}; "
              "the model's C at t = {t}, unit {j} is {cell}.",
        "zh": "每根柱子是第 s 步写入的 i·C̃ 乘以此后所有遗忘门的结果。这些柱子加起来是 {total}；"
              "模型在 t = {t}、单元 {j} 的 C 是 {cell}。",
    },
    "axis_contribution": {"en": "contribution to C(t)", "zh": "对 C(t) 的贡献"},
    "output_title": {"en": "The output gate o and the hidden output h", "zh": "输出门 o 与隐藏输出 h"},
    "output_intro": {
        "en": "The belt holds everything the cell remembers, but not all of it is needed right now. The output "
              "gate o (0..1) decides how much of each unit is shown: h = o·tanh(C). h is what the next layer, "
              "the next-character guess and the next step all see; C stays inside.",
        "zh": "传送带上保存着单元记住的一切，但此刻并不需要全部拿出来。输出门 o（0 到 1）决定每个单元对外展示多少："
              "h = o·tanh(C)。下一层、下一个字符的预测以及下一步看到的都是 h；C 只留在单元内部。",
    },
    "output_reading": {
        "en": "tanh squashes the belt into −1..1; o then decides how much of it is let out.",
        "zh": "tanh 先把传送带压缩到 −1..1，再由 o 决定放出多少。",
    },
    "whatif_title": {"en": "What if?", "zh": "如果……会怎样？"},
    "whatif_caption": {
        "en": "Pin {gate} to a constant from the chosen step t on and run the model again: the charts compare "
              "the real run with the forced one.",
        "zh": "从所选的时间步 t 开始把 {gate} 固定为一个常数，再让模型重新运行一遍：下面的图对比真实运行与强制后的运行。",
    },
    "whatif_value": {"en": "force the gate to", "zh": "把门固定为"},
    "whatif_to": {"en": "{v}", "zh": "{v}"},
    "whatif_scope": {"en": "for", "zh": "作用于"},
    "whatif_unit": {"en": "unit {j} only", "zh": "只有单元 {j}"},
    "whatif_all": {"en": "all units", "zh": "所有单元"},
    "as_is": {"en": "as trained", "zh": "原模型"},
    "forced": {"en": "forced", "zh": "强制后"},
    "whatif_guess": {"en": "Next-character guess after t = {t}", "zh": "t = {t} 之后对下一个字符的猜测"},
    "kind_forget": {"en": "f · forget gate", "zh": "f · 遗忘门"},
    "kind_input": {"en": "i · input gate", "zh": "i · 输入（记忆）门"},
    "kind_candidate": {"en": "C̃ · candidate", "zh": "C̃ · 候选值"},
    "kind_cell": {"en": "C · cell state", "zh": "C · 细胞状态"},
    "kind_output": {"en": "o · output gate", "zh": "o · 输出门"},
    "kind_hidden": {"en": "h · hidden output", "zh": "h · 隐藏输出"},
    "axis_time": {"en": "character (time t)", "zh": "字符（时间 t）"},
    "axis_unit": {"en": "unit", "zh": "单元"},
    "axis_prob": {"en": "probability", "zh": "概率"},
    "hover_unit": {"en": "unit {j}<br>{v}", "zh": "单元 {j}<br>{v}"},
    "hover_cell": {"en": "t={t}<br>unit {j}<br>{v}", "zh": "t={t}<br>单元 {j}<br>{v}"},
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
