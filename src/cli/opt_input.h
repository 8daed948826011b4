/* opt_input.h — command-line options for reading a corpus, shared by the
 * subcommands that read one (build, count, tag): input format, JSONL
 * fields, threads, tagging rules, progress and the run summary. */
#ifndef EG_OPT_INPUT_H
#define EG_OPT_INPUT_H

#include "../ingest/eg_source.h"

#include <getopt.h>
#include <stdio.h>

#define CLI_INPUT_OPT_BASE 2000
#define CLI_INPUT_SHORTOPTS "j:"

/* --include GLOB and --exclude GLOB: the option codes, for the commands
 * with a parser of their own (tag, dict suggest) to list in their tables
 * and hand to cli_select_option. */
enum { CLI_OPT_INCLUDE = CLI_INPUT_OPT_BASE + 100, CLI_OPT_EXCLUDE };
#define CLI_SELECT_LONGOPTS                                       \
    {"include", required_argument, NULL, CLI_OPT_INCLUDE},        \
        {"exclude", required_argument, NULL, CLI_OPT_EXCLUDE}

/* 0 handled, 1 not --include/--exclude, or exit code 2 after a message
 * (a malformed pattern, more than EG_INPUT_MAX_PATTERNS). */
int cli_select_option(int code, const char *arg, eg_input_select_t *sel);

/* The help lines of --include and --exclude. */
void cli_select_help(FILE *out);

/* --input, --text-field, --id-field, --date-field, --strict-dates,
 * --skip-bad: how
 * documents are read, for the commands with a parser of their own (tag,
 * dict suggest) as for build and count. */
enum {
    CLI_OPT_INPUT = CLI_INPUT_OPT_BASE + 110,
    CLI_OPT_TEXT_FIELD,
    CLI_OPT_ID_FIELD,
    CLI_OPT_DATE_FIELD,
    CLI_OPT_STRICT_DATES,
    CLI_OPT_SKIP_BAD,
};
#define CLI_SOURCE_LONGOPTS                                                    \
    {"input", required_argument, NULL, CLI_OPT_INPUT},                         \
        {"text-field", required_argument, NULL, CLI_OPT_TEXT_FIELD},           \
        {"id-field", required_argument, NULL, CLI_OPT_ID_FIELD},               \
        {"date-field", required_argument, NULL, CLI_OPT_DATE_FIELD},           \
        {"strict-dates", no_argument, NULL, CLI_OPT_STRICT_DATES},             \
        {"skip-bad", no_argument, NULL, CLI_OPT_SKIP_BAD}

/* 0 handled, 1 not one of these, or exit code 2 after a message. */
int cli_source_option(int code, const char *arg, eg_source_options_t *src);

/* Their help lines. */
void cli_source_help(FILE *out);

/* cli_select_option, then cli_source_option: the corpus options every
 * command that reads one takes. 0 handled, 1 neither, or exit code 2
 * after a message. */
int cli_corpus_option(int code, const char *arg, eg_input_select_t *sel,
                      eg_source_options_t *src);

typedef struct cli_input_options {
    eg_source_options_t source;
    eg_input_select_t select; /* --include, --exclude */
    unsigned jobs;          /* default: the number of online cores */
    unsigned rules;         /* eg_tagger_resolve rules */
    int progress;           /* -1 auto (a terminal and not -q), 0 off, 1 on */
    const char *stats_path; /* --stats FILE, or NULL */
    unsigned max_window_entities; /* --max-window-entities N (0 = no cap) */
    const char *date_from_name;   /* --date-from-name REGEX (checked), or NULL */
} cli_input_options_t;

extern const struct option cli_input_longopts[];

void cli_input_options_init(cli_input_options_t *o);

/* 0 handled, 1 not an input option, or exit code 2 after a message. */
int cli_input_option(int code, const char *arg, cli_input_options_t *o);

void cli_input_help(FILE *out);

#endif
