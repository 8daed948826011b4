/* cmd_build.c — `entgraph build`: options, then the pipeline
 * inputs -> documents -> segments -> mentions -> counts -> graph -> files.
 * Outputs are opened (as temp files) before any work, so a missing or
 * read-only output folder fails at once rather than after the corpus. */
#include "../base/eg_buf.h"
#include "../base/eg_date.h"
#include "../base/eg_outfile.h"
#include "../count/eg_cooc.h"
#include "../export/eg_export.h"
#include "../graph/eg_network.h"
#include "../ingest/eg_input.h"
#include "../tag/eg_dict.h"
#include "../tag/eg_matcher.h"
#include "../text/eg_segment.h"
#include "cli.h"
#include "opt_graph.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_LIST 64
#define DEFAULT_OUTPUT "out/graph.graphml"

typedef struct build_options {
    const char *dicts[MAX_LIST];
    size_t ndicts;
    const char *outputs[MAX_LIST];
    size_t noutputs;
    eg_window_t window;
    int quiet;
    unsigned evidence;       /* windows kept per edge */
    eg_date_t date;          /* --date: for every document */
    cli_graph_options_t graph;
} build_options_t;

enum { OPT_EVIDENCE = 256, OPT_DATE };

static void print_build_help(void)
{
    fputs("usage: entgraph build [options] INPUT...\n"
          "\n"
          "INPUT is a file, a folder (read recursively, sorted, hidden files\n"
          "skipped) or - for standard input; each file is one document.\n"
          "\n"
          "options:\n"
          "  -d, --dict PATH       dictionary file or folder of .tsv files\n"
          "                        (repeatable; default: the shipped dict/)\n"
          "  -o, --output FILE     output file, format from the extension:\n"
          "                        .graphml .json (repeatable; default\n"
          "                        " DEFAULT_OUTPUT ")\n"
          "  -w, --window KIND     co-occurrence window: sentence (default),\n"
          "                        paragraph or document\n"
          "      --evidence K      keep the text of the first K windows of each\n"
          "                        edge (0-" EG_STR(EG_EVIDENCE_MAX_PER_PAIR) ", default 0)\n"
          "      --date YYYY-MM-DD date of every document (for first/last)\n"
          "  -q, --quiet           no warnings\n"
          "  -h, --help            this help\n",
          stdout);
    cli_graph_help(stdout);
    fputs("\nExit codes: 0 ok, 1 runtime failure, 2 usage error, 3 bad data.\n", stdout);
}

/* getopt_long wants one table: the build options, then the graph ones. */
static struct option *all_longopts(const struct option *own, size_t nown)
{
    size_t ngraph = 0;
    while (cli_graph_longopts[ngraph].name)
        ngraph++;
    struct option *all = calloc(nown + ngraph + 1, sizeof *all);
    if (all) {
        memcpy(all, own, nown * sizeof *own);
        memcpy(all + nown, cli_graph_longopts, ngraph * sizeof *all);
    }
    return all;
}

static int parse_uint(const char *arg, unsigned max, unsigned *out)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(arg, &end, 10);
    if (errno || end == arg || *end || arg[0] == '-' || v > max)
        return -1;
    *out = (unsigned)v;
    return 0;
}

static int parse_option_loop(int argc, char **argv, build_options_t *o,
                             const struct option *longopts);

