"""Page builders: each module turns part of the index into generated Markdown pages."""
