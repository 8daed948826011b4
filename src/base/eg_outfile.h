/* eg_outfile.h — atomic output files: temp file + rename.
 *
 * A graph file is written to a hidden temporary file beside its target
 * (same directory, so rename() is atomic) and renamed over the target only
 * when everything was written and flushed. A failed or interrupted run
 * therefore never leaves a half-written output and never destroys the
 * previous one. Open temp files are remembered so that a signal handler
 * can remove them (eg_outfile_remove_all_temps is async-signal-safe); the
 * signals are blocked in the calling thread while a temp file is created
 * and registered, and while it is renamed or removed and unregistered, so
 * no signal finds a temp file that is not in the registry. Not
 * thread-safe: open, commit and abort from one thread while no other
 * thread that may take the signals runs.
 */
#ifndef EG_OUTFILE_H
#define EG_OUTFILE_H

#include "eg_error.h"

#include <stdio.h>

typedef struct eg_outfile {
    FILE *fp;            /* write here between open and commit/abort */
    char path[4096];     /* the final path */
    char tmp_path[4096]; /* the temporary file */
    int slot;            /* index in the temp registry, -1 when none */
} eg_outfile_t;

/* Create the temporary file for path. On failure (missing or read-only
 * directory...) returns EG_ERR_RUNTIME with err naming path. */
int eg_outfile_open(eg_outfile_t *f, const char *path, eg_error_t *err);

/* Flush, sync, close and rename over the final path. On any failure the
 * temp file is removed, the previous output is untouched, and
 * EG_ERR_RUNTIME is returned. */
int eg_outfile_commit(eg_outfile_t *f, eg_error_t *err);

/* Close and remove the temp file; the final path is untouched. Safe to
 * call on a file that is already committed or aborted. */
void eg_outfile_abort(eg_outfile_t *f);

/* Unlink every temp file still open; for signal handlers. */
void eg_outfile_remove_all_temps(void);

#endif
