/* eg_corpus.c — the reader/worker pipeline; see eg_corpus.h.
 *
 * Batches cycle between two queues: the reader takes an empty batch,
 * fills it and queues it as full; a worker takes a full batch, counts
 * it and queues it as empty again. Document buffers live in the batches
 * and are reused, so steady state allocates nothing. */
#include "eg_corpus.h"

#include "eg_registry.h"
#include "../text/eg_segment.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct batch {
    eg_document_t docs[EG_CORPUS_BATCH_DOCS];
    size_t n;
} batch_t;

/* A fixed-capacity FIFO of batch pointers. */
typedef struct queue {
    batch_t **items;
    size_t cap, head, count;
    int closed;
    pthread_cond_t cond;
} queue_t;

typedef struct worker {
    struct shared *sh;
    pthread_t thread;
    eg_cooc_t counts;
    eg_segments_t seg;
    eg_tag_scratch_t scratch;
    eg_mentions_t mentions;
    uint32_t *found_index; /* per found entity of the document: its index */
    size_t found_cap;
    uint64_t nmentions;
    int failed;
} worker_t;

typedef struct shared {
    const eg_tagger_t *tagger;
    const eg_corpus_options_t *opt;
    pthread_mutex_t lock;
    queue_t full, empty;
    int failed;
} shared_t;

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- one document ---- */

/* Mentions of entities found in the text get the run's index for them:
 * one registry vote per found entity of the document. */
static int register_found(worker_t *w, eg_registry_t *reg)
{
    const eg_found_t *f = &w->scratch.found;
    if (f->n == 0)
        return 0;
    if (f->n > w->found_cap) {
        uint32_t *p = realloc(w->found_index, f->n * sizeof *p);
        if (!p)
            return EG_ERR_RUNTIME;
        w->found_index = p;
        w->found_cap = f->n;
    }
    for (size_t i = 0; i < f->n; i++)
        w->found_index[i] = UINT32_MAX;
    size_t keep = 0;
    for (size_t i = 0; i < w->mentions.n; i++) {
        eg_mention_t *mn = &w->mentions.items[i];
        if (mn->entity == EG_ENTITY_FOUND) {
            uint32_t k = mn->alias;
            if (!reg)
                continue; /* nobody to count them for */
            if (w->found_index[k] == UINT32_MAX) {
                long e = eg_registry_vote(reg, eg_found_id(f, k), eg_found_label(f, k),
                                          f->items[k].type, 1);
                if (e < 0)
                    return EG_ERR_RUNTIME;
                w->found_index[k] = (uint32_t)e;
            }
            mn->entity = w->found_index[k];
        }
        w->mentions.items[keep++] = *mn;
    }
    w->mentions.n = keep;
    return 0;
}

static int count_document(worker_t *w, eg_cooc_t *counts, const eg_tagger_t *tg,
                          eg_registry_t *reg, eg_window_t window, const eg_document_t *d)
{
    const char *text = d->text.data ? d->text.data : "";
    if (eg_segment(text, d->text.len, &w->seg) ||
        eg_tagger_document(tg, text, &w->seg, &w->scratch, &w->mentions) ||
        register_found(w, reg))
        return EG_ERR_RUNTIME;
    eg_doc_info_t info = {
        .index = d->index, .id = d->id.data, .date = d->date, .text = text, .len = d->text.len};
    w->nmentions += w->mentions.n;
    return eg_cooc_add_document(counts, &info, w->mentions.items, w->mentions.n, &w->seg,
                                window);
}

static int worker_init(worker_t *w, const eg_cooc_t *like)
{
    memset(w, 0, sizeof *w);
    eg_segments_init(&w->seg);
    return eg_cooc_init(&w->counts, like->nentities, &like->opt);
}

static void worker_free(worker_t *w)
{
    eg_cooc_free(&w->counts);
    eg_segments_free(&w->seg);
    eg_tag_scratch_free(&w->scratch);
    eg_mentions_free(&w->mentions);
    free(w->found_index);
}

