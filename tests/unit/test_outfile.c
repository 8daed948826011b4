/* test_outfile.c — atomic outputs: the final path holds either the old
 * file or the complete new one, and no temporary file is left behind.
 * Each test works in a fresh temporary folder. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/eg_error.h"
#include "base/eg_outfile.h"

static char g_dir[256];
static char g_path[512];

static int setup(void **state)
{
    (void)state;
    snprintf(g_dir, sizeof g_dir, "%s/eg_outfile_XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(g_dir))
        return -1;
    snprintf(g_path, sizeof g_path, "%s/graph.json", g_dir);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    DIR *d = opendir(g_dir);
    if (d) {
        struct dirent *e;
        char p[1024];
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            snprintf(p, sizeof p, "%s/%s", g_dir, e->d_name);
            unlink(p);
        }
        closedir(d);
    }
    rmdir(g_dir);
    return 0;
}

/* Number of entries in the test folder (excluding . and ..). */
static int entries(void)
{
    DIR *d = opendir(g_dir);
    assert_non_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

static void write_file(const char *path, const char *content)
{
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(content, fp);
    fclose(fp);
}

static void assert_file_holds(const char *path, const char *want)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        fail_msg("cannot open %s", path);
    char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    buf[n] = '\0';
    fclose(fp);
    assert_string_equal(buf, want);
}

static void test_commit_writes_the_final_file(void **state)
{
    (void)state;
    eg_outfile_t f;
    eg_error_t err = {0};
    assert_int_equal(eg_outfile_open(&f, g_path, &err), 0);
    assert_non_null(f.fp);
    fputs("{\"nodes\": []}\n", f.fp);
    assert_int_equal(eg_outfile_commit(&f, &err), 0);
    assert_null(f.fp);
    assert_file_holds(g_path, "{\"nodes\": []}\n");
    assert_int_equal(entries(), 1);
}

static void test_nothing_at_final_path_before_commit(void **state)
{
    (void)state;
    eg_outfile_t f;
    eg_error_t err = {0};
    assert_int_equal(eg_outfile_open(&f, g_path, &err), 0);
    fputs("partial", f.fp);
    fflush(f.fp);
    assert_int_equal(access(g_path, F_OK), -1);
    assert_int_equal(access(f.tmp_path, F_OK), 0);
    eg_outfile_abort(&f);
}

static void test_temp_file_is_hidden_beside_the_target(void **state)
{
    (void)state;
    eg_outfile_t f;
    eg_error_t err = {0};
    assert_int_equal(eg_outfile_open(&f, g_path, &err), 0);
    char prefix[600];
    snprintf(prefix, sizeof prefix, "%s/.graph.json.", g_dir);
    assert_int_equal(strncmp(f.tmp_path, prefix, strlen(prefix)), 0);
    eg_outfile_abort(&f);
}

static void test_commit_replaces_previous_file(void **state)
{
    (void)state;
    write_file(g_path, "old contents that are longer than the new\n");
    eg_outfile_t f;
    eg_error_t err = {0};
    assert_int_equal(eg_outfile_open(&f, g_path, &err), 0);
    fputs("new\n", f.fp);
    assert_int_equal(eg_outfile_commit(&f, &err), 0);
    assert_file_holds(g_path, "new\n");
    assert_int_equal(entries(), 1);
}

static void test_abort_leaves_previous_file_untouched_and_no_temp(void **state)
{
    (void)state;
    write_file(g_path, "previous graph\n");
    eg_outfile_t f;
    eg_error_t err = {0};
    assert_int_equal(eg_outfile_open(&f, g_path, &err), 0);
    fputs("half a gra", f.fp);
    fflush(f.fp);
    assert_int_equal(entries(), 2);
    eg_outfile_abort(&f);
    assert_file_holds(g_path, "previous graph\n");
    assert_int_equal(entries(), 1);
}

static void test_abort_without_previous_file_leaves_nothing(void **state)
{
    (void)state;
    eg_outfile_t f;
    eg_error_t err = {0};
    assert_int_equal(eg_outfile_open(&f, g_path, &err), 0);
    fputs("x", f.fp);
    eg_outfile_abort(&f);
    assert_int_equal(access(g_path, F_OK), -1);
    assert_int_equal(entries(), 0);
}

static void test_abort_twice_and_after_commit_is_safe(void **state)
{
    (void)state;
    eg_outfile_t f;
    eg_error_t err = {0};
    assert_int_equal(eg_outfile_open(&f, g_path, &err), 0);
    fputs("done\n", f.fp);
    assert_int_equal(eg_outfile_commit(&f, &err), 0);
    eg_outfile_abort(&f);
    eg_outfile_abort(&f);
    assert_file_holds(g_path, "done\n");
    assert_int_equal(entries(), 1);
}

