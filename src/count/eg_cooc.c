/* eg_cooc.c — counting windows. A window's distinct entities are sorted
 * so every pair is visited once with a < b, and pair counts go to an
 * open-addressing table that doubles at half load. The evidence store is
 * in eg_cooc_evidence.c, window kinds and token windows in eg_window.c. */
#include "eg_cooc_impl.h"

#include "../base/eg_buf.h"
#include "../base/eg_error.h"
#include "../text/eg_clean.h"
#include "../text/eg_utf8.h"

#include <stdlib.h>
#include <string.h>

#define EMPTY COOC_EMPTY
#define NONE COOC_NONE
#define NO_PERIOD INT32_MIN

static eg_pair_t *alloc_table(size_t n)
{
    eg_pair_t *t = malloc(n * sizeof *t);
    if (t)
        for (size_t i = 0; i < n; i++)
            t[i].a = t[i].b = EMPTY;
    return t;
}

/* Grow one per-entity array from old to n items (new ones zero). */
static int grow_array(void **p, size_t size, size_t old, size_t n)
{
    void *q = realloc(*p, n * size);
    if (!q)
        return -1;
    memset((char *)q + old * size, 0, (n - old) * size);
    *p = q;
    return 0;
}

int eg_cooc_reserve(eg_cooc_t *c, size_t nentities)
{
    size_t old = c->entities_cap;
    if (nentities <= old && c->mentions) {
        if (nentities > c->nentities)
            c->nentities = nentities;
        return 0;
    }
    size_t n = nentities + nentities / 4 + 16;
    if (grow_array((void **)&c->mentions, sizeof *c->mentions, old, n) ||
        grow_array((void **)&c->documents, sizeof *c->documents, old, n) ||
        grow_array((void **)&c->windows, sizeof *c->windows, old, n) ||
        grow_array((void **)&c->last_doc, sizeof *c->last_doc, old, n) ||
        grow_array((void **)&c->first, sizeof *c->first, old, n) ||
        grow_array((void **)&c->last, sizeof *c->last, old, n))
        return EG_ERR_RUNTIME;
    for (size_t i = old; i < n; i++)
        c->first[i] = c->last[i] = EG_NO_DATE;
    c->entities_cap = n;
    c->nentities = nentities > c->nentities ? nentities : c->nentities;
    return 0;
}

int eg_cooc_init(eg_cooc_t *c, size_t nentities, const eg_cooc_options_t *opt)
{
    memset(c, 0, sizeof *c);
    if (opt)
        c->opt = *opt;
    if (c->opt.evidence > EG_EVIDENCE_MAX_PER_PAIR)
        c->opt.evidence = EG_EVIDENCE_MAX_PER_PAIR;
    eg_nodedocs_init(&c->node_docs, c->opt.node_docs);
    c->opt.node_docs = c->node_docs.k;
    c->pair_slots = 1024;
    c->pairs = alloc_table(c->pair_slots);
    if (!c->pairs || eg_cooc_reserve(c, nentities)) {
        eg_cooc_free(c);
        return EG_ERR_RUNTIME;
    }
    c->nentities = c->ndict = nentities;
    return 0;
}

void eg_cooc_free(eg_cooc_t *c)
{
    free(c->mentions);
    free(c->documents);
    free(c->windows);
    free(c->last_doc);
    free(c->first);
    free(c->last);
    free(c->pairs);
    free(c->scratch);
    free(c->runs);
    free(c->marks);
    free(c->unbroken_id);
    eg_timeline_free(&c->timeline);
    eg_nodedocs_free(&c->node_docs);
    for (size_t i = 0; i < c->ntexts; i++)
        free(c->texts[i]);
    free(c->texts);
    free(c->evidence);
    memset(c, 0, sizeof *c);
}

/* ---- dates ---- */

static void widen(eg_date_t *first, eg_date_t *last, eg_date_t d)
{
    if (d == EG_NO_DATE)
        return;
    if (*first == EG_NO_DATE || d < *first)
        *first = d;
    if (*last == EG_NO_DATE || d > *last)
        *last = d;
}

/* ---- the pair table ---- */

static inline size_t pair_hash(uint32_t a, uint32_t b)
{
    uint64_t k = ((uint64_t)a << 32) | b;
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return (size_t)k;
}

static int grow_pairs(eg_cooc_t *c)
{
    size_t n = c->pair_slots * 2;
    eg_pair_t *t = alloc_table(n);
    if (!t)
        return -1;
    for (size_t i = 0; i < c->pair_slots; i++) {
        eg_pair_t *p = &c->pairs[i];
        if (p->a == EMPTY)
            continue;
        size_t j = pair_hash(p->a, p->b) & (n - 1);
        while (t[j].a != EMPTY)
            j = (j + 1) & (n - 1);
        t[j] = *p;
    }
    free(c->pairs);
    c->pairs = t;
    c->pair_slots = n;
    return 0;
}

