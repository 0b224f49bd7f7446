"""One exception hierarchy with stable codes and messages a user can act on.

The CLI prints ``error E101: …`` without a traceback and exits with the class's
``exit_code``; scripts can rely on both the code and the exit status (docs/errors.md).
"""

from __future__ import annotations


class MarsadError(Exception):
    code = "E000"
    exit_code = 1
    hint: str | None = None

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        if hint is not None:
            self.hint = hint

    def __str__(self) -> str:
        message = super().__str__()
        return f"{message} ({self.hint})" if self.hint else message


class InputError(MarsadError):
    """The input cannot be read as a report."""

    code = "E100"
    exit_code = 3


class EmptyInputError(InputError):
    code = "E101"


class BinaryInputError(InputError):
    code = "E102"


class InputTooLargeError(InputError):
    code = "E103"


class UnreadableInputError(InputError):
    """A path that does not exist or cannot be opened."""

    code = "E104"


class ExtractionError(MarsadError):
    """The input was read but holds no article text."""

    code = "E200"
    exit_code = 4


class ComponentContractError(MarsadError):
    """A pipeline component broke its declared reads/writes contract."""

    code = "E300"
    exit_code = 1


class ModelDataError(MarsadError):
    """A shipped model or data file is missing or corrupt (reinstall the package)."""

    code = "E301"
    exit_code = 1
