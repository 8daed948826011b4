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
 * eg_igraph_setup() must run once before any igraph call: it installs the
 * C attribute handler and an error handler that records the message and
 * returns instead of aborting the process (igraph's default).
 */
#ifndef EG_NETWORK_H
#define EG_NETWORK_H

#include "../base/eg_error.h"
#include "../count/eg_cooc.h"
#include "../tag/eg_dict.h"
#include "eg_measures.h"

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

void eg_igraph_setup(void);

/* The message of igraph's last error on this thread ("" when none). */
const char *eg_igraph_last_error(void);

typedef enum eg_communities {
    EG_COMMUNITIES_NONE = 0,
    EG_COMMUNITIES_LEIDEN,
    EG_COMMUNITIES_LOUVAIN,
} eg_communities_t;

typedef enum eg_layout {
    EG_LAYOUT_NONE = 0,
    EG_LAYOUT_AUTO, /* fr up to EG_LAYOUT_FR_MAX nodes, drl above */
    EG_LAYOUT_FR,
    EG_LAYOUT_DRL,
} eg_layout_t;

typedef enum eg_color_by {
    EG_COLOR_TYPE = 0,
    EG_COLOR_COMMUNITY,
} eg_color_by_t;

/* igraph's FR switches to a grid above 1000 nodes and stays fast: on a
 * synthetic 15,000-node, 120,000-edge graph FR took ~1 s and DrL 190 s
 * and 700 MB, so auto keeps FR far beyond "a few thousand" nodes. */
#define EG_LAYOUT_FR_MAX 100000
#define EG_BETWEENNESS_AUTO_MAX 5000

/* All zero = the plain count graph (weight = count, no filter, no
 * analytics); the CLI's defaults are set in cli_graph_options_init. */
typedef struct eg_network_options {
    eg_window_t window;
    eg_measure_t measure;   /* which measure becomes "weight" */
    /* filters (eg_filter.h), 0 = off */
    const char *types;      /* comma-separated entity types to keep; NULL: all */
    uint64_t min_count;     /* edges with count < min_count go */
    uint64_t min_mentions;  /* nodes with mentions < min_mentions go */
    uint64_t top_nodes;     /* keep the N most mentioned nodes */
    uint64_t top_edges;     /* keep the N heaviest edges */
    double backbone;        /* disparity filter significance, 0 < alpha < 1 */
    const char *focus;      /* ego network around this id, label or alias */
    unsigned depth;         /* ... of this radius (>= 1 when focus is set) */
    /* analytics (eg_analytics.h) */
    int analytics;          /* degree, strength, pagerank, size, colour */
    int betweenness;        /* -1 auto (<= EG_BETWEENNESS_AUTO_MAX nodes), 0, 1 */
    eg_communities_t communities;
    eg_layout_t layout;
    eg_color_by_t color;
    unsigned long seed;     /* for communities and layout */
    unsigned threads;       /* for betweenness; 0 or 1 = the caller's only.
                               The graph does not depend on it. */
} eg_network_options_t;

/* Build g (uninitialised on entry; destroy it with igraph_destroy when
 * 0 is returned): the counts as a graph with every association measure
 * on each edge (eg_measures.h; "weight" is opt->measure), then the
 * filters (eg_filter_apply), then the analytics (eg_analytics_apply).
 * Returns 0, EG_ERR_USAGE when --focus names no entity of the graph, or
 * EG_ERR_RUNTIME. */
int eg_network_build(igraph_t *g, const eg_dict_t *dict, const eg_cooc_t *counts,
                     const eg_network_options_t *opt, eg_error_t *err);

#endif
