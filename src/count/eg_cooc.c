/* eg_cooc.c — counting windows. A window's distinct entities are sorted
 * so every pair is visited once with a < b, and pair counts go to an
 * open-addressing table that doubles at half load. Evidence texts are
 * stored once per window and shared by the pairs that cite them.
 *
 * An evidence item pushed out of a pair's K (a smaller document id came
 * later: documents read in descending id order push out every time), and
 * the texts only such items pointed to, are garbage. They are reclaimed
 * in one pass once they outnumber what is kept (collect_evidence): memory
 * stays within about twice what the kept evidence needs, whatever the
 * order of the documents or the number of evidence records a shard
 * offers, at a constant cost per item. */
#include "eg_cooc.h"

#include "../base/eg_buf.h"
#include "../base/eg_error.h"
#include "../text/eg_clean.h"
#include "../text/eg_utf8.h"

#include <stdlib.h>
#include <string.h>

#define EMPTY UINT32_MAX
#define NONE UINT32_MAX

int eg_window_parse(const char *s, eg_window_t *out)
{
    if (strcmp(s, "sentence") == 0)
        *out = EG_WINDOW_SENTENCE;
    else if (strcmp(s, "paragraph") == 0)
        *out = EG_WINDOW_PARAGRAPH;
    else if (strcmp(s, "document") == 0)
        *out = EG_WINDOW_DOCUMENT;
    else
        return -1;
    return 0;
}

const char *eg_window_name(eg_window_t w)
{
    switch (w) {
    case EG_WINDOW_SENTENCE: return "sentence";
    case EG_WINDOW_PARAGRAPH: return "paragraph";
    case EG_WINDOW_DOCUMENT: return "document";
    }
    return "?";
}

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
    c->pair_slots = 1024;
    c->pairs = alloc_table(c->pair_slots);
    if (!c->pairs || eg_cooc_reserve(c, nentities)) {
        eg_cooc_free(c);
        return EG_ERR_RUNTIME;
    }
    c->nentities = nentities;
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

/* ---- evidence ---- */

/* Reclaim below this many items or texts: not worth a pass. */
#define COLLECT_FLOOR 65536

static int by_address(const void *x, const void *y)
{
    uintptr_t a = (uintptr_t)*(char *const *)x, b = (uintptr_t)*(char *const *)y;
    return a < b ? -1 : a > b;
}

/* Copy every pair's kept items, in list order, to a fresh array, and free
 * the texts no kept item points to. Only where no window is open (a
 * window's text and its document's id are not in any item yet). */
static int collect_evidence(eg_cooc_t *c)
{
    size_t live = 0;
    for (size_t i = 0; i < c->pair_slots; i++)
        if (c->pairs[i].a != EMPTY)
            live += c->pairs[i].nevidence;
    eg_evidence_t *items = malloc((live ? live : 1) * sizeof *items);
    char **refs = malloc((2 * live + 1) * sizeof *refs);
    if (!items || !refs) {
        free(items);
        free(refs);
        return -1;
    }
    size_t k = 0, r = 0;
    for (size_t i = 0; i < c->pair_slots; i++) {
        eg_pair_t *p = &c->pairs[i];
        if (p->a == EMPTY || p->evidence == NONE)
            continue;
        uint32_t e = p->evidence;
        p->evidence = (uint32_t)k;
        for (; e != NONE; e = c->evidence[e].next, k++) {
            items[k] = c->evidence[e];
            items[k].next = c->evidence[e].next == NONE ? NONE : (uint32_t)(k + 1);
            refs[r++] = items[k].doc;
            refs[r++] = items[k].text;
        }
    }
    qsort(refs, r, sizeof *refs, by_address);
    size_t kept = 0;
    for (size_t t = 0; t < c->ntexts; t++) {
        char *s = c->texts[t];
        if (r && bsearch(&s, refs, r, sizeof *refs, by_address))
            c->texts[kept++] = s;
        else
            free(s);
    }
    free(refs);
    free(c->evidence);
    c->evidence = items;
    c->nevidence = k;
    c->evidence_cap = live ? live : 1;
    c->ntexts = kept;
    c->collect_at_items = 2 * k + COLLECT_FLOOR;
    c->collect_at_texts = 2 * kept + COLLECT_FLOOR;
    return 0;
}

