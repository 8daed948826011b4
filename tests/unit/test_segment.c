/* test_segment.c — tokens, sentences and paragraphs of news text. Each test
 * states one rule of eg_segment.h with a sentence where it matters. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "text/eg_segment.h"

static eg_segments_t g_seg;
static const char *g_text;

static int setup(void **state)
{
    (void)state;
    eg_segments_init(&g_seg);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    eg_segments_free(&g_seg);
    return 0;
}

static void segment(const char *text)
{
    g_text = text;
    assert_int_equal(eg_segment(text, strlen(text), &g_seg), 0);
}

/* Token k's bytes equal want. */
static void assert_token(size_t k, const char *want)
{
    assert_true(k < g_seg.ntokens);
    const eg_token_t *t = &g_seg.tokens[k];
    size_t n = t->end - t->start;
    if (n != strlen(want) || memcmp(g_text + t->start, want, n) != 0)
        fail_msg("token %zu is '%.*s', want '%s'", k, (int)n, g_text + t->start, want);
}

/* Sentence s's bytes (first..last token) equal want. */
static void assert_sentence(size_t s, const char *want)
{
    assert_true(s < g_seg.nsentences);
    const eg_sentence_t *x = &g_seg.sentences[s];
    size_t n = x->end - x->start;
    if (n != strlen(want) || memcmp(g_text + x->start, want, n) != 0)
        fail_msg("sentence %zu is '%.*s', want '%s'", s, (int)n, g_text + x->start, want);
}

/* ---- tokens ---- */

static void test_words_and_punctuation_have_byte_offsets(void **state)
{
    (void)state;
    segment("Putin met Erdogan.");
    assert_int_equal(g_seg.ntokens, 4);
    const uint32_t spans[4][2] = {{0, 5}, {6, 9}, {10, 17}, {17, 18}};
    for (size_t k = 0; k < 4; k++) {
        assert_int_equal(g_seg.tokens[k].start, spans[k][0]);
        assert_int_equal(g_seg.tokens[k].end, spans[k][1]);
        assert_int_equal(g_seg.tokens[k].base_end, spans[k][1]);
    }
    assert_int_equal(g_seg.tokens[0].kind, EG_TOK_WORD);
    assert_int_equal(g_seg.tokens[2].kind, EG_TOK_WORD);
    assert_int_equal(g_seg.tokens[3].kind, EG_TOK_PUNCT);
}

/* Far from the end of the text the tokenizer classifies 64 bytes at a
 * time (and a word running past them 16 at a time); near the end it goes
 * byte by byte. All must cut and flag every word alike: each case alone,
 * then at every offset of a text long enough for the block path. */
static void test_fast_path_cuts_words_like_the_slow_one(void **state)
{
    (void)state;
    static const char *cases[] = {
        "Putin", "putin", "iPhone", "G7", "2011", "2.9", "1,100", "3.", "x,y",
        "O'Brien", "Russia's", "'90s", "Russia\xE2\x80\x99s", "na\xC3\xAFve", "Zo\xC3\xAB",
        "Kremlin-backed", "ABCDEFGHIJKLMNOP", "abcdefghijklmnopqrstuvwxyz0123456789",
        "Mr.", "U.S.", "e.g.", "a", "Z9", "\xC3\x89" "cole", "4x4", "x'", "don't",
    };
    char text[512];
    eg_segments_t alone;
    eg_segments_init(&alone);
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        size_t n = strlen(cases[c]);
        assert_int_equal(eg_tokenize(cases[c], n, &alone), 0);
        for (size_t at = 0; at < 80; at++) {
            /* the word at offset at (after spaces, or glued to a mark
             * when at is odd), then 150 bytes of text */
            memset(text, ' ', at);
            if (at % 2 && at > 0)
                text[at - 1] = '(';
            snprintf(text + at, sizeof text - at, "%s%s", cases[c],
                     " and then more words follow here, padded well past the block "
                     "of sixty-four bytes that the tokenizer classifies at once....");
            assert_int_equal(eg_tokenize(text, strlen(text), &g_seg), 0);
            size_t first = at % 2 && at > 0 ? 1 : 0; /* after the '(' */
            for (size_t k = 0; k < alone.ntokens; k++) {
                const eg_token_t *a = &alone.tokens[k], *b = &g_seg.tokens[first + k];
                uint8_t position = EG_TOKF_SPACE_BEFORE | EG_TOKF_PARA_START;
                if (a->start + at != b->start || a->end + at != b->end ||
                    a->base_end + at != b->base_end || a->kind != b->kind ||
                    (a->flags & ~position) != (b->flags & ~position))
                    fail_msg("'%s' at %zu, token %zu: [%u,%u) base %u kind %d flags %x alone, "
                             "[%u,%u) base %u kind %d flags %x in text",
                             cases[c], at, k, a->start, a->end, a->base_end, a->kind, a->flags,
                             b->start, b->end, b->base_end, b->kind, b->flags);
            }
        }
    }
    eg_segments_free(&alone);
}

