/* eg_outfile.h — atomic output files: temp file + rename, one file or a
 * whole set.
 *
 * A graph file is written to a hidden temporary file beside its target
 * (same directory, so rename() is atomic) and renamed over the target only
 * when everything was written and flushed. A failed or interrupted run
 * therefore never leaves a half-written output and never destroys the
 * previous one. The outputs of one run are committed as a set
 * (eg_outfile_commit_all): every file is written and flushed before the
 * first is renamed, so a failure leaves all the previous files in place.
 *
 * A target that exists and is not a regular file (a character device such
 * as /dev/null, a FIFO, a socket) is opened and written in place, never
 * replaced: its reader gets the data, the node stays. A regular target
 * keeps its permission bits (and, where allowed, its owner and group);
 * a new file gets 0666 minus the umask. A folder is refused at open.
 *
 * Open temp files are remembered so that a signal handler can remove them
 * (eg_outfile_remove_all_temps is async-signal-safe). The registry links
 * the eg_outfile_t structures themselves, so it holds any number of files
 * without allocating; an eg_outfile_t must therefore stay at its address
 * from open until commit or abort. The signals are blocked in the calling
 * thread while a temp file is created and registered, and while it is
 * renamed or removed and unregistered, so no signal finds a temp file that
 * is not in the registry, nor a set renamed in part. Not thread-safe:
 * open, commit and abort from one thread while no other thread that may
 * take the signals runs.
 */
#ifndef EG_OUTFILE_H
#define EG_OUTFILE_H

#include "eg_error.h"

#include <stddef.h>
#include <stdio.h>

typedef struct eg_outfile {
    FILE *fp;            /* write here between open and commit/abort */
    char path[4096];     /* the final path */
    char tmp_path[4096]; /* the temporary file; "" when none */
    int in_place;        /* the target is not a regular file: written directly */
    int registered;      /* in the temp registry */
    struct eg_outfile *prev, *next; /* the temp registry */
} eg_outfile_t;

/* Create the temporary file for path (or open path itself when it is a
 * device, FIFO or socket). On failure (missing or read-only directory, a
 * folder at path...) returns EG_ERR_RUNTIME with err naming path. */
int eg_outfile_open(eg_outfile_t *f, const char *path, eg_error_t *err);

/* Flush, sync, close and rename over the final path. On any failure the
 * temp file is removed, the previous output is untouched, and
 * EG_ERR_RUNTIME is returned. Same as eg_outfile_commit_all(&f, 1, err). */
int eg_outfile_commit(eg_outfile_t *f, eg_error_t *err);

/* Commit n open files as a set: flush, sync and close every one, and only
 * when all of them succeeded rename them all (with the signals blocked).
 * On a failure before the renames every temp file is removed and every
 * previous output is untouched; err names the file that failed. (A rename
 * itself failing — rare once the temp file exists beside its target —
 * leaves the files renamed before it in place.) Files written in place
 * hold what was written either way. */
int eg_outfile_commit_all(eg_outfile_t *const *files, size_t n, eg_error_t *err);

/* Close and remove the temp file; the final path is untouched. Safe to
 * call on a file that is already committed or aborted. */
void eg_outfile_abort(eg_outfile_t *f);

/* Unlink every temp file still open; for signal handlers. */
void eg_outfile_remove_all_temps(void);

#endif
