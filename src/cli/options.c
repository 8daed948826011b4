/* options.c — one parser for build, count and merge; see options.h. */
#include "options.h"

#include "../base/eg_date.h"
#include "../count/eg_cooc.h"
#include "../export/eg_export.h"
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_OUTPUT "out/graph.graphml"


enum { OPT_EVIDENCE = 256, OPT_DATE, OPT_NO_DEFAULT_DICT, OPT_PARAGRAPHS, OPT_PERIOD, OPT_NODE_DOCS };

static const char *const USAGE[] = {
    [CLI_BUILD] = "usage: entgraph build [options] INPUT...\n"
                  "\n"
                  "Read a corpus and write its co-occurrence graph.\n"
                  "INPUT is a file, a folder (read recursively, sorted, hidden files\n"
                  "skipped) or - for standard input; each file is one document.\n",
    [CLI_COUNT] = "usage: entgraph count [options] INPUT...\n"
                  "\n"
                  "Read a corpus and write its partial counts (a shard) for\n"
                  "'entgraph merge': plain text, one record per line, to -o FILE or\n"
                  "standard output. Inputs as for build.\n",
    [CLI_MERGE] = "usage: entgraph merge [options] SHARD...\n"
                  "\n"
                  "Add up partial counts written by 'entgraph count' (files, - for\n"
                  "standard input, .gz allowed; concatenated or sorted shards are fine)\n"
                  "and write the graph, exactly as build would for the whole corpus.\n"
                  "Use the dictionary the counts were made with.\n",
};

static void print_help(cli_command_t cmd)
{
    fputs(USAGE[cmd], stdout);
    fputs("\noptions:\n", stdout);
    cli_dicts_help(stdout, 24);
    if (cmd == CLI_COUNT)
        fputs("  -o, --output FILE     counts file (default: standard output)\n", stdout);
    else
        fputs("  -o, --output FILE     output file, format from the extension:\n"
              "                        .graphml .gexf .json .csv .html .svg .png\n"
              "                        (repeatable; default " DEFAULT_OUTPUT ")\n",
              stdout);
    if (cmd != CLI_MERGE)
        fputs("  -w, --window KIND     co-occurrence window: sentence (default),\n"
              "                        paragraph, document or tokens:N (two mentions at\n"
              "                        most N words apart in one paragraph)\n"
              "      --paragraphs P    blank (a blank line ends a paragraph, default)\n"
              "                        or line (every line is a paragraph)\n"
              "      --date DATE       date of every document without one (YYYY,\n"
              "                        YYYY-MM or YYYY-MM-DD)\n"
              "      --period P        also count per year, quarter, month, week or day\n"
              "                        of the documents' dates (timelines in the outputs)\n",
              stdout);
    fputs("      --evidence K      keep the text of K windows per edge, the first by\n"
          "                        document id and position (0-" EG_STR(EG_EVIDENCE_MAX_PER_PAIR) ", default 0;\n"
          "                        merge: default the shards' K)\n"
          "      --node-docs K     keep per node the K first documents (by id)\n"
          "                        that mention it, with its mentions in each (0-"
          EG_STR(EG_NODE_DOCS_MAX) ",\n"
          "                        default 0; merge: default the shards' K)\n"
          "  -q, --quiet           no warnings\n"
          "  -h, --help            this help\n",
          stdout);
    if (cmd == CLI_MERGE)
        fputs("  -j, --jobs N          threads for betweenness (default: the number of\n"
              "                        cores); the graph is the same for any N\n",
              stdout);
    if (cmd != CLI_MERGE)
        cli_input_help(stdout);
    if (cmd != CLI_COUNT)
        cli_graph_help(stdout);
    fputs("\nExit codes: 0 ok, 1 runtime failure, 2 usage error, 3 bad data.\n", stdout);
}

/* getopt_long wants one table: the common options, then the groups the
 * command takes. */
static size_t count_options(const struct option *o)
{
    size_t n = 0;
    while (o[n].name)
        n++;
    return n;
}


/* A count option NAME with a value from 0 to max: -1 when taken (value
 * in *v, *given set), else the usage error's exit code. */
