/* eg_export_svg.c — the laid-out graph as one static picture (-o FILE.svg).
 *
 * For reports and for readers who never open Gephi: the nodes where the
 * layout put them, sized and coloured as in every other output, edges
 * as lines whose width grows with the weight, the names of the most
 * important nodes (PageRank, else mentions) where they fit without
 * overlapping (eg_labels.h), and a legend of the colours. The picture
 * is plain SVG 1.1 with no script, no external font and no CSS beyond
 * presentation attributes, so that browsers, rsvg, Inkscape and word
 * processors show the same thing, and it is the source of the PNG too
 * (eg_export_png.c).
 *
 * The legend says what the colours mean without being told how the
 * graph was coloured: when every colour holds one type (the grey shared
 * by the types past the ninth aside), colours are types; when every
 * colour holds one community, communities. Colours that mix groups are
 * named "other".
 *
 * Everything is computed from the graph in a fixed order and printed
 * with fixed precision in the C locale: same graph, same bytes.
 */
#include "eg_export.h"

#include "../graph/eg_network.h"
#include "../graph/eg_style.h"
#include "eg_export_attrs.h"
#include "eg_labels.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LABEL_CANDIDATES 400
#define LABEL_MAX 60
#define LABEL_CHARS 32
#define LEGEND_ROWS_MAX 64

/* The canvas: a title line on top, the legend in a column on the right,
 * the graph in the rest (area). */
#define WIDTH 1200.0
#define HEIGHT 900.0
#define LEGEND_W 230.0
static const eg_label_box_t AREA = {16, 40, WIDTH - LEGEND_W - 24, HEIGHT - 40 - 16};

/* What the writer needs of one node, in canvas units. */
typedef struct node {
    double x, y, r;
    unsigned rgb; /* 0xRRGGBB */
    double rank;  /* pagerank, else mentions: who gets a label first */
    const char *label, *type;
    double community; /* NaN without communities */
} node_t;

typedef struct picture {
    const igraph_t *g;
    FILE *out;
    node_t *nodes;
    igraph_integer_t n, m;
    eg_attr_list_t ga, va, ea;
} picture_t;

static int has_num(const picture_t *p, char kind, const char *name)
{
    return eg_attr_type(kind == 'v' ? &p->va : &p->ea, name) == IGRAPH_ATTRIBUTE_NUMERIC;
}

static const char *vstr(const picture_t *p, const char *name, igraph_integer_t v)
{
    if (eg_attr_type(&p->va, name) != IGRAPH_ATTRIBUTE_STRING)
        return "";
    return eg_attr_str(p->g, 'v', name, v);
}

static double vnum(const picture_t *p, const char *name, igraph_integer_t v, double none)
{
    if (!has_num(p, 'v', name))
        return none;
    double x = eg_attr_num(p->g, 'v', name, v);
    return isfinite(x) ? x : none;
}

static unsigned channel(double v)
{
    return v < 0 ? 0 : v > 255 ? 255 : (unsigned)lround(v);
}

/* Colour, label, rank of every node; positions still in layout units. */
static void read_nodes(picture_t *p)
{
    int has_xy = has_num(p, 'v', "x") && has_num(p, 'v', "y");
    int has_rgb = has_num(p, 'v', "r");
    const char *rank = has_num(p, 'v', "pagerank") ? "pagerank" : "mentions";
    for (igraph_integer_t v = 0; v < p->n; v++) {
        node_t *d = &p->nodes[v];
        double angle = 2 * M_PI * (double)v / (double)p->n;
        d->x = has_xy ? vnum(p, "x", v, 0) : cos(angle);
        d->y = has_xy ? vnum(p, "y", v, 0) : sin(angle);
        d->r = vnum(p, "size", v, 10);
        d->rank = vnum(p, rank, v, 0);
        d->label = vstr(p, "label", v);
        d->type = vstr(p, "type", v);
        d->community = vnum(p, "community", v, NAN);
        unsigned char pal[3];
        eg_palette(EG_PALETTE_SIZE - 1, pal);
        d->rgb = has_rgb ? channel(vnum(p, "r", v, pal[0])) << 16 |
                               channel(vnum(p, "g", v, pal[1])) << 8 | channel(vnum(p, "b", v, pal[2]))
                         : (unsigned)pal[0] << 16 | (unsigned)pal[1] << 8 | pal[2];
    }
}

/* Layout units to canvas units: the bounding box of the nodes scaled,
 * aspect kept, into the drawing area less the largest radius (y up in
 * the layout, as Gephi and sigma.js show it; down in SVG). */
