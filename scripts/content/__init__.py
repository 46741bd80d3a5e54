"""Reading and validating content/: every file read, checked and turned into model records.

All problems of all files are collected in one run and reported in Dutch (file, line, field).
Imports only the model.
"""
