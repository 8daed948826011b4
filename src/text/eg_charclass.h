/* eg_charclass.h — what a character is to the tokenizer: white space, a
 * line break, part of a word, or punctuation; which punctuation joins a
 * word (apostrophes, '.' and ',' between digits) and which may end a
 * sentence; and the possessive and capitalisation rules of a word.
 *
 * Internal to src/text/: the tokenizer (eg_segment.c) reads these
 * definitions, and any second tokenizer must too, so that both cut text
 * identically (the bitmap scanner of branch `tokscan` did). The small functions are
 * static inline because they sit on the tokenizer's per-character path.
 * Everything here is pure (no state; the ASCII table is constant), so
 * thread-safe.
 */
#ifndef EG_CHARCLASS_H
#define EG_CHARCLASS_H

#include "eg_fold.h"
#include "eg_segment.h"
#include "eg_utf8.h"

#include <stddef.h>
#include <stdint.h>
#include <utf8proc.h>

enum eg_cls { EG_CLS_SPACE, EG_CLS_NEWLINE, EG_CLS_WORD, EG_CLS_PUNCT };

/* ASCII character classes, so the common case never decodes UTF-8 or
 * asks utf8proc. Bytes >= 0x80 have class 0 (not ASCII: the slow path). */
enum {
    EG_K_WORD = 1,     /* letter or digit */
    EG_K_UPPER = 2,    /* A-Z */
    EG_K_LOWER = 4,    /* a-z */
    EG_K_DIGIT = 8,    /* 0-9 */
    EG_K_SPACE = 16,   /* control characters, ' ', DEL, and '\n' */
    EG_K_NEWLINE = 32, /* '\n' */
};
extern const uint8_t eg_ascii_class[256];

/* The class of code point cp; *upper / *lower: an upper or title case
 * letter / a lower case letter. Line breaks: '\n', U+0085, U+2028,
 * U+2029 (which counts as two: a paragraph break, see eg_newline_weight).
 * Format characters (BOM, zero-width space, soft hyphen) are white space;
 * letters, marks and digits (eg_category_is_word) are word characters. */
static inline enum eg_cls eg_classify(uint32_t cp, int *upper, int *lower)
{
    *upper = *lower = 0;
    if (cp < 0x80) {
        uint8_t k = eg_ascii_class[cp];
        if (k & EG_K_NEWLINE)
            return EG_CLS_NEWLINE;
        if (k & EG_K_SPACE)
            return EG_CLS_SPACE;
        *upper = (k & EG_K_UPPER) != 0;
        *lower = (k & EG_K_LOWER) != 0;
        return (k & EG_K_WORD) ? EG_CLS_WORD : EG_CLS_PUNCT;
    }
    if (cp == 0x2029 || cp == 0x2028 || cp == 0x85)
        return EG_CLS_NEWLINE;
    int category = utf8proc_category((utf8proc_int32_t)cp);
    if (eg_category_is_word(category)) {
        *upper = category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LT;
        *lower = category == UTF8PROC_CATEGORY_LL;
        return EG_CLS_WORD;
    }
    switch (category) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF: /* BOM, zero-width space, soft hyphen */
        return EG_CLS_SPACE;
    default:
        return EG_CLS_PUNCT;
    }
}

/* How many line breaks a line-break character counts for: U+2029
 * (paragraph separator) is a blank line on its own. */
static inline int eg_newline_weight(uint32_t cp)
{
    return cp == 0x2029 ? 2 : 1;
}

/* Joins a word when a letter follows: O'Brien, Russia’s (U+2019), the
 * U+2018 some writers use, U+02BC. */
static inline int eg_is_apostrophe(uint32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC;
}

/* '.' and ',' join a word between two of these: 2.9, 1,100. */
static inline int eg_is_ascii_digit(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}

/* May end a sentence: . ! ? … ‼ ⁇ 。 */
static inline int eg_is_terminal(uint32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x203C ||
           cp == 0x2047 || cp == 0x3002;
}

/* The code point at text[i] (i < len), its length in *n. Text is valid
 * UTF-8; should it not be, an invalid sequence reads as U+FFFD. */
static inline uint32_t eg_decode_at(const char *text, size_t len, size_t i, size_t *n)
{
    const unsigned char *s = (const unsigned char *)text;
    if (s[i] < 0x80) {
        *n = 1;
        return s[i];
    }
    uint32_t cp;
    size_t bad;
    *n = eg_utf8_decode(s + i, len - i, &cp, &bad);
    if (!*n)
        *n = bad;
    return cp;
}

/* Does the character at i start a word that is not an ASCII digit (what
 * an apostrophe needs after it to join: O'Brien, Russia's, not '90s)?
 * 0 when i >= len. */
static inline int eg_letter_at(const char *text, size_t len, size_t i)
{
    if (i >= len)
        return 0;
    unsigned char b = (unsigned char)text[i];
    if (b < 0x80)
        return (eg_ascii_class[b] & (EG_K_WORD | EG_K_DIGIT)) == EG_K_WORD;
    size_t n;
    int up, low;
    uint32_t cp = eg_decode_at(text, len, i, &n);
    return eg_classify(cp, &up, &low) == EG_CLS_WORD;
}

/* The base of a possessive word text[start..end): where its final 's
 * (apostrophe, U+2019 or U+02BC, then s or S) begins; end if it has
 * none (or is too short to have a base). */
static inline uint32_t eg_possessive_base(const char *text, uint32_t start, uint32_t end)
{
    const unsigned char *s = (const unsigned char *)text;
    uint32_t e = end;
    if (e - start < 3 || (s[e - 1] != 's' && s[e - 1] != 'S'))
        return e;
    if (s[e - 2] == '\'')
        return e - 2;
    /* U+2019 = E2 80 99, U+02BC = CA BC */
    if (e - start >= 5 && s[e - 4] == 0xE2 && s[e - 3] == 0x80 && s[e - 2] == 0x99)
        return e - 4;
    if (e - start >= 4 && s[e - 3] == 0xCA && s[e - 2] == 0xBC)
        return e - 3;
    return e;
}

/* EG_TOKF_CAP for a word with these case flags and first byte: some
 * letter upper case, the first character neither lower case nor a digit
 * (0 when the word is not capitalised). */
static inline uint8_t eg_word_cap_flag(uint8_t flags, unsigned char first)
{
    int cap = (flags & (EG_TOKF_HAS_UPPER | EG_TOKF_FIRST_LOWER)) == EG_TOKF_HAS_UPPER &&
              !(first >= '0' && first <= '9');
    return (uint8_t)(cap ? EG_TOKF_CAP : 0);
}

#endif
