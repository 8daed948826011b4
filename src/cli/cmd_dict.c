/* cmd_dict.c — `entgraph dict check|stats|lookup`: looking at a
 * gazetteer before trusting a graph built with it. check lists what
 * would silently go wrong (bad rows, conflicting merges, one form for
 * several entities, common words as names); stats counts; lookup runs
 * the real tagger on one surface form and says why it maps where it does. */
#include "../base/eg_buf.h"
#include "../base/eg_strmap.h"
#include "../graph/eg_columns.h"
#include "../tag/eg_dict.h"
#include "../tag/eg_matcher.h"
#include "../tag/eg_patterns.h"
#include "../tag/eg_resolve.h"
#include "../tag/eg_tagger.h"
#include "../text/eg_fold.h"
#include "../text/eg_segment.h"
#include "cli.h"
#include "tagging.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SYSTEM_WORDS "/usr/share/dict/words"

typedef struct dict_options {
    cli_dicts_t dicts;
    const char *words;
    int quiet;
} dict_options_t;

static void print_dict_help(void)
{
    fputs("usage: entgraph dict check  [-d PATH]... [--words FILE]\n"
          "       entgraph dict stats  [-d PATH]...\n"
          "       entgraph dict lookup [-d PATH]... FORM...\n"
          "       entgraph dict suggest [options] INPUT... (see dict suggest --help)\n"
          "\n"
          "check   every malformed row (FILE:LINE), ids merged with conflicting\n"
          "        data, surface forms shared by several entities, and aliases\n"
          "        that are common lower-case English words; exit 3 when a row\n"
          "        is malformed, else 0\n"
          "stats   entities and aliases per type, word lists, patterns\n"
          "lookup  which entity each FORM maps to, and why\n"
          "suggest the names a corpus gives that the dictionary lacks, as a\n"
          "        dictionary to curate and load with -d\n"
          "\n",
          stdout);
    cli_dicts_help(stdout, 24);
    fputs("      --words FILE      common words for check (default: the\n"
          "                        dictionary's words*.txt, else\n"
          "                        " SYSTEM_WORDS ")\n"
          "  -h, --help            this help\n",
          stdout);
}

static void print_finding(void *ctx, const char *file, long line, const char *text)
{
    size_t *n = ctx;
    (*n)++;
    if (file && line > 0)
        cli_printf(stdout, "%s:%ld: %s\n", file, line, text);
    else if (file)
        cli_printf(stdout, "%s: %s\n", file, text);
    else
        cli_printf(stdout, "%s\n", text);
}

typedef struct form {
    uint32_t alias;
    uint32_t key; /* folded form id */
} form_t;

static const eg_dict_t *sort_dict;

static int by_key(const void *a, const void *b)
{
    const form_t *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    const eg_entity_t *ex = &sort_dict->entities[sort_dict->aliases[x->alias].entity];
    const eg_entity_t *ey = &sort_dict->entities[sort_dict->aliases[y->alias].entity];
    if (ex->priority != ey->priority)
        return ex->priority > ey->priority ? -1 : 1;
    return x->alias < y->alias ? -1 : x->alias > y->alias;
}

/* Folded forms of every alias, grouped: forms[i].key. */
static form_t *fold_forms(const eg_dict_t *d, eg_strmap_t *keys)
{
    form_t *f = malloc((d->naliases + 1) * sizeof *f);
    eg_buf_t b = EG_BUF_INIT, w = EG_BUF_INIT;
    for (size_t i = 0; f && i < d->naliases; i++) {
        eg_buf_clear(&b);
        eg_fold_append(&b, &w, d->aliases[i].text, strlen(d->aliases[i].text));
        f[i].alias = (uint32_t)i;
        f[i].key = (uint32_t)eg_strmap_intern(keys, b.data ? b.data : "", b.len, NULL);
    }
    eg_buf_free(&b);
    eg_buf_free(&w);
    if (f) {
        sort_dict = d;
        qsort(f, d->naliases, sizeof *f, by_key);
    }
    return f;
}

static size_t nties;

/* Forms f[i..j) name several entities: when the most important (rule
 * importance) is not more important than another, only file order
 * decides between them. */
static void report_tie(const eg_dict_t *d, const form_t *f, size_t i, size_t j)
{
    eg_resolve_attrs_t attrs;
    eg_resolve_attrs_init(&attrs, d);
    uint32_t best = d->aliases[f[i].alias].entity;
    for (size_t k = i + 1; k < j; k++) {
        uint32_t e = d->aliases[f[k].alias].entity;
        if (eg_resolve_more_important(d, &attrs, e, best))
            best = e;
    }
    for (size_t k = i; k < j; k++) {
        uint32_t e = d->aliases[f[k].alias].entity;
        if (e == best || eg_resolve_more_important(d, &attrs, best, e))
            continue;
        const eg_alias_t *a = &d->aliases[f[i].alias];
        cli_printf(stdout, "%s:%ld: tie: '%s' names %s and %s (%s:%ld) equally (priority, kind, "
               "population): only file order decides; give one a priority\n",
               a->file, a->line, a->text, d->entities[best].id, d->entities[e].id,
               d->aliases[f[k].alias].file, d->aliases[f[k].alias].line);
        nties++;
        return;
    }
}

