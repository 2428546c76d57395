"""Page metadata: sources, review dates and link previews for every guidance page.

(Filled in by the guidance-content work: see issue 4.)
"""
