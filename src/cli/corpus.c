/* corpus.c — dictionaries, counting with a progress bar, run summary;
 * see corpus.h. The progress bar is drawn on stderr from the reading
 * thread, over one line (\r), and erased at the end. */
#include "corpus.h"

#include "../graph/eg_columns.h"
#include "../ingest/eg_namedate.h"
#include "cli.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

double cli_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void cli_corpus_init(cli_corpus_t *c)
{
    memset(c, 0, sizeof *c);
    eg_dict_init(&c->dict);
    eg_patterns_init(&c->patterns);
}

void cli_corpus_free(cli_corpus_t *c)
{
    if (c->have_counts)
        eg_cooc_free(&c->counts);
    eg_matcher_free(c->matcher);
    eg_registry_free(c->found);
    eg_patterns_free(&c->patterns);
    eg_dict_free(&c->dict);
    eg_input_list_free(&c->inputs);
    memset(c, 0, sizeof *c);
}

int cli_corpus_load(cli_corpus_t *c, const cli_dicts_t *dicts, const eg_warner_t *warn,
                    eg_error_t *err)
{
    double t0 = cli_seconds();
    int rc = cli_load_dicts(dicts, &c->dict, warn, err);
    if (rc == 0) { /* a bad typed column fails now, not after the corpus */
        eg_columns_t cols;
        rc = eg_columns_plan(&cols, &c->dict, err);
        eg_columns_free(&cols);
    }
    if (rc == 0)
        rc = cli_load_patterns(dicts, &c->patterns, err);
    if (rc == 0)
        rc = eg_matcher_build(&c->matcher, &c->dict, warn, err);
    if (rc == 0 && !(c->found = eg_registry_new(&c->dict)))
        rc = eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
    c->seconds_dict = cli_seconds() - t0;
    return rc;
}

/* ---- progress bar ---- */

static void human_bytes(char *out, size_t n, double bytes)
{
    const char *unit[] = {"B", "kB", "MB", "GB", "TB"};
    int u = 0;
    while (bytes >= 1000 && u < 4)
        bytes /= 1000, u++;
    snprintf(out, n, u ? "%.1f %s" : "%.0f %s", bytes, unit[u]);
}

static void draw_progress(void *ctx, const eg_corpus_progress_t *p, int done)
{
    (void)ctx;
    char doneb[32], totalb[32], line[160];
    human_bytes(doneb, sizeof doneb, (double)p->input_bytes_done);
    double rate = p->seconds > 0 ? p->input_bytes_done / 1e6 / p->seconds : 0;
    if (done) {
        fputs("\r\033[K", stderr); /* erase the bar */
        return;
    }
    if (p->input_bytes_total) {
        human_bytes(totalb, sizeof totalb, (double)p->input_bytes_total);
        double frac = (double)p->input_bytes_done / (double)p->input_bytes_total;
        if (frac > 1)
            frac = 1;
        char bar[21];
        int fill = (int)(frac * 20);
        for (int i = 0; i < 20; i++)
            bar[i] = i < fill ? '#' : '.';
        bar[20] = '\0';
        double eta = rate > 0 ? (p->input_bytes_total - p->input_bytes_done) / 1e6 / rate : 0;
        snprintf(line, sizeof line,
                 "[%s] %3.0f%%  %s / %s  %llu docs  %.1f MB/s  ETA %.0fs", bar, frac * 100,
                 doneb, totalb, (unsigned long long)p->documents, rate, eta);
    } else {
        snprintf(line, sizeof line, "%s  %llu docs  %.1f MB/s", doneb,
                 (unsigned long long)p->documents, rate);
    }
    fprintf(stderr, "\r\033[K%s", line);
    fflush(stderr);
}

