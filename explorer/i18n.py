"""Every string the user sees, in English and Chinese. One table; `say(key, lang)` reads it."""
from __future__ import annotations

LANGS = {"en": "English", "zh": "中文"}
DEFAULT_LANG = "en"

STRINGS: dict[str, dict[str, str]] = {
    "language": {"en": "Language", "zh": "语言"},
    "nav_overview": {"en": "The whole cell: every gate", "zh": "完整的单元：所有的门"},
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
    "examples_label": {"en": "**Try an example:**", "zh": "**试试这些例子：**"},
    "example_sentence": {"en": "A sentence", "zh": "一句英文"},
    "example_code": {"en": "Python, 3 lines", "zh": "三行 Python"},
    "example_brackets": {"en": "Nested brackets", "zh": "嵌套括号"},
    "example_chinese": {"en": "中文", "zh": "中文句子"},
    "newline_button": {"en": "↵ line break", "zh": "↵ 换行"},
    "newline_help": {
        "en": "Add a line break at the end of the text. In the box a line break shows as ↵ "
              "(typing or pasting ↵ gives one too).",
        "zh": "在文字末尾加一个换行。输入框里换行显示为 ↵（输入或粘贴 ↵ 也会得到换行）。",
    },
    "counter_note": {
        "en": "**A cell that counts.** Nobody told the model where lines end, yet unit {j} of the cell state "
              "learned to count the characters since the last line break (r = {r} with the column on held-out "
              "text): it climbs with each character and drops back at each ↵.",
        "zh": "**会数数的细胞。** 没有人告诉模型一行在哪里结束，但细胞状态的第 {j} 个单元自己学会了数"
              "“上次换行以来读了几个字符”（在未参与训练的文本上与列号的相关系数 r = {r}）：每读一个字符就升高一点，"
              "遇到换行 ↵ 就回落。",
    },
    "counter_button": {"en": "Show unit {j} counting", "zh": "看第 {j} 个单元数数"},
    "lines_button": {"en": "Several lines", "zh": "多行编辑"},
    "lines_label": {"en": "The text, line by line", "zh": "按行编辑文字"},
    "lines_help": {
        "en": "Edit or paste text with line breaks here (for example a piece of code), then press Ctrl+Enter "
              "or click outside the box.",
        "zh": "在这里编辑或粘贴带换行的文字（比如一段代码），然后按 Ctrl+Enter 或点击框外。",
    },
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
    "unknown_note_words": {
        "en": "{n} word(s) are not in the model's vocabulary: {chars}",
        "zh": "有 {n} 个词不在模型的词表里：{chars}",
    },
    "read_as": {"en": "What the model reads", "zh": "模型读到的内容"},
    "heatmaps_caption": {
        "en": "Time runs left to right (one column per character); each row is one of the {h} units. "
              "Gates run from 0 (closed) to 1 (open); C̃, C and h are coloured blue below 0 and red above. "
              "Hover a cell for its exact value.",
        "zh": "横轴是时间（每个字符一列），每一行是 {h} 个单元中的一个。门的取值从 0（关）到 1（开）；"
              "C̃、C 和 h 小于 0 显示为蓝色，大于 0 显示为红色。把鼠标停在格子上可以看到精确数值。",
    },
    "guesses_title": {"en": "Next character: the model's guesses", "zh": "下一个字符：模型的猜测"},
    "guess_hover": {"en": "next '{c}': probability {p}", "zh": "下一个是“{c}”的概率：{p}"},
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
    "nav_forget": {"en": "Forget gate", "zh": "遗忘门"},
    "nav_input": {"en": "Input gate", "zh": "输入门（记忆门）"},
    "nav_cell": {"en": "Cell state: the conveyor belt", "zh": "细胞状态：传送带"},
    "nav_output": {"en": "Output gate", "zh": "输出门"},
    "kind_written": {"en": "i·C̃ · written to the belt", "zh": "i·C̃ · 写入传送带的内容"},
    "kind_tanh_cell": {"en": "tanh(C) · the belt squashed to −1..1", "zh": "tanh(C) · 压缩到 −1..1 的细胞状态"},
    "map_caption": {
        "en": "Click a cell of the map to choose a character t and a unit j; the equation and diagram below follow.",
        "zh": "点击图中的一个格子即可选择字符 t 和单元 j，下面的公式和结构图会随之更新。",
    },
    "prev": {"en": "previous", "zh": "上一个"},
    "next": {"en": "next", "zh": "下一个"},
    "play": {"en": "play through the text", "zh": "逐字播放"},
    "play_reduced": {"en": "play through the text (slowly: your device asks for less motion)",
                     "zh": "逐字播放（慢速：你的设备要求减少动态效果）"},
    "pick_t": {"en": "time step t (character)", "zh": "时间步 t（字符）"},
    "pick_t_word": {"en": "time step t (word)", "zh": "时间步 t（词）"},
    "pick_j": {"en": "unit j", "zh": "单元 j"},
    "diagram_values": {"en": "Values of unit {j} at t = {t}.", "zh": "单元 {j} 在 t = {t} 时的取值。"},
    "diagram_alt": {"en": "Diagram of one LSTM cell: the cell state C runs along the top, the forget gate f, the input "
                          "gate i with the candidate C̃, and the output gate o below it, the output h at the right.",
                    "zh": "一个 LSTM 单元的结构图：细胞状态 C 沿顶部流过，下方依次是遗忘门 f、输入门 i 与候选值 C̃、"
                          "输出门 o，输出 h 在右侧。"},
    "diagram_alt_at": {"en": " Highlighted: {part}. Unit {j} at t = {t}: f = {forget}, i = {input}, C̃ = {candidate}, "
                             "o = {output}, C = {cell}, h = {hidden}.",
                       "zh": " 高亮部分：{part}。单元 {j} 在 t = {t} 时：f = {forget}，i = {input}，C̃ = {candidate}，"
                             "o = {output}，C = {cell}，h = {hidden}。"},
    "strip_region": {"en": "a passage of the text (scrolls sideways)", "zh": "一段文字（可左右滚动）"},
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
    "contrib_show": {"en": "Show what every earlier step still contributes", "zh": "显示之前每一步仍然贡献了多少"},
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
    "whatif_open": {"en": "Run the experiment", "zh": "运行这个实验"},
    "whatif_value": {"en": "force the gate to", "zh": "把门固定为"},
    "whatif_to": {"en": "{v}", "zh": "{v}"},
    "whatif_scope": {"en": "for", "zh": "作用于"},
    "whatif_unit": {"en": "unit {j} only", "zh": "只有单元 {j}"},
    "whatif_all": {"en": "all units", "zh": "所有单元"},
    "as_is": {"en": "as trained", "zh": "原模型"},
    "forced": {"en": "forced", "zh": "强制后"},
    "whatif_guess": {"en": "Next-character guess after t = {t}", "zh": "t = {t} 之后对下一个字符的猜测"},
    "nav_bilstm": {"en": "Bi-LSTM", "zh": "双向 LSTM"},
    "kind_forward": {"en": "h→ · forward LSTM (reads left to right)", "zh": "h→ · 正向 LSTM（从左往右读）"},
    "kind_backward": {"en": "h← · backward LSTM (reads right to left)", "zh": "h← · 反向 LSTM（从右往左读）"},
    "kind_concat": {"en": "y = [h→ ; h←] · the Bi-LSTM output", "zh": "y = [h→ ; h←] · 双向 LSTM 的输出"},
    "bi_title": {"en": "Bi-LSTM: reading both ways", "zh": "双向 LSTM：两个方向一起读"},
    "bi_intro": {
        "en": "A Bi-LSTM is two LSTMs reading the same text. The forward one reads from the first character to "
              "the last, the backward one from the last to the first. At every character t their two outputs are "
              "put side by side: y_t = [h→_t ; h←_t], twice as long, and it knows about what came before and what "
              "comes after. This Bi-LSTM was trained to fill gaps: type ? for a character and it guesses what "
              "stood there, from both sides.",
        "zh": "双向 LSTM 就是两个 LSTM 读同一段文字：正向的从第一个字符读到最后一个，反向的从最后一个读回第一个。"
              "在每个字符 t 处，把两者的输出拼接起来：y_t = [h→_t ; h←_t]，长度翻倍，同时包含了前文和后文的信息。"
              "这个双向 LSTM 被训练来填空：把某个字符换成 ?，它会根据两边的内容猜出那里原来是什么。",
    },
    "bi_example": {"en": "Try “{ex}”", "zh": "试试“{ex}”"},
    "bi_forward_reader": {"en": "forward LSTM reads this way → (h→)", "zh": "正向 LSTM 这样读 →（h→）"},
    "bi_backward_reader": {"en": "← backward LSTM reads this way (h←)", "zh": "← 反向 LSTM 这样读（h←）"},
    "bi_maps_title": {"en": "Both passes over your text", "zh": "两个方向读完你的文字"},
    "bi_maps_caption": {
        "en": "h→ and h← have {h} units each; their concatenation y has {h2}: rows 0–{h}−1 are h→, the rest h←.",
        "zh": "h→ 和 h← 各有 {h} 个单元；拼接后的 y 有 {h2} 个：前 {h} 行是 h→，其余是 h←。",
    },
    "bi_at_t_title": {"en": "The two vectors at one character, and their concatenation",
                      "zh": "某个字符处的两个向量及其拼接"},
    "bi_at_t_caption": {
        "en": "At t = {t} ('{c}'): h→ has read everything up to here, h← everything from the end back to here; "
              "y ({h2} numbers) is h→ ({h}) followed by h← ({h}).",
        "zh": "在 t = {t}（“{c}”）处：h→ 读过了从开头到这里的内容，h← 读过了从结尾到这里的内容；"
              "y（{h2} 个数）就是 h→（{h} 个）后面接上 h←（{h} 个）。",
    },
    "bi_guess_title": {"en": "Fill the gap: the model's guesses where you typed {hide}", "zh": "填空：模型对你输入 {hide} 之处的猜测"},
    "bi_guess_none": {
        "en": "Type {hide} in place of a character (e.g. 我爱{hide}国) and the Bi-LSTM guesses it from both sides.",
        "zh": "把某个字符换成 {hide}（例如 我爱{hide}国），双向 LSTM 会根据两边的内容去猜。",
    },
    "bi_guess_at": {"en": "Guesses for t = {t}", "zh": "t = {t} 处的猜测"},
    "bi_gap_legend": {
        "en": "▢ marks a hidden character (typed as ?): the Bi-LSTM fills it in from both sides. "
              "� marks a character the model does not know.",
        "zh": "▢ 表示被遮住的字符（输入时写作 ?）：双向 LSTM 会根据两边的内容把它填上。� 表示模型不认识的字符。",
    },
    "nav_params": {"en": "Parameter count", "zh": "参数数量"},
    "params_title": {"en": "How many parameters does an LSTM have?", "zh": "LSTM 有多少个参数？"},
    "params_intro": {
        "en": "An LSTM has four weight matrices, one per block: forget gate, input gate, candidate and output gate. "
              "Each maps [h(t−1), x(t)], of size h + x, to h numbers, so it has h·(h+x) weights, plus h biases. "
              "Move the sliders: the count is worked out term by term and checked against a real PyTorch module "
              "built with the same sizes.",
        "zh": "LSTM 有四个权重矩阵，每个模块一个：遗忘门、输入门、候选值和输出门。每个矩阵把长度为 h + x 的 "
              "[h(t−1), x(t)] 映射成 h 个数，所以有 h·(h+x) 个权重，再加上 h 个偏置。拖动滑块，"
              "下面会逐项算出参数数量，并与用相同尺寸真正构建的 PyTorch 模块核对。",
    },
    "params_h": {"en": "hidden size h", "zh": "隐藏层大小 h"},
    "params_x": {"en": "input size x", "zh": "输入大小 x"},
    "params_layers": {"en": "layers", "zh": "层数"},
    "params_bi": {"en": "bidirectional", "zh": "双向"},
    "params_lesson": {"en": "The lesson's formula (one bias, as in Keras)", "zh": "课程中的公式（一个偏置，与 Keras 相同）"},
    "params_torch": {"en": "PyTorch keeps two bias vectors", "zh": "PyTorch 保存两组偏置"},
    "params_terms": {"en": "per block: {w} weights + {b} biases", "zh": "每个模块：{w} 个权重 + {b} 个偏置"},
    "params_real": {"en": "parameters of the real {module}", "zh": "真实的 {module} 的参数个数"},
    "params_match": {"en": "✓ equals the formula", "zh": "✓ 与公式相等"},
    "params_mismatch": {"en": "✗ differs from the formula", "zh": "✗ 与公式不相等"},
    "params_stack_note": {
        "en": "Layer 1 reads the input x ({x} numbers); every layer above reads the layer below, h · directions = {x2} "
              "numbers. A bidirectional layer is two LSTMs, one per direction, hence the factor 2.",
        "zh": "第 1 层读入输入 x（{x} 个数）；上面的每一层读入下一层的输出，即 h × 方向数 = {x2} 个数。"
              "双向的一层是两个 LSTM，每个方向一个，所以要乘以 2。",
    },
    "params_keras_real": {"en": "— (Keras is not installed here: formula only)", "zh": "—（这里没有安装 Keras，只有公式）"},
    "params_table_title": {"en": "Relatives ({layers} layer(s), bidirectional: {bi})", "zh": "相关模型（{layers} 层，双向：{bi}）"},
    "yes": {"en": "yes", "zh": "是"},
    "no": {"en": "no", "zh": "否"},
    "params_col_model": {"en": "module", "zh": "模块"},
    "params_col_blocks": {"en": "blocks", "zh": "模块数"},
    "params_col_formula": {"en": "formula", "zh": "公式"},
    "params_col_real": {"en": "real module", "zh": "真实模块"},
    "params_col_same": {"en": "equal", "zh": "相等"},
    "params_keras": {"en": "Keras LSTM (one bias)", "zh": "Keras LSTM（一个偏置）"},
    "params_notes": {
        "en": "- The lesson (and Keras) count one bias per block: **{lesson}**. PyTorch adds a second bias vector "
              "(b_ih and b_hh, which are simply added), 4h more: **{torch}**.\n"
              "- A Bi-LSTM is two LSTMs, so twice the count: **{bi}** for one layer.\n"
              "- A GRU has 3 blocks (reset, update, new), a simple RNN 1: ¾ and ¼ of the LSTM.\n"
              "- In a stack, layer 2 and above read the layer below: their x is h = {x2} (2h when bidirectional).",
        "zh": "- 课程（以及 Keras）每个模块只算一个偏置：**{lesson}**。PyTorch 多保存一组偏置"
              "（b_ih 和 b_hh，两者直接相加），多出 4h 个：**{torch}**。\n"
              "- 双向 LSTM 是两个 LSTM，所以参数翻倍：一层为 **{bi}**。\n"
              "- GRU 有 3 个模块（重置门、更新门、新内容），简单 RNN 只有 1 个：分别是 LSTM 的 ¾ 和 ¼。\n"
              "- 堆叠时，第 2 层及以上读的是下一层的输出：它们的 x 等于 h = {x2}（双向时为 2h）。",
    },
    "nav_memory": {"en": "Why LSTM: RNN vs LSTM memory", "zh": "为什么要 LSTM：RNN 与 LSTM 的记忆"},
    "mem_title": {"en": "RNN vs LSTM: how far back can it remember?", "zh": "RNN 与 LSTM：能记住多久以前的事？"},
    "mem_intro": {
        "en": "A simple RNN has one weight matrix and squashes its whole memory through tanh at every step; what it "
              "saw long ago fades fast (the gradient vanishes). An LSTM has four matrices and a cell state that is "
              "only scaled and added to, so it can carry information much further. Here both claims are measured.",
        "zh": "简单 RNN 只有一个权重矩阵，每一步都把全部记忆经过一次 tanh 压缩；很久以前看到的内容衰减得很快"
              "（梯度消失）。LSTM 有四个矩阵，它的细胞状态只被缩放和相加，因此能把信息带得更远。下面用真实的数字检验这两点。",
    },
    "mem_grad_title": {"en": "How much does the last output still feel each earlier character?",
                       "zh": "最后的输出对之前每个字符还有多敏感？"},
    "mem_letters_only": {
        "en": "These two small models read the letters a–z and the 汉字 of the app's character model (anything "
              "else reads as a space): only {k} of the last {n} characters of your text are among them, so a chart "
              "of your text would be mostly spaces. Use the example to see how far back each remembers.",
        "zh": "这两个小模型认识字母 a–z 和本应用字符模型里的汉字（其他字符都当作空格读入）：你的文字最后 {n} 个字符中"
              "只有 {k} 个是它们认识的，画出来大多是空格。换成例子，看看它们各自能记多远。",
    },
    "mem_use_example": {"en": "Use the example", "zh": "换成例子"},
    "mem_grad_caption": {
        "en": "‖∂h_T/∂x_t‖ against the distance T−t, computed by autograd on your text (its last {cap} characters: "
              "letters and {z} 汉字 read as themselves, anything else as a space) for an RNN and an LSTM trained on "
              "recall at N = {n} over those {s} symbols. The y axis is logarithmic: each grid line is ten times smaller.",
        "zh": "在你的文字上（最后 {cap} 个字符：字母和 {z} 个汉字按原样读入，其余字符按空格读入），用自动求导计算 "
              "‖∂h_T/∂x_t‖ 与距离 T−t 的关系；两个模型是在这 {s} 个符号上、N = {n} 的回忆任务里训练的 RNN 和 LSTM。"
              "纵轴是对数刻度：每格缩小十倍。",
    },
    "mem_grad_short": {"en": "Type at least two characters to see the gradients.", "zh": "至少输入两个字符才能看到梯度。"},
    "mem_axis_distance": {"en": "distance back T−t (characters)", "zh": "向前的距离 T−t（字符）"},
    "mem_axis_grad": {"en": "‖∂h_T/∂x_t‖", "zh": "‖∂h_T/∂x_t‖"},
    "mem_grad_floor": {
        "en": "The points on the bottom line ({floor}) of {names} stand for gradients below {floor}, most of them exactly 0: "
              "the numbers underflowed in float32 arithmetic, so the gradient is numerically zero and those characters "
              "no longer count at all. A log axis cannot show 0, so they are drawn at this floor.",
        "zh": "{names} 落在最底下那条线（{floor}）上的点，表示梯度小于 {floor}，其中大多数正好是 0："
              "这些数在 float32 运算中已经下溢，梯度在数值上就是零，那些字符已经完全不起作用了。"
              "对数坐标画不出 0，所以把它们画在这条底线上。",
    },
    "mem_stop": {"en": "Stop the retraining", "zh": "停止重新训练"},
    "mem_task_title": {"en": "A memory test: recall the character N steps back", "zh": "记忆测试：回忆 N 步之前的字符"},
    "mem_task_caption": {
        "en": "Each model reads a random string of N + 1 letters and must then name the first one, seen N steps ago; "
              "the letters after it only distract. "
              "A simple RNN and an LSTM of the same size (32 units) were trained for each N; accuracy on 300 new "
              "strings. Guessing gives {chance}.",
        "zh": "模型读入一串 N + 1 个随机字母，然后要说出第一个字母（它出现在 N 步之前），后面的字母只起干扰作用。"
              "对每个 N 都训练了同样大小（32 个单元）的简单 RNN 和 LSTM，"
              "在 300 个新字符串上测准确率。随便猜的准确率是 {chance}。",
    },
    "mem_axis_n": {"en": "N (how far back)", "zh": "N（向前多远）"},
    "mem_axis_acc": {"en": "accuracy", "zh": "准确率"},
    "mem_retrain": {"en": "Retrain both (in the background, seed 1)", "zh": "重新训练两个模型（后台运行，随机种子 1）"},
    "mem_training": {"en": "Training: N = {n}, {kind}", "zh": "训练中：N = {n}，{kind}"},
    "mem_retrained": {"en": "Retrained: your models are the dotted lines.", "zh": "重新训练完成：虚线是你的模型。"},
    "mem_yours": {"en": "{m} (your run)", "zh": "{m}（你的训练）"},
    "jobs_busy": {
        "en": "The server is already training {n} models for other people. Please try again in a minute.",
        "zh": "服务器正在为其他人训练 {n} 个模型，请过一分钟再试。",
    },
    "jobs_session_busy": {
        "en": "You already have a training running ({name}). One training at a time per person: let it finish, or "
              "stop it on its page, then start this one.",
        "zh": "你已经有一个训练正在进行（{name}）。每人同一时间只能训练一个模型：请等它完成，或在它的页面上停止它，再开始这一个。",
    },
    "jobs_failed": {"en": "The training stopped with an error.", "zh": "训练因错误而中止。"},
    "nav_variants": {"en": "LSTM variants", "zh": "LSTM 变体"},
    "var_title": {"en": "LSTM variants, side by side", "zh": "LSTM 的几种变体，并排比较"},
    "var_intro": {
        "en": "The LSTM of the lesson is the classic one, but there are many relatives. Each below is a character "
              "model with its own equations, trained on the same text, reading the text you type. The maps show "
              "one gate and the hidden output h of each; the bars show each one's guess for the next character.",
        "zh": "课程里讲的是经典 LSTM，但它还有很多变体。下面每一个都是字符级模型，有自己的公式，在同样的文字上训练，"
              "读的是你输入的同一段文字。图中展示每个模型的一个门和隐藏输出 h，柱状图是它对下一个字符的猜测。",
    },
    "var_classic": {"en": "Classic LSTM", "zh": "经典 LSTM"},
    "var_classic_note": {"en": "The lesson's LSTM: the shipped model (128 units).", "zh": "课程中的 LSTM：本应用自带的模型（128 个单元）。"},
    "var_peephole": {"en": "Peephole LSTM", "zh": "窥视孔 LSTM"},
    "var_peephole_note": {
        "en": "Gers & Schmidhuber (2000): the gates also look at the cell state itself (p ⊙ C). 64 units.",
        "zh": "Gers 与 Schmidhuber（2000）：门还会直接“看”细胞状态（p ⊙ C）。64 个单元。",
    },
    "var_coupled": {"en": "Coupled gates", "zh": "耦合门"},
    "var_coupled_note": {
        "en": "Forget and write are decided together: i = 1 − f, so new memory comes in only where old leaves. 64 units.",
        "zh": "遗忘和写入一起决定：i = 1 − f，只有旧记忆让出的位置才能写入新记忆。64 个单元。",
    },
    "var_gru": {"en": "GRU", "zh": "门控循环单元 GRU"},
    "var_gru_note": {
        "en": "Cho et al. (2014): no separate cell state; an update gate z mixes the old h with a new candidate. 64 units.",
        "zh": "Cho 等人（2014）：没有单独的细胞状态；更新门 z 把旧的 h 和新的候选值混合起来。64 个单元。",
    },
    "var_quality": {
        "en": "Held-out text: **{bpc} bits per character** (lower is better), after {steps} training steps of "
              "{batch} × {seq} characters.",
        "zh": "未参与训练的文本上：**每字符 {bpc} 比特**（越低越好），训练了 {steps} 步，每步 {batch} × {seq} 个字符。",
    },
    "var_maps_caption": {
        "en": "Top: the gate {gate}; bottom: h ({h} units).",
        "zh": "上：门 {gate}；下：h（{h} 个单元）。",
    },
    "nav_case1": {"en": "Case 1 · last letter", "zh": "案例 1 · 预测最后一个字母"},
    "nav_case2": {"en": "Case 2 · next word", "zh": "案例 2 · 预测下一个词"},
    "case1_title": {"en": "Case 1: predict the last letter of a word", "zh": "案例 1：预测单词的最后一个字母（或汉字）"},
    "case1_intro": {
        "en": "An LSTM reads the first letters of a word, one at a time, and must name the last one: from 'mak' "
              "it should say 'e'. Train it here and watch its gates organise themselves while it learns. Edit the "
              "word list as you like: any words of two letters or more, in any alphabet (Chinese too).",
        "zh": "LSTM 逐个读入单词的前几个字母，然后说出最后一个字母：读到 “mak” 时应该回答 “e”。在这里训练它，"
              "看它的各个门在学习过程中如何逐渐成形。单词表可以随意修改：任何至少两个字母的词，任何文字（包括中文）都可以。",
    },
    "case2_title": {"en": "Case 2: a Bi-LSTM predicts the next word", "zh": "案例 2：用双向 LSTM 预测下一个词"},
    "case2_intro": {
        "en": "A Bi-LSTM reads the last few words of a sentence in both directions and predicts the word that "
              "comes next. The forward LSTM ends at the last word, the backward one at the first; their outputs "
              "are concatenated and turned into a guess. Train it on our short paragraph or paste your own text.",
        "zh": "双向 LSTM 从两个方向读入句子里最近的几个词，然后预测下一个词。正向 LSTM 读到最后一个词结束，"
              "反向 LSTM 读到第一个词结束；两者的输出拼接起来，再变成一个猜测。可以用我们准备的小段落训练，也可以粘贴你自己的文字。",
    },
    "case1_words": {"en": "Words (separated by spaces, commas or new lines)", "zh": "单词（用空格、逗号或换行分隔）"},
    "case2_text": {"en": "Training text", "zh": "训练文字"},
    "case1_truncated": {"en": "{n} words pasted; only the first {cap} are used.", "zh": "粘贴了 {n} 个词，只使用前 {cap} 个。"},
    "case1_short": {"en": "{n} one-letter word(s) left out: a word needs at least two letters.",
                    "zh": "去掉了 {n} 个只有一个字符的词：每个词至少要有两个字符（字母或汉字）。"},
    "case1_long": {"en": "{n} word(s) longer than {cap} letters left out.", "zh": "去掉了 {n} 个超过 {cap} 个字符的词。"},
    "case1_duplicates": {"en": "{n} duplicate(s) left out.", "zh": "去掉了 {n} 个重复的词。"},
    "case1_empty": {"en": "The word list is empty: add some words of at least two letters.",
                    "zh": "单词表是空的：请添加一些至少有两个字符的词。"},
    "case2_truncated": {"en": "The text has {n} words; only the first {cap} are used.", "zh": "文字有 {n} 个词，只使用前 {cap} 个。"},
    "case2_empty": {"en": "The text needs at least three words.", "zh": "训练文字至少需要三个词。"},
    "case_hidden": {"en": "hidden size", "zh": "隐藏层大小"},
    "case_lr": {"en": "learning rate", "zh": "学习率"},
    "case_steps": {"en": "training steps", "zh": "训练步数"},
    "case_seed": {"en": "seed (same seed, same run)", "zh": "随机种子（种子相同，结果相同）"},
    "case_train": {"en": "Train", "zh": "开始训练"},
    "case_pause": {"en": "Pause", "zh": "暂停"},
    "case_resume": {"en": "Resume", "zh": "继续"},
    "case_reset": {"en": "Reset", "zh": "重置"},
    "case_example": {"en": "Example to watch", "zh": "观察的例子"},
    "case_not_started": {"en": "Press Train to start. Training runs in the background: you can keep using the page.",
                         "zh": "点击“开始训练”。训练在后台进行，你可以继续使用页面。"},
    "case_running": {"en": "Training", "zh": "训练中"},
    "case_paused": {"en": "Paused", "zh": "已暂停"},
    "case_done": {"en": "Finished", "zh": "已完成"},
    "case_progress": {"en": "step {step}, loss {loss}, training accuracy {acc}", "zh": "第 {step} 步，损失 {loss}，训练准确率 {acc}"},
    "case1_held_out": {"en": "on {n} words never trained on: {acc}", "zh": "在 {n} 个从未训练过的词上：{acc}"},
    "case2_held_out": {"en": "on {n} next words in sentences never trained on: {acc}",
                       "zh": "在从未训练过的句子里的 {n} 个“下一个词”上：{acc}"},
    "case1_held_out_curve": {"en": "accuracy on words never trained on", "zh": "未训练过的词上的准确率"},
    "case2_held_out_curve": {"en": "accuracy on sentences never trained on", "zh": "未训练过的句子上的准确率"},
    "case2_held_text": {"en": "Sentences never trained on (held out)", "zh": "不参与训练的句子（留作检验）"},
    "case2_held_help": {"en": "The model never trains on these: its accuracy on their next words tells learning from "
                              "memorising. Words it never saw in the training text are skipped.",
                        "zh": "模型从不在这些句子上训练：它在其中“下一个词”上的准确率，能区分“学会了”和“背下来了”。"
                              "训练文字里没出现过的词会被跳过。"},
    "case2_read_fwd": {"en": "h→ read, left to right: {words}", "zh": "h→ 从左往右读：{words}"},
    "case2_read_bwd": {"en": "h← read, right to left: {words}", "zh": "h← 从右往左读：{words}"},
    "case2_read_answer": {"en": "[h→ ; h←] names → **{best}** ({p})", "zh": "[h→ ; h←] 给出 → **{best}**（{p}）"},
    "case_right_was": {"en": "(the text has “{right}”)", "zh": "（原文是“{right}”）"},
    "case_never_title": {"en": "Never trained on", "zh": "从未训练过的例子"},
    "case_never_rows": {"en": "What the model says on the examples it never trained on",
                        "zh": "模型在从未训练过的例子上给出的答案"},
    "case_q_wait": {"en": "Train the model; when it finishes (or you pause it), a question about an example it never "
                          "trained on appears here.",
                    "zh": "先训练模型；训练结束（或暂停）后，这里会出现一个关于它从未训练过的例子的问题。"},
    "case_q_none": {"en": "None of the examples never trained on can be read by this model (they use symbols its "
                          "training data does not have).",
                    "zh": "这个模型读不了任何一个未训练过的例子（里面有训练数据中没有的符号）。"},
    "case_loss": {"en": "loss", "zh": "损失"},
    "case_step": {"en": "step", "zh": "步数"},
    "case_example_gates": {"en": "The gates on “{ex}”, as the model is now", "zh": "模型当前在“{ex}”上的各个门"},
    "case_prediction": {"en": "Prediction", "zh": "预测"},
    "case_try": {"en": "Try it", "zh": "试一试"},
    "case_try_first": {"en": "Train the model first (even a few steps), then type here.", "zh": "请先训练模型（几步也可以），再在这里输入。"},
    "case1_input": {"en": "The first letters of a word", "zh": "单词的前几个字符（字母或汉字）"},
    "case2_input": {"en": "The start of a sentence", "zh": "句子的开头"},
    "case_unknown": {
        "en": "The model has not seen {items} in its training words, so it cannot read this. Add words that use "
              "them and train again.",
        "zh": "模型在训练用的单词里没有见过{items}，所以读不了这个输入。请加入用到这些字符的单词，再训练一次。",
    },
    "case_too_big": {"en": "This data has {n} different symbols (characters or words) to predict; a training here "
                           "takes at most {cap}, and at most {mb_cap} MB for its guesses (this one: {mb} MB). Use "
                           "fewer words, or words that share their letters.",
                     "zh": "这份数据里有 {n} 个不同的符号（字或词）要预测；这里的训练最多接受 {cap} 个，猜测最多占 "
                           "{mb_cap} MB（这份要 {mb} MB）。请少用一些词，或用字母重复较多的词。"},
    "case_unknown_words": {
        "en": "The model cannot read {items}: not in the training text.",
        "zh": "模型读不了{items}：训练文字里没有这些词。",
    },
    "list_sep": {"en": ", ", "zh": "、"},
    "quoted": {"en": "“{s}”", "zh": "“{s}”"},
    "case_answer": {"en": "→ **{best}**  ({p})", "zh": "→ **{best}**（{p}）"},
    "case2_try_note": {
        "en": "The model reads the last {n} words you type, and it only knows what it saw in the training text: "
              "start with words from it (for example “{ex}”). A start it never saw gets a guess, not an answer.",
        "zh": "模型只读你输入的最后 {n} 个词，而且只认识训练文字里出现过的内容：请用其中的词开头"
              "（例如“{ex}”）。没见过的开头只能换来一个猜测，而不是答案。",
    },
    "kind_update": {"en": "z · update gate", "zh": "z · 更新门"},
    "sidebar_training": {"en": "Training in the background: {name}, step {step}", "zh": "后台训练中：{name}，第 {step} 步"},
    "job_last_letter": {"en": "case 1", "zh": "案例 1"},
    "job_next_word": {"en": "case 2", "zh": "案例 2"},
    "job_memory": {"en": "RNN vs LSTM", "zh": "RNN 与 LSTM"},
    "model_load_error": {"en": "The model could not be loaded in this browser; reload the page.",
                         "zh": "浏览器没能载入模型，请刷新页面。"},
    "hover_map": {"en": "t={t} '{c}' · unit {j} · {v}", "zh": "t={t} “{c}” · 单元 {j} · {v}"},
    "map_alt": {"en": "{title}: a map of {units} units (rows) over {steps} characters (columns); colour from {lo} to {hi}",
                "zh": "{title}：{units} 个单元（行）× {steps} 个字符（列）的热力图；颜色从 {lo} 到 {hi}"},
    "chosen_cell": {"en": "t = {t} ‘{c}’ · unit j = {j}", "zh": "t = {t} “{c}” · 单元 j = {j}"},
    "band_title": {"en": "Tap the cell you mean:", "zh": "点你要选的格子："},
    "band_close": {"en": "Close", "zh": "关闭"},
    "equation_region": {"en": "equation (scrolls sideways)", "zh": "公式（可左右滚动）"},
    "kind_forget": {"en": "f · forget gate", "zh": "f · 遗忘门"},
    "kind_input": {"en": "i · input gate", "zh": "i · 输入（记忆）门"},
    "kind_candidate": {"en": "C̃ · candidate", "zh": "C̃ · 候选值"},
    "kind_cell": {"en": "C · cell state", "zh": "C · 细胞状态"},
    "kind_output": {"en": "o · output gate", "zh": "o · 输出门"},
    "kind_hidden": {"en": "h · hidden output", "zh": "h · 隐藏输出"},
    "axis_prob": {"en": "probability", "zh": "概率"},
    "model_caption": {
        "en": "Model: a character LSTM with {h} units and {x}-dimensional inputs, trained on Python's own documentation.",
        "zh": "模型：一个字符级 LSTM，{h} 个单元，输入向量 {x} 维，训练文本是 Python 自带的文档。",
    },
    # --- the lesson path (explorer/path.py) ---------------------------------------------------------
    "nav_check": {"en": "Check yourself", "zh": "自我检测"},
    "path_prev": {"en": "← {n} · {title}", "zh": "← {n} · {title}"},
    "path_next": {"en": "{n} · {title} →", "zh": "{n} · {title} →"},
    "path_start": {"en": "New here? The lesson starts at 1 · {title} →", "zh": "第一次来？课程从第 1 步开始：{title} →"},
    "path_where": {"en": "Step {n} of {total}", "zh": "第 {n} 步，共 {total} 步"},
    "notice_title": {"en": "What to notice here", "zh": "这一页要看什么"},
    "notice_button": {"en": "Show me", "zh": "演示给我看"},
    "notice_memory": {
        "en": "Read the gradient chart from right to left: how much does a character T−t steps back still move "
              "the last output? The RNN's line falls like a stone; the LSTM's stays up far longer. That is the "
              "whole reason for the cell state.",
        "zh": "从右往左看梯度图：T−t 步之前的字符，对最后的输出还有多大影响？RNN 的曲线迅速跌落，"
              "LSTM 的曲线在很远处仍然保持。这正是引入细胞状态的原因。"},
    "notice_cell": {
        "en": "Press the button: a text of four lines, and unit {j} of C. Watch the belt climb by about one "
              "step per character and drop back at every ↵: the model learned to count the column.",
        "zh": "点一下按钮：一段四行的文字，看 C 的第 {j} 个单元。传送带上的值每读一个字符大约升高一格，"
              "每遇到换行 ↵ 就回落：模型自己学会了数“这一行写到第几列”。"},
    "notice_forget": {
        "en": "Press the button: t jumps to the first ↵ and j to the counting unit {j}. There f drops towards 0 — "
              "the old count is thrown away — while everywhere else it stays near 1 and keeps it.",
        "zh": "点一下按钮：t 跳到第一个换行 ↵，j 跳到会数数的第 {j} 个单元。在换行处 f 降到接近 0——"
              "旧的计数被丢掉——其余位置 f 接近 1，计数得以保留。"},
    "notice_input": {
        "en": "Press the button: right after ↵, unit {j} writes a fresh start onto the belt. i says how much "
              "is written, C̃ what: their product i·C̃ is all that enters C at that step.",
        "zh": "点一下按钮：换行 ↵ 之后，第 {j} 个单元往传送带上写入一个新的开始。i 决定写多少，C̃ 决定写什么，"
              "两者的乘积 i·C̃ 就是这一步进入 C 的全部内容。"},
    "notice_output": {
        "en": "Press the button and compare the maps: C (inside) can grow far beyond ±1, h (outside) never does. "
              "o chooses how much of tanh(C) each unit shows the next layer.",
        "zh": "点一下按钮，比较这几张图：内部的 C 可以远远超出 ±1，外部的 h 永远不会。"
              "o 决定每个单元把多少 tanh(C) 交给下一层。"},
    "notice_overview": {
        "en": "All six quantities at once, for every character. Type and watch: the gates (top) mostly sit near "
              "0 or 1, and the belt C changes slowly where the gates keep it. Press the example to see code.",
        "zh": "同时看到全部六个量、每一个字符。边输入边观察：上面的门大多接近 0 或 1；"
              "门把信息留住的地方，传送带 C 变化得很慢。点一下例子看看读代码时的样子。"},
    "notice_bilstm": {
        "en": "Press the button: 我爱?国. The forward LSTM reaches ▢ having read 我爱, the backward one having "
              "read 国; only y = [h→ ; h←] has both sides, and the guess for ▢ is made from it.",
        "zh": "点一下按钮：我爱?国。正向 LSTM 读到 ▢ 时只看过“我爱”，反向 LSTM 只看过“国”；"
              "只有拼接后的 y = [h→ ; h←] 同时包含两边，对 ▢ 的猜测就是由它做出的。"},
    "notice_variants": {
        "en": "The same text through four cells. Compare the gate maps: the coupled cell's f mirrors its i "
              "exactly (i = 1 − f), and the GRU has no separate belt at all.",
        "zh": "同一段文字送进四种单元。比较门的图：耦合门单元的 f 与 i 正好互补（i = 1 − f），"
              "GRU 则根本没有单独的传送带。"},
    "notice_params": {
        "en": "Move h and x: the count grows with h·(h + x), four times over — one weight matrix per gate. "
              "Press the button for the lesson's own numbers, h = 128 and x = 32.",
        "zh": "拖动 h 和 x：参数量随 h·(h + x) 增长，并且乘以 4——每个门一个权重矩阵。"
              "点一下按钮，看课程里的数字：h = 128，x = 32。"},
    "notice_case1": {
        "en": "Press Train and watch the first steps one by one: the loss falls as the gates take shape. The "
              "dashed curve is words never trained on: when those come out right, the model has learned more "
              "than a list. The button trains on the lesson's words.",
        "zh": "点“训练”，先一步一步地看：损失下降的同时，各个门逐渐成形。虚线是从没训练过的词："
              "它们也答对时，说明模型学到的不只是一张死记硬背的表。按钮会用课上的单词开始训练。"},
    "notice_case2": {
        "en": "A Bi-LSTM reads the words before the gap both ways: forwards and backwards over those same "
              "words, never over the word it must predict. Watch the dashed curve, sentences never trained on: "
              "training accuracy climbs to about 90 %, they stay far lower. Which next words does it still get "
              "right there, and why?",
        "zh": "双向 LSTM 从两个方向读空缺之前的那几个词：正着读一遍、倒着读一遍，但都只读这几个词，"
              "绝不会看到要预测的那个词。看虚线，那是从未训练过的句子：训练准确率升到 90 % 左右，"
              "它们却低得多。它在那里还能答对哪些“下一个词”？为什么？"},
    "notice_check": {
        "en": "Five questions on the whole path. Answer each, then reveal: the answers are the models' own.",
        "zh": "关于整条学习路径的五个问题。先作答，再揭晓：答案都来自模型本身。"},
    "check_title": {"en": "Check yourself", "zh": "自我检测"},
    "check_intro": {"en": "Answer before you reveal. Where a model decides the answer, it is computed now.",
                    "zh": "先回答，再揭晓。凡是由模型决定的答案，都是此刻现场计算出来的。"},
    "q_about": {"en": "Asked on this text (t counts its characters from 0):", "zh": "问题针对的是这段文字（t 从 0 开始数它的字符）："},
    "check_score": {"en": "{right} of {total} right so far.", "zh": "目前答对 {right} 题，共 {total} 题。"},
    # --- predict, then reveal (explorer/quiz.py) -----------------------------------------------------
    "predict_title": {"en": "Predict, then reveal", "zh": "先预测，再揭晓"},
    "your_guess": {"en": "Your guess", "zh": "你的预测"},
    "reveal": {"en": "Reveal the model's answer", "zh": "揭晓模型的答案"},
    "reveal_right": {"en": "Right: {answer}.", "zh": "答对了：{answer}。"},
    "reveal_wrong": {"en": "The model's answer: {answer}.", "zh": "模型的答案是：{answer}。"},
    "q_near0": {"en": "near 0 (forget)", "zh": "接近 0（遗忘）"},
    "q_near1": {"en": "near 1 (keep)", "zh": "接近 1（保留）"},
    "q_forget": {"en": "At the line break ↵ (t = {t}), will f of unit {j} be near 0 or near 1?",
                 "zh": "在换行 ↵ 处（t = {t}），第 {j} 个单元的 f 会接近 0 还是接近 1？"},
    "q_forget_explain": {"en": "f_{t}[{j}] = {f}. The count of the old line is no use on the new one.",
                         "zh": "f_{t}[{j}] = {f}。上一行的计数对新的一行没有用处。"},
    "q_climbs": {"en": "climbs further", "zh": "继续升高"},
    "q_drops": {"en": "drops back", "zh": "回落"},
    "q_stays": {"en": "stays where it is", "zh": "保持不变"},
    "q_cell": {"en": "In the counting example, what does C of unit {j} do at the line break ↵?",
               "zh": "在数数的例子里，第 {j} 个单元的 C 在换行 ↵ 处会怎样？"},
    "q_cell_explain": {"en": "C goes from {before} (t = {prev}) to {after} at ↵ (t = {t}).",
                       "zh": "C 从 {before}（t = {prev}）变为换行处（t = {t}）的 {after}。"},
    "q_needs_text": {"en": "This question is about the example “{text}”, not the text in the box now. Put it in the "
                           "box to see it, then answer.",
                     "zh": "这个问题针对的是例子“{text}”，而不是输入框里现在的文字。先把例子放进输入框，再作答。"},
    "q_put_text": {"en": "Put the example in the box", "zh": "把例子放进输入框"},
    "q_folded": {"en": "The answer to the question above: it opens once you reveal (or open it here)",
                 "zh": "上面问题的答案：揭晓后自动展开（也可以在这里直接展开）"},
    "q_adds": {"en": "adds to the belt (> 0)", "zh": "往传送带上加（> 0）"},
    "q_takes": {"en": "takes away (< 0)", "zh": "从传送带上减（< 0）"},
    "q_nothing": {"en": "writes nearly nothing", "zh": "几乎不写入"},
    "q_input": {"en": "Just after the line break (t = {t}): what does unit {j} write onto the belt, i·C̃?",
                "zh": "刚过换行（t = {t}）：第 {j} 个单元往传送带上写入的 i·C̃ 是什么？"},
    "q_input_explain": {"en": "i = {i}, C̃ = {c}: i·C̃ = {w}.", "zh": "i = {i}，C̃ = {c}：i·C̃ = {w}。"},
    "q_output": {"en": "At the end of the first line (t = {t}), which is larger in size for unit {j}: C or h?",
                 "zh": "在第一行末尾（t = {t}），第 {j} 个单元的 C 和 h，哪个的绝对值更大？"},
    "q_output_explain": {"en": "C = {c}, o = {o}, h = o·tanh(C) = {h}: tanh squeezes C into −1..1 and o scales it down.",
                         "zh": "C = {c}，o = {o}，h = o·tanh(C) = {h}：tanh 把 C 压进 −1..1，o 再把它缩小。"},
    "q_next_char": {"en": "The model has read “…{text}”. Which character does it think comes next?",
                    "zh": "模型读到了“…{text}”。它认为下一个字符最可能是哪个？"},
    "q_next_char_explain": {"en": "Its first guess is {c}, with probability {p}.", "zh": "它的首选是 {c}，概率 {p}。"},
    "q_case1": {"en": "The model never trained on “{word}”. Reading “{items}”, which last letter will it name?",
                "zh": "模型从没在“{word}”上训练过。读到“{items}”时，它会给出哪个最后一个字母？"},
    "q_case2": {"en": "In a sentence never trained on, the Bi-LSTM reads “{items}”. Which word will it name next?",
                "zh": "在一句从未训练过的话里，双向 LSTM 读到“{items}”。它会给出哪个下一个词？"},
    "q_case_explain": {"en": "It names “{best}”, with probability {p}.", "zh": "它给出“{best}”，概率 {p}。"},
    "q_case_same": {"en": "That is the text's own “{right}”: learned, not remembered, since it never saw this example.",
                    "zh": "这正是原文的“{right}”：它从没见过这个例子，所以这是学会的，不是背下来的。"},
    "q_case_differs": {"en": "The text has “{right}”: what it learned does not carry over to this example.",
                       "zh": "原文是“{right}”：它学到的东西没能用到这个例子上。"},
    "q_saturated": {"en": "Over the whole corpus, which gate sits most often near 0 or 1 (below 0.1 or above 0.9)?",
                    "zh": "在整个语料上，哪个门最常停在 0 或 1 附近（低于 0.1 或高于 0.9）？"},
    "q_saturated_explain": {"en": "Saturated share of all units and characters: {shares}.",
                            "zh": "所有单元和字符中处于饱和的比例：{shares}。"},
    "q_gap": {"en": "Which character will the Bi-LSTM put in 我爱?国?", "zh": "双向 LSTM 会在“我爱?国”的空缺处填哪个字？"},
    "q_gap_explain": {"en": "Its first guess is {c}, with probability {p}: it needs 国 from the right side to be sure.",
                      "zh": "它的首选是 {c}，概率 {p}：它需要右边的“国”才能确定。"},
    "q_variants": {"en": "For h = {h} and x = {x}, which has the most parameters?",
                   "zh": "当 h = {h}、x = {x} 时，哪一个的参数最多？"},
    "q_variants_explain": {"en": "nn.LSTM {lstm}, nn.GRU {gru}, nn.RNN {rnn}: four weight blocks, three, one.",
                           "zh": "nn.LSTM {lstm}，nn.GRU {gru}，nn.RNN {rnn}：四组权重、三组、一组。"},
    "q_params": {"en": "How many parameters has nn.LSTM({x}, {h})?", "zh": "nn.LSTM({x}, {h}) 有多少个参数？"},
    "q_params_explain": {"en": "{real}: the lesson's formula gives {lesson} with one bias per gate; PyTorch keeps two.",
                         "zh": "{real}：课程里的公式每个门一个偏置，得 {lesson}；PyTorch 每个门有两个偏置。"},
    "q_memory": {"en": "{d} characters back: whose gradient ‖∂h_T/∂x_t‖ is larger?",
                 "zh": "往回 {d} 个字符：谁的梯度 ‖∂h_T/∂x_t‖ 更大？"},
    "q_same": {"en": "about the same", "zh": "差不多"},
    "q_memory_explain": {"en": "At T−t = {d}: RNN {rnn}, LSTM {lstm}.", "zh": "在 T−t = {d} 处：RNN {rnn}，LSTM {lstm}。"},
    "q_concat": {"en": "Each direction of the Bi-LSTM has {h} units. How long is y_t = [h→_t ; h←_t]?",
                 "zh": "双向 LSTM 每个方向有 {h} 个单元。y_t = [h→_t ; h←_t] 有多长？"},
    "q_concat_explain": {"en": "{h} + {h} = {h2}: the two vectors one after the other.",
                         "zh": "{h} + {h} = {h2}：两个向量首尾相接。"},
    "q_which_gate": {"en": "Which gate decides what is dropped from the cell state?", "zh": "哪个门决定从细胞状态中丢掉什么？"},
    "q_which_gate_explain": {"en": "The forget gate f multiplies C_{t−1}: 0 drops, 1 keeps.",
                             "zh": "遗忘门 f 与 C_{t−1} 相乘：0 丢弃，1 保留。"},
    "top_units": {"en": "Units that matter first", "zh": "重要的单元排在前面"},
    "top_units_help": {"en": "Above each map, a strip of the 16 units that change most on this text (and those "
                             "a probe has named, such as the column counter), each labelled.",
                       "zh": "在每张图上方加一条：这段文字上变化最大的 16 个单元（以及探针找到含义的单元，"
                             "比如数列号的单元），每一行都标出单元编号。"},
    "top_units_title": {"en": "{kind} · the {n} units that matter for this text",
                        "zh": "{kind} · 这段文字上最重要的 {n} 个单元"},
    "probe_column": {"en": "column", "zh": "列号"},
    "probe_bracket_depth": {"en": "brackets", "zh": "括号深度"},
    "probe_inside_quotes": {"en": "in quotes", "zh": "引号内"},
    # --- the unit explorer (pages/units.py, explorer/shell/unit_page.py) ------------------------------------
    "nav_units": {"en": "Unit explorer: what does unit j do?", "zh": "单元探索：第 j 个单元在做什么？"},
    "units_title": {"en": "What does unit j do?", "zh": "第 j 个单元在做什么？"},
    "units_intro": {
        "en": "The model has 128 units. Most do something hard to name; a few track a property of the text you "
              "can see. Mark a span of characters: the units that switch on across it and off around it are "
              "listed. Then look for the same pattern in a corpus the model never trained on, and open a unit's "
              "card: where it is highest and lowest, what it follows, how its gates saturate.",
        "zh": "模型有 128 个单元。大多数单元做的事很难说清；少数几个在追踪文字里看得见的某种性质。"
              "在文字上标出一段字符：在这段里“亮起”、在它前后“熄灭”的单元会被列出来。"
              "然后到一份模型从没训练过的语料里寻找同样的模式，再打开某个单元的卡片："
              "它在哪里最高、哪里最低，它跟随什么，它的门有多饱和。"},
    "notice_units": {
        "en": "Press the button: the span is the end of the first line, the quantity the cell state C. The unit "
              "that counts the column comes first; its card shows its highest values at the ends of long lines.",
        "zh": "点一下按钮：选中的是第一行的末尾，量是细胞状态 C。排在第一的就是数列号的单元；"
              "它的卡片显示，它的最大值都出现在长行的末尾。"},
    "ux_kind": {"en": "Quantity", "zh": "要看的量"},
    "ux_threshold": {"en": "“On” means {kind} ≥", "zh": "“亮起”指 {kind} ≥"},
    "ux_threshold_help": {"en": "A unit is on at a character when its value there is at least this.",
                          "zh": "某个字符处单元的值不小于这个数，就算它在这里“亮起”。"},
    "ux_span": {"en": "The span: first and last character", "zh": "选中的一段：第一个和最后一个字符"},
    "ux_span_help": {"en": "Drag either end, or drag across the lines below. Each character is shown as its "
                           "position t and itself.",
                     "zh": "拖动两端，或在下面的曲线上横着拖一下。每个字符写作它的位置 t 和它本身。"},
    "ux_span_now": {"en": "Characters {start} to {last} ({n} characters), underlined below.",
                    "zh": "第 {start} 到第 {last} 个字符（共 {n} 个），下面用下划线标出。"},
    "ux_select_title": {"en": "1 · Select: which units are on across your span?", "zh": "1 · 选择：哪些单元在这一段里亮起？"},
    "ux_none": {"en": "No unit has {kind} ≥ {t} at every character of the span. Lower the threshold, shorten the "
                      "span or choose another quantity.",
                "zh": "没有哪个单元在这一段的每个字符上都满足 {kind} ≥ {t}。请降低阈值、缩短这一段，或换一个量。"},
    "ux_found": {"en": "Units whose {kind} is on across “{span}”: {n}, best first (on inside, off around).",
                 "zh": "{kind} 在“{span}”上全程亮起的单元：{n} 个，按“里面亮、外面灭”的程度排序。"},
    "ux_lines_caption": {"en": "Each line is one unit over your text; the shaded band is the span, the dashed line "
                               "the threshold. “Around” is the {m} characters on either side. Drag across the lines to mark "
                               "another span.",
                         "zh": "每条线是一个单元在文字上的变化；阴影是选中的一段，虚线是阈值。"
                               "“前后”指两侧各 {m} 个字符。在曲线上横着拖一下，就能选中另一段。"},
    "ux_open": {"en": "Open a unit's card", "zh": "打开单元卡片"},
    "ux_unit": {"en": "unit {j}", "zh": "单元 {j}"},
    "ux_score": {"en": "{j}: score {s} (on {i} inside, {o} around)", "zh": "{j}：得分 {s}（里面亮 {i}，前后亮 {o}）"},
    "ux_match_title": {"en": "2 · Match: where else do these units do this?", "zh": "2 · 匹配：这些单元还在哪里这样做？"},
    "ux_corpus": {"en": "The corpus: {n} characters the model never trained on (held-out English docstrings, wrapped "
                        "at 48 columns, and the Chinese sentences).",
                  "zh": "语料：模型从没训练过的 {n} 个字符（留出的英文文档字符串，每行 48 列，以及中文句子）。"},
    "ux_match_units": {"en": "Units to match (up to 10)", "zh": "要匹配的单元（最多 10 个）"},
    "ux_match_empty": {"en": "Choose at least one unit to match.", "zh": "请至少选择一个单元来匹配。"},
    "ux_match_none": {"en": "The corpus is shorter than the pattern: nothing to match.",
                      "zh": "语料比这个模式还短：无法匹配。"},
    "ux_pattern": {"en": "The pattern: what these units do on the span ({n} characters) and on {before} before and "
                         "{after} after it; each passage below is scored by how much of it they repeat.",
                   "zh": "模式：这些单元在选中的 {n} 个字符上，以及它前面 {before} 个、后面 {after} 个字符上的亮灭；"
                         "下面每段文字按它们重复了多少这个模式打分。"},
    "ux_place": {"en": "line {line}, column {col} · {s}", "zh": "第 {line} 行，第 {col} 列 · {s}"},
    "ux_match_caption": {"en": "Orange: how many of the chosen units are on at each character; underlined: the part "
                               "that matches your span.",
                         "zh": "橙色深浅：每个字符处有多少个所选单元亮起；下划线：与你选中的一段对应的部分。"},
    "ux_card_title": {"en": "3 · The unit's card", "zh": "3 · 单元卡片"},
    "ux_card_unit": {"en": "Unit", "zh": "单元"},
    "ux_top_high": {"en": "**Highest** in the corpus (the character outlined, what came before it on its left):",
                    "zh": "语料中的**最大值**（标出的字符，左边是它前面的文字）："},
    "ux_top_low": {"en": "**Lowest** in the corpus:", "zh": "语料中的**最小值**："},
    "ux_context": {"en": "{v} · line {line}, col {col}", "zh": "{v} · 第 {line} 行第 {col} 列"},
    "ux_value": {"en": "value of {kind}", "zh": "{kind} 的值"},
    "ux_count": {"en": "characters (log)", "zh": "字符数（对数）"},
    "ux_hist_caption": {"en": "How often each value occurs over the corpus's {n} characters.",
                        "zh": "在语料的 {n} 个字符上，每个值出现的次数。"},
    "ux_corr": {"en": "correlation with the unit (−1..1)", "zh": "与该单元的相关系数（−1..1）"},
    "ux_on_corpus": {"en": "on the corpus", "zh": "在语料上"},
    "ux_on_text": {"en": "on your text", "zh": "在你的文字上"},
    "ux_props_caption": {"en": "Pearson correlation of the unit with each property, character by character. Near ±1: "
                               "the unit follows it. – : the property does not change on your text.",
                         "zh": "单元与每种性质逐字符的皮尔逊相关系数。接近 ±1：单元在跟随这种性质。"
                               "–：这种性质在你的文字上没有变化。"},
    "ux_prop_column": {"en": "column (characters since ↵)", "zh": "列号（↵ 之后的字符数）"},
    "ux_prop_bracket_depth": {"en": "bracket depth: ( [ and braces", "zh": "括号深度：( [ 和花括号"},
    "ux_prop_inside_quotes": {"en": "inside \" quotes", "zh": "在 \" 引号内"},
    "ux_prop_word_position": {"en": "place in the word", "zh": "在词中的位置"},
    "ux_prop_after_space": {"en": "right after a space", "zh": "紧跟在空格之后"},
    "ux_prop_chinese": {"en": "a Chinese character", "zh": "汉字"},
    "ux_force_intro": {"en": "Force unit {j} on a lesson page (its What if? opens on this unit):",
                       "zh": "在课程页面上强行设定单元 {j}（该页的“如果……会怎样？”会对准这个单元打开）："},
    "ux_force": {"en": "{gate} of unit {j}", "zh": "单元 {j} 的 {gate}"},
    "ux_sat_title": {"en": "4 · Gate saturation: which units decide, which hesitate?",
                     "zh": "4 · 门的饱和：哪些单元果断，哪些犹豫？"},
    "ux_sat_caption": {"en": "As in Karpathy et al. (2015): one point per unit, over the corpus's {n} characters. "
                             "Right: often closed (< 0.1); top: often open (> 0.9); near the origin: seldom either. "
                             "No point can pass the dashed line. Click a point to open its card.",
                       "zh": "仿照 Karpathy 等人（2015）的图：每个点是一个单元，统计语料中的 {n} 个字符。"
                             "越靠右越常关闭（< 0.1）；越靠上越常打开（> 0.9）；靠近原点则两者都少。"
                             "没有点能越过虚线。点一个点就能打开它的卡片。"},
    "ux_sat_x": {"en": "fraction of steps < 0.1", "zh": "小于 0.1 的步数比例"},
    "ux_sat_y": {"en": "fraction of steps > 0.9", "zh": "大于 0.9 的步数比例"},
    "ux_variants": {"en": "The same for the variants' gates", "zh": "变体模型的门也这样看"},
    "ux_variants_help": {"en": "Peephole, coupled and GRU models (64 units each) over the first {n} characters of "
                               "the corpus. The coupled cell's i is 1 − f, so only f is drawn.",
                         "zh": "窥视孔、耦合门和 GRU 模型（各 64 个单元），统计语料的前 {n} 个字符。"
                               "耦合门单元的 i 等于 1 − f，所以只画 f。"},
    "ux_variants_wait": {"en": "Running the variants over the corpus…", "zh": "正在用变体模型读语料……"},
    "ux_building": {"en": "Reading the corpus once (a few seconds)…", "zh": "正在读一遍语料（几秒钟）……"},
    "ux_short": {"en": "Type at least two characters to mark a span.", "zh": "至少输入两个字符才能标出一段。"},
    "ux_gate_f": {"en": "f · forget gate", "zh": "f · 遗忘门"},
    "ux_gate_i": {"en": "i · input gate", "zh": "i · 输入门"},
    "ux_gate_o": {"en": "o · output gate", "zh": "o · 输出门"},
    "ux_gate_r": {"en": "r · reset gate", "zh": "r · 重置门"},
    "ux_gate_z": {"en": "z · update gate", "zh": "z · 更新门"},
    # --- your own model (explorer/own_model.py, explorer/shell/own_ui.py) -----------------------------------
    "own_err_format": {"en": "“{suffix}” files cannot be read: use one of {allowed}.",
                       "zh": "无法读取“{suffix}”文件：请使用 {allowed} 之一。"},
    "own_err_too_big": {"en": "The file is {mb} MB; the limit is {limit} MB.", "zh": "文件有 {mb} MB，上限是 {limit} MB。"},
    "own_err_unreadable": {"en": "The file could not be read (cut short or not what its name says): {detail}",
                           "zh": "无法读取这个文件（文件不完整，或者内容与扩展名不符）：{detail}"},
    "own_err_pickle": {"en": "Refused: the file holds Python objects besides tensors, and loading them could run "
                             "code. Save only the weights: torch.save(model.state_dict(), path). ({detail})",
                       "zh": "已拒绝：文件里除了张量还有 Python 对象，加载它们可能会运行代码。"
                             "请只保存权重：torch.save(model.state_dict(), path)。（{detail}）"},
    "own_err_not_state_dict": {"en": "The file holds a {type}, not a state_dict (names mapped to tensors). Save it "
                                     "with torch.save(model.state_dict(), path).",
                               "zh": "文件里是一个 {type}，不是 state_dict（名字到张量的映射）。"
                                     "请用 torch.save(model.state_dict(), path) 保存。"},
    "own_err_not_tensor": {"en": "“{name}” is a {type}, not a tensor of numbers.", "zh": "“{name}”是 {type}，不是数值张量。"},
    "own_err_vocab_bad": {"en": "The vocabulary file must be JSON: a list of distinct tokens (characters or words). {detail}",
                          "zh": "词表文件必须是 JSON：一个互不相同的词元（字符或词）列表。{detail}"},
    "own_err_vocab_big": {"en": "The vocabulary has {n} tokens; the limit is {limit}.", "zh": "词表有 {n} 个词元，上限是 {limit}。"},
    "own_err_projection": {"en": "“{name}”: LSTMs with a projection (proj_size) are not supported.",
                           "zh": "“{name}”：不支持带投影（proj_size）的 LSTM。"},
    "own_err_unknown_names": {"en": "The file holds tensors this app does not know: {names}. It reads an nn.LSTM named "
                                    "lstm, an nn.Embedding named embedding and an nn.Linear named decoder.",
                              "zh": "文件中有本应用不认识的张量：{names}。本应用读取名为 lstm 的 nn.LSTM、"
                                    "名为 embedding 的 nn.Embedding 和名为 decoder 的 nn.Linear。"},
    "own_err_no_lstm": {"en": "No LSTM weights found (lstm.weight_ih_l0, …).", "zh": "没有找到 LSTM 的权重（lstm.weight_ih_l0 等）。"},
    "own_err_too_many_layers": {"en": "The LSTM has {n} layers; the limit is {limit}.", "zh": "这个 LSTM 有 {n} 层，上限是 {limit} 层。"},
    "own_err_missing": {"en": "“{name}” is missing.", "zh": "缺少“{name}”。"},
    "own_err_shape": {"en": "“{name}” has shape {shape}; expected {expected}.", "zh": "“{name}”的形状是 {shape}，应为 {expected}。"},
    "own_err_too_wide": {"en": "The LSTM has {h} units a layer; the limit is {limit}.", "zh": "这个 LSTM 每层有 {h} 个单元，上限是 {limit}。"},
    "own_err_not_finite": {"en": "“{name}” holds NaN or infinity.", "zh": "“{name}”中含有 NaN 或无穷大。"},
    "own_err_vocab_needed": {"en": "This model needs its vocabulary file (a JSON list of its tokens) to read text.",
                             "zh": "这个模型需要它的词表文件（一个列出词元的 JSON 列表）才能读文字。"},
    "own_err_vocab_size": {"en": "The vocabulary has {n} tokens but “{name}” has {rows} rows: they must match.",
                           "zh": "词表有 {n} 个词元，但“{name}”有 {rows} 行：两者必须一致。"},
    "own_err_vocab_onehot": {"en": "With no embedding the inputs are one-hot: the vocabulary's {n} tokens must equal "
                                   "the LSTM's input size {x}.",
                             "zh": "没有 embedding 时输入是 one-hot 向量：词表的 {n} 个词元必须等于 LSTM 的输入维度 {x}。"},
    "own_err_empty": {"en": "The file is empty.", "zh": "文件是空的。"},
    "own_err_too_many_members": {"en": "The file is an archive of {n} parts; a model has far fewer (the limit is {limit}).",
                                 "zh": "这个文件是由 {n} 个部分组成的压缩包；一个模型远没有这么多（上限是 {limit}）。"},
    "own_err_too_many_params": {"en": "The model has {n} parameters; the limit is {limit} (64 MB of float32 in the "
                                      "server's memory, shared by the class).",
                                "zh": "这个模型有 {n} 个参数，上限是 {limit}（服务器内存中 64 MB 的 float32，全班共用）。"},
    "own_err_trace_big": {"en": "With this vocabulary and width, the numbers for {n} tokens would take {mb} MB; the "
                                "limit is {limit} MB. A smaller vocabulary or fewer units fit.",
                          "zh": "按这个词表大小和宽度，{n} 个词元的全部数值要占 {mb} MB，上限是 {limit} MB。"
                                "词表小一些或单元少一些就可以。"},
    "own_err_too_large": {"en": "“{name}” holds values as large as {v}: a trained LSTM's weights stay far below "
                                "{limit}, and such values would overflow the arithmetic.",
                          "zh": "“{name}”中有大到 {v} 的数值：训练过的 LSTM 权重远小于 {limit}，这样大的数值会让计算溢出。"},
    "own_err_forward_not_finite": {"en": "Refused: reading a few of its own tokens, the model gives NaN or infinity.",
                                   "zh": "已拒绝：模型读它自己的几个词元时，算出了 NaN 或无穷大。"},
    "own_err_vocab_file_big": {"en": "The vocabulary file is {mb} MB; the limit is {limit} MB.",
                               "zh": "词表文件有 {mb} MB，上限是 {limit} MB。"},
    "own_err_vocab_twice": {"en": "The vocabulary must list each token once: “{token}” appears twice.",
                            "zh": "词表中每个词元只能出现一次：“{token}”出现了两次。"},
    "own_lost": {"en": "Your model “{name}” is no longer on the server (the page was reloaded, or the server "
                       "restarted): load it again to see it.",
                 "zh": "你的模型“{name}”已不在服务器上（页面被重新加载，或服务器重启了）：请重新加载它。"},
    "own_set_aside": {"en": "Your model “{name}” was set aside to make room: the server keeps at most {mb} MB of "
                            "models for the whole class. Load it again to see it.",
                      "zh": "为了腾出空间，你的模型“{name}”已被移出：服务器为全班最多保留 {mb} MB 的模型。请重新加载。"},
    "own_title": {"en": "Your own model", "zh": "你自己的模型"},
    "own_help": {"en": "A state_dict of a module with an nn.LSTM named lstm (any layers, bidirectional or not), "
                       "optionally nn.Embedding embedding and nn.Linear decoder: .pt/.pth (torch.save(model.state_dict(), "
                       "path)), .safetensors or .npz, up to 50 MB; and its vocabulary as a JSON list of tokens. It stays "
                       "in this browser session only.",
                 "zh": "一个模块的 state_dict：其中名为 lstm 的 nn.LSTM（任意层数，单向或双向），可选名为 embedding 的 "
                       "nn.Embedding 和名为 decoder 的 nn.Linear；格式为 .pt/.pth（torch.save(model.state_dict(), path)）、"
                       ".safetensors 或 .npz，不超过 50 MB；再加上它的词表：一个列出词元的 JSON 列表。它只留在这个浏览器会话里。"},
    "own_weights": {"en": "Weights (.pt, .pth, .safetensors, .npz)", "zh": "权重（.pt、.pth、.safetensors、.npz）"},
    "own_vocab": {"en": "Vocabulary (.json)", "zh": "词表（.json）"},
    "own_load": {"en": "Load my model", "zh": "加载我的模型"},
    "own_loaded": {"en": "Showing your model “{name}”: {layers} layer(s) of {h} units{dirs}, {level}, {n} parameters.",
                   "zh": "正在显示你的模型“{name}”：{layers} 层，每层 {h} 个单元{dirs}，{level}，共 {n} 个参数。"},
    "own_level_char": {"en": "reads characters", "zh": "按字符读"},
    "own_level_word": {"en": "reads words (split on spaces)", "zh": "按词读（以空格切分）"},
    "own_bi": {"en": ", bidirectional", "zh": "，双向"},
    "own_no_decoder": {"en": "This model has no decoder: there are no next-token guesses to show.",
                       "zh": "这个模型没有 decoder：没有对下一个词元的猜测可以显示。"},
    "own_layer": {"en": "Layer shown", "zh": "显示哪一层"},
    "own_layer_n": {"en": "layer {k} (its x: {below})", "zh": "第 {k} 层（它的 x：{below}）"},
    "own_layer_x": {"en": "the input tokens", "zh": "输入的词元"},
    "own_layer_h": {"en": "h of layer {k}", "zh": "第 {k} 层的 h"},
    "own_direction": {"en": "Direction", "zh": "方向"},
    "own_forward": {"en": "forward →", "zh": "正向 →"},
    "own_backward": {"en": "backward ← (shown in the order it reads)", "zh": "反向 ←（按它阅读的顺序显示）"},
    "own_back": {"en": "Back to the shipped model", "zh": "回到自带的模型"},
    "own_no_questions": {"en": "The questions on this path are about the shipped model: go back to it to answer them.",
                         "zh": "这条路径上的问题针对的是自带的模型：回到自带模型后再作答。"},
    "own_elsewhere": {"en": "Your model “{name}” is shown on the pages about one LSTM (the belt, the gates, the whole "
                            "cell, the unit explorer); this page keeps its own models.",
                      "zh": "你的模型“{name}”显示在讲单个 LSTM 的页面上（传送带、各个门、完整单元、单元探索）；"
                            "这一页仍使用它自己的模型。"},
    "own_model_caption": {"en": "Model: yours, “{name}”, layer {k} of {layers}, {h} units, {x}-dimensional inputs.",
                          "zh": "模型：你的“{name}”，第 {k} 层（共 {layers} 层），{h} 个单元，输入向量 {x} 维。"},
    "ux_words": {"en": "Your model reads words; the corpus views (match, top contexts, saturation) read characters, so "
                       "they are shown for character models only. Selecting on your text works as usual.",
                 "zh": "你的模型按词阅读；语料上的视图（匹配、最大最小值、饱和度）是按字符计算的，只对字符级模型显示。"
                       "在你自己的文字上选择照常可用。"},
    "out_button": {"en": "Take it out", "zh": "导出"},
    "out_caption": {"en": "The trace the page shows, for slides and notebooks.", "zh": "本页显示的轨迹，可用于幻灯片和笔记本。"},
    "out_npz": {"en": "Every quantity (.npz)", "zh": "所有的量（.npz）"},
    "out_csv": {"en": "A CSV per quantity (.zip)", "zh": "每个量一个 CSV（.zip）"},
    "out_png": {"en": "Map: {kind} (.png)", "zh": "图：{kind}（.png）"},
    "out_snippet": {"en": "The same view in Python (the chosen t and j):", "zh": "用 Python 重现同一视图（所选的 t 和 j）："},
    # --- presenter mode ------------------------------------------------------------------------------
    "present_toggle": {"en": "Presenter mode (projector)", "zh": "演示模式（投影）"},
    "present_help": {"en": "Large text, the sidebar folded away, ← → keys step t. In the link as ?present=1.",
                     "zh": "大号字体，侧边栏收起，用 ← → 键移动 t。链接中写作 ?present=1。"},
}


def say(key: str, lang: str, **fmt) -> str:
    s = STRINGS[key].get(lang) or STRINGS[key][DEFAULT_LANG]
    return s.format(**fmt) if fmt else s