/* Line breaks are counted once, wherever the 64-byte blocks fall: only
 * the first token and the one after the blank line start a paragraph. */
static void test_paragraph_starts_do_not_depend_on_block_edges(void **state)
{
    (void)state;
    char text[512];
    for (size_t at = 0; at < 130; at++) {
        memset(text, 'x', at); /* one long word, then the paragraphs */
        snprintf(text + at, sizeof text - at, "%s",
                 " end.\n\nNext one, two three: four five six seven eight nine ten, "
                 "eleven twelve; thirteen fourteen fifteen sixteen seventeen eighteen.");
        segment(text);
        for (size_t k = 0; k < g_seg.ntokens; k++) {
            const eg_token_t *t = &g_seg.tokens[k];
            int want = k == 0 || (t->end - t->start == 4 && !memcmp(text + t->start, "Next", 4));
            if (!!(t->flags & EG_TOKF_PARA_START) != want)
                fail_msg("offset %zu: token %zu '%.*s' paragraph start %d, want %d", at, k,
                         (int)(t->end - t->start), text + t->start,
                         !!(t->flags & EG_TOKF_PARA_START), want);
        }
        assert_int_equal(g_seg.nparagraphs, 2);
    }
}

static void test_space_before_flag(void **state)
{
    (void)state;
    segment("Putin met Erdogan.");
    assert_true(g_seg.tokens[0].flags & EG_TOKF_SPACE_BEFORE);
    assert_true(g_seg.tokens[1].flags & EG_TOKF_SPACE_BEFORE);
    assert_false(g_seg.tokens[3].flags & EG_TOKF_SPACE_BEFORE);
}

static void test_offsets_after_multibyte_characters(void **state)
{
    (void)state;
    segment("«São Paulo»");
    /* « is 2 bytes, São 4 bytes */
    assert_int_equal(g_seg.ntokens, 4);
    assert_token(0, "«");
    assert_int_equal(g_seg.tokens[1].start, 2);
    assert_int_equal(g_seg.tokens[1].end, 6);
    assert_token(2, "Paulo");
    assert_token(3, "»");
    assert_int_equal(g_seg.tokens[3].kind, EG_TOK_PUNCT);
}

static void test_non_breaking_space_separates_tokens(void **state)
{
    (void)state;
    segment("Dmitry\xC2\xA0Peskov");
    assert_int_equal(g_seg.ntokens, 2);
    assert_token(0, "Dmitry");
    assert_token(1, "Peskov");
    assert_int_equal(g_seg.tokens[1].start, 8);
    assert_true(g_seg.tokens[1].flags & EG_TOKF_SPACE_BEFORE);
}

static void test_thin_space_and_bom_separate_tokens(void **state)
{
    (void)state;
    segment("\xEF\xBB\xBF" "Dmitry\xE2\x80\x89Peskov");
    assert_int_equal(g_seg.ntokens, 2);
    assert_int_equal(g_seg.tokens[0].start, 3);
    assert_token(0, "Dmitry");
    assert_token(1, "Peskov");
}

static void test_hyphen_is_its_own_token(void **state)
{
    (void)state;
    segment("Kremlin-backed");
    assert_int_equal(g_seg.ntokens, 3);
    assert_token(0, "Kremlin");
    assert_token(1, "-");
    assert_token(2, "backed");
    assert_int_equal(g_seg.tokens[1].kind, EG_TOK_PUNCT);
    assert_false(g_seg.tokens[2].flags & EG_TOKF_SPACE_BEFORE);
}

