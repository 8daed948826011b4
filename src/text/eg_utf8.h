/* eg_utf8.h — UTF-8 decoding, validation and repair.
 *
 * Text that reaches the segmenter is valid UTF-8: stray invalid bytes in
 * an input file are replaced by U+FFFD (one per maximal invalid subpart,
 * as Unicode recommends) and counted, so a document is never lost to a
 * few bad bytes. Overlong forms, surrogates and code points above
 * U+10FFFF are invalid. Pure functions; thread-safe.
 */
#ifndef EG_UTF8_H
#define EG_UTF8_H

#include "../base/eg_buf.h"

#include <stddef.h>
#include <stdint.h>

/* Length in bytes of the valid sequence at s (1..4), storing the code
 * point in *cp; 0 when the bytes at s are not valid UTF-8 (then *cp is
 * U+FFFD and *bad_len the number of bytes to skip, >= 1). len > 0. */
size_t eg_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp,
                      size_t *bad_len);

/* Number of invalid sequences in s (0 means s is valid UTF-8). */
size_t eg_utf8_count_invalid(const char *s, size_t len);

/* Append s to out with every invalid sequence replaced by U+FFFD.
 * Returns the number replaced, or (size_t)-1 when memory runs out. */
size_t eg_utf8_repair(const char *s, size_t len, eg_buf_t *out);

#endif
