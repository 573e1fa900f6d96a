"""The Bi-LSTM is two of the lesson's LSTMs, and equals torch.nn.LSTM(bidirectional=True)."""
import numpy as np
import torch

from explorer.bilstm import HIDE, bi_trace, load_bimodel


def test_bi_trace_equals_torch_bidirectional():
    m = load_bimodel()
    t = bi_trace(m, "我爱中国, and the list of items.")
    with torch.no_grad():
        out, (h_n, _) = m.as_torch_lstm()(torch.from_numpy(t.inputs)[None])
    np.testing.assert_allclose(t.output, out[0].numpy(), atol=1e-5)
    H = m.hidden_size
    np.testing.assert_allclose(t.output[:, :H], t.forward.hidden)                   # y_t = [h→_t ; h←_t]
    np.testing.assert_allclose(t.output[:, H:], t.backward.hidden)
    np.testing.assert_allclose(t.backward.hidden[0], h_n[1, 0].numpy(), atol=1e-5)  # h← ends at the first character
    np.testing.assert_allclose(t.forward.hidden[-1], h_n[0, 0].numpy(), atol=1e-5)


def test_backward_pass_reads_right_to_left():
    m = load_bimodel()
    a, b = bi_trace(m, "abcdef"), bi_trace(m, "xbcdef")
    # changing the first character changes every h→ but no h← except at t = 0
    assert not np.allclose(a.forward.hidden[-1], b.forward.hidden[-1])
    np.testing.assert_allclose(a.backward.hidden[1:], b.backward.hidden[1:], atol=1e-7)


def test_the_bilstm_fills_the_lessons_gap():
    m = load_bimodel()
    t = bi_trace(m, "我爱" + HIDE + "国")
    assert t.hidden_mask.tolist() == [False, False, True, False]
    assert m.vocab.chars[int(t.char_probs[2].argmax())] == "中"


def test_the_gap_is_shown_as_a_gap_not_as_an_unknown_character():
    from explorer.bilstm import GAP_MARK
    from explorer.draw.figures import plot_label
    from explorer.vocab import UNKNOWN_MARK

    t = bi_trace(load_bimodel(), "我爱" + HIDE + "国\U0001f600")
    assert t.chars == ("我", "爱", GAP_MARK, "国", UNKNOWN_MARK)   # the emoji is unknown; the ? is a gap
    assert GAP_MARK == "▢" and plot_label(t.chars[2]) == "▢"
