"""What every page and feed builder shares: the settings, the context, the Jinja2 environment
and its templates, Dutch dates, and the in-memory output of one build.
"""
