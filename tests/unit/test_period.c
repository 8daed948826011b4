/* test_period.c — periods (--period) from days, their names and days,
 * the per-period counts table, and counting with a period, against
 * calendars checked by hand (ISO weeks: 2004-09-03 is a Friday of week
 * 36; 2005-01-01 a Saturday of 2004's week 53; 2008-12-29 the Monday of
 * 2009's week 1). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "base/eg_period.h"
#include "count/eg_cooc.h"
#include "count/eg_timeline.h"

static eg_date_t day(const char *s)
{
    eg_date_t d;
    assert_int_equal(eg_date_parse(s, strlen(s), &d), 0);
    return d;
}

/* The name of the period of kind holding date s. */
static const char *label_of(eg_period_t kind, const char *s)
{
    static char out[EG_PERIOD_LABEL_MAX];
    eg_period_label(kind, eg_period_of(kind, day(s)), out);
    return out;
}

static void assert_days(eg_period_t kind, const char *date, const char *first,
                        const char *last)
{
    eg_date_t f, l;
    eg_period_days(kind, eg_period_of(kind, day(date)), &f, &l);
    assert_int_equal(f, day(first));
    assert_int_equal(l, day(last));
}

static void test_period_words_parse_and_print(void **state)
{
    (void)state;
    const char *words[] = {"year", "quarter", "month", "week", "day"};
    for (int k = 0; k < 5; k++) {
        eg_period_t p = EG_PERIOD_NONE;
        assert_int_equal(eg_period_parse(words[k], &p), 0);
        assert_int_equal(p, EG_PERIOD_YEAR + k);
        assert_string_equal(eg_period_name(p), words[k]);
    }
    eg_period_t p;
    assert_int_equal(eg_period_parse("Year", &p), -1);
    assert_int_equal(eg_period_parse("decade", &p), -1);
    assert_int_equal(eg_period_parse("none", &p), -1);
}

static void test_periods_are_named_as_they_sort(void **state)
{
    (void)state;
    assert_string_equal(label_of(EG_PERIOD_YEAR, "2004-09-03"), "2004");
    assert_string_equal(label_of(EG_PERIOD_QUARTER, "2004-09-03"), "2004-Q3");
    assert_string_equal(label_of(EG_PERIOD_QUARTER, "2004-10-01"), "2004-Q4");
    assert_string_equal(label_of(EG_PERIOD_MONTH, "2004-09-03"), "2004-09");
    assert_string_equal(label_of(EG_PERIOD_WEEK, "2004-09-03"), "2004-W36");
    assert_string_equal(label_of(EG_PERIOD_DAY, "2004-09-03"), "2004-09-03");
    assert_string_equal(label_of(EG_PERIOD_MONTH, "1790-07-04"), "1790-07");
    assert_string_equal(label_of(EG_PERIOD_YEAR, "0001-01-01"), "0001");
}

static void test_iso_weeks_cross_years_and_1970(void **state)
{
    (void)state;
    assert_string_equal(label_of(EG_PERIOD_WEEK, "2005-01-01"), "2004-W53");
    assert_string_equal(label_of(EG_PERIOD_WEEK, "2008-12-29"), "2009-W01");
    assert_string_equal(label_of(EG_PERIOD_WEEK, "1969-12-31"), "1970-W01");
    assert_string_equal(label_of(EG_PERIOD_WEEK, "1969-12-28"), "1969-W52");
    assert_days(EG_PERIOD_WEEK, "2004-09-03", "2004-08-30", "2004-09-05");
    assert_days(EG_PERIOD_WEEK, "1969-12-28", "1969-12-22", "1969-12-28");
    /* every day of a week is in it, and the next Monday is not */
    int32_t w = eg_period_of(EG_PERIOD_WEEK, day("2004-08-30"));
    assert_int_equal(eg_period_of(EG_PERIOD_WEEK, day("2004-09-05")), w);
    assert_int_equal(eg_period_of(EG_PERIOD_WEEK, day("2004-09-06")), w + 1);
}

static void test_period_days_run_first_to_last(void **state)
{
    (void)state;
    assert_days(EG_PERIOD_YEAR, "2004-09-03", "2004-01-01", "2004-12-31");
    assert_days(EG_PERIOD_QUARTER, "2004-11-30", "2004-10-01", "2004-12-31");
    assert_days(EG_PERIOD_MONTH, "2004-02-10", "2004-02-01", "2004-02-29");
    assert_days(EG_PERIOD_MONTH, "1900-02-10", "1900-02-01", "1900-02-28");
    assert_days(EG_PERIOD_DAY, "1969-07-20", "1969-07-20", "1969-07-20");
}

