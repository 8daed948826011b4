/* test_matcher.c — finding dictionary names in segmented text: longest
 * leftmost whole-token matches, possessives, case policies, folding. Each
 * test builds a small in-memory dictionary, segments one text and checks
 * the exact mentions (entity, byte span, tokens). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "base/eg_error.h"
#include "tag/eg_dict.h"
#include "tag/eg_matcher.h"
#include "text/eg_segment.h"

static void count_warning(void *ctx, const char *file, long line, const char *text)
{
    (void)file;
    (void)line;
    (void)text;
    ++*(int *)ctx;
}

typedef struct world {
    eg_dict_t dict;
    eg_matcher_t *matcher;
    eg_segments_t seg;
    eg_match_scratch_t scratch;
    eg_mentions_t mentions;
    const char *text;
    int warnings;
} world_t;

static world_t w;

static int teardown(void **state)
{
    (void)state;
    eg_matcher_free(w.matcher);
    eg_dict_free(&w.dict);
    eg_segments_free(&w.seg);
    eg_match_scratch_free(&w.scratch);
    eg_mentions_free(&w.mentions);
    memset(&w, 0, sizeof w);
    return 0;
}

/* Build the matcher from a dictionary file's text (path gives the type). */
static void dictionary(const char *path, const char *tsv)
{
    eg_error_t err = {0};
    eg_warner_t warn = {count_warning, &w.warnings};
    eg_dict_init(&w.dict);
    eg_segments_init(&w.seg);
    if (eg_dict_load_text(&w.dict, path, tsv, strlen(tsv), &warn, &err))
        fail_msg("dictionary: %s:%ld: %s", err.file, err.line, err.text);
    if (eg_matcher_build(&w.matcher, &w.dict, &warn, &err))
        fail_msg("matcher: %s", err.text);
}

static void assert_same_mentions(const eg_mentions_t *a, const eg_mentions_t *b)
{
    assert_int_equal(a->n, b->n);
    for (size_t i = 0; i < a->n; i++) {
        const eg_mention_t *x = &a->items[i], *y = &b->items[i];
        assert_int_equal(x->start, y->start);
        assert_int_equal(x->end, y->end);
        assert_int_equal(x->entity, y->entity);
        assert_int_equal(x->alias, y->alias);
        assert_int_equal(x->sentence, y->sentence);
        assert_int_equal(x->first_token, y->first_token);
        assert_int_equal(x->ntokens, y->ntokens);
        assert_int_equal(x->why, y->why);
    }
}

/* Segment and scan text; returns the number of mentions. Every scan is
 * also a differential test: the scan that starts from capitals only
 * finds what the dense scan (every token) finds, blocked spans too. */
static size_t scan(const char *text)
{
    w.text = text;
    assert_int_equal(eg_segment(text, strlen(text), &w.seg), 0);
    eg_mentions_t dense = {0}, dense_blocked = {0};
    assert_int_equal(eg_matcher_scan_dense(w.matcher, text, &w.seg, &w.scratch, &dense), 0);
    assert_int_equal(
        eg_mentions_assign(&dense_blocked, w.scratch.blocked.items, w.scratch.blocked.n), 0);
    assert_int_equal(eg_matcher_scan(w.matcher, text, &w.seg, &w.scratch, &w.mentions), 0);
    assert_same_mentions(&dense, &w.mentions);
    assert_same_mentions(&dense_blocked, &w.scratch.blocked);
    eg_mentions_free(&dense);
    eg_mentions_free(&dense_blocked);
    return w.mentions.n;
}

static uint32_t entity_index(const char *id)
{
    for (size_t i = 0; i < w.dict.nentities; i++)
        if (strcmp(w.dict.entities[i].id, id) == 0)
            return (uint32_t)i;
    fail_msg("no entity '%s'", id);
    return UINT32_MAX;
}

/* Mention k is entity id over exactly the bytes of want, which start at
 * byte offset start. */
