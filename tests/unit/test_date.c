/* test_date.c — ISO-8601 days to day numbers and back. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "base/eg_date.h"

static eg_date_t parse(const char *s)
{
    eg_date_t d = 12345;
    assert_int_equal(eg_date_parse(s, strlen(s), &d), 0);
    return d;
}

static void assert_rejected(const char *s)
{
    eg_date_t d;
    assert_int_equal(eg_date_parse(s, strlen(s), &d), -1);
}

static void test_epoch_is_day_zero(void **state)
{
    (void)state;
    assert_int_equal(parse("1970-01-01"), 0);
    assert_int_equal(parse("1970-01-02"), 1);
    assert_int_equal(parse("1969-12-31"), -1);
}

static void test_known_day_numbers(void **state)
{
    (void)state;
    assert_int_equal(parse("2000-03-01"), 11017); /* after a leap day of a 400-year */
    assert_int_equal(parse("2004-09-03"), 12664);
}

static void test_time_after_the_day_is_ignored(void **state)
{
    (void)state;
    assert_int_equal(parse("2020-01-15T09:30:00Z"), parse("2020-01-15"));
    assert_int_equal(parse("2020-01-15 23:59"), parse("2020-01-15"));
}

static void test_impossible_days_are_rejected(void **state)
{
    (void)state;
    assert_rejected("2020-02-30");
    assert_rejected("2019-02-29"); /* not a leap year */
    assert_rejected("1900-02-29"); /* century, not leap */
    parse("2000-02-29");           /* 400-year: leap */
    assert_rejected("2020-13-01");
    assert_rejected("2020-00-10");
    assert_rejected("2020-04-31");
}

static void test_malformed_text_is_rejected(void **state)
{
    (void)state;
    assert_rejected("");
    assert_rejected("2020-1-5");
    assert_rejected("2020/01/05");
    assert_rejected("20200105");
    assert_rejected("790");
    assert_rejected("17900");
    assert_rejected("1790-7");
    assert_rejected("1790-07-");
    assert_rejected("1790T12:00");
    assert_rejected("1790-07T12:00");
    assert_rejected("-1790");
    assert_rejected("2020-01-05x");
    assert_rejected("yesterday!");
}

static void test_year_and_month_stand_for_their_first_day(void **state)
{
    (void)state;
    assert_int_equal(parse("1790"), parse("1790-01-01"));
    assert_int_equal(parse("1790-07"), parse("1790-07-01"));
    assert_int_equal(parse("0000"), parse("0000-01-01"));
    assert_rejected("1790-13");
    assert_rejected("1790-00");
    eg_date_t d = 0;
    assert_int_equal(eg_date_from_year(1790, &d), 0);
    assert_int_equal(d, parse("1790"));
    assert_int_equal(eg_date_from_year(9999, &d), 0);
    assert_int_equal(eg_date_from_year(-1, &d), -1);
    assert_int_equal(eg_date_from_year(10000, &d), -1);
}

static void test_format_round_trips(void **state)
{
    (void)state;
    const char *days[] = {"1970-01-01", "2000-02-29", "2004-09-03", "2019-12-31", "0001-01-01",
                          "9999-12-31"};
    for (size_t i = 0; i < sizeof days / sizeof *days; i++) {
        char out[11];
        eg_date_format(parse(days[i]), out);
        assert_string_equal(out, days[i]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_epoch_is_day_zero),
        cmocka_unit_test(test_known_day_numbers),
        cmocka_unit_test(test_time_after_the_day_is_ignored),
        cmocka_unit_test(test_impossible_days_are_rejected),
        cmocka_unit_test(test_malformed_text_is_rejected),
        cmocka_unit_test(test_year_and_month_stand_for_their_first_day),
        cmocka_unit_test(test_format_round_trips),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