static size_t report_shared(const eg_dict_t *d, const form_t *f)
{
    size_t n = 0;
    for (size_t i = 0; i < d->naliases;) {
        size_t j = i + 1, distinct = 1;
        for (; j < d->naliases && f[j].key == f[i].key; j++)
            if (d->aliases[f[j].alias].entity != d->aliases[f[j - 1].alias].entity)
                distinct++;
        if (distinct > 1) {
            const eg_alias_t *a = &d->aliases[f[i].alias];
            const eg_entity_t *win = &d->entities[a->entity];
            cli_printf(stdout, "%s:%ld: '%s' is shared by %zu entities; '%s' (%s, priority %d) wins over",
                   a->file, a->line, a->text, distinct, win->id, win->type, win->priority);
            for (size_t k = i + 1; k < j; k++) {
                const eg_alias_t *o = &d->aliases[f[k].alias];
                if (o->entity != d->aliases[f[k - 1].alias].entity)
                    cli_printf(stdout, " %s (%s:%ld)", d->entities[o->entity].id, o->file, o->line);
            }
            putchar('\n');
            n++;
            report_tie(d, f, i, j);
        }
        i = j;
    }
    return n;
}

static size_t report_common_words(const eg_dict_t *d, const eg_strmap_t *words)
{
    size_t n = 0;
    eg_buf_t b = EG_BUF_INIT, w = EG_BUF_INIT;
    for (size_t i = 0; i < d->naliases; i++) {
        const eg_alias_t *a = &d->aliases[i];
        if (a->policy == EG_CASE_EXACT || strchr(a->text, ' '))
            continue;
        int has_lower = 0;
        for (const char *p = a->text; *p; p++)
            has_lower |= (*p >= 'a' && *p <= 'z');
        if (!has_lower) /* ECHR, US: matched exactly */
            continue;
        eg_buf_clear(&b);
        eg_fold_append(&b, &w, a->text, strlen(a->text));
        if (eg_strmap_find(words, b.data ? b.data : "", b.len) < 0 ||
            eg_strmap_find(&d->lists[EG_LIST_STOP], b.data ? b.data : "", b.len) >= 0)
            continue;
        cli_printf(stdout, "%s:%ld: alias '%s' of '%s' is a common lower-case word%s\n", a->file,
               a->line, a->text, d->entities[a->entity].id,
               a->policy == EG_CASE_FOLD ? " and its case is fold: it matches 'x' too" : "");
        n++;
    }
    eg_buf_free(&b);
    eg_buf_free(&w);
    return n;
}

static int load_words(const char *path, eg_strmap_t *words, eg_error_t *err)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return eg_error_set(err, EG_ERR_RUNTIME, path, 0, "cannot read the word list");
    char line[512];
    eg_buf_t b = EG_BUF_INIT, w = EG_BUF_INIT;
    while (fgets(line, sizeof line, fp)) {
        size_t n = strcspn(line, "\r\n");
        if (n == 0 || line[0] == '#' || line[0] < 'a' || line[0] > 'z')
            continue; /* lower-case words only: "Reading" the town is no word */
        eg_buf_clear(&b);
        eg_fold_append(&b, &w, line, n);
        eg_strmap_intern(words, b.data, b.len, NULL);
    }
    fclose(fp);
    eg_buf_free(&b);
    eg_buf_free(&w);
    return 0;
}

static int dict_check(const dict_options_t *o, eg_error_t *err)
{
    size_t findings = 0;
    eg_warner_t out = {print_finding, &findings};
    eg_dict_t d;
    eg_dict_init(&d);
    d.check = &out;
    int rc = cli_load_dicts(&o->dicts, &d, &out, err);
    eg_strmap_t words, keys;
    eg_strmap_init(&words);
    eg_strmap_init(&keys);
    const eg_strmap_t *wl = &d.lists[EG_LIST_WORDS];
    if (rc == 0 && (o->words || d.lists[EG_LIST_WORDS].count == 0)) {
        rc = load_words(o->words ? o->words : SYSTEM_WORDS, &words, err);
        wl = &words;
    }
    form_t *forms = rc == 0 ? fold_forms(&d, &keys) : NULL;
    size_t shared = 0, common = 0;
    if (rc == 0 && forms) {
        shared = report_shared(&d, forms);
        common = report_common_words(&d, wl);
        printf("%zu entities, %zu aliases: %zu malformed row(s), %zu other warning(s), "
               "%zu shared form(s), %zu tie(s), %zu common-word alias(es)\n",
               d.nentities, d.naliases, d.nbad, findings - d.nbad, shared, nties, common);
    }
    free(forms);
    eg_strmap_free(&keys);
    eg_strmap_free(&words);
    size_t bad = d.nbad;
    eg_dict_free(&d);
    if (rc)
        return rc;
    memset(err, 0, sizeof *err); /* the bad rows are listed already */
    return bad ? EG_ERR_DATA : 0;
}

