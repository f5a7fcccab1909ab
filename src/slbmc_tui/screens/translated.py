"""Key descriptions in the interface's language, for the Footer, F1 and the palette.

Textual reads a class's BINDINGS once, when the class is made, so their descriptions are
English msgids (marked with `N_`). `translate_bindings` gives one node its own copy of those
bindings with the descriptions translated into the current language; the app calls it for a
screen when it is shown and again when the language changes.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from slbmc_tui.i18n import _


def translated(binding: Binding) -> Binding:
    """`binding` with its description, tooltip and footer group in the current language."""
    group = binding.group
    if group is not None:
        group = replace(group, description=_(group.description))
    return replace(binding, description=_(binding.description), tooltip=_(binding.tooltip),
                   group=group)


def translate_bindings(node: DOMNode) -> None:
    """Give `node` its class bindings with descriptions in the current language."""
    merged = type(node)._merged_bindings
    if merged is None:
        return
    node._bindings = BindingsMap(translated(binding) for _key, binding in merged)
    node.refresh_bindings()
