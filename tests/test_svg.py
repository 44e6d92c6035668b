"""app/svg.py: the toolkit the server-drawn charts are built with."""

import xml.etree.ElementTree as ET

import pytest

from app import svg

SVG = "{http://www.w3.org/2000/svg}"
NASTY = '<script>alert("x")</script> & "quotes" \'apos\' </svg>'


def _parse(markup):
    root = ET.fromstring(str(markup))
    assert root.tag == f"{SVG}svg"
    return root


def test_document_is_an_image_named_by_its_title_and_description():
    root = _parse(svg.document("c1", 120, "Who led", "Two sessions.", [svg.text(1, 2, "hi")]))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "c1-title c1-desc"
    assert root.find(f"{SVG}title").get("id") == "c1-title"
    assert root.find(f"{SVG}title").text == "Who led"
    assert root.find(f"{SVG}desc").get("id") == "c1-desc"
    assert root.find(f"{SVG}desc").text == "Two sessions."
    assert root.get("viewBox") == f"0 0 {svg.WIDTH} 120"
    assert [el.text for el in root.iter(f"{SVG}text")] == ["hi"]


def test_text_from_people_is_escaped_everywhere():
    markup = svg.document(
        "c2",
        90,
        NASTY,
        NASTY,
        [
            svg.text(0, 0, NASTY, class_=NASTY),
            svg.el("g", svg.tip(NASTY) + svg.rect(0, 0, 1, 1)),
        ],
    )
    assert "<script>" not in str(markup)
    root = _parse(markup)  # still well-formed
    assert root.find(f"{SVG}title").text == NASTY
    assert root.find(f"{SVG}desc").text == NASTY
    assert next(root.iter(f"{SVG}text")).text == NASTY
    assert next(root.iter(f"{SVG}text")).get("class") == NASTY
    assert root.find(f"{SVG}g/{SVG}title").text == NASTY


def test_chart_id_is_escaped_too():
    root = _parse(svg.document('a"b', 10, "t", "d", []))
    assert root.get("id") == 'a"b'


def test_attribute_names_take_hyphens_and_numbers_one_decimal():
    assert svg.el("line", stroke_width=1.25, class_="x", fill=None) == (
        '<line stroke-width="1.2" class="x"/>'
    )
    assert svg.num(3.0) == "3" and svg.num(2.56) == "2.6"
    assert svg.polyline([(0, 1.0), (2.5, 3)], stroke="red") == (
        '<polyline points="0,1 2.5,3" fill="none" stroke-linejoin="round" stroke="red"/>'
    )


def test_empty_chart_says_why_and_keeps_title_and_description():
    root = _parse(svg.empty("c3", "Release", "Nothing to draw yet."))
    assert root.find(f"{SVG}title").text == "Release"
    assert root.find(f"{SVG}desc").text == "Nothing to draw yet."
    assert "Nothing to draw yet." in "".join(root.itertext())


def test_category_axis_thins_labels_and_writes_each_year_once():
    labels = [(f"Sep {d}", "2024") for d in range(1, 21)]
    xs, slot = svg.centers(20, 0, 400)
    root = _parse(svg.document("c4", 50, "t", "d", svg.category_axis(labels, xs, slot, 30)))
    texts = [el.text for el in root.iter(f"{SVG}text")]
    assert texts.count("2024") == 1
    dates = [t for t in texts if t.startswith("Sep")]
    assert dates[0] == "Sep 1" and dates[-1] == "Sep 20" and len(dates) < 20


def test_swatch_legend_and_value_grid():
    parts = svg.swatch_legend(0, 10, [("Leader", "#000"), ("Mentor", "url(#p)")])
    parts += svg.value_grid([(0, "0%"), (100, "100%")], lambda v: 100 - v, 40, 200)
    root = _parse(svg.document("c5", 110, "t", "d", parts))
    assert [el.text for el in root.iter(f"{SVG}text")] == ["Leader", "Mentor", "0%", "100%"]
    assert len(list(root.iter(f"{SVG}line"))) == 2


@pytest.mark.parametrize(("n", "expected"), [(0, []), (1, [0]), (4, [0, 1, 2, 3])])
def test_shown_labels_small_counts(n, expected):
    assert svg.shown_labels(n, 100, 48) == expected