static void test_decimal_number_is_one_token(void **state)
{
    (void)state;
    segment("The economy grew 2.9 percent.");
    assert_int_equal(g_seg.ntokens, 6);
    assert_token(3, "2.9");
    assert_int_equal(g_seg.tokens[3].kind, EG_TOK_WORD);
    assert_token(5, ".");
}

static void test_thousands_separator_number_is_one_token(void **state)
{
    (void)state;
    segment("About 1,100 people");
    assert_int_equal(g_seg.ntokens, 3);
    assert_token(1, "1,100");
}

static void test_comma_after_number_is_punctuation(void **state)
{
    (void)state;
    segment("In 2004, Beslan");
    assert_int_equal(g_seg.ntokens, 4);
    assert_token(1, "2004");
    assert_token(2, ",");
    assert_token(3, "Beslan");
}

static void test_period_after_number_at_sentence_end(void **state)
{
    (void)state;
    segment("It grew 2.9. Then");
    assert_token(2, "2.9");
    assert_token(3, ".");
    assert_int_equal(g_seg.nsentences, 2);
}

static void test_possessive_base_ends_at_ascii_apostrophe(void **state)
{
    (void)state;
    segment("Russia's army");
    assert_int_equal(g_seg.ntokens, 2);
    assert_token(0, "Russia's");
    assert_int_equal(g_seg.tokens[0].base_end, 6);
    assert_int_equal(g_seg.tokens[1].base_end, g_seg.tokens[1].end);
}

static void test_possessive_base_ends_at_curly_apostrophe(void **state)
{
    (void)state;
    segment("Peskov’s aide");
    assert_int_equal(g_seg.ntokens, 2);
    assert_token(0, "Peskov’s");
    assert_int_equal(g_seg.tokens[0].end, 10);
    assert_int_equal(g_seg.tokens[0].base_end, 6);
}

static void test_upper_case_possessive(void **state)
{
    (void)state;
    segment("RUSSIA'S ARMY");
    assert_token(0, "RUSSIA'S");
    assert_int_equal(g_seg.tokens[0].base_end, 6);
}

static void test_apostrophe_inside_name_is_not_possessive(void **state)
{
    (void)state;
    segment("O'Brien said");
    assert_int_equal(g_seg.ntokens, 2);
    assert_token(0, "O'Brien");
    assert_int_equal(g_seg.tokens[0].base_end, g_seg.tokens[0].end);
}

static void test_trailing_apostrophe_is_punctuation(void **state)
{
    (void)state;
    segment("the Peskovs' house");
    assert_int_equal(g_seg.ntokens, 4);
    assert_token(1, "Peskovs");
    assert_token(2, "'");
    assert_int_equal(g_seg.tokens[1].base_end, g_seg.tokens[1].end);
}

static void test_cyrillic_word_is_one_token_with_case_flags(void **state)
{
    (void)state;
    segment("Дмитрий Песков сказал");
    assert_int_equal(g_seg.ntokens, 3);
    assert_token(0, "Дмитрий");
    assert_token(1, "Песков");
    const eg_token_t *t = &g_seg.tokens[1];
    assert_int_equal(t->kind, EG_TOK_WORD);
    assert_true(t->flags & EG_TOKF_HAS_UPPER);
    assert_true(t->flags & EG_TOKF_HAS_LOWER);
    assert_false(t->flags & EG_TOKF_FIRST_LOWER);
    assert_false(t->flags & EG_TOKF_ASCII);
    assert_true(g_seg.tokens[2].flags & EG_TOKF_FIRST_LOWER);
    assert_false(g_seg.tokens[2].flags & EG_TOKF_HAS_UPPER);
}

static void test_accented_word_is_one_token_with_case_flags(void **state)
{
    (void)state;
    segment("São école ÉCOLE");
    assert_int_equal(g_seg.ntokens, 3);
    assert_token(0, "São");
    assert_int_equal(g_seg.tokens[0].flags & (EG_TOKF_HAS_UPPER | EG_TOKF_HAS_LOWER |
                                               EG_TOKF_FIRST_LOWER | EG_TOKF_ASCII),
                     EG_TOKF_HAS_UPPER | EG_TOKF_HAS_LOWER);
    assert_token(1, "école");
    assert_true(g_seg.tokens[1].flags & EG_TOKF_FIRST_LOWER);
    assert_false(g_seg.tokens[1].flags & EG_TOKF_HAS_UPPER);
    assert_token(2, "ÉCOLE");
    assert_true(g_seg.tokens[2].flags & EG_TOKF_HAS_UPPER);
    assert_false(g_seg.tokens[2].flags & EG_TOKF_HAS_LOWER);
}

