/* eg_fold.c — folding with utf8proc's decomposer, which writes into a
 * caller-owned code point buffer, so folding a token never allocates once
 * the scratch buffer has grown to fit.
 *
 * Between ASCII and utf8proc sits a table for the two-byte code points
 * (U+0080..U+07FF: Latin, Greek, Cyrillic, Hebrew, Arabic), which hold
 * most non-ASCII names: utf8proc folds a string code point by code
 * point, so the table, filled by utf8proc itself, gives the same bytes as
 * long as no folded code point has a combining class (utf8proc would
 * reorder those); a code point whose fold has one is left to utf8proc. */
#include "eg_fold.h"

#include "../base/eg_error.h"
#include "eg_utf8.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

static const utf8proc_option_t FOLD_OPTIONS =
    UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
    UTF8PROC_STRIPMARK;

static unsigned unify_apostrophe(unsigned cp)
{
    switch (cp) {
    case 0x2019: /* right single quotation mark */
    case 0x2018: /* left single quotation mark */
    case 0x02BC: /* modifier letter apostrophe */
        return '\'';
    default:
        return cp;
    }
}

/* Reserve room for extra bytes in out, where s may point into out's own
 * bytes (the old eg_slug_append folded into a buffer of its own first, and
 * callers slug names kept in the output buffer): returns s moved along
 * with the bytes, or NULL when memory runs out. */
static const char *reserve_keeping(eg_buf_t *out, size_t extra, const char *s)
{
    uintptr_t base = (uintptr_t)out->data, at = (uintptr_t)s;
    int inside = out->data && at >= base && at < base + out->cap;
    size_t off = inside ? (size_t)(at - base) : 0;
    if (eg_buf_reserve(out, extra))
        return NULL;
    return inside ? out->data + off : s;
}

/* ---- the two-byte table ---- */

#define TWO_BYTE_FIRST 0x80
#define TWO_BYTE_END 0x800
#define TWO_BYTE_MAX_OUT 15 /* bytes of a folded code point in the table */

typedef struct two_byte_fold {
    uint8_t len;  /* 0xFF: not in the table (ask utf8proc) */
    char bytes[TWO_BYTE_MAX_OUT];
} two_byte_fold_t;

static two_byte_fold_t two_byte[TWO_BYTE_END - TWO_BYTE_FIRST];
static pthread_once_t two_byte_once = PTHREAD_ONCE_INIT;

static size_t utf8_encode(unsigned cp, char *out)
{
    eg_buf_t b = EG_BUF_INIT;
    size_t n = 0;
    if (eg_buf_append_utf8(&b, cp) == 0) {
        n = b.len;
        memcpy(out, b.data, n);
    }
    eg_buf_free(&b);
    return n;
}

/* utf8proc's fold of one code point, or len 0xFF when it cannot be
 * taken alone (a combining class in the result, or too long). */
static two_byte_fold_t fold_one(unsigned cp)
{
    two_byte_fold_t f = {0xFF, {0}};
    utf8proc_int32_t cps[8];
    int boundclass = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)cp, cps, 8,
                                                 FOLD_OPTIONS, &boundclass);
    if (n < 0 || n > 8)
        return f;
    size_t len = 0;
    for (utf8proc_ssize_t i = 0; i < n; i++) {
        unsigned c = unify_apostrophe((unsigned)cps[i]);
        if (utf8proc_get_property((utf8proc_int32_t)c)->combining_class || len + 4 > TWO_BYTE_MAX_OUT)
            return f;
        len += utf8_encode(c, f.bytes + len);
    }
    f.len = (uint8_t)len;
    return f;
}

static void fill_two_byte(void)
{
    for (unsigned cp = TWO_BYTE_FIRST; cp < TWO_BYTE_END; cp++)
        two_byte[cp - TWO_BYTE_FIRST] = fold_one(cp);
}

/* Fold s (ASCII and two-byte code points only) with the table into out.
 * Returns 1 when done, 0 when s needs utf8proc (out is then as it was),
 * or EG_ERR_RUNTIME. */
static int fold_two_byte(eg_buf_t *out, const char *s, size_t len)
{
    pthread_once(&two_byte_once, fill_two_byte);
    if (!(s = reserve_keeping(out, len * TWO_BYTE_MAX_OUT, s)))
        return EG_ERR_RUNTIME;
    const unsigned char *u = (const unsigned char *)s;
    char *d = out->data + out->len;
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = u[i];
        if (c < 0x80) {
            d[n++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (char)c;
            i++;
            continue;
        }
        /* C2..DF and a continuation byte: two bytes (C0, C1: overlong) */
        if (c < 0xC2 || c > 0xDF || i + 1 >= len || (u[i + 1] & 0xC0) != 0x80)
            return 0;
        const two_byte_fold_t *f = &two_byte[((c & 0x1Fu) << 6 | (u[i + 1] & 0x3Fu)) - TWO_BYTE_FIRST];
        if (f->len == 0xFF)
            return 0;
        memcpy(d + n, f->bytes, f->len);
        n += f->len;
        i += 2;
    }
    out->len += n;
    out->data[out->len] = '\0';
    return 1;
}

static int all_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 0;
    return 1;
}

