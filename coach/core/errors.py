"""The one error type for anything the user gave us that we cannot accept."""

from __future__ import annotations


class InputError(Exception):
    """Bad input, said in one line: where it is (file, line, field) and what to do."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.field = field

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = self.file
            if self.line:
                where += f":{self.line}"
            where += ": "
        if self.field:
            where += f"{self.field}: "
        return f"{where}{self.message}"
