"""One build: load content, derive the index, run every page and feed builder, write docs/.

The only stage that knows about every other one; the command line and the engine hook call it.
"""
