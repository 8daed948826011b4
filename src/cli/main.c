/* main.c — subcommand dispatch. Everything else lives in cmd_*.c and in
 * the library modules; this file only routes. */
#include "../graph/eg_network.h"
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/xmlerror.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void print_help(FILE *out)
{
    fputs("usage: entgraph COMMAND [options] INPUT...\n"
          "       entgraph --version | --help\n"
          "\n"
          "Turn a corpus of text into a network of the people, places and\n"
          "organisations it mentions.\n"
          "\n"
          "commands:\n"
          "  build    corpus -> graph file(s): GraphML, GEXF, JSON (node-link,\n"
          "           graphology, cytoscape, vosviewer), CSV, an HTML page\n"
          "  tag      corpus -> mentions (JSON lines, or CoNLL for evaluation)\n"
          "  dict     check, stats, lookup, suggest: inspect and grow dictionaries\n"
          "  count    corpus -> partial counts (a shard), the map step\n"
          "  merge    partial counts -> graph file(s), the reduce step\n"
          "\n"
          "  -h, --help       this help\n"
          "  -V, --version    the version\n"
          "\n"
          "Run 'entgraph COMMAND --help' for the options.\n"
          "Exit codes: 0 ok, 1 runtime failure, 2 usage error, 3 bad data.\n",
          out);
}

/* igraph's PageRank (PRPACK) runs OpenMP loops whose floating-point sums
 * depend on the number of OpenMP threads, which would make outputs
 * differ in the last digits between machines and runs. One OpenMP thread
 * keeps them byte-identical; our own threads (-j) do the parallel work.
 * Weak, so the program does not depend on libgomp being linked. */
extern void omp_set_num_threads(int) __attribute__((weak));

static void xml_silent(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

/* Started with standard input, output or error closed (`2>&-`), the
 * first file opened would take that descriptor: warnings would go into
 * an output's temp file, `-` would read one. /dev/null takes their place
 * first, opened so that a closed stream stays unusable: standard input
 * write-only and standard output read-only (reading `-` or writing the
 * result to standard output fails with exit 1 as before, instead of
 * silently reading nothing or losing the result), standard error
 * write-only (messages are discarded: nobody would see them). Returns 0,
 * or -1 when /dev/null cannot be opened. */
static int open_closed_standard_fds(void)
{
    static const int modes[3] = {O_WRONLY, O_RDONLY, O_WRONLY};
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
            continue;
        int got = open("/dev/null", modes[fd]);
        if (got != fd) { /* the lowest free descriptor: fd, unless it failed */
            if (got >= 0)
                close(got);
            return -1;
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (open_closed_standard_fds() != 0)
        return 1;
    if (omp_set_num_threads)
        omp_set_num_threads(1);
    eg_igraph_setup();
    /* libxml2 would print "I/O error : write error" itself on a full disk;
     * the writers report the failure as the one error line. */
    xmlSetGenericErrorFunc(NULL, xml_silent);
    cli_install_signal_handlers();
    if (argc < 2) {
        print_help(stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        print_help(stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("entgraph %s\n", EG_VERSION);
        return 0;
    }
    int (*run)(int, char **) = NULL;
    if (strcmp(cmd, "build") == 0)
        run = cmd_build;
    if (strcmp(cmd, "tag") == 0)
        run = cmd_tag;
    if (strcmp(cmd, "dict") == 0)
        run = cmd_dict;
    if (strcmp(cmd, "count") == 0)
        run = cmd_count;
    if (strcmp(cmd, "merge") == 0)
        run = cmd_merge;
    if (!run)
        return cli_usage_error("unknown command '%s'", cmd);
    int code = run(argc - 1, argv + 1);
    cli_warnings_summary();
    return code;
}