/* ---- queues (callers hold sh->lock) ---- */

static int queue_init(queue_t *q, size_t cap)
{
    memset(q, 0, sizeof *q);
    q->items = calloc(cap, sizeof *q->items);
    q->cap = cap;
    if (!q->items)
        return -1;
    pthread_cond_init(&q->cond, NULL);
    return 0;
}

static void queue_destroy(queue_t *q)
{
    free(q->items);
    pthread_cond_destroy(&q->cond);
}

static void queue_push(queue_t *q, batch_t *b)
{
    q->items[(q->head + q->count++) % q->cap] = b;
    pthread_cond_signal(&q->cond);
}

/* NULL when the queue is closed and empty. */
static batch_t *queue_pop(queue_t *q, pthread_mutex_t *lock)
{
    while (q->count == 0 && !q->closed)
        pthread_cond_wait(&q->cond, lock);
    if (q->count == 0)
        return NULL;
    batch_t *b = q->items[q->head];
    q->head = (q->head + 1) % q->cap;
    q->count--;
    return b;
}

static void *worker_main(void *arg)
{
    worker_t *w = arg;
    shared_t *sh = w->sh;
    for (;;) {
        pthread_mutex_lock(&sh->lock);
        batch_t *b = queue_pop(&sh->full, &sh->lock);
        pthread_mutex_unlock(&sh->lock);
        if (!b)
            break;
        for (size_t i = 0; i < b->n && !w->failed; i++)
            if (count_document(w, &w->counts, sh->tagger, sh->opt->registry, sh->opt->window,
                               &b->docs[i]))
                w->failed = 1;
        pthread_mutex_lock(&sh->lock);
        if (w->failed)
            sh->failed = 1;
        queue_push(&sh->empty, b);
        pthread_mutex_unlock(&sh->lock);
    }
    return NULL;
}

/* ---- reading ---- */

typedef struct reader {
    eg_source_t *src;
    const eg_corpus_options_t *opt;
    double start, last_report;
    uint64_t documents;
} reader_t;

static void report(reader_t *r, int done)
{
    if (!r->opt->progress)
        return;
    double t = now_seconds();
    if (!done && t - r->last_report < 0.2)
        return;
    r->last_report = t;
    eg_corpus_progress_t p = {
        .documents = r->documents,
        .input_bytes_done = eg_source_bytes_done(r->src),
        .input_bytes_total = eg_source_bytes_total(r->src),
        .seconds = t - r->start,
    };
    r->opt->progress(r->opt->progress_ctx, &p, done);
}

/* Fill b with the next documents: 1 when it holds some, 0 at the end. */
static int fill_batch(reader_t *r, batch_t *b, eg_error_t *err)
{
    b->n = 0;
    size_t bytes = 0;
    while (b->n < EG_CORPUS_BATCH_DOCS && bytes < EG_CORPUS_BATCH_BYTES) {
        int rc = eg_source_next(r->src, &b->docs[b->n], err);
        if (rc < 0)
            return rc;
        if (rc == 0)
            break;
        bytes += b->docs[b->n].text.len;
        b->n++;
        r->documents++;
    }
    report(r, 0);
    return b->n > 0;
}

static int count_inline(reader_t *r, const eg_tagger_t *tg, eg_cooc_t *counts,
                        eg_corpus_stats_t *stats, eg_error_t *err)
{
    worker_t w;
    batch_t *b = calloc(1, sizeof *b);
    if (!b || worker_init(&w, counts)) {
        free(b);
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
    }
    eg_cooc_free(&w.counts); /* the inline worker counts into the caller's */
    int rc;
    while ((rc = fill_batch(r, b, err)) > 0) {
        for (size_t i = 0; i < b->n && rc > 0; i++)
            if (count_document(&w, counts, tg, r->opt->registry, r->opt->window,
                               &b->docs[i]))
                rc = eg_error_set(err, EG_ERR_RUNTIME, b->docs[i].id.data, 0, "out of memory");
        if (rc < 0)
            break;
    }
    stats->mentions += w.nmentions;
    worker_free(&w);
    for (size_t i = 0; i < EG_CORPUS_BATCH_DOCS; i++)
        eg_document_free(&b->docs[i]);
    free(b);
    return rc;
}