static int count_option(const char *name, const char *arg, unsigned max, unsigned *v,
                        int *given)
{
    uint64_t n;
    if (cli_parse_count(arg, max, &n))
        return cli_usage_error("%s '%s': use a number from 0 to %u", name, arg, max);
    *v = (unsigned)n;
    *given = 1;
    return -1;
}

/* Every command knows every option by name, so that one it does not
 * take is told apart from a misspelt one ("--measure does not apply to
 * count", not "unknown option"). */
static struct option *all_longopts(const struct option *own, size_t nown)
{
    size_t ninput = count_options(cli_input_longopts);
    size_t ngraph = count_options(cli_graph_longopts);
    struct option *all = calloc(nown + ninput + ngraph + 1, sizeof *all);
    if (all) {
        memcpy(all, own, nown * sizeof *own);
        memcpy(all + nown, cli_input_longopts, ninput * sizeof *all);
        memcpy(all + nown + ninput, cli_graph_longopts, ngraph * sizeof *all);
    }
    return all;
}

static int parse_option_loop(int argc, char **argv, cli_options_t *o,
                             const struct option *longopts);

int cli_parse_options(cli_command_t cmd, int argc, char **argv, cli_options_t *o,
                      int *first_operand)
{
    static const struct option own[] = {
        {"dict", required_argument, NULL, 'd'},
        {"output", required_argument, NULL, 'o'},
        {"window", required_argument, NULL, 'w'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {"evidence", required_argument, NULL, OPT_EVIDENCE},
        {"date", required_argument, NULL, OPT_DATE},
        {"no-default-dict", no_argument, NULL, OPT_NO_DEFAULT_DICT},
        {"paragraphs", required_argument, NULL, OPT_PARAGRAPHS},
        {"period", required_argument, NULL, OPT_PERIOD},
        {"node-docs", required_argument, NULL, OPT_NODE_DOCS},
    };
    memset(o, 0, sizeof *o);
    o->command = cmd;
    o->window = EG_WINDOW_SENTENCE;
    cli_input_options_init(&o->input);
    cli_graph_options_init(&o->graph);
    struct option *longopts = all_longopts(own, sizeof own / sizeof *own);
    if (!longopts) {
        fprintf(stderr, "entgraph: out of memory\n");
        return 1;
    }
    int code = parse_option_loop(argc, argv, o, longopts);
    free(longopts);
    if (code >= 0)
        return code;
    if (cmd != CLI_COUNT && (code = cli_graph_options_finish(&o->graph)) != 0)
        return code;
    if (o->line_paragraphs && eg_window_kind(o->window) != EG_WINDOW_DOCUMENT)
        o->window |= EG_WINDOW_LINES; /* a document window has no paragraphs */
    o->graph.network.window = o->window;
    if (optind >= argc)
        return cli_usage_error(cmd == CLI_MERGE
                                   ? "merge needs at least one SHARD (a counts file or -)"
                                   : "%s needs at least one INPUT (a file, a folder or -)",
                               cmd == CLI_BUILD ? "build" : "count");
    *first_operand = optind;
    return -1;
}

static int common_option(int c, cli_options_t *o)
{
    cli_command_t cmd = o->command;
    switch (c) {
    case 'd':
        return cli_dicts_add(&o->dicts, optarg);
    case OPT_NO_DEFAULT_DICT:
        o->dicts.no_default = 1;
        return -1;
    case 'o':
        if (o->noutputs == MAX_LIST || (cmd == CLI_COUNT && o->noutputs == 1))
            return cli_usage_error("too many outputs");
        /* a shard named x.html would be no page, and merge would read it */
        if (cmd == CLI_COUNT && eg_format_from_path(optarg) != EG_FORMAT_UNKNOWN)
            return cli_usage_error("output '%s': count writes partial counts, not a graph; "
                                   "name them X.counts and run 'entgraph merge X.counts -o %s'",
                                   optarg, optarg);
        if (cmd != CLI_COUNT && eg_format_from_path(optarg) == EG_FORMAT_UNKNOWN)
            return cli_usage_error("output '%s': unknown format (use .graphml, .gexf, .json, .csv, .html, .svg or .png)",
                                   optarg);
        /* before the corpus is read, not after */
        if (cmd != CLI_COUNT && eg_format_missing(eg_format_from_path(optarg)))
            return cli_usage_error("output '%s': %s", optarg,
                                   eg_format_missing(eg_format_from_path(optarg)));
        o->outputs[o->noutputs++] = optarg;
        return -1;
    case 'w':
        if (cmd == CLI_MERGE)
            return cli_usage_error("merge takes the window from the counts; drop --window");
        if (strchr(optarg, ',') || eg_window_parse(optarg, &o->window))
            return cli_usage_error("--window '%s': use sentence, paragraph, document or "
                                   "tokens:N (N from 1 to %u)", optarg, EG_WINDOW_MAX_TOKENS);
        o->window_given = 1;
        return -1;
    case 'q':
        o->quiet = 1;
        return -1;
    case 'h':
        print_help(cmd);
        return 0;
    case OPT_NODE_DOCS:
        return count_option("--node-docs", optarg, EG_NODE_DOCS_MAX, &o->node_docs,
                            &o->node_docs_given);
    case OPT_EVIDENCE:
        return count_option("--evidence", optarg, EG_EVIDENCE_MAX_PER_PAIR, &o->evidence,
                            &o->evidence_given);
    case OPT_PARAGRAPHS:
        if (cmd == CLI_MERGE)
            return cli_usage_error("merge takes the paragraphs from the counts; drop "
                                   "--paragraphs");
        if (strcmp(optarg, "blank") != 0 && strcmp(optarg, "line") != 0)
            return cli_usage_error("--paragraphs '%s': use blank or line", optarg);
        o->line_paragraphs = strcmp(optarg, "line") == 0;
        return -1;
    case OPT_PERIOD:
        if (cmd == CLI_MERGE)
            return cli_usage_error("merge takes the period from the counts; drop --period");
        if (eg_period_parse(optarg, &o->period))
            return cli_usage_error("--period '%s': use year, quarter, month, week or day",
                                   optarg);
        return -1;
    case OPT_DATE:
        if (cmd == CLI_MERGE)
            return cli_usage_error("--date applies to build and count");
        if (eg_date_parse(optarg, strlen(optarg), &o->input.source.default_date))
            return cli_usage_error("--date '%s': use an ISO-8601 date (YYYY, YYYY-MM or "
                                   "YYYY-MM-DD)", optarg);
        return -1;
    default:
        return 1;
    }
}

/* An option the command does not take, by its name: argv[optind - 1]
 * is its value when the value was a word of its own ("-j 2"). */
static int not_here(cli_command_t cmd, int c, const struct option *longopts)
{
    static const char *const names[] = {[CLI_BUILD] = "build", [CLI_COUNT] = "count",
                                        [CLI_MERGE] = "merge"};
    for (const struct option *l = longopts; l->name; l++)
        if (l->val == c)
            return cli_usage_error("option '--%s' does not apply to %s", l->name, names[cmd]);
    return cli_usage_error("option '-%c' does not apply to %s", c, names[cmd]);
}

static int parse_option_loop(int argc, char **argv, cli_options_t *o,
                             const struct option *longopts)
{
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, ":d:o:w:qh" CLI_INPUT_SHORTOPTS CLI_GRAPH_SHORTOPTS,
                            longopts, NULL)) != -1) {
        if (c == ':')
            return cli_usage_error("option '%s' needs a value", argv[optind - 1]);
        if (c == '?')
            return cli_usage_error("unknown option '%s'", argv[optind - 1]);
        int r = common_option(c, o); /* -1 handled, 0 done (--help), 1 not common */
        if (r != 1) {
            if (r >= 0)
                return r;
            continue;
        }
        /* The group handlers return 0 when handled, 1 when not theirs.
         * merge reads no corpus but computes betweenness: -j applies. */
        if (o->command != CLI_MERGE || c == 'j')
            r = cli_input_option(c, optarg, &o->input);
        if (r == 1 && o->command != CLI_COUNT)
            r = cli_graph_option(c, optarg, &o->graph);
        if (r == 1)
            return not_here(o->command, c, longopts);
        if (r != 0)
            return r;
    }
    return -1;
}
