/* opt_input.c — parsing the corpus-reading options; see opt_input.h. */
#include "opt_input.h"

#include "../count/eg_cooc.h"
#include "../count/eg_corpus.h"
#include "../ingest/eg_namedate.h"
#include "../tag/eg_tagger.h"
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum {
    OPT_PROGRESS = CLI_INPUT_OPT_BASE,
    OPT_NO_PROGRESS,
    OPT_STATS,
    OPT_RULES,
    OPT_MAX_WINDOW_ENTITIES,
    OPT_DATE_FROM_NAME,
};

const struct option cli_input_longopts[] = {
    CLI_SOURCE_LONGOPTS,
    {"jobs", required_argument, NULL, 'j'},
    {"progress", no_argument, NULL, OPT_PROGRESS},
    {"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
    {"stats", required_argument, NULL, OPT_STATS},
    {"rules", required_argument, NULL, OPT_RULES},
    {"max-window-entities", required_argument, NULL, OPT_MAX_WINDOW_ENTITIES},
    CLI_SELECT_LONGOPTS,
    {"date-from-name", required_argument, NULL, OPT_DATE_FROM_NAME},
    {NULL, 0, NULL, 0},
};

void cli_input_options_init(cli_input_options_t *o)
{
    memset(o, 0, sizeof *o);
    o->source.mode = EG_INPUT_TEXT;
    o->source.default_date = EG_NO_DATE;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    o->jobs = cores < 1 ? 1 : cores > EG_CORPUS_MAX_JOBS ? EG_CORPUS_MAX_JOBS : (unsigned)cores;
    o->rules = EG_RULES_DEFAULT;
    o->progress = -1;
    o->max_window_entities = EG_COOC_MAX_WINDOW_ENTITIES;
}

int cli_select_option(int code, const char *arg, eg_input_select_t *sel)
{
    if (code != CLI_OPT_INCLUDE && code != CLI_OPT_EXCLUDE)
        return 1;
    const char *name = code == CLI_OPT_INCLUDE ? "--include" : "--exclude";
    const char *why = eg_input_pattern_problem(arg);
    if (why)
        return cli_usage_error("%s '%s': %s", name, arg, why);
    size_t *n = code == CLI_OPT_INCLUDE ? &sel->ninclude : &sel->nexclude;
    if (*n == EG_INPUT_MAX_PATTERNS)
        return cli_usage_error("more than %d %s patterns", EG_INPUT_MAX_PATTERNS, name);
    (code == CLI_OPT_INCLUDE ? sel->include : sel->exclude)[(*n)++] = arg;
    return 0;
}

void cli_select_help(FILE *out)
{
    fputs("      --include GLOB    in folders, read only the files that match (repeatable;\n"
          "                        '*.txt': by name at any depth; 'a/**/*.txt': by path\n"
          "                        in the folder; '**' crosses folders)\n"
          "      --exclude GLOB    in folders, skip the files and folders that match\n"
          "                        (repeatable; wins over --include)\n",
          out);
}

int cli_source_option(int code, const char *arg, eg_source_options_t *src)
{
    switch (code) {
    case CLI_OPT_INPUT:
        if (eg_input_mode_parse(arg, &src->mode))
            return cli_usage_error("--input '%s': use text, lines or jsonl", arg);
        return 0;
    case CLI_OPT_TEXT_FIELD: src->text_field = arg; return 0;
    case CLI_OPT_ID_FIELD: src->id_field = arg; return 0;
    case CLI_OPT_DATE_FIELD: src->date_field = arg; return 0;
    case CLI_OPT_STRICT_DATES: src->strict_dates = 1; return 0;
    case CLI_OPT_SKIP_BAD: src->skip_bad = 1; return 0;
    default: return 1;
    }
}

void cli_source_help(FILE *out)
{
    fputs("      --input MODE      text (a file is a document, default), lines (a\n"
          "                        line is a document) or jsonl (a line is a JSON\n"
          "                        object); files ending in .gz are decompressed\n"
          "      --text-field F    jsonl: field with the text (default text)\n"
          "      --id-field F      jsonl: field with the document id (default id)\n"
          "      --date-field F    jsonl: field with a date (default date): YYYY,\n"
          "                        YYYY-MM, YYYY-MM-DD, a timestamp or a year number\n"
          "      --strict-dates    a date that is not a date stops the run (exit 3;\n"
          "                        skipped with --skip-bad); default: warn, undated\n"
          "      --skip-bad        skip malformed JSONL lines (counted, warned)\n"
          "                        instead of stopping with exit code 3\n",
          out);
}

int cli_corpus_option(int code, const char *arg, eg_input_select_t *sel,
                      eg_source_options_t *src)
{
    int r = cli_select_option(code, arg, sel);
    return r == 1 ? cli_source_option(code, arg, src) : r;
}

int cli_input_option(int code, const char *arg, cli_input_options_t *o)
{
    int r = cli_corpus_option(code, arg, &o->select, &o->source);
    if (r != 1)
        return r;
    switch (code) {
    case OPT_DATE_FROM_NAME: {
        eg_namedate_t *nd = NULL;
        eg_error_t err;
        if (eg_namedate_compile(&nd, arg, &err))
            return cli_usage_error("%s", err.text);
        eg_namedate_free(nd);
        o->date_from_name = arg;
        return 0;
    }
    case 'j': {
        uint64_t v;
        if (cli_parse_count(arg, EG_CORPUS_MAX_JOBS, &v) || v < 1)
            return cli_usage_error("--jobs '%s': use a number from 1 to %d", arg,
                                   EG_CORPUS_MAX_JOBS);
        o->jobs = (unsigned)v;
        return 0;
    }
    case OPT_MAX_WINDOW_ENTITIES: {
        uint64_t v;
        if (cli_parse_count(arg, 1000000, &v))
            return cli_usage_error("--max-window-entities '%s': use a number from 0 (no "
                                   "cap) to 1000000", arg);
        o->max_window_entities = (unsigned)v;
        return 0;
    }
    case OPT_PROGRESS:
        o->progress = 1;
        return 0;
    case OPT_NO_PROGRESS:
        o->progress = 0;
        return 0;
    case OPT_STATS:
        o->stats_path = arg;
        return 0;
    case OPT_RULES:
        if (eg_rules_parse(arg, &o->rules))
            return cli_usage_error("--rules '%s': use %s", arg, eg_rules_names());
        return 0;
    default:
        return 1;
    }
}

void cli_input_help(FILE *out)
{
    fputs("\ncorpus:\n", out);
    cli_source_help(out);
    cli_select_help(out);
    fputs("      --date-from-name REGEX  date of a file's documents from its name:\n"
          "                        REGEX's first group (or match) in the base name\n"
          "      --rules LIST      tagging rules: default (all but embedded), all,\n"
          "                        none, discovery, resolution or rule names\n"
          "                        (`entgraph tag --help` lists them); -NAME\n"
          "                        removes one: default,-discovery\n"
          "  -j, --jobs N          worker threads (default: the number of cores);\n"
          "                        the output does not depend on N\n"
          "      --progress        progress bar on stderr (default: when stderr is a\n"
          "      --no-progress     terminal and -q is not given)\n"
          "      --stats FILE      write a JSON summary of the run\n"
          "      --max-window-entities N  a window with more distinct entities\n"
          "                        pairs only its N most mentioned (default 1000,\n"
          "                        0 = no cap); the windows cut are reported\n",
          out);
}
