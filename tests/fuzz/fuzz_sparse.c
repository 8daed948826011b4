/* fuzz_sparse.c — the sparse tagging path against its dense oracle.
 *
 * The input is a dictionary and a text: the bytes up to the first NUL
 * are a TSV dictionary (name, aliases, type, case columns as any file
 * may have them; a stop-list form goes in with type "stop"), the rest
 * the text; without a NUL the whole input is text for a fixed
 * dictionary whose aliases all need a capital. Byte 0 picks the rules.
 * The tagger with the sparse scan (eg_matcher_scan: starts only from
 * capitals and the inner words before them) and with the dense one
 * (every token) must give the same mentions, field by field, and the
 * same blocked spans, with the input's rules and with all of them. */
#include "fuzz_util.h"

#include "../../src/tag/eg_dict.h"
#include "../../src/tag/eg_matcher.h"
#include "../../src/tag/eg_tagger.h"
#include "../../src/text/eg_segment.h"
#include "../../src/text/eg_utf8.h"

#include <stdlib.h>
#include <string.h>

static const char FIXED_DICT[] =
    "name\taliases\ttype\n"
    "Charles de Gaulle\tde Gaulle|General de Gaulle\tperson\n"
    "Bank of America\tthe Bank of America|BofA\torganisation\n"
    "European Court of Human Rights\tECHR|the Strasbourg court\torganisation\n"
    "Al Qaeda in Iraq\tal-Qaeda in Iraq|AQI\torganisation\n"
    "New York\tNew York City|the Big Apple\tplace\n"
    "Dmitry Peskov\tPeskov\tperson\n"
    "Monroe\tJames Monroe\tperson\n"
    "Monroe Doctrine\t\tstop\n"
    "São Paulo\tSao Paulo\tplace\n";

static int same(const eg_mentions_t *a, const eg_mentions_t *b)
{
    if (a->n != b->n)
        return 0;
    for (size_t i = 0; i < a->n; i++) {
        const eg_mention_t *x = &a->items[i], *y = &b->items[i];
        if (x->start != y->start || x->end != y->end || x->entity != y->entity ||
            x->alias != y->alias || x->sentence != y->sentence ||
            x->first_token != y->first_token || x->ntokens != y->ntokens || x->why != y->why)
            return 0;
    }
    return 1;
}

/* Tag text with both scans under these rules; abort on any difference. */
static void compare(const eg_matcher_t *m, unsigned rules, const char *text,
                    const eg_segments_t *seg)
{
    eg_tagger_t sparse, dense;
    eg_tagger_init(&sparse, m, NULL, rules);
    eg_tagger_init(&dense, m, NULL, rules);
    dense.dense = 1;
    eg_tag_scratch_t s1, s2;
    memset(&s1, 0, sizeof s1);
    memset(&s2, 0, sizeof s2);
    eg_mentions_t a = {0}, b = {0};
    int ra = eg_tagger_document(&sparse, text, seg, &s1, &a);
    int rb = eg_tagger_document(&dense, text, seg, &s2, &b);
    if (ra != rb || (ra == 0 && (!same(&a, &b) || !same(&s1.match.blocked, &s2.match.blocked))))
        abort();
    eg_mentions_free(&a);
    eg_mentions_free(&b);
    eg_tag_scratch_free(&s1);
    eg_tag_scratch_free(&s2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned rules = (data[0] & (EG_RULE_PARTIAL | EG_RULE_INITIAL | EG_RULE_EMBEDDED)) |
                     ((data[0] & 0x08) ? EG_RULES_DISCOVERY : 0) |
                     ((data[0] & 0x40) ? EG_RULES_RESOLUTION : 0);
    const char *in = (const char *)data + 1;
    size_t n = size - 1;
    const char *nul = memchr(in, 0, n);
    const char *dict_text = nul ? in : FIXED_DICT;
    size_t dict_len = nul ? (size_t)(nul - in) : strlen(FIXED_DICT);
    const char *raw = nul ? nul + 1 : in;
    size_t raw_len = nul ? n - (size_t)(nul + 1 - in) : n;

    eg_dict_t dict;
    eg_dict_init(&dict);
    eg_error_t err;
    eg_matcher_t *m = NULL;
    if (eg_dict_load_text(&dict, "names.tsv", dict_text, dict_len, NULL, &err) == 0) {
        fuzz_add_word_lists(&dict);
        if (eg_matcher_build(&m, &dict, NULL, &err) != 0)
            m = NULL;
    }
    if (m) {
        eg_buf_t text = EG_BUF_INIT;
        eg_utf8_repair(raw, raw_len, &text);
        const char *t = text.data ? text.data : "";
        eg_segments_t seg;
        eg_segments_init(&seg);
        if (eg_segment(t, text.len, &seg) == 0) {
            compare(m, rules, t, &seg);
            compare(m, EG_RULES_ALL, t, &seg);
        }
        eg_segments_free(&seg);
        eg_buf_free(&text);
        eg_matcher_free(m);
    }
    eg_dict_free(&dict);
    return 0;
}
