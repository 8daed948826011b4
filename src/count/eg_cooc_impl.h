/* eg_cooc_impl.h — what the files of the counter share (eg_cooc.c: the
 * tables and set windows; eg_cooc_evidence.c: the evidence store;
 * eg_window.c: window kinds, line paragraphs and token windows). Not a
 * public header: nothing outside src/count/eg_cooc*.c and eg_window.c
 * includes it. Same thread rules as eg_cooc.h. */
#ifndef EG_COOC_IMPL_H
#define EG_COOC_IMPL_H

#include "eg_cooc.h"

#define COOC_EMPTY UINT32_MAX /* a free slot of the pair table (a == b == this) */
#define COOC_NONE UINT32_MAX  /* no evidence item */

/* One window being counted: where its text comes from, made on demand. */
typedef struct cooc_window {
    const eg_doc_info_t *doc;
    const eg_segments_t *seg;
    eg_window_t kind;
    uint32_t index;    /* the evidence's window number (its order in the document) */
    size_t start, end; /* bytes of the window's text */
    uint32_t sentence; /* the window's first sentence */
    char *text;        /* made on first use */
    char **doc_id;     /* the document id, kept once per document */
} cooc_window_t;

/* Count one co-occurrence of a < b in window w: count, documents, dates,
 * evidence. 0 or -1 (out of memory). */
int cooc_count_pair(eg_cooc_t *c, cooc_window_t *w, uint32_t a, uint32_t b);

/* Room for n items in *array of *cap (c->scratch, c->marks), grown
 * geometrically: they are reused document after document. 0 or -1. */
int cooc_grow_u32(uint32_t **array, size_t *cap, size_t n);

/* ---- the evidence store (eg_cooc_evidence.c) ---- */

/* Take ownership of a malloc'd string (freed with c); NULL when owned is
 * NULL or memory runs out (owned is freed then). */
char *cooc_keep_text(eg_cooc_t *c, char *owned);
/* Offer e (its strings owned by c) to p's K smallest. 0 or -1. */
int cooc_insert_evidence(eg_cooc_t *c, eg_pair_t *p, const eg_evidence_t *e);
/* Reclaim dropped evidence when it may outweigh what is kept. 0 or -1. */
int cooc_maybe_collect(eg_cooc_t *c);
/* Reclaim now. 0 or -1 (then nothing changed). */
int cooc_collect_evidence(eg_cooc_t *c);
/* s repaired, cleaned and cut as evidence shows it (malloc'd), or NULL. */
char *cooc_clean_copy(const char *s);

/* ---- windows (eg_window.c) ---- */

/* Count a document's token windows (--window tokens:N). */
int cooc_add_token_windows(eg_cooc_t *c, const eg_doc_info_t *doc, const eg_mention_t *ms,
                           size_t n, const eg_segments_t *seg, eg_window_t window,
                           char **doc_id);

/* The paragraph of each mention (the segmenter's, or with EG_WINDOW_LINES
 * its line), into c->marks[0..n). 0 or -1. */
int cooc_paragraph_keys(eg_cooc_t *c, const eg_doc_info_t *doc, const eg_mention_t *ms,
                        size_t n, const eg_segments_t *seg, eg_window_t window);

/* The bytes [*start, *end) of window kind w around mention m (sentence,
 * paragraph or document; a line with EG_WINDOW_LINES clips them), and
 * the index of the sentence they start in. */
void cooc_window_span(const eg_mention_t *m, const eg_segments_t *seg,
                      const eg_doc_info_t *doc, eg_window_t w, size_t *start, size_t *end,
                      uint32_t *sentence);

#endif
