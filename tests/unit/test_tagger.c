/* test_tagger.c — the pieces of tagging after the scan: word lists by
 * file name, the token view (shapes, the capitalised-word and bracket
 * lists, classes), the found table, rule names, and one document through
 * eg_tagger_document with each stage on and off. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "tag/eg_found.h"
#include "tag/eg_tagger.h"
#include "tag/eg_wordlists.h"
#include "export/eg_export_mentions.h"
#include "text/eg_fold.h"

static void test_word_lists_by_file_name(void **state)
{
    (void)state;
    assert_int_equal(eg_wordlist_of_path("dict/given-names.txt"), EG_LIST_GIVEN);
    assert_int_equal(eg_wordlist_of_path("/x/titles-extra.txt"), EG_LIST_TITLES);
    assert_int_equal(eg_wordlist_of_path("stop.txt"), EG_LIST_STOP);
    assert_int_equal(eg_wordlist_of_path("org-heads.txt"), EG_LIST_ORG_HEADS);
    assert_int_equal(eg_wordlist_of_path("org-suffixes.txt"), EG_LIST_ORG_SUFFIXES);
    assert_int_equal(eg_wordlist_of_path("place-heads.txt"), EG_LIST_PLACE_HEADS);
    assert_int_equal(eg_wordlist_of_path("misc-heads.txt"), EG_LIST_MISC_HEADS);
    assert_int_equal(eg_wordlist_of_path("given-names.tsv"), -1);
    assert_int_equal(eg_wordlist_of_path("names.txt"), -1);
}

static void test_found_entities_by_id_and_type(void **state)
{
    (void)state;
    eg_found_t f = {0};
    long a = eg_found_add(&f, "Madeleine Albright", 18, EG_TYPE_PERSON, EG_WHY_GIVEN_NAME);
    long b = eg_found_add(&f, "MADELEINE ALBRIGHT", 18, EG_TYPE_PERSON, EG_WHY_TITLE);
    long c = eg_found_add(&f, "Madeleine Albright", 18, EG_TYPE_ORGANISATION, EG_WHY_ORG_HEAD);
    assert_int_equal(a, 0);
    assert_int_equal(b, 0); /* same id and type: the same entity */
    assert_int_equal(c, 1);
    assert_string_equal(eg_found_id(&f, 0), "madeleine-albright");
    assert_string_equal(eg_found_label(&f, 0), "Madeleine Albright");
    assert_int_equal(f.items[0].tclass, EG_TC_PERSON);
    assert_int_equal(eg_found_add(&f, "--", 2, EG_TYPE_PERSON, EG_WHY_TITLE), -2);
    char out[32];
    assert_int_equal(eg_found_id_without_initials("john-r-bolton", out, sizeof out), 11);
    assert_string_equal(out, "john-bolton");
    assert_int_equal(eg_found_id_without_initials("delwyn-j-langejans-sr", out, sizeof out), 19);
    assert_string_equal(out, "delwyn-langejans-sr");
    assert_int_equal(eg_found_id_without_initials("george-h-w-bush", out, sizeof out), 0);
    assert_int_equal(eg_found_id_without_initials("j-k-rowling", out, sizeof out), 0);
    assert_int_equal(eg_found_id_without_initials("john-bolton", out, sizeof out), 0);
    assert_int_equal(eg_found_id_without_initials("john-r-bolton", out, 8), 0); /* no room */
    eg_found_free(&f);
}

/* A type is compared by its name, not by where the string lives; a
 * label past ASCII gets the folded slug; a label is read for n bytes
 * only (it may point into a document's text). */