static void test_period_names_read_back_only_as_written(void **state)
{
    (void)state;
    const struct {
        eg_period_t kind;
        const char *good;
    } ok[] = {{EG_PERIOD_YEAR, "1790"}, {EG_PERIOD_QUARTER, "2004-Q3"},
              {EG_PERIOD_MONTH, "2004-09"}, {EG_PERIOD_WEEK, "2004-W53"},
              {EG_PERIOD_WEEK, "2009-W01"}, {EG_PERIOD_DAY, "2004-02-29"}};
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        int32_t n;
        char again[EG_PERIOD_LABEL_MAX];
        assert_int_equal(eg_period_parse_label(ok[i].kind, ok[i].good, &n), 0);
        eg_period_label(ok[i].kind, n, again);
        assert_string_equal(again, ok[i].good);
    }
    const struct {
        eg_period_t kind;
        const char *bad;
    } no[] = {{EG_PERIOD_YEAR, "2004-09"}, {EG_PERIOD_YEAR, "04"},
              {EG_PERIOD_QUARTER, "2004-Q5"}, {EG_PERIOD_QUARTER, "2004-Q0"},
              {EG_PERIOD_QUARTER, "2004-Q3x"}, {EG_PERIOD_MONTH, "2004-9"},
              {EG_PERIOD_MONTH, "2004-13"}, {EG_PERIOD_WEEK, "2005-W53"},
              {EG_PERIOD_WEEK, "2004-W00"}, {EG_PERIOD_WEEK, "2004-W5"},
              {EG_PERIOD_DAY, "2005-02-29"}, {EG_PERIOD_DAY, "2004-09"},
              {EG_PERIOD_DAY, ""}};
    for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
        int32_t n;
        assert_int_equal(eg_period_parse_label(no[i].kind, no[i].bad, &n), -1);
    }
}

/* ---- the table ---- */

static void test_timeline_adds_merges_and_finds(void **state)
{
    (void)state;
    eg_timeline_t t = {0}, u = {0};
    for (int i = 0; i < 5000; i++) /* past the first growth */
        ++*eg_timeline_slot(&t, (uint32_t)(i % 50), EG_TIMELINE_NODE, i % 100);
    ++*eg_timeline_slot(&t, 1, 2, 2004);
    ++*eg_timeline_slot(&u, 1, 2, 2004);
    ++*eg_timeline_slot(&u, 1, 2, 2003);
    assert_int_equal(eg_timeline_merge(&t, &u), 0);
    size_t n, first;
    eg_timeline_entry_t *s = eg_timeline_sorted(&t, &n);
    assert_int_equal(n, 100 + 2);
    assert_int_equal(eg_timeline_find(s, n, 1, 2, &first), 2);
    assert_int_equal(s[first].period, 2003);
    assert_int_equal(s[first].count, 1);
    assert_int_equal(s[first + 1].period, 2004);
    assert_int_equal(s[first + 1].count, 2);
    /* entity 7 was added at i = 7, 57, ..., periods 7 and 57 each 50 times */
    assert_int_equal(eg_timeline_find(s, n, 7, EG_TIMELINE_NODE, &first), 2);
    assert_int_equal(s[first].count, 50);
    assert_int_equal(eg_timeline_find(s, n, 0, 1, &first), 0);
    free(s);
    /* renumbered 1 <-> 2 and 7 -> 0: the pair stays (1, 2) */
    uint32_t map[50];
    for (uint32_t i = 0; i < 50; i++)
        map[i] = i;
    map[1] = 2, map[2] = 1, map[7] = 0, map[0] = 7;
    assert_int_equal(eg_timeline_remap(&t, map), 0);
    s = eg_timeline_sorted(&t, &n);
    assert_int_equal(eg_timeline_find(s, n, 1, 2, &first), 2);
    assert_int_equal(eg_timeline_find(s, n, 0, EG_TIMELINE_NODE, &first), 2);
    assert_int_equal(s[first].period, 7);
    free(s);
    eg_timeline_free(&t);
    eg_timeline_free(&u);
}

/* ---- counting with a period ---- */

static eg_sentence_t g_sentences[1] = {{.start = 0, .end = 10}};
static eg_segments_t g_seg = {.sentences = g_sentences, .nsentences = 1, .nparagraphs = 1};