/* Returns -1 to go on, or an exit code. */
static int parse_options(int argc, char **argv, build_options_t *o, int *first_input)
{
    static const struct option own[] = {
        {"dict", required_argument, NULL, 'd'},
        {"output", required_argument, NULL, 'o'},
        {"window", required_argument, NULL, 'w'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {"evidence", required_argument, NULL, OPT_EVIDENCE},
        {"date", required_argument, NULL, OPT_DATE},
    };
    memset(o, 0, sizeof *o);
    o->window = EG_WINDOW_SENTENCE;
    o->date = EG_NO_DATE;
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
    if ((code = cli_graph_options_finish(&o->graph)) != 0)
        return code;
    o->graph.network.window = o->window;
    if (optind >= argc)
        return cli_usage_error("build needs at least one INPUT (a file, a folder or -)");
    *first_input = optind;
    return -1;
}

static int parse_option_loop(int argc, char **argv, build_options_t *o,
                             const struct option *longopts)
{
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, "+:d:o:w:qh" CLI_GRAPH_SHORTOPTS, longopts,
                            NULL)) != -1) {
        switch (c) {
        case 'd':
            if (o->ndicts == MAX_LIST)
                return cli_usage_error("more than %d dictionaries", MAX_LIST);
            o->dicts[o->ndicts++] = optarg;
            break;
        case 'o':
            if (o->noutputs == MAX_LIST)
                return cli_usage_error("more than %d outputs", MAX_LIST);
            if (eg_format_from_path(optarg) == EG_FORMAT_UNKNOWN)
                return cli_usage_error("output '%s': unknown format (use .graphml or .json)",
                                       optarg);
            o->outputs[o->noutputs++] = optarg;
            break;
        case 'w':
            if (eg_window_parse(optarg, &o->window))
                return cli_usage_error("--window '%s': use sentence, paragraph or document",
                                       optarg);
            break;
        case 'q':
            o->quiet = 1;
            break;
        case 'h':
            print_build_help();
            return 0;
        case OPT_EVIDENCE:
            if (parse_uint(optarg, EG_EVIDENCE_MAX_PER_PAIR, &o->evidence))
                return cli_usage_error("--evidence '%s': use a number from 0 to %d", optarg,
                                       EG_EVIDENCE_MAX_PER_PAIR);
            break;
        case OPT_DATE:
            if (eg_date_parse(optarg, strlen(optarg), &o->date))
                return cli_usage_error("--date '%s': use an ISO-8601 date (YYYY-MM-DD)",
                                       optarg);
            break;
        case ':':
            return cli_usage_error("option '%s' needs a value", argv[optind - 1]);
        case '?':
            return cli_usage_error("unknown option '%s'", argv[optind - 1]);
        default: {
            int r = cli_graph_option(c, optarg, &o->graph);
            if (r == 1)
                return cli_usage_error("unknown option '%s'", argv[optind - 1]);
            if (r != 0)
                return r;
        }
        }
    }
    return -1;
}

/* The default output folder is created on demand; any other output
 * folder must exist. */
static void ensure_default_output_dir(const build_options_t *o)
{
    if (o->noutputs == 0)
        mkdir("out", 0777);
}

static int load_dictionaries(const build_options_t *o, eg_dict_t *dict,
                             const eg_warner_t *warn, eg_error_t *err)
{
    if (o->ndicts == 0) {
        const char *def = cli_default_dict();
        if (!def)
            return eg_error_set(err, EG_ERR_USAGE, NULL, 0,
                                "no dictionary: the shipped dict/ folder was not found; "
                                "give one with -d");
        return eg_dict_load_path(dict, def, warn, err);
    }
    for (size_t i = 0; i < o->ndicts; i++) {
        int rc = eg_dict_load_path(dict, o->dicts[i], warn, err);
        if (rc)
            return rc;
    }
    return 0;
}

typedef struct corpus_state {
    eg_buf_t raw, text;
    eg_segments_t seg;
    eg_match_scratch_t scratch;
    eg_mentions_t mentions;
} corpus_state_t;