static eg_pair_t *pair_slot(eg_cooc_t *c, uint32_t a, uint32_t b)
{
    if ((c->npairs + 1) * 2 > c->pair_slots && grow_pairs(c))
        return NULL;
    size_t mask = c->pair_slots - 1;
    for (size_t i = pair_hash(a, b) & mask;; i = (i + 1) & mask) {
        eg_pair_t *p = &c->pairs[i];
        if (p->a == a && p->b == b)
            return p;
        if (p->a == EMPTY) {
            memset(p, 0, sizeof *p);
            p->a = a;
            p->b = b;
            p->first = p->last = EG_NO_DATE;
            p->evidence = NONE;
            c->npairs++;
            return p;
        }
    }
}

/* The window's text, made once per window (with evidence only). */
static const char *window_text(eg_cooc_t *c, cooc_window_t *w)
{
    if (w->text)
        return w->text;
    eg_buf_t b = EG_BUF_INIT;
    if (eg_clean_append(&b, w->doc->text + w->start, w->end - w->start,
                        EG_CLEAN_COLLAPSE_SPACE, EG_EVIDENCE_MAX_BYTES) == (size_t)-1) {
        eg_buf_free(&b);
        return NULL;
    }
    if (!b.data && eg_buf_append(&b, "", 0))
        return NULL;
    return w->text = cooc_keep_text(c, eg_buf_take(&b));
}

static const char *document_id(eg_cooc_t *c, cooc_window_t *w)
{
    if (!*w->doc_id)
        *w->doc_id = cooc_keep_text(c, strdup(w->doc->id ? w->doc->id : ""));
    return *w->doc_id;
}

/* ---- counting ---- */

static int compare_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return a < b ? -1 : a > b;
}

/* Entity ids in ascending order. A window holds a few mentions, where an
 * insertion sort in line beats qsort's call per comparison (qsort was the
 * count stage's largest library cost); long windows still take qsort. */
static void sort_ids(uint32_t *a, size_t n)
{
    if (n > 24) {
        qsort(a, n, sizeof *a, compare_u32);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        uint32_t x = a[i];
        size_t j = i;
        for (; j > 0 && a[j - 1] > x; j--)
            a[j] = a[j - 1];
        a[j] = x;
    }
}

/* A cheap test before making the window's text: a full list whose last
 * item comes from an earlier document id cannot take this window. */
static int might_keep(const eg_cooc_t *c, const eg_pair_t *p, const cooc_window_t *w)
{
    if (p->nevidence < c->opt.evidence)
        return 1;
    uint32_t i = p->evidence;
    while (c->evidence[i].next != NONE)
        i = c->evidence[i].next;
    const char *id = w->doc->id ? w->doc->id : "";
    return strcmp(id, c->evidence[i].doc) <= 0;
}

int cooc_count_pair(eg_cooc_t *c, cooc_window_t *w, uint32_t a, uint32_t b)
{
    eg_pair_t *p = pair_slot(c, a, b);
    if (!p)
        return -1;
    p->count++;
    uint64_t doc = w->doc->index;
    if (p->last_doc != doc + 1) {
        p->last_doc = doc + 1;
        p->documents++;
    }
    widen(&p->first, &p->last, w->doc->date);
    if (c->doc_period != NO_PERIOD) {
        uint64_t *t = eg_timeline_slot(&c->timeline, a, b, c->doc_period);
        if (!t)
            return -1;
        ++*t;
    }
    if (c->opt.evidence && might_keep(c, p, w)) {
        eg_evidence_t e = {.window = w->index, .date = w->doc->date, .sentence = w->sentence,
                           .start = (uint32_t)w->start, .end = (uint32_t)w->end};
        e.text = (char *)window_text(c, w);
        e.doc = (char *)document_id(c, w);
        if (!e.text || !e.doc || cooc_insert_evidence(c, p, &e))
            return -1;
    }
    return 0;
}

typedef struct run {
    uint32_t entity, mentions;
} run_t;

static int by_mentions(const void *x, const void *y)
{
    const run_t *a = x, *b = y;
    if (a->mentions != b->mentions)
        return a->mentions > b->mentions ? -1 : 1;
    return a->entity < b->entity ? -1 : a->entity > b->entity;
}

