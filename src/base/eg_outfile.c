/* eg_outfile.c — temp file + fsync + rename; see eg_outfile.h.
 *
 * The registry of temp paths is a fixed array of static buffers so that a
 * signal handler can walk it and call unlink() without touching malloc.
 * A temp file must never exist unregistered: a signal taken between
 * mkstemp() and registry_add() would leave it behind (and a signal is
 * most often taken just there, on the return from mkstemp's open()
 * system call). So the asynchronous signals are blocked from before the
 * file is created until it is registered, and from before it is renamed
 * or removed until it is unregistered; one that comes meanwhile is taken
 * when they are unblocked, with the registry in order. */
#include "eg_outfile.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define EG_MAX_OPEN_OUTPUTS 64

static char g_temp_paths[EG_MAX_OPEN_OUTPUTS][4096];
static volatile sig_atomic_t g_temp_used[EG_MAX_OPEN_OUTPUTS];

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

static int registry_add(const char *tmp)
{
    for (int i = 0; i < EG_MAX_OPEN_OUTPUTS; i++) {
        if (!g_temp_used[i]) {
            snprintf(g_temp_paths[i], sizeof g_temp_paths[i], "%s", tmp);
            g_temp_used[i] = 1;
            return i;
        }
    }
    return -1;
}

static void registry_remove(int slot)
{
    if (slot >= 0)
        g_temp_used[slot] = 0;
}

void eg_outfile_remove_all_temps(void)
{
    for (int i = 0; i < EG_MAX_OPEN_OUTPUTS; i++)
        if (g_temp_used[i])
            unlink(g_temp_paths[i]);
}

int eg_outfile_open(eg_outfile_t *f, const char *path, eg_error_t *err)
{
    memset(f, 0, sizeof *f);
    f->slot = -1;
    if (strlen(path) + 32 >= sizeof f->path)
        return eg_error_set(err, EG_ERR_RUNTIME, path, 0, "output path too long");
    snprintf(f->path, sizeof f->path, "%s", path);

    const char *slash = strrchr(path, '/');
    int dir_len = slash ? (int)(slash - path + 1) : 0;
    snprintf(f->tmp_path, sizeof f->tmp_path, "%.*s.%s.tmp.XXXXXX", dir_len,
             path, path + dir_len);
    sigset_t old;
    block_signals(&old);
    int fd = mkstemp(f->tmp_path);
    int e = errno;
    if (fd >= 0)
        f->slot = registry_add(f->tmp_path);
    unblock_signals(&old);
    if (fd < 0) {
        f->tmp_path[0] = '\0';
        return eg_error_set(err, EG_ERR_RUNTIME, path, 0,
                            "cannot write output: %s", strerror(e));
    }
    /* mkstemp creates 0600; give the output the usual umask-based mode. */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    f->fp = fdopen(fd, "w");
    if (!f->fp) {
        e = errno;
        close(fd);
        eg_outfile_abort(f);
        return eg_error_set(err, EG_ERR_RUNTIME, path, 0,
                            "cannot write output: %s", strerror(e));
    }
    return 0;
}

int eg_outfile_commit(eg_outfile_t *f, eg_error_t *err)
{
    if (!f->fp)
        return eg_error_set(err, EG_ERR_RUNTIME, f->path, 0,
                            "output was not open");
    int failed = ferror(f->fp) || fflush(f->fp) != 0;
    int e = errno;
    if (!failed && fsync(fileno(f->fp)) != 0 && errno != EINVAL) {
        failed = 1;
        e = errno;
    }
    if (fclose(f->fp) != 0 && !failed) {
        failed = 1;
        e = errno;
    }
    f->fp = NULL;
    sigset_t old;
    block_signals(&old);
    if (!failed && rename(f->tmp_path, f->path) != 0) {
        failed = 1;
        e = errno;
    }
    if (failed)
        unlink(f->tmp_path);
    registry_remove(f->slot);
    unblock_signals(&old);
    f->slot = -1;
    f->tmp_path[0] = '\0';
    if (failed)
        return eg_error_set(err, EG_ERR_RUNTIME, f->path, 0,
                            "cannot write output: %s",
                            e ? strerror(e) : "write error");
    return 0;
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
    registry_remove(f->slot);
    unblock_signals(&old);
    f->slot = -1;
}
