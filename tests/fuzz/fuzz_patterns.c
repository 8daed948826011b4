/* fuzz_patterns.c — the patterns file parser, then a scan of a fixed
 * text (and of the input itself) with whatever compiled: PCRE2 compile
 * errors are data errors, and the match and depth limits must keep a
 * catastrophic pattern from hanging. */
#include "fuzz_util.h"

#include "../../src/tag/eg_patterns.h"
#include "../../src/text/eg_segment.h"
#include "../../src/text/eg_utf8.h"

#include <stdlib.h>

static const char TEXT[] =
    "President Ilham Aliyev met Dmitry Peskov in Beslan. Florida State University "
    "said aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab! "
    "São Paulo, 2.9 per cent.\n\nO'Brien’s report.";

static void scan(eg_patterns_t *p, const char *text, size_t len)
{
    eg_segments_t seg;
    eg_segments_init(&seg);
    eg_pattern_scratch_t s = {0};
    eg_mentions_t ms = {0};
    eg_found_t found = {0};
    if (eg_segment(text, len, &seg) == 0 && eg_patterns_scan(p, text, &seg, &s, &found, &ms) == 0) {
        for (size_t i = 0; i < ms.n; i++) {
            const eg_mention_t *mn = &ms.items[i];
            if (mn->start >= mn->end || mn->end > len || mn->entity != EG_ENTITY_FOUND ||
                mn->alias >= found.n || !*eg_found_id(&found, mn->alias))
                abort();
        }
    }
    eg_mentions_free(&ms);
    eg_found_free(&found);
    eg_pattern_scratch_free(&s);
    eg_segments_free(&seg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096) /* a pattern file, not a corpus: keep PCRE2 compiles cheap */
        return 0;
    eg_patterns_t p;
    eg_patterns_init(&p);
    eg_error_t err;
    if (eg_patterns_load_text(&p, "patterns.tsv", (const char *)data, size, &err) == 0 && p.n) {
        scan(&p, TEXT, sizeof TEXT - 1);
        eg_buf_t text = EG_BUF_INIT;
        eg_utf8_repair((const char *)data, size, &text);
        scan(&p, text.data ? text.data : "", text.len);
        eg_buf_free(&text);
    }
    eg_patterns_free(&p);
    return 0;
}
