/* eg_cooc_evidence.c — the evidence store of a counter: each pair keeps
 * the K smallest windows it was seen in, as a sorted list of items in one
 * array; texts are stored once per window and shared by the pairs that
 * cite them.
 *
 * An evidence item pushed out of a pair's K (a smaller document id came
 * later: documents read in descending id order push out every time), and
 * the texts only such items pointed to, are garbage. They are reclaimed
 * in one pass once they outnumber what is kept (cooc_collect_evidence):
 * memory stays within about twice what the kept evidence needs, whatever
 * the order of the documents or the number of evidence records a shard
 * offers, at a constant cost per item. */
#include "eg_cooc_impl.h"

#include "../base/eg_buf.h"
#include "../text/eg_clean.h"
#include "../text/eg_utf8.h"

#include <stdlib.h>
#include <string.h>

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
int cooc_collect_evidence(eg_cooc_t *c)
{
    size_t live = 0;
    for (size_t i = 0; i < c->pair_slots; i++)
        if (c->pairs[i].a != COOC_EMPTY)
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
        if (p->a == COOC_EMPTY || p->evidence == COOC_NONE)
            continue;
        uint32_t e = p->evidence;
        p->evidence = (uint32_t)k;
        for (; e != COOC_NONE; e = c->evidence[e].next, k++) {
            items[k] = c->evidence[e];
            items[k].next = c->evidence[e].next == COOC_NONE ? COOC_NONE : (uint32_t)(k + 1);
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
int cooc_maybe_collect(eg_cooc_t *c)
{
    size_t at_items = c->collect_at_items ? c->collect_at_items : COLLECT_FLOOR;
    size_t at_texts = c->collect_at_texts ? c->collect_at_texts : COLLECT_FLOOR;
    if (c->nevidence <= at_items && c->ntexts <= at_texts)
        return 0;
    return cooc_collect_evidence(c);
}

char *cooc_keep_text(eg_cooc_t *c, char *owned)
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
            return COOC_NONE;
        c->evidence = p;
        c->evidence_cap = cap;
    }
    c->evidence[c->nevidence] = *e;
    c->evidence[c->nevidence].next = COOC_NONE;
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
int cooc_insert_evidence(eg_cooc_t *c, eg_pair_t *p, const eg_evidence_t *e)
{
    unsigned k = c->opt.evidence;
    if (k == 0)
        return 0;
    /* Find the insertion point; give up when e would land past K. */
    uint32_t prev = COOC_NONE, cur = p->evidence, pos = 0;
    while (cur != COOC_NONE && evidence_before(&c->evidence[cur], e)) {
        prev = cur;
        cur = c->evidence[cur].next;
        pos++;
    }
    if (pos >= k)
        return 0;
    if (cur != COOC_NONE && !evidence_before(e, &c->evidence[cur]) &&
        strcmp(e->doc, c->evidence[cur].doc) == 0 && e->window == c->evidence[cur].window)
        return 0; /* the same window offered twice */
    uint32_t idx = new_evidence(c, e);
    if (idx == COOC_NONE)
        return -1;
    c->evidence[idx].next = cur;
    if (prev == COOC_NONE)
        p->evidence = idx;
    else
        c->evidence[prev].next = idx;
    if (++p->nevidence > k) { /* drop the last */
        uint32_t i = p->evidence, before = COOC_NONE;
        while (c->evidence[i].next != COOC_NONE) {
            before = i;
            i = c->evidence[i].next;
        }
        c->evidence[before].next = COOC_NONE;
        p->nevidence = k;
    }
    return 0;
}


/* s as evidence may show it (malloc'd; NULL when memory runs out):
 * document ids come from file names, JSONL fields and shards, so they may
 * hold invalid UTF-8 or control characters, the evidence separators
 * \x1e \x1f among them; repaired and cleaned like the window text, no
 * writer ever sees one. Cut, like a window's text, at
 * EG_EVIDENCE_MAX_BYTES: a 1 MB document id kept with every edge's
 * evidence made every output 190 MB, and a shard's evidence text is held
 * to the limit build keeps (cutting a text already cut changes nothing). */
char *cooc_clean_copy(const char *s)
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


int eg_cooc_offer_evidence(eg_cooc_t *c, eg_pair_t *p, const eg_evidence_t *offered)
{
    eg_evidence_t e = *offered;
    e.doc = cooc_keep_text(c, cooc_clean_copy(offered->doc));
    e.text = cooc_keep_text(c, cooc_clean_copy(offered->text));
    if (!e.doc || !e.text || cooc_insert_evidence(c, p, &e))
        return EG_ERR_RUNTIME;
    return cooc_maybe_collect(c) ? EG_ERR_RUNTIME : 0;
}

int eg_cooc_offer_node_doc(eg_cooc_t *c, uint32_t e, const char *doc, uint64_t mentions)
{
    char *id = cooc_clean_copy(doc);
    int rc = id ? eg_nodedocs_offer(&c->node_docs, e, id, mentions) : -1;
    free(id);
    return rc ? EG_ERR_RUNTIME : 0;
}

void eg_cooc_trim_evidence(eg_cooc_t *c, unsigned k)
{
    if (k > EG_EVIDENCE_MAX_PER_PAIR)
        k = EG_EVIDENCE_MAX_PER_PAIR;
    c->opt.evidence = k;
    for (size_t i = 0; i < c->pair_slots; i++) {
        eg_pair_t *p = &c->pairs[i];
        if (p->a == COOC_EMPTY || p->nevidence <= k)
            continue;
        if (k == 0) {
            p->evidence = COOC_NONE;
        } else {
            uint32_t e = p->evidence;
            for (unsigned n = 1; n < k; n++)
                e = c->evidence[e].next;
            c->evidence[e].next = COOC_NONE;
        }
        p->nevidence = k;
    }
    cooc_collect_evidence(c); /* out of memory: the dropped items just stay */
}

