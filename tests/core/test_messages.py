"""Core messages: English text that keeps its template and values for translation."""

from __future__ import annotations

import pickle

import pytest

from cnnviz.core.errors import ImageError
from cnnviz.core.messages import Text, message_of, msg


def test_a_message_is_its_english_text_and_keeps_template_and_values():
    text = msg("{label} has {count:,} pixels.", label="photo.png", count=1234567)
    assert text == "photo.png has 1,234,567 pixels." and isinstance(text, str)
    assert text.template == "{label} has {count:,} pixels." and text.values == {"label": "photo.png", "count": 1234567}
    # Without values the template is the text, braces and all (no format() on it).
    assert msg("a {literal} brace") == "a {literal} brace"


def test_errors_carry_the_message_and_it_survives_pickling():
    error = ImageError(msg("{label} is empty.", label=msg("The pasted image")))
    assert str(error) == "The pasted image is empty."
    inner = message_of(error)
    assert isinstance(inner, Text) and isinstance(inner.values["label"], Text)
    # Sweep workers send errors between processes: the template must arrive too.
    back = pickle.loads(pickle.dumps(error))
    again = message_of(back)
    assert isinstance(again, Text) and again.template == "{label} is empty." and str(back) == str(error)
    assert again.values["label"].template == "The pasted image"
    # A value with braces in it is never re-formatted.
    odd = pickle.loads(pickle.dumps(msg("{path} missing", path="{x}.png")))
    assert odd == "{x}.png missing"


def test_a_plain_error_is_its_str():
    assert message_of(ValueError("plain")) == "plain"
    assert not isinstance(message_of(ImageError("a", "b")), Text)


@pytest.mark.parametrize("bad", ["{missing} field", "{0} positional"])
def test_a_template_needs_its_named_values(bad):
    with pytest.raises((KeyError, IndexError)):
        msg(bad, other=1)
