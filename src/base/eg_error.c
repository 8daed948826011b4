/* eg_error.c — filling and formatting eg_error_t; see eg_error.h. */
#include "eg_error.h"

#include <stdio.h>
#include <string.h>

int eg_error_set(eg_error_t *err, int status, const char *file, long line,
                 const char *fmt, ...)
{
    if (err) {
        err->status = status;
        snprintf(err->file, sizeof err->file, "%s", file ? file : "");
        err->line = line;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->text, sizeof err->text, fmt, ap);
        va_end(ap);
    }
    return status;
}

void eg_error_format(const eg_error_t *err, char *out, unsigned long size)
{
    if (err->file[0] && err->line > 0)
        snprintf(out, size, "%s:%ld: %s", err->file, err->line, err->text);
    else if (err->file[0])
        snprintf(out, size, "%s: %s", err->file, err->text);
    else
        snprintf(out, size, "%s", err->text);
}

void eg_warn(const eg_warner_t *w, const char *file, long line,
             const char *fmt, ...)
{
    if (!w || !w->fn)
        return;
    char text[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    w->fn(w->ctx, file, line, text);
}
