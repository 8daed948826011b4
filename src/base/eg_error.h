/* eg_error.h — the one error idiom of entgraph.
 *
 * Library functions return int: 0 on success, a negative eg_status on
 * failure, and fill an eg_error_t with where and what went wrong. Only the
 * CLI prints it, as "entgraph: FILE:LINE: problem", and turns the status
 * into the exit code (its absolute value). Library code never exits or
 * prints errors itself; warnings go through an eg_warn_fn the caller
 * supplies (NULL = discard).
 */
#ifndef EG_ERROR_H
#define EG_ERROR_H

#include <stdarg.h>

/* Status codes; the exit code of the CLI is -status. */
enum eg_status {
    EG_OK = 0,
    EG_ERR_RUNTIME = -1, /* I/O failure, out of memory */
    EG_ERR_USAGE = -2,   /* bad command line */
    EG_ERR_DATA = -3,    /* dictionary or input that cannot be read as asked */
};

typedef struct eg_error {
    int status;      /* one of enum eg_status */
    char file[512];  /* "" when the problem is not tied to a file */
    long line;       /* 0 when not tied to a line */
    char text[512];  /* what is wrong, no trailing newline */
} eg_error_t;

/* Fill err (if not NULL) and return status, so callers can write
 * `return eg_error_set(err, EG_ERR_DATA, path, line, "row has no name");`.
 * file may be NULL; line 0 means "no line". */
int eg_error_set(eg_error_t *err, int status, const char *file, long line,
                 const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Format err as "FILE:LINE: text", "FILE: text" or "text" into out. */
void eg_error_format(const eg_error_t *err, char *out, unsigned long size);

/* A warning sink: file may be NULL, line 0 when not applicable. */
typedef void (*eg_warn_fn)(void *ctx, const char *file, long line,
                           const char *text);

typedef struct eg_warner {
    eg_warn_fn fn;
    void *ctx;
} eg_warner_t;

/* Send a formatted warning to w (nothing happens when w or w->fn is NULL). */
void eg_warn(const eg_warner_t *w, const char *file, long line,
             const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#endif
