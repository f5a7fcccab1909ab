"""Which key ticks which option from the answer box: a number, or a letter of its label.

The built-in banks' options share first letters ("Economic", "Emotional", "Ethical",
"Environmental"), so a first letter alone would leave most options unreachable. Each option
gets its first letter unless an earlier option already has it, then the first letter of its
label nobody else has (menu accelerators work the same way); the letter is shown underlined
while ticking is armed, so nobody has to guess. Digits 1–9 always work too.
"""

from __future__ import annotations

from collections.abc import Sequence

MAX_NUMBERED = 9
"""Options numbered 1–9: one key each (a tenth option is reached by its letter or the list)."""


def _letters_of(label: str) -> list[str]:
    return [char for char in label.casefold() if char.isalpha() and len(char) == 1]


def option_letters(labels: Sequence[str]) -> list[str]:
    """One distinct lower-case letter per option ("" when its label has none left).

    First pass: each option takes its own first letter if still free (the earlier option
    wins a shared one). Second pass: the others take their label's first free letter.
    """
    letters = [""] * len(labels)
    taken: set[str] = set()
    for index, label in enumerate(labels):
        own = _letters_of(label)
        if own and own[0] not in taken:
            letters[index] = own[0]
            taken.add(own[0])
    for index, label in enumerate(labels):
        if letters[index]:
            continue
        free = next((char for char in _letters_of(label) if char not in taken), "")
        letters[index] = free
        if free:
            taken.add(free)
    return letters


def letter_position(label: str, letter: str) -> int | None:
    """Where `letter` first appears in `label` (to underline it), ignoring case."""
    if not letter:
        return None
    for position, char in enumerate(label):
        if char.casefold() == letter:
            return position
    return None


def option_for_key(character: str | None, letters: Sequence[str]) -> int | None:
    """The option a typed character picks: its number (1–9) or its letter; else None."""
    if not character or len(character) != 1:
        return None
    if character in "123456789":
        index = int(character) - 1
        return index if index < min(len(letters), MAX_NUMBERED) else None
    wanted = character.casefold()
    return next((index for index, letter in enumerate(letters) if letter and letter == wanted),
                None)
