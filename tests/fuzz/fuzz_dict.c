/* fuzz_dict.c — the dictionary parser (TSV and CSV) on arbitrary bytes.
 *
 * The first byte picks the file name the parser sees (people.tsv,
 * orgs.csv, stop.txt, words.txt) and whether check mode is on; the rest
 * is the file. A dictionary that loads must also compile into a matcher,
 * and every string it holds must be valid UTF-8 without control
 * characters (the promise that makes labels safe to write as XML). */
#include "fuzz_util.h"

#include "../../src/tag/eg_dict.h"
#include "../../src/tag/eg_matcher.h"
#include "../../src/text/eg_utf8.h"

#include <stdlib.h>
#include <string.h>

static void must_be_clean(const char *s)
{
    if (!s)
        return;
    size_t n = strlen(s);
    if (eg_utf8_count_invalid(s, n) != 0)
        abort();
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7f)
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[] = {"people.tsv", "orgs.csv", "stop.txt", "words.txt"};
    if (size < 1)
        return 0;
    const char *name = names[data[0] & 3];
    int check = (data[0] >> 2) & 1;
    eg_dict_t d;
    eg_dict_init(&d);
    eg_warner_t quiet = {NULL, NULL};
    if (check)
        d.check = &quiet;
    eg_error_t err;
    int rc = eg_dict_load_text(&d, name, (const char *)data + 1, size - 1, &quiet, &err);
    if (rc == 0) {
        for (size_t i = 0; i < d.nentities; i++) {
            const eg_entity_t *e = &d.entities[i];
            must_be_clean(e->id);
            must_be_clean(e->label);
            must_be_clean(e->type);
            for (size_t k = 0; k < e->nattrs; k++)
                must_be_clean(e->attrs[k]);
        }
        for (size_t i = 0; i < d.naliases; i++)
            must_be_clean(d.aliases[i].text);
        eg_matcher_t *m = NULL;
        if (eg_matcher_build(&m, &d, &quiet, &err) == 0)
            eg_matcher_free(m);
    }
    eg_dict_free(&d);
    return 0;
}
