/* test_shard.c — partial counts written by count and added back by
 * merge: a count -> merge round trip over two dated shards (dates widen,
 * counts add), any line order, and the proofs a file must give (whole,
 * nodes before pairs, pairs for evidence, strict 64-bit counts). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "count/eg_shard.h"

static eg_dict_t g_dict;
static eg_cooc_t g_in[2], g_out;
static eg_shard_info_t g_info;
static eg_error_t g_err;
static char g_dir[] = "/tmp/test_shard.XXXXXX";

/* One sentence holds every mention of a document. */
static eg_sentence_t g_sentence = {.start = 0, .end = 10, .first_token = 0, .end_token = 1};
static eg_segments_t g_seg = {.sentences = &g_sentence, .nsentences = 1, .nparagraphs = 1};

static int setup(void **state)
{
    (void)state;
    static const char tsv[] = "name\nBeslan\nRussia\nMoscow\n";
    eg_dict_init(&g_dict);
    if (eg_dict_load_text(&g_dict, "places.tsv", tsv, strlen(tsv), NULL, &g_err))
        return -1;
    memset(&g_info, 0, sizeof g_info);
    memset(&g_err, 0, sizeof g_err);
    eg_cooc_options_t opt = {.evidence = 0}; /* evidence would need the text */
    for (int k = 0; k < 2; k++)
        if (eg_cooc_init(&g_in[k], g_dict.nentities, &opt))
            return -1;
    return eg_cooc_init(&g_out, g_dict.nentities, &opt);
}

static int teardown(void **state)
{
    (void)state;
    for (int k = 0; k < 2; k++)
        eg_cooc_free(&g_in[k]);
    eg_cooc_free(&g_out);
    eg_dict_free(&g_dict);
    return 0;
}

static uint32_t entity(const char *id)
{
    long e = eg_strmap_find(&g_dict.ids, id, strlen(id));
    assert_true(e >= 0);
    return (uint32_t)e;
}

static eg_date_t date(const char *s)
{
    eg_date_t d;
    assert_int_equal(eg_date_parse(s, strlen(s), &d), 0);
    return d;
}

/* Count one dated document mentioning the given entities in one sentence. */
static void count(eg_cooc_t *c, uint64_t index, const char *when, const char *const *ids,
                  size_t n)
{
    eg_mention_t ms[4];
    for (size_t i = 0; i < n; i++)
        ms[i] = (eg_mention_t){.entity = entity(ids[i]), .sentence = 0};
    eg_doc_info_t doc = {.index = index, .id = "doc", .date = date(when)};
    assert_int_equal(eg_cooc_add_document(c, &doc, ms, n, &g_seg, EG_WINDOW_SENTENCE), 0);
}

/* Path of name in the test's folder. */
static const char *path(const char *name)
{
    static char buf[128];
    snprintf(buf, sizeof buf, "%s/%s", g_dir, name);
    return buf;
}

static void write_shard(const char *name, const eg_cooc_t *c)
{
    FILE *f = fopen(path(name), "w");
    assert_non_null(f);
    assert_int_equal(eg_shard_write(f, &g_dict, NULL, c, EG_WINDOW_SENTENCE, &g_err), 0);
    assert_int_equal(fclose(f), 0);
}

