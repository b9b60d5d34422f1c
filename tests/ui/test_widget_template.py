"""put_widget's templates: the Mustache tags PyWebIO templates use, rendered in Python."""

from __future__ import annotations

import pytest

from desklaunch.ui.widget_template import TemplateError, render


def test_variables_are_escaped_unless_the_template_says_otherwise() -> None:
    text, slots = render("<b>{{name}}</b> {{{raw}}} {{& raw}} {{missing}}!",
                         {"name": "<Ada & co>", "raw": "<i>x</i>"})
    assert text == "<b>&lt;Ada &amp; co&gt;</b> <i>x</i> <i>x</i> !"
    assert slots == []


def test_sections_lists_dicts_inverted_dotted_and_comments() -> None:
    template = ("{{! a comment }}<ul>{{#items}}<li>{{name}} {{price.eur}}</li>{{/items}}</ul>"
                "{{#open}}open{{/open}}{{^open}}shut{{/open}}{{#empty}}never{{/empty}}"
                "{{^empty}}none{{/empty}}{{#flag}}{{flag}}{{/flag}}")
    data = {"items": [{"name": "tea", "price": {"eur": 2.0}}, {"name": "cake",
                                                               "price": {"eur": 3.5}}],
            "open": False, "empty": [], "flag": True}
    text, _ = render(template, data)
    assert text == "<ul><li>tea 2</li><li>cake 3.5</li></ul>shutnonetrue"


def test_the_current_item_and_outer_names_inside_a_section() -> None:
    text, _ = render("{{#rows}}[{{.}}/{{sep}}]{{/rows}}", {"rows": ["a", "b"], "sep": "|"})
    assert text == "[a/|][b/|]"


def test_broken_templates_are_refused_with_one_line() -> None:
    with pytest.raises(TemplateError, match=r"leaves \{\{#a\}\} open"):
        render("{{#a}}x", {})
    with pytest.raises(TemplateError, match=r"closes \{\{/b\}\} that is not open"):
        render("{{#a}}x{{/b}}", {})
    with pytest.raises(TemplateError, match="delimiters"):
        render("{{=<% %>=}}", {})
