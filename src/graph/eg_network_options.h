/* eg_network_options.h — what the graph is to be: the weight measure,
 * the filters, the analytics and their switches.
 *
 * A header of its own because the network builder (eg_network.h) and
 * the stages it calls (eg_filter.h, eg_analytics.h, eg_style.h) all read
 * these options: with the type in eg_network.h, each stage's header had
 * to include the builder that includes it back.
 */
#ifndef EG_NETWORK_OPTIONS_H
#define EG_NETWORK_OPTIONS_H

#include "../count/eg_cooc.h"
#include "eg_measures.h"

#include <stdint.h>

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

#endif
