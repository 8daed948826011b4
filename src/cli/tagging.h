/* tagging.h — what the commands that tag a corpus themselves share (tag,
 * dict suggest, dict lookup): loading the dictionaries with their
 * patterns into a tagger, and the loop that reads, segments and tags
 * every document. build and count tag through eg_corpus (threads) with
 * the same eg_tagger_document. */
#ifndef EG_CLI_TAGGING_H
#define EG_CLI_TAGGING_H

#include "../ingest/eg_input.h"
#include "../ingest/eg_source.h"
#include "../tag/eg_tagger.h"
#include "cli.h"

typedef struct cli_tagging {
    eg_dict_t *dict;
    eg_patterns_t *patterns;
    eg_matcher_t *matcher;
    eg_tagger_t *tagger;
} cli_tagging_t;

/* Load the dictionaries (cli_load_dicts), their patterns when rules ask
 * for them, and build the tagger with these rules. Free t with
 * cli_tagging_free, also on error (a zeroed t frees as nothing). */
int cli_tagging_load(cli_tagging_t *t, const cli_dicts_t *dicts, unsigned rules,
                     const eg_warner_t *warn, eg_error_t *err);
void cli_tagging_free(cli_tagging_t *t);

/* One tagged document, as cli_tag_each hands it over (valid during the
 * call only). */
typedef struct cli_tagged {
    const char *id, *text;
    const eg_segments_t *seg;
    const eg_mentions_t *mentions;
    const eg_tag_scratch_t *scratch; /* its found entities */
} cli_tagged_t;

typedef int (*cli_tagged_fn)(void *ctx, const cli_tagged_t *doc, eg_error_t *err);

/* Read every document of inputs, segment and tag it, and hand it to fn
 * (which returns 0 or an error it has set). Warns at the end when
 * patterns stopped at their match limit. Returns 0 or the first error. */
int cli_tag_each(const eg_input_list_t *inputs, const eg_source_options_t *opt,
                 const eg_tagger_t *tg, cli_tagged_fn fn, void *ctx, const eg_warner_t *warn,
                 eg_error_t *err);

#endif