static void place_nodes(picture_t *p)
{
    const eg_label_box_t *f = &AREA;
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY, smax = 0;
    for (igraph_integer_t v = 0; v < p->n; v++) {
        node_t *d = &p->nodes[v];
        x0 = fmin(x0, d->x), x1 = fmax(x1, d->x), y0 = fmin(y0, d->y), y1 = fmax(y1, d->y);
        smax = fmax(smax, d->r);
    }
    double area = f->w * f->h;
    double rmax = fmin(20, fmax(3, 0.35 * sqrt(area / (double)(p->n ? p->n : 1))));
    double pad = rmax + 1, w = f->w - 2 * pad, h = f->h - 2 * pad;
    double sx = x1 > x0 ? w / (x1 - x0) : 0, sy = y1 > y0 ? h / (y1 - y0) : 0;
    double s = sx && sy ? fmin(sx, sy) : sx ? sx : sy;
    double cx = f->x + f->w / 2, cy = f->y + f->h / 2;
    for (igraph_integer_t v = 0; v < p->n; v++) {
        node_t *d = &p->nodes[v];
        d->x = cx + (d->x - (x0 + x1) / 2) * s;
        d->y = cy - (d->y - (y0 + y1) / 2) * s;
        d->r = fmax(1.0, rmax * (smax > 0 ? d->r / fmax(smax, 50) : 0.2));
    }
}

/* Text as XML character data or attribute value: markup escaped,
 * characters XML 1.0 forbids left out, at most max characters (then an
 * ellipsis; 0 = all). */
static void put_text(FILE *out, const char *s, size_t max)
{
    size_t chars = 0;
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        if ((*c & 0xc0) != 0x80 && max && chars++ == max) {
            fputs("\xe2\x80\xa6", out);
            return;
        }
        if (*c == '&')
            fputs("&amp;", out);
        else if (*c == '<')
            fputs("&lt;", out);
        else if (*c == '>')
            fputs("&gt;", out);
        else if (*c == '"')
            fputs("&quot;", out);
        else if (*c == '\t' || *c == '\n' || *c == '\r')
            putc(' ', out);
        else if (*c >= 0x20 && *c != 0x7f &&
                 !(c[0] == 0xef && c[1] == 0xbf && (c[2] == 0xbe || c[2] == 0xbf)))
            putc(*c, out);
    }
}

static int by_weight(const void *a, const void *b, void *w)
{
    const double *weight = w;
    igraph_integer_t i = *(const igraph_integer_t *)a, j = *(const igraph_integer_t *)b;
    if (weight[i] != weight[j])
        return weight[i] < weight[j] ? -1 : 1;
    return i < j ? -1 : i > j;
}

/* Lighter edges first, so the heavy ones are drawn on top. */
static int put_edges(picture_t *p)
{
    double *w = malloc(((size_t)p->m + 1) * sizeof *w);
    igraph_integer_t *order = malloc(((size_t)p->m + 1) * sizeof *order);
    if (!w || !order) {
        free(w), free(order);
        return -1;
    }
    int weighted = has_num(p, 'e', "weight");
    double lo = INFINITY, hi = -INFINITY;
    for (igraph_integer_t e = 0; e < p->m; e++) {
        double x = weighted ? eg_attr_num(p->g, 'e', "weight", e) : 1;
        w[e] = isfinite(x) ? x : 0;
        order[e] = e;
        lo = fmin(lo, w[e]), hi = fmax(hi, w[e]);
    }
    qsort_r(order, (size_t)p->m, sizeof *order, by_weight, w);
    double span = log1p(fmax(0, hi - lo));
    fprintf(p->out, "<g id=\"edges\" stroke=\"#8c8c8c\" stroke-opacity=\"%s\" "
                    "stroke-linecap=\"round\">\n", p->m > 5000 ? "0.25" : "0.45");
    for (igraph_integer_t k = 0; k < p->m; k++) {
        igraph_integer_t e = order[k], u, v;
        eg_edge_ends(p->g, e, &u, &v);
        double width = 0.4 + (span > 0 ? 2.6 * log1p(w[e] - lo) / span : 0.6);
        fprintf(p->out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                        "stroke-width=\"%.2f\"/>\n", p->nodes[u].x, p->nodes[u].y,
                p->nodes[v].x, p->nodes[v].y, width);
    }
    fputs("</g>\n", p->out);
    free(w), free(order);
    return 0;
}

static int by_radius(const void *a, const void *b, void *nodes)
{
    const node_t *d = nodes;
    igraph_integer_t i = *(const igraph_integer_t *)a, j = *(const igraph_integer_t *)b;
    if (d[i].r != d[j].r)
        return d[i].r < d[j].r ? -1 : 1;
    return i < j ? -1 : i > j;
}

/* Small nodes first, so that a hub is never hidden under its leaves;
 * each with its name as a tooltip. */
