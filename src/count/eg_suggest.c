/* eg_suggest.c — a map from id to what the corpus said about it. Rows
 * are few next to mentions (one per distinct found name), so each keeps
 * small arrays and owns its strings. */
#include "eg_suggest.h"

#include "../base/eg_buf.h"
#include "../base/eg_strmap.h"
#include "../text/eg_clean.h"
#include "eg_votes.h"

#include <stdlib.h>
#include <string.h>

typedef struct row {
    uint64_t mentions, documents, last_doc;
    char *example;
    char *forms[EG_SUGGEST_MAX_FORMS];
    size_t nforms;
    eg_votes_t votes; /* one per document that names it */
} row_t;

struct eg_suggest {
    eg_strmap_t ids;
    row_t *rows;
    size_t cap;
    uint64_t documents;
    eg_buf_t work;
};

eg_suggest_t *eg_suggest_new(void)
{
    eg_suggest_t *s = calloc(1, sizeof *s);
    if (s)
        eg_strmap_init(&s->ids);
    return s;
}

void eg_suggest_free(eg_suggest_t *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->ids.count; i++) {
        row_t *r = &s->rows[i];
        free(r->example);
        for (size_t k = 0; k < r->nforms; k++)
            free(r->forms[k]);
        eg_votes_free(&r->votes);
    }
    free(s->rows);
    eg_strmap_free(&s->ids);
    eg_buf_free(&s->work);
    free(s);
}

/* text[0..n) cleaned for a TSV cell: one line, single spaces, no tab
 * and no '|' (the alias separator), cut at max bytes (0: whole). */
static char *cell(eg_buf_t *b, const char *text, size_t n, size_t max)
{
    eg_buf_clear(b);
    if (eg_clean_append(b, text, n, EG_CLEAN_COLLAPSE_SPACE, max) == (size_t)-1)
        return NULL;
    for (size_t i = 0; i < b->len; i++)
        if (b->data[i] == '\t' || b->data[i] == '|')
            b->data[i] = ' ';
    return strndup(b->data ? b->data : "", b->len);
}

static row_t *row_of(eg_suggest_t *s, const char *id)
{
    int added = 0;
    long k = eg_strmap_intern(&s->ids, id, strlen(id), &added);
    if (k < 0)
        return NULL;
    if ((size_t)k >= s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        row_t *p = realloc(s->rows, cap * sizeof *p);
        if (!p)
            return NULL;
        memset(p + s->cap, 0, (cap - s->cap) * sizeof *p);
        s->rows = p;
        s->cap = cap;
    }
    return &s->rows[k];
}

static int add_form(eg_suggest_t *s, row_t *r, const char *text, size_t n)
{
    char *f = cell(&s->work, text, n, 0);
    if (!f)
        return -1;
    for (size_t k = 0; k < r->nforms; k++)
        if (strcmp(r->forms[k], f) == 0) {
            free(f);
            return 0;
        }
    if (r->nforms == EG_SUGGEST_MAX_FORMS) {
        free(f);
        return 0;
    }
    r->forms[r->nforms++] = f;
    return 0;
}

int eg_suggest_add_document(eg_suggest_t *s, const char *text, const eg_segments_t *seg,
                            const eg_mentions_t *ms, const eg_found_t *found)
{
    uint64_t doc = ++s->documents;
    for (size_t i = 0; i < ms->n; i++) {
        const eg_mention_t *mn = &ms->items[i];
        if (mn->entity != EG_ENTITY_FOUND || mn->alias >= found->n)
            continue;
        const eg_found_entity_t *f = &found->items[mn->alias];
        row_t *r = row_of(s, eg_found_id(found, mn->alias));
        if (!r || add_form(s, r, text + mn->start, mn->end - mn->start))
            return EG_ERR_RUNTIME;
        r->mentions++;
        if (r->last_doc != doc) {
            r->last_doc = doc;
            r->documents++;
            const char *l = eg_found_label(found, mn->alias);
            char *label = cell(&s->work, l, strlen(l), 0);
            int rc = !label || eg_votes_add(&r->votes, f->type, label, 1);
            free(label);
            if (rc)
                return EG_ERR_RUNTIME;
        }
        if (!r->example) {
            const eg_sentence_t *sn = &seg->sentences[mn->sentence];
            if (!(r->example = cell(&s->work, text + sn->start, sn->end - sn->start,
                                    EG_SUGGEST_EXAMPLE_BYTES)))
                return EG_ERR_RUNTIME;
        }
    }
    return 0;
}

static int type_wanted(const char *types, const char *type)
{
    if (!types)
        return 1;
    size_t n = strlen(type);
    for (const char *p = types; *p;) {
        size_t k = strcspn(p, ",");
        if (k == n && strncmp(p, type, n) == 0)
            return 1;
        p += k + (p[k] == ',');
    }
    return 0;
}

static const eg_suggest_t *g_sort; /* qsort has no context argument */

static int by_mentions(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    const row_t *rx = &g_sort->rows[x], *ry = &g_sort->rows[y];
    if (rx->mentions != ry->mentions)
        return rx->mentions > ry->mentions ? -1 : 1;
    return strcmp(eg_strmap_key(&g_sort->ids, x), eg_strmap_key(&g_sort->ids, y));
}

long eg_suggest_write(const eg_suggest_t *s, FILE *out, const eg_suggest_options_t *opt)
{
    size_t n = s->ids.count;
    uint32_t *order = malloc((n + 1) * sizeof *order);
    if (!order)
        return -1;
    for (size_t i = 0; i < n; i++)
        order[i] = (uint32_t)i;
    g_sort = s;
    if (n > 1)
        qsort(order, n, sizeof *order, by_mentions);
    fputs("# Names found in the corpus that the dictionary lacks (entgraph dict suggest).\n"
          "# Edit a row's type, delete a row, then load the file with -d.\n"
          "id\tname\ttype\taliases\tseen_mentions\tseen_documents\tdescription\n",
          out);
    long rows = 0;
    for (size_t i = 0; i < n; i++) {
        const row_t *r = &s->rows[order[i]];
        const eg_vote_t *w = eg_votes_winner(&r->votes);
        if (r->mentions < opt->min_mentions || !type_wanted(opt->types, w->type))
            continue;
        if (opt->limit && (size_t)rows == opt->limit)
            break;
        fprintf(out, "%s\t%s\t%s\t", eg_strmap_key(&s->ids, order[i]), w->label, w->type);
        int first = 1;
        for (size_t k = 0; k < r->nforms; k++) {
            if (strcmp(r->forms[k], w->label) == 0)
                continue;
            fprintf(out, "%s%s", first ? "" : "|", r->forms[k]);
            first = 0;
        }
        fprintf(out, "\t%llu\t%llu\t%s\n", (unsigned long long)r->mentions,
                (unsigned long long)r->documents, r->example ? r->example : "");
        rows++;
    }
    free(order);
    return ferror(out) ? -1 : rows;
}
