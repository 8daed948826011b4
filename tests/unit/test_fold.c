/* test_fold.c — the folded form under which aliases and text tokens meet,
 * and the slug that makes default node ids. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "base/eg_buf.h"
#include "text/eg_fold.h"

/* The folded form of s as a NUL-terminated string the caller frees. */
static char *fold(const char *s)
{
    eg_buf_t out = EG_BUF_INIT, scratch = EG_BUF_INIT;
    assert_int_equal(eg_fold_append(&out, &scratch, s, strlen(s)), 0);
    eg_buf_free(&scratch);
    if (!out.data)
        return calloc(1, 1);
    return eg_buf_take(&out);
}

static char *slug(const char *s)
{
    eg_buf_t out = EG_BUF_INIT;
    assert_int_equal(eg_slug_append(&out, s, strlen(s)), 0);
    if (!out.data)
        return calloc(1, 1);
    return eg_buf_take(&out);
}

static void assert_folds_to(const char *in, const char *want)
{
    char *got = fold(in);
    assert_string_equal(got, want);
    free(got);
}

static void assert_slug_is(const char *in, const char *want)
{
    char *got = slug(in);
    assert_string_equal(got, want);
    free(got);
}

static void test_ascii_is_lower_cased(void **state)
{
    (void)state;
    assert_folds_to("Dmitry PESKOV", "dmitry peskov");
    assert_folds_to("ECHR-2004, g7!", "echr-2004, g7!");
}

static void test_accented_name_folds_equal_to_unaccented(void **state)
{
    (void)state;
    char *a = fold("São Paulo");
    char *b = fold("Sao Paulo");
    assert_string_equal(a, b);
    assert_string_equal(a, "sao paulo");
    free(a);
    free(b);
}

static void test_decomposed_accent_folds_like_precomposed(void **state)
{
    (void)state;
    /* "e" + U+0301 COMBINING ACUTE ACCENT vs U+00E9 */
    assert_folds_to("Cafe\xCC\x81", "cafe");
    assert_folds_to("Café", "cafe");
    assert_folds_to("ÎLE-DE-FRANCE", "ile-de-france");
}

static void test_full_width_letters_fold_to_ascii(void **state)
{
    (void)state;
    assert_folds_to("ＥＣＨＲ", "echr");
    assert_folds_to("Ｇ７", "g7");
}

static void test_ligature_decomposes(void **state)
{
    (void)state;
    assert_folds_to("ﬁnance", "finance");
}

static void test_curly_apostrophe_equals_ascii_apostrophe(void **state)
{
    (void)state;
    char *curly = fold("Peskov’s");
    char *straight = fold("Peskov's");
    assert_string_equal(curly, straight);
    assert_string_equal(curly, "peskov's");
    free(curly);
    free(straight);
    assert_folds_to("O‘Brien", "o'brien");   /* U+2018 */
    assert_folds_to("Hawaiʼi", "hawai'i");   /* U+02BC */
}

static void test_sharp_s_folds_to_ss(void **state)
{
    (void)state;
    assert_folds_to("Straße", "strasse");
    char *a = fold("STRASSE");
    char *b = fold("Straße");
    assert_string_equal(a, b);
    free(a);
    free(b);
}

static void test_cyrillic_and_greek_are_case_folded(void **state)
{
    (void)state;
    assert_folds_to("Песков ПЕСКОВ", "песков песков");
    assert_folds_to("ΑΘΗΝΑ", "αθηνα");
    /* Case variants of a name with й (и + breve) meet in one form. */
    char *a = fold("ДМИТРИЙ");
    char *b = fold("Дмитрий");
    assert_string_equal(a, b);
    free(a);
    free(b);
}

static void test_fold_appends_to_existing_content(void **state)
{
    (void)state;
    eg_buf_t out = EG_BUF_INIT, scratch = EG_BUF_INIT;
    eg_buf_append_str(&out, "x|");
    assert_int_equal(eg_fold_append(&out, &scratch, "AB", 2), 0);
    assert_int_equal(eg_fold_append(&out, &scratch, "|São", strlen("|São")), 0);
    assert_string_equal(out.data, "x|ab|sao");
    assert_int_equal(out.len, strlen("x|ab|sao"));
    eg_buf_free(&out);
    eg_buf_free(&scratch);
}

static void test_fold_uses_only_the_given_length(void **state)
{
    (void)state;
    eg_buf_t out = EG_BUF_INIT, scratch = EG_BUF_INIT;
    assert_int_equal(eg_fold_append(&out, &scratch, "Russia's", 6), 0);
    assert_string_equal(out.data, "russia");
    eg_buf_clear(&out);
    assert_int_equal(eg_fold_append(&out, &scratch, "Peskov’s army", 6), 0);
    assert_string_equal(out.data, "peskov");
    eg_buf_free(&out);
    eg_buf_free(&scratch);
}