static void assert_mention(size_t k, const char *id, uint32_t start, const char *want)
{
    assert_true(k < w.mentions.n);
    const eg_mention_t *m = &w.mentions.items[k];
    assert_string_equal(w.dict.entities[m->entity].id, id);
    assert_int_equal(m->entity, entity_index(id));
    assert_int_equal(w.dict.aliases[m->alias].entity, m->entity);
    size_t n = m->end - m->start;
    if (m->start != start || n != strlen(want) || memcmp(w.text + m->start, want, n))
        fail_msg("mention %zu is [%u,%u) '%.*s', want [%u,%zu) '%s'", k, m->start, m->end,
                 (int)n, w.text + m->start, start, start + strlen(want), want);
}

/* Offset of the first occurrence of needle in the scanned text. */
static uint32_t at(const char *needle)
{
    const char *p = strstr(w.text, needle);
    assert_non_null(p);
    return (uint32_t)(p - w.text);
}

/* ---- longest, leftmost, whole tokens ---- */

static void test_longest_match_wins(void **state)
{
    (void)state;
    dictionary("organisations.tsv", "name\tid\n"
                                    "Human Rights\thr\n"
                                    "European Court of Human Rights\techr\n");
    assert_int_equal(scan("The European Court of Human Rights ruled."), 1);
    assert_mention(0, "echr", 4, "European Court of Human Rights");
    assert_int_equal(w.mentions.items[0].first_token, 1);
    assert_int_equal(w.mentions.items[0].ntokens, 5);
}

/* A shorter alias that is a prefix of a longer one: the scan goes on past
 * the first complete alias, whichever the dictionary defines first, and
 * does not match the words the long name took again ("Times"). */
static void test_longest_match_goes_past_a_shorter_prefix_alias(void **state)
{
    (void)state;
    dictionary("organisations.tsv", "name\tid\n"
                                    "New York\tny\n"
                                    "Times\ttimes\n"
                                    "New York Times\tnyt\n");
    assert_int_equal(scan("The New York Times reported."), 1);
    assert_mention(0, "nyt", 4, "New York Times");
    assert_int_equal(w.mentions.items[0].first_token, 1);
    assert_int_equal(w.mentions.items[0].ntokens, 3);
    teardown(NULL);
    dictionary("organisations.tsv", "name\tid\n"
                                    "New York Times\tnyt\n"
                                    "New York\tny\n");
    assert_int_equal(scan("The New York Times reported."), 1);
    assert_mention(0, "nyt", 4, "New York Times");
}

/* Three nested aliases: the longest complete one wins, and a path that
 * goes on without completing falls back to the last complete alias on
 * it, not to the first. */
static void test_longest_match_falls_back_to_the_last_complete_alias(void **state)
{
    (void)state;
    dictionary("organisations.tsv", "name\tid\n"
                                    "Bank\tbank\n"
                                    "Bank of America\tboa\n"
                                    "Bank of America Tower\ttower\n");
    assert_int_equal(scan("Bank of America Tower. Bank of America Plaza. Bank of Japan."), 3);
    assert_mention(0, "tower", 0, "Bank of America Tower");
    assert_mention(1, "boa", at("Bank of America Plaza"), "Bank of America");
    assert_mention(2, "bank", at("Bank of Japan"), "Bank");
}

/* The longest match may end in a possessive: the mention ends at the
 * base name, and a shorter prefix alias does not win over it. */
static void test_longest_match_ends_in_a_possessive(void **state)
{
    (void)state;
    dictionary("organisations.tsv", "name\tid\nNew York\tny\nNew York Times\tnyt\n");
    assert_int_equal(scan("The New York Times's editor."), 1);
    assert_mention(0, "nyt", 4, "New York Times");
}

static void test_shorter_name_matches_alone(void **state)
{
    (void)state;
    dictionary("organisations.tsv", "name\tid\n"
                                    "Human Rights\thr\n"
                                    "European Court of Human Rights\techr\n");
    assert_int_equal(scan("Human Rights Watch and the European Court said."), 1);
    assert_mention(0, "hr", 0, "Human Rights");
}