static void write_text(const char *name, const char *text)
{
    FILE *f = fopen(path(name), "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

static int read_shard(const char *name)
{
    return eg_shard_read(path(name), &g_dict, NULL, &g_out, &g_info, &g_err);
}

static const eg_pair_t *pair(const char *x, const char *y)
{
    uint32_t a = entity(x), b = entity(y);
    return eg_cooc_pair(&g_out, a < b ? a : b, a < b ? b : a);
}

/* Two shards, a document each, dated two days apart: merged, the counts
 * add up and the dates of nodes and pairs widen to both. */
static void count_two_dated_shards(void)
{
    static const char *const first[] = {"beslan", "russia"};
    static const char *const second[] = {"russia", "beslan", "moscow"};
    count(&g_in[0], 0, "2004-09-03", first, 2);
    count(&g_in[1], 1, "2004-09-01", second, 3);
    write_shard("a.counts", &g_in[0]);
    write_shard("b.counts", &g_in[1]);
}

static void assert_two_dated_shards_merged(void)
{
    assert_int_equal(g_out.ndocuments, 2);
    uint32_t b = entity("beslan"), m = entity("moscow");
    assert_int_equal(g_out.mentions[b], 2);
    assert_int_equal(g_out.documents[b], 2);
    assert_int_equal(g_out.first[b], date("2004-09-01"));
    assert_int_equal(g_out.last[b], date("2004-09-03"));
    assert_int_equal(g_out.first[m], date("2004-09-01"));
    assert_int_equal(g_out.last[m], date("2004-09-01"));
    const eg_pair_t *p = pair("beslan", "russia");
    assert_int_equal(p->count, 2);
    assert_int_equal(p->documents, 2);
    assert_int_equal(p->first, date("2004-09-01"));
    assert_int_equal(p->last, date("2004-09-03"));
    assert_int_equal(pair("moscow", "russia")->count, 1);
    assert_int_equal(pair("moscow", "russia")->last, date("2004-09-01"));
}

static void merge_in_order(const char *first, const char *second)
{
    count_two_dated_shards();
    assert_int_equal(read_shard(first), 0);
    assert_int_equal(read_shard(second), 0);
    assert_two_dated_shards_merged();
    assert_int_equal(g_info.window, EG_WINDOW_SENTENCE);
    assert_int_equal(g_info.evidence, 0);
}

static void test_count_then_merge_widens_dates_across_shards(void **state)
{
    (void)state;
    merge_in_order("a.counts", "b.counts");
}

static void test_shards_merge_the_same_in_either_order(void **state)
{
    (void)state;
    merge_in_order("b.counts", "a.counts");
}

/* The lines of both shards in one file, sorted as a shuffle sorts them. */
static void test_concatenated_and_sorted_shards_merge(void **state)
{
    (void)state;
    count_two_dated_shards();
    char cmd[512];
    snprintf(cmd, sizeof cmd, "cat %s/a.counts %s/b.counts | LC_ALL=C sort > %s/all.counts",
             g_dir, g_dir, g_dir);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(read_shard("all.counts"), 0);
    assert_two_dated_shards_merged();
}

static void test_shard_ends_with_a_z_line_counting_its_records(void **state)
{
    (void)state;
    count_two_dated_shards();
    FILE *f = fopen(path("a.counts"), "r");
    assert_non_null(f);
    char line[256], last[256] = "";
    int n = 0;
    while (fgets(line, sizeof line, f))
        n++, strcpy(last, line);
    fclose(f);
    char want[32];
    snprintf(want, sizeof want, "Z\t%d\n", n - 1);
    assert_string_equal(last, want);
}

static void test_shard_without_its_last_line_is_refused_naming_the_file(void **state)
{
    (void)state;
    count_two_dated_shards();
    char cmd[512];
    snprintf(cmd, sizeof cmd, "head -n -1 %s/a.counts > %s/cut.counts", g_dir, g_dir);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(read_shard("cut.counts"), EG_ERR_DATA);
    assert_string_equal(g_err.file, path("cut.counts"));
    assert_int_equal(g_err.line, 0);
    assert_non_null(strstr(g_err.text, "no Z line"));
}

#define HEAD "H\tentgraph-counts\t2\twindow=sentence\tevidence=2\n"

/* A hand-written shard is refused at line `line` with `why`. */
static void assert_refused(const char *text, long line, const char *why)
{
    write_text("bad.counts", text);
    assert_int_equal(read_shard("bad.counts"), EG_ERR_DATA);
    if (g_err.line != line || !strstr(g_err.text, why))
        fail_msg("refused at line %ld with '%s', want %ld '%s'", g_err.line, g_err.text, line,
                 why);
}

static void test_pair_needs_the_node_lines_of_its_file(void **state)
{
    (void)state;
    assert_refused(HEAD "N\tbeslan\t1\t1\t1\t-\t-\nP\tbeslan\trussia\t1\t1\t-\t-\nZ\t3\n", 3,
                   "'russia', which has no N line");
}

static void test_evidence_needs_the_pair_line_of_its_file(void **state)
{
    (void)state;
    assert_refused("E\tbeslan\trussia\td\t0\t-\t0\t0\t0\tBeslan, Russia.\n" HEAD
                   "N\tbeslan\t1\t1\t1\t-\t-\nN\trussia\t1\t1\t1\t-\t-\nZ\t4\n",
                   1, "no P line");
}

static void test_counts_are_digits_within_64_bits(void **state)
{
    (void)state;
    assert_refused(HEAD "D\t+1\t1\nZ\t2\n", 2, "not a whole number");
    assert_refused(HEAD "D\t18446744073709551616\t1\nZ\t2\n", 2, "does not fit in 64 bits");
    assert_refused(HEAD "D\t18446744073709551615\t1\nD\t1\t1\nZ\t3\n", 3, "overflows");
    assert_refused("H\tentgraph-counts\t2\twindow=sentence\tevidence=2junk\nZ\t1\n", 1,
                   "evidence=");
}

static void test_z_lines_must_add_up_to_the_records(void **state)
{
    (void)state;
    assert_refused(HEAD "D\t1\t1\nZ\t3\n", 0, "holds 2 records where its Z lines count 3");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    if (!mkdtemp(g_dir))
        return 1;
    const struct CMUnitTest tests[] = {
        T(test_count_then_merge_widens_dates_across_shards),
        T(test_shards_merge_the_same_in_either_order),
        T(test_concatenated_and_sorted_shards_merge),
        T(test_shard_ends_with_a_z_line_counting_its_records),
        T(test_shard_without_its_last_line_is_refused_naming_the_file),
        T(test_pair_needs_the_node_lines_of_its_file),
        T(test_evidence_needs_the_pair_line_of_its_file),
        T(test_counts_are_digits_within_64_bits),
        T(test_z_lines_must_add_up_to_the_records),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    char cmd[64];
    snprintf(cmd, sizeof cmd, "rm -rf %s", g_dir);
    if (system(cmd) != 0)
        return 1;
    return failed;
}