static void test_decomposed_accent_stays_in_word(void **state)
{
    (void)state;
    segment("Cafe\xCC\x81 open");
    assert_int_equal(g_seg.ntokens, 2);
    assert_token(0, "Cafe\xCC\x81");
}

static void test_ascii_case_flags(void **state)
{
    (void)state;
    segment("ECHR echr Echr G7 2004");
    const uint8_t mask = EG_TOKF_HAS_UPPER | EG_TOKF_HAS_LOWER | EG_TOKF_FIRST_LOWER |
                         EG_TOKF_ASCII;
    assert_int_equal(g_seg.tokens[0].flags & mask, EG_TOKF_HAS_UPPER | EG_TOKF_ASCII);
    assert_int_equal(g_seg.tokens[1].flags & mask,
                     EG_TOKF_HAS_LOWER | EG_TOKF_FIRST_LOWER | EG_TOKF_ASCII);
    assert_int_equal(g_seg.tokens[2].flags & mask,
                     EG_TOKF_HAS_UPPER | EG_TOKF_HAS_LOWER | EG_TOKF_ASCII);
    assert_int_equal(g_seg.tokens[3].flags & mask, EG_TOKF_HAS_UPPER | EG_TOKF_ASCII);
    assert_int_equal(g_seg.tokens[4].flags & mask, EG_TOKF_ASCII);
}

static void test_empty_and_blank_text_have_no_tokens(void **state)
{
    (void)state;
    segment("");
    assert_int_equal(g_seg.ntokens, 0);
    assert_int_equal(g_seg.nsentences, 0);
    assert_int_equal(g_seg.nparagraphs, 0);
    segment(" \n\n \t\r\n");
    assert_int_equal(g_seg.ntokens, 0);
    assert_int_equal(g_seg.nsentences, 0);
    assert_int_equal(g_seg.nparagraphs, 0);
}

static void test_segments_are_replaced_on_reuse(void **state)
{
    (void)state;
    segment("One. Two. Three.\n\nFour.");
    assert_int_equal(g_seg.nsentences, 4);
    segment("Five");
    assert_int_equal(g_seg.ntokens, 1);
    assert_int_equal(g_seg.nsentences, 1);
    assert_int_equal(g_seg.nparagraphs, 1);
    assert_token(0, "Five");
}

static void test_tokenize_puts_every_token_in_sentence_zero(void **state)
{
    (void)state;
    g_text = "U.S. Army. Then\n\nmore";
    assert_int_equal(eg_tokenize(g_text, strlen(g_text), &g_seg), 0);
    assert_int_equal(g_seg.ntokens, 8);
    for (size_t k = 0; k < g_seg.ntokens; k++)
        assert_int_equal(g_seg.tokens[k].sentence, 0);
    assert_token(0, "U");
    assert_token(1, ".");
    assert_token(7, "more");
}

/* ---- paragraphs ---- */

static void test_blank_line_separates_paragraphs(void **state)
{
    (void)state;
    segment("Putin spoke.\n\nErdogan replied.");
    assert_int_equal(g_seg.nparagraphs, 2);
    assert_int_equal(g_seg.nsentences, 2);
    assert_int_equal(g_seg.sentences[0].paragraph, 0);
    assert_int_equal(g_seg.sentences[1].paragraph, 1);
    assert_true(g_seg.tokens[0].flags & EG_TOKF_PARA_START);
    assert_true(g_seg.tokens[3].flags & EG_TOKF_PARA_START);
    assert_false(g_seg.tokens[1].flags & EG_TOKF_PARA_START);
}

static void test_crlf_blank_line_separates_paragraphs(void **state)
{
    (void)state;
    segment("Putin spoke.\r\n\r\nErdogan replied.\r\n");
    assert_int_equal(g_seg.nparagraphs, 2);
    assert_int_equal(g_seg.sentences[1].paragraph, 1);
    assert_sentence(1, "Erdogan replied.");
}

