/* eg_labels.c — greedy label placement for the static picture; see
 * eg_labels.h.
 *
 * A picture for a report can show a few dozen names, not thousands, and
 * the reader wants the important ones. So the rule is greedy and
 * predictable: most important first, four spots around the node, the
 * first free one wins. A free spot crosses no label already placed and
 * no disc of a more important node, so the hubs in the crowded centre
 * keep both their disc and their name, and a name further down the list
 * gives way instead of covering them. Better packings (simulated
 * annealing, force-based) give more labels but move them away from their
 * nodes, and their result is harder to predict and to test.
 *
 * Text width: C has no font metrics without a font library, and the SVG
 * is read by browsers and rsvg with whatever sans-serif they have. The
 * estimate errs wide (classes of DejaVu Sans advances, rounded up), so
 * that a label never runs into its neighbour with the widest usual face.
 */
#include "eg_labels.h"

#include "../text/eg_utf8.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

int eg_label_boxes_overlap(const eg_label_box_t *a, const eg_label_box_t *b)
{
    return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h &&
           b->y < a->y + a->h;
}

static int box_inside(const eg_label_box_t *b, const eg_label_box_t *canvas)
{
    return b->x >= canvas->x && b->y >= canvas->y && b->x + b->w <= canvas->x + canvas->w &&
           b->y + b->h <= canvas->y + canvas->h;
}

/* Does the box share an area with the disc (cx, cy, r)? The nearest point
 * of the box to the centre is inside the circle. */
static int box_hits_disc(const eg_label_box_t *b, double cx, double cy, double r)
{
    double nx = fmax(b->x, fmin(cx, b->x + b->w));
    double ny = fmax(b->y, fmin(cy, b->y + b->h));
    double dx = cx - nx, dy = cy - ny;
    return dx * dx + dy * dy < r * r;
}

static eg_label_box_t spot_box(const eg_label_req_t *q, eg_label_side_t side)
{
    double d = q->r + EG_LABEL_GAP;
    eg_label_box_t b = {0, 0, q->w, q->h};
    switch (side) {
    case EG_LABEL_RIGHT: b.x = q->cx + d, b.y = q->cy - q->h / 2; break;
    case EG_LABEL_LEFT: b.x = q->cx - d - q->w, b.y = q->cy - q->h / 2; break;
    case EG_LABEL_ABOVE: b.x = q->cx - q->w / 2, b.y = q->cy - d - q->h; break;
    default: b.x = q->cx - q->w / 2, b.y = q->cy + d; break;
    }
    return b;
}

/* Is the box inside the canvas, clear of the labels placed before i and
 * of the discs of candidates 0..discs (i's own included)? */
static int spot_free(const eg_label_box_t *b, const eg_label_req_t *req, size_t i,
                     size_t discs, const eg_label_spot_t *spots, const eg_label_box_t *canvas)
{
    if (!box_inside(b, canvas) || box_hits_disc(b, req[i].cx, req[i].cy, req[i].r))
        return 0;
    for (size_t k = 0; k < i; k++)
        if (spots[k].side != EG_LABEL_NONE && eg_label_boxes_overlap(b, &spots[k].box))
            return 0;
    for (size_t k = 0; k < discs; k++)
        if (box_hits_disc(b, req[k].cx, req[k].cy, req[k].r))
            return 0;
    return 1;
}

/* The first free side: clear of every candidate's disc if one is, else
 * clear of the more important ones'. */
static int place_one(const eg_label_req_t *req, size_t n, size_t i, const eg_label_box_t *canvas,
                     eg_label_spot_t *spots)
{
    static const eg_label_side_t sides[] = {EG_LABEL_RIGHT, EG_LABEL_LEFT, EG_LABEL_ABOVE,
                                            EG_LABEL_BELOW};
    for (int pass = 0; pass < 2; pass++)
        for (size_t s = 0; s < sizeof sides / sizeof *sides; s++) {
            eg_label_box_t b = spot_box(&req[i], sides[s]);
            if (spot_free(&b, req, i, pass == 0 ? n : i, spots, canvas)) {
                spots[i].side = sides[s];
                spots[i].box = b;
                return 1;
            }
        }
    return 0;
}

size_t eg_labels_place(const eg_label_req_t *req, size_t n, eg_label_box_t canvas, size_t max,
                       eg_label_spot_t *spots)
{
    size_t placed = 0;
    memset(spots, 0, n * sizeof *spots);
    for (size_t i = 0; i < n && placed < max; i++)
        /* an empty label (or NaN) takes no room and gets none */
        if (req[i].w > 0 && req[i].h > 0)
            placed += (size_t)place_one(req, n, i, &canvas, spots);
    return placed;
}

/* Advance in em of one character, rounded up from DejaVu Sans. */
static double advance(uint32_t c)
{
    if (c < 0x80) {
        if (strchr(" !'(),./:;I[]fijlrt|`", (int)c) && c)
            return 0.42;
        if (strchr("@%MWmw&", (int)c) && c)
            return 1.0;
        if (c >= 'A' && c <= 'Z')
            return 0.80;
        return 0.66;
    }
    if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) ||
        (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
        (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
        (c >= 0xffe0 && c <= 0xffe6) || c >= 0x1f000)
        return 1.05;
    if ((c >= 0x300 && c <= 0x36f) || c == 0x200b || c == 0x200c || c == 0x200d)
        return 0; /* combining marks and zero-width characters */
    return 0.85;
}

double eg_label_text_width(const char *text, double font_px)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t len = strlen(text), at = 0;
    double em = 0;
    while (at < len) {
        uint32_t cp;
        size_t bad = 0, k = eg_utf8_decode(s + at, len - at, &cp, &bad);
        em += advance(cp);
        at += k ? k : bad;
    }
    return em * font_px;
}
