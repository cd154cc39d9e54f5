"""The one exception type that reaches users: bad input they can fix.

Every `InputError` carries a single-line message that says what is wrong and
what to do; the CLI prints it to stderr and exits with status 2.
"""
from __future__ import annotations


class InputError(Exception):
    """Unusable input (missing, empty, binary, HTML, undecodable, bad parameter)."""

    exit_code = 2

    def __init__(self, message: str):
        super().__init__(" ".join(message.split()))