static void test_line_with_only_spaces_separates_paragraphs(void **state)
{
    (void)state;
    segment("Putin spoke.\n   \t \nErdogan replied.");
    assert_int_equal(g_seg.nparagraphs, 2);
    assert_int_equal(g_seg.sentences[1].paragraph, 1);
}

static void test_several_blank_lines_make_one_break(void **state)
{
    (void)state;
    segment("One.\n\n\n\n\nTwo.");
    assert_int_equal(g_seg.nparagraphs, 2);
}

static void test_paragraph_separator_character_separates_paragraphs(void **state)
{
    (void)state;
    segment("Putin spoke\xE2\x80\xA9" "Erdogan replied.");
    assert_int_equal(g_seg.nparagraphs, 2);
    assert_int_equal(g_seg.nsentences, 2);
    assert_sentence(0, "Putin spoke");
}

static void test_single_newline_does_not_end_sentence(void **state)
{
    (void)state;
    segment("Putin met\nErdogan in Sochi.");
    assert_int_equal(g_seg.nparagraphs, 1);
    assert_int_equal(g_seg.nsentences, 1);
    assert_sentence(0, "Putin met\nErdogan in Sochi.");
}

static void test_line_without_final_punctuation_before_blank_line_ends_sentence(void **state)
{
    (void)state;
    segment("Kremlin denies claims\n\nDmitry Peskov said.");
    assert_int_equal(g_seg.nsentences, 2);
    assert_sentence(0, "Kremlin denies claims");
    assert_sentence(1, "Dmitry Peskov said.");
    assert_int_equal(g_seg.sentences[0].end_token, 3);
    assert_int_equal(g_seg.sentences[1].first_token, 3);
    assert_int_equal(g_seg.sentences[1].paragraph, 1);
}

static void test_paragraph_break_after_abbreviation_ends_sentence(void **state)
{
    (void)state;
    segment("He thanked Mr.\n\nThen he left.");
    assert_int_equal(g_seg.nsentences, 2);
    assert_int_equal(g_seg.nparagraphs, 2);
    assert_sentence(0, "He thanked Mr.");
    assert_int_equal(g_seg.sentences[1].paragraph, 1);
}

/* ---- sentences ---- */

static void test_sentences_end_at_period_exclamation_and_question(void **state)
{
    (void)state;
    segment("Stop! Who is it? It is me. Fine");
    assert_int_equal(g_seg.nsentences, 4);
    assert_sentence(0, "Stop!");
    assert_sentence(1, "Who is it?");
    assert_sentence(2, "It is me.");
    assert_sentence(3, "Fine");
    assert_int_equal(g_seg.nparagraphs, 1);
}

static void test_tokens_know_their_sentence(void **state)
{
    (void)state;
    segment("A cat. Dogs bark.");
    /* A cat . | Dogs bark . */
    const uint32_t want[] = {0, 0, 0, 1, 1, 1};
    assert_int_equal(g_seg.ntokens, 6);
    for (size_t k = 0; k < 6; k++)
        assert_int_equal(g_seg.tokens[k].sentence, want[k]);
    assert_int_equal(g_seg.sentences[1].first_token, 3);
    assert_int_equal(g_seg.sentences[1].end_token, 6);
    assert_int_equal(g_seg.sentences[1].start, 7);
    assert_int_equal(g_seg.sentences[1].end, 17);
}

static void test_abbreviation_mr_does_not_end_sentence(void **state)
{
    (void)state;
    segment("Mr. Peskov said so. He left.");
    assert_int_equal(g_seg.nsentences, 2);
    assert_sentence(0, "Mr. Peskov said so.");
}

static void test_abbreviation_dr_does_not_end_sentence(void **state)
{
    (void)state;
    segment("They met Dr. Smith today. He left.");
    assert_int_equal(g_seg.nsentences, 2);
    assert_sentence(0, "They met Dr. Smith today.");
}

static void test_abbreviation_us_does_not_end_sentence(void **state)
{
    (void)state;
    segment("The U.S. Army denied it. Moscow agreed.");
    assert_int_equal(g_seg.nsentences, 2);
    assert_sentence(0, "The U.S. Army denied it.");
}

static void test_abbreviation_jan_does_not_end_sentence(void **state)
{
    (void)state;
    segment("On Jan. 5 Putin spoke. Then he left.");
    assert_int_equal(g_seg.nsentences, 2);
    assert_sentence(0, "On Jan. 5 Putin spoke.");
}

