"""HTML: the footnote shapes real tools write, blocks from block elements, entities and encodings.

LibreOffice's shape is covered end to end in test_formats.py (a .docx converted by
LibreOffice itself); the snippets below follow what Word's "Save as HTML", pandoc 3 and
Python-Markdown write, trimmed to what matters.
"""

from __future__ import annotations

import pytest

from rightstrack.documents.readers import read_bytes

WORD = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<style><!-- p.MsoNormal {margin:0cm;} --></style></head>
<body lang=EN-GB style='tab-interval:36.0pt'><div class=WordSection1>
<p class=HChG>I.<span style='mso-tab-count:1'>\t</span>Introduction</p>
<p class=SingleTxtG>1.<span style='mso-tab-count:1'>\t</span>The Committee considered the report of Kazakhstan
(CRC/C/KAZ/4)<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1" title=""><span
class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]>[1]<![endif]>
</span></span></a> at its 2030th meeting.</p>
<p class=SingleTxtG>(a)\tChildren’s rights<a style='mso-footnote-id:ftn2' href="#_ftn2" name="_ftnref2"
title=""><span class=MsoFootnoteReference>[*]</span></a>;</p>
</div><div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all><hr align=left size=1
width="33%"><![endif]>
<div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a style='mso-footnote-id:ftn1'
href="#_ftnref1" name="_ftn1" title=""><span class=MsoFootnoteReference>[1]</span></a> See CRC/C/SR.2030.</p></div>
<div style='mso-element:footnote' id=ftn2><p class=MsoFootnoteText><a style='mso-footnote-id:ftn2'
href="#_ftnref2" name="_ftn2" title=""><span class=MsoFootnoteReference>[*]</span></a> A custom mark.</p></div>
</div></body></html>"""

PANDOC = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>LOI</title>
<script>var x = "<p>not text</p>";</script></head><body>
<nav id="TOC"><ul><li><a href="#part-i">Part I</a></li></ul></nav>
<h2 id="part-i">Part I</h2>
<p>3. Please specify the outcome of complaints in 2020.<a href="#fn1" class="footnote-ref" id="fnref1"
role="doc-noteref"><sup>1</sup></a> Please indicate&nbsp;whether &amp; how.</p>
<ul><li>(a) First point;</li><li>(b) Second<br>point.</li></ul>
<table><tr><td>Cell one</td><td>Cell <em>two</em></td></tr></table>
<div>Loose text in a div<div>and a nested div</div></div>
<p style="display:none">Hidden</p>
<section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr />
<ol><li id="fn1"><p>CRC/C/KAZ/5-6, para. 48.<a href="#fnref1" class="footnote-back"
role="doc-backlink">↩︎</a></p></li></ol></section></body></html>"""

PYTHON_MARKDOWN = """<p>Text<sup id="fnref:note"><a class="footnote-ref" href="#fn:note">1</a></sup> here.</p>
<div class="footnote"><hr /><ol><li id="fn:note"><p>The note.&#160;<a class="footnote-backref" href="#fnref:note"
title="Jump back to footnote 1 in the text">&#8617;</a></p></li></ol></div>"""


def test_word_save_as_html():
    source = read_bytes(WORD.encode("cp1252"), "co.htm")
    assert [(b.text, b.marks, b.heading) for b in source.blocks] == [
        ("I. Introduction", [], True),
        ("1. The Committee considered the report of Kazakhstan (CRC/C/KAZ/4) at its 2030th meeting.",
         [(len("1. The Committee considered the report of Kazakhstan (CRC/C/KAZ/4)"), "1")], False),
        ("(a) Children’s rights;", [(len("(a) Children’s rights"), "*")], False),
    ]
    assert [(f.mark, f.text) for f in source.footnotes] == [("1", "See CRC/C/SR.2030."), ("*", "A custom mark.")]


def test_pandoc_html():
    source = read_bytes(PANDOC.encode(), "loi.html")
    assert [(b.text, b.marks, b.heading) for b in source.blocks] == [
        ("Part I", [], True),
        ("3. Please specify the outcome of complaints in 2020. Please indicate whether & how.",
         [(len("3. Please specify the outcome of complaints in 2020."), "1")], False),
        ("(a) First point;", [], False),
        ("(b) Second point.", [], False),
        ("Cell one", [], False),
        ("Cell two", [], False),
        ("Loose text in a div", [], False),
        ("and a nested div", [], False),
    ]
    assert [(f.mark, f.text) for f in source.footnotes] == [("1", "CRC/C/KAZ/5-6, para. 48.")]


def test_python_markdown_footnotes():
    source = read_bytes(PYTHON_MARKDOWN.encode(), "note.html")
    assert [(b.text, b.marks) for b in source.blocks] == [("Text here.", [(len("Text"), "1")])]
    assert [(f.mark, f.text) for f in source.footnotes] == [("1", "The note.")]


def test_block_lines_are_source_lines():
    source = read_bytes(PANDOC.encode(), "loi.html")
    assert [b.line for b in source.blocks[:3]] == [4, 5, 7]  # <h2>, <p>, <li>


@pytest.mark.parametrize("data", [b"<html><body></body></html>", b"<html><body><script>x()</script></body></html>"])
def test_no_text(data):
    from rightstrack.documents.errors import EmptyDocument

    with pytest.raises(EmptyDocument):
        read_bytes(data, "empty.html")
