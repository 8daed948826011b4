/* cli.h — what the subcommands share: reporting to the user, the
 * default dictionary, and the exit codes (the negated eg_status). */
#ifndef EG_CLI_H
#define EG_CLI_H

#include "../base/eg_error.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define EG_VERSION "0.1.0"

#define EG_STR_(x) #x
#define EG_STR(x) EG_STR_(x)

/* fprintf with every control character of the result escaped except a
 * final newline: \n \r \t as such, the other C0 characters and DEL as
 * \xNN, the C1 controls (U+0080-U+009F) as \uNNNN. File names, ids and
 * forms reach messages through it, so none can print a second line (a
 * forged "entgraph: ..." message) or send the terminal an escape
 * sequence. */
void cli_printf(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A whole number 0..max in decimal digits only: no sign, no white space,
 * nothing after it ("7"; not " 7", "+7", "7x" or ""). 0, or -1. Every
 * numeric option is read with it. */
int cli_parse_count(const char *arg, uint64_t max, uint64_t *out);

/* Print "entgraph: FILE:LINE: text" on stderr; return the exit code. */
int cli_report(const eg_error_t *err);

/* Print a usage problem and the hint to run --help; return 2. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The warning sink for library code: prints "entgraph: warning: ..." on
 * stderr unless quiet. */
eg_warner_t cli_warner(const int *quiet);

/* After a command: say how many warnings were left out (the first 20
 * are printed). */
void cli_warnings_summary(void);

/* The default dictionary: $ENTGRAPH_DICT when set, else the folder
 * shipped with the program: dict/ beside the binary (a build tree), or
 * PREFIX/share/entgraph/dict (an install). NULL when none exists. */
const char *cli_default_dict(void);

/* Remove open temp outputs and exit 128+signal on SIGINT/SIGTERM. */
void cli_install_signal_handlers(void);

/* The dictionaries of a run: the default one (cli_default_dict) unless
 * --no-default-dict, then every -d PATH in order, so -d adds to the
 * default (its rows merge into the default's by id, see eg_dict.h). A
 * path that names the same file or folder as one before it (-d dict
 * beside the default) is loaded once. Every command that reads a
 * dictionary fills one with cli_dicts_add and its --no-default-dict. */
#define CLI_MAX_DICTS 64
typedef struct cli_dicts {
    const char *paths[CLI_MAX_DICTS]; /* the -d options */
    size_t n;
    int no_default; /* --no-default-dict */
} cli_dicts_t;

/* Add a -d PATH: -1 to go on, or exit code 2 past CLI_MAX_DICTS. */
int cli_dicts_add(cli_dicts_t *d, const char *path);

/* The help lines of -d and --no-default-dict, indented to column col. */
void cli_dicts_help(FILE *out, int col);

/* Load the dictionaries of d in order (EG_ERR_USAGE when the default is
 * wanted and cannot be found, or when --no-default-dict comes without
 * -d). */
struct eg_dict;
int cli_load_dicts(const cli_dicts_t *d, struct eg_dict *dict, const eg_warner_t *warn,
                   eg_error_t *err);

/* Load the patterns files of the same dictionaries (patterns*.tsv, or a
 * folder's patterns.tsv). */
struct eg_patterns;
int cli_load_patterns(const cli_dicts_t *d, struct eg_patterns *pats, eg_error_t *err);

/* Warn about each type of the --types list that no entity of d has and
 * that discovery does not give (person, place, organisation): a typo
 * would otherwise leave an empty graph without a word. */
void cli_types_check(const char *types, const struct eg_dict *d, const eg_warner_t *warn);

/* Run `write` into the one output a command writes: standard output when
 * path is NULL or "-" (flushed, "cannot write WHAT" if that fails), else
 * a file written atomically (eg_outfile). Returns the exit code, the
 * error reported. */
typedef int (*cli_writer_fn)(void *ctx, FILE *fp, eg_error_t *err);
int cli_write_output(const char *path, const char *what, cli_writer_fn write, void *ctx);

int cmd_build(int argc, char **argv);
int cmd_tag(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_dict_suggest(int argc, char **argv); /* argv[0] is "suggest" */
int cmd_count(int argc, char **argv);
int cmd_merge(int argc, char **argv);

#endif