/* scratch[0..n) sorted, k distinct > the cap: leave the cap's most
 * mentioned entities in scratch[0..*kept), sorted. Ties go to the
 * dictionary's order; names found in the text (ids from ndict on) have
 * ids in the order threads met them, so found entities tied across the
 * cap are all left out, and the choice never depends on threads. */
static int cap_window(eg_cooc_t *c, size_t n, size_t k, size_t *kept)
{
    if (k > c->runs_cap) {
        run_t *r = realloc(c->runs, k * sizeof *r);
        if (!r)
            return -1;
        c->runs = r;
        c->runs_cap = k;
    }
    run_t *runs = c->runs;
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || c->scratch[i] != c->scratch[i - 1])
            runs[m++] = (run_t){c->scratch[i], 0};
        runs[m - 1].mentions++;
    }
    qsort(runs, m, sizeof *runs, by_mentions);
    size_t cap = c->opt.max_window_entities;
    if (runs[cap].entity >= c->ndict) /* the first one left out is found */
        while (cap > 0 && runs[cap - 1].entity >= c->ndict &&
               runs[cap - 1].mentions == runs[cap].mentions)
            cap--;
    for (size_t i = 0; i < cap; i++)
        c->scratch[i] = runs[i].entity;
    sort_ids(c->scratch, cap);
    c->capped_windows++;
    *kept = cap;
    return 0;
}

static int count_window(eg_cooc_t *c, cooc_window_t *w, size_t n)
{
    sort_ids(c->scratch, n);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || c->scratch[i] != c->scratch[i - 1])
            k++;
    if (k == 0)
        return 0;
    c->windows_with_entities++;
    size_t cap = c->opt.max_window_entities;
    if (cap && k > cap) {
        for (size_t i = 0; i < n; i++)
            if (i == 0 || c->scratch[i] != c->scratch[i - 1])
                c->windows[c->scratch[i]]++;
        if (cap_window(c, n, k, &k))
            return EG_ERR_RUNTIME;
    } else {
        k = 0;
        for (size_t i = 0; i < n; i++)
            if (i == 0 || c->scratch[i] != c->scratch[i - 1])
                c->windows[c->scratch[k++] = c->scratch[i]]++;
    }
    for (size_t i = 0; i < k; i++) {
        for (size_t j = i + 1; j < k; j++)
            if (cooc_count_pair(c, w, c->scratch[i], c->scratch[j]))
                return EG_ERR_RUNTIME;
    }
    return 0;
}

int cooc_grow_u32(uint32_t **array, size_t *cap, size_t n)
{
    if (n <= *cap)
        return 0;
    size_t room = n + n / 2 + 16;
    uint32_t *p = realloc(*array, room * sizeof *p);
    if (!p)
        return -1;
    *array = p;
    *cap = room;
    return 0;
}

/* Per entity: a mention, a document, a date. */
static int count_mentions(eg_cooc_t *c, const eg_doc_info_t *doc, const eg_mention_t *ms,
                          size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t e = ms[i].entity;
        if (e >= c->nentities && eg_cooc_reserve(c, (size_t)e + 1))
            return EG_ERR_RUNTIME; /* an entity found in the text, new here */
        c->mentions[e]++;
        if (c->last_doc[e] != doc->index + 1) {
            c->last_doc[e] = doc->index + 1;
            c->documents[e]++;
        }
        widen(&c->first[e], &c->last[e], doc->date);
        if (c->doc_period != NO_PERIOD) {
            uint64_t *t = eg_timeline_slot(&c->timeline, e, EG_TIMELINE_NODE, c->doc_period);
            if (!t)
                return EG_ERR_RUNTIME;
            ++*t;
        }
    }
    return 0;
}

/* The document's entities with their mentions in it, offered to their
 * documents (sorted in c->scratch, which the windows reuse after). */
static int offer_node_docs(eg_cooc_t *c, const char *id, const eg_mention_t *ms, size_t n)
{
    for (size_t i = 0; i < n; i++)
        c->scratch[i] = ms[i].entity;
    sort_ids(c->scratch, n);
    for (size_t i = 0, run = 1; i < n; i++, run++)
        if (i + 1 == n || c->scratch[i + 1] != c->scratch[i]) {
            if (eg_nodedocs_offer(&c->node_docs, c->scratch[i], id, run))
                return -1;
            run = 0;
        }
    return 0;
}

/* A paragraph window over a long document without a paragraph break is
 * the document window: noted for the caller's warning. */
