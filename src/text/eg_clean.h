/* eg_clean.h — making text safe and short for output files.
 *
 * Labels and evidence sentences end up in XML, JSON and CSV. XML 1.0
 * cannot carry control characters (other than tab and line breaks) or
 * U+FFFE/U+FFFF, and a newline in the middle of an evidence sentence
 * only hurts. eg_clean_append replaces control characters (C0, DEL, C1)
 * by spaces, the non-characters by U+FFFD, optionally collapses every run
 * of white space to one space, and optionally cuts the text at a UTF-8
 * boundary, marking the cut with "…". Input must be valid UTF-8.
 */
#ifndef EG_CLEAN_H
#define EG_CLEAN_H

#include "../base/eg_buf.h"

#include <stddef.h>

enum eg_clean_flags {
    EG_CLEAN_COLLAPSE_SPACE = 1, /* runs of white space -> one space, trimmed */
};

/* Append the cleaned s[0..n) to out; max_bytes 0 = no limit (else the
 * result, "…" included, is at most max_bytes + 3 bytes). Returns the
 * number of control characters or non-characters replaced, or
 * (size_t)-1 when memory runs out. */
size_t eg_clean_append(eg_buf_t *out, const char *s, size_t n, unsigned flags,
                       size_t max_bytes);

#endif
