/* eg_utf8.c — a strict decoder (Unicode Table 3-7 well-formed byte
 * sequences) with an ASCII fast path, since most text is mostly ASCII. */
#include "eg_utf8.h"

#include <string.h>

size_t eg_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp,
                      size_t *bad_len)
{
    unsigned char c = s[0];
    *bad_len = 1;
    *cp = 0xFFFD;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t need;
    uint32_t v;
    unsigned char lo = 0x80, hi = 0xBF; /* allowed range of the 2nd byte */
    if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        v = c & 0x0F;
        if (c == 0xE0)
            lo = 0xA0; /* no overlongs */
        if (c == 0xED)
            hi = 0x9F; /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        v = c & 0x07;
        if (c == 0xF0)
            lo = 0x90;
        if (c == 0xF4)
            hi = 0x8F; /* <= U+10FFFF */
    } else {
        return 0;
    }
    for (size_t i = 1; i < need; i++) {
        if (i >= len)
            return 0;
        unsigned char b = s[i];
        if (i == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF))
            return 0;
        v = (v << 6) | (b & 0x3F);
        *bad_len = i + 1;
    }
    *bad_len = need;
    *cp = v;
    return need;
}

/* The bytes of an invalid maximal subpart are skipped as one unit: the
 * lead byte plus any continuation bytes that were valid so far. */
static size_t skip_invalid(const unsigned char *s, size_t len)
{
    uint32_t cp;
    size_t bad;
    eg_utf8_decode(s, len, &cp, &bad);
    /* decode reports the valid prefix (lead + good continuation bytes);
     * the byte that broke the sequence starts the next unit. */
    return bad;
}

static size_t ascii_run(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i + 8 <= len) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ULL)
            break;
        i += 8;
    }
    while (i < len && s[i] < 0x80)
        i++;
    return i;
}

size_t eg_utf8_count_invalid(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0, invalid = 0;
    while (i < len) {
        i += ascii_run(s + i, len - i);
        if (i >= len)
            break;
        uint32_t cp;
        size_t bad;
        size_t n = eg_utf8_decode(s + i, len - i, &cp, &bad);
        if (n) {
            i += n;
        } else {
            invalid++;
            i += skip_invalid(s + i, len - i);
        }
    }
    return invalid;
}

size_t eg_utf8_repair(const char *text, size_t len, eg_buf_t *out)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0, invalid = 0;
    if (eg_buf_reserve(out, len + 16))
        return (size_t)-1;
    while (i < len) {
        size_t run = ascii_run(s + i, len - i);
        if (run && eg_buf_append(out, s + i, run))
            return (size_t)-1;
        i += run;
        if (i >= len)
            break;
        uint32_t cp;
        size_t bad;
        size_t n = eg_utf8_decode(s + i, len - i, &cp, &bad);
        if (n) {
            if (eg_buf_append(out, s + i, n))
                return (size_t)-1;
            i += n;
        } else {
            invalid++;
            if (eg_buf_append(out, "\xEF\xBF\xBD", 3))
                return (size_t)-1;
            i += skip_invalid(s + i, len - i);
        }
    }
    return invalid;
}
