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


_UNTRANSLATED = "_slbmc_untranslated_bindings"


def translate_bindings(node: DOMNode) -> None:
    """Give `node` its bindings with descriptions in the current language.

    The bindings the node had the first time (its class's, plus any Textual added, such
    as the app's ctrl+p for the palette) are kept aside as the msgids every later call
    translates from, so the language can change back and forth.
    """
    source: BindingsMap | None = getattr(node, _UNTRANSLATED, None)
    if source is None:
        source = node._bindings.copy()
        setattr(node, _UNTRANSLATED, source)
    bindings = BindingsMap()
    bindings.key_to_bindings = {key: [translated(binding) for binding in found]
                                for key, found in source.key_to_bindings.items()}
    node._bindings = bindings
    if node.is_attached:
        node.refresh_bindings()
