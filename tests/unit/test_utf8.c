/* test_utf8.c — the strict decoder and the repair that keeps a document
 * with a few bad bytes. Replacement follows Unicode's recommended practice
 * (Table 3-8 / "U+FFFD Substitution of Maximal Subparts"): one U+FFFD per
 * maximal subpart of an ill-formed sequence, so the counts below are the
 * ones any conforming decoder produces. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "base/eg_buf.h"
#include "text/eg_utf8.h"

#define FFFD "\xEF\xBF\xBD"

/* Repair s (explicit length, may hold NULs) and check the output bytes and
 * the number of replacements; also check count_invalid agrees. */
static void check_repair(const char *s, size_t len, const char *want,
                         size_t want_len, size_t want_replaced)
{
    eg_buf_t out = EG_BUF_INIT;
    size_t replaced = eg_utf8_repair(s, len, &out);
    assert_int_equal(replaced, want_replaced);
    assert_int_equal(eg_utf8_count_invalid(s, len), want_replaced);
    assert_int_equal(out.len, want_len);
    assert_memory_equal(out.data, want, want_len);
    eg_buf_free(&out);
}

#define CHECK_REPAIR(in, want, n) \
    check_repair(in, sizeof(in) - 1, want, sizeof(want) - 1, n)

static void test_valid_ascii_has_no_invalid_sequence(void **state)
{
    (void)state;
    const char *s = "Dmitry Peskov said on Tuesday that the Kremlin...";
    assert_int_equal(eg_utf8_count_invalid(s, strlen(s)), 0);
}

static void test_valid_multibyte_text_has_no_invalid_sequence(void **state)
{
    (void)state;
    /* 2-, 3- and 4-byte sequences, including the boundaries U+0080,
     * U+07FF, U+0800, U+FFFD, U+10000 and U+10FFFF. */
    const char s[] = "São Paulo, Дмитрий Песков, 東京, €, 😀 "
                     "\xC2\x80 \xDF\xBF \xE0\xA0\x80 \xEF\xBF\xBD "
                     "\xF0\x90\x80\x80 \xF4\x8F\xBF\xBF";
    assert_int_equal(eg_utf8_count_invalid(s, sizeof s - 1), 0);
}

static void test_valid_multibyte_text_is_repaired_unchanged(void **state)
{
    (void)state;
    CHECK_REPAIR("São Paulo — Дмитрий Песков’s 😀", "São Paulo — Дмитрий Песков’s 😀", 0);
}

static void test_empty_text_is_valid(void **state)
{
    (void)state;
    assert_int_equal(eg_utf8_count_invalid("", 0), 0);
    eg_buf_t out = EG_BUF_INIT;
    assert_int_equal(eg_utf8_repair("", 0, &out), 0);
    assert_int_equal(out.len, 0);
    eg_buf_free(&out);
}

static void test_nul_byte_is_valid_utf8(void **state)
{
    (void)state;
    CHECK_REPAIR("a\0b", "a\0b", 0);
}

static void test_stray_ff_byte_becomes_one_replacement(void **state)
{
    (void)state;
    CHECK_REPAIR("a\xFF" "b", "a" FFFD "b", 1);
}

static void test_lone_continuation_byte_becomes_one_replacement(void **state)
{
    (void)state;
    CHECK_REPAIR("x\x80y", "x" FFFD "y", 1);
}

static void test_two_lone_continuation_bytes_become_two_replacements(void **state)
{
    (void)state;
    CHECK_REPAIR("\x80\xBF", FFFD FFFD, 2);
}

static void test_truncated_sequence_at_end_becomes_one_replacement(void **state)
{
    (void)state;
    /* € is E2 82 AC; the text stops after E2 82. */
    CHECK_REPAIR("cost 5\xE2\x82", "cost 5" FFFD, 1);
}

static void test_truncated_sequence_before_ascii_becomes_one_replacement(void **state)
{
    (void)state;
    CHECK_REPAIR("\xE2\x82" "A", FFFD "A", 1);
}

static void test_truncated_four_byte_sequence_becomes_one_replacement(void **state)
{
    (void)state;
    /* 😀 is F0 9F 98 80; cut after three bytes. */
    CHECK_REPAIR("\xF0\x9F\x98 ok", FFFD " ok", 1);
}

static void test_overlong_slash_becomes_one_replacement_per_byte(void **state)
{
    (void)state;
    /* C0 can never start a sequence, so C0 and AF are two maximal
     * subparts. */
    CHECK_REPAIR("\xC0\xAF", FFFD FFFD, 2);
}

static void test_overlong_three_byte_form_becomes_one_replacement_per_byte(void **state)
{
    (void)state;
    /* E0 80 AF: E0 requires A0..BF next, so E0, 80, AF are each a
     * maximal subpart. */
    CHECK_REPAIR("\xE0\x80\xAF", FFFD FFFD FFFD, 3);
}