/* The longest abbreviations have six letters (is_abbreviation stops
 * there): "Messrs." must not end a sentence before a capital. */
static void test_six_letter_abbreviation_messrs_does_not_end_sentence(void **state)
{
    (void)state;
    segment("Messrs. Putin and Peskov met. Then they left.");
    assert_int_equal(g_seg.nsentences, 2);
    assert_sentence(0, "Messrs. Putin and Peskov met.");
}

static void test_single_initial_does_not_end_sentence(void **state)
{
    (void)state;
    segment("John F. Kennedy spoke. Then he left.");
    assert_int_equal(g_seg.nsentences, 2);
    assert_sentence(0, "John F. Kennedy spoke.");
}

static void test_lower_case_next_word_does_not_end_sentence(void **state)
{
    (void)state;
    segment("Tanks, guns etc. were sent. Moscow agreed.");
    assert_int_equal(g_seg.nsentences, 2);
    assert_sentence(0, "Tanks, guns etc. were sent.");
}

static void test_closing_quote_stays_with_its_sentence(void **state)
{
    (void)state;
    segment("He said: \"Go home.\" Then he left.");
    assert_int_equal(g_seg.nsentences, 2);
    assert_sentence(0, "He said: \"Go home.\"");
    assert_sentence(1, "Then he left.");
}

static void test_repeated_marks_stay_together(void **state)
{
    (void)state;
    segment("Really?! Yes.");
    assert_int_equal(g_seg.nsentences, 2);
    assert_sentence(0, "Really?!");
}

static void test_ellipsis_ends_sentence(void **state)
{
    (void)state;
    segment("Wait… Then go.");
    assert_int_equal(g_seg.nsentences, 2);
    assert_sentence(0, "Wait…");
}

static void test_period_inside_domain_does_not_end_sentence(void **state)
{
    (void)state;
    segment("See example.Com today. Done.");
    assert_int_equal(g_seg.nsentences, 2);
    assert_sentence(0, "See example.Com today.");
}

static void test_last_sentence_without_punctuation(void **state)
{
    (void)state;
    segment("First one. And the last");
    assert_int_equal(g_seg.nsentences, 2);
    assert_sentence(1, "And the last");
}

/* ---- capitalised words ---- */

/* The capitalised words are exactly the tokens flagged EG_TOKF_CAP, in
 * order, and their text is want[] (NULL-terminated). */
static void assert_capwords(const char *const *want)
{
    size_t n = 0, c = 0;
    for (size_t k = 0; k < g_seg.ntokens; k++) {
        if (!(g_seg.tokens[k].flags & EG_TOKF_CAP))
            continue;
        assert_true(want[n] != NULL);
        assert_token(k, want[n]);
        assert_true(c < g_seg.ncapwords);
        assert_int_equal(g_seg.capwords[c], k);
        n++, c++;
    }
    assert_null(want[n]);
    assert_int_equal(g_seg.ncapwords, c);
}

static void test_capitalised_words_are_listed_in_order(void **state)
{
    (void)state;
    /* long enough that words take the 16-byte fast path and the slow one */
    segment("Dmitry Peskov, the Kremlin's spokesman, said 2nd mRNA tests by 3M and "
            "\xc3\x89mile \xc3\xa9tait ECHR x. \xc3\x96" "BB-Chef Zo\xc3\xab A.");
    static const char *const want[] = {"Dmitry", "Peskov", "Kremlin's", "\xc3\x89mile",
                                       "ECHR", "\xc3\x96" "BB", "Chef", "Zo\xc3\xab", "A",
                                       NULL};
    assert_capwords(want);
}

static void test_capitalised_words_restart_per_document(void **state)
{
    (void)state;
    segment("Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu");
    segment("only lower case words here, and then one Name at the end of it all");
    static const char *const want[] = {"Name", NULL};
    assert_capwords(want);
}