static void test_commit_after_commit_fails(void **state)
{
    (void)state;
    eg_outfile_t f;
    eg_error_t err = {0};
    assert_int_equal(eg_outfile_open(&f, g_path, &err), 0);
    assert_int_equal(eg_outfile_commit(&f, &err), 0);
    assert_int_equal(eg_outfile_commit(&f, &err), EG_ERR_RUNTIME);
    assert_int_equal(err.status, EG_ERR_RUNTIME);
}

static void test_open_in_missing_folder_fails_with_runtime_error(void **state)
{
    (void)state;
    char path[600];
    snprintf(path, sizeof path, "%s/no-such-folder/graph.graphml", g_dir);
    eg_outfile_t f;
    eg_error_t err = {0};
    assert_int_equal(eg_outfile_open(&f, path, &err), EG_ERR_RUNTIME);
    assert_int_equal(err.status, EG_ERR_RUNTIME);
    assert_string_equal(err.file, path);
    assert_true(err.text[0] != '\0');
    assert_null(f.fp);
    eg_outfile_abort(&f); /* harmless on a failed open */
    assert_int_equal(entries(), 0);
}

static void test_open_onto_a_folder_fails_and_leaves_no_temp(void **state)
{
    (void)state;
    assert_int_equal(mkdir(g_path, 0755), 0);
    eg_outfile_t f;
    eg_error_t err = {0};
    assert_int_equal(eg_outfile_open(&f, g_path, &err), EG_ERR_RUNTIME);
    assert_int_equal(err.status, EG_ERR_RUNTIME);
    assert_string_equal(err.file, g_path);
    assert_int_equal(entries(), 1); /* only the folder */
    struct stat st;
    assert_int_equal(stat(g_path, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    rmdir(g_path);
}

static void test_replaced_file_keeps_its_mode(void **state)
{
    (void)state;
    write_file(g_path, "previous\n");
    assert_int_equal(chmod(g_path, 0600), 0);
    mode_t old = umask(022);
    eg_outfile_t f;
    eg_error_t err = {0};
    assert_int_equal(eg_outfile_open(&f, g_path, &err), 0);
    fputs("new\n", f.fp);
    assert_int_equal(eg_outfile_commit(&f, &err), 0);
    umask(old);
    struct stat st;
    assert_int_equal(stat(g_path, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0600);
    assert_file_holds(g_path, "new\n");
}

static void test_fifo_target_is_written_in_place(void **state)
{
    (void)state;
    assert_int_equal(mkfifo(g_path, 0644), 0);
    /* a reader, so that opening the FIFO for writing does not wait */
    int rd = open(g_path, O_RDONLY | O_NONBLOCK);
    assert_true(rd >= 0);
    eg_outfile_t f;
    eg_error_t err = {0};
    assert_int_equal(eg_outfile_open(&f, g_path, &err), 0);
    fputs("through the pipe\n", f.fp);
    assert_int_equal(eg_outfile_commit(&f, &err), 0);
    char buf[64] = {0};
    assert_int_equal(read(rd, buf, sizeof buf - 1), 17);
    assert_string_equal(buf, "through the pipe\n");
    close(rd);
    struct stat st;
    assert_int_equal(lstat(g_path, &st), 0);
    assert_true(S_ISFIFO(st.st_mode)); /* still a FIFO */
    assert_int_equal(entries(), 1);
}

static void test_device_target_is_written_in_place(void **state)
{
    (void)state;
    eg_outfile_t f;
    eg_error_t err = {0};
    assert_int_equal(eg_outfile_open(&f, "/dev/null", &err), 0);
    assert_int_equal(f.tmp_path[0], '\0');
    fputs("discarded\n", f.fp);
    assert_int_equal(eg_outfile_commit(&f, &err), 0);
    struct stat st;
    assert_int_equal(stat("/dev/null", &st), 0);
    assert_true(S_ISCHR(st.st_mode));
}

/* Open graph.json (a) and graph.graphml (b) in the test folder; other
 * receives the second path. */
static void open_pair(eg_outfile_t *a, eg_outfile_t *b, char *other, size_t n)
{
    snprintf(other, n, "%s/graph.graphml", g_dir);
    eg_error_t err = {0};
    assert_int_equal(eg_outfile_open(a, g_path, &err), 0);
    assert_int_equal(eg_outfile_open(b, other, &err), 0);
}

/* A set: when one file cannot be completed, no file of the set is
 * replaced and no temp file is left. */
static void test_failed_set_replaces_nothing(void **state)
{
    (void)state;
    char other[600];
    eg_outfile_t a, b;
    eg_error_t err = {0};
    write_file(g_path, "old json\n");
    snprintf(other, sizeof other, "%s/graph.graphml", g_dir);
    write_file(other, "old graphml\n");
    open_pair(&a, &b, other, sizeof other);
    fputs("new json\n", a.fp);
    fputs("new graphml\n", b.fp);
    close(fileno(b.fp)); /* its flush fails, as on a full disk */
    eg_outfile_t *set[] = {&a, &b};
    assert_int_equal(eg_outfile_commit_all(set, 2, &err), EG_ERR_RUNTIME);
    assert_string_equal(err.file, other);
    assert_file_holds(g_path, "old json\n");
    assert_file_holds(other, "old graphml\n");
    assert_int_equal(entries(), 2);
}

static void test_set_is_committed_together(void **state)
{
    (void)state;
    char other[600];
    eg_outfile_t a, b;
    eg_error_t err = {0};
    open_pair(&a, &b, other, sizeof other);
    fputs("json\n", a.fp);
    fputs("graphml\n", b.fp);
    eg_outfile_t *set[] = {&a, &b};
    assert_int_equal(eg_outfile_commit_all(set, 2, &err), 0);
    assert_file_holds(g_path, "json\n");
    assert_file_holds(other, "graphml\n");
    assert_int_equal(entries(), 2);
}

/* The registry has no fixed size: every temp of a run with many outputs
 * is removed by the signal handler's call. */
static void test_remove_all_temps_holds_any_number(void **state)
{
    (void)state;
    enum { N = 200 };
    static eg_outfile_t f[N];
    eg_error_t err = {0};
    for (int i = 0; i < N; i++) {
        char path[600];
        snprintf(path, sizeof path, "%s/g%d.json", g_dir, i);
        assert_int_equal(eg_outfile_open(&f[i], path, &err), 0);
    }
    assert_int_equal(entries(), N);
    eg_outfile_abort(&f[7]); /* out of the middle of the list */
    assert_int_equal(entries(), N - 1);
    eg_outfile_remove_all_temps();
    assert_int_equal(entries(), 0);
    for (int i = 0; i < N; i++)
        eg_outfile_abort(&f[i]);
}

static void test_output_mode_follows_umask(void **state)
{
    (void)state;
    mode_t old = umask(022);
    eg_outfile_t f;
    eg_error_t err = {0};
    assert_int_equal(eg_outfile_open(&f, g_path, &err), 0);
    assert_int_equal(eg_outfile_commit(&f, &err), 0);
    umask(old);
    struct stat st;
    assert_int_equal(stat(g_path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644);
}

static void test_remove_all_temps_unlinks_open_temps(void **state)
{
    (void)state;
    char other[600];
    eg_outfile_t a, b;
    open_pair(&a, &b, other, sizeof other);
    assert_int_equal(entries(), 2);
    eg_outfile_remove_all_temps();
    assert_int_equal(entries(), 0);
    eg_outfile_abort(&a);
    eg_outfile_abort(&b);
}

static void test_relative_path_without_folder(void **state)
{
    (void)state;
    char cwd[1024];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(g_dir), 0);
    eg_outfile_t f;
    eg_error_t err = {0};
    int rc = eg_outfile_open(&f, "out.json", &err);
    if (rc == 0) {
        assert_int_equal(strncmp(f.tmp_path, ".out.json.", 10), 0);
        fputs("ok", f.fp);
        rc = eg_outfile_commit(&f, &err);
    }
    assert_int_equal(chdir(cwd), 0);
    assert_int_equal(rc, 0);
    char path[600];
    snprintf(path, sizeof path, "%s/out.json", g_dir);
    assert_file_holds(path, "ok");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_commit_writes_the_final_file),
        T(test_nothing_at_final_path_before_commit),
        T(test_temp_file_is_hidden_beside_the_target),
        T(test_commit_replaces_previous_file),
        T(test_abort_leaves_previous_file_untouched_and_no_temp),
        T(test_abort_without_previous_file_leaves_nothing),
        T(test_abort_twice_and_after_commit_is_safe),
        T(test_commit_after_commit_fails),
        T(test_open_in_missing_folder_fails_with_runtime_error),
        T(test_open_onto_a_folder_fails_and_leaves_no_temp),
        T(test_replaced_file_keeps_its_mode),
        T(test_fifo_target_is_written_in_place),
        T(test_device_target_is_written_in_place),
        T(test_failed_set_replaces_nothing),
        T(test_set_is_committed_together),
        T(test_remove_all_temps_holds_any_number),
        T(test_output_mode_follows_umask),
        T(test_remove_all_temps_unlinks_open_temps),
        T(test_relative_path_without_folder),
    };
    return cmocka_run_group_tests_name("outfile", tests, NULL, NULL);
}
