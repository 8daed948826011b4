/* eg_igraph.h — igraph set up the way entgraph needs it.
 *
 * eg_igraph_setup() must run once before any igraph call: it installs the
 * C attribute handler and an error handler that records the message and
 * returns instead of aborting the process (igraph's default); the
 * message is then eg_igraph_last_error() on the thread that failed.
 */
#ifndef EG_IGRAPH_H
#define EG_IGRAPH_H

void eg_igraph_setup(void);

/* The message of igraph's last error on this thread ("" when none). */
const char *eg_igraph_last_error(void);

#endif
