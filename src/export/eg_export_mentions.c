/* eg_export_mentions.c — the tagger's output, for people and for scorers.
 * JSON is escaped by hand (no tree is built): a corpus can hold millions
 * of mentions and each line is written as soon as it is known. */
#include "eg_export_mentions.h"

#include <ctype.h>
#include <string.h>

static void put_json_string(FILE *fp, const char *s, size_t n)
{
    putc('"', fp);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        fwrite(s + run, 1, i - run, fp);
        run = i + 1;
        switch (c) {
        case '"': fputs("\\\"", fp); break;
        case '\\': fputs("\\\\", fp); break;
        case '\n': fputs("\\n", fp); break;
        case '\t': fputs("\\t", fp); break;
        case '\r': fputs("\\r", fp); break;
        default: fprintf(fp, "\\u%04x", c); break;
        }
    }
    fwrite(s + run, 1, n - run, fp);
    putc('"', fp);
}

static void put_json_cstr(FILE *fp, const char *s)
{
    put_json_string(fp, s ? s : "", s ? strlen(s) : 0);
}

static eg_mention_view_t view_of(const eg_mentions_t *m, size_t i, const eg_dict_t *dict,
                                 const eg_mention_view_t *views)
{
    if (views && views[i].id)
        return views[i];
    const eg_entity_t *e = &dict->entities[m->items[i].entity];
    eg_mention_view_t v = {e->id, e->label, e->type, NULL, NULL};
    return v;
}

int eg_export_mentions_jsonl(FILE *fp, const char *doc, const char *text,
                             const eg_mentions_t *m, const eg_dict_t *dict,
                             const eg_mention_view_t *views)
{
    for (size_t i = 0; i < m->n; i++) {
        const eg_mention_t *mn = &m->items[i];
        eg_mention_view_t v = view_of(m, i, dict, views);
        fputs("{\"doc\":", fp);
        put_json_cstr(fp, doc);
        fprintf(fp, ",\"start\":%u,\"end\":%u,\"text\":", mn->start, mn->end);
        put_json_string(fp, text + mn->start, mn->end - mn->start);
        fputs(",\"id\":", fp);
        put_json_cstr(fp, v.id);
        fputs(",\"label\":", fp);
        put_json_cstr(fp, v.label);
        fputs(",\"type\":", fp);
        put_json_cstr(fp, v.type);
        fprintf(fp, ",\"sentence\":%u", mn->sentence);
        if (v.source) {
            fputs(",\"source\":", fp);
            put_json_cstr(fp, v.source);
        }
        if (v.why) {
            fputs(",\"why\":", fp);
            put_json_cstr(fp, v.why);
        }
        fputs("}\n", fp);
    }
    return ferror(fp) ? EG_ERR_RUNTIME : 0;
}

void eg_conll_class(const char *type, char *out, size_t size)
{
    static const char *const CLASS[] = {
        [EG_TC_PERSON] = "PER", [EG_TC_PLACE] = "LOC", [EG_TC_ORGANISATION] = "ORG"};
    unsigned char cls = eg_type_class(type);
    if (cls != EG_TC_OTHER) {
        snprintf(out, size, "%s", CLASS[cls]);
        return;
    }
    size_t k = 0;
    for (; type[k] && k + 1 < size; k++)
        out[k] = (char)toupper((unsigned char)type[k]);
    out[k] = '\0';
}

int eg_export_mentions_conll(FILE *fp, const char *text, const eg_segments_t *seg,
                             const eg_mentions_t *m, const eg_dict_t *dict,
                             const eg_mention_view_t *views)
{
    fputs("-DOCSTART-\tO\n\n", fp);
    size_t mi = 0;
    char cls[64];
    for (size_t si = 0; si < seg->nsentences; si++) {
        const eg_sentence_t *s = &seg->sentences[si];
        for (size_t k = s->first_token; k < s->end_token; k++) {
            const eg_token_t *t = &seg->tokens[k];
            while (mi < m->n && m->items[mi].end <= t->start)
                mi++;
            fwrite(text + t->start, 1, t->end - t->start, fp);
            if (mi < m->n && m->items[mi].start < t->end) {
                eg_mention_view_t v = view_of(m, mi, dict, views);
                eg_conll_class(v.type, cls, sizeof cls);
                int begin = k == s->first_token || seg->tokens[k - 1].end <= m->items[mi].start;
                fprintf(fp, "\t%s-%s\n", begin ? "B" : "I", cls);
            } else {
                fputs("\tO\n", fp);
            }
        }
        putc('\n', fp);
    }
    return ferror(fp) ? EG_ERR_RUNTIME : 0;
}