static void test_capitalised_words_across_sentences_and_paragraphs(void **state)
{
    (void)state;
    char text[8192];
    size_t n = 0;
    for (int i = 0; i < 300; i++) /* past the first growth of the token array */
        n += (size_t)snprintf(text + n, sizeof text - n, "%s", i % 3 == 2 ? "End.\n\nx " : "Word y. ");
    segment(text);
    size_t c = 0;
    for (size_t k = 0; k < g_seg.ntokens; k++)
        c += (g_seg.tokens[k].flags & EG_TOKF_CAP) != 0;
    assert_int_equal(c, 300);
    assert_int_equal(g_seg.ncapwords, 300);
    for (size_t i = 1; i < g_seg.ncapwords; i++)
        assert_true(g_seg.capwords[i - 1] < g_seg.capwords[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_and_punctuation_have_byte_offsets),
        cmocka_unit_test(test_capitalised_words_are_listed_in_order),
        cmocka_unit_test(test_capitalised_words_restart_per_document),
        cmocka_unit_test(test_capitalised_words_across_sentences_and_paragraphs),
        cmocka_unit_test(test_space_before_flag),
        cmocka_unit_test(test_offsets_after_multibyte_characters),
        cmocka_unit_test(test_non_breaking_space_separates_tokens),
        cmocka_unit_test(test_thin_space_and_bom_separate_tokens),
        cmocka_unit_test(test_hyphen_is_its_own_token),
        cmocka_unit_test(test_decimal_number_is_one_token),
        cmocka_unit_test(test_thousands_separator_number_is_one_token),
        cmocka_unit_test(test_comma_after_number_is_punctuation),
        cmocka_unit_test(test_period_after_number_at_sentence_end),
        cmocka_unit_test(test_possessive_base_ends_at_ascii_apostrophe),
        cmocka_unit_test(test_possessive_base_ends_at_curly_apostrophe),
        cmocka_unit_test(test_upper_case_possessive),
        cmocka_unit_test(test_apostrophe_inside_name_is_not_possessive),
        cmocka_unit_test(test_trailing_apostrophe_is_punctuation),
        cmocka_unit_test(test_cyrillic_word_is_one_token_with_case_flags),
        cmocka_unit_test(test_accented_word_is_one_token_with_case_flags),
        cmocka_unit_test(test_decomposed_accent_stays_in_word),
        cmocka_unit_test(test_ascii_case_flags),
        cmocka_unit_test(test_empty_and_blank_text_have_no_tokens),
        cmocka_unit_test(test_segments_are_replaced_on_reuse),
        cmocka_unit_test(test_tokenize_puts_every_token_in_sentence_zero),
        cmocka_unit_test(test_blank_line_separates_paragraphs),
        cmocka_unit_test(test_crlf_blank_line_separates_paragraphs),
        cmocka_unit_test(test_line_with_only_spaces_separates_paragraphs),
        cmocka_unit_test(test_several_blank_lines_make_one_break),
        cmocka_unit_test(test_paragraph_separator_character_separates_paragraphs),
        cmocka_unit_test(test_single_newline_does_not_end_sentence),
        cmocka_unit_test(test_line_without_final_punctuation_before_blank_line_ends_sentence),
        cmocka_unit_test(test_paragraph_break_after_abbreviation_ends_sentence),
        cmocka_unit_test(test_sentences_end_at_period_exclamation_and_question),
        cmocka_unit_test(test_tokens_know_their_sentence),
        cmocka_unit_test(test_abbreviation_mr_does_not_end_sentence),
        cmocka_unit_test(test_abbreviation_dr_does_not_end_sentence),
        cmocka_unit_test(test_abbreviation_us_does_not_end_sentence),
        cmocka_unit_test(test_abbreviation_jan_does_not_end_sentence),
        cmocka_unit_test(test_six_letter_abbreviation_messrs_does_not_end_sentence),
        cmocka_unit_test(test_single_initial_does_not_end_sentence),
        cmocka_unit_test(test_lower_case_next_word_does_not_end_sentence),
        cmocka_unit_test(test_closing_quote_stays_with_its_sentence),
        cmocka_unit_test(test_repeated_marks_stay_together),
        cmocka_unit_test(test_ellipsis_ends_sentence),
        cmocka_unit_test(test_period_inside_domain_does_not_end_sentence),
        cmocka_unit_test(test_last_sentence_without_punctuation),
        cmocka_unit_test(test_fast_path_cuts_words_like_the_slow_one),
        cmocka_unit_test(test_paragraph_starts_do_not_depend_on_block_edges),
    };
    return cmocka_run_group_tests_name("segment", tests, setup, teardown);
}
