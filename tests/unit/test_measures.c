/* test_measures.c — association measures, the disparity filter and the
 * community numbering, each against a computation done by hand. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>

#include "graph/eg_analytics.h"
#include "graph/eg_filter.h"
#include "graph/eg_measures.h"
#include "graph/eg_network.h"

#define TOL 1e-12

/* n_ij = 2, n_i = 4, n_j = 5, W = 10: exactly what chance gives.
 * pmi = ln(2*10 / (4*5)) = 0; npmi = 0; dice = 4/9; jaccard = 2/7;
 * assoc = 20/20 = 1; the 2x2 table [2 2; 3 3] equals its expectation,
 * so G^2 = 0. */
static void test_independent_pair(void **state)
{
    (void)state;
    double m[EG_MEASURE_N];
    eg_measures_compute(2, 4, 5, 10, m);
    assert_float_equal(m[EG_MEASURE_COUNT], 2, TOL);
    assert_float_equal(m[EG_MEASURE_PMI], 0, TOL);
    assert_float_equal(m[EG_MEASURE_NPMI], 0, TOL);
    assert_float_equal(m[EG_MEASURE_DICE], 4.0 / 9.0, TOL);
    assert_float_equal(m[EG_MEASURE_JACCARD], 2.0 / 7.0, TOL);
    assert_float_equal(m[EG_MEASURE_ASSOC], 1, TOL);
    assert_float_equal(m[EG_MEASURE_LLR], 0, TOL);
    /* exactly 0, not the -1e-16 the logarithms leave, which prints so */
    for (uint64_t k = 1; k <= 40; k++) {
        eg_measures_compute(k * 3, k * 6, k * 7, k * 14, m);
        assert_true(m[EG_MEASURE_PMI] == 0 && m[EG_MEASURE_NPMI] == 0);
    }
}

/* n_ij = 3, n_i = 3, n_j = 4, W = 12: i never appears without j.
 * pmi = ln(36/12) = ln 3 = 1.0986122886681098
 * npmi = ln 3 / -ln(3/12) = ln 3 / ln 4 = 0.7924812503605781
 * dice = 6/7, jaccard = 3/4, assoc = 3
 * table [3 0; 1 8], rows 3 and 9, columns 4 and 8:
 * G^2 = 2 (3 ln(3*12/(3*4)) + 0 + 1 ln(12/(9*4)) + 8 ln(8*12/(9*8)))
 *     = 2 (3 ln 3 - ln 3 + 8 ln(4/3)) = 4 ln 3 + 16 ln(4/3)
 *     = 4.394449154672439 + 4.602913159228494 = 8.997362313900933 */
static void test_attracted_pair(void **state)
{
    (void)state;
    double m[EG_MEASURE_N];
    eg_measures_compute(3, 3, 4, 12, m);
    assert_float_equal(m[EG_MEASURE_PMI], 1.0986122886681098, TOL);
    assert_float_equal(m[EG_MEASURE_NPMI], 0.7924812503605781, TOL);
    assert_float_equal(m[EG_MEASURE_DICE], 6.0 / 7.0, TOL);
    assert_float_equal(m[EG_MEASURE_JACCARD], 0.75, TOL);
    assert_float_equal(m[EG_MEASURE_ASSOC], 3, TOL);
    assert_float_equal(m[EG_MEASURE_LLR], 8.997362313900933, 1e-9);
}

/* n_ij = 1, n_i = 4, n_j = 3, W = 6: rarer together than chance.
 * pmi = ln(6/12) = -ln 2 = -0.6931471805599453
 * npmi = -ln 2 / ln 6 = -0.38685280723454163
 * table [1 3; 2 0], rows 4 and 2, columns 3 and 3:
 * G^2 = 2 (ln(6/12) + 3 ln(18/12) + 2 ln(12/6) + 0)
 *     = 2 (-ln 2 + 3 ln 1.5 + 2 ln 2) = 2 ln 2 + 6 ln 1.5
 *     = 1.3862943611198906 + 2.4327906486489863 = 3.819085009768877 */
static void test_repelled_pair(void **state)
{
    (void)state;
    double m[EG_MEASURE_N];
    eg_measures_compute(1, 4, 3, 6, m);
    assert_float_equal(m[EG_MEASURE_PMI], -0.6931471805599453, TOL);
    assert_float_equal(m[EG_MEASURE_NPMI], -0.38685280723454163, TOL);
    assert_float_equal(m[EG_MEASURE_DICE], 2.0 / 7.0, TOL);
    assert_float_equal(m[EG_MEASURE_JACCARD], 1.0 / 6.0, TOL);
    assert_float_equal(m[EG_MEASURE_ASSOC], 0.5, TOL);
    assert_float_equal(m[EG_MEASURE_LLR], 3.819085009768877, 1e-9);
}

/* Two entities in every window: npmi is 1 by definition (-ln 1 = 0). */
static void test_pair_in_every_window(void **state)
{
    (void)state;
    double m[EG_MEASURE_N];
    eg_measures_compute(5, 5, 5, 5, m);
    assert_float_equal(m[EG_MEASURE_PMI], 0, TOL);
    assert_float_equal(m[EG_MEASURE_NPMI], 1, TOL);
    assert_float_equal(m[EG_MEASURE_DICE], 1, TOL);
    assert_float_equal(m[EG_MEASURE_LLR], 0, TOL);
}

