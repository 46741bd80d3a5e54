"""Machine-readable output: iCalendar files, Atom feeds and the open-data JSON files."""
