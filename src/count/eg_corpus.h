/* eg_corpus.h — counting a whole corpus, on all cores.
 *
 * Drives the stages for every document of a source: segment, tag
 * (eg_tagger_document), count. Entities found in the text (discovery,
 * patterns) are numbered by the registry given, past the dictionary's;
 * the caller puts them in their final place (eg_registry_finish,
 * eg_cooc_remap). With jobs = 1 all work
 * happens in the calling thread. With jobs = N > 1 the calling thread
 * reads documents into batches and N worker threads each count their
 * batches into their own eg_cooc_t; the workers' counts are merged into
 * the caller's at the end. Counting is additive and evidence selection
 * does not depend on order (see eg_cooc.h), so the result is identical
 * for every N. Memory: at most 2N+2 batches of documents are in flight
 * (a batch holds up to EG_CORPUS_BATCH_DOCS documents or about
 * EG_CORPUS_BATCH_BYTES of text), plus one set of counts per worker.
 */
#ifndef EG_CORPUS_H
#define EG_CORPUS_H

#include "../base/eg_error.h"
#include "../ingest/eg_source.h"
#include "../tag/eg_tagger.h"
#include "eg_registry.h"
#include "eg_cooc.h"

#include <stdint.h>

#define EG_CORPUS_BATCH_DOCS 256
#define EG_CORPUS_BATCH_BYTES (1u << 20)
#define EG_CORPUS_MAX_JOBS 256

typedef struct eg_corpus_progress {
    uint64_t documents;
    uint64_t input_bytes_done, input_bytes_total; /* total 0 = unknown */
    double seconds;
} eg_corpus_progress_t;

/* Called from the reading thread, at most every 200 ms and once at the end. */
typedef void (*eg_progress_fn)(void *ctx, const eg_corpus_progress_t *p, int done);

typedef struct eg_corpus_options {
    unsigned jobs;          /* 1..EG_CORPUS_MAX_JOBS */
    eg_window_t window;
    eg_registry_t *registry; /* for found entities; NULL: not counted */
    eg_progress_fn progress; /* may be NULL */
    void *progress_ctx;
} eg_corpus_options_t;

typedef struct eg_corpus_stats {
    uint64_t documents;
    uint64_t text_bytes;
    uint64_t mentions;
    uint64_t skipped; /* malformed records skipped */
} eg_corpus_stats_t;

/* Count every document of src into counts (initialised by the caller
 * with eg_cooc_init for the tagger's dictionary). Returns 0 or a
 * negative status with err filled (the first error stops the run). */
int eg_corpus_count(eg_source_t *src, const eg_tagger_t *tg, eg_cooc_t *counts,
                    const eg_corpus_options_t *opt, eg_corpus_stats_t *stats,
                    eg_error_t *err);

#endif
