/* test_dict.c — reading gazetteer TSV text: header, defaults, merging, and
 * every malformed row named by FILE:LINE. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "base/eg_error.h"
#include "tag/eg_dict.h"

/* Warnings are recorded here. */
typedef struct warnings {
    int n;
    long line;
    char file[256];
    char text[512];
} warnings_t;

static void record_warning(void *ctx, const char *file, long line, const char *text)
{
    warnings_t *w = ctx;
    w->n++;
    w->line = line;
    snprintf(w->file, sizeof w->file, "%s", file ? file : "");
    snprintf(w->text, sizeof w->text, "%s", text);
}

typedef struct fixture {
    eg_dict_t dict;
    eg_error_t err;
    warnings_t warnings;
    eg_warner_t warner;
} fixture_t;

static fixture_t g;

static int setup(void **state)
{
    (void)state;
    memset(&g, 0, sizeof g);
    eg_dict_init(&g.dict);
    g.warner.fn = record_warning;
    g.warner.ctx = &g.warnings;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    eg_dict_free(&g.dict);
    return 0;
}

static int load(const char *path, const char *text)
{
    return eg_dict_load_text(&g.dict, path, text, strlen(text), &g.warner, &g.err);
}

static void assert_loads(const char *path, const char *text)
{
    int rc = load(path, text);
    if (rc != 0)
        fail_msg("load failed (%d): %s:%ld: %s", rc, g.err.file, g.err.line, g.err.text);
}

static void assert_data_error_at(const char *path, const char *text, long line)
{
    assert_int_equal(load(path, text), EG_ERR_DATA);
    assert_int_equal(g.err.status, EG_ERR_DATA);
    assert_string_equal(g.err.file, path);
    assert_int_equal(g.err.line, line);
    assert_true(g.err.text[0] != '\0');
}

static const eg_entity_t *entity(size_t i)
{
    assert_true(i < g.dict.nentities);
    return &g.dict.entities[i];
}

/* ---- header and defaults ---- */

static void test_header_columns_are_read(void **state)
{
    (void)state;
    assert_loads("dict/people.tsv",
                 "name\tid\taliases\n"
                 "Dmitry Peskov\tpeskov\tPeskov|Dmitri Peskov\n");
    assert_int_equal(g.dict.nentities, 1);
    assert_string_equal(entity(0)->id, "peskov");
    assert_string_equal(entity(0)->label, "Dmitry Peskov");
    assert_string_equal(entity(0)->file, "dict/people.tsv");
    assert_int_equal(entity(0)->line, 2);
    assert_int_equal(g.dict.nattrs, 0);
    assert_int_equal(g.warnings.n, 0);
}

static void test_header_columns_in_any_order_and_case(void **state)
{
    (void)state;
    assert_loads("people.tsv", "Aliases\tNAME\tId\n"
                               "Peskov\tDmitry Peskov\tpeskov\n");
    assert_string_equal(entity(0)->id, "peskov");
    assert_string_equal(entity(0)->label, "Dmitry Peskov");
    assert_int_equal(g.dict.naliases, 2);
}

static void test_name_is_the_first_alias_then_aliases_split_on_bar(void **state)
{
    (void)state;
    assert_loads("people.tsv", "name\taliases\n"
                               "Dmitry Peskov\tPeskov |  Dmitri Peskov||Песков \n");
    assert_int_equal(g.dict.naliases, 4);
    const char *want[] = {"Dmitry Peskov", "Peskov", "Dmitri Peskov", "Песков"};
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(g.dict.aliases[i].text, want[i]);
        assert_int_equal(g.dict.aliases[i].entity, 0);
        assert_int_equal(g.dict.aliases[i].line, 2);
    }
}

static void test_default_id_is_slug_of_name(void **state)
{
    (void)state;
    assert_loads("organisations.tsv", "name\nEuropean Court of Human Rights\n");
    assert_string_equal(entity(0)->id, "european-court-of-human-rights");
}

static void test_type_people_file_is_person(void **state)
{
    (void)state;
    assert_loads("dict/people.tsv", "name\nDmitry Peskov\n");
    assert_string_equal(entity(0)->type, "person");
}

static void test_type_places_file_is_place(void **state)
{
    (void)state;
    assert_loads("/data/dict/places.tsv", "name\nBeslan\n");
    assert_string_equal(entity(0)->type, "place");
}

static void test_type_organisations_file_is_organisation(void **state)
{
    (void)state;
    assert_loads("organisations.tsv", "name\nKremlin\n");
    assert_string_equal(entity(0)->type, "organisation");
}

