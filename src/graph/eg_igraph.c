/* eg_igraph.c — igraph's handlers; see eg_igraph.h. */
#include "eg_igraph.h"

#include <igraph.h>
#include <stdio.h>

static _Thread_local char g_last_error[512];

static void record_error(const char *reason, const char *file, int line,
                         igraph_error_t code)
{
    snprintf(g_last_error, sizeof g_last_error, "%s (%s, igraph %s:%d)", reason,
             igraph_strerror(code), file, line);
    IGRAPH_FINALLY_FREE();
}

static void ignore_warning(const char *reason, const char *file, int line)
{
    (void)reason;
    (void)file;
    (void)line;
}

void eg_igraph_setup(void)
{
    igraph_set_attribute_table(&igraph_cattribute_table);
    igraph_set_error_handler(record_error);
    igraph_set_warning_handler(ignore_warning);
}

const char *eg_igraph_last_error(void)
{
    return g_last_error;
}
