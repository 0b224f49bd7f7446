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


class SubscriptionError(MarsadError):
    """A subscription that cannot be made as asked (bad frequency, time zone, filter…)."""

    code = "E600"
    exit_code = 2


class AddressError(SubscriptionError):
    """A malformed email address."""

    code = "E601"


class HeaderInjectionError(SubscriptionError):
    """A line break (or other control character) where a one-line header value goes."""

    code = "E602"


class UnknownFollowError(SubscriptionError):
    """A followed entity, place or hashtag that Marsad does not know."""

    code = "E603"


class TokenError(MarsadError):
    """A confirmation, unsubscribe or feed link that is forged, damaged or expired."""

    code = "E604"
    exit_code = 2


class DigestConfigError(MarsadError):
    """The digest configuration (file or environment) is missing something or wrong."""

    code = "E605"
    exit_code = 2


class DeliveryError(MarsadError):
    """The mail server refused a message or could not be reached (after retries)."""

    code = "E606"
    exit_code = 7


class DigestBusyError(MarsadError):
    """Another process is already sending digests from this database."""

    code = "E607"
    exit_code = 7


class ModelDataError(MarsadError):
    """A shipped model or data file is missing or corrupt (reinstall the package)."""

    code = "E301"
    exit_code = 1


class FeedError(InputError):
    """An RSS/Atom feed that cannot be parsed."""

    code = "E110"


class WarcError(InputError):
    """A WARC archive (or one of its records) that cannot be read."""

    code = "E111"


class FetchError(MarsadError):
    """A page could not be fetched."""

    code = "E400"
    exit_code = 5


class AddressRefusedError(FetchError):
    """The address is private, loopback or link-local and was not allowed."""

    code = "E401"


class RobotsDisallowedError(FetchError):
    code = "E402"


class HTTPStatusError(FetchError):
    code = "E403"


class FetchTimeoutError(FetchError):
    code = "E404"


class StoreError(MarsadError):
    """The database cannot be opened or used."""

    code = "E500"
    exit_code = 6


class SchemaTooNewError(StoreError):
    """The database was written by a newer Marsad."""

    code = "E501"


class QueryError(MarsadError):
    """A search query or filter that cannot be understood."""

    code = "E502"
    exit_code = 2
