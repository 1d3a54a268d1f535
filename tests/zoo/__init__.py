"""The layout zoo: generators that print a report's facts the way real files do.

One module per layout, each a pure function ``render_<layout>(facts, rnd) -> str``
of the facts (``Report.facts()``) and a :class:`random.Random` that hypothesis
seeds, so a failing example replays from its seed:

- :mod:`tests.zoo.docx_cells`: Word's text export, one cell per line (harbin,
  shanghai);
- :mod:`tests.zoo.tab_rows`: TAB-separated rows from a PDF (taizhou);
- :mod:`tests.zoo.pipe_rows`: unframed pipe rows (oroqen);
- :mod:`tests.zoo.markdown`: pdf2docx + markitdown, ragged merged rows;
- :mod:`tests.zoo.pdftotext`: ``pdftotext -layout`` with wrapped labels and page
  breaks (huaian);
- :mod:`tests.zoo.glued`: a scraped page on one line, digits run together (pingtan);
- :mod:`tests.zoo.word_html`: Word's HTML export with rowspan/colspan.

:mod:`tests.zoo.skeleton` holds what they share: the statutory title, headings,
prose and signature, and the three tables as merged grids. The properties are
in ``tests/test_layout_zoo.py``.
"""
