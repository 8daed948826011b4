/* eg_cooc.h — co-occurrence counts: who appears with whom, how often.
 *
 * A window is a sentence, a paragraph or a whole document. For each
 * window the set of distinct entities in it is taken (an entity twice in
 * one window counts once there) and every unordered pair of distinct
 * entities gets count += 1. Per entity: mentions (matched spans),
 * documents (with at least one mention) and windows (n_i, windows that
 * hold it). Per pair: count (n_ij) and documents (documents in which the
 * pair shares a window). windows_with_entities is W for the association
 * measures. Documents must be added in order, with increasing indexes.
 *
 * Pairs live in an open-addressing table keyed by (a, b), a < b. Not
 * thread-safe; one counter per thread (merging comes with -j).
 */
#ifndef EG_COOC_H
#define EG_COOC_H

#include "../tag/eg_matcher.h"
#include "../text/eg_segment.h"

#include <stddef.h>
#include <stdint.h>

typedef enum eg_window {
    EG_WINDOW_SENTENCE = 0,
    EG_WINDOW_PARAGRAPH = 1,
    EG_WINDOW_DOCUMENT = 2,
} eg_window_t;

/* Parse "sentence", "paragraph" or "document"; -1 when unknown. */
int eg_window_parse(const char *s, eg_window_t *out);
const char *eg_window_name(eg_window_t w);

typedef struct eg_pair {
    uint32_t a, b;          /* entity indexes, a < b */
    uint64_t count;         /* windows holding both */
    uint64_t documents;     /* documents where they share a window */
    uint64_t last_doc;      /* internal: last document counted + 1 */
} eg_pair_t;

typedef struct eg_cooc {
    size_t nentities;
    uint64_t *mentions;   /* [nentities] */
    uint64_t *documents;  /* [nentities] */
    uint64_t *windows;    /* [nentities], n_i */
    uint64_t *last_doc;   /* internal, [nentities] */
    eg_pair_t *pairs;     /* open-addressing table, a == b == UINT32_MAX empty */
    size_t pair_slots, npairs;
    uint64_t windows_with_entities; /* W */
    uint64_t ndocuments;            /* documents added */
    uint32_t *scratch;              /* distinct entities of one window */
    size_t scratch_cap;
} eg_cooc_t;

/* Returns 0 or EG_ERR_RUNTIME. */
int eg_cooc_init(eg_cooc_t *c, size_t nentities);
void eg_cooc_free(eg_cooc_t *c);

/* Count one document's mentions (in text order, as the matcher gives
 * them), grouped by window. doc_index starts at 0 and increases. */
int eg_cooc_add_document(eg_cooc_t *c, uint64_t doc_index,
                         const eg_mention_t *mentions, size_t n,
                         const eg_segments_t *seg, eg_window_t window);

/* The pairs in a new array sorted by (a, b); the caller frees it. */
eg_pair_t *eg_cooc_sorted_pairs(const eg_cooc_t *c, size_t *n);

#endif
