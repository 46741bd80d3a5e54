"""Commands for people around the site: the benchmark and the new-file scaffolds."""
