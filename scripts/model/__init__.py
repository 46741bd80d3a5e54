"""The model: typed, immutable records of the content and the values they are made of.

The bottom layer: it imports nothing else of the project. Every later stage speaks in these types.
"""