static void test_partial_long_name_falls_back_to_inner_match(void **state)
{
    (void)state;
    dictionary("organisations.tsv", "name\tid\n"
                                    "Human Rights\thr\n"
                                    "European Court of Human Rights\techr\n");
    /* "European Court of" starts the long path but does not finish it. */
    assert_int_equal(scan("The European Court of Justice and Human Rights."), 1);
    assert_mention(0, "hr", at("Human"), "Human Rights");
}

static void test_leftmost_match_wins_without_overlap(void **state)
{
    (void)state;
    dictionary("places.tsv", "name\tid\nNew York\tny\nYork Times\tyt\n");
    assert_int_equal(scan("New York Times"), 1);
    assert_mention(0, "ny", 0, "New York");
    assert_int_equal(w.mentions.items[0].ntokens, 2);
}

static void test_matching_resumes_after_a_mention(void **state)
{
    (void)state;
    dictionary("places.tsv", "name\tid\nNew York\tny\nYork Times\tyt\nTimes Square\tts\n");
    assert_int_equal(scan("New York Times Square"), 2);
    assert_mention(0, "ny", 0, "New York");
    assert_mention(1, "ts", 9, "Times Square");
    assert_int_equal(w.mentions.items[1].first_token, 2);
}

static void test_mentions_come_in_text_order(void **state)
{
    (void)state;
    dictionary("people.tsv", "name\nVladimir Putin\nRecep Erdogan\n");
    assert_int_equal(scan("Recep Erdogan met Vladimir Putin. Vladimir Putin left."), 3);
    assert_mention(0, "recep-erdogan", 0, "Recep Erdogan");
    assert_mention(1, "vladimir-putin", at("Vladimir"), "Vladimir Putin");
    assert_mention(2, "vladimir-putin", 34, "Vladimir Putin");
    assert_int_equal(w.mentions.items[0].sentence, 0);
    assert_int_equal(w.mentions.items[2].sentence, 1);
}

static void test_whole_tokens_only(void **state)
{
    (void)state;
    dictionary("places.tsv", "name\nRussia\n");
    assert_int_equal(scan("Russian troops and Russiagate, not BelaRussia."), 0);
    assert_int_equal(scan("Troops of Russia."), 1);
    assert_mention(0, "russia", 10, "Russia");
}

static void test_name_followed_by_hyphenated_word_matches(void **state)
{
    (void)state;
    dictionary("organisations.tsv", "name\nKremlin\n");
    assert_int_equal(scan("A Kremlin-backed group"), 1);
    assert_mention(0, "kremlin", 2, "Kremlin");
}

/* ---- possessives ---- */

static void test_possessive_matches_base_name(void **state)
{
    (void)state;
    dictionary("places.tsv", "name\nRussia\n");
    assert_int_equal(scan("Russia's army"), 1);
    assert_mention(0, "russia", 0, "Russia");
    assert_int_equal(w.mentions.items[0].end, 6);
    assert_int_equal(w.mentions.items[0].ntokens, 1);
}

static void test_curly_possessive_matches_base_name(void **state)
{
    (void)state;
    dictionary("people.tsv", "name\taliases\nDmitry Peskov\tPeskov\n");
    assert_int_equal(scan("Kremlin spokesman Peskov’s remarks"), 1);
    assert_mention(0, "dmitry-peskov", at("Peskov"), "Peskov");
}

static void test_possessive_ends_a_multi_token_name(void **state)
{
    (void)state;
    dictionary("people.tsv", "name\nDmitry Peskov\n");
    assert_int_equal(scan("Dmitry Peskov's remarks"), 1);
    assert_mention(0, "dmitry-peskov", 0, "Dmitry Peskov");
    assert_int_equal(w.mentions.items[0].ntokens, 2);
}

static void test_possessive_in_middle_does_not_match_longer_name(void **state)
{
    (void)state;
    dictionary("organisations.tsv", "name\nRussia\nRussia Today\n");
    assert_int_equal(scan("Russia's Today show"), 1);
    assert_mention(0, "russia", 0, "Russia");
}

