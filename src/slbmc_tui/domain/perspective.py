"""The two points of view every block is asked from.

A module of its own, free of pydantic, so the file renderer (and the saving path) loads fast.
"""

from __future__ import annotations

from typing import Literal

Perspective = Literal["ours", "customer"]
PERSPECTIVES: tuple[Perspective, ...] = ("ours", "customer")
