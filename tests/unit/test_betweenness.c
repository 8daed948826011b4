/* test_betweenness.c — eg_betweenness returns igraph_betweenness's
 * values exactly (==, not within a tolerance), on any number of
 * threads: the files must not change by a bit when the faster code
 * replaces igraph's, nor with -j. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "graph/eg_betweenness.h"
#include "graph/eg_network.h"

static void assert_same_as_igraph(const igraph_t *g)
{
    igraph_vector_t want, got;
    assert_int_equal(igraph_vector_init(&want, 0), 0);
    assert_int_equal(igraph_vector_init(&got, 0), 0);
    assert_int_equal(igraph_betweenness(g, &want, igraph_vss_all(), 0, NULL), 0);
    for (unsigned threads = 0; threads <= 3; threads++) {
        assert_int_equal(eg_betweenness(g, &got, threads), 0);
        assert_int_equal(igraph_vector_size(&got), igraph_vector_size(&want));
        for (igraph_integer_t v = 0; v < igraph_vector_size(&want); v++)
            assert_true(VECTOR(got)[v] == VECTOR(want)[v]);
    }
    igraph_vector_destroy(&want);
    igraph_vector_destroy(&got);
}

static void test_empty_and_single_vertex(void **state)
{
    (void)state;
    for (int n = 0; n < 2; n++) {
        igraph_t g;
        assert_int_equal(igraph_empty(&g, n, IGRAPH_UNDIRECTED), 0);
        assert_same_as_igraph(&g);
        igraph_destroy(&g);
    }
}

/* Random sparse and dense graphs, many disconnected: sums of fractions
 * in many orders, where any change of order would show in the last bit. */
static void test_random_graphs(void **state)
{
    (void)state;
    static const int sizes[][2] = {{10, 5}, {50, 60}, {200, 400}, {300, 3000}, {500, 900}};
    igraph_rng_seed(igraph_rng_default(), 7);
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        igraph_t g;
        assert_int_equal(igraph_erdos_renyi_game_gnm(&g, sizes[i][0], sizes[i][1],
                                                      IGRAPH_UNDIRECTED, IGRAPH_NO_LOOPS),
                         0);
        assert_same_as_igraph(&g);
        igraph_destroy(&g);
    }
}

/* Hubs, as in co-occurrence networks. */
static void test_preferential_attachment(void **state)
{
    (void)state;
    igraph_t g;
    igraph_rng_seed(igraph_rng_default(), 11);
    assert_int_equal(igraph_barabasi_game(&g, 800, 1, 4, NULL, 1, 1, 0,
                                          IGRAPH_BARABASI_PSUMTREE, NULL),
                     0);
    assert_same_as_igraph(&g);
    igraph_destroy(&g);
}

/* A grid has astronomically many shortest paths: the path counts leave
 * the exact range of a double, and their rounding must match too. */
static void test_grid_with_huge_path_counts(void **state)
{
    (void)state;
    igraph_t g;
    igraph_vector_int_t dims;
    assert_int_equal(igraph_vector_int_init(&dims, 2), 0);
    VECTOR(dims)[0] = VECTOR(dims)[1] = 45;
    igraph_vector_bool_t periodic;
    assert_int_equal(igraph_vector_bool_init(&periodic, 2), 0);
    assert_int_equal(igraph_square_lattice(&g, &dims, 1, IGRAPH_UNDIRECTED, 0, &periodic), 0);
    assert_same_as_igraph(&g);
    igraph_destroy(&g);
    igraph_vector_int_destroy(&dims);
    igraph_vector_bool_destroy(&periodic);
}

int main(void)
{
    eg_igraph_setup();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty_and_single_vertex),
        cmocka_unit_test(test_random_graphs),
        cmocka_unit_test(test_preferential_attachment),
        cmocka_unit_test(test_grid_with_huge_path_counts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