static void test_possessive_of_capitals_alias(void **state)
{
    (void)state;
    dictionary("organisations.tsv", "name\nECHR\n");
    assert_int_equal(scan("The ECHR's ruling"), 1);
    assert_mention(0, "echr", 4, "ECHR");
    assert_int_equal(scan("The Echr's ruling"), 0);
}

static void test_name_ending_in_apostrophe_s_matches_whole(void **state)
{
    (void)state;
    dictionary("organisations.tsv", "name\nMacy's\n");
    assert_int_equal(scan("Shoppers at Macy's today"), 1);
    assert_mention(0, "macy-s", at("Macy"), "Macy's");
}

/* ---- case policies ---- */

static void test_auto_capitals_alias_matches_exactly(void **state)
{
    (void)state;
    dictionary("organisations.tsv", "name\taliases\nEuropean Court of Human Rights\tECHR\n");
    assert_int_equal(scan("The ECHR ruled."), 1);
    assert_mention(0, "european-court-of-human-rights", 4, "ECHR");
    assert_int_equal(scan("The Echr ruled."), 0);
    assert_int_equal(scan("The echr ruled."), 0);
}

static void test_auto_alias_with_digits_matches_exactly(void **state)
{
    (void)state;
    dictionary("organisations.tsv", "name\nG7\n");
    assert_int_equal(scan("At the G7 summit"), 1);
    assert_mention(0, "g7", 7, "G7");
    assert_int_equal(scan("At the g7 summit"), 0);
}

static void test_auto_alias_matches_any_case_but_all_lower(void **state)
{
    (void)state;
    dictionary("places.tsv", "name\nReading\n");
    assert_int_equal(scan("Police in READING said."), 1);
    assert_mention(0, "reading", 10, "READING");
    assert_int_equal(scan("Police in Reading said."), 1);
    assert_mention(0, "reading", 10, "Reading");
    assert_int_equal(scan("He was reading a book."), 0);
}

static void test_auto_multi_token_alias_rejects_all_lower_span(void **state)
{
    (void)state;
    dictionary("organisations.tsv", "name\nWhite House\n");
    assert_int_equal(scan("a white house on the hill"), 0);
    assert_int_equal(scan("the White house said"), 1);
    assert_mention(0, "white-house", 4, "White house");
}

/* A span may start with a lower-case word when a capital comes later
 * ("de Gaulle"): the scan's filter of lower-case words must let "de"
 * through, and only as a start of that name. */
static void test_lower_case_first_word_of_a_name_can_start_it(void **state)
{
    (void)state;
    dictionary("people.tsv", "name\nDe Gaulle\nDe Niro\n");
    assert_int_equal(scan("said de Gaulle, then de niro and de facto"), 1);
    assert_mention(0, "de-gaulle", 5, "de Gaulle");
}

/* A name may start with lower-case words when a capital follows in it:
 * the scan that starts from capitals walks back over the words that
 * aliases have before their last one ("de", "of", "the"), and only
 * over those. */
static void test_lower_case_words_before_a_capital_start_a_name(void **state)
{
    (void)state;
    dictionary("organisations.tsv",
               "name\tcase\nCharles de Gaulle\t\nBank of America\t\nThe Beatles\t\n"
               "Al Qaeda in Iraq\t\nNew York\t\n");
    assert_int_equal(scan("met charles de Gaulle at the bank of America; the Beatles and al "
                          "qaeda in Iraq, not new york or the beatles"),
                     4);
    assert_mention(0, "charles-de-gaulle", 4, "charles de Gaulle");
    assert_mention(1, "bank-of-america", 29, "bank of America");
    assert_mention(2, "the-beatles", 46, "the Beatles");
    assert_mention(3, "al-qaeda-in-iraq", 62, "al qaeda in Iraq");
}

/* An alias of digits only matches as written and needs no capital: the
 * tokens without lower-case letters are tried too. */
static void test_alias_of_digits_matches_without_a_capital(void **state)
{
    (void)state;
    dictionary("organisations.tsv", "name\n1984\n2024 Olympics\n");
    assert_int_equal(scan("in 1984 and at the 2024 Olympics, not 19845"), 2);
    assert_mention(0, "1984", 3, "1984");
    assert_mention(1, "2024-olympics", 19, "2024 Olympics");
}