static void test_type_cities_file_is_city(void **state)
{
    (void)state;
    assert_loads("cities.tsv", "name\nMoscow\n");
    assert_string_equal(entity(0)->type, "city");
}

static void test_type_column_overrides_file_name(void **state)
{
    (void)state;
    assert_loads("people.tsv", "name\ttype\nDmitry Peskov\tspokesman\nMaria Zakharova\t\n");
    assert_string_equal(entity(0)->type, "spokesman");
    assert_string_equal(entity(1)->type, "person");
}

static void test_case_column_sets_alias_policy(void **state)
{
    (void)state;
    assert_loads("organisations.tsv", "name\taliases\tcase\n"
                                      "Kremlin\tthe Kremlin\tfold\n"
                                      "ECHR\t\texact\n"
                                      "Reading FC\t\tauto\n"
                                      "NATO\t\t\n");
    assert_int_equal(g.dict.naliases, 5);
    assert_int_equal(g.dict.aliases[0].policy, EG_CASE_FOLD);
    assert_int_equal(g.dict.aliases[1].policy, EG_CASE_FOLD);
    assert_int_equal(g.dict.aliases[2].policy, EG_CASE_EXACT);
    assert_int_equal(g.dict.aliases[3].policy, EG_CASE_AUTO);
    assert_int_equal(g.dict.aliases[4].policy, EG_CASE_AUTO);
}

static void test_extra_columns_become_attributes(void **state)
{
    (void)state;
    assert_loads("people.tsv", "name\tcountry\twikidata\n"
                               "Dmitry Peskov\tRussia\tQ2303856\n"
                               "Recep Erdogan\t\tQ39723\n");
    assert_int_equal(g.dict.nattrs, 2);
    assert_string_equal(g.dict.attr_names[0], "country");
    assert_string_equal(g.dict.attr_names[1], "wikidata");
    assert_string_equal(eg_entity_attr(entity(0), 0), "Russia");
    assert_string_equal(eg_entity_attr(entity(0), 1), "Q2303856");
    assert_null(eg_entity_attr(entity(1), 0));
    assert_string_equal(eg_entity_attr(entity(1), 1), "Q39723");
}

static void test_rows_with_same_id_merge(void **state)
{
    (void)state;
    assert_loads("people.tsv", "id\tname\taliases\tcountry\n"
                               "peskov\tDmitry Peskov\tPeskov\t\n"
                               "putin\tVladimir Putin\t\tRussia\n"
                               "peskov\tDmitri Peskov\tPeskov|D. Peskov\tRussia\n");
    assert_int_equal(g.dict.nentities, 2);
    assert_string_equal(entity(0)->label, "Dmitry Peskov");
    assert_int_equal(entity(0)->line, 2);
    /* The later row fills the attribute the first left empty. */
    assert_string_equal(eg_entity_attr(entity(0), 0), "Russia");
    /* Every alias of both rows belongs to the merged entity. */
    const char *want[] = {"Dmitry Peskov", "Peskov", "Dmitri Peskov", "D. Peskov"};
    for (size_t w = 0; w < 4; w++) {
        int found = 0;
        for (size_t i = 0; i < g.dict.naliases; i++)
            found |= g.dict.aliases[i].entity == 0 &&
                     strcmp(g.dict.aliases[i].text, want[w]) == 0;
        if (!found)
            fail_msg("alias '%s' of the merged entity is missing", want[w]);
    }
    for (size_t i = 0; i < g.dict.naliases; i++)
        if (strcmp(g.dict.aliases[i].text, "Vladimir Putin") == 0)
            assert_int_equal(g.dict.aliases[i].entity, 1);
}

static void test_merged_row_keeps_first_attribute_value(void **state)
{
    (void)state;
    assert_loads("people.tsv", "id\tname\tcountry\n"
                               "x\tX One\tRussia\n"
                               "x\tX Two\tTurkey\n");
    assert_int_equal(g.dict.nentities, 1);
    assert_string_equal(eg_entity_attr(entity(0), 0), "Russia");
}

static void test_merged_row_with_other_type_warns(void **state)
{
    (void)state;
    assert_loads("people.tsv", "id\tname\ttype\n"
                               "x\tX One\tperson\n"
                               "x\tX Two\tplace\n");
    assert_int_equal(g.dict.nentities, 1);
    assert_string_equal(entity(0)->type, "person");
    assert_int_equal(g.warnings.n, 1);
    assert_int_equal(g.warnings.line, 3);
}

