/* cmd_tag.c — `entgraph tag`: the tagger alone, corpus -> mentions.
 * The loop per document is read, segment, tag (eg_tagger_document, as
 * build and count do), write. */
#include "../export/eg_export_mentions.h"
#include "../base/eg_list.h"
#include "cli.h"
#include "opt_input.h"
#include "tagging.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum tag_format { TAG_JSONL, TAG_CONLL };

typedef struct tag_options {
    cli_dicts_t dicts;
    const char *output; /* NULL or "-": standard output */
    int format;         /* enum tag_format; -1 = from the output's extension */
    unsigned rules;
    const char *types; /* --types: the mentions of these types only; NULL: all */
    eg_input_select_t select; /* --include, --exclude */
    eg_source_options_t source; /* --input and its fields */
    int quiet;
} tag_options_t;

static void print_tag_help(void)
{
    printf("usage: entgraph tag [options] INPUT...\n"
           "\n"
           "Find the dictionary's entities in the corpus and write one line per\n"
           "mention: JSON lines {doc, start, end, text, id, label, type, sentence,\n"
           "source, why} (doc: the file, the file and line with --input lines, the\n"
           "id field with --input jsonl; start, end: byte offsets into the\n"
           "document's text; source: dictionary or discovered; why: the evidence\n"
           "that decided, such as alias, context, given-name, partial) or CoNLL\n"
           "token/IOB2 columns.\n"
           "\n"
           "options:\n");
    cli_dicts_help(stdout, 24);
    printf("  -o, --output FILE     output file (.jsonl or .conll); default or -:\n"
           "                        standard output\n"
           "  -f, --format FORMAT   jsonl (default) or conll\n"
           "      --rules LIST      document rules to apply: %s;\n"
           "                        default: all but embedded\n"
           "      --types LIST      the mentions of these entity types only (e.g.\n"
           "                        person,organisation); CoNLL tags the others O\n"
           "  -q, --quiet           no warnings\n"
           "  -h, --help            this help\n",
           eg_rules_names());
    cli_source_help(stdout);
    cli_select_help(stdout);
    printf("\nExit codes: 0 ok, 1 runtime failure, 2 usage error, 3 bad data.\n");
}

static int parse_format(const char *s)
{
    if (strcmp(s, "jsonl") == 0)
        return TAG_JSONL;
    if (strcmp(s, "conll") == 0)
        return TAG_CONLL;
    return -1;
}

static int format_of_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    return dot ? parse_format(dot + 1) : -1;
}

