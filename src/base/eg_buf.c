/* eg_buf.c — growable byte buffer; doubling keeps appends amortised O(1). */
#include "eg_buf.h"

#include "eg_error.h"

#include <stdlib.h>
#include <string.h>

int eg_buf_reserve(eg_buf_t *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p)
        return EG_ERR_RUNTIME;
    b->data = p;
    b->cap = cap;
    p[b->len] = '\0'; /* data is NUL-terminated even before the first append */
    return 0;
}

int eg_buf_append(eg_buf_t *b, const void *bytes, size_t n)
{
    if (eg_buf_reserve(b, n))
        return EG_ERR_RUNTIME;
    if (n)
        memcpy(b->data + b->len, bytes, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int eg_buf_append_str(eg_buf_t *b, const char *s)
{
    return eg_buf_append(b, s, strlen(s));
}

int eg_buf_append_byte(eg_buf_t *b, char c)
{
    return eg_buf_append(b, &c, 1);
}

int eg_buf_append_utf8(eg_buf_t *b, unsigned cp)
{
    unsigned char out[4];
    size_t n;
    if (cp < 0x80) {
        out[0] = (unsigned char)cp;
        n = 1;
    } else if (cp < 0x800) {
        out[0] = (unsigned char)(0xC0 | (cp >> 6));
        out[1] = (unsigned char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        out[0] = (unsigned char)(0xE0 | (cp >> 12));
        out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        out[0] = (unsigned char)(0xF0 | (cp >> 18));
        out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
        out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        out[3] = (unsigned char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return eg_buf_append(b, out, n);
}

void eg_buf_clear(eg_buf_t *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void eg_buf_free(eg_buf_t *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

char *eg_buf_take(eg_buf_t *b)
{
    if (eg_buf_reserve(b, 0))
        return NULL;
    char *p = b->data;
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}