static void test_comments_and_blank_lines_are_skipped(void **state)
{
    (void)state;
    assert_loads("people.tsv", "# people of the story\n"
                               "\n"
                               "name\taliases\n"
                               "# not a row\n"
                               "Dmitry Peskov\tPeskov\n"
                               "\n"
                               "   \t \n"
                               "Vladimir Putin\n");
    assert_int_equal(g.dict.nentities, 2);
    assert_string_equal(entity(1)->label, "Vladimir Putin");
    assert_int_equal(entity(1)->line, 8);
    assert_int_equal(g.warnings.n, 0);
}

static void test_crlf_line_ends_are_not_part_of_values(void **state)
{
    (void)state;
    assert_loads("people.tsv", "name\taliases\tcountry\r\n"
                               "Dmitry Peskov\tPeskov|Dmitri Peskov\tRussia\r\n"
                               "Vladimir Putin\r\n");
    assert_int_equal(g.dict.nentities, 2);
    assert_string_equal(entity(0)->label, "Dmitry Peskov");
    assert_string_equal(g.dict.attr_names[0], "country");
    assert_string_equal(eg_entity_attr(entity(0), 0), "Russia");
    assert_string_equal(g.dict.aliases[2].text, "Dmitri Peskov");
    assert_string_equal(entity(1)->label, "Vladimir Putin");
    assert_string_equal(entity(1)->id, "vladimir-putin");
}

static void test_last_line_without_newline_is_read(void **state)
{
    (void)state;
    assert_loads("people.tsv", "name\nDmitry Peskov");
    assert_int_equal(g.dict.nentities, 1);
    assert_string_equal(entity(0)->label, "Dmitry Peskov");
}

static void test_byte_order_mark_is_not_part_of_first_column(void **state)
{
    (void)state;
    assert_loads("people.tsv", "\xEF\xBB\xBFname\taliases\nDmitry Peskov\tPeskov\n");
    assert_int_equal(g.dict.nentities, 1);
    assert_int_equal(g.dict.naliases, 2);
}

static void test_two_files_accumulate_and_remember_their_file(void **state)
{
    (void)state;
    assert_loads("people.tsv", "name\nDmitry Peskov\n");
    assert_loads("places.tsv", "# places\nname\nBeslan\n");
    assert_int_equal(g.dict.nentities, 2);
    assert_string_equal(entity(1)->type, "place");
    assert_string_equal(entity(1)->file, "places.tsv");
    assert_int_equal(entity(1)->line, 3);
    assert_string_equal(g.dict.aliases[1].file, "places.tsv");
}

/* ---- sanitising ---- */

static void test_control_character_in_label_becomes_space_with_warning(void **state)
{
    (void)state;
    assert_loads("people.tsv", "name\n# comment\nDmitry\x01Peskov\n");
    assert_string_equal(entity(0)->label, "Dmitry Peskov");
    assert_string_equal(g.dict.aliases[0].text, "Dmitry Peskov");
    assert_int_equal(g.warnings.n, 1);
    assert_int_equal(g.warnings.line, 3);
    assert_string_equal(g.warnings.file, "people.tsv");
}

static void test_c1_control_and_delete_become_spaces(void **state)
{
    (void)state;
    assert_loads("people.tsv", "name\nA\xC2\x85" "B\x7F" "C\n");
    assert_string_equal(entity(0)->label, "A B C");
    assert_int_equal(g.warnings.n, 1);
}

static void test_vertical_tab_form_feed_and_lone_cr_in_label_warn(void **state)
{
    (void)state;
    /* eg_dict.h: control characters in values are replaced by spaces,
     * each with a warning. VT, FF and a CR inside a field are control
     * characters like \x01. */
    assert_loads("people.tsv", "name\nA\vB\nC\fD\nE\rF\n");
    assert_string_equal(entity(0)->label, "A B");
    assert_string_equal(entity(1)->label, "C D");
    assert_string_equal(entity(2)->label, "E F");
    assert_int_equal(g.warnings.n, 3);
}

static void test_invalid_utf8_in_label_becomes_replacement_with_warning(void **state)
{
    (void)state;
    assert_loads("people.tsv", "name\nPes\xFFkov\n");
    assert_string_equal(entity(0)->label, "Pes\xEF\xBF\xBDkov");
    assert_true(g.warnings.n >= 1);
}

/* ---- errors ---- */

static void test_row_without_name_is_data_error_at_its_line(void **state)
{
    (void)state;
    assert_data_error_at("dict/people.tsv",
                         "# people\n"
                         "name\tid\n"
                         "Dmitry Peskov\tpeskov\n"
                         "\n"
                         "\tputin\n",
                         5);
}

static void test_error_line_counts_crlf_lines(void **state)
{
    (void)state;
    assert_data_error_at("people.tsv", "name\tid\r\n\r\nA\ta\r\n\tb\r\n", 4);
}