static int note_unbroken(eg_cooc_t *c, const eg_doc_info_t *doc, const eg_segments_t *seg,
                         eg_window_t window)
{
    if (window != EG_WINDOW_PARAGRAPH || seg->nparagraphs > 1 ||
        doc->len <= EG_COOC_UNBROKEN_BYTES)
        return 0;
    c->unbroken_documents++;
    if (c->unbroken_first && c->unbroken_first <= doc->index + 1)
        return 0;
    char *id = strdup(doc->id ? doc->id : "");
    if (!id)
        return -1;
    free(c->unbroken_id);
    c->unbroken_id = id;
    c->unbroken_first = doc->index + 1;
    return 0;
}

/* The set windows (sentence, paragraph, document) of a document, each
 * the run of mentions with one key. */
static int add_set_windows(eg_cooc_t *c, cooc_window_t *w, const eg_mention_t *ms, size_t n)
{
    eg_window_t window = w->kind;
    unsigned kind = eg_window_kind(window);
    const eg_segments_t *seg = w->seg;
    int lines = (window & EG_WINDOW_LINES) && kind != EG_WINDOW_DOCUMENT;
    if (lines && cooc_paragraph_keys(c, w->doc, ms, n, seg, window))
        return EG_ERR_RUNTIME;
    const eg_mention_t *first = NULL;
    size_t in_window = 0;
    for (size_t i = 0; i < n; i++) {
        /* With lines, sentence + line numbers each the key: both only
         * grow along the text, so their sum changes when either does. */
        uint32_t win = kind == EG_WINDOW_DOCUMENT ? 0
                       : lines ? c->marks[i] + (kind == EG_WINDOW_SENTENCE ? ms[i].sentence : 0)
                       : kind == EG_WINDOW_SENTENCE ? ms[i].sentence
                                                    : seg->sentences[ms[i].sentence].paragraph;
        if (in_window && win != w->index) {
            if (c->opt.evidence)
                cooc_window_span(first, seg, w->doc, window, &w->start, &w->end, &w->sentence);
            if (count_window(c, w, in_window))
                return EG_ERR_RUNTIME;
            in_window = 0;
        }
        if (in_window == 0) {
            w->index = win;
            w->text = NULL;
            first = &ms[i];
        }
        c->scratch[in_window++] = ms[i].entity;
    }
    if (in_window && c->opt.evidence)
        cooc_window_span(first, seg, w->doc, window, &w->start, &w->end, &w->sentence);
    return in_window ? count_window(c, w, in_window) : 0;
}

int eg_cooc_add_document(eg_cooc_t *c, const eg_doc_info_t *doc,
                         const eg_mention_t *ms, size_t n, const eg_segments_t *seg,
                         eg_window_t window)
{
    if (c->opt.evidence && cooc_maybe_collect(c))
        return EG_ERR_RUNTIME;
    c->ndocuments++;
    c->doc_period = c->opt.period && doc->date != EG_NO_DATE
                        ? eg_period_of(c->opt.period, doc->date) : NO_PERIOD;
    if (cooc_grow_u32(&c->scratch, &c->scratch_cap, n) || note_unbroken(c, doc, seg, window) ||
        count_mentions(c, doc, ms, n))
        return EG_ERR_RUNTIME;
    char *doc_id = NULL;
    eg_doc_info_t safe = *doc; /* with the id evidence shows */
    if ((c->opt.evidence || c->opt.node_docs) && n) {
        char *id = cooc_clean_copy(doc->id ? doc->id : "");
        if (!id)
            return EG_ERR_RUNTIME;
        if (doc->id && strcmp(id, doc->id) == 0)
            free(id);
        else if (!(safe.id = doc_id = cooc_keep_text(c, id)))
            return EG_ERR_RUNTIME;
    }
    if (c->opt.node_docs && offer_node_docs(c, safe.id ? safe.id : "", ms, n))
        return EG_ERR_RUNTIME;
    if (eg_window_kind(window) == EG_WINDOW_TOKENS)
        return cooc_add_token_windows(c, &safe, ms, n, seg, window, &doc_id);
    cooc_window_t w = {.doc = &safe, .seg = seg, .kind = window, .doc_id = &doc_id};
    return add_set_windows(c, &w, ms, n);
}

/* ---- merging ---- */