static void test_surrogate_becomes_one_replacement_per_byte(void **state)
{
    (void)state;
    /* ED A0 80 would be U+D800; ED requires 80..9F next. */
    CHECK_REPAIR("\xED\xA0\x80", FFFD FFFD FFFD, 3);
}

static void test_code_point_above_10ffff_is_invalid(void **state)
{
    (void)state;
    CHECK_REPAIR("\xF4\x90\x80\x80", FFFD FFFD FFFD FFFD, 4);
}

static void test_f5_and_above_are_never_lead_bytes(void **state)
{
    (void)state;
    CHECK_REPAIR("\xF5\xF8\xFE", FFFD FFFD FFFD, 3);
}

static void test_unicode_table_3_8_example(void **state)
{
    (void)state;
    /* The example of the Unicode Standard, section 3.9. */
    CHECK_REPAIR("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64",
                 "a" FFFD FFFD FFFD "b" FFFD "c" FFFD FFFD "d", 6);
}

static void test_repair_after_long_ascii_run(void **state)
{
    (void)state;
    /* The ASCII fast path reads 8 bytes at a time; the bad byte sits just
     * after such a block. */
    CHECK_REPAIR("0123456789abcdef\xFF" "0123456", "0123456789abcdef" FFFD "0123456", 1);
}

static void test_repair_appends_to_existing_buffer(void **state)
{
    (void)state;
    eg_buf_t out = EG_BUF_INIT;
    eg_buf_append_str(&out, "head:");
    assert_int_equal(eg_utf8_repair("\xFF", 1, &out), 1);
    assert_string_equal(out.data, "head:" FFFD);
    eg_buf_free(&out);
}

static void test_decode_returns_length_and_code_point(void **state)
{
    (void)state;
    uint32_t cp;
    size_t bad;
    assert_int_equal(eg_utf8_decode((const unsigned char *)"A", 1, &cp, &bad), 1);
    assert_int_equal(cp, 'A');
    assert_int_equal(eg_utf8_decode((const unsigned char *)"é", 2, &cp, &bad), 2);
    assert_int_equal(cp, 0xE9);
    assert_int_equal(eg_utf8_decode((const unsigned char *)"€", 3, &cp, &bad), 3);
    assert_int_equal(cp, 0x20AC);
    assert_int_equal(eg_utf8_decode((const unsigned char *)"😀", 4, &cp, &bad), 4);
    assert_int_equal(cp, 0x1F600);
}

static void test_decode_reports_invalid_prefix_length(void **state)
{
    (void)state;
    uint32_t cp;
    size_t bad;
    /* E2 82 followed by 'A': the maximal subpart is two bytes. */
    assert_int_equal(eg_utf8_decode((const unsigned char *)"\xE2\x82" "A", 3, &cp, &bad), 0);
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(bad, 2);
    assert_int_equal(eg_utf8_decode((const unsigned char *)"\xFF", 1, &cp, &bad), 0);
    assert_int_equal(bad, 1);
    /* len limits the decoder even when more bytes follow in memory. */
    assert_int_equal(eg_utf8_decode((const unsigned char *)"\xC3\xA9", 1, &cp, &bad), 0);
    assert_int_equal(bad, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_ascii_has_no_invalid_sequence),
        cmocka_unit_test(test_valid_multibyte_text_has_no_invalid_sequence),
        cmocka_unit_test(test_valid_multibyte_text_is_repaired_unchanged),
        cmocka_unit_test(test_empty_text_is_valid),
        cmocka_unit_test(test_nul_byte_is_valid_utf8),
        cmocka_unit_test(test_stray_ff_byte_becomes_one_replacement),
        cmocka_unit_test(test_lone_continuation_byte_becomes_one_replacement),
        cmocka_unit_test(test_two_lone_continuation_bytes_become_two_replacements),
        cmocka_unit_test(test_truncated_sequence_at_end_becomes_one_replacement),
        cmocka_unit_test(test_truncated_sequence_before_ascii_becomes_one_replacement),
        cmocka_unit_test(test_truncated_four_byte_sequence_becomes_one_replacement),
        cmocka_unit_test(test_overlong_slash_becomes_one_replacement_per_byte),
        cmocka_unit_test(test_overlong_three_byte_form_becomes_one_replacement_per_byte),
        cmocka_unit_test(test_surrogate_becomes_one_replacement_per_byte),
        cmocka_unit_test(test_code_point_above_10ffff_is_invalid),
        cmocka_unit_test(test_f5_and_above_are_never_lead_bytes),
        cmocka_unit_test(test_unicode_table_3_8_example),
        cmocka_unit_test(test_repair_after_long_ascii_run),
        cmocka_unit_test(test_repair_appends_to_existing_buffer),
        cmocka_unit_test(test_decode_returns_length_and_code_point),
        cmocka_unit_test(test_decode_reports_invalid_prefix_length),
    };
    return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
