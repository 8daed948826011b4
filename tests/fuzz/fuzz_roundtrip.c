/* fuzz_roundtrip.c — text -> graph -> GraphML, GEXF and JSON -> parsed
 * back. The input is up to three parts separated by NUL bytes:
 * DICTIONARY (TSV) NUL DOCUMENT-ID NUL TEXT; with one part it is the text
 * (small dictionary, id "doc"), with two the dictionary and the text. So
 * labels, attributes, ids and evidence all come from the fuzzer, and
 * every output must still be well-formed: libxml2 parses the XML without
 * error, jansson parses the JSON strictly (valid UTF-8, no lone
 * surrogate), and the number of nodes read back is the graph's. */
#include "fuzz_util.h"

#include "../../src/count/eg_cooc.h"
#include "../../src/export/eg_export.h"
#include "../../src/graph/eg_network.h"
#include "../../src/tag/eg_dict.h"
#include "../../src/tag/eg_matcher.h"
#include "../../src/tag/eg_tagger.h"
#include "../../src/text/eg_segment.h"
#include "../../src/text/eg_utf8.h"

#include <jansson.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void xml_quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

/* Write g in format f to memory and parse it back; abort when broken. */
static void round_trip(const igraph_t *g, eg_format_t f)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    if (!out)
        abort();
    eg_error_t err;
    int rc = eg_export(g, f, out, &err);
    if (fclose(out) != 0 || rc != 0)
        abort();
    if (f == EG_FORMAT_JSON) {
        json_error_t jerr;
        json_t *j = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &jerr);
        if (!j) {
            fprintf(stderr, "JSON does not parse: %s (line %d)\n%.*s\n", jerr.text, jerr.line,
                    (int)len, buf);
            abort();
        }
        if (json_array_size(json_object_get(j, "nodes")) != (size_t)igraph_vcount(g))
            abort();
        json_decref(j);
    } else {
        xmlDocPtr doc = xmlReadMemory(buf, (int)len, "out.xml", NULL, XML_PARSE_NONET);
        if (!doc) {
            fprintf(stderr, "XML does not parse:\n%.*s\n", (int)len, buf);
            abort();
        }
        xmlFreeDoc(doc);
    }
    free(buf);
}

static void split(const uint8_t *data, size_t size, const char *part[3], size_t n[3])
{
    const uint8_t *a = memchr(data, 0, size);
    const uint8_t *b = a ? memchr(a + 1, 0, size - (size_t)(a + 1 - data)) : NULL;
    if (!a) {
        part[0] = fuzz_small_dict, n[0] = strlen(fuzz_small_dict);
        part[1] = "doc", n[1] = 3;
        part[2] = (const char *)data, n[2] = size;
    } else {
        part[0] = (const char *)data, n[0] = (size_t)(a - data);
        part[1] = b ? (const char *)a + 1 : "doc";
        n[1] = b ? (size_t)(b - a - 1) : 3;
        part[2] = (const char *)(b ? b : a) + 1;
        n[2] = size - (size_t)((const uint8_t *)part[2] - data);
    }
}

static void count_and_export(const eg_dict_t *d, const eg_matcher_t *m, const char *id,
                             const char *t, size_t len)
{
    eg_segments_t seg;
    eg_segments_init(&seg);
    eg_tag_scratch_t scratch;
    memset(&scratch, 0, sizeof scratch);
    eg_tagger_t tg;
    eg_tagger_init(&tg, m, NULL, EG_RULES_DEFAULT & ~EG_RULES_DISCOVERY);
    eg_mentions_t mentions = {0};
    eg_cooc_t counts;
    eg_cooc_options_t copt = {.evidence = 2};
    if (eg_cooc_init(&counts, d->nentities, &copt))
        abort();
    eg_doc_info_t info = {.index = 0, .id = id, .date = 19782, .text = t, .len = len};
    if (eg_segment(t, len, &seg) == 0 && eg_tagger_document(&tg, t, &seg, &scratch, &mentions) == 0 &&
        eg_cooc_add_document(&counts, &info, mentions.items, mentions.n, &seg,
                             EG_WINDOW_PARAGRAPH) == 0) {
        igraph_t g;
        eg_network_options_t nopt;
        memset(&nopt, 0, sizeof nopt);
        nopt.window = EG_WINDOW_PARAGRAPH;
        eg_error_t err;
        if (eg_network_build(&g, d, &counts, &nopt, &err) == 0) {
            round_trip(&g, EG_FORMAT_GRAPHML);
            round_trip(&g, EG_FORMAT_GEXF);
            round_trip(&g, EG_FORMAT_JSON);
            igraph_destroy(&g);
        }
    }
    eg_cooc_free(&counts);
    eg_mentions_free(&mentions);
    eg_tag_scratch_free(&scratch);
    eg_segments_free(&seg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready) {
        eg_igraph_setup();
        xmlSetGenericErrorFunc(NULL, xml_quiet);
        ready = 1;
    }
    if (size > 65536)
        return 0;
    const char *part[3];
    size_t n[3];
    split(data, size, part, n);
    eg_dict_t d;
    eg_dict_init(&d);
    eg_matcher_t *m = NULL;
    eg_error_t err;
    eg_buf_t id = EG_BUF_INIT, text = EG_BUF_INIT;
    eg_utf8_repair(part[1], n[1], &id);
    eg_utf8_repair(part[2], n[2], &text);
    if (eg_dict_load_text(&d, "things.tsv", part[0], n[0], NULL, &err) == 0 &&
        eg_matcher_build(&m, &d, NULL, &err) == 0)
        count_and_export(&d, m, id.data ? id.data : "", text.data ? text.data : "", text.len);
    eg_matcher_free(m);
    eg_dict_free(&d);
    eg_buf_free(&id);
    eg_buf_free(&text);
    return 0;
}
