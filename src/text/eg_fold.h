/* eg_fold.h — the folded form under which names and tokens are compared.
 *
 * Folding is compatibility decomposition (NFKD, so "ﬁ" = "fi" and
 * full-width letters = ASCII), Unicode case folding, all combining marks
 * stripped ("São" = "Sao"), and the typographic apostrophes (’ ‘ ʼ)
 * unified to '. Dictionary aliases and text tokens go through the same
 * function, so they meet in the same form. ASCII input takes a fast path
 * (lower-casing only). Thread-safe; the caller supplies the buffers.
 */
#ifndef EG_FOLD_H
#define EG_FOLD_H

#include "../base/eg_buf.h"

#include <stddef.h>

/* Append the folded form of the UTF-8 string s[0..len) to out. scratch
 * is working space the caller keeps between calls (to avoid allocating
 * per token). Invalid UTF-8 is copied byte for byte. s may point into
 * out's own bytes. Returns 0 or EG_ERR_RUNTIME when memory runs out. */
int eg_fold_append(eg_buf_t *out, eg_buf_t *scratch, const char *s, size_t len);

/* Append the default node id for a name: its folded form with every run
 * of characters that are not letters or digits turned into one '-', no
 * leading or trailing '-' ("Dmitry Peskov" -> "dmitry-peskov"). Appends
 * nothing when the name has no letter or digit. s may point into out's
 * own bytes. */
int eg_slug_append(eg_buf_t *out, const char *s, size_t len);

/* Is the code point a letter, mark or digit (a word character)? */
int eg_is_word_cp(unsigned cp);

/* Is a utf8proc category (UTF8PROC_CATEGORY_*) one of a word's: letters,
 * marks, numbers? (For callers that need the category for more.) */
int eg_category_is_word(int category);

#endif
