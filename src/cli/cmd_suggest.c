/* cmd_suggest.c — `entgraph dict suggest`: a corpus in, the names the
 * dictionary lacks out, as a dictionary to curate. It tags like build
 * (eg_tagger_document, one thread, corpus order) and hands each
 * document's found names to eg_suggest. */
#include "../count/eg_suggest.h"
#include "cli.h"
#include "opt_input.h"
#include "tagging.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct suggest_options {
    cli_dicts_t dicts;
    const char *output;
    eg_source_options_t source;
    eg_input_select_t select; /* --include, --exclude */
    eg_suggest_options_t rows;
    unsigned rules;
    int quiet;
} suggest_options_t;

static void print_suggest_help(void)
{
    fputs("usage: entgraph dict suggest [options] INPUT...\n"
          "\n"
          "Read a corpus as build does and write, as a dictionary (the TSV -d\n"
          "reads), the names found in it that the dictionary does not hold: one\n"
          "row per name, most mentioned first, with its type, the forms that\n"
          "named it (aliases), how often and in how many documents, and an\n"
          "example sentence. Edit a row's type or delete a row, then load the\n"
          "file with -d.\n"
          "\n"
          "options:\n",
          stdout);
    cli_dicts_help(stdout, 26);
    fputs("  -o, --output FILE       the dictionary to write (default or -: stdout)\n"
          "      --min-mentions N    leave out names mentioned fewer than N times\n"
          "                          (default 2)\n"
          "      --types LIST        only these types (person,organisation,...)\n"
          "      --limit N           at most N rows\n"
          "      --rules LIST        tagging rules, as for build\n"
          "  -q, --quiet             no warnings\n"
          "  -h, --help              this help\n",
          stdout);
    cli_source_help(stdout);
    cli_select_help(stdout);
    fputs("\nExit codes: 0 ok, 1 runtime failure, 2 usage error, 3 bad data.\n", stdout);
}

static int parse_count(const char *arg, const char *name, uint64_t *out)
{
    char *end;
    errno = 0;
    if (arg[0] < '0' || arg[0] > '9')
        return cli_usage_error("%s '%s': give a whole number", name, arg);
    unsigned long long v = strtoull(arg, &end, 10);
    if (*end || errno)
        return cli_usage_error("%s '%s': give a whole number", name, arg);
    *out = v;
    return -1;
}

/* Returns -1 to go on, or an exit code. */
static int parse_suggest_options(int argc, char **argv, suggest_options_t *o, int *first)
{
    enum { O_MIN = 256, O_TYPES, O_LIMIT, O_RULES, O_NO_DEFAULT };
    static const struct option longopts[] = {
        {"dict", required_argument, NULL, 'd'},       {"output", required_argument, NULL, 'o'},
        {"min-mentions", required_argument, NULL, O_MIN},
        {"types", required_argument, NULL, O_TYPES},  {"limit", required_argument, NULL, O_LIMIT},
        {"rules", required_argument, NULL, O_RULES},  {"quiet", no_argument, NULL, 'q'},
        {"no-default-dict", no_argument, NULL, O_NO_DEFAULT}, CLI_SELECT_LONGOPTS,
        CLI_SOURCE_LONGOPTS,
        {"help", no_argument, NULL, 'h'},             {NULL, 0, NULL, 0},
    };
    memset(o, 0, sizeof *o);
    o->rules = EG_RULES_DEFAULT;
    o->rows.min_mentions = 2;
    o->source.default_date = EG_NO_DATE;
    opterr = 0;
    optind = 1;
    int c, code;
    uint64_t n;
    while ((c = getopt_long(argc, argv, ":d:o:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'd':
            if ((code = cli_dicts_add(&o->dicts, optarg)) >= 0)
                return code;
            break;
        case O_NO_DEFAULT: o->dicts.no_default = 1; break;
        case 'o': o->output = optarg; break;
        case O_MIN:
            if ((code = parse_count(optarg, "--min-mentions", &o->rows.min_mentions)) >= 0)
                return code;
            break;
        case O_TYPES: o->rows.types = optarg; break;
        case O_LIMIT:
            if ((code = parse_count(optarg, "--limit", &n)) >= 0)
                return code;
            o->rows.limit = (size_t)n;
            break;
        case O_RULES:
            if (eg_rules_parse(optarg, &o->rules))
                return cli_usage_error("--rules '%s': use %s", optarg, eg_rules_names());
            break;
        case 'q': o->quiet = 1; break;
        case 'h': print_suggest_help(); return 0;
        case ':': return cli_usage_error("option '%s' needs a value", argv[optind - 1]);
        case '?': return cli_usage_error("unknown option '%s'", argv[optind - 1]);
        default: /* --include, --exclude; --input and its fields */
            if ((code = cli_corpus_option(c, optarg, &o->select, &o->source)) != 0)
                return code == 1 ? cli_usage_error("unknown option '%s'", argv[optind - 1])
                                 : code;
        }
    }
    if (optind >= argc)
        return cli_usage_error("dict suggest needs at least one INPUT (a file, a folder or -)");
    *first = optind;
    return -1;
}

/* Hand one tagged document's found names to the suggestions (a
 * cli_tag_each callback). */
static int gather(void *ctx, const cli_tagged_t *d, eg_error_t *err)
{
    if (eg_suggest_add_document(ctx, d->text, d->seg, d->mentions, &d->scratch->found))
        return eg_error_set(err, EG_ERR_RUNTIME, d->id, 0, "out of memory");
    return 0;
}

static int run_suggest(const suggest_options_t *o, char **args, size_t nargs, FILE *out,
                       eg_error_t *err)
{
    int quiet = o->quiet;
    eg_warner_t warn = cli_warner(&quiet);
    eg_input_list_t inputs = {0};
    cli_tagging_t tg = {0};
    eg_suggest_t *sug = eg_suggest_new();
    int rc = sug ? 0 : eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
    if (rc == 0)
        rc = eg_input_expand_select(&inputs, args, nargs, &o->select, &warn, err);
    if (rc == 0)
        rc = cli_tagging_load(&tg, &o->dicts, o->rules, &warn, err);
    if (rc == 0)
        rc = cli_tag_each(&inputs, &o->source, tg.tagger, gather, sug, &warn, err);
    if (rc == 0 && eg_suggest_write(sug, out, &o->rows) < 0)
        rc = eg_error_set(err, EG_ERR_RUNTIME, o->output ? o->output : "-", 0,
                          "cannot write the suggestions");
    eg_suggest_free(sug);
    cli_tagging_free(&tg);
    eg_input_list_free(&inputs);
    return rc;
}

typedef struct suggest_run {
    const suggest_options_t *o;
    char **args;
    size_t nargs;
} suggest_run_t;

static int write_suggestions(void *ctx, FILE *fp, eg_error_t *err)
{
    const suggest_run_t *r = ctx;
    return run_suggest(r->o, r->args, r->nargs, fp, err);
}

int cmd_dict_suggest(int argc, char **argv)
{
    suggest_options_t o;
    int first = 0;
    int code = parse_suggest_options(argc, argv, &o, &first);
    if (code >= 0)
        return code;
    suggest_run_t r = {&o, argv + first, (size_t)(argc - first)};
    return cli_write_output(o.output, "the suggestions", write_suggestions, &r);
}
