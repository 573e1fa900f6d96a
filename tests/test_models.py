"""Loading weights: the shipped files, and files that are not a model."""

import numpy as np
import pytest

from explorer.models import ModelFileError, load_model, model_from_arrays


def arrays_of(model):
    return dict(embedding=model.embedding, weight_ih=model.lstm.weight_ih, weight_hh=model.lstm.weight_hh,
                bias_ih=model.lstm.bias_ih, bias_hh=model.lstm.bias_hh,
                decoder_weight=model.decoder_weight, decoder_bias=model.decoder_bias)


def test_save_and_load_round_trip(model, tmp_path):
    model.save(tmp_path / "m.npz", tmp_path / "m.vocab.json")
    again = load_model(tmp_path / "m.npz")
    assert again.vocab == model.vocab
    np.testing.assert_array_equal(again.lstm.weight_hh, model.lstm.weight_hh)


@pytest.mark.parametrize("change, message", [
    (lambda a: a.pop("weight_hh"), "missing"),
    (lambda a: a.update(weight_hh=a["weight_hh"][:, :-1]), "shape"),
    (lambda a: a.update(decoder_bias=np.full_like(a["decoder_bias"], np.nan)), "NaN"),
])
def test_a_broken_model_is_refused_with_a_reason(model, change, message):
    a = arrays_of(model)
    change(a)
    with pytest.raises(ModelFileError, match=message):
        model_from_arrays(a, model.vocab)


def test_a_pickle_is_never_loaded(tmp_path):
    path = tmp_path / "evil.npz"
    np.savez(path, embedding=np.array([object()], dtype=object))
    (tmp_path / "evil.vocab.json").write_text('{"chars": ["a"]}')
    with pytest.raises(ValueError):
        load_model(path)