static int put_nodes(picture_t *p)
{
    igraph_integer_t *order = malloc(((size_t)p->n + 1) * sizeof *order);
    if (!order)
        return -1;
    for (igraph_integer_t v = 0; v < p->n; v++)
        order[v] = v;
    qsort_r(order, (size_t)p->n, sizeof *order, by_radius, p->nodes);
    fputs("<g id=\"nodes\" stroke=\"#ffffff\" stroke-width=\"0.8\">\n", p->out);
    for (igraph_integer_t k = 0; k < p->n; k++) {
        const node_t *d = &p->nodes[order[k]];
        fprintf(p->out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#%06x\"><title>",
                d->x, d->y, d->r, d->rgb);
        put_text(p->out, d->label, 0);
        fputs("</title></circle>\n", p->out);
    }
    fputs("</g>\n", p->out);
    free(order);
    return 0;
}

static int by_rank(const void *a, const void *b, void *nodes)
{
    const node_t *d = nodes;
    igraph_integer_t i = *(const igraph_integer_t *)a, j = *(const igraph_integer_t *)b;
    if (d[i].rank != d[j].rank)
        return d[i].rank > d[j].rank ? -1 : 1;
    if (d[i].r != d[j].r)
        return d[i].r > d[j].r ? -1 : 1;
    return i < j ? -1 : i > j;
}

/* Font size of a node's label: 11 px for the smallest, 16 for the largest. */
static double font_px(const node_t *d, double rmax)
{
    return 11 + 5 * (rmax > 1 ? (d->r - 1) / (rmax - 1) : 1);
}

/* The label as drawn: at most LABEL_CHARS characters. */
static double label_width(const char *label, double font)
{
    char cut[LABEL_CHARS * 4 + 4];
    size_t len = 0, chars = 0;
    for (const char *c = label; *c && len + 4 < sizeof cut; c++) {
        if ((*c & 0xc0) != 0x80 && chars++ == LABEL_CHARS) {
            memcpy(cut + len, "\xe2\x80\xa6", 3), len += 3;
            break;
        }
        cut[len++] = *c;
    }
    cut[len] = '\0';
    return eg_label_text_width(cut, font);
}

static int put_labels(picture_t *p)
{
    size_t n = (size_t)p->n < LABEL_CANDIDATES ? (size_t)p->n : LABEL_CANDIDATES;
    igraph_integer_t *order = malloc(((size_t)p->n + 1) * sizeof *order);
    eg_label_req_t *req = malloc((n + 1) * sizeof *req);
    eg_label_spot_t *spots = malloc((n + 1) * sizeof *spots);
    if (!order || !req || !spots) {
        free(order), free(req), free(spots);
        return -1;
    }
    double rmax = 1;
    for (igraph_integer_t v = 0; v < p->n; v++)
        order[v] = v, rmax = fmax(rmax, p->nodes[v].r);
    qsort_r(order, (size_t)p->n, sizeof *order, by_rank, p->nodes);
    for (size_t k = 0; k < n; k++) {
        const node_t *d = &p->nodes[order[k]];
        double font = font_px(d, rmax);
        req[k] = (eg_label_req_t){d->x, d->y, d->r, label_width(d->label, font), font * 1.25};
    }
    eg_labels_place(req, n, AREA, LABEL_MAX, spots);
    fputs("<g id=\"labels\" font-family=\"DejaVu Sans, Verdana, sans-serif\" fill=\"#222222\" "
          "stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" "
          "paint-order=\"stroke\">\n", p->out);
    for (size_t k = 0; k < n; k++) {
        if (spots[k].side == EG_LABEL_NONE)
            continue;
        const eg_label_box_t *b = &spots[k].box;
        fprintf(p->out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.1f\">", b->x,
                b->y + b->h * 0.78, b->h / 1.25);
        put_text(p->out, p->nodes[order[k]].label, LABEL_CHARS);
        fputs("</text>\n", p->out);
    }
    fputs("</g>\n", p->out);
    free(order), free(req), free(spots);
    return 0;
}

/* One colour of the legend: the nodes that have it, and the type and
 * community they share (mixed_* when they do not). */
typedef struct swatch {
    unsigned rgb;
    size_t count;
    const char *type;
    double community;
    int mixed_type, mixed_community, other; /* other: the shared grey */
} swatch_t;

static size_t swatches(const picture_t *p, swatch_t *s)
{
    unsigned char grey[3];
    eg_palette(EG_PALETTE_SIZE - 1, grey);
    unsigned rest = (unsigned)grey[0] << 16 | (unsigned)grey[1] << 8 | grey[2];
    size_t k = 0;
    for (igraph_integer_t v = 0; v < p->n; v++) {
        const node_t *d = &p->nodes[v];
        size_t j = 0;
        while (j < k && s[j].rgb != d->rgb)
            j++;
        if (j == k && k == LEGEND_ROWS_MAX)
            continue; /* past 64 colours the legend says "more" */
        if (j == k)
            s[k++] = (swatch_t){d->rgb, 0, d->type, d->community, 0, 0, d->rgb == rest};
        s[j].count++;
        s[j].mixed_type |= strcmp(s[j].type, d->type) != 0;
        s[j].mixed_community |= !(s[j].community == d->community);
    }
    return k;
}