static void test_found_entities_compare_type_names_and_fold_labels(void **state)
{
    (void)state;
    eg_found_t f = {0};
    char band[] = "band", band_too[] = "band";
    assert_int_equal(eg_found_add(&f, "The Foo Fighters", 16, band, EG_WHY_PATTERN), 0);
    assert_int_equal(eg_found_add(&f, "the foo fighters", 16, band_too, EG_WHY_PATTERN), 0);
    assert_int_equal(f.items[0].tclass, EG_TC_OTHER);
    const char *text = "S\xC3\xA3o Paulo FC won";
    assert_int_equal(eg_found_add(&f, text, 13, EG_TYPE_ORGANISATION, EG_WHY_ORG_HEAD), 1);
    assert_string_equal(eg_found_label(&f, 1), "S\xC3\xA3o Paulo FC");
    assert_string_equal(eg_found_id(&f, 1), "sao-paulo-fc");
    assert_int_equal(f.items[1].id_len, 12);
    assert_int_equal(f.items[1].tclass, EG_TC_ORGANISATION);
    assert_int_equal(eg_found_add(&f, "Sao Paulo FC", 12, EG_TYPE_ORGANISATION, EG_WHY_ORG_HEAD), 1);
    eg_found_free(&f);
}

static void test_type_classes_and_conll(void **state)
{
    (void)state;
    char cls[16];
    assert_int_equal(eg_type_class("Person"), EG_TC_PERSON);
    assert_int_equal(eg_type_class("city"), EG_TC_PLACE);
    assert_int_equal(eg_type_class("organization"), EG_TC_ORGANISATION);
    assert_int_equal(eg_type_class("band"), EG_TC_OTHER);
    eg_conll_class("country", cls, sizeof cls);
    assert_string_equal(cls, "LOC");
    eg_conll_class("organisation", cls, sizeof cls);
    assert_string_equal(cls, "ORG");
    eg_conll_class("band", cls, sizeof cls);
    assert_string_equal(cls, "BAND");
    eg_conll_class("wonderful-thing", cls, 5); /* cut to the room given */
    assert_string_equal(cls, "WOND");
}

static void test_rule_names(void **state)
{
    (void)state;
    unsigned r = 0;
    assert_int_equal(eg_rules_parse("default,-longer", &r), 0);
    assert_int_equal(r, EG_RULES_DEFAULT & ~EG_RULE_LONGER);
    assert_int_equal(eg_rules_parse("discovery", &r), 0);
    assert_int_equal(r, EG_RULES_DISCOVERY);
    assert_int_equal(eg_rules_parse("none,place-head", &r), 0);
    assert_int_equal(r, EG_RULE_PLACE);
    assert_int_equal(eg_rules_parse("all", &r), 0);
    assert_true(r & EG_RULE_EMBEDDED);
    assert_false(EG_RULES_DEFAULT & EG_RULE_EMBEDDED);
    assert_int_equal(eg_rules_parse("default,bogus", &r), -1);
    assert_int_equal(eg_rules_parse("-", &r), -1);
}

/* ---- one document through the tagger ---- */

typedef struct world {
    eg_dict_t dict;
    eg_matcher_t *matcher;
    eg_tagger_t tagger;
    eg_segments_t seg;
    eg_tag_scratch_t scratch;
    eg_mentions_t mentions;
    char got[1024];
} world_t;

static world_t w;

static void add_words(int list, const char *words)
{
    while (*words) {
        size_t n = strcspn(words, " ");
        eg_buf_t f = EG_BUF_INIT, work = EG_BUF_INIT;
        assert_int_equal(eg_fold_append(&f, &work, words, n), 0);
        assert_true(eg_strmap_intern(&w.dict.lists[list], f.data, f.len, NULL) >= 0);
        eg_buf_free(&f);
        eg_buf_free(&work);
        words += n + (words[n] == ' ');
    }
}

