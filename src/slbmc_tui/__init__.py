"""slbmc: guided Service Logic Business Model Canvas interviews in the terminal."""

__version__ = "0.1.0"
