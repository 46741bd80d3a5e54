"""The movement site generator: content/ → validated model → Markdown pages and feeds.

This package never imports MkDocs; a thin hook (hooks/mkdocs_generate.py) calls it.
"""
