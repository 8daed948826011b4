/* eg_lines.h — cutting text held in memory into lines.
 *
 *   size_t pos = 0; const char *line; size_t n;
 *   while (eg_next_line(text, len, &pos, &line, &n)) ...
 *
 * A line ends at '\n' (not included; a '\r' before it is kept, for the
 * caller to judge); text after the last '\n' is a last line, and text
 * ending in '\n' has no empty line after it.
 */
#ifndef EG_LINES_H
#define EG_LINES_H

#include <stddef.h>
#include <string.h>

/* The line of text[0..len) at *pos: *line and its length *n; *pos moves
 * past its '\n'. Returns 0 (nothing set) when no line is left. */
static inline int eg_next_line(const char *text, size_t len, size_t *pos, const char **line,
                               size_t *n)
{
    if (*pos >= len)
        return 0;
    const char *start = text + *pos;
    const char *nl = memchr(start, '\n', len - *pos);
    *n = nl ? (size_t)(nl - start) : len - *pos;
    *line = start;
    *pos += *n + 1;
    return 1;
}

#endif
