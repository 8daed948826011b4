/* eg_cooc.h — co-occurrence counts: who appears with whom, how often.
 *
 * A set window is a sentence, a paragraph or a whole document. For each
 * window the set of distinct entities in it is taken (an entity twice in
 * one window counts once there) and every unordered pair of distinct
 * entities gets count += 1. Per entity: mentions (matched spans),
 * documents (with at least one mention) and windows (n_i, windows that
 * hold it). Per pair: count (n_ij) and documents (documents in which the
 * pair shares a window). windows_with_entities is W for the association
 * measures. Documents must be added in order, with increasing indexes.
 *
 * Paragraphs are the segmenter's (blank lines), or with EG_WINDOW_LINES
 * the lines (a line feed ends one); a sentence window then ends at a
 * line end too.
 *
 * Token windows (tokens:N): the distance of two mentions in one
 * paragraph is the number of words (EG_TOK_WORD tokens; punctuation does
 * not count) from the last word of the first to the first word of the
 * second: 1 for adjacent names, 2 with one word between. Every two
 * mentions of different entities in one paragraph at distance <= N are
 * one link, and each link adds 1 to its pair's count. Links are pairs of
 * mentions, not sets of entities, so the count does not depend on the
 * direction of the text: "A B x B" and "B x B A" both give A-B 2 (N >= 3).
 * The 2x2 table of the measures is over links: W = all links
 * (windows_with_entities), n_i = links that involve i (windows[i]),
 * n_ij = the pair's links (count), so that n_ij <= n_i <= W always
 * holds. A pair's documents are those with a link. The links of one
 * mention to the later ones (the anchor) share an evidence window: the
 * anchor's sentence through the sentence of its farthest partner,
 * numbered by the anchor's place among the document's mentions.
 *
 * Documents of an entity: with options.node_docs = K > 0, each entity
 * keeps the K smallest ids of the documents that mention it, with its
 * mentions in each (eg_nodedocs.h), ids cleaned as evidence shows them.
 *
 * Dates: a document may carry a date (eg_date_t); every entity and pair
 * keeps the first and last date it was seen on (EG_NO_DATE if never).
 * With options.period, the timeline also counts, per period of a dated
 * document, each entity's mentions and each pair's count (what a window
 * adds to count adds to the pair's count in the document's period);
 * undated documents are in no period.
 *
 * Evidence: with options.evidence = K > 0, each pair keeps the text of
 * K windows it shares, with the document id: white space collapsed,
 * control characters replaced, cut to EG_EVIDENCE_MAX_BYTES at a
 * character boundary with "…". The K kept are the smallest by (document
 * id, window index, text): a rule that depends on the documents only,
 * not on the order they were read in, so workers (-j) and shards merged
 * in any order — even lines shuffled by a map/reduce sort — give the
 * same evidence, byte for byte.
 *
 * Pairs live in an open-addressing table keyed by (a, b), a < b. Not
 * thread-safe; one counter per thread, combined with eg_cooc_merge.
 */
#ifndef EG_COOC_H
#define EG_COOC_H

#include "../base/eg_date.h"
#include "../base/eg_period.h"
#include "../tag/eg_matcher.h"
#include "../text/eg_segment.h"
#include "eg_nodedocs.h"
#include "eg_timeline.h"

#include <stddef.h>
#include <stdint.h>

/* A window spec in one integer: its kind (bits 0-2), EG_WINDOW_LINES
 * (bit 3: every line is a paragraph, as in corpora that end paragraphs
 * with one line break) and, for token windows, N (bits 4-31). Specs
 * compare equal exactly when they count the same way. */
typedef uint32_t eg_window_t;

enum eg_window_kind {
    EG_WINDOW_SENTENCE = 0,
    EG_WINDOW_PARAGRAPH = 1,
    EG_WINDOW_DOCUMENT = 2,
    EG_WINDOW_TOKENS = 3, /* with N: eg_window_tokens(N) */
};
#define EG_WINDOW_KIND_MASK 7u
#define EG_WINDOW_LINES 8u
#define EG_WINDOW_MAX_TOKENS 100000u

static inline eg_window_t eg_window_tokens(unsigned n)
{
    return EG_WINDOW_TOKENS | (eg_window_t)n << 4;
}
static inline unsigned eg_window_kind(eg_window_t w) { return w & EG_WINDOW_KIND_MASK; }
static inline unsigned eg_window_span(eg_window_t w) { return w >> 4; }

