/* eg_buf.h — a growable byte buffer.
 *
 * The buffer owns its bytes; data is always NUL-terminated (len excludes
 * the NUL) so it can be handed to C string functions. Functions that grow
 * the buffer return 0 or EG_ERR_RUNTIME when memory runs out. Not
 * thread-safe; one buffer per thread.
 */
#ifndef EG_BUF_H
#define EG_BUF_H

#include <stddef.h>

typedef struct eg_buf {
    char *data;
    size_t len;
    size_t cap;
} eg_buf_t;

#define EG_BUF_INIT {NULL, 0, 0}

int eg_buf_reserve(eg_buf_t *b, size_t extra);
int eg_buf_append(eg_buf_t *b, const void *bytes, size_t n);
int eg_buf_append_str(eg_buf_t *b, const char *s);
int eg_buf_append_byte(eg_buf_t *b, char c);
/* Append a code point as UTF-8 (cp must be a valid scalar value). */
int eg_buf_append_utf8(eg_buf_t *b, unsigned cp);
void eg_buf_clear(eg_buf_t *b);
void eg_buf_free(eg_buf_t *b);
/* Hand the bytes to the caller (who frees them) and reset the buffer. */
char *eg_buf_take(eg_buf_t *b);

#endif
