/* eg_lines.c — see eg_lines.h. `scanned` bytes after pos are known to
 * hold no line end, so a long line is searched once, not again for every
 * block read. */
#include "eg_lines.h"

#include <string.h>

int eg_line_read(eg_line_reader_t *lr, char **line, size_t *len)
{
    for (;;) {
        char *start = lr->buf.data ? lr->buf.data + lr->pos : NULL;
        size_t avail = lr->buf.len - lr->pos;
        char *nl = avail > lr->scanned ? memchr(start + lr->scanned, '\n', avail - lr->scanned)
                                       : NULL;
        lr->scanned = avail;
        if (nl || (lr->eof && avail)) {
            size_t n = nl ? (size_t)(nl - start) : avail;
            lr->pos += n + (nl != NULL);
            lr->scanned = 0;
            if (n && start[n - 1] == '\r')
                n--;
            start[n] = '\0';
            if (memchr(start, '\0', n))
                return EG_LINE_NUL;
            *line = start;
            *len = n;
            return 1;
        }
        if (lr->eof)
            return 0;
        if (avail > lr->max)
            return EG_LINE_LONG;
        if (lr->pos) { /* keep the partial line, drop what was read */
            memmove(lr->buf.data, start, avail);
            lr->buf.len = avail;
            lr->pos = 0;
        }
        if (eg_buf_reserve(&lr->buf, EG_READ_CHUNK))
            return -1;
        int n = gzread(lr->gz, lr->buf.data + lr->buf.len, EG_READ_CHUNK);
        int zerr = Z_OK;
        if (n <= 0)
            gzerror(lr->gz, &zerr);
        if (n == 0 && zerr == Z_BUF_ERROR) /* zlib's "unexpected end of file" */
            return EG_LINE_CUT;
        if (n < 0)
            return -1;
        lr->buf.len += (size_t)n;
        lr->buf.data[lr->buf.len] = '\0';
        if (n == 0)
            lr->eof = 1;
    }
}