/* Parse "sentence", "paragraph", "document" or "tokens:N" (N from 1 to
 * EG_WINDOW_MAX_TOKENS, digits only), optionally followed by
 * ",paragraphs=line" (the EG_WINDOW_LINES flag, as eg_window_name writes
 * it; not after "document", which has no paragraphs); -1 when it is none
 * of these. */
int eg_window_parse(const char *s, eg_window_t *out);

/* The spec as eg_window_parse reads it ("tokens:4,paragraphs=line"),
 * into buf (EG_WINDOW_NAME_MAX bytes are always enough); returns buf. */
#define EG_WINDOW_NAME_MAX 48
const char *eg_window_name(eg_window_t w, char *buf, size_t size);

/* Documents longer than this without a paragraph break make a paragraph
 * window the whole document: counted (unbroken_documents) for a warning. */
#define EG_COOC_UNBROKEN_BYTES 5000

#define EG_EVIDENCE_MAX_BYTES 300
#define EG_EVIDENCE_MAX_PER_PAIR 100

/* One window of evidence for a pair: where it is (the document, its
 * date, the first sentence of the window, the window's bytes in the
 * document) and what it says. */
typedef struct eg_evidence {
    uint32_t window;     /* order of the window in its document */
    uint32_t next;       /* next evidence of the same pair, or UINT32_MAX */
    char *doc;           /* document id (owned) */
    char *text;          /* cleaned window text (owned) */
    eg_date_t date;      /* the document's, or EG_NO_DATE */
    uint32_t sentence;   /* index of the window's first sentence (0-based) */
    uint32_t start, end; /* the window's bytes [start, end) in the document */
} eg_evidence_t;

typedef struct eg_pair {
    uint32_t a, b;          /* entity indexes, a < b */
    uint64_t count;         /* windows holding both */
    uint64_t documents;     /* documents where they share a window */
    uint64_t last_doc;      /* internal: last document counted + 1 (a mark in merge) */
    eg_date_t first, last;  /* dates of the first and last shared window */
    uint32_t evidence;      /* first evidence item, or UINT32_MAX */
    uint32_t nevidence;
} eg_pair_t;

/* What the counter needs to know about a document. */
typedef struct eg_doc_info {
    uint64_t index;      /* order in the corpus: 0, 1, 2... (unique) */
    const char *id;      /* shown in evidence */
    eg_date_t date;      /* EG_NO_DATE when undated */
    const char *text;    /* the document text (for evidence) */
    size_t len;
} eg_doc_info_t;

/* A window with more distinct entities than max_window_entities (say a
 * --window document over a long report) would add a quadratic number of
 * pairs; it adds the pairs of its N most mentioned entities only (ties:
 * the entity defined first), counted in capped_windows. Every entity of
 * the window still counts its mention and the window (n_i). */
#define EG_COOC_MAX_WINDOW_ENTITIES 1000 /* the CLI's default */

typedef struct eg_cooc_options {
    unsigned evidence; /* windows kept per pair, <= EG_EVIDENCE_MAX_PER_PAIR */
    unsigned max_window_entities; /* 0 = no cap */
    eg_period_t period; /* EG_PERIOD_NONE: no timeline */
    unsigned node_docs; /* documents kept per entity, <= EG_NODE_DOCS_MAX */
} eg_cooc_options_t;