/* Reclaim when the garbage may outweigh what is kept. */
static int maybe_collect(eg_cooc_t *c)
{
    size_t at_items = c->collect_at_items ? c->collect_at_items : COLLECT_FLOOR;
    size_t at_texts = c->collect_at_texts ? c->collect_at_texts : COLLECT_FLOOR;
    if (c->nevidence <= at_items && c->ntexts <= at_texts)
        return 0;
    return collect_evidence(c);
}

static char *keep_text(eg_cooc_t *c, char *owned)
{
    if (!owned)
        return NULL;
    if (c->ntexts == c->texts_cap) {
        size_t cap = c->texts_cap ? c->texts_cap * 2 : 256;
        char **p = realloc(c->texts, cap * sizeof *p);
        if (!p) {
            free(owned);
            return NULL;
        }
        c->texts = p;
        c->texts_cap = cap;
    }
    return c->texts[c->ntexts++] = owned;
}

static uint32_t new_evidence(eg_cooc_t *c, const eg_evidence_t *e)
{
    if (c->nevidence == c->evidence_cap) {
        size_t cap = c->evidence_cap ? c->evidence_cap * 2 : 256;
        eg_evidence_t *p = realloc(c->evidence, cap * sizeof *p);
        if (!p)
            return NONE;
        c->evidence = p;
        c->evidence_cap = cap;
    }
    c->evidence[c->nevidence] = *e;
    c->evidence[c->nevidence].next = NONE;
    return (uint32_t)c->nevidence++;
}

static int evidence_before(const eg_evidence_t *x, const eg_evidence_t *y)
{
    int d = strcmp(x->doc, y->doc);
    if (d)
        return d < 0;
    if (x->window != y->window)
        return x->window < y->window;
    return strcmp(x->text, y->text) < 0;
}

/* Insert e into p's sorted list, keeping at most K items. e's strings
 * must already belong to c. */
static int insert_evidence(eg_cooc_t *c, eg_pair_t *p, const eg_evidence_t *e)
{
    unsigned k = c->opt.evidence;
    if (k == 0)
        return 0;
    /* Find the insertion point; give up when e would land past K. */
    uint32_t prev = NONE, cur = p->evidence, pos = 0;
    while (cur != NONE && evidence_before(&c->evidence[cur], e)) {
        prev = cur;
        cur = c->evidence[cur].next;
        pos++;
    }
    if (pos >= k)
        return 0;
    if (cur != NONE && !evidence_before(e, &c->evidence[cur]) &&
        strcmp(e->doc, c->evidence[cur].doc) == 0 && e->window == c->evidence[cur].window)
        return 0; /* the same window offered twice */
    uint32_t idx = new_evidence(c, e);
    if (idx == NONE)
        return -1;
    c->evidence[idx].next = cur;
    if (prev == NONE)
        p->evidence = idx;
    else
        c->evidence[prev].next = idx;
    if (++p->nevidence > k) { /* drop the last */
        uint32_t i = p->evidence, before = NONE;
        while (c->evidence[i].next != NONE) {
            before = i;
            i = c->evidence[i].next;
        }
        c->evidence[before].next = NONE;
        p->nevidence = k;
    }
    return 0;
}

/* The bytes of the window a mention lies in. */
static void window_span(const eg_mention_t *m, const eg_segments_t *seg,
                        const eg_doc_info_t *doc, eg_window_t w, size_t *start,
                        size_t *end)
{
    const eg_sentence_t *s = &seg->sentences[m->sentence];
    if (w == EG_WINDOW_SENTENCE) {
        *start = s->start;
        *end = s->end;
    } else if (w == EG_WINDOW_PARAGRAPH) {
        size_t first = m->sentence, last = m->sentence;
        while (first > 0 && seg->sentences[first - 1].paragraph == s->paragraph)
            first--;
        while (last + 1 < seg->nsentences && seg->sentences[last + 1].paragraph == s->paragraph)
            last++;
        *start = seg->sentences[first].start;
        *end = seg->sentences[last].end;
    } else {
        *start = 0;
        *end = doc->len;
    }
}

