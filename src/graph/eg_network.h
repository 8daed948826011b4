/* eg_network.h — the counts as an igraph graph with attributes.
 *
 * Vertices are the entities with at least one mention, ordered by id
 * (byte order), so the graph does not depend on dictionary order or on
 * how the work was split. Edges are the co-occurring pairs, ordered by
 * (source, target) vertex index, undirected, no self-loops.
 * Vertex attributes: id, label, type, mentions, documents, then the
 * dictionary's extra columns (strings, "" when an entity has none).
 * Edge attributes: count, documents, weight (= count), and evidence
 * when evidence was kept.
 * With dated documents, nodes and edges also get first and last
 * ("YYYY-MM-DD"): the dates of their first and last document.
 * Graph attributes: window, documents, windows.
 *
 * Evidence is one string attribute per edge so that igraph's own
 * subgraph and deletion functions keep it with its edge: entries are
 * separated by EG_EVIDENCE_SEP and each is "document-id" EG_EVIDENCE_DOC_SEP
 * "window text". Both separators are control characters, which cleaned
 * text never contains. Writers decode it with eg_evidence_next.
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

#include <igraph.h>

#define EG_EVIDENCE_SEP '\x1e'
#define EG_EVIDENCE_DOC_SEP '\x1f'

/* Step through an encoded evidence string: *pos starts at the string;
 * returns 1 and the next entry's document id and text (not
 * NUL-terminated), or 0 at the end. */
int eg_evidence_next(const char **pos, const char **doc, size_t *doc_len,
                     const char **text, size_t *text_len);

void eg_igraph_setup(void);

/* The message of igraph's last error on this thread ("" when none). */
const char *eg_igraph_last_error(void);

typedef struct eg_network_options {
    eg_window_t window;
} eg_network_options_t;

/* Build g (uninitialised on entry; destroy it with igraph_destroy when
 * 0 is returned). Returns 0 or EG_ERR_RUNTIME. */
int eg_network_build(igraph_t *g, const eg_dict_t *dict, const eg_cooc_t *counts,
                     const eg_network_options_t *opt, eg_error_t *err);

#endif
