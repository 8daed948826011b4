/* eg_style.c — layout, node size and colour; see eg_style.h. Viewers
 * (Gephi, sigma.js, Cytoscape) draw what these attributes say, so a
 * file opens laid out and coloured without any work in the viewer. */
#include "eg_style.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Tableau 10 (Tableau Software, 2016), the last entry the shared grey. */
static const unsigned char PALETTE[EG_PALETTE_SIZE][3] = {
    {78, 121, 167},  /* blue */
    {89, 161, 79},   /* green */
    {225, 87, 89},   /* red */
    {242, 142, 43},  /* orange */
    {118, 183, 178}, /* teal */
    {237, 201, 72},  /* yellow */
    {176, 122, 161}, /* purple */
    {255, 157, 167}, /* pink */
    {156, 117, 95},  /* brown */
    {186, 176, 172}, /* grey: everything else */
};

void eg_palette(unsigned i, unsigned char rgb[3])
{
    if (i >= EG_PALETTE_SIZE)
        i = EG_PALETTE_SIZE - 1;
    memcpy(rgb, PALETTE[i], 3);
}

static double round2(double x)
{
    double r = round(x * 100) / 100;
    return r == 0 ? 0 : r; /* no "-0" in the files */
}

static int layout(igraph_t *g, const eg_network_options_t *opt)
{
    igraph_integer_t nv = igraph_vcount(g);
    eg_layout_t how = opt->layout;
    if (how == EG_LAYOUT_NONE || nv == 0)
        return 0;
    if (how == EG_LAYOUT_AUTO)
        how = nv <= EG_LAYOUT_FR_MAX ? EG_LAYOUT_FR : EG_LAYOUT_DRL;
    igraph_matrix_t xy;
    if (igraph_matrix_init(&xy, nv, 2))
        return -1;
    igraph_rng_seed(igraph_rng_default(), opt->seed);
    int rc;
    if (how == EG_LAYOUT_FR) {
        rc = igraph_layout_fruchterman_reingold(g, &xy, 0, 500, sqrt((double)nv),
                                                IGRAPH_LAYOUT_AUTOGRID, NULL, NULL, NULL,
                                                NULL, NULL) ? -1 : 0;
    } else {
        igraph_layout_drl_options_t drl;
        rc = igraph_layout_drl_options_init(&drl, IGRAPH_LAYOUT_DRL_DEFAULT) ||
                     igraph_layout_drl(g, &xy, 0, &drl, NULL) ? -1 : 0;
    }
    double cx = 0, cy = 0, far = 0;
    for (igraph_integer_t v = 0; rc == 0 && v < nv; v++) {
        cx += MATRIX(xy, v, 0) / (double)nv;
        cy += MATRIX(xy, v, 1) / (double)nv;
    }
    for (igraph_integer_t v = 0; rc == 0 && v < nv; v++)
        far = fmax(far, hypot(MATRIX(xy, v, 0) - cx, MATRIX(xy, v, 1) - cy));
    double scale = far > 0 ? (100 + 20 * sqrt((double)nv)) / far : 0;
    for (igraph_integer_t v = 0; rc == 0 && v < nv; v++)
        rc = SETVAN(g, "x", v, round2((MATRIX(xy, v, 0) - cx) * scale)) ||
             SETVAN(g, "y", v, round2((MATRIX(xy, v, 1) - cy) * scale)) ? -1 : 0;
    igraph_matrix_destroy(&xy);
    return rc;
}

static int sizes(igraph_t *g)
{
    igraph_integer_t nv = igraph_vcount(g);
    double lo = INFINITY, hi = -INFINITY;
    for (igraph_integer_t v = 0; v < nv; v++) {
        double m = log(fmax(VAN(g, "mentions", v), 1));
        lo = fmin(lo, m);
        hi = fmax(hi, m);
    }
    for (igraph_integer_t v = 0; v < nv; v++) {
        double m = log(fmax(VAN(g, "mentions", v), 1));
        double size = hi > lo ? 10 + 40 * (m - lo) / (hi - lo) : 20;
        if (SETVAN(g, "size", v, round2(size)))
            return -1;
    }
    return 0;
}

static int by_name(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static int fixed_type(const char *t)
{
    static const char *const fixed[] = {"person", "place", "organisation"};
    for (int k = 0; k < 3; k++)
        if (strcmp(t, fixed[k]) == 0)
            return k;
    return -1;
}

/* Palette index of each vertex's type: the three usual types fixed, the
 * other types in name order on the colours left (sorted once, then
 * looked up, so many nodes of many types stay cheap). */
static int type_colours(const igraph_t *g, unsigned *index)
{
    igraph_integer_t nv = igraph_vcount(g);
    const char **others = malloc(((size_t)nv + 1) * sizeof *others);
    if (!others)
        return -1;
    size_t n = 0;
    for (igraph_integer_t v = 0; v < nv; v++)
        if (fixed_type(VAS(g, "type", v)) < 0)
            others[n++] = VAS(g, "type", v);
    qsort(others, n, sizeof *others, by_name);
    size_t distinct = 0;
    for (size_t i = 0; i < n; i++)
        if (distinct == 0 || strcmp(others[i], others[distinct - 1]) != 0)
            others[distinct++] = others[i];
    for (igraph_integer_t v = 0; v < nv; v++) {
        const char *t = VAS(g, "type", v);
        int k = fixed_type(t);
        if (k >= 0) {
            index[v] = (unsigned)k;
            continue;
        }
        const char **hit = bsearch(&t, others, distinct, sizeof *others, by_name);
        size_t rank = 3 + (size_t)(hit - others);
        index[v] = rank < EG_PALETTE_SIZE - 1 ? (unsigned)rank : EG_PALETTE_SIZE - 1;
    }
    free(others);
    return 0;
}

static int colours(igraph_t *g, eg_color_by_t by)
{
    igraph_integer_t nv = igraph_vcount(g);
    unsigned *index = malloc(((size_t)nv + 1) * sizeof *index);
    if (!index)
        return -1;
    int rc = 0;
    if (by == EG_COLOR_COMMUNITY)
        for (igraph_integer_t v = 0; v < nv; v++) {
            double c = VAN(g, "community", v);
            index[v] = c < EG_PALETTE_SIZE - 1 ? (unsigned)c : EG_PALETTE_SIZE - 1;
        }
    else
        rc = type_colours(g, index);
    for (igraph_integer_t v = 0; rc == 0 && v < nv; v++) {
        unsigned char rgb[3];
        eg_palette(index[v], rgb);
        rc = SETVAN(g, "r", v, rgb[0]) || SETVAN(g, "g", v, rgb[1]) ||
             SETVAN(g, "b", v, rgb[2]) ? -1 : 0;
    }
    free(index);
    return rc;
}

int eg_style_apply(igraph_t *g, const eg_network_options_t *opt)
{
    if (layout(g, opt) || sizes(g) || colours(g, opt->color))
        return -1;
    return 0;
}
