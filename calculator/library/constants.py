"""The library's fixed vocabularies, importable without the database libraries (the command line's parser needs them)."""

STATUSES = ("udkast", "vedtaget", "afsluttet")  # words: "library.status.<code>"
PERIOD_KINDS = ("month", "quarter")
