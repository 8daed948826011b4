/* eg_outfile.c — temp file + fsync + rename; see eg_outfile.h.
 *
 * The registry of temp files is a list linked through the eg_outfile_t
 * structures, so that a signal handler can walk it and call unlink()
 * without touching malloc, and a run can hold as many outputs as it
 * names. A temp file must never exist unregistered: a signal taken
 * between mkstemp() and the registration would leave it behind (and a
 * signal is most often taken just there, on the return from mkstemp's
 * open() system call). So the asynchronous signals are blocked from
 * before the file is created until it is registered, and from before a
 * set is renamed or a file removed until it is unregistered; one that
 * comes meanwhile is taken when they are unblocked, with the registry in
 * order. */
#include "eg_outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static eg_outfile_t *volatile g_temps; /* the registry's first file */

/* Block the signals that end the run (a handler or the default action)
 * in this thread; restore with unblock_signals(old). Synchronous signals
 * (SIGSEGV...) stay deliverable. */
static void block_signals(sigset_t *old)
{
    sigset_t set;
    sigfillset(&set);
    sigdelset(&set, SIGSEGV);
    sigdelset(&set, SIGBUS);
    sigdelset(&set, SIGFPE);
    sigdelset(&set, SIGILL);
    sigdelset(&set, SIGTRAP);
    sigdelset(&set, SIGABRT);
    pthread_sigmask(SIG_BLOCK, &set, old);
}

static void unblock_signals(const sigset_t *old)
{
    pthread_sigmask(SIG_SETMASK, old, NULL);
}

/* Both with the signals blocked. */
static void registry_add(eg_outfile_t *f)
{
    f->prev = NULL;
    f->next = g_temps;
    if (g_temps)
        g_temps->prev = f;
    g_temps = f;
    f->registered = 1;
}

static void registry_remove(eg_outfile_t *f)
{
    if (!f->registered)
        return;
    if (f->prev)
        f->prev->next = f->next;
    else
        g_temps = f->next;
    if (f->next)
        f->next->prev = f->prev;
    f->prev = f->next = NULL;
    f->registered = 0;
}

void eg_outfile_remove_all_temps(void)
{
    for (eg_outfile_t *f = g_temps; f; f = f->next)
        unlink(f->tmp_path);
}

static int open_failed(eg_outfile_t *f, int e, eg_error_t *err)
{
    return eg_error_set(err, EG_ERR_RUNTIME, f->path, 0, "cannot write output: %s",
                        strerror(e));
}

/* A target that is a device, FIFO or socket: written where it is. */
static int open_in_place(eg_outfile_t *f, eg_error_t *err)
{
    int fd = open(f->path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return open_failed(f, errno, err);
    if (!(f->fp = fdopen(fd, "w"))) {
        int e = errno;
        close(fd);
        return open_failed(f, e, err);
    }
    f->in_place = 1;
    return 0;
}

/* The mode of the new file: the previous file's, else 0666 minus umask. */
static void set_mode(int fd, const struct stat *prev)
{
    if (prev) {
        if (fchown(fd, prev->st_uid, prev->st_gid) != 0) {
            /* not allowed (not root, not a member of the group): keep ours */
        }
        fchmod(fd, prev->st_mode & 07777);
        return;
    }
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
}

int eg_outfile_open(eg_outfile_t *f, const char *path, eg_error_t *err)
{
    memset(f, 0, sizeof *f);
    if (strlen(path) + 32 >= sizeof f->path)
        return eg_error_set(err, EG_ERR_RUNTIME, path, 0, "output path too long");
    snprintf(f->path, sizeof f->path, "%s", path);

    struct stat st;
    int exists = stat(path, &st) == 0;
    if (exists && S_ISDIR(st.st_mode))
        return open_failed(f, EISDIR, err);
    if (exists && !S_ISREG(st.st_mode))
        return open_in_place(f, err);

    const char *slash = strrchr(path, '/');
    int dir_len = slash ? (int)(slash - path + 1) : 0;
    snprintf(f->tmp_path, sizeof f->tmp_path, "%.*s.%s.tmp.XXXXXX", dir_len, path,
             path + dir_len);
    sigset_t old;
    block_signals(&old);
    int fd = mkstemp(f->tmp_path);
    int e = errno;
    if (fd >= 0)
        registry_add(f);
    unblock_signals(&old);
    if (fd < 0) {
        f->tmp_path[0] = '\0';
        return open_failed(f, e, err);
    }
    set_mode(fd, exists ? &st : NULL); /* mkstemp creates 0600 */
    f->fp = fdopen(fd, "w");
    if (!f->fp) {
        e = errno;
        close(fd);
        eg_outfile_abort(f);
        return open_failed(f, e, err);
    }
    return 0;
}

/* Flush, sync and close f; 0 or the errno of the failure (-1: a write
 * error without one). */
static int finish(eg_outfile_t *f)
{
    int e = 0;
    if (ferror(f->fp) || fflush(f->fp) != 0)
        e = errno ? errno : -1;
    if (!e && !f->in_place && fsync(fileno(f->fp)) != 0 && errno != EINVAL)
        e = errno;
    if (fclose(f->fp) != 0 && !e)
        e = errno ? errno : -1;
    f->fp = NULL;
    return e;
}

static int commit_failed(const eg_outfile_t *f, int e, eg_error_t *err)
{
    return eg_error_set(err, EG_ERR_RUNTIME, f->path, 0, "cannot write output: %s",
                        e > 0 ? strerror(e) : "write error");
}

static void abort_all(eg_outfile_t *const *files, size_t n)
{
    for (size_t i = 0; i < n; i++)
        eg_outfile_abort(files[i]);
}

int eg_outfile_commit_all(eg_outfile_t *const *files, size_t n, eg_error_t *err)
{
    for (size_t i = 0; i < n; i++)
        if (!files[i]->fp) {
            int rc = eg_error_set(err, EG_ERR_RUNTIME, files[i]->path, 0,
                                  "output was not open");
            abort_all(files, n);
            return rc;
        }
    for (size_t i = 0; i < n; i++) {
        int e = finish(files[i]);
        if (e) {
            int rc = commit_failed(files[i], e, err);
            abort_all(files, n);
            return rc;
        }
    }
    int rc = 0;
    sigset_t old;
    block_signals(&old);
    for (size_t i = 0; i < n; i++) {
        eg_outfile_t *f = files[i];
        if (!f->tmp_path[0])
            continue;
        if (rc == 0 && rename(f->tmp_path, f->path) != 0)
            rc = commit_failed(f, errno, err);
        if (rc) /* this rename failed, or one before it: drop the temp */
            unlink(f->tmp_path);
        registry_remove(f);
        f->tmp_path[0] = '\0';
    }
    unblock_signals(&old);
    return rc;
}

int eg_outfile_commit(eg_outfile_t *f, eg_error_t *err)
{
    return eg_outfile_commit_all(&f, 1, err);
}

void eg_outfile_abort(eg_outfile_t *f)
{
    if (f->fp) {
        fclose(f->fp);
        f->fp = NULL;
    }
    sigset_t old;
    block_signals(&old);
    if (f->tmp_path[0]) {
        unlink(f->tmp_path);
        f->tmp_path[0] = '\0';
    }
    registry_remove(f);
    unblock_signals(&old);
}