int eg_fold_append(eg_buf_t *out, eg_buf_t *scratch, const char *s, size_t len)
{
    /* Room for len bytes first, so no later append below moves out while
     * s may still point into it (utf8proc's path reads s fully first). */
    if (!(s = reserve_keeping(out, len, s)))
        return EG_ERR_RUNTIME;
    if (all_ascii(s, len)) {
        char *d = out->data + out->len;
        for (size_t i = 0; i < len; i++) {
            char c = s[i];
            d[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
        }
        out->len += len;
        out->data[out->len] = '\0';
        return 0;
    }
    int rc = fold_two_byte(out, s, len);
    if (rc)
        return rc < 0 ? rc : 0;
    /* NFKD + case folding can grow a string (ß -> ss, ﬃ -> ffi): start
     * with room for 2 code points per byte and retry with the size
     * utf8proc asks for. */
    size_t want = 2 * len + 8;
    for (;;) {
        if (scratch->cap < want * sizeof(utf8proc_int32_t) + 1) {
            eg_buf_clear(scratch);
            if (eg_buf_reserve(scratch, want * sizeof(utf8proc_int32_t)))
                return EG_ERR_RUNTIME;
        }
        size_t room = (scratch->cap - 1) / sizeof(utf8proc_int32_t);
        utf8proc_int32_t *cps = (utf8proc_int32_t *)(void *)scratch->data;
        utf8proc_ssize_t n =
            utf8proc_decompose((const utf8proc_uint8_t *)s,
                               (utf8proc_ssize_t)len, cps,
                               (utf8proc_ssize_t)room, FOLD_OPTIONS);
        if (n < 0) /* invalid UTF-8: compare byte for byte */
            return eg_buf_append(out, s, len);
        if ((size_t)n > room) {
            want = (size_t)n;
            continue;
        }
        for (utf8proc_ssize_t i = 0; i < n; i++)
            if (eg_buf_append_utf8(out, unify_apostrophe((unsigned)cps[i])))
                return EG_ERR_RUNTIME;
        return 0;
    }
}

int eg_category_is_word(int category)
{
    switch (category) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return 1;
    default:
        return 0;
    }
}

int eg_is_word_cp(unsigned cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
               (cp >= 'A' && cp <= 'Z');
    return eg_category_is_word(utf8proc_category((utf8proc_int32_t)cp));
}

/* A slug byte per byte: the word characters [0-9a-z] (capitals
 * lower-cased), 0 for every other byte (bytes past ASCII too). */
#define SLUG_DIGITS(c) [c] = c
#define SLUG_LETTER(c) [c] = c, [c - 32] = c
static const char SLUG_ASCII[256] = {
    SLUG_DIGITS('0'), SLUG_DIGITS('1'), SLUG_DIGITS('2'), SLUG_DIGITS('3'), SLUG_DIGITS('4'),
    SLUG_DIGITS('5'), SLUG_DIGITS('6'), SLUG_DIGITS('7'), SLUG_DIGITS('8'), SLUG_DIGITS('9'),
    SLUG_LETTER('a'), SLUG_LETTER('b'), SLUG_LETTER('c'), SLUG_LETTER('d'), SLUG_LETTER('e'),
    SLUG_LETTER('f'), SLUG_LETTER('g'), SLUG_LETTER('h'), SLUG_LETTER('i'), SLUG_LETTER('j'),
    SLUG_LETTER('k'), SLUG_LETTER('l'), SLUG_LETTER('m'), SLUG_LETTER('n'), SLUG_LETTER('o'),
    SLUG_LETTER('p'), SLUG_LETTER('q'), SLUG_LETTER('r'), SLUG_LETTER('s'), SLUG_LETTER('t'),
    SLUG_LETTER('u'), SLUG_LETTER('v'), SLUG_LETTER('w'), SLUG_LETTER('x'), SLUG_LETTER('y'),
    SLUG_LETTER('z'),
};

/* The slug of an ASCII name, without the fold buffers: folding ASCII is
 * lower-casing, and the only word characters are [0-9a-z], so this
 * writes exactly what the general path below writes. Returns 1 when
 * done, 0 at the first byte past ASCII (out is then as it was). out has
 * room for len bytes. A run of separators, then a run of word
 * characters: the inner loop copies a word with one test per byte. */
static int slug_ascii(eg_buf_t *out, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    char *d = out->data + out->len;
    size_t n = 0, i = 0;
    for (;;) {
        char w = 0;
        for (; i < len && !(w = SLUG_ASCII[u[i]]); i++)
            if (u[i] >= 0x80)
                return 0;
        if (i == len)
            break;
        if (n)
            d[n++] = '-';
        do
            d[n++] = w;
        while (++i < len && (w = SLUG_ASCII[u[i]]));
    }
    out->len += n;
    out->data[out->len] = '\0';
    return 1;
}

/* The slug of folded UTF-8 bytes f[0..len), written over them (a slug
 * is never longer than what it is made of: each '-' stands for at least
 * one byte left out). Returns its length. */
static size_t slug_in_place(char *f, size_t len)
{
    const unsigned char *u = (const unsigned char *)f;
    size_t i = 0, n = 0;
    int dash = 0;
    while (i < len) {
        uint32_t cp;
        size_t bad;
        size_t k = eg_utf8_decode(u + i, len - i, &cp, &bad);
        if (!k)
            k = bad;
        if (k && eg_is_word_cp(cp)) {
            if (dash)
                f[n++] = '-';
            memmove(f + n, f + i, k);
            n += k;
            dash = 0;
        } else {
            dash = n > 0;
        }
        i += k;
    }
    return n;
}

int eg_slug_append(eg_buf_t *out, const char *s, size_t len)
{
    if (!(s = reserve_keeping(out, len, s)))
        return EG_ERR_RUNTIME;
    if (slug_ascii(out, s, len))
        return 0;
    /* fold after the bytes out holds (s may be among them), then make
     * the slug where the folded form stands */
    eg_buf_t scratch = EG_BUF_INIT; /* allocated only when utf8proc folds */
    size_t mark = out->len;
    int rc = eg_fold_append(out, &scratch, s, len);
    eg_buf_free(&scratch);
    if (rc)
        return rc;
    out->len = mark + slug_in_place(out->data + mark, out->len - mark);
    out->data[out->len] = '\0';
    return 0;
}