typedef struct window_ctx {
    const eg_doc_info_t *doc;
    const eg_segments_t *seg;
    const eg_mention_t *first_mention;
    eg_window_t kind;
    uint32_t index;
    char *text;        /* made on first use */
    char **doc_id;     /* the document id, kept once per document */
} window_ctx_t;

static const char *window_text(eg_cooc_t *c, window_ctx_t *w)
{
    if (w->text)
        return w->text;
    size_t start, end;
    window_span(w->first_mention, w->seg, w->doc, w->kind, &start, &end);
    eg_buf_t b = EG_BUF_INIT;
    if (eg_clean_append(&b, w->doc->text + start, end - start, EG_CLEAN_COLLAPSE_SPACE,
                        EG_EVIDENCE_MAX_BYTES) == (size_t)-1) {
        eg_buf_free(&b);
        return NULL;
    }
    if (!b.data && eg_buf_append(&b, "", 0))
        return NULL;
    return w->text = keep_text(c, eg_buf_take(&b));
}

/* s as evidence may show it (malloc'd; NULL when memory runs out):
 * document ids come from file names, JSONL fields and shards, so they may
 * hold invalid UTF-8 or control characters, the evidence separators
 * \x1e \x1f among them; repaired and cleaned like the window text, no
 * writer ever sees one. Cut, like a window's text, at
 * EG_EVIDENCE_MAX_BYTES: a 1 MB document id kept with every edge's
 * evidence made every output 190 MB, and a shard's evidence text is held
 * to the limit build keeps (cutting a text already cut changes nothing). */
static char *clean_copy(const char *s)
{
    size_t n = strlen(s);
    eg_buf_t fixed = EG_BUF_INIT, clean = EG_BUF_INIT;
    int ok = eg_utf8_repair(s, n, &fixed) != (size_t)-1 &&
             eg_clean_append(&clean, fixed.data ? fixed.data : "", fixed.len, 0,
                             EG_EVIDENCE_MAX_BYTES) != (size_t)-1 &&
             eg_buf_append(&clean, "", 0) == 0;
    eg_buf_free(&fixed);
    if (!ok) {
        eg_buf_free(&clean);
        return NULL;
    }
    return eg_buf_take(&clean);
}

static const char *document_id(eg_cooc_t *c, window_ctx_t *w)
{
    if (!*w->doc_id)
        *w->doc_id = keep_text(c, strdup(w->doc->id ? w->doc->id : ""));
    return *w->doc_id;
}

/* ---- counting ---- */

static int compare_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return a < b ? -1 : a > b;
}

/* A cheap test before making the window's text: a full list whose last
 * item comes from an earlier document id cannot take this window. */
static int might_keep(const eg_cooc_t *c, const eg_pair_t *p, const window_ctx_t *w)
{
    if (p->nevidence < c->opt.evidence)
        return 1;
    uint32_t i = p->evidence;
    while (c->evidence[i].next != NONE)
        i = c->evidence[i].next;
    const char *id = w->doc->id ? w->doc->id : "";
    return strcmp(id, c->evidence[i].doc) <= 0;
}

static int count_pair(eg_cooc_t *c, window_ctx_t *w, uint32_t a, uint32_t b)
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
    if (c->opt.evidence && might_keep(c, p, w)) {
        eg_evidence_t e = {.window = w->index};
        e.text = (char *)window_text(c, w);
        e.doc = (char *)document_id(c, w);
        if (!e.text || !e.doc || insert_evidence(c, p, &e))
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
 * mentioned entities in scratch[0..cap), sorted. */
static int cap_window(eg_cooc_t *c, size_t n, size_t k)
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
    for (size_t i = 0; i < cap; i++)
        c->scratch[i] = runs[i].entity;
    qsort(c->scratch, cap, sizeof *c->scratch, compare_u32);
    c->capped_windows++;
    return 0;
}