/* Colours are types when each colour but the shared grey holds one type
 * and no type has two colours. */
static int colours_are_types(const swatch_t *s, size_t k)
{
    for (size_t i = 0; i < k; i++) {
        if (s[i].other)
            continue;
        if (s[i].mixed_type)
            return 0;
        for (size_t j = 0; j < i; j++)
            if (!s[j].other && strcmp(s[i].type, s[j].type) == 0)
                return 0;
    }
    return 1;
}

static int by_count(const void *a, const void *b)
{
    const swatch_t *x = a, *y = b;
    if (x->other != y->other)
        return x->other - y->other;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return x->rgb < y->rgb ? -1 : x->rgb > y->rgb;
}

static void put_swatch(FILE *out, const swatch_t *s, int types, double x, double y)
{
    fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"#%06x\"/>\n", x + 6, y - 4,
            s->rgb);
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\">", x + 18, y);
    if (types && (s->mixed_type || s->other))
        fputs("other types", out);
    else if (types)
        put_text(out, s->type[0] ? s->type : "(no type)", 16);
    else if (s->mixed_community || s->other || !isfinite(s->community))
        fputs("other communities", out);
    else
        fprintf(out, "community %.0f", s->community);
    fprintf(out, " <tspan fill=\"#777777\">%zu</tspan></text>\n", s->count);
}

/* The legend column: what the colours mean, then how to read sizes. */
static int put_legend(const picture_t *p)
{
    swatch_t *s = malloc(LEGEND_ROWS_MAX * sizeof *s);
    if (!s)
        return -1;
    size_t k = swatches(p, s);
    int types = colours_are_types(s, k) || !has_num(p, 'v', "community");
    qsort(s, k, sizeof *s, by_count);
    double x = WIDTH - LEGEND_W, y = AREA.y + 14;
    size_t rows = (size_t)((AREA.h - 90) / 22);
    fprintf(p->out, "<g id=\"legend\" font-family=\"DejaVu Sans, Verdana, sans-serif\" "
                    "font-size=\"12\" fill=\"#222222\">\n<text x=\"%.1f\" y=\"%.1f\" "
                    "font-weight=\"bold\">%s</text>\n", x, y, types ? "Types" : "Communities");
    for (size_t i = 0; i < k && i < rows; i++)
        put_swatch(p->out, &s[i], types, x, y + 22 * (double)(i + 1));
    if (k > rows)
        fprintf(p->out, "<text x=\"%.1f\" y=\"%.1f\">and %zu more colours</text>\n", x + 18,
                y + 22 * (double)(rows + 1), k - rows);
    y = AREA.y + AREA.h - 40;
    fprintf(p->out, "<g fill=\"#666666\" font-size=\"11\">\n"
                    "<text x=\"%.1f\" y=\"%.1f\">Node size: mentions</text>\n"
                    "<text x=\"%.1f\" y=\"%.1f\">Edge width: weight</text>\n"
                    "<text x=\"%.1f\" y=\"%.1f\">Names: the most central nodes</text>\n"
                    "</g>\n</g>\n", x, y, x, y + 16, x, y + 32);
    free(s);
    return 0;
}

static void put_header(picture_t *p)
{
    fprintf(p->out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%.0f\" "
            "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\">\n"
            "<rect id=\"background\" width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>\n"
            "<text id=\"title\" x=\"16\" y=\"26\" font-family=\"DejaVu Sans, Verdana, "
            "sans-serif\" font-size=\"14\" fill=\"#222222\">entgraph: %lld nodes, %lld "
            "edges</text>\n",
            WIDTH, HEIGHT, WIDTH, HEIGHT, WIDTH, HEIGHT, (long long)p->n, (long long)p->m);
}

int eg_export_svg(const igraph_t *g, FILE *out, eg_error_t *err)
{
    picture_t p = {.g = g, .out = out, .n = igraph_vcount(g), .m = igraph_ecount(g)};
    if (eg_attr_lists_init(g, &p.ga, &p.va, &p.ea))
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
    p.nodes = malloc(((size_t)p.n + 1) * sizeof *p.nodes);
    int rc = !p.nodes;
    if (rc == 0) {
        read_nodes(&p);
        place_nodes(&p);
        put_header(&p);
        rc = put_edges(&p) || put_nodes(&p) || put_labels(&p) || put_legend(&p);
    }
    free(p.nodes);
    eg_attr_lists_destroy(&p.ga, &p.va, &p.ea);
    if (rc)
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
    fputs("</svg>\n", out);
    if (ferror(out))
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "cannot write the picture: %s",
                            strerror(errno));
    return 0;
}
