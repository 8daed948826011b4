/* tagging.c — see tagging.h. */
#include "tagging.h"

#include "cli.h"

#include <stdlib.h>
#include <string.h>

int cli_tagging_load(cli_tagging_t *t, const cli_dicts_t *dicts, unsigned rules,
                     const eg_warner_t *warn, eg_error_t *err)
{
    memset(t, 0, sizeof *t);
    t->dict = malloc(sizeof *t->dict);
    t->patterns = malloc(sizeof *t->patterns);
    t->tagger = malloc(sizeof *t->tagger);
    if (!t->dict || !t->patterns || !t->tagger) {
        free(t->dict), free(t->patterns), free(t->tagger);
        memset(t, 0, sizeof *t);
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
    }
    eg_dict_init(t->dict);
    eg_patterns_init(t->patterns);
    int rc = cli_load_dicts(dicts, t->dict, warn, err);
    if (rc == 0 && (rules & EG_RULE_PATTERNS))
        rc = cli_load_patterns(dicts, t->patterns, err);
    if (rc == 0)
        rc = eg_matcher_build(&t->matcher, t->dict, warn, err);
    if (rc == 0)
        eg_tagger_init(t->tagger, t->matcher, t->patterns, rules);
    return rc;
}

void cli_tagging_free(cli_tagging_t *t)
{
    if (t->dict) {
        eg_matcher_free(t->matcher);
        eg_patterns_free(t->patterns);
        eg_dict_free(t->dict);
    }
    free(t->dict), free(t->patterns), free(t->tagger);
    memset(t, 0, sizeof *t);
}

int cli_tag_each(const eg_input_list_t *inputs, const eg_source_options_t *opt,
                 const eg_tagger_t *tg, cli_tagged_fn fn, void *ctx, const eg_warner_t *warn,
                 eg_error_t *err)
{
    eg_document_t doc;
    memset(&doc, 0, sizeof doc);
    eg_segments_t seg;
    eg_segments_init(&seg);
    eg_tag_scratch_t scratch;
    memset(&scratch, 0, sizeof scratch);
    eg_mentions_t mentions = {0};
    eg_source_t *src = NULL;
    int rc = eg_source_open(&src, inputs, opt, warn, err);
    int got = 0;
    while (rc == 0 && (got = eg_source_next(src, &doc, err)) == 1) {
        const char *text = doc.text.data ? doc.text.data : "";
        if ((rc = eg_segment(text, doc.text.len, &seg)) != 0) {
            eg_error_set(err, rc, doc.id.data, 0, "cannot segment document");
            break;
        }
        if (eg_tagger_document(tg, text, &seg, &scratch, &mentions)) {
            rc = eg_error_set(err, EG_ERR_RUNTIME, doc.id.data, 0, "out of memory");
            break;
        }
        cli_tagged_t t = {doc.id.data, text, &seg, &mentions, &scratch};
        rc = fn(ctx, &t, err);
    }
    if (rc == 0 && got < 0)
        rc = got;
    eg_source_close(src);
    size_t limit_hits = scratch.pattern.limit_hits;
    eg_document_free(&doc);
    eg_segments_free(&seg);
    eg_tag_scratch_free(&scratch);
    eg_mentions_free(&mentions);
    if (rc == 0 && limit_hits)
        eg_warn(warn, NULL, 0, "%zu pattern match(es) stopped by the match limit", limit_hits);
    return rc;
}
