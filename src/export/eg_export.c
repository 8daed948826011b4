/* eg_export.c — choosing a writer by the output's extension. */
#include "eg_export.h"

#include "../graph/eg_network.h"

#include <string.h>
#include <strings.h>

eg_format_t eg_format_from_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        return EG_FORMAT_UNKNOWN;
    if (strcasecmp(dot, ".graphml") == 0)
        return EG_FORMAT_GRAPHML;
    if (strcasecmp(dot, ".json") == 0)
        return EG_FORMAT_JSON;
    return EG_FORMAT_UNKNOWN;
}

int eg_export(const igraph_t *g, eg_format_t format, FILE *out, eg_error_t *err)
{
    switch (format) {
    case EG_FORMAT_GRAPHML: return eg_export_graphml(g, out, err);
    case EG_FORMAT_JSON: return eg_export_json(g, out, err);
    default: return eg_error_set(err, EG_ERR_USAGE, NULL, 0, "unknown output format");
    }
}

int eg_evidence_join(const char *encoded, eg_buf_t *out)
{
    const char *pos = encoded, *doc, *text;
    size_t doc_len, text_len;
    int first = 1;
    while (eg_evidence_next(&pos, &doc, &doc_len, &text, &text_len)) {
        if ((!first && eg_buf_append_str(out, " | ")) || eg_buf_append(out, doc, doc_len) ||
            eg_buf_append_str(out, ": ") || eg_buf_append(out, text, text_len))
            return EG_ERR_RUNTIME;
        first = 0;
    }
    return eg_buf_append(out, "", 0) ? EG_ERR_RUNTIME : 0;
}