int cli_corpus_count(cli_corpus_t *c, char *const *inputs, size_t ninputs,
                     const cli_input_options_t *in, eg_window_t window,
                     const eg_cooc_options_t *counting, int quiet, const eg_warner_t *warn,
                     eg_error_t *err)
{
    int rc = eg_input_expand_select(&c->inputs, inputs, ninputs, &in->select, warn, err);
    if (rc)
        return rc;
    eg_cooc_options_t copt = *counting;
    copt.max_window_entities = in->max_window_entities;
    if (eg_cooc_init(&c->counts, c->dict.nentities, &copt))
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
    c->have_counts = 1;
    eg_namedate_t *name_date = NULL;
    if (in->date_from_name &&
        (rc = eg_namedate_compile(&name_date, in->date_from_name, err)) != 0)
        return rc;
    eg_source_options_t sopt = in->source;
    sopt.date_from_name = name_date;
    eg_source_t *src = NULL;
    if ((rc = eg_source_open(&src, &c->inputs, &sopt, warn, err)) != 0) {
        eg_namedate_free(name_date);
        return rc;
    }
    int show = in->progress == 1 || (in->progress == -1 && !quiet && isatty(2));
    eg_corpus_options_t copts = {
        .jobs = in->jobs,
        .window = window,
        .registry = c->found,
        .progress = show ? draw_progress : NULL,
    };
    eg_tagger_t tagger;
    eg_tagger_init(&tagger, c->matcher, &c->patterns, in->rules);
    double t0 = cli_seconds();
    rc = eg_corpus_count(src, &tagger, &c->counts, &copts, &c->stats, err);
    if (rc == 0)
        rc = cli_corpus_settle(c, err);
    c->seconds_count = cli_seconds() - t0;
    c->input_bytes = eg_source_bytes_done(src);
    if (show && rc)
        fputs("\n", stderr);
    eg_source_close(src);
    eg_namedate_free(name_date);
    if (rc == 0 && c->counts.capped_windows)
        eg_warn(warn, NULL, 0,
                "%llu window(s) with more than %u entities: only the pairs of their %u most "
                "mentioned were counted (--max-window-entities)",
                (unsigned long long)c->counts.capped_windows, in->max_window_entities,
                in->max_window_entities);
    if (rc == 0 && c->counts.unbroken_documents)
        eg_warn(warn, c->counts.unbroken_id, 0,
                "no paragraph break in %llu document(s) of more than %d bytes (this is the "
                "first): their paragraph window is the whole document; use --paragraphs "
                "line if a line break ends a paragraph, or another --window",
                (unsigned long long)c->counts.unbroken_documents, EG_COOC_UNBROKEN_BYTES);
    if (rc == 0 && c->stats.skipped)
        eg_warn(warn, NULL, 0, "%llu malformed record(s) skipped",
                (unsigned long long)c->stats.skipped);
    return rc;
}

int cli_corpus_settle(cli_corpus_t *c, eg_error_t *err)
{
    if (!c->found || eg_registry_count(c->found) == 0)
        return 0;
    uint32_t *map = NULL;
    size_t n = 0;
    int rc = eg_registry_finish(c->found, &c->dict, &map, &n);
    if (rc == 0)
        rc = eg_cooc_remap(&c->counts, map, c->dict.nentities);
    free(map);
    (void)n;
    return rc ? eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory") : 0;
}

/* ---- --stats ---- */

int cli_write_stats(FILE *fp, const char *path, const cli_corpus_t *c, long long nodes,
                    long long edges, double seconds_graph, double seconds_write,
                    eg_error_t *err)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    json_t *root = json_pack(
        "{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:{s:f, s:f, s:f, s:f}, s:I}",
        "documents", (json_int_t)c->stats.documents, "skipped",
        (json_int_t)c->stats.skipped, "input_bytes", (json_int_t)c->input_bytes,
        "text_bytes", (json_int_t)c->stats.text_bytes, "mentions",
        (json_int_t)c->stats.mentions, "dictionary_entities", (json_int_t)c->dict.nentities,
        "nodes", (json_int_t)nodes, "edges", (json_int_t)edges, "capped_windows",
        (json_int_t)c->counts.capped_windows, "seconds", "dictionary",
        c->seconds_dict, "count", c->seconds_count, "graph", seconds_graph, "write",
        seconds_write, "peak_rss_kb", (json_int_t)ru.ru_maxrss);
    if (!root)
        return eg_error_set(err, EG_ERR_RUNTIME, path, 0, "out of memory");
    int rc = 0;
    if (json_dumpf(root, fp, JSON_INDENT(1) | JSON_PRESERVE_ORDER) || fputc('\n', fp) < 0)
        rc = eg_error_set(err, EG_ERR_RUNTIME, path, 0, "cannot write the summary");
    json_decref(root);
    return rc;
}