static void add(eg_cooc_t *c, uint64_t index, const char *date, const eg_mention_t *ms,
                size_t n)
{
    eg_doc_info_t d = {.index = index, .id = "d", .date = date ? day(date) : EG_NO_DATE};
    assert_int_equal(eg_cooc_add_document(c, &d, ms, n, &g_seg, EG_WINDOW_SENTENCE), 0);
}

static uint64_t at(const eg_cooc_t *c, uint32_t a, uint32_t b, const char *label)
{
    int32_t p;
    assert_int_equal(eg_period_parse_label(c->opt.period, label, &p), 0);
    for (size_t i = 0; i < c->timeline.nslots; i++) {
        const eg_timeline_entry_t *e = &c->timeline.slots[i];
        if (e->a == a && e->b == b && e->period == p)
            return e->count;
    }
    return 0;
}

/* 2004: e0 e1 e0 | 2004: e0 e2 | 2005: e1 e2 | undated: e0 e1 */
static void count_story(eg_cooc_t *c)
{
    const eg_mention_t d0[] = {{.entity = 0}, {.entity = 1}, {.entity = 0}};
    const eg_mention_t d1[] = {{.entity = 0}, {.entity = 2}};
    const eg_mention_t d2[] = {{.entity = 1}, {.entity = 2}};
    add(c, 0, "2004-03-01", d0, 3);
    add(c, 1, "2004-11", d1, 2);
    add(c, 2, "2005", d2, 2);
    add(c, 3, NULL, d0, 2);
}

static void test_counting_per_year_leaves_undated_out(void **state)
{
    (void)state;
    eg_cooc_t c;
    eg_cooc_options_t opt = {.period = EG_PERIOD_YEAR};
    assert_int_equal(eg_cooc_init(&c, 3, &opt), 0);
    count_story(&c);
    assert_int_equal(at(&c, 0, EG_TIMELINE_NODE, "2004"), 3);
    assert_int_equal(at(&c, 0, EG_TIMELINE_NODE, "2005"), 0);
    assert_int_equal(at(&c, 1, EG_TIMELINE_NODE, "2004"), 1);
    assert_int_equal(at(&c, 1, EG_TIMELINE_NODE, "2005"), 1);
    assert_int_equal(c.mentions[0], 4); /* with the undated document */
    assert_int_equal(at(&c, 0, 1, "2004"), 1);
    assert_int_equal(at(&c, 0, 2, "2004"), 1);
    assert_int_equal(at(&c, 1, 2, "2005"), 1);
    assert_int_equal(c.timeline.n, 3 + 2 + 3);
    eg_cooc_free(&c);
}

static void test_counting_per_quarter_merges_like_one_counter(void **state)
{
    (void)state;
    eg_cooc_options_t opt = {.period = EG_PERIOD_QUARTER};
    eg_cooc_t one, a, b;
    assert_int_equal(eg_cooc_init(&one, 3, &opt), 0);
    assert_int_equal(eg_cooc_init(&a, 3, &opt), 0);
    assert_int_equal(eg_cooc_init(&b, 3, &opt), 0);
    count_story(&one);
    count_story(&a);
    count_story(&b);
    assert_int_equal(eg_cooc_merge(&a, &b), 0);
    assert_int_equal(at(&one, 0, EG_TIMELINE_NODE, "2004-Q1"), 2);
    assert_int_equal(at(&one, 0, EG_TIMELINE_NODE, "2004-Q4"), 1);
    assert_int_equal(at(&a, 0, EG_TIMELINE_NODE, "2004-Q1"), 4);
    assert_int_equal(at(&a, 1, 2, "2005-Q1"), 2);
    assert_int_equal(a.timeline.n, one.timeline.n);
    eg_cooc_free(&one);
    eg_cooc_free(&a);
    eg_cooc_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_period_words_parse_and_print),
        cmocka_unit_test(test_periods_are_named_as_they_sort),
        cmocka_unit_test(test_iso_weeks_cross_years_and_1970),
        cmocka_unit_test(test_period_days_run_first_to_last),
        cmocka_unit_test(test_period_names_read_back_only_as_written),
        cmocka_unit_test(test_timeline_adds_merges_and_finds),
        cmocka_unit_test(test_counting_per_year_leaves_undated_out),
        cmocka_unit_test(test_counting_per_quarter_merges_like_one_counter),
    };
    return cmocka_run_group_tests_name("period", tests, NULL, NULL);
}
