/* eg_shard_write.c — writing partial counts; see eg_shard.h. Every list
 * is sorted by entity id, never by index, so a shard depends only on the
 * documents it counted and the dictionary, not on threads or load order. */
#include "eg_shard.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static void put_escaped(FILE *out, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '\\': fputs("\\\\", out); break;
        case '\t': fputs("\\t", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        default: fputc(*s, out);
        }
    }
}

static void put_date(FILE *out, eg_date_t d)
{
    char buf[11];
    if (d == EG_NO_DATE) {
        fputs("-", out);
        return;
    }
    eg_date_format(d, buf);
    fputs(buf, out);
}

static const eg_dict_t *g_dict; /* for the qsort comparators */

static int compare_entities(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return strcmp(g_dict->entities[a].id, g_dict->entities[b].id);
}

/* Pairs in (smaller id, larger id) order, independent of entity indexes. */
static void id_order(const eg_pair_t *p, const char **lo, const char **hi)
{
    const char *a = g_dict->entities[p->a].id, *b = g_dict->entities[p->b].id;
    int swap = strcmp(a, b) > 0;
    *lo = swap ? b : a;
    *hi = swap ? a : b;
}

static int compare_pairs(const void *x, const void *y)
{
    const char *a1, *a2, *b1, *b2;
    id_order(x, &a1, &a2);
    id_order(y, &b1, &b2);
    int d = strcmp(a1, b1);
    return d ? d : strcmp(a2, b2);
}

/* Where the lines go, and how many records went there (for the Z trailer). */
typedef struct writer {
    FILE *out;
    uint64_t records;
} writer_t;

static int put_found(void *ctx, const char *id, const char *label, const char *type,
                     uint64_t votes)
{
    writer_t *w = ctx;
    FILE *out = w->out;
    w->records++;
    fputs("C\t", out);
    put_escaped(out, id);
    fputc('\t', out);
    put_escaped(out, type);
    fputc('\t', out);
    put_escaped(out, label);
    fprintf(out, "\t%" PRIu64 "\n", votes);
    return 0;
}

/* The O or Q lines of (a, b) (b = EG_TIMELINE_NODE: entity a's O lines),
 * named lo and hi, from the sorted timeline. */
static void put_timeline(writer_t *w, const eg_cooc_t *c, const eg_timeline_entry_t *tl,
                         size_t ntl, uint32_t a, uint32_t b, const char *lo, const char *hi)
{
    size_t first, n = eg_timeline_find(tl, ntl, a, b, &first);
    for (size_t i = first; i < first + n; i++) {
        char label[EG_PERIOD_LABEL_MAX];
        eg_period_label(c->opt.period, tl[i].period, label);
        fputs(hi ? "Q\t" : "O\t", w->out);
        put_escaped(w->out, lo);
        if (hi) {
            fputc('\t', w->out);
            put_escaped(w->out, hi);
        }
        fprintf(w->out, "\t%s\t%" PRIu64 "\n", label, tl[i].count);
        w->records++;
    }
}

/* The R lines of entity e. */
static void put_node_docs(writer_t *w, const eg_cooc_t *c, uint32_t e, const char *id)
{
    size_t n;
    const eg_node_doc_t *docs = eg_nodedocs_of(&c->node_docs, e, &n);
    for (size_t i = 0; i < n; i++) {
        fputs("R\t", w->out);
        put_escaped(w->out, id);
        fputc('\t', w->out);
        put_escaped(w->out, docs[i].doc);
        fprintf(w->out, "\t%" PRIu64 "\n", docs[i].mentions);
        w->records++;
    }
}

int eg_shard_write(FILE *out, const eg_dict_t *dict, const eg_registry_t *found,
                   const eg_cooc_t *c, eg_window_t window, eg_error_t *err)
{
    size_t np = 0, ntl = 0;
    eg_pair_t *pairs = eg_cooc_sorted_pairs(c, &np);
    uint32_t *order = malloc((c->nentities + 1) * sizeof *order);
    eg_timeline_entry_t *tl = eg_timeline_sorted(&c->timeline, &ntl);
    if (!pairs || !order || !tl) {
        free(pairs);
        free(order);
        free(tl);
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
    }
    g_dict = dict;
    size_t n = 0;
    for (size_t i = 0; i < c->nentities; i++)
        if (c->mentions[i])
            order[n++] = (uint32_t)i;
    qsort(order, n, sizeof *order, compare_entities);
    qsort(pairs, np, sizeof *pairs, compare_pairs);

    char wname[EG_WINDOW_NAME_MAX];
    fprintf(out, "H\tentgraph-counts\t%d\twindow=%s\tevidence=%u", EG_SHARD_VERSION,
            eg_window_name(window, wname, sizeof wname), c->opt.evidence);
    if (c->opt.period)
        fprintf(out, "\tperiod=%s", eg_period_name(c->opt.period));
    if (c->opt.node_docs)
        fprintf(out, "\tdocs=%u", c->opt.node_docs);
    fputc('\n', out);
    fprintf(out, "D\t%" PRIu64 "\t%" PRIu64 "\n", c->ndocuments, c->windows_with_entities);
    writer_t w = {out, 2 + n + np};
    if (found && eg_registry_each(found, put_found, &w)) {
        free(pairs);
        free(order);
        free(tl);
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        uint32_t e = order[i];
        fputs("N\t", out);
        put_escaped(out, dict->entities[e].id);
        fprintf(out, "\t%" PRIu64 "\t%" PRIu64 "\t%" PRIu64 "\t", c->mentions[e],
                c->documents[e], c->windows[e]);
        put_date(out, c->first[e]);
        fputc('\t', out);
        put_date(out, c->last[e]);
        fputc('\n', out);
        put_timeline(&w, c, tl, ntl, e, EG_TIMELINE_NODE, dict->entities[e].id, NULL);
        put_node_docs(&w, c, e, dict->entities[e].id);
    }
    for (size_t i = 0; i < np; i++) {
        const char *lo, *hi;
        id_order(&pairs[i], &lo, &hi);
        fputs("P\t", out);
        put_escaped(out, lo);
        fputc('\t', out);
        put_escaped(out, hi);
        fprintf(out, "\t%" PRIu64 "\t%" PRIu64 "\t", pairs[i].count, pairs[i].documents);
        put_date(out, pairs[i].first);
        fputc('\t', out);
        put_date(out, pairs[i].last);
        fputc('\n', out);
        for (const eg_evidence_t *e = eg_cooc_evidence(c, pairs[i].evidence); e;
             e = eg_cooc_evidence(c, e->next)) {
            fputs("E\t", out);
            put_escaped(out, lo);
            fputc('\t', out);
            put_escaped(out, hi);
            fputc('\t', out);
            put_escaped(out, e->doc);
            fprintf(out, "\t%u\t", e->window);
            put_date(out, e->date);
            fprintf(out, "\t%u\t%u\t%u\t", e->sentence, e->start, e->end);
            put_escaped(out, e->text);
            fputc('\n', out);
            w.records++;
        }
        put_timeline(&w, c, tl, ntl, pairs[i].a, pairs[i].b, lo, hi);
    }
    fprintf(out, "Z\t%" PRIu64 "\n", w.records);
    free(pairs);
    free(order);
    free(tl);
    if (ferror(out))
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "cannot write counts: %s",
                            strerror(errno));
    return 0;
}