/* Returns -1 to go on, or an exit code. */
static int parse_tag_options(int argc, char **argv, tag_options_t *o, int *first)
{
    static const struct option longopts[] = {
        {"dict", required_argument, NULL, 'd'},   {"output", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'f'}, {"rules", required_argument, NULL, 'r'},
        {"quiet", no_argument, NULL, 'q'},        {"help", no_argument, NULL, 'h'},
        {"no-default-dict", no_argument, NULL, 'n'}, {"types", required_argument, NULL, 't'},
        CLI_SELECT_LONGOPTS, CLI_SOURCE_LONGOPTS, {NULL, 0, NULL, 0},
    };
    memset(o, 0, sizeof *o);
    o->format = -1;
    o->rules = EG_RULES_DEFAULT;
    o->source.mode = EG_INPUT_TEXT;
    o->source.default_date = EG_NO_DATE;
    opterr = 0;
    optind = 1;
    int c, code;
    while ((c = getopt_long(argc, argv, ":d:o:f:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'd':
            if ((code = cli_dicts_add(&o->dicts, optarg)) >= 0)
                return code;
            break;
        case 'n': o->dicts.no_default = 1; break;
        case 'o':
            if (o->output)
                return cli_usage_error("tag writes one output; -o given twice");
            o->output = optarg;
            break;
        case 'f':
            if ((o->format = parse_format(optarg)) < 0)
                return cli_usage_error("--format '%s': use jsonl or conll", optarg);
            break;
        case 'r':
            if (eg_rules_parse(optarg, &o->rules))
                return cli_usage_error("--rules '%s': use %s", optarg, eg_rules_names());
            break;
        case 't':
            if (!eg_list_valid(optarg))
                return cli_usage_error("--types '%s': give entity types separated by commas, "
                                       "e.g. person,organisation", optarg);
            o->types = optarg;
            break;
        case 'q': o->quiet = 1; break;
        case 'h': print_tag_help(); return 0;
        case ':': return cli_usage_error("option '%s' needs a value", argv[optind - 1]);
        case '?': return cli_usage_error("unknown option '%s'", argv[optind - 1]);
        default: /* --include, --exclude; --input and its fields */
            if ((code = cli_corpus_option(c, optarg, &o->select, &o->source)) != 0)
                return code == 1 ? cli_usage_error("unknown option '%s'", argv[optind - 1])
                                 : code;
        }
    }
    int to_stdout = !o->output || strcmp(o->output, "-") == 0;
    if (o->format < 0)
        o->format = to_stdout ? TAG_JSONL : format_of_path(o->output);
    if (o->format < 0)
        return cli_usage_error("output '%s': unknown format (use .jsonl or .conll, or --format)",
                               o->output);
    if (optind >= argc)
        return cli_usage_error("tag needs at least one INPUT (a file, a folder or -)");
    *first = optind;
    return -1;
}

typedef struct tag_state {
    const tag_options_t *o;
    const eg_tagger_t *tagger;
    FILE *fp;
    eg_mention_view_t *views; /* per mention */
    size_t views_cap;
    eg_mentions_t kept; /* with --types: the mentions written */
} tag_state_t;

/* What each mention of the document shows. */
static int mention_views(tag_state_t *st, const cli_tagged_t *d)
{
    const eg_mentions_t *m = d->mentions;
    if (m->n > st->views_cap) {
        eg_mention_view_t *v = realloc(st->views, m->n * sizeof *v);
        if (!v)
            return EG_ERR_RUNTIME;
        st->views = v;
        st->views_cap = m->n;
    }
    for (size_t i = 0; i < m->n; i++) {
        eg_mention_view_t *v = &st->views[i];
        eg_tagger_describe(st->tagger, d->scratch, &m->items[i], &v->id, &v->label, &v->type);
        v->why = eg_why_name(m->items[i].why);
        v->source = m->items[i].entity == EG_ENTITY_FOUND ? "discovered" : "dictionary";
    }
    return 0;
}

/* With --types: the mentions of those types (into st->kept, their views
 * moved to the front of st->views). */
static const eg_mentions_t *kept_mentions(tag_state_t *st, const eg_mentions_t *m)
{
    if (!st->o->types)
        return m;
    if (m->n > st->kept.cap) {
        eg_mention_t *items = realloc(st->kept.items, m->n * sizeof *items);
        if (!items)
            return NULL;
        st->kept.items = items;
        st->kept.cap = m->n;
    }
    st->kept.n = 0;
    for (size_t i = 0; i < m->n; i++)
        if (eg_list_has(st->o->types, st->views[i].type)) {
            st->views[st->kept.n] = st->views[i];
            st->kept.items[st->kept.n++] = m->items[i];
        }
    return &st->kept;
}

/* Write one tagged document's mentions (a cli_tag_each callback). */
static int write_document(void *ctx, const cli_tagged_t *d, eg_error_t *err)
{
    tag_state_t *st = ctx;
    const eg_dict_t *dict = st->tagger->dict;
    const eg_mentions_t *m = mention_views(st, d) ? NULL : kept_mentions(st, d->mentions);
    if (!m)
        return eg_error_set(err, EG_ERR_RUNTIME, d->id, 0, "out of memory");
    int rc = st->o->format == TAG_CONLL
                 ? eg_export_mentions_conll(st->fp, d->text, d->seg, m, dict, st->views)
                 : eg_export_mentions_jsonl(st->fp, d->id, d->text, m, dict, st->views);
    return rc ? eg_error_set(err, EG_ERR_RUNTIME, st->o->output ? st->o->output : "-", 0,
                             "cannot write mentions")
              : 0;
}

static int run_tag(const tag_options_t *o, char **args, size_t nargs, FILE *fp,
                   eg_error_t *err)
{
    int quiet = o->quiet;
    eg_warner_t warn = cli_warner(&quiet);
    eg_input_list_t inputs = {0};
    cli_tagging_t tg = {0};
    int rc = eg_input_expand_select(&inputs, args, nargs, &o->select, &warn, err);
    if (rc == 0)
        rc = cli_tagging_load(&tg, &o->dicts, o->rules, &warn, err);
    /* Documents come from the same reader as build's (binary files,
     * invalid UTF-8, .gz, lines and JSONL handled alike). */
    tag_state_t st = {.o = o, .tagger = tg.tagger, .fp = fp};
    if (rc == 0)
        cli_types_check(o->types, tg.dict, &warn);
    if (rc == 0)
        rc = cli_tag_each(&inputs, &o->source, tg.tagger, write_document, &st, &warn, err);
    free(st.views);
    free(st.kept.items);
    cli_tagging_free(&tg);
    eg_input_list_free(&inputs);
    return rc;
}

typedef struct tag_run {
    const tag_options_t *o;
    char **args;
    size_t nargs;
} tag_run_t;

static int write_tags(void *ctx, FILE *fp, eg_error_t *err)
{
    const tag_run_t *r = ctx;
    return run_tag(r->o, r->args, r->nargs, fp, err);
}

int cmd_tag(int argc, char **argv)
{
    tag_options_t o;
    int first = 0;
    int code = parse_tag_options(argc, argv, &o, &first);
    if (code >= 0)
        return code;
    tag_run_t r = {&o, argv + first, (size_t)(argc - first)};
    return cli_write_output(o.output, "mentions", write_tags, &r);
}
