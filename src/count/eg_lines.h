/* eg_lines.h — lines from a gzip stream (or a plain file, which zlib
 * reads as it is), through one read buffer, so that a NUL byte inside a
 * line is seen instead of silently cutting it, and a line longer than a
 * limit is refused instead of taking memory without end. For readers of
 * files entgraph writes itself (shards). Not thread-safe: one reader per
 * stream. */
#ifndef EG_LINES_H
#define EG_LINES_H

#include "../base/eg_buf.h"

#include <stddef.h>
#include <zlib.h>

#ifndef EG_READ_CHUNK /* the fuzz build makes it small */
#define EG_READ_CHUNK (1u << 20)
#endif

typedef struct eg_line_reader {
    gzFile gz;       /* the stream (the caller opens and closes it) */
    size_t max;      /* the longest line read */
    eg_buf_t buf;    /* freed by the caller with eg_buf_free */
    size_t pos, scanned;
    int eof;
} eg_line_reader_t;

enum { EG_LINE_NUL = -2, EG_LINE_CUT = -3, EG_LINE_LONG = -4 };

/* The next line, NUL-terminated in place, without its line end ("\n" or
 * "\r\n"): 1, 0 at the end, -1 on a read error (gzerror says which),
 * EG_LINE_NUL when the line holds a NUL byte, EG_LINE_CUT when a gzip
 * stream ends inside its compressed data, EG_LINE_LONG past max bytes. */
int eg_line_read(eg_line_reader_t *lr, char **line, size_t *len);

#endif