static void test_row_with_only_spaces_as_name_is_data_error(void **state)
{
    (void)state;
    assert_data_error_at("people.tsv", "name\taliases\n   \tPeskov\n", 2);
}

static void test_missing_name_column_is_data_error(void **state)
{
    (void)state;
    assert_data_error_at("people.tsv", "# header next\nid\taliases\npeskov\tPeskov\n", 2);
}

static void test_bad_case_value_is_data_error(void **state)
{
    (void)state;
    assert_data_error_at("people.tsv", "name\tcase\nDmitry Peskov\tfold\nECHR\tsometimes\n", 3);
}

static void test_reserved_column_is_data_error(void **state)
{
    (void)state;
    assert_data_error_at("people.tsv", "name\tmentions\nDmitry Peskov\t3\n", 1);
}

static void test_reserved_column_is_compared_without_case(void **state)
{
    (void)state;
    assert_data_error_at("people.tsv", "name\tLabel\nDmitry Peskov\tx\n", 1);
}

static void test_duplicate_column_is_data_error(void **state)
{
    (void)state;
    assert_data_error_at("people.tsv", "name\tcountry\tCountry\nA\tB\tC\n", 1);
}

static void test_row_with_more_fields_than_header_is_data_error(void **state)
{
    (void)state;
    assert_data_error_at("people.tsv", "name\taliases\nDmitry Peskov\tPeskov\textra\n", 2);
}

static void test_name_without_letters_needs_an_id(void **state)
{
    (void)state;
    assert_data_error_at("people.tsv", "name\n...\n", 2);
}

static void test_name_without_letters_is_fine_with_an_id(void **state)
{
    (void)state;
    assert_loads("people.tsv", "name\tid\n...\tellipsis\n");
    assert_string_equal(entity(0)->id, "ellipsis");
}

static void test_reserved_attribute_names(void **state)
{
    (void)state;
    assert_true(eg_dict_is_reserved_attr("mentions"));
    assert_true(eg_dict_is_reserved_attr("documents"));
    assert_true(eg_dict_is_reserved_attr("label"));
    assert_true(eg_dict_is_reserved_attr("weight"));
    assert_false(eg_dict_is_reserved_attr("country"));
    assert_false(eg_dict_is_reserved_attr("wikidata"));
}

static void test_empty_text_warns_and_loads_nothing(void **state)
{
    (void)state;
    assert_loads("people.tsv", "");
    assert_int_equal(g.dict.nentities, 0);
    assert_int_equal(g.warnings.n, 1);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_header_columns_are_read),
        T(test_header_columns_in_any_order_and_case),
        T(test_name_is_the_first_alias_then_aliases_split_on_bar),
        T(test_default_id_is_slug_of_name),
        T(test_type_people_file_is_person),
        T(test_type_places_file_is_place),
        T(test_type_organisations_file_is_organisation),
        T(test_type_cities_file_is_city),
        T(test_type_column_overrides_file_name),
        T(test_case_column_sets_alias_policy),
        T(test_extra_columns_become_attributes),
        T(test_rows_with_same_id_merge),
        T(test_merged_row_keeps_first_attribute_value),
        T(test_merged_row_with_other_type_warns),
        T(test_comments_and_blank_lines_are_skipped),
        T(test_crlf_line_ends_are_not_part_of_values),
        T(test_last_line_without_newline_is_read),
        T(test_byte_order_mark_is_not_part_of_first_column),
        T(test_two_files_accumulate_and_remember_their_file),
        T(test_control_character_in_label_becomes_space_with_warning),
        T(test_c1_control_and_delete_become_spaces),
        T(test_vertical_tab_form_feed_and_lone_cr_in_label_warn),
        T(test_invalid_utf8_in_label_becomes_replacement_with_warning),
        T(test_row_without_name_is_data_error_at_its_line),
        T(test_error_line_counts_crlf_lines),
        T(test_row_with_only_spaces_as_name_is_data_error),
        T(test_missing_name_column_is_data_error),
        T(test_bad_case_value_is_data_error),
        T(test_reserved_column_is_data_error),
        T(test_reserved_column_is_compared_without_case),
        T(test_duplicate_column_is_data_error),
        T(test_row_with_more_fields_than_header_is_data_error),
        T(test_name_without_letters_needs_an_id),
        T(test_name_without_letters_is_fine_with_an_id),
        T(test_reserved_attribute_names),
        T(test_empty_text_warns_and_loads_nothing),
    };
    return cmocka_run_group_tests_name("dict", tests, NULL, NULL);
}