typedef struct eg_cooc {
    size_t nentities;     /* entities counted so far (grows as mentions of
                             new ones come) */
    size_t ndict;         /* the nentities given to eg_cooc_init: ids
                             below are the dictionary's, in its order;
                             the others are names found in the text */
    size_t entities_cap;  /* internal: room in the per-entity arrays */
    uint64_t *mentions;   /* [nentities] */
    uint64_t *documents;  /* [nentities] */
    uint64_t *windows;    /* [nentities], n_i */
    uint64_t *last_doc;   /* internal, [nentities] */
    eg_date_t *first, *last; /* [nentities] dates, EG_NO_DATE if none */
    eg_cooc_options_t opt;
    eg_evidence_t *evidence; /* all evidence items (some dropped, see below) */
    size_t nevidence, evidence_cap;
    char **texts;            /* owned strings evidence points into */
    size_t ntexts, texts_cap;
    size_t collect_at_items, collect_at_texts; /* internal: when to reclaim */
    eg_pair_t *pairs;     /* open-addressing table, a == b == UINT32_MAX empty */
    size_t pair_slots, npairs;
    uint64_t windows_with_entities; /* W */
    uint64_t ndocuments;            /* documents added */
    uint32_t *scratch;              /* distinct entities of one window */
    size_t scratch_cap;
    void *runs;                     /* internal: per-entity counts of a capped window */
    size_t runs_cap;
    uint64_t capped_windows;        /* windows cut to max_window_entities */
    uint32_t *marks;                /* internal: per-mention keys of one document */
    size_t marks_cap;
    uint64_t unbroken_documents;    /* paragraph windows: documents over
                                       EG_COOC_UNBROKEN_BYTES without a
                                       paragraph break */
    uint64_t unbroken_first;        /* index + 1 of the first of them, 0: none */
    char *unbroken_id;              /* its id (owned) */
    eg_timeline_t timeline;         /* per-period counts (opt.period) */
    eg_nodedocs_t node_docs;        /* documents per entity (opt.node_docs) */
    int32_t doc_period;             /* internal: the period of the document
                                       being counted, or INT32_MIN */
} eg_cooc_t;

/* Returns 0 or EG_ERR_RUNTIME. opt may be NULL (no evidence). */
int eg_cooc_init(eg_cooc_t *c, size_t nentities, const eg_cooc_options_t *opt);
void eg_cooc_free(eg_cooc_t *c);

/* Count one document's mentions (in text order, as the matcher gives
 * them), grouped by window. Document indexes must increase. */
int eg_cooc_add_document(eg_cooc_t *c, const eg_doc_info_t *doc,
                         const eg_mention_t *mentions, size_t n,
                         const eg_segments_t *seg, eg_window_t window);

/* Room for entities [0, nentities): a counter grows by itself when a
 * document mentions an entity past its end (entities found in text,
 * eg_registry.h). Returns 0 or EG_ERR_RUNTIME. */
int eg_cooc_reserve(eg_cooc_t *c, size_t nentities);

/* Renumber the entities: entity e becomes map[e] (< n), a one-to-one
 * map over [0, c->nentities); pairs are re-keyed (a < b again). For
 * entities numbered in the order threads met them, given their final
 * place. Returns 0 or EG_ERR_RUNTIME (c is unchanged then). */
int eg_cooc_remap(eg_cooc_t *c, const uint32_t *map, size_t n);

/* Add the counts of src (over other documents) into dst; both were made
 * for the same dictionary and options. src's strings move to dst; src
 * stays valid for eg_cooc_free only. */
int eg_cooc_merge(eg_cooc_t *dst, eg_cooc_t *src);

/* Offer one evidence window e to pair p (for readers of partial
 * counts): kept when it is among the K smallest. e->doc and e->text are
 * copied, invalid UTF-8 and control characters cleaned as in counting
 * (where the document id of evidence is cleaned the same way); e->next
 * is ignored. */
int eg_cooc_offer_evidence(eg_cooc_t *c, eg_pair_t *p, const eg_evidence_t *e);

/* Offer one document of entity e (for readers of partial counts), its id
 * copied and cleaned as in counting. 0 or EG_ERR_RUNTIME. */
int eg_cooc_offer_node_doc(eg_cooc_t *c, uint32_t e, const char *doc, uint64_t mentions);

/* Keep at most k evidence windows per pair (the k smallest) from now on. */
void eg_cooc_trim_evidence(eg_cooc_t *c, unsigned k);

/* The pair (a, b), a < b, created with zero counts when new; NULL when
 * memory runs out. */
eg_pair_t *eg_cooc_pair(eg_cooc_t *c, uint32_t a, uint32_t b);

/* The evidence items of a pair, in order: follow ->next from p->evidence. */
static inline const eg_evidence_t *eg_cooc_evidence(const eg_cooc_t *c, uint32_t i)
{
    return i == UINT32_MAX ? NULL : &c->evidence[i];
}

/* The pairs in a new array sorted by (a, b); the caller frees it. */
eg_pair_t *eg_cooc_sorted_pairs(const eg_cooc_t *c, size_t *n);

#endif