static void test_invalid_utf8_is_copied_byte_for_byte(void **state)
{
    (void)state;
    eg_buf_t out = EG_BUF_INIT, scratch = EG_BUF_INIT;
    const char in[] = "Ab\xFF" "C";
    assert_int_equal(eg_fold_append(&out, &scratch, in, sizeof in - 1), 0);
    assert_int_equal(out.len, sizeof in - 1);
    assert_memory_equal(out.data, in, sizeof in - 1);
    eg_buf_free(&out);
    eg_buf_free(&scratch);
}

static void test_long_text_that_grows_when_folded(void **state)
{
    (void)state;
    /* 300 ligatures "ﬃ" (3 bytes each) fold to 900 bytes "ffi". */
    eg_buf_t in = EG_BUF_INIT, want = EG_BUF_INIT;
    for (int i = 0; i < 300; i++) {
        eg_buf_append_str(&in, "ﬃ");
        eg_buf_append_str(&want, "ffi");
    }
    assert_folds_to(in.data, want.data);
    eg_buf_free(&in);
    eg_buf_free(&want);
}

static void test_slug_of_person_name(void **state)
{
    (void)state;
    assert_slug_is("Dmitry Peskov", "dmitry-peskov");
}

static void test_slug_of_long_organisation_name(void **state)
{
    (void)state;
    assert_slug_is("European Court of Human Rights", "european-court-of-human-rights");
}

static void test_slug_collapses_runs_and_trims_dashes(void **state)
{
    (void)state;
    assert_slug_is("  --Dmitry   Peskov!! ", "dmitry-peskov");
    assert_slug_is("O'Brien & Sons, Ltd.", "o-brien-sons-ltd");
}

static void test_slug_folds_accents_and_case(void **state)
{
    (void)state;
    assert_slug_is("São Paulo", "sao-paulo");
    assert_slug_is("Île-de-France", "ile-de-france");
    assert_slug_is("Мария Захарова", "мария-захарова");
}

/* ASCII names take a fast path; a trailing "…" (punctuation, so not in
 * the slug) sends the same name down the Unicode path: both must agree
 * for every ASCII byte in every position. */
static void test_ascii_slug_fast_path_matches_unicode_path(void **state)
{
    (void)state;
    for (int c = 1; c < 128; c++) {
        char plain[16], unicode[24];
        snprintf(plain, sizeof plain, "%cAb%c9 %c", c, c, c);
        snprintf(unicode, sizeof unicode, "%s\xE2\x80\xA6", plain);
        char *a = slug(plain), *b = slug(unicode);
        assert_string_equal(a, b);
        free(a);
        free(b);
    }
}

/* Two-byte code points fold through a table; a trailing "€" (three
 * bytes, folds to itself) sends the same string down utf8proc's path:
 * both must agree for every two-byte code point, alone, between ASCII
 * letters, and next to a combining mark and other code points. */
static void assert_table_matches_utf8proc(const char *s)
{
    char slow_in[64];
    snprintf(slow_in, sizeof slow_in, "%s\xE2\x82\xAC", s);
    char *fast = fold(s), *slow = fold(slow_in);
    char want[96];
    snprintf(want, sizeof want, "%s\xE2\x82\xAC", fast);
    if (strcmp(want, slow) != 0)
        fail_msg("fold('%s') = '%s', utf8proc gives '%s'", s, want, slow);
    free(fast);
    free(slow);
}

static void put_utf8(char *out, unsigned cp)
{
    out[0] = (char)(0xC0 | cp >> 6);
    out[1] = (char)(0x80 | (cp & 0x3F));
    out[2] = '\0';
}

static void test_two_byte_fold_table_matches_utf8proc(void **state)
{
    (void)state;
    for (unsigned cp = 0x80; cp < 0x800; cp++) {
        char c[3], s[32];
        put_utf8(c, cp);
        assert_table_matches_utf8proc(c);
        snprintf(s, sizeof s, "A%sb", c);
        assert_table_matches_utf8proc(s);
        snprintf(s, sizeof s, "%s\xCC\x81\xC3\x9F%s", c, c); /* U+0301, ß */
        assert_table_matches_utf8proc(s);
        char d[3];
        put_utf8(d, 0x80 + (cp * 7919) % 0x780); /* another code point */
        snprintf(s, sizeof s, "%s%s", c, d);
        assert_table_matches_utf8proc(s);
    }
}

/* An ASCII capital beside two-byte code points takes the table's path,
 * which must lower it too (the consistency test above would not see a
 * bug both paths share). */
static void test_ascii_capital_on_the_two_byte_path_is_lowered(void **state)
{
    (void)state;
    assert_folds_to("Z\xC3\xBCrich", "zurich");                 /* Zürich */
    assert_folds_to("\xC3\x96STERREICH", "osterreich");           /* ÖSTERREICH */
    assert_folds_to("S\xC3\xA3o Paulo", "sao paulo");             /* São Paulo */
}

