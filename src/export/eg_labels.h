/* eg_labels.h — where to put the labels of a static picture so that none
 * overlaps another and all stay on the canvas.
 *
 * The caller lists the candidates most important first, each a node
 * circle (centre cx, cy and radius r, in canvas units, y down) and the
 * size of its label's box (w, h). eg_labels_place tries, for each in
 * turn, four spots around its circle: right, left, above, below (the
 * box at a gap of EG_LABEL_GAP from the circle, vertically centred for
 * right and left, horizontally centred above and below). The first spot
 * that lies inside the canvas, crosses no label placed so far and no
 * candidate's circle is taken; failing that, the first that crosses no
 * label and no circle of a candidate before it (labelled or not: a hub
 * keeps its disc visible) nor its own; a candidate with neither gets no
 * label. It stops after max labels.
 *
 * Same input, same output: no randomness, no floating-point order
 * dependence beyond the candidates' order. Cost O(n * (n + placed)),
 * meant for a few hundred candidates. Pure functions, thread-safe.
 */
#ifndef EG_LABELS_H
#define EG_LABELS_H

#include <stddef.h>

#define EG_LABEL_GAP 2.0

typedef struct eg_label_box {
    double x, y, w, h; /* top left corner, width, height */
} eg_label_box_t;

typedef struct eg_label_req {
    double cx, cy, r; /* the node's circle */
    double w, h;      /* its label's box */
} eg_label_req_t;

typedef enum eg_label_side {
    EG_LABEL_NONE = 0, /* not placed */
    EG_LABEL_RIGHT,
    EG_LABEL_LEFT,
    EG_LABEL_ABOVE,
    EG_LABEL_BELOW,
} eg_label_side_t;

typedef struct eg_label_spot {
    eg_label_side_t side;
    eg_label_box_t box; /* valid when side != EG_LABEL_NONE */
} eg_label_spot_t;

/* Place the labels of req[0..n) inside canvas; spots[i] says where (n
 * entries, filled by the call). Returns the number placed (<= max). */
size_t eg_labels_place(const eg_label_req_t *req, size_t n, eg_label_box_t canvas, size_t max,
                       eg_label_spot_t *spots);

/* 1 when the boxes share an area (touching edges do not count). */
int eg_label_boxes_overlap(const eg_label_box_t *a, const eg_label_box_t *b);

/* An upper estimate of the width of UTF-8 text set at font_px in a
 * sans-serif face as wide as DejaVu Sans/Verdana (narrower faces such as
 * Arial or Helvetica come out narrower): per character classes, East
 * Asian wide characters one em. Invalid bytes count as one character. */
double eg_label_text_width(const char *text, double font_px);

#endif
