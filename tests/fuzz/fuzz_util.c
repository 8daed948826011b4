/* fuzz_util.c — scratch files and the small dictionary (see fuzz_util.h). */
#include "fuzz_util.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char fuzz_small_dict[] =
    "id\tname\taliases\ttype\tcase\tpriority\tdescription\n"
    "dmitry-peskov\tDmitry Peskov\tPeskov|Dmitri Peskov\tperson\t\t\tKremlin <spokesman> & \"aide\"\n"
    "beslan\tBeslan\t\tplace\t\t\t\n"
    "russia\tRussia\tRussian Federation\tplace\t\t\t\n"
    "echr\tEuropean Court of Human Rights\tECHR|Strasbourg court\torganisation\t\t1\t]]>\n"
    "sao-paulo\tSão Paulo\tSao Paulo\tplace\t\t\t\n"
    "reading\tReading\t\tplace\tauto\t\t\n"
    "un\tUnited Nations\tUN|U.N.\torganisation\texact\t\t\n"
    "o-brien\tO'Brien\t\tperson\tfold\t\t\n"
    "the\tthe\t\tstop\t\t\t\n";

static char dir[512];

/* At exit: the scratch files, then the folder (a replay in make check
 * must not leave folders behind in /tmp). */
static void remove_scratch(void)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[1024];
    while (d && (e = readdir(d)))
        if (e->d_name[0] != '.') {
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            unlink(path);
        }
    if (d)
        closedir(d);
    rmdir(dir);
}

const char *fuzz_scratch_file(const char *name, const uint8_t *data, size_t size)
{
    static char path[1024];
    if (!dir[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(dir, sizeof dir, "%s/entgraph-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
        if (!mkdtemp(dir))
            abort();
        atexit(remove_scratch);
    }
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
        abort();
    return path;
}

#include "../../src/tag/eg_dict.h"

void fuzz_add_word_lists(eg_dict_t *d)
{
    static const struct { int list; const char *words; } LISTS[] = {
        {EG_LIST_WORDS, "the police reading report said south west union"},
        {EG_LIST_GIVEN, "dmitry madeleine john charles ludwig jean pierre"},
        {EG_LIST_TITLES, "president mr dr senator minister spokesman"},
        {EG_LIST_ORG_HEADS, "university court ministry bank council"},
        {EG_LIST_ORG_SUFFIXES, "ltd inc gmbh plc"},
        {EG_LIST_NON_NAMES, "monday january christmas"},
        {EG_LIST_GENERICS, "south west central gulf union"},
        {EG_LIST_PARTICLES, "de van von"},
    };
    for (size_t i = 0; i < sizeof LISTS / sizeof *LISTS; i++) {
        const char *w = LISTS[i].words;
        while (*w) {
            size_t n = strcspn(w, " ");
            if (eg_strmap_intern(&d->lists[LISTS[i].list], w, n, NULL) < 0)
                abort();
            w += n;
            w += *w == ' ';
        }
    }
}
