/* eg_suggest.h — the names a corpus gives that the dictionary lacks, as
 * a dictionary to curate (`entgraph dict suggest`).
 *
 * Fed each tagged document, it gathers every entity found in the text
 * (eg_found.h: discovery and patterns) by id: mentions, documents, the
 * surface forms that named it ("Madeleine Albright", "Albright"), the
 * type most documents gave (ties: the smaller name), the label smallest
 * in byte order among that type's, and the first sentence that named it
 * (documents are fed in corpus order). It writes them as the TSV that
 * `-d` reads:
 *
 *   id  name  type  aliases  seen_mentions  seen_documents  description
 *
 * most mentions first (ties: id); aliases '|'-separated, white space
 * made single spaces; description the example sentence, cleaned and cut
 * to EG_SUGGEST_EXAMPLE_BYTES. (mentions and documents are output
 * attributes of every node, so the columns carry a seen_ prefix.)
 * Loaded back with -d, each row is a dictionary entity with these forms.
 *
 * Not thread-safe: feed it from one thread.
 */
#ifndef EG_SUGGEST_H
#define EG_SUGGEST_H

#include "../tag/eg_found.h"
#include "../tag/eg_matcher.h"
#include "../text/eg_segment.h"

#include <stdint.h>
#include <stdio.h>

#define EG_SUGGEST_EXAMPLE_BYTES 300
#define EG_SUGGEST_MAX_FORMS 16

typedef struct eg_suggest eg_suggest_t;

eg_suggest_t *eg_suggest_new(void);
void eg_suggest_free(eg_suggest_t *s);

/* Gather the found entities of one tagged document (its mentions and its
 * found table). Returns 0 or EG_ERR_RUNTIME. */
int eg_suggest_add_document(eg_suggest_t *s, const char *text, const eg_segments_t *seg,
                            const eg_mentions_t *mentions, const eg_found_t *found);

typedef struct eg_suggest_options {
    uint64_t min_mentions; /* rows with fewer are left out (0 or 1: none) */
    const char *types;     /* comma-separated types to keep; NULL: all */
    size_t limit;          /* at most this many rows; 0: no limit */
} eg_suggest_options_t;

/* Write the rows (header first). Returns the number of rows written, or
 * -1 when writing fails. */
long eg_suggest_write(const eg_suggest_t *s, FILE *out, const eg_suggest_options_t *opt);

#endif