static int count_corpus(const eg_input_list_t *inputs, const eg_matcher_t *matcher,
                        eg_cooc_t *counts, const build_options_t *o,
                        const eg_warner_t *warn, eg_error_t *err)
{
    corpus_state_t st;
    memset(&st, 0, sizeof st);
    eg_segments_init(&st.seg);
    int rc = 0;
    uint64_t doc = 0;
    for (size_t i = 0; i < inputs->n && rc == 0; i++) {
        const char *path = inputs->paths[i];
        int r = eg_input_read(path, inputs->from_folder[i], &st.raw, &st.text, warn, err);
        if (r < 0) {
            rc = r;
            break;
        }
        if (r == EG_READ_SKIPPED)
            continue;
        const char *text = st.text.data ? st.text.data : "";
        if ((rc = eg_segment(text, st.text.len, &st.seg)) != 0) {
            eg_error_set(err, rc, path, 0, "cannot segment document");
            break;
        }
        eg_doc_info_t info = {
            .index = doc++, .id = path, .date = o->date, .text = text, .len = st.text.len};
        if (eg_matcher_scan(matcher, text, &st.seg, &st.scratch, &st.mentions) ||
            eg_cooc_add_document(counts, &info, st.mentions.items, st.mentions.n,
                                 &st.seg, o->window))
            rc = eg_error_set(err, EG_ERR_RUNTIME, path, 0, "out of memory");
    }
    eg_buf_free(&st.raw);
    eg_buf_free(&st.text);
    eg_segments_free(&st.seg);
    eg_match_scratch_free(&st.scratch);
    eg_mentions_free(&st.mentions);
    return rc;
}

static int write_outputs(const igraph_t *g, eg_outfile_t *files, size_t n,
                         eg_error_t *err)
{
    for (size_t i = 0; i < n; i++) {
        eg_format_t f = eg_format_from_path(files[i].path);
        int rc = eg_export(g, f, files[i].fp, err);
        if (rc) {
            snprintf(err->file, sizeof err->file, "%s", files[i].path);
            return rc;
        }
        if ((rc = eg_outfile_commit(&files[i], err)) != 0)
            return rc;
    }
    return 0;
}

static int run(const build_options_t *o, char **inputs_argv, size_t ninputs,
               eg_outfile_t *files, eg_error_t *err)
{
    int quiet = o->quiet;
    eg_warner_t warn = cli_warner(&quiet);
    eg_input_list_t inputs = {0};
    eg_dict_t dict;
    eg_dict_init(&dict);
    eg_matcher_t *matcher = NULL;
    eg_cooc_t counts = {0};
    int have_counts = 0;
    int rc = eg_input_expand(&inputs, inputs_argv, ninputs, &warn, err);
    if (rc == 0)
        rc = load_dictionaries(o, &dict, &warn, err);
    if (rc == 0)
        rc = eg_matcher_build(&matcher, &dict, &warn, err);
    if (rc == 0) {
        eg_cooc_options_t copt = {.evidence = o->evidence};
        rc = eg_cooc_init(&counts, dict.nentities, &copt);
        have_counts = rc == 0;
        if (rc)
            eg_error_set(err, rc, NULL, 0, "out of memory");
    }
    if (rc == 0)
        rc = count_corpus(&inputs, matcher, &counts, o, &warn, err);
    if (rc == 0) {
        igraph_t g;
        rc = eg_network_build(&g, &dict, &counts, &o->graph.network, err);
        if (rc == 0) {
            rc = write_outputs(&g, files, o->noutputs ? o->noutputs : 1, err);
            igraph_destroy(&g);
        }
    }
    if (have_counts)
        eg_cooc_free(&counts);
    eg_matcher_free(matcher);
    eg_dict_free(&dict);
    eg_input_list_free(&inputs);
    return rc;
}

int cmd_build(int argc, char **argv)
{
    build_options_t o;
    int first_input = 0;
    int code = parse_options(argc, argv, &o, &first_input);
    if (code >= 0)
        return code;
    ensure_default_output_dir(&o);
    size_t nout = o.noutputs ? o.noutputs : 1;
    eg_outfile_t files[MAX_LIST];
    eg_error_t err = {0};
    int rc = 0;
    size_t opened = 0;
    for (; opened < nout && rc == 0; opened++) {
        const char *path = o.noutputs ? o.outputs[opened] : DEFAULT_OUTPUT;
        rc = eg_outfile_open(&files[opened], path, &err);
        if (rc)
            break;
    }
    if (rc == 0)
        rc = run(&o, argv + first_input, (size_t)(argc - first_input), files, &err);
    for (size_t i = 0; i < opened && i < nout; i++)
        eg_outfile_abort(&files[i]); /* no-op for committed files */
    return rc ? cli_report(&err) : 0;
}