/* A stop-list form blocks the names inside it where it has a capital;
 * written all in lower case it holds no name and blocks nothing. */
static void test_stop_form_blocks_where_it_has_a_capital(void **state)
{
    (void)state;
    dictionary("people.tsv", "name\taliases\ttype\nJames Monroe\tMonroe\tperson\n"
                             "Monroe Doctrine\t\tstop\n");
    assert_int_equal(scan("the Monroe Doctrine of Monroe"), 1);
    assert_int_equal(w.scratch.blocked.n, 1);
    assert_mention(0, "james-monroe", 23, "Monroe");
    assert_int_equal(scan("the monroe doctrine"), 0);
    assert_int_equal(w.scratch.blocked.n, 0);
}

/* One scratch used with two matchers: the ids it remembers for short
 * non-ASCII tokens belong to the first matcher and must not answer for
 * the second, whose vocabulary numbers "são" differently. */
static void test_scratch_moves_between_matchers(void **state)
{
    (void)state;
    dictionary("places.tsv", "name\nZ\xC3\xBCrich\nS\xC3\xA3o Paulo\n");
    const char *text = "S\xC3\xA3o Paulo and S\xC3\xA3o Tom\xC3\xA9";
    assert_int_equal(scan(text), 1);
    assert_mention(0, "sao-paulo", 0, "S\xC3\xA3o Paulo");
    eg_dict_t other;
    eg_matcher_t *m2 = NULL;
    eg_error_t err = {0};
    eg_dict_init(&other);
    const char *tsv = "name\nS\xC3\xA3o Tom\xC3\xA9\n";
    assert_int_equal(eg_dict_load_text(&other, "places.tsv", tsv, strlen(tsv), NULL, &err), 0);
    assert_int_equal(eg_matcher_build(&m2, &other, NULL, &err), 0);
    assert_int_equal(eg_matcher_scan(m2, text, &w.seg, &w.scratch, &w.mentions), 0);
    assert_int_equal(w.mentions.n, 1);
    assert_string_equal(other.entities[w.mentions.items[0].entity].id, "sao-tome");
    assert_int_equal(w.mentions.items[0].start, strlen("S\xC3\xA3o Paulo and "));
    eg_matcher_free(m2);
    eg_dict_free(&other);
}

static void test_lowercase_common_word_not_tagged(void **state)
{
    (void)state;
    dictionary("organisations.tsv", "name\nSanctions\n");
    assert_int_equal(scan("New sanctions were imposed."), 0);
}

static void test_fold_policy_matches_lower_case(void **state)
{
    (void)state;
    dictionary("organisations.tsv", "name\tcase\nKremlin\tfold\n");
    assert_int_equal(scan("the kremlin said"), 1);
    assert_mention(0, "kremlin", 4, "kremlin");
    assert_int_equal(scan("THE KREMLIN SAID"), 1);
}

static void test_exact_policy_requires_same_case(void **state)
{
    (void)state;
    dictionary("places.tsv", "name\tcase\nReading\texact\n");
    assert_int_equal(scan("Police in Reading said."), 1);
    assert_mention(0, "reading", 10, "Reading");
    assert_int_equal(scan("Police in READING said."), 0);
    assert_int_equal(scan("He was reading a book."), 0);
}

static void test_exact_policy_compares_accents(void **state)
{
    (void)state;
    dictionary("places.tsv", "name\tcase\nSão Paulo\texact\n");
    assert_int_equal(scan("Flights to São Paulo"), 1);
    assert_int_equal(scan("Flights to Sao Paulo"), 0);
}

static void test_first_alias_in_dictionary_wins_a_shared_form(void **state)
{
    (void)state;
    dictionary("places.tsv", "name\tid\taliases\n"
                             "Georgia (country)\tgeorgia-country\tGeorgia\n"
                             "Georgia (US state)\tgeorgia-state\tGeorgia\n");
    assert_int_equal(scan("Troops left Georgia."), 1);
    assert_mention(0, "georgia-country", 12, "Georgia");
}

