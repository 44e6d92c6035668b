"""Word-level differences: put back together, the segments give both texts exactly."""

from hypothesis import given
from hypothesis import strategies as st

from app.lessons.diff import ADDED, REMOVED, SAME, Segment, new_text, old_text, word_diff

# Words from a small alphabet (so texts share words), any unicode, spaces and line breaks.
words = st.lists(
    st.one_of(
        st.sampled_from(["half", "halves", "quarter", "4", "the", "¾", "élève", "分数"]),
        st.sampled_from([" ", "  ", "\n", "\t", ", ", ". ", "—"]),
        st.text(max_size=6),
    ),
    max_size=30,
).map("".join)


@given(words, words)
def test_same_and_added_give_the_new_text_same_and_removed_the_old(old, new):
    segments = word_diff(old, new)
    assert new_text(segments) == new
    assert old_text(segments) == old


@given(st.text(), st.text())
def test_any_unicode_texts_come_back_whole(old, new):
    segments = word_diff(old, new)
    assert (old_text(segments), new_text(segments)) == (old, new)


@given(words, words)
def test_no_empty_segment_and_no_two_same_in_a_row(old, new):
    segments = word_diff(old, new)
    assert all(s.text for s in segments)
    kinds = [s.kind for s in segments]
    assert all(not (a == b == SAME) for a, b in zip(kinds, kinds[1:], strict=False))


@given(words)
def test_a_text_against_itself_is_all_same(text):
    assert all(s.kind == SAME for s in word_diff(text, text))


def test_a_changed_word_is_removed_then_added_and_the_rest_stays():
    assert word_diff("Cut each brownie in halves.", "Cut each brownie in quarters.") == [
        Segment(SAME, "Cut each brownie in "),
        Segment(REMOVED, "halves"),
        Segment(ADDED, "quarters"),
        Segment(SAME, "."),
    ]


def test_a_rewritten_run_of_words_reads_as_one_change_not_word_crumbs():
    segments = word_diff("Ask them to draw it first.", "Ask them which share is bigger first.")
    assert segments == [
        Segment(SAME, "Ask them "),
        Segment(REMOVED, "to draw it"),
        Segment(ADDED, "which share is bigger"),
        Segment(SAME, " first."),
    ]


def test_from_nothing_everything_is_added():
    assert word_diff("", "Paper brownies") == [Segment(ADDED, "Paper brownies")]
    assert word_diff("Paper brownies", "") == [Segment(REMOVED, "Paper brownies")]
    assert word_diff("", "") == []
