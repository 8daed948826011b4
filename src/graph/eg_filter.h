/* eg_filter.h — cutting the network down to what an analyst can read.
 *
 * Applied in this order, each on what the previous one left:
 *   0. --types LIST: the entities of these types (eg_list_has); the
 *      counts are not changed, so the measures of the edges that stay
 *      still count the windows of every type (W, n_i: eg_measures.h);
 *   1. nodes: --min-mentions N (mentions >= N), --top-nodes N (the N
 *      most mentioned; ties by id);
 *   2. edges: --min-count N (count >= N), --backbone ALPHA (the disparity
 *      filter, below), --top-edges N (the N heaviest by weight; ties by
 *      higher count, then edge order);
 *      a node that had edges and lost them all in step 2 goes too (a node
 *      that never had an edge stays);
 *   3. --focus NAME --depth D: the nodes within D steps of NAME (an
 *      entity id, a label or an alias; exact, then ASCII case-insensitive)
 *      and the edges between them.
 *
 * Disparity filter (Serrano, Boguñá & Vespignani, PNAS 106:6483, 2009):
 * for a node i of degree k > 1 and strength s, an edge of weight w has
 * alpha_i = (1 - w/s)^(k-1), the probability that a uniformly random
 * split of s over k edges gives one at least that heavy. The edge stays
 * when alpha < ALPHA at either end; a degree-1 end cannot judge it.
 * Weights are the "weight" attribute, negative values taken as 0. The
 * smaller alpha of the two ends is kept as the edge attribute "alpha".
 *
 * igraph's own deletions are used, so every attribute (evidence
 * included) stays with its node or edge, and the order of what remains
 * is unchanged.
 */
#ifndef EG_FILTER_H
#define EG_FILTER_H

#include "../base/eg_error.h"
#include "../tag/eg_dict.h"
#include "eg_network_options.h"

#include <igraph.h>

#include <igraph.h>

/* Returns 0, EG_ERR_USAGE when opt->focus matches no entity of the
 * graph, or EG_ERR_RUNTIME. dict resolves labels and aliases of focus. */
int eg_filter_apply(igraph_t *g, const eg_dict_t *dict, const eg_network_options_t *opt,
                    eg_error_t *err);

/* The disparity alpha of every edge (min over its two ends; 1 when no
 * end can judge it), from non-negative weights. res is resized. */
int eg_disparity_alpha(const igraph_t *g, const igraph_vector_t *weights,
                       igraph_vector_t *res);

#endif