/* Candidates of one form: the highest priority first, among equals the
 * first defined; one whose case does not fit passes to the next. */
static void test_highest_priority_then_first_defined_wins_a_shared_form(void **state)
{
    (void)state;
    dictionary("places.tsv", "name\tid\tpriority\tcase\n"
                             "Georgia\tlow\t0\t\n"
                             "Georgia\tmid-first\t5\t\n"
                             "Georgia\tmid-second\t5\t\n"
                             "GEORGIA\ttop-exact\t7\texact\n");
    assert_int_equal(scan("Troops left Georgia."), 1);
    assert_mention(0, "mid-first", 12, "Georgia");
    assert_int_equal(scan("Troops left GEORGIA."), 1);
    assert_mention(0, "top-exact", 12, "GEORGIA");
}

static void test_shared_form_falls_through_to_accepting_policy(void **state)
{
    (void)state;
    /* The first entity's exact alias rejects "Nato", the second's fold
     * alias accepts it. */
    dictionary("organisations.tsv", "name\tid\tcase\n"
                                    "NATO\tnato-exact\texact\n"
                                    "Nato\tnato-any\tfold\n");
    assert_int_equal(scan("NATO said"), 1);
    assert_mention(0, "nato-exact", 0, "NATO");
    assert_int_equal(scan("nato said"), 1);
    assert_mention(0, "nato-any", 0, "nato");
}

/* ---- folding and spacing ---- */

static void test_unaccented_text_matches_accented_alias(void **state)
{
    (void)state;
    dictionary("places.tsv", "name\nSão Paulo\n");
    assert_int_equal(scan("Flights to Sao Paulo and SÃO PAULO."), 2);
    assert_mention(0, "sao-paulo", 11, "Sao Paulo");
    assert_mention(1, "sao-paulo", at("SÃO"), "SÃO PAULO");
}

static void test_accented_text_matches_unaccented_alias(void **state)
{
    (void)state;
    dictionary("places.tsv", "name\nSao Paulo\n");
    assert_int_equal(scan("Flights to São Paulo"), 1);
    assert_mention(0, "sao-paulo", 11, "São Paulo");
}

static void test_non_breaking_space_between_name_tokens(void **state)
{
    (void)state;
    dictionary("people.tsv", "name\nDmitry Peskov\n");
    assert_int_equal(scan("said Dmitry\xC2\xA0Peskov today"), 1);
    assert_mention(0, "dmitry-peskov", 5, "Dmitry\xC2\xA0Peskov");
}

static void test_line_break_inside_name_still_matches(void **state)
{
    (void)state;
    dictionary("people.tsv", "name\nDmitry Peskov\n");
    assert_int_equal(scan("said Dmitry\nPeskov today"), 1);
    assert_mention(0, "dmitry-peskov", 5, "Dmitry\nPeskov");
}

static void test_cyrillic_name_has_exact_byte_offsets(void **state)
{
    (void)state;
    dictionary("people.tsv", "name\tid\nДмитрий Песков\tpeskov\n");
    assert_int_equal(scan("Вчера Дмитрий Песков сказал"), 1);
    /* "Вчера " is 11 bytes; the name is 14 + 1 + 12 bytes. */
    assert_mention(0, "peskov", 11, "Дмитрий Песков");
    assert_int_equal(w.mentions.items[0].end, 38);
}

static void test_alias_with_punctuation_tokens(void **state)
{
    (void)state;
    dictionary("places.tsv", "name\taliases\nUnited States\tU.S.\n");
    assert_int_equal(scan("The U.S. Army"), 1);
    assert_mention(0, "united-states", 4, "U.S.");
    assert_int_equal(w.mentions.items[0].ntokens, 4);
}

static void test_no_match_across_sentence_boundary(void **state)
{
    (void)state;
    dictionary("people.tsv", "name\nParis Hilton\n");
    assert_int_equal(scan("Paris Hilton arrived."), 1);
    assert_int_equal(scan("He flew to Paris\n\nHilton said so."), 0);
}

