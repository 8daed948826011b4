/* eg_network.h — the counts as an igraph graph with attributes.
 *
 * Vertices are the entities with at least one mention, ordered by id
 * (byte order), so the graph does not depend on dictionary order or on
 * how the work was split. Edges are the co-occurring pairs, ordered by
 * (source, target) vertex index, undirected, no self-loops.
 * Vertex attributes: id, label, type, mentions, documents, aliases (the
 * entity's other surface forms in the dictionary, '|'-joined, "" when
 * none), then the dictionary's extra columns (strings, "" when an entity
 * has none).
 * Edge attributes: count, documents, weight (the chosen measure; count
 * by default), pmi, npmi, dice, jaccard, assoc, llr, and evidence when
 * evidence was kept.
 * With dated documents, nodes and edges also get first and last
 * ("YYYY-MM-DD"): the dates of their first and last document.
 * With a period (eg_cooc_options_t.period), nodes and edges get a
 * timeline: "PERIOD:COUNT" items separated by spaces, in period order,
 * the node's mentions or the edge's count in each period it has any
 * ("2019:3 2020:1"; "" for an element of undated documents only); the
 * graph gets period ("year"...) and measure (what weight is: "count"...). Writers decode it with eg_timeline_next.
 * With documents per node (eg_cooc_options_t.node_docs), nodes get
 * docs: the documents kept, each "document-id" EG_EVIDENCE_DOC_SEP
 * "mentions" (decimal), separated by EG_EVIDENCE_SEP, by id (read with
 * eg_evidence_next: the mentions come as the text).
 * Graph attributes: window, documents, windows (and period).
 *
 * Evidence is one string attribute per edge so that igraph's own
 * subgraph and deletion functions keep it with its edge: entries are
 * separated by EG_EVIDENCE_SEP and each is six fields separated by
 * EG_EVIDENCE_DOC_SEP: document id, date ("" when undated), sentence,
 * start and end byte (decimal), window text. Both separators are control
 * characters, which cleaned text never contains (an entry of two fields,
 * id and text, is read too). Writers decode it with eg_evidence_read (or
 * eg_evidence_next for the id and text alone).
 *
 * The options type is eg_network_options.h's; igraph's setup is
 * eg_igraph.h's (included here for the callers of the builder).
 */
#ifndef EG_NETWORK_H
#define EG_NETWORK_H

#include "../base/eg_error.h"
#include "../count/eg_cooc.h"
#include "../tag/eg_dict.h"
#include "eg_igraph.h"
#include "eg_measures.h"
#include "eg_network_options.h"

#include <igraph.h>

#define EG_EVIDENCE_SEP '\x1e'
#define EG_EVIDENCE_DOC_SEP '\x1f'

/* Step through an encoded evidence string: *pos starts at the string;
 * returns 1 and the next entry's document id and text (not
 * NUL-terminated), or 0 at the end. */
int eg_evidence_next(const char **pos, const char **doc, size_t *doc_len,
                     const char **text, size_t *text_len);

/* One evidence entry, all of it. */
typedef struct eg_evidence_item {
    const char *doc, *text; /* not NUL-terminated */
    size_t doc_len, text_len;
    char date[11];          /* "YYYY-MM-DD", "" when undated */
    unsigned long sentence, start, end;
    int located;            /* 0: an entry of two fields (id and text) only */
} eg_evidence_item_t;

/* Like eg_evidence_next, into *item. */
int eg_evidence_read(const char **pos, eg_evidence_item_t *item);

/* Step through a timeline attribute: *pos starts at the string; returns
 * 1 and the next period's name (not NUL-terminated) and count, or 0 at
 * the end. */
int eg_timeline_next(const char **pos, const char **period, size_t *period_len,
                     double *count);

/* Build g (uninitialised on entry; destroy it with igraph_destroy when
 * 0 is returned): the counts as a graph with every association measure
 * on each edge (eg_measures.h; "weight" is opt->measure), then the
 * filters (eg_filter_apply), then the analytics (eg_analytics_apply).
 * Returns 0, EG_ERR_USAGE when --focus names no entity of the graph, or
 * EG_ERR_RUNTIME. */
int eg_network_build(igraph_t *g, const eg_dict_t *dict, const eg_cooc_t *counts,
                     const eg_network_options_t *opt, eg_error_t *err);

#endif
