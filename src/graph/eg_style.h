/* eg_style.h — how to draw the network: positions, sizes, colours.
 *
 * Layout (node x, y): Fruchterman–Reingold (igraph, 500 iterations,
 * unweighted) or DrL for large graphs, started from igraph's default RNG
 * seeded with opt->seed; centred on 0 and scaled so that the farthest
 * node is at 100 + 20 sqrt(n) units, rounded to 0.01. Without a layout
 * no x and y are written.
 *
 * Size: 10 + 40 (ln m - ln m_min) / (ln m_max - ln m_min) from the
 * node's mentions m (20 when all are equal), rounded to 0.01.
 *
 * The attribute names x, y, size, r, g, b are the ones Gephi's GraphML
 * importer maps to position, size and colour (see
 * eg_export_graphml.c); the GEXF writer turns them into viz: elements.
 *
 * Colour (r, g, b, integers 0-255) from the Tableau 10 palette, chosen
 * for readability on white: by type, person is blue (78,121,167), place
 * green (89,161,79), organisation red (225,87,89), and the other types
 * take the remaining colours in name order; by community, groups 0-8
 * (the largest) take palette colours 0-8 and the rest share grey
 * (186,176,172).
 */
#ifndef EG_STYLE_H
#define EG_STYLE_H

#include "eg_network_options.h"

#include <igraph.h>

#include <igraph.h>

#define EG_PALETTE_SIZE 10

/* r, g, b of palette entry i (the last one is the grey for the rest). */
void eg_palette(unsigned i, unsigned char rgb[3]);

/* Set x, y (unless layout is NONE), size, r, g, b. Needs the community
 * attribute when coloring by community. Returns 0 or -1 (igraph error). */
int eg_style_apply(igraph_t *g, const eg_network_options_t *opt);

#endif
