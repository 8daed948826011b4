/* test_columns.c — the dictionary's extra columns as typed attributes:
 * which texts are numbers, when a column is long, double or a string,
 * the header suffixes that fix a type, and the errors they can raise. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "base/eg_error.h"
#include "graph/eg_columns.h"
#include "tag/eg_dict.h"

static eg_dict_t g_dict;
static eg_columns_t g_cols;
static eg_error_t g_err;

static int setup(void **state)
{
    (void)state;
    eg_dict_init(&g_dict);
    memset(&g_cols, 0, sizeof g_cols);
    memset(&g_err, 0, sizeof g_err);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    eg_columns_free(&g_cols);
    eg_dict_free(&g_dict);
    return 0;
}

/* Load text as places.tsv and plan its columns. */
static int plan(const char *text)
{
    int rc = eg_dict_load_text(&g_dict, "places.tsv", text, strlen(text), NULL, &g_err);
    assert_int_equal(rc, 0);
    eg_columns_free(&g_cols);
    return eg_columns_plan(&g_cols, &g_dict, &g_err);
}

static const eg_column_t *column(const char *name)
{
    for (size_t i = 0; i < g_cols.n; i++)
        if (strcmp(g_cols.items[i].name, name) == 0)
            return &g_cols.items[i];
    fail_msg("no column %s", name);
    return NULL;
}

static void test_numbers_are_plain_decimal_text(void **state)
{
    (void)state;
    static const char *const yes[] = {"0", "-0", "12", "-0.1278", "51.5074", "1.2e6",
                                      "3E-2", "123456789012345", "0.000001"};
    static const char *const no[] = {"", "007", "+5", ".5", "5.", "1,000", "NaN", "inf",
                                     " 5", "5 ", "0x10", "1e", "1e999", "--1",
                                     "1234567890123456", "Q42"};
    double v;
    int whole;
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        assert_int_equal(eg_column_number(yes[i], &v, &whole), 0);
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        if (eg_column_number(no[i], &v, &whole) == 0)
            fail_msg("'%s' was read as a number", no[i]);
    assert_int_equal(eg_column_number("-0.1278", &v, &whole), 0);
    assert_true(v == -0.1278 && !whole);
    assert_int_equal(eg_column_number("8961989", &v, &whole), 0);
    assert_true(v == 8961989.0 && whole);
    assert_int_equal(eg_column_number("1.2e6", &v, &whole), 0);
    assert_true(v == 1.2e6 && !whole);
}

static void test_columns_of_numbers_are_long_or_double(void **state)
{
    (void)state;
    assert_int_equal(plan("name\tlat\tpopulation\tcode\tnote\n"
                          "London\t51.5074\t8961989\t007\t\n"
                          "Paris\t48.8566\t\t75\t\n"
                          "Oslo\t60\t709037\t03\t\n"),
                     0);
    assert_int_equal(column("lat")->type, EG_COLUMN_DOUBLE);
    assert_int_equal(column("population")->type, EG_COLUMN_LONG); /* empty: no value */
    assert_int_equal(column("code")->type, EG_COLUMN_STRING);     /* "007" is a code */
    assert_int_equal(column("note")->type, EG_COLUMN_STRING);     /* no value at all */
    assert_null(eg_columns_value(column("population"), &g_dict.entities[1]));
    assert_string_equal(eg_columns_value(column("lat"), &g_dict.entities[2]), "60");
}

static void test_suffix_fixes_the_type_and_merges_with_the_plain_name(void **state)
{
    (void)state;
    assert_int_equal(plan("name\tzip:string\tpopulation:long\tarea:double\n"
                          "Oslo\t0150\t709037\t454\n"),
                     0);
    assert_int_equal(column("zip")->type, EG_COLUMN_STRING);
    assert_int_equal(column("population")->type, EG_COLUMN_LONG);
    assert_int_equal(column("area")->type, EG_COLUMN_DOUBLE);
    assert_true(column("area")->declared);
    /* a second file names the plain column: one column, first value wins */
    const char *more = "id\tname\tpopulation\nbergen\tBergen\t285911\noslo\tOslo\t1\n";
    assert_int_equal(eg_dict_load_text(&g_dict, "more.tsv", more, strlen(more), NULL, &g_err), 0);
    eg_columns_free(&g_cols);
    assert_int_equal(eg_columns_plan(&g_cols, &g_dict, &g_err), 0);
    assert_int_equal(column("population")->nsources, 2);
    assert_string_equal(eg_columns_value(column("population"), &g_dict.entities[0]), "709037");
    assert_string_equal(eg_columns_value(column("population"), &g_dict.entities[1]), "285911");
    /* other suffixes are part of the name */
    eg_columns_free(&g_cols);
    eg_dict_free(&g_dict);
    eg_dict_init(&g_dict);
    assert_int_equal(plan("name\tdc:title\nOslo\t5\n"), 0);
    assert_int_equal(column("dc:title")->type, EG_COLUMN_LONG);
}

static void test_declared_number_with_text_is_an_error_at_its_row(void **state)
{
    (void)state;
    assert_int_equal(plan("name\tpopulation:long\nOslo\t709037\nBergen\tabout 285,000\n"),
                     EG_ERR_DATA);
    assert_string_equal(g_err.file, "places.tsv");
    assert_int_equal(g_err.line, 3);
    assert_non_null(strstr(g_err.text, "'about 285,000'"));
}

static void test_declared_long_with_a_fraction_is_an_error(void **state)
{
    (void)state;
    assert_int_equal(plan("name\tpopulation:long\nOslo\t7.5\n"), EG_ERR_DATA);
    assert_non_null(strstr(g_err.text, "not a whole number"));
}

static void test_suffixed_names_the_output_uses_are_refused(void **state)
{
    (void)state;
    assert_int_equal(plan("name\tlabel:string\nOslo\tx\n"), EG_ERR_DATA);
    assert_non_null(strstr(g_err.text, "reserved"));
    teardown(NULL), setup(NULL);
    assert_int_equal(plan("name\ttype:string\nOslo\tx\n"), EG_ERR_DATA);
    teardown(NULL), setup(NULL);
    assert_int_equal(plan("name\t:long\nOslo\t1\n"), EG_ERR_DATA);
}

static void test_two_declared_types_for_one_name_are_an_error(void **state)
{
    (void)state;
    assert_int_equal(plan("name\tpop:long\tpop:double\nOslo\t1\t2\n"), EG_ERR_DATA);
    assert_non_null(strstr(g_err.text, "already declared long"));
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_numbers_are_plain_decimal_text),
        T(test_columns_of_numbers_are_long_or_double),
        T(test_suffix_fixes_the_type_and_merges_with_the_plain_name),
        T(test_declared_number_with_text_is_an_error_at_its_row),
        T(test_declared_long_with_a_fraction_is_an_error),
        T(test_suffixed_names_the_output_uses_are_refused),
        T(test_two_declared_types_for_one_name_are_an_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
