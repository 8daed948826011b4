/* test_labels.c — label placement for the static picture (eg_labels.h).
 *
 * The promises: no two placed labels overlap, every label lies inside
 * the canvas, no label covers its own node or a more important one, the
 * most important label gets the first free side, at most max labels,
 * same input same output; and the text width estimate errs wide. A
 * crowded scene (hundreds of candidates in a small canvas, as in the
 * centre of a 3,000-node graph) checks the first three pairwise. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "export/eg_labels.h"

static const eg_label_box_t CANVAS = {10, 20, 600, 400};

static int inside(const eg_label_box_t *b, const eg_label_box_t *c)
{
    return b->x >= c->x && b->y >= c->y && b->x + b->w <= c->x + c->w &&
           b->y + b->h <= c->y + c->h;
}

static int hits_disc(const eg_label_box_t *b, const eg_label_req_t *q)
{
    double nx = fmax(b->x, fmin(q->cx, b->x + b->w));
    double ny = fmax(b->y, fmin(q->cy, b->y + b->h));
    return (q->cx - nx) * (q->cx - nx) + (q->cy - ny) * (q->cy - ny) < q->r * q->r;
}

/* n candidates, seeded: most of them in the crowded middle third */
static void crowd(eg_label_req_t *req, size_t n, unsigned seed)
{
    srand(seed);
    for (size_t i = 0; i < n; i++) {
        double spread = i % 3 ? 200 : 600;
        req[i].cx = 310 + (rand() / (double)RAND_MAX - 0.5) * spread;
        req[i].cy = 220 + (rand() / (double)RAND_MAX - 0.5) * spread * 0.66;
        req[i].r = 1 + 12.0 / (1 + (double)i / 10);
        req[i].w = 30 + rand() % 90;
        req[i].h = 12 + rand() % 8;
    }
}

static void test_crowd_has_no_overlap_and_stays_inside(void **state)
{
    (void)state;
    enum { N = 400 };
    eg_label_req_t req[N];
    eg_label_spot_t spots[N];
    crowd(req, N, 7);
    size_t placed = eg_labels_place(req, N, CANVAS, N, spots), seen = 0;
    assert_true(placed > 20 && placed < N);
    for (size_t i = 0; i < N; i++) {
        if (spots[i].side == EG_LABEL_NONE)
            continue;
        seen++;
        assert_true(inside(&spots[i].box, &CANVAS));
        assert_false(hits_disc(&spots[i].box, &req[i]));
        for (size_t k = 0; k < i; k++) {
            assert_false(hits_disc(&spots[i].box, &req[k]));
            if (spots[k].side != EG_LABEL_NONE)
                assert_false(eg_label_boxes_overlap(&spots[i].box, &spots[k].box));
        }
    }
    assert_int_equal(seen, placed);
}

/* same input, same spots; and no more than max of them */
static void test_same_spots_at_most_max(void **state)
{
    (void)state;
    enum { N = 200 };
    eg_label_req_t req[N];
    eg_label_spot_t a[N], b[N];
    crowd(req, N, 3);
    assert_int_equal(eg_labels_place(req, N, CANVAS, 50, a), eg_labels_place(req, N, CANVAS, 50, b));
    assert_memory_equal(a, b, sizeof a);
    assert_int_equal(eg_labels_place(req, N, CANVAS, 5, a), 5);
    assert_int_equal(eg_labels_place(req, N, CANVAS, 0, a), 0);
}

static void test_first_free_side_in_order(void **state)
{
    (void)state;
    /* alone in the middle: right; at the right edge: left; just under
     * the top edge with a label too wide for either side: below; a label
     * wider than the canvas: none */
    eg_label_req_t req[] = {
        {300, 200, 5, 50, 14},
        {605, 100, 3, 50, 14},
        {310, 25, 3, 320, 14},
        {300, 380, 3, 700, 14},
    };
    eg_label_spot_t spots[4];
    assert_int_equal(eg_labels_place(req, 4, CANVAS, 4, spots), 3);
    assert_int_equal(spots[0].side, EG_LABEL_RIGHT);
    assert_true(fabs(spots[0].box.x - (300 + 5 + EG_LABEL_GAP)) < 1e-9);
    assert_true(fabs(spots[0].box.y - (200 - 7)) < 1e-9);
    assert_int_equal(spots[1].side, EG_LABEL_LEFT);
    assert_int_equal(spots[2].side, EG_LABEL_BELOW);
    assert_int_equal(spots[3].side, EG_LABEL_NONE);
}

static void test_less_important_label_gives_way(void **state)
{
    (void)state;
    /* the second node sits where the first one's label goes right: the
     * first label moves left to keep the second disc visible, and the
     * second label cannot cover the first disc or label */
    eg_label_req_t req[] = {
        {300, 200, 10, 80, 14},
        {340, 200, 4, 80, 14},
    };
    eg_label_spot_t spots[2];
    assert_int_equal(eg_labels_place(req, 2, CANVAS, 2, spots), 2);
    assert_int_equal(spots[0].side, EG_LABEL_LEFT);
    assert_int_equal(spots[1].side, EG_LABEL_RIGHT);
}

static void test_empty_label_gets_no_spot(void **state)
{
    (void)state;
    eg_label_req_t req[] = {{300, 200, 5, 0, 14}, {100, 100, 5, NAN, 14}};
    eg_label_spot_t spots[2];
    assert_int_equal(eg_labels_place(req, 2, CANVAS, 2, spots), 0);
    assert_int_equal(spots[0].side, EG_LABEL_NONE);
}

static void test_text_width_errs_wide(void **state)
{
    (void)state;
    /* DejaVu Sans at 12 px in Chromium: "Vladimir Putin" is 83.9 px
     * wide, "Ilia" 17.6, "Mawm" 39.2 */
    assert_true(eg_label_text_width("Vladimir Putin", 12) >= 83.9);
    assert_true(eg_label_text_width("Vladimir Putin", 12) <= 83.9 * 1.25);
    assert_true(eg_label_text_width("Ilia", 12) >= 17.6);
    assert_true(eg_label_text_width("Mawm", 12) >= 39.2);
    assert_true(eg_label_text_width("Ilia", 12) < eg_label_text_width("Mawm", 12));
    assert_true(eg_label_text_width("", 12) == 0);
    /* East Asian wide characters: at least an em each */
    assert_true(eg_label_text_width("\xe6\x9d\xb1\xe4\xba\xac", 12) >= 24);
    /* a combining accent adds nothing; a precomposed letter is a letter */
    assert_true(eg_label_text_width("e\xcc\x81", 12) == eg_label_text_width("e", 12));
    assert_true(eg_label_text_width("\xc3\xa9", 12) >= eg_label_text_width("e", 12));
    /* invalid bytes count, and end nowhere beyond the string */
    assert_true(eg_label_text_width("\xff\xfe", 10) > 0);
    assert_true(eg_label_text_width("\xe6\x9d", 10) > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_crowd_has_no_overlap_and_stays_inside),
        cmocka_unit_test(test_same_spots_at_most_max),
        cmocka_unit_test(test_first_free_side_in_order),
        cmocka_unit_test(test_less_important_label_gives_way),
        cmocka_unit_test(test_empty_label_gets_no_spot),
        cmocka_unit_test(test_text_width_errs_wide),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
