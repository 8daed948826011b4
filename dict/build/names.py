"""names.py — folding and ids, shared by the dictionary generators
(generate.py, lists.py, orgs.py): what entgraph's own folding does, in
Python; and the reading of dict/'s own files."""
import os
import re
import unicodedata

DICT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def fold(s):
    s = unicodedata.normalize("NFKD", s).casefold()
    return "".join(c for c in s if not unicodedata.combining(c))


# Letters that fold to no ASCII letter (NFKD leaves them whole).
ASCII = str.maketrans({"ł": "l", "ı": "i", "ð": "d", "đ": "d", "ø": "o", "æ": "ae",
                       "œ": "oe", "þ": "th", "ħ": "h", "ŧ": "t", "ŋ": "ng", "ə": "e"})


def slug(s):
    """ASCII id: 'Wrocław' -> 'wroclaw', 'Washington, D.C.' -> 'washington-d-c'."""
    return re.sub(r"[^0-9a-z]+", "-", fold(s).translate(ASCII)).strip("-")


def dict_rows(name):
    """The rows of a dictionary file of dict/, as dicts by column name."""
    head = None
    for l in open(os.path.join(DICT, name), encoding="utf-8"):
        if l.startswith("#") or not l.strip():
            continue
        f = l.rstrip("\n").split("\t")
        if head is None:
            head = f
            continue
        yield dict(zip(head, f))
