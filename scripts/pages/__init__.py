"""The pages visitors read: one module per section turns the index into generated Markdown."""
