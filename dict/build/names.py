"""names.py — folding and ids, shared by the dictionary generators
(generate.py, lists.py): what entgraph's own folding does, in Python."""
import re
import unicodedata


def fold(s):
    s = unicodedata.normalize("NFKD", s).casefold()
    return "".join(c for c in s if not unicodedata.combining(c))


# Letters that fold to no ASCII letter (NFKD leaves them whole).
ASCII = str.maketrans({"ł": "l", "ı": "i", "ð": "d", "đ": "d", "ø": "o", "æ": "ae",
                       "œ": "oe", "þ": "th", "ħ": "h", "ŧ": "t", "ŋ": "ng", "ə": "e"})


def slug(s):
    """ASCII id: 'Wrocław' -> 'wroclaw', 'Washington, D.C.' -> 'washington-d-c'."""
    return re.sub(r"[^0-9a-z]+", "-", fold(s).translate(ASCII)).strip("-")