/* Malformed two-byte sequences still fold byte for byte. */
static void test_truncated_or_overlong_two_byte_sequence_is_copied(void **state)
{
    (void)state;
    assert_folds_to("Ab\xC3", "Ab\xC3");
    assert_folds_to("\xC0\xAF" "A", "\xC0\xAF" "A");
    assert_folds_to("\xC3" "A", "\xC3" "A");
}

/* Append name to out until one more append of it must move the buffer;
 * returns where the last copy starts. */
static size_t fill_until_full(eg_buf_t *out, const char *name)
{
    size_t n = strlen(name);
    do
        eg_buf_append(out, name, n);
    while (out->cap - out->len - 1 >= n);
    return out->len - n;
}

/* A caller may slug (or fold) a name kept in the output buffer itself:
 * the bytes must be read from where the buffer's growth moved them. */
static void test_slug_and_fold_of_the_output_buffers_own_bytes(void **state)
{
    (void)state;
    /* ASCII; the two-byte table; utf8proc after ASCII ("ﬃ" grows) */
    const char *names[] = {"Dmitry Peskov", "S\xC3\xA3o Paulo", "Ba\xEF\xAC\x83n Stra\xC3\x9F""e"};
    const char *slugs[] = {"dmitry-peskov", "sao-paulo", "baffin-strasse"};
    const char *folds[] = {"dmitry peskov", "sao paulo", "baffin strasse"};
    for (int k = 0; k < 3; k++) {
        eg_buf_t out = EG_BUF_INIT, scratch = EG_BUF_INIT;
        size_t n = strlen(names[k]), at = fill_until_full(&out, names[k]);
        assert_int_equal(eg_slug_append(&out, out.data + at, n), 0);
        assert_string_equal(out.data + at + n, slugs[k]);
        eg_buf_clear(&out);
        at = fill_until_full(&out, names[k]);
        assert_int_equal(eg_fold_append(&out, &scratch, out.data + at, n), 0);
        assert_string_equal(out.data + at + n, folds[k]);
        eg_buf_free(&out);
        eg_buf_free(&scratch);
    }
}

static void test_slug_of_punctuation_only_is_empty(void **state)
{
    (void)state;
    assert_slug_is("...!?", "");
    assert_slug_is(" - ", "");
    assert_slug_is("", "");
}

static void test_word_code_points(void **state)
{
    (void)state;
    assert_true(eg_is_word_cp('a'));
    assert_true(eg_is_word_cp('Z'));
    assert_true(eg_is_word_cp('7'));
    assert_true(eg_is_word_cp(0xE9));   /* é */
    assert_true(eg_is_word_cp(0x0414)); /* Д */
    assert_true(eg_is_word_cp(0x0301)); /* combining acute */
    assert_true(eg_is_word_cp(0x6771)); /* 東 */
    assert_false(eg_is_word_cp('-'));
    assert_false(eg_is_word_cp(' '));
    assert_false(eg_is_word_cp('\''));
    assert_false(eg_is_word_cp(0x2019)); /* ’ */
    assert_false(eg_is_word_cp(0xA0));   /* no-break space */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ascii_is_lower_cased),
        cmocka_unit_test(test_accented_name_folds_equal_to_unaccented),
        cmocka_unit_test(test_decomposed_accent_folds_like_precomposed),
        cmocka_unit_test(test_full_width_letters_fold_to_ascii),
        cmocka_unit_test(test_ligature_decomposes),
        cmocka_unit_test(test_curly_apostrophe_equals_ascii_apostrophe),
        cmocka_unit_test(test_sharp_s_folds_to_ss),
        cmocka_unit_test(test_cyrillic_and_greek_are_case_folded),
        cmocka_unit_test(test_fold_appends_to_existing_content),
        cmocka_unit_test(test_fold_uses_only_the_given_length),
        cmocka_unit_test(test_invalid_utf8_is_copied_byte_for_byte),
        cmocka_unit_test(test_long_text_that_grows_when_folded),
        cmocka_unit_test(test_slug_of_person_name),
        cmocka_unit_test(test_slug_of_long_organisation_name),
        cmocka_unit_test(test_slug_collapses_runs_and_trims_dashes),
        cmocka_unit_test(test_slug_folds_accents_and_case),
        cmocka_unit_test(test_slug_of_punctuation_only_is_empty),
        cmocka_unit_test(test_ascii_slug_fast_path_matches_unicode_path),
        cmocka_unit_test(test_slug_and_fold_of_the_output_buffers_own_bytes),
        cmocka_unit_test(test_two_byte_fold_table_matches_utf8proc),
        cmocka_unit_test(test_ascii_capital_on_the_two_byte_path_is_lowered),
        cmocka_unit_test(test_truncated_or_overlong_two_byte_sequence_is_copied),
        cmocka_unit_test(test_word_code_points),
    };
    return cmocka_run_group_tests_name("fold", tests, NULL, NULL);
}