/* The node attributes the dictionary's columns become, with their type
 * (eg_columns.h): "columns: description (string), lat (double), ...". */
static int print_columns(const eg_dict_t *d, eg_error_t *err)
{
    eg_columns_t cols;
    int rc = eg_columns_plan(&cols, d, err);
    if (rc == 0) {
        printf("columns:");
        for (size_t i = 0; i < cols.n; i++)
            cli_printf(stdout, "%s %s (%s)", i ? "," : "", cols.items[i].name,
                       eg_column_type_name(cols.items[i].type));
        printf("%s\n", cols.n ? "" : " none");
    }
    eg_columns_free(&cols);
    return rc;
}

typedef struct type_count {
    const char *type;
    size_t entities, aliases;
} type_count_t;

static int dict_stats(const dict_options_t *o, eg_error_t *err)
{
    int quiet = o->quiet;
    eg_warner_t warn = cli_warner(&quiet);
    eg_dict_t d;
    eg_dict_init(&d);
    eg_patterns_t pats;
    eg_patterns_init(&pats);
    eg_matcher_t *m = NULL;
    int rc = cli_load_dicts(&o->dicts, &d, &warn, err);
    if (rc == 0)
        rc = cli_load_patterns(&o->dicts, &pats, err);
    if (rc == 0)
        rc = eg_matcher_build(&m, &d, &warn, err);
    type_count_t t[64];
    size_t nt = 0;
    for (size_t i = 0; rc == 0 && i < d.nentities; i++) {
        size_t k = 0;
        while (k < nt && strcmp(t[k].type, d.entities[i].type))
            k++;
        if (k == nt && nt < 64)
            t[nt++] = (type_count_t){d.entities[i].type, 0, 0};
        if (k < nt)
            t[k].entities++;
    }
    for (size_t i = 0; rc == 0 && i < d.naliases; i++)
        for (size_t k = 0; k < nt; k++)
            if (strcmp(t[k].type, d.entities[d.aliases[i].entity].type) == 0)
                t[k].aliases++;
    if (rc == 0) {
        printf("%-16s %10s %10s\n", "type", "entities", "aliases");
        for (size_t k = 0; k < nt; k++)
            printf("%-16s %10zu %10zu\n", t[k].type, t[k].entities, t[k].aliases);
        printf("%-16s %10zu %10zu\n", "total", d.nentities, d.naliases);
        printf("stop list %zu forms (%zu aliases left out), patterns %zu\n",
               d.lists[EG_LIST_STOP].count, eg_matcher_stopped(m), pats.n);
        printf("word lists:");
        for (int k = EG_LIST_WORDS; k < EG_LIST_COUNT; k++)
            printf("%s %s %zu", k > EG_LIST_WORDS ? "," : "", eg_wordlist_name(k),
                   d.lists[k].count);
        putchar('\n');
        printf("matcher: %zu trie nodes, %zu distinct folded tokens\n", eg_matcher_nodes(m),
               eg_matcher_vocabulary(m));
        rc = print_columns(&d, err);
    }
    eg_matcher_free(m);
    eg_patterns_free(&pats);
    eg_dict_free(&d);
    return rc;
}

static const char *policy_name(int p)
{
    return p == EG_CASE_FOLD ? "fold" : p == EG_CASE_EXACT ? "exact" : "auto";
}