static int setup(void **state)
{
    (void)state;
    static const char TSV[] =
        "id\tname\taliases\ttype\tcountry\n"
        "paris\tParis\t\tplace\tFR\n"
        "south-region\tSouth\t\tplace\tCM\n"
        "lincoln-town\tLincoln\t\tplace\tUS\n"
        "dmitry-peskov\tDmitry Peskov\tPeskov\tperson\t\n";
    eg_error_t err = {0};
    memset(&w, 0, sizeof w);
    eg_dict_init(&w.dict);
    eg_segments_init(&w.seg);
    assert_int_equal(eg_dict_load_text(&w.dict, "names.tsv", TSV, strlen(TSV), NULL, &err), 0);
    add_words(EG_LIST_WORDS, "the said south");
    add_words(EG_LIST_GIVEN, "madeleine dmitry");
    add_words(EG_LIST_TITLES, "president mr");
    add_words(EG_LIST_ORG_HEADS, "university");
    add_words(EG_LIST_GENERICS, "south");
    add_words(EG_LIST_PARTICLES, "de");
    assert_int_equal(eg_matcher_build(&w.matcher, &w.dict, NULL, &err), 0);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    eg_matcher_free(w.matcher);
    eg_dict_free(&w.dict);
    eg_segments_free(&w.seg);
    eg_tag_scratch_free(&w.scratch);
    eg_mentions_free(&w.mentions);
    return 0;
}

/* "text=id/why;" for each mention of text tagged with rules */
static const char *tag(const char *text, const char *rules)
{
    unsigned r;
    assert_int_equal(eg_rules_parse(rules, &r), 0);
    eg_tagger_init(&w.tagger, w.matcher, NULL, r);
    assert_int_equal(eg_segment(text, strlen(text), &w.seg), 0);
    assert_int_equal(eg_tagger_document(&w.tagger, text, &w.seg, &w.scratch, &w.mentions), 0);
    w.got[0] = '\0';
    for (size_t i = 0; i < w.mentions.n; i++) {
        const eg_mention_t *m = &w.mentions.items[i];
        const char *id, *label, *type;
        eg_tagger_describe(&w.tagger, &w.scratch, m, &id, &label, &type);
        snprintf(w.got + strlen(w.got), sizeof w.got - strlen(w.got), "%.*s=%s/%s;",
                 (int)(m->end - m->start), text + m->start, id, eg_why_name(m->why));
    }
    return w.got;
}

static void test_view_lists_capitals_and_bracketed_acronyms(void **state)
{
    (void)state;
    tag("The Zyx Court (ZC) met Mr. J. Smith in Paris.", "initial"); /* any rule fills the view */
    const eg_tokview_t *v = &w.scratch.view;
    /* The Zyx Court ( ZC ) met Mr . J . Smith in Paris . */
    uint32_t caps[] = {0, 1, 2, 4, 7, 9, 11, 13};
    assert_int_equal(v->ncaps, 8);
    for (size_t i = 0; i < 8; i++)
        assert_int_equal(v->caps[i], caps[i]);
    assert_int_equal(v->nbrackets, 1);
    assert_int_equal(v->brackets[0], 3);
    assert_true(eg_tokview_has(v, 0, EG_SHAPE_SENT_START));
    assert_true(eg_tokview_has(v, 4, EG_SHAPE_ALLCAPS));
    assert_true(eg_tokview_has(v, 9, EG_SHAPE_INITIAL));
    assert_false(eg_tokview_has(v, 7, EG_SHAPE_INITIAL)); /* Mr. is no initial */
    assert_true(eg_tokview_in(v, 7, EG_LIST_TITLES));
    assert_true(eg_tokview_in(v, 0, EG_LIST_WORDS));
    assert_false(eg_tokview_has(v, 1, EG_SHAPE_HEADLINE));
}

static void test_each_stage_on_and_off(void **state)
{
    (void)state;
    const char *text = "Madeleine Albright met Dmitry Peskov in the South. Later Albright said so.";
    assert_string_equal(tag(text, "none"), "Dmitry Peskov=dmitry-peskov/alias;South=south-region/alias;");
    assert_string_equal(tag(text, "default"),
                        "Madeleine Albright=madeleine-albright/given-name;"
                        "Dmitry Peskov=dmitry-peskov/alias;Albright=madeleine-albright/partial;");
    assert_string_equal(tag(text, "default,-generic"),
                        "Madeleine Albright=madeleine-albright/given-name;"
                        "Dmitry Peskov=dmitry-peskov/alias;South=south-region/alias;"
                        "Albright=madeleine-albright/partial;");
    assert_string_equal(tag(text, "default,-partial"),
                        "Madeleine Albright=madeleine-albright/given-name;"
                        "Dmitry Peskov=dmitry-peskov/alias;");
}