static int count_window(eg_cooc_t *c, window_ctx_t *w, size_t n)
{
    qsort(c->scratch, n, sizeof *c->scratch, compare_u32);
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
        if (cap_window(c, n, k))
            return EG_ERR_RUNTIME;
        k = cap;
    } else {
        k = 0;
        for (size_t i = 0; i < n; i++)
            if (i == 0 || c->scratch[i] != c->scratch[i - 1])
                c->windows[c->scratch[k++] = c->scratch[i]]++;
    }
    for (size_t i = 0; i < k; i++) {
        for (size_t j = i + 1; j < k; j++)
            if (count_pair(c, w, c->scratch[i], c->scratch[j]))
                return EG_ERR_RUNTIME;
    }
    return 0;
}

static uint32_t window_of(const eg_mention_t *m, const eg_segments_t *seg,
                          eg_window_t w)
{
    switch (w) {
    case EG_WINDOW_SENTENCE: return m->sentence;
    case EG_WINDOW_PARAGRAPH: return seg->sentences[m->sentence].paragraph;
    case EG_WINDOW_DOCUMENT: return 0;
    }
    return 0;
}

int eg_cooc_add_document(eg_cooc_t *c, const eg_doc_info_t *doc,
                         const eg_mention_t *ms, size_t n, const eg_segments_t *seg,
                         eg_window_t kind)
{
    if (c->opt.evidence && maybe_collect(c))
        return EG_ERR_RUNTIME;
    c->ndocuments++;
    if (n > c->scratch_cap) {
        uint32_t *p = realloc(c->scratch, n * sizeof *p);
        if (!p)
            return EG_ERR_RUNTIME;
        c->scratch = p;
        c->scratch_cap = n;
    }
    char *doc_id = NULL;
    eg_doc_info_t safe = *doc; /* with the id evidence shows */
    if (c->opt.evidence && n) {
        char *id = clean_copy(doc->id ? doc->id : "");
        if (!id)
            return EG_ERR_RUNTIME;
        if (doc->id && strcmp(id, doc->id) == 0)
            free(id);
        else if (!(safe.id = doc_id = keep_text(c, id)))
            return EG_ERR_RUNTIME;
    }
    window_ctx_t w = {.doc = &safe, .seg = seg, .kind = kind, .doc_id = &doc_id};
    size_t in_window = 0;
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
        uint32_t win = window_of(&ms[i], seg, kind);
        if (in_window && win != w.index) {
            if (count_window(c, &w, in_window))
                return EG_ERR_RUNTIME;
            in_window = 0;
        }
        if (in_window == 0) {
            w.index = win;
            w.first_mention = &ms[i];
            w.text = NULL;
        }
        c->scratch[in_window++] = e;
    }
    return in_window ? count_window(c, &w, in_window) : 0;
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
            if (insert_evidence(dst, p, &src->evidence[e]))
                return EG_ERR_RUNTIME;
    }
    /* The texts the moved evidence points to now belong to dst. */
    for (size_t i = 0; i < src->ntexts; i++)
        if (!keep_text(dst, src->texts[i]))
            return EG_ERR_RUNTIME;
    src->ntexts = 0;
    return maybe_collect(dst) ? EG_ERR_RUNTIME : 0;
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

int eg_cooc_offer_evidence(eg_cooc_t *c, eg_pair_t *p, const char *doc,
                           uint32_t window, const char *text)
{
    eg_evidence_t e = {.window = window};
    e.doc = keep_text(c, clean_copy(doc));
    e.text = keep_text(c, clean_copy(text));
    if (!e.doc || !e.text || insert_evidence(c, p, &e))
        return EG_ERR_RUNTIME;
    return maybe_collect(c) ? EG_ERR_RUNTIME : 0;
}

void eg_cooc_trim_evidence(eg_cooc_t *c, unsigned k)
{
    if (k > EG_EVIDENCE_MAX_PER_PAIR)
        k = EG_EVIDENCE_MAX_PER_PAIR;
    c->opt.evidence = k;
    for (size_t i = 0; i < c->pair_slots; i++) {
        eg_pair_t *p = &c->pairs[i];
        if (p->a == EMPTY || p->nevidence <= k)
            continue;
        if (k == 0) {
            p->evidence = NONE;
        } else {
            uint32_t e = p->evidence;
            for (unsigned n = 1; n < k; n++)
                e = c->evidence[e].next;
            c->evidence[e].next = NONE;
        }
        p->nevidence = k;
    }
    collect_evidence(c); /* out of memory: the dropped items just stay */
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