int eg_cooc_merge(eg_cooc_t *dst, eg_cooc_t *src)
{
    if (src->nentities > dst->nentities && eg_cooc_reserve(dst, src->nentities))
        return EG_ERR_RUNTIME;
    for (size_t e = 0; e < dst->nentities && e < src->nentities; e++) {
        dst->mentions[e] += src->mentions[e];
        dst->documents[e] += src->documents[e];
        dst->windows[e] += src->windows[e];
        widen(&dst->first[e], &dst->last[e], src->first[e]);
        widen(&dst->first[e], &dst->last[e], src->last[e]);
    }
    dst->windows_with_entities += src->windows_with_entities;
    dst->ndocuments += src->ndocuments;
    dst->capped_windows += src->capped_windows;
    dst->unbroken_documents += src->unbroken_documents;
    if (src->unbroken_first &&
        (!dst->unbroken_first || src->unbroken_first < dst->unbroken_first)) {
        free(dst->unbroken_id);
        dst->unbroken_id = src->unbroken_id;
        dst->unbroken_first = src->unbroken_first;
        src->unbroken_id = NULL;
    }
    for (size_t i = 0; i < src->pair_slots; i++) {
        const eg_pair_t *s = &src->pairs[i];
        if (s->a == EMPTY)
            continue;
        eg_pair_t *p = pair_slot(dst, s->a, s->b);
        if (!p)
            return EG_ERR_RUNTIME;
        p->count += s->count;
        p->last_doc = 0;
        p->documents += s->documents;
        widen(&p->first, &p->last, s->first);
        widen(&p->first, &p->last, s->last);
        for (uint32_t e = s->evidence; e != NONE; e = src->evidence[e].next)
            if (cooc_insert_evidence(dst, p, &src->evidence[e]))
                return EG_ERR_RUNTIME;
    }
    /* The texts the moved evidence points to now belong to dst. */
    for (size_t i = 0; i < src->ntexts; i++)
        if (!cooc_keep_text(dst, src->texts[i]))
            return EG_ERR_RUNTIME;
    src->ntexts = 0;
    if (eg_timeline_merge(&dst->timeline, &src->timeline) ||
        eg_nodedocs_merge(&dst->node_docs, &src->node_docs))
        return EG_ERR_RUNTIME;
    return cooc_maybe_collect(dst) ? EG_ERR_RUNTIME : 0;
}

static int compare_pairs(const void *x, const void *y)
{
    const eg_pair_t *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : p->b > q->b;
}

eg_pair_t *eg_cooc_sorted_pairs(const eg_cooc_t *c, size_t *n)
{
    eg_pair_t *out = malloc((c->npairs + 1) * sizeof *out);
    if (!out)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < c->pair_slots; i++)
        if (c->pairs[i].a != EMPTY)
            out[k++] = c->pairs[i];
    qsort(out, k, sizeof *out, compare_pairs);
    *n = k;
    return out;
}

eg_pair_t *eg_cooc_pair(eg_cooc_t *c, uint32_t a, uint32_t b)
{
    return pair_slot(c, a, b);
}

int eg_cooc_remap(eg_cooc_t *c, const uint32_t *map, size_t n)
{
    eg_cooc_t old = *c;
    c->mentions = NULL, c->documents = NULL, c->windows = NULL, c->last_doc = NULL;
    c->first = NULL, c->last = NULL;
    c->entities_cap = 0;
    c->nentities = 0;
    eg_pair_t *table = alloc_table(old.pair_slots);
    int rc = table ? eg_cooc_reserve(c, n) : EG_ERR_RUNTIME;
    for (size_t e = 0; rc == 0 && e < old.nentities; e++) {
        uint32_t to = map[e];
        c->mentions[to] = old.mentions[e];
        c->documents[to] = old.documents[e];
        c->windows[to] = old.windows[e];
        c->first[to] = old.first[e];
        c->last[to] = old.last[e];
    }
    for (size_t i = 0; rc == 0 && i < old.pair_slots; i++) {
        eg_pair_t p = old.pairs[i];
        if (p.a == EMPTY)
            continue;
        uint32_t a = map[p.a], b = map[p.b];
        p.a = a < b ? a : b;
        p.b = a < b ? b : a;
        size_t j = pair_hash(p.a, p.b) & (old.pair_slots - 1);
        while (table[j].a != EMPTY)
            j = (j + 1) & (old.pair_slots - 1);
        table[j] = p;
    }
    if (rc == 0 && eg_nodedocs_remap(&c->node_docs, map, n)) /* unchanged if it fails */
        rc = EG_ERR_RUNTIME;
    if (rc == 0 && eg_timeline_remap(&c->timeline, map)) /* last: unchanged if it fails */
        rc = EG_ERR_RUNTIME;
    if (rc) {
        free(table);
        free(c->mentions), free(c->documents), free(c->windows), free(c->last_doc);
        free(c->first), free(c->last);
        *c = old;
        return rc;
    }
    free(c->pairs);
    c->pairs = table;
    free(old.mentions), free(old.documents), free(old.windows), free(old.last_doc);
    free(old.first), free(old.last);
    return 0;
}