static void test_title_before_a_place_and_org_heads(void **state)
{
    (void)state;
    assert_string_equal(tag("Then President Lincoln spoke at the Zyx University.", "default"),
                        "Zyx University=zyx-university/org-head;");
    assert_string_equal(tag("Then President Lincoln spoke at the Zyx University.",
                            "default,-person,-org"),
                        "Lincoln=lincoln-town/alias;");
}

static void test_view_looks_words_up_where_rules_ask(void **state)
{
    (void)state;
    /* 0 the 1 president 2 said 3 Smith 4 , 5 president 6 Jones 7 met
     * 8 Charles 9 de 10 Gaulle 11 . */
    tag("the president said Smith, president Jones met Charles de Gaulle.", "initial");
    const eg_tokview_t *v = &w.scratch.view;
    assert_false(eg_tokview_in(v, 1, EG_LIST_TITLES)); /* two words before a name: never asked */
    assert_true(eg_tokview_in(v, 5, EG_LIST_TITLES));  /* the word before one */
    assert_true(eg_tokview_in(v, 9, EG_LIST_PARTICLES)); /* between two */
    assert_true(eg_tokview_in(v, 8, EG_LIST_GIVEN) == 0);
    assert_true(eg_tokview_has(v, 3, EG_SHAPE_CAP));
    assert_false(eg_tokview_has(v, 0, EG_SHAPE_CAP));
    assert_true(eg_tokview_has(v, 0, EG_SHAPE_SENT_START | EG_SHAPE_WORD));
    assert_false(eg_tokview_has(v, 4, EG_SHAPE_WORD)); /* punctuation has no shape */
    assert_int_equal(eg_tokview_shape(v, 4), 0);
    tag("Zyx Court Rules Today. But not this one.", "initial");
    assert_true(eg_tokview_has(v, 2, EG_SHAPE_HEADLINE));
    assert_false(eg_tokview_has(v, 5, EG_SHAPE_HEADLINE));
}

static void test_acronyms_defined_in_brackets(void **state)
{
    (void)state;
    assert_string_equal(tag("The Zyxo Widget Agency (ZWA) met. Later ZWA said so.", "acronym"),
                        "Zyxo Widget Agency=zyxo-widget-agency/acronym;"
                        "ZWA=zyxo-widget-agency/acronym;" /* the definition's own */
                        "ZWA=zyxo-widget-agency/acronym;");
    /* the initials must spell it */
    assert_string_equal(tag("The Zyxo Widget Agency (ZQ) met. Later ZQ said so.", "acronym"), "");
    /* a mention as the long name lends its entity to the uses */
    assert_string_equal(tag("Dmitry Peskov (DP) spoke. DP said so.", "acronym"),
                        "Dmitry Peskov=dmitry-peskov/alias;DP=dmitry-peskov/acronym;"
                        "DP=dmitry-peskov/acronym;");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_word_lists_by_file_name),
        cmocka_unit_test(test_found_entities_by_id_and_type),
        cmocka_unit_test(test_found_entities_compare_type_names_and_fold_labels),
        cmocka_unit_test(test_type_classes_and_conll),
        cmocka_unit_test(test_rule_names),
        cmocka_unit_test_setup_teardown(test_view_lists_capitals_and_bracketed_acronyms, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_each_stage_on_and_off, setup, teardown),
        cmocka_unit_test_setup_teardown(test_view_looks_words_up_where_rules_ask, setup, teardown),
        cmocka_unit_test_setup_teardown(test_acronyms_defined_in_brackets, setup, teardown),
        cmocka_unit_test_setup_teardown(test_title_before_a_place_and_org_heads, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
