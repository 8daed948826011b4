/* fuzz_shard.c — the partial-counts (shard) reader on arbitrary bytes,
 * against the small dictionary. Whatever it accepts must also write back
 * out (eg_shard_write) without trouble. */
#include "fuzz_util.h"

#include "../../src/count/eg_shard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static eg_dict_t dict;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    eg_error_t err;
    if (!dict.nentities) {
        eg_dict_init(&dict);
        if (eg_dict_load_text(&dict, "small.tsv", fuzz_small_dict, strlen(fuzz_small_dict),
                              NULL, &err))
            abort();
    }
    const char *path = fuzz_scratch_file("part.counts", data, size);
    eg_cooc_t counts;
    eg_cooc_options_t copt = {.evidence = 3, .node_docs = 3};
    if (eg_cooc_init(&counts, dict.nentities, &copt))
        abort();
    eg_shard_info_t info;
    memset(&info, 0, sizeof info);
    eg_registry_t *found = eg_registry_new(&dict);
    if (!found)
        abort();
    if (eg_shard_read(path, &dict, found, &counts, &info, &err) == 0) {
        FILE *out = fopen("/dev/null", "w");
        if (!out)
            abort();
        eg_shard_write(out, &dict, found, &counts, info.have_header ? info.window : EG_WINDOW_SENTENCE,
                       &err);
        fclose(out);
    }
    eg_cooc_free(&counts);
    eg_registry_free(found);
    return 0;
}
