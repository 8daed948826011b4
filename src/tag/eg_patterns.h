/* eg_patterns.h — regular-expression rules for names no list can hold.
 *
 * A patterns file (patterns.tsv in a dictionary folder, or any file
 * whose name starts with "patterns" given with -d) is tab-separated with
 * a header: `pattern` (PCRE2, compiled with UTF and UCP, JIT when
 * available), `type` (node type of what it finds) and `name` (label
 * template: `$1` is the span found, other text is literal; default `$1`).
 * The span found is capture group 1 when the pattern has one, else the
 * whole match: "(?:President|spokesman) (\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+)"
 * finds the person, not the title.
 *
 * Scanning runs every pattern over a document and keeps a span only when
 * it starts and ends on token boundaries and lies in one sentence.
 * Overlaps are settled by length: a pattern mention replaces the
 * dictionary mentions strictly inside it ("Florida State University"
 * over "Florida") and loses to any other dictionary mention it touches
 * (equal spans: the dictionary wins); among pattern mentions the
 * leftmost, then the longest wins. Each match is
 * bounded by a match limit and a depth limit, so a catastrophic pattern
 * fails cleanly: the document is counted in `limit_hits` and the pattern
 * skips the rest of it, nothing hangs (counted in the scratch's
 * limit_hits). Pattern mentions are mentions of found entities
 * (eg_found.h: label from the row's template, id its slug, type the
 * row's; why = EG_WHY_PATTERN).
 *
 * The set owns its compiled patterns; scanning needs a per-thread
 * eg_pattern_scratch_t (zero-initialised) and is otherwise read-only.
 */
#ifndef EG_PATTERNS_H
#define EG_PATTERNS_H

#include "../base/eg_buf.h"
#include "../base/eg_error.h"
#include "eg_found.h"
#include "eg_matcher.h"

#include <stddef.h>
#include <stdint.h>

#define EG_PATTERN_MATCH_LIMIT 100000u
#define EG_PATTERN_DEPTH_LIMIT 1000u
/* The largest patterns file read (a NUL byte in it is a binary file):
 * EG_ERR_DATA, so an endless FIFO cannot take memory without end. */
#define EG_PATTERNS_MAX_FILE (16u << 20)

typedef struct eg_pattern eg_pattern_t;

typedef struct eg_patterns {
    eg_pattern_t *items;
    size_t n, cap;
} eg_patterns_t;

typedef struct eg_pattern_scratch {
    void *match_data; /* pcre2_match_data_8 */
    void *context;    /* pcre2_match_context_8 with the limits */
    eg_mentions_t found;
    eg_buf_t label;
    size_t limit_hits; /* matches stopped by the match or depth limit */
} eg_pattern_scratch_t;

void eg_patterns_init(eg_patterns_t *p);
void eg_patterns_free(eg_patterns_t *p);
void eg_pattern_scratch_free(eg_pattern_scratch_t *s);

/* Is path a patterns file by its name (patterns*.tsv)? */
int eg_patterns_is_patterns_file(const char *path);

/* Load a patterns file, or the patterns.tsv of a folder (none: nothing
 * happens). Errors: EG_ERR_DATA naming FILE:LINE for a bad header, a
 * missing column, a pattern that does not compile; EG_ERR_RUNTIME when
 * the file cannot be read. */
int eg_patterns_load_path(eg_patterns_t *p, const char *path, eg_error_t *err);

/* Load a patterns file's contents (path names it in messages); the same
 * errors, without EG_ERR_RUNTIME for reading. */
int eg_patterns_load_text(eg_patterns_t *p, const char *path, const char *text, size_t len,
                          eg_error_t *err);

/* Add the pattern mentions of one document to mentions (kept in text
 * order, without overlaps). Returns 0 or EG_ERR_RUNTIME. */
int eg_patterns_scan(const eg_patterns_t *p, const char *text, const eg_segments_t *seg,
                     eg_pattern_scratch_t *s, eg_found_t *found, eg_mentions_t *mentions);

/* The type of pattern k, and its label for a span (template expanded)
 * appended to out; the id is the slug of the label. */
const char *eg_patterns_type(const eg_patterns_t *p, size_t k);
int eg_patterns_label(const eg_patterns_t *p, size_t k, const char *span, size_t n,
                      eg_buf_t *out);

#endif