static void lookup_one(const eg_dict_t *d, const eg_tagger_t *tg, const char *form,
                       eg_segments_t *seg, eg_tag_scratch_t *s, eg_mentions_t *ms)
{
    eg_buf_t b = EG_BUF_INIT, w = EG_BUF_INIT, a = EG_BUF_INIT;
    eg_fold_append(&b, &w, form, strlen(form));
    cli_printf(stdout, "%s (folded: %s)\n", form, b.data ? b.data : "");
    if (eg_strmap_find(&d->lists[EG_LIST_STOP], b.data ? b.data : "", b.len) >= 0)
        printf("  on the stop list: never matched\n");
    size_t listed = 0;
    for (size_t i = 0; i < d->naliases; i++) {
        eg_buf_clear(&a);
        eg_fold_append(&a, &w, d->aliases[i].text, strlen(d->aliases[i].text));
        if (a.len != b.len || memcmp(a.data, b.data, b.len))
            continue;
        const eg_alias_t *al = &d->aliases[i];
        const eg_entity_t *e = &d->entities[al->entity];
        cli_printf(stdout, "  alias '%s' of %s (%s, %s, priority %d, case %s) at %s:%ld\n", al->text,
               e->id, e->label, e->type, e->priority, policy_name(al->policy), al->file,
               al->line);
        listed++;
    }
    if (!listed)
        printf("  no alias has this form\n");
    for (int k = EG_LIST_WORDS; k < EG_LIST_COUNT; k++)
        if (eg_strmap_find(&d->lists[k], b.data ? b.data : "", b.len) >= 0)
            printf("  on the word list %s\n", eg_wordlist_name(k));
    const char *id, *label, *type;
    if (eg_segment(form, strlen(form), seg) || eg_tagger_document(tg, form, seg, s, ms))
        ms->n = 0;
    if (ms->n == 0)
        printf("  the tagger does not tag it as written (case policy, stop list, a rule or "
               "no alias)\n");
    for (size_t i = 0; i < ms->n; i++) {
        eg_tagger_describe(tg, s, &ms->items[i], &id, &label, &type);
        cli_printf(stdout, "  as written, '%.*s' is tagged %s (%s, %s); why: %s\n",
               (int)(ms->items[i].end - ms->items[i].start), form + ms->items[i].start, id,
               type, ms->items[i].entity == EG_ENTITY_FOUND ? "discovered" : "dictionary",
               eg_why_name(ms->items[i].why));
    }
    eg_buf_free(&a);
    eg_buf_free(&b);
    eg_buf_free(&w);
}

static int dict_lookup(const dict_options_t *o, char **forms, size_t nforms, eg_error_t *err)
{
    int quiet = o->quiet;
    eg_warner_t warn = cli_warner(&quiet);
    cli_tagging_t tg = {0};
    int rc = cli_tagging_load(&tg, &o->dicts, EG_RULES_DEFAULT, &warn, err);
    eg_segments_t seg;
    eg_segments_init(&seg);
    eg_tag_scratch_t s;
    memset(&s, 0, sizeof s);
    eg_mentions_t ms = {0};
    for (size_t i = 0; rc == 0 && i < nforms; i++)
        lookup_one(tg.dict, tg.tagger, forms[i], &seg, &s, &ms);
    eg_segments_free(&seg);
    eg_tag_scratch_free(&s);
    eg_mentions_free(&ms);
    cli_tagging_free(&tg);
    return rc;
}

int cmd_dict(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"dict", required_argument, NULL, 'd'}, {"words", required_argument, NULL, 'w'},
        {"quiet", no_argument, NULL, 'q'},      {"help", no_argument, NULL, 'h'},
        {"no-default-dict", no_argument, NULL, 'n'}, {NULL, 0, NULL, 0},
    };
    if (argc < 2)
        return cli_usage_error("dict needs check, stats, lookup or suggest");
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        print_dict_help();
        return 0;
    }
    if (strcmp(argv[1], "suggest") == 0)
        return cmd_dict_suggest(argc - 1, argv + 1);
    const char *sub = argv[1];
    dict_options_t o;
    memset(&o, 0, sizeof o);
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc - 1, argv + 1, "+:d:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'd':
            if ((c = cli_dicts_add(&o.dicts, optarg)) >= 0)
                return c;
            break;
        case 'n': o.dicts.no_default = 1; break;
        case 'w': o.words = optarg; break;
        case 'q': o.quiet = 1; break;
        case 'h': print_dict_help(); return 0;
        case ':': return cli_usage_error("option '%s' needs a value", argv[optind]);
        default: return cli_usage_error("unknown option '%s'", argv[optind]);
        }
    }
    char **rest = argv + 1 + optind;
    size_t nrest = (size_t)(argc - 1 - optind);
    eg_error_t err = {0};
    int rc;
    if (strcmp(sub, "check") == 0 && nrest == 0)
        rc = dict_check(&o, &err);
    else if (strcmp(sub, "stats") == 0 && nrest == 0)
        rc = dict_stats(&o, &err);
    else if (strcmp(sub, "lookup") == 0 && nrest > 0)
        rc = dict_lookup(&o, rest, nrest, &err);
    else if (strcmp(sub, "lookup") == 0)
        return cli_usage_error("dict lookup needs a FORM to look up");
    else if (strcmp(sub, "check") == 0 || strcmp(sub, "stats") == 0)
        return cli_usage_error("dict %s takes no argument ('%s')", sub, rest[0]);
    else
        return cli_usage_error("unknown dict command '%s' (use check, stats, lookup or suggest)", sub);
    if (rc == EG_ERR_DATA && err.text[0] == '\0')
        return 3; /* malformed rows, already listed */
    return rc ? cli_report(&err) : 0;
}
