/* eg_clean.c — see eg_clean.h. One pass, byte-oriented: the characters
 * it changes are all recognisable from their UTF-8 lead bytes. */
#include "eg_clean.h"

#include <string.h>

static int is_space_byte(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Length of the UTF-8 sequence starting with lead byte c. */
static size_t seq_len(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

size_t eg_clean_append(eg_buf_t *out, const char *text, size_t n, unsigned flags,
                       size_t max_bytes)
{
    const unsigned char *s = (const unsigned char *)text;
    int collapse = flags & EG_CLEAN_COLLAPSE_SPACE;
    size_t start = out->len, replaced = 0;
    int pending_space = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        size_t len = seq_len(c);
        if (i + len > n)
            len = n - i;
        const char *piece = text + i;
        size_t piece_len = len;
        int space = 0;
        if (c < 0x20 || c == 0x7F) {
            space = 1;
            /* Line breaks and tabs are ordinary white space in running
             * text (collapsed); anywhere else they are replaced too. */
            replaced += !collapse || !is_space_byte(c);
        } else if (c == 0xC2 && len == 2 && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F) {
            space = 1;
            replaced++;
        } else if (c == 0xEF && len == 3 && s[i + 1] == 0xBF &&
                   (s[i + 2] == 0xBE || s[i + 2] == 0xBF)) {
            piece = "\xEF\xBF\xBD";
            replaced++;
        } else if (c == ' ' || (c == 0xC2 && len == 2 && s[i + 1] == 0xA0)) {
            space = 1; /* a no-break space is a space in evidence */
        }
        i += len;
        if (space) {
            if (collapse) {
                pending_space = out->len > start;
                continue;
            }
            piece = " ";
            piece_len = 1;
        } else if (pending_space) {
            pending_space = 0;
            if (max_bytes && out->len - start + 1 > max_bytes)
                goto cut;
            if (eg_buf_append_byte(out, ' '))
                return (size_t)-1;
        }
        if (max_bytes && out->len - start + piece_len > max_bytes)
            goto cut;
        if (eg_buf_append(out, piece, piece_len))
            return (size_t)-1;
    }
    return replaced;
cut:
    while (out->len > start && out->data[out->len - 1] == ' ')
        out->len--;
    if (eg_buf_append(out, "\xE2\x80\xA6", 3))
        return (size_t)-1;
    return replaced;
}