static void test_mention_knows_its_sentence(void **state)
{
    (void)state;
    dictionary("people.tsv", "name\taliases\nDmitry Peskov\tPeskov\n");
    assert_int_equal(scan("It rained. Mr. Peskov spoke.\n\nPeskov left."), 2);
    assert_mention(0, "dmitry-peskov", at("Peskov"), "Peskov");
    assert_int_equal(w.mentions.items[0].sentence, 1);
    assert_int_equal(w.mentions.items[1].sentence, 2);
    assert_int_equal(w.mentions.items[1].first_token, 8);
}

static void test_alias_without_tokens_is_skipped_with_warning(void **state)
{
    (void)state;
    /* A zero-width space (U+200B) is kept by the loader but is no token. */
    dictionary("people.tsv", "name\taliases\nDmitry Peskov\t\xE2\x80\x8B\n");
    assert_int_equal(w.warnings, 1);
    assert_int_equal(scan("Dmitry Peskov"), 1);
}

static void test_text_without_names_has_no_mentions(void **state)
{
    (void)state;
    dictionary("people.tsv", "name\nDmitry Peskov\n");
    assert_int_equal(scan("Nothing to see here."), 0);
    assert_int_equal(scan(""), 0);
}

static void test_empty_dictionary_matches_nothing(void **state)
{
    (void)state;
    dictionary("people.tsv", "name\n");
    assert_int_equal(scan("Dmitry Peskov"), 0);
}

#define T(f) cmocka_unit_test_teardown(f, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_longest_match_wins),
        T(test_longest_match_goes_past_a_shorter_prefix_alias),
        T(test_longest_match_falls_back_to_the_last_complete_alias),
        T(test_longest_match_ends_in_a_possessive),
        T(test_shorter_name_matches_alone),
        T(test_partial_long_name_falls_back_to_inner_match),
        T(test_leftmost_match_wins_without_overlap),
        T(test_matching_resumes_after_a_mention),
        T(test_mentions_come_in_text_order),
        T(test_whole_tokens_only),
        T(test_name_followed_by_hyphenated_word_matches),
        T(test_possessive_matches_base_name),
        T(test_curly_possessive_matches_base_name),
        T(test_possessive_ends_a_multi_token_name),
        T(test_possessive_in_middle_does_not_match_longer_name),
        T(test_possessive_of_capitals_alias),
        T(test_name_ending_in_apostrophe_s_matches_whole),
        T(test_auto_capitals_alias_matches_exactly),
        T(test_auto_alias_with_digits_matches_exactly),
        T(test_auto_alias_matches_any_case_but_all_lower),
        T(test_auto_multi_token_alias_rejects_all_lower_span),
        T(test_lowercase_common_word_not_tagged),
        T(test_lower_case_first_word_of_a_name_can_start_it),
        T(test_lower_case_words_before_a_capital_start_a_name),
        T(test_alias_of_digits_matches_without_a_capital),
        T(test_stop_form_blocks_where_it_has_a_capital),
        T(test_scratch_moves_between_matchers),
        T(test_fold_policy_matches_lower_case),
        T(test_exact_policy_requires_same_case),
        T(test_exact_policy_compares_accents),
        T(test_first_alias_in_dictionary_wins_a_shared_form),
        T(test_highest_priority_then_first_defined_wins_a_shared_form),
        T(test_shared_form_falls_through_to_accepting_policy),
        T(test_unaccented_text_matches_accented_alias),
        T(test_accented_text_matches_unaccented_alias),
        T(test_non_breaking_space_between_name_tokens),
        T(test_line_break_inside_name_still_matches),
        T(test_cyrillic_name_has_exact_byte_offsets),
        T(test_alias_with_punctuation_tokens),
        T(test_no_match_across_sentence_boundary),
        T(test_mention_knows_its_sentence),
        T(test_alias_without_tokens_is_skipped_with_warning),
        T(test_text_without_names_has_no_mentions),
        T(test_empty_dictionary_matches_nothing),
    };
    return cmocka_run_group_tests_name("matcher", tests, NULL, NULL);
}