static void test_impossible_counts_are_nan(void **state)
{
    (void)state;
    double m[EG_MEASURE_N];
    eg_measures_compute(0, 1, 1, 5, m);
    assert_true(isnan(m[EG_MEASURE_PMI]));
    eg_measures_compute(3, 2, 5, 10, m); /* n_ij > n_i */
    assert_true(isnan(m[EG_MEASURE_DICE]));
    eg_measures_compute(1, 7, 5, 6, m); /* n_i > W */
    assert_true(isnan(m[EG_MEASURE_LLR]));
}

/* A pair cut from a capped window: Putin and Peskov share two windows but
 * one was capped, so n_ij = 1 < n_i + n_j - W = 2. Every measure is a
 * number; llr is that of the smallest consistent table, W = 3. */
static void test_pair_cut_from_a_capped_window(void **state)
{
    (void)state;
    double m[EG_MEASURE_N], full[EG_MEASURE_N];
    eg_measures_compute(1, 2, 2, 2, m);
    for (int k = 0; k < EG_MEASURE_N; k++)
        assert_false(isnan(m[k]));
    assert_float_equal(m[EG_MEASURE_PMI], log(0.5), TOL);
    assert_float_equal(m[EG_MEASURE_JACCARD], 1.0 / 3, TOL);
    eg_measures_compute(1, 2, 2, 3, full);
    assert_float_equal(m[EG_MEASURE_LLR], full[EG_MEASURE_LLR], TOL);
}

static void test_measure_names_round_trip(void **state)
{
    (void)state;
    for (int k = 0; k < EG_MEASURE_N; k++) {
        eg_measure_t m;
        assert_int_equal(eg_measure_parse(eg_measure_name((eg_measure_t)k), &m), 0);
        assert_int_equal(m, k);
    }
    eg_measure_t m;
    assert_int_equal(eg_measure_parse("PMI", &m), -1);
}

static void test_round_sig(void **state)
{
    (void)state;
    assert_true(eg_round_sig(0.16319869441044471) == 0.163198694410);
    assert_true(eg_round_sig(-0.0) == 0 && !signbit(eg_round_sig(-0.0)));
    assert_true(isnan(eg_round_sig(NAN)));
}

/* A star: centre 0 with edges to 1, 2, 3 of weights 1, 1, 8 (s = 10,
 * k = 3). From the centre alpha = (1 - w/10)^2: 0.81, 0.81, 0.04; the
 * leaves (degree 1) cannot judge, so those are the edges' alphas. */
static void test_disparity_alpha_of_a_star(void **state)
{
    (void)state;
    igraph_t g;
    igraph_vector_int_t edges;
    igraph_vector_int_init_int(&edges, 6, 0, 1, 0, 2, 0, 3);
    assert_int_equal(igraph_create(&g, &edges, 4, IGRAPH_UNDIRECTED), IGRAPH_SUCCESS);
    igraph_vector_t w, alpha;
    igraph_vector_init_real(&w, 3, 1.0, 1.0, 8.0);
    igraph_vector_init(&alpha, 0);
    assert_int_equal(eg_disparity_alpha(&g, &w, &alpha), 0);
    assert_float_equal(VECTOR(alpha)[0], 0.81, TOL);
    assert_float_equal(VECTOR(alpha)[1], 0.81, TOL);
    assert_float_equal(VECTOR(alpha)[2], 0.04, TOL);
    igraph_vector_destroy(&w);
    igraph_vector_destroy(&alpha);
    igraph_vector_int_destroy(&edges);
    igraph_destroy(&g);
}

/* Groups renumbered by size, ties by first member: {3,4,5} -> 0,
 * {0,1} -> 1, {2} -> 2. */
static void test_communities_renumbered_by_size(void **state)
{
    (void)state;
    igraph_vector_int_t m;
    igraph_vector_int_init_int(&m, 6, 2, 2, 0, 1, 1, 1);
    assert_int_equal(eg_communities_renumber(&m), 3);
    igraph_integer_t want[6] = {1, 1, 2, 0, 0, 0};
    for (int i = 0; i < 6; i++)
        assert_int_equal(VECTOR(m)[i], want[i]);
    igraph_vector_int_destroy(&m);
}

int main(void)
{
    eg_igraph_setup();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_independent_pair),
        cmocka_unit_test(test_attracted_pair),
        cmocka_unit_test(test_repelled_pair),
        cmocka_unit_test(test_pair_in_every_window),
        cmocka_unit_test(test_impossible_counts_are_nan),
        cmocka_unit_test(test_pair_cut_from_a_capped_window),
        cmocka_unit_test(test_measure_names_round_trip),
        cmocka_unit_test(test_round_sig),
        cmocka_unit_test(test_disparity_alpha_of_a_star),
        cmocka_unit_test(test_communities_renumbered_by_size),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