static int count_threaded(reader_t *r, const eg_tagger_t *tg, eg_cooc_t *counts,
                          eg_corpus_stats_t *stats, eg_error_t *err)
{
    unsigned jobs = r->opt->jobs;
    size_t nbatches = 2 * (size_t)jobs + 2;
    shared_t sh = {.tagger = tg, .opt = r->opt};
    worker_t *workers = calloc(jobs, sizeof *workers);
    batch_t *batches = calloc(nbatches, sizeof *batches);
    int rc = 0;
    if (!workers || !batches || queue_init(&sh.full, nbatches) ||
        queue_init(&sh.empty, nbatches)) {
        free(workers);
        free(batches);
        free(sh.full.items);
        free(sh.empty.items);
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
    }
    pthread_mutex_init(&sh.lock, NULL);
    for (size_t i = 0; i < nbatches; i++)
        sh.empty.items[sh.empty.count++] = &batches[i];
    unsigned started = 0;
    for (; started < jobs; started++) {
        worker_t *w = &workers[started];
        if (worker_init(w, counts)) {
            rc = eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
            break;
        }
        w->sh = &sh;
        if (pthread_create(&w->thread, NULL, worker_main, w)) {
            worker_free(w);
            rc = eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "cannot start a worker thread");
            break;
        }
    }
    while (rc == 0) {
        pthread_mutex_lock(&sh.lock);
        batch_t *b = sh.failed ? NULL : queue_pop(&sh.empty, &sh.lock);
        pthread_mutex_unlock(&sh.lock);
        if (!b)
            break;
        int got = fill_batch(r, b, err);
        pthread_mutex_lock(&sh.lock);
        if (got > 0)
            queue_push(&sh.full, b);
        else
            queue_push(&sh.empty, b);
        pthread_mutex_unlock(&sh.lock);
        if (got <= 0) {
            rc = got;
            break;
        }
    }
    pthread_mutex_lock(&sh.lock);
    sh.full.closed = 1;
    pthread_cond_broadcast(&sh.full.cond);
    pthread_mutex_unlock(&sh.lock);
    for (unsigned i = 0; i < started; i++)
        pthread_join(workers[i].thread, NULL);
    if (rc == 0 && sh.failed)
        rc = eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory while counting");
    for (unsigned i = 0; i < started; i++) {
        if (rc == 0 && eg_cooc_merge(counts, &workers[i].counts))
            rc = eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory merging counts");
        stats->mentions += workers[i].nmentions;
        worker_free(&workers[i]);
    }
    for (size_t i = 0; i < nbatches; i++)
        for (size_t k = 0; k < EG_CORPUS_BATCH_DOCS; k++)
            eg_document_free(&batches[i].docs[k]);
    queue_destroy(&sh.full);
    queue_destroy(&sh.empty);
    pthread_mutex_destroy(&sh.lock);
    free(workers);
    free(batches);
    return rc;
}

int eg_corpus_count(eg_source_t *src, const eg_tagger_t *tg, eg_cooc_t *counts,
                    const eg_corpus_options_t *opt, eg_corpus_stats_t *stats,
                    eg_error_t *err)
{
    memset(stats, 0, sizeof *stats);
    reader_t r = {.src = src, .opt = opt, .start = now_seconds()};
    r.last_report = r.start;
    int rc = opt->jobs <= 1 ? count_inline(&r, tg, counts, stats, err)
                            : count_threaded(&r, tg, counts, stats, err);
    if (rc > 0)
        rc = 0;
    stats->documents = r.documents;
    stats->text_bytes = eg_source_text_bytes(src);
    stats->skipped = eg_source_skipped(src);
    if (rc == 0)
        report(&r, 1);
    return rc;
}
