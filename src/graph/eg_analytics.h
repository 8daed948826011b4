/* eg_analytics.h — what an analyst reads off the network: centrality,
 * groups, and where and how to draw each node.
 *
 * With opt->analytics set, on the filtered graph:
 *   node degree     number of neighbours
 *   node strength   sum of the weights of its edges
 *   node pagerank   weighted PageRank (damping 0.85, PRPACK)
 *   node betweenness  shortest-path betweenness, unweighted (hops), when
 *                   opt->betweenness is 1, or -1 and the graph has at
 *                   most EG_BETWEENNESS_AUTO_MAX nodes
 *   node community  0 = the largest group (ties: the group holding the
 *                   earlier node id), ... ; graph attribute modularity
 *                   (weighted, resolution 1)
 *   node x, y       layout (eg_style.h), size, r, g, b
 * Where a weight must not be negative (PageRank, communities) negative
 * and undefined weights count as 0 (pmi and npmi are negative for pairs
 * seen less often than chance).
 *
 * Leiden optimises modularity: node weights are the strengths and the
 * resolution is 1/(2m), m the total weight, as igraph's documentation
 * of igraph_community_leiden prescribes; Louvain is
 * igraph_community_multilevel. Both use igraph's default RNG, seeded
 * with opt->seed just before, so the same graph and seed give the same
 * groups. Not thread-safe (igraph's RNG is global).
 */
#ifndef EG_ANALYTICS_H
#define EG_ANALYTICS_H

#include "../base/eg_error.h"
#include "eg_network_options.h"

#include <igraph.h>

#include <igraph.h>

/* Returns 0 or EG_ERR_RUNTIME. Does nothing unless opt->analytics. */
int eg_analytics_apply(igraph_t *g, const eg_network_options_t *opt, eg_error_t *err);

/* Renumber membership so that 0 is the largest group, ties broken by the
 * smallest member index. Returns the number of groups, or -1. */
igraph_integer_t eg_communities_renumber(igraph_vector_int_t *membership);

#endif
