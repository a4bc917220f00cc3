"""Counting words and estimating how long they take to say; user text made safe to show."""

from __future__ import annotations

import datetime as dt
import re

WORDS_PER_MINUTE = 140
"""Speaking pace used for estimates: the middle of the usual 130-150 words a minute."""

_WORD = re.compile(r"\w+(?:['’.,-]\w+)*")
_SAID_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.(\d+))?")
_SAID_SUFFIX = re.compile(r"(?:[kKMB]|bn|x|ms|s|h|GB|MB|TB)(?![A-Za-z])|\s?%")
_CURRENCY = "$€£¥"


def word_count(text: str) -> int:
    """The words as written: '$1.8M' and '2.4%' are one word each (what the form shows)."""
    return len(_WORD.findall(text))


def _whole_number_words(digits: str) -> int:
    """How many words it takes to say a whole number: 12 one, 140 three ('one hundred
    forty'), 4,100 four, 2023 two ('twenty twenty-three'; a hyphenated tens word is one)."""
    number = int(digits.replace(",", ""))
    if "," not in digits and len(digits) == 4 and 1100 <= number <= 2099:
        return 3 if 2001 <= number <= 2009 else 2
    if number == 0:
        return 1
    words = 0
    scale = 0
    while number:
        number, group = divmod(number, 1000)
        hundreds, rest = divmod(group, 100)
        if group:
            words += (2 if hundreds else 0) + (1 if rest else 0) + (1 if scale else 0)
        scale += 1
    return words


def spoken_word_count(text: str) -> int:
    """The words it takes to say `text`: '0.468' is five ('zero point four six eight'),
    '$1.8M' five ('one point eight million dollars'), '12%' two ('twelve percent').
    Digits inside a name (p99, GPT-4) are left as written."""
    words = word_count(text)
    for match in _SAID_NUMBER.finditer(text):
        start = match.start()
        before = text[start - 1] if start else ""
        if before == "." and not text[start - 2 : start - 1].isalnum():
            words += len(match.group(0))  # ".71": "point seven one"
            continue
        if before.isalnum() or before in ("_", "@", "#", "/", ".", "-"):
            continue
        decimals = match.group(1)
        said = _whole_number_words(match.group(0).split(".")[0])
        said += 1 + len(decimals) if decimals else 0  # "point" and each digit
        said += 1 if before and before in _CURRENCY else 0  # "dollars"
        said += 1 if _SAID_SUFFIX.match(text, match.end()) else 0  # "million", "percent"
        words += said - 1  # the number was one written word
    return words


def speaking_seconds(text_or_words: str | int) -> int:
    """Estimated seconds to say a text out loud, figures said in full (see
    `spoken_word_count`), or to say a number of spoken words."""
    if isinstance(text_or_words, str):
        words = spoken_word_count(text_or_words)
    else:
        words = text_or_words
    return round(words * 60 / WORDS_PER_MINUTE)


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 story', '2,000 stories': the count and the word, plural when it is not one."""
    return f"{count:,} {word if count == 1 else many or word + 's'}"


def format_seconds(seconds: float) -> str:
    seconds = int(round(seconds))
    sign = "-" if seconds < 0 else ""
    minutes, secs = divmod(abs(seconds), 60)
    return f"{sign}{minutes}:{secs:02d}"


def short_when(stamp: str, now: dt.datetime | None = None) -> str:
    """A timestamp as a short local time: '14:05' today, 'Nov 24' this year, else the date."""
    moment = dt.datetime.fromisoformat(stamp).astimezone()
    now = (now or dt.datetime.now(dt.UTC)).astimezone()
    if moment.date() == now.date():
        return moment.strftime("%H:%M")
    if moment.year == now.year:
        return moment.strftime("%b %d")
    return moment.strftime("%Y-%m-%d")


_PICTURES = (
    {chr(c): chr(0x2400 + c) for c in range(0x20) if chr(c) not in "\t\n"}
    | {"\x7f": "\u2421"}
    # C1 has no Control Pictures: U+FFFD is the usual mark for a character that cannot
    # be shown, and it is one cell wide in every terminal.
    | {chr(c): "\ufffd" for c in range(0x80, 0xA0)}
)
"""Each control character but tab and newline, and the character shown for it."""
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_C0_BYTES = bytes(ord(c) for c in _PICTURES if c < "\x80")
_C1_UTF8 = re.compile(b"\xc2[\x80-\x9f]")
_RAW_IN_JSON = re.compile("[\x7f-\x9f]")


def has_controls(text: str) -> bool:
    """Does `text` hold a control character other than tab and newline? Checked on its
    UTF-8 bytes, where C0 and DEL are single bytes and C1 follows a 0xC2 byte: a
    3,000-word field takes microseconds (a regular expression over the text, 100 or more)."""
    raw = text.encode("utf-8", "surrogatepass")
    if len(raw.translate(None, _C0_BYTES)) != len(raw):
        return True
    return b"\xc2" in raw and _C1_UTF8.search(raw) is not None


def visible(text: str) -> str:
    """`text` safe to show on a terminal or a sheet: every control character but tab and
    newline (escape sequences, bell, a carriage return that would overwrite the line)
    shown as a symbol (ESC as '␛', DEL as '␡', a C1 character as '�'), so that nothing
    the user wrote can move the cursor, set the window title or write the clipboard.
    A Windows line end (CR LF) is a plain newline. `text` itself when nothing needs it."""
    if not has_controls(text):
        return text
    return _CONTROL.sub(lambda m: _PICTURES[m.group()], text.replace("\r\n", "\n"))


def json_visible(text: str) -> str:
    """JSON text with DEL and the C1 characters, which `json.dumps(ensure_ascii=False)`
    leaves raw, written as \\u escapes: the same JSON, safe to print (below 0x20 json
    escapes already)."""
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
