/* eg_matcher.c — a token-id trie. Edges live in one open-addressing
 * table keyed by (node, token id), so a node with 10,000 children costs
 * no more to walk than one with two, and the whole trie is three flat
 * arrays: edges, per-node candidate ranges, and candidate alias ids. */
#include "eg_matcher.h"

#include "../base/eg_bigmem.h"
#include "../base/eg_strmap.h"
#include "../text/eg_fold.h"
#include "eg_fastvocab.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

enum effective_policy { P_FOLD, P_NOT_ALL_LOWER, P_EXACT };

/* Per vocabulary id (id_flags): */
enum {
    ID_LOWER_START = 1, /* a first token that may start a match whose
                           first token has no capital */
    ID_INNER = 2,       /* a token some alias or blocker has before its last */
};

enum { NOCAP_NONE, NOCAP_UNCASED, NOCAP_ANY };

/* A trie node: its candidates are cand[term_first .. term_first +
 * term_count). child_sig has bit child_bit(t) set for every child token t
 * that a short ASCII text token can be: a scan reads the node anyway (for
 * its candidates), and the signature turns most edge probes that would
 * fail (a cache miss each, in a large trie) into one bit test. */
typedef struct node {
    uint32_t term_first, term_count;
    uint64_t child_sig;
} node_t;

/* The bit of a short ASCII token in child_sig, from its eg_tokkey hash. */
static inline uint64_t child_bit(uint64_t hash)
{
    return 1ULL << (hash >> 58);
}

/* A candidate of a node: what the scan needs of an alias (or blocker)
 * in one 8-byte slot, so that accepting a match and making its mention
 * read no alias record (a cache miss each with a large dictionary). */
typedef struct cand {
    uint32_t alias_policy; /* alias index << 2 | enum effective_policy */
    uint32_t entity;       /* its entity (EG_ENTITY_FOUND for a blocker) */
} cand_t;

#define CAND_MAX_ALIASES (UINT32_MAX >> 2) /* aliases and blockers */

static inline uint32_t cand_alias(cand_t c)
{
    return c.alias_policy >> 2;
}

static inline unsigned cand_policy(cand_t c)
{
    return c.alias_policy & 3u;
}

/* A trie edge: key = (parent + 1) << 32 | token id (0 = an empty slot)
 * and the child beside it, so that a probe that hits costs one cache
 * line, not one per array. */
typedef struct edge {
    uint64_t key;
    uint32_t child;
} edge_t;

typedef struct alias_info {
    uint8_t policy;       /* enum effective_policy */
    uint32_t tok_first;   /* its tokens in tok_spans (for exact compare) */
    uint32_t ntok;
    uint32_t node;        /* the trie node it ends at (for alternatives) */
} alias_info_t;

struct eg_matcher {
    const eg_dict_t *dict;
    eg_strmap_t vocab;
    edge_t *edges;       /* open addressing; a probe reads one slot */
    size_t edge_slots, nedges;
    node_t *nodes;
    size_t nnodes, nodes_cap;
    cand_t *cand;
    int32_t *root_child; /* [vocabulary id]: the root's child, or -1 (a
                          * direct index saves a hash probe per token) */
    alias_info_t *alias;
    uint32_t *tok_spans; /* start, end pairs into the alias text */
    size_t ntok_spans, tok_spans_cap;
    uint16_t *classes;   /* per vocabulary id: bit 1 << k for each word
                          * list k (eg_wordlists.h) that holds the word */
    uint64_t class_filter[4]; /* eg_matcher_class_filter */
    uint8_t *entity_class; /* eg_matcher_entity_classes */
    int has_classes;       /* eg_matcher_has_classes */
    uint64_t *shared;      /* bit per alias: its form is shared (eg_matcher_shared) */
    size_t nskipped;     /* aliases on the stop list */
    /* The hot path's shortcuts around vocab (same ids): */
    eg_fastvocab_t fast;     /* ASCII vocabulary entries of <= 16 bytes */
    int32_t punct_id[128];   /* one-byte ASCII entries, by byte */
    uint8_t *id_flags;       /* per id: ID_LOWER_START, ID_INNER */
    size_t id_flags_cap;
    /* Can a match have no capital at all (a fold alias, or an exact one
     * written without capitals: "1984")? NOCAP_NONE: every match holds a
     * token with a capital, so the scan starts only from those tokens and
     * the inner words right before them (see eg_matcher_scan).
     * NOCAP_UNCASED: such aliases start with a token that has no
     * lower-case letter (digits, punctuation), so tokens without one are
     * tried too. NOCAP_ANY: every token is tried (eg_matcher_scan_dense). */
    uint8_t nocap;
    int32_t *build_ids;      /* eg_matcher_build's, freed at its end */
    size_t build_ids_cap;
    eg_tokset_t lower_starts; /* those ids' keys: most lower-case words
                               * are ruled out without a lookup */
};

static inline uint64_t mix(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return k;
}

static inline long child_of(const eg_matcher_t *m, uint32_t node, int32_t tok)
{
    uint64_t key = ((uint64_t)(node + 1) << 32) | (uint32_t)tok;
    size_t mask = m->edge_slots - 1;
    for (size_t i = mix(key) & mask;; i = (i + 1) & mask) {
        if (m->edges[i].key == key)
            return m->edges[i].child;
        if (!m->edges[i].key)
            return -1;
    }
}

/* Rehash the edges into a table of n slots (a power of two, more than
 * twice the edges). */
static int resize_edges(eg_matcher_t *m, size_t n)
{
    edge_t *edges = eg_big_calloc(n * sizeof *edges);
    if (!edges)
        return -1;
    for (size_t i = 0; i < m->edge_slots; i++) {
        if (!m->edges[i].key)
            continue;
        size_t j = mix(m->edges[i].key) & (n - 1);
        while (edges[j].key)
            j = (j + 1) & (n - 1);
        edges[j] = m->edges[i];
    }
    eg_big_free(m->edges);
    m->edges = edges;
    m->edge_slots = n;
    return 0;
}

static long new_node(eg_matcher_t *m)
{
    if (m->nnodes == m->nodes_cap) {
        size_t cap = m->nodes_cap ? m->nodes_cap * 2 : 1024;
        node_t *p = eg_big_realloc(m->nodes, cap * sizeof *p);
        if (!p)
            return -1;
        m->nodes = p;
        m->nodes_cap = cap;
    }
    m->nodes[m->nnodes] = (node_t){0, 0, 0};
    return (long)m->nnodes++;
}

static long child_or_new(eg_matcher_t *m, uint32_t node, int32_t tok)
{
    if (m->edge_slots) {
        long c = child_of(m, node, tok);
        if (c >= 0)
            return c;
    }
    if ((m->nedges + 1) * 2 > m->edge_slots &&
        resize_edges(m, m->edge_slots ? m->edge_slots * 2 : 1024))
        return -1;
    long c = new_node(m);
    if (c < 0)
        return -1;
    uint64_t key = ((uint64_t)(node + 1) << 32) | (uint32_t)tok;
    size_t mask = m->edge_slots - 1;
    size_t i = mix(key) & mask;
    while (m->edges[i].key)
        i = (i + 1) & mask;
    m->edges[i].key = key;
    m->edges[i].child = (uint32_t)c;
    m->nedges++;
    return c;
}

static uint8_t effective_policy(const eg_alias_t *a, const eg_segments_t *seg)
{
    if (a->policy == EG_CASE_FOLD)
        return P_FOLD;
    if (a->policy == EG_CASE_EXACT)
        return P_EXACT;
    int lower = 0, capital_or_digit = 0;
    for (size_t k = 0; k < seg->ntokens; k++) {
        const eg_token_t *t = &seg->tokens[k];
        if (t->flags & EG_TOKF_HAS_LOWER)
            lower = 1;
        if (t->flags & EG_TOKF_HAS_UPPER)
            capital_or_digit = 1;
        for (uint32_t b = t->start; b < t->end; b++)
            if (a->text[b] >= '0' && a->text[b] <= '9')
                capital_or_digit = 1;
    }
    return !lower && capital_or_digit ? P_EXACT : P_NOT_ALL_LOWER;
}

/* A candidate of a node while its candidates are ordered. */
typedef struct pending {
    uint32_t alias;
    int priority;
} pending_t;

/* The highest priority first, then dictionary order: accept() takes the
 * first candidate whose case policy fits. */
static int compare_pending(const void *a, const void *b)
{
    const pending_t *x = a, *y = b;
    if (x->priority != y->priority)
        return x->priority > y->priority ? -1 : 1;
    return x->alias < y->alias ? -1 : x->alias > y->alias;
}

/* Can this alias match a span whose first token has no capital? Fold:
 * yes; exact: when its own first token has none; auto with lower-case
 * letters: only with two tokens or more (the capital comes later: "al
 * Qaeda" for "al-Qaeda"), since an all-lower-case span never matches. */
/* Room for id_flags[0..n) (new flags 0); growing geometrically, as the
 * vocabulary does while aliases are added. Returns 0 or -1. */
static int reserve_id_flags(eg_matcher_t *m, size_t n)
{
    if (n <= m->id_flags_cap)
        return 0;
    size_t cap = n * 2 + 1024;
    uint8_t *p = realloc(m->id_flags, cap);
    if (!p)
        return -1;
    memset(p + m->id_flags_cap, 0, cap - m->id_flags_cap);
    m->id_flags = p;
    m->id_flags_cap = cap;
    return 0;
}

static int set_id_flag(eg_matcher_t *m, long id, uint8_t flag)
{
    if (reserve_id_flags(m, (size_t)id + 1))
        return -1;
    m->id_flags[id] |= flag;
    return 0;
}

/* What the scan needs to know of an alias (or blocker) of these tokens
 * (ids[0..seg->ntokens)) and policy: which tokens lead to a later one,
 * whether its first token may lack a capital, and whether a span with
 * no capital at all can match it. */
static int note_alias_shape(eg_matcher_t *m, const int32_t *ids, uint8_t policy,
                            const eg_segments_t *seg)
{
    int upper = 0, lower_first = (seg->tokens[0].flags & EG_TOKF_HAS_LOWER) != 0;
    for (size_t k = 0; k < seg->ntokens; k++)
        upper |= (seg->tokens[k].flags & EG_TOKF_HAS_UPPER) != 0;
    int can = policy == P_FOLD ||
              (policy == P_EXACT && !(seg->tokens[0].flags & EG_TOKF_HAS_UPPER)) ||
              (policy == P_NOT_ALL_LOWER && seg->ntokens >= 2);
    if (can && set_id_flag(m, ids[0], ID_LOWER_START))
        return -1;
    for (size_t k = 0; k + 1 < seg->ntokens; k++)
        if (set_id_flag(m, ids[k], ID_INNER))
            return -1;
    /* A fold alias matches any case; an exact one matches its own, so it
     * needs a capital only when it has one. */
    if (policy == P_FOLD || (policy == P_EXACT && !upper)) {
        uint8_t need = policy == P_FOLD || lower_first ? NOCAP_ANY : NOCAP_UNCASED;
        if (need > m->nocap)
            m->nocap = need;
    }
    return 0;
}

/* Room for n alias tokens in all: two spans each in tok_spans, an id
 * each in build_ids. Geometric growth: one realloc per alias would copy
 * the arrays once per alias (quadratic on a 100,000-name gazetteer). */
static int reserve_tokens(eg_matcher_t *m, size_t n)
{
    if (2 * n > m->tok_spans_cap) {
        size_t cap = 2 * n * 2 + 64;
        uint32_t *p = realloc(m->tok_spans, cap * sizeof *p);
        if (!p)
            return -1;
        m->tok_spans = p;
        m->tok_spans_cap = cap;
    }
    if (n > m->build_ids_cap) {
        int32_t *p = realloc(m->build_ids, n * 2 * sizeof *p);
        if (!p)
            return -1;
        m->build_ids = p;
        m->build_ids_cap = n * 2;
    }
    return 0;
}

/* An alias's tokens into the vocabulary (their ids in build_ids, at the
 * alias's first token), its case policy and shape, and its token spans.
 * It goes into the trie later (insert_aliases), once the count of all
 * tokens can size the trie's arrays. */
static int add_alias(eg_matcher_t *m, uint32_t ai, eg_segments_t *seg,
                     eg_buf_t *folded, eg_buf_t *work)
{
    const eg_alias_t *a = &m->dict->aliases[ai];
    size_t first = m->ntok_spans / 2;
    if (reserve_tokens(m, first + seg->ntokens))
        return -1;
    int32_t *ids = m->build_ids + first;
    for (size_t k = 0; k < seg->ntokens; k++) {
        const eg_token_t *t = &seg->tokens[k];
        eg_buf_clear(folded);
        if (eg_fold_append(folded, work, a->text + t->start, t->end - t->start))
            return -1;
        long tok = eg_strmap_intern(&m->vocab, folded->data, folded->len, NULL);
        if (tok < 0)
            return -1;
        ids[k] = (int32_t)tok;
    }
    alias_info_t *info = &m->alias[ai];
    info->policy = effective_policy(a, seg);
    if (note_alias_shape(m, ids, info->policy, seg))
        return -1;
    info->tok_first = (uint32_t)first;
    info->ntok = (uint32_t)seg->ntokens;
    uint32_t *spans = m->tok_spans;
    for (size_t k = 0; k < seg->ntokens; k++) {
        spans[m->ntok_spans++] = seg->tokens[k].start;
        spans[m->ntok_spans++] = seg->tokens[k].end;
    }
    return 0;
}

/* The edge table's size for n edges: what growing one edge at a time
 * ends with (load <= 1/2, at least 1024 slots). */
static size_t edge_slots_for(size_t n)
{
    size_t slots = 1024;
    while (slots < 2 * n)
        slots *= 2;
    return slots;
}

/* Every alias added (ntok > 0) into the trie, in dictionary order, so
 * nodes are numbered as if each went in when it was read. A trie of n
 * tokens has at most n edges and n + 1 nodes: the node array is made
 * that long at once (written as used, so the rest costs no memory), and
 * the edge table starts at the size for n / 2 edges, so that it grows
 * once at most instead of rehashing itself a dozen times. */
static int insert_aliases(eg_matcher_t *m)
{
    size_t ntok = m->ntok_spans / 2;
    if (ntok + 1 > m->nodes_cap) {
        node_t *p = eg_big_realloc(m->nodes, (ntok + 1) * sizeof *p);
        if (!p)
            return -1;
        m->nodes = p;
        m->nodes_cap = ntok + 1;
    }
    if (edge_slots_for(ntok / 2) > m->edge_slots && resize_edges(m, edge_slots_for(ntok / 2)))
        return -1;
    for (size_t ai = 0; ai < m->dict->naliases; ai++) {
        alias_info_t *info = &m->alias[ai];
        uint32_t node = 0;
        for (uint32_t k = 0; k < info->ntok; k++) {
            long c = child_or_new(m, node, m->build_ids[info->tok_first + k]);
            if (c < 0)
                return -1;
            node = (uint32_t)c;
        }
        info->node = node;
    }
    return 0;
}

/* A stop-list form of two words or more ("Monroe Doctrine") goes into
 * the trie as a blocker, an alias index past the dictionary's: a longest
 * match on it makes no mention, so the names inside it ("Monroe") are
 * not matched either. Entries are folded already; like an alias of
 * auto case, a blocker matches any case but all lower case: a span with
 * no capital holds no name to block, and so every match has a capital
 * (what lets the scan start from capitals only). */
static int add_blocker(eg_matcher_t *m, size_t k, eg_segments_t *seg)
{
    const eg_strmap_t *stop = &m->dict->lists[EG_LIST_STOP];
    const char *e = eg_strmap_key(stop, k);
    if (eg_tokenize(e, stop->key_lens[k], seg))
        return -1;
    size_t words = 0;
    for (size_t t = 0; t < seg->ntokens; t++)
        words += seg->tokens[t].kind == EG_TOK_WORD;
    if (words < 2)
        return 0; /* one word: its aliases are left out (eg_matcher_build) */
    /* its ids go past the aliases' (which the trie has taken already) */
    size_t first = m->ntok_spans / 2;
    if (reserve_tokens(m, first + seg->ntokens))
        return -1;
    int32_t *ids = m->build_ids + first;
    uint32_t node = 0;
    for (size_t t = 0; t < seg->ntokens; t++) {
        long tok = eg_strmap_intern(&m->vocab, e + seg->tokens[t].start,
                                    seg->tokens[t].end - seg->tokens[t].start, NULL);
        long c = tok < 0 ? -1 : child_or_new(m, node, (int32_t)tok);
        if (c < 0)
            return -1;
        ids[t] = (int32_t)tok;
        node = (uint32_t)c;
    }
    if (note_alias_shape(m, ids, P_NOT_ALL_LOWER, seg))
        return -1;
    uint32_t ai = (uint32_t)(m->dict->naliases + k);
    m->alias[ai] = (alias_info_t){P_NOT_ALL_LOWER, 0, (uint32_t)seg->ntokens, node};
    return 0;
}

/* Is vocabulary entry id a short ASCII string (what the fast table and
 * the child signatures know)? */
static int fast_form(const eg_matcher_t *m, size_t id)
{
    const unsigned char *key = (const unsigned char *)eg_strmap_key(&m->vocab, id);
    size_t n = m->vocab.key_lens[id];
    if (n == 0 || n > EG_TOKKEY_MAX)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (key[i] >= 0x80)
            return 0;
    return 1;
}

static eg_tokkey_t vocab_key(const eg_matcher_t *m, size_t id)
{
    size_t n = m->vocab.key_lens[id];
    return eg_tokkey_make(eg_strmap_key(&m->vocab, id), n, n, 0);
}

#define NO_CHILD_BIT 64 /* in build_shortcuts' shifts: not a fast form */
#define SHORTCUT_AHEAD 8 /* ids ahead whose table slot and node to prefetch */

/* Start loading what build_shortcuts will read and write for id: its
 * slot in the fast table and its root child's node (both far apart in
 * tables of megabytes: a cache miss each, one id after another). */
static void prefetch_shortcut(const eg_matcher_t *m, const uint8_t *shift, size_t id)
{
    if (id >= m->vocab.count || shift[id] == NO_CHILD_BIT)
        return;
    eg_fastvocab_prefetch(&m->fast, eg_tokkey_hash(vocab_key(m, id)));
    if (m->root_child[id] >= 0)
        __builtin_prefetch(&m->nodes[m->root_child[id]]);
}

/* The fast table, the one-byte table and the lower-case start set, from
 * the finished vocabulary. A key is the entry's bytes as stored (folded
 * already); text tokens are lower-cased into the same form. */
static int build_shortcuts(eg_matcher_t *m)
{
    for (size_t c = 0; c < 128; c++)
        m->punct_id[c] = -1;
    if (reserve_id_flags(m, m->vocab.count + 1)) /* a flag for every id */
        return -1;
    /* per id: the shift of its child_bit, or NO_CHILD_BIT (a byte, not
     * the 64-bit bit itself: an eighth of the memory to touch) */
    uint8_t *shift = malloc(m->vocab.count + 1);
    if (!shift)
        return -1;
    size_t nshort = 0, nlower = 0;
    for (size_t id = 0; id < m->vocab.count; id++) {
        shift[id] = fast_form(m, id)
                        ? (uint8_t)__builtin_ctzll(child_bit(eg_tokkey_hash(vocab_key(m, id))))
                        : NO_CHILD_BIT;
        nshort += shift[id] != NO_CHILD_BIT;
        nlower += m->id_flags[id] & ID_LOWER_START;
    }
    if (eg_fastvocab_init(&m->fast, nshort) || eg_tokset_init(&m->lower_starts, nlower)) {
        free(shift);
        return -1;
    }
    for (size_t i = 0; i < m->edge_slots; i++) {
        uint64_t key = m->edges[i].key;
        if (key && shift[(uint32_t)key] != NO_CHILD_BIT)
            m->nodes[(key >> 32) - 1].child_sig |= 1ULL << shift[(uint32_t)key];
    }
    int rc = 0;
    for (size_t id = 0; id < m->vocab.count && rc == 0; id++) {
        prefetch_shortcut(m, shift, id + SHORTCUT_AHEAD);
        if (shift[id] == NO_CHILD_BIT)
            continue;
        const unsigned char *key = (const unsigned char *)eg_strmap_key(&m->vocab, id);
        size_t n = m->vocab.key_lens[id];
        if (n == 1)
            m->punct_id[key[0]] = (int32_t)id;
        eg_tokkey_t k = vocab_key(m, id);
        int32_t root = m->root_child[id];
        int32_t aux = -1;
        uint64_t sig = 0;
        if (root >= 0) {
            aux = (int32_t)((uint32_t)root << 2 | (m->nodes[root].term_count ? 2u : 0u) |
                            (m->id_flags[id] & ID_LOWER_START));
            sig = m->nodes[root].child_sig;
        }
        rc = eg_fastvocab_add(&m->fast, k, (int32_t)id, aux, sig);
        if (rc == 0 && (m->id_flags[id] & ID_LOWER_START))
            eg_tokset_add(&m->lower_starts, eg_tokkey_hash(k));
    }
    free(shift);
    return rc;
}

/* The word of a list entry that the rules look at: its last word token
 * ("Prime Minister" -> minister, "Mr." -> mr), or the last before "of"
 * ("Secretary of State" -> secretary: State is no title); a one-letter
 * last word of a longer entry ("S.A.") marks nothing, since "A" alone is
 * no suffix. The entry is folded (lower case). */
static long entry_word(const char *e, const eg_segments_t *seg)
{
    long words = 0, last = -1;
    for (size_t k = 0; k < seg->ntokens; k++) {
        const eg_token_t *t = &seg->tokens[k];
        if (t->kind != EG_TOK_WORD)
            continue;
        if (last >= 0 && t->end - t->start == 2 && memcmp(e + t->start, "of", 2) == 0)
            break;
        words++, last = (long)k;
    }
    if (last < 0 || (words > 1 && seg->tokens[last].end - seg->tokens[last].start < 2))
        return -1;
    return last;
}

/* Every word list (but the stop list) into the vocabulary, with its class
 * bit, so that one lookup of a text token answers both "which alias"
 * and "which lists". Entries are folded already. */
/* The id of entry w of list k as the vocabulary knows it (interned when
 * add), -1 when it marks nothing, -2 when memory runs out. */
static long list_entry_id(eg_matcher_t *m, const eg_strmap_t *list, size_t w,
                          eg_segments_t *seg, int add)
{
    const char *e = eg_strmap_key(list, w);
    if (eg_tokenize(e, list->key_lens[w], seg))
        return -2;
    long t = entry_word(e, seg);
    if (t < 0)
        return -1;
    const char *word = e + seg->tokens[t].start;
    size_t n = seg->tokens[t].end - seg->tokens[t].start;
    long id = add ? eg_strmap_intern(&m->vocab, word, n, NULL) : eg_strmap_find(&m->vocab, word, n);
    return add && id < 0 ? -2 : id;
}

/* Vocabulary word id is on list k; a title or particle also goes into
 * the filter of lower-case words the rules may ask about. */
static void mark_class(eg_matcher_t *m, long id, int k)
{
    m->classes[id] |= (uint16_t)(1u << k);
    m->has_classes = 1;
    if (k == EG_LIST_TITLES || k == EG_LIST_PARTICLES) {
        const unsigned char *key = (const unsigned char *)eg_strmap_key(&m->vocab, (size_t)id);
        unsigned bit = eg_class_filter_bit(key[0], m->vocab.key_lens[id]);
        m->class_filter[bit >> 6] |= 1ULL << (bit & 63);
    }
}

static int add_word_lists(eg_matcher_t *m, const eg_dict_t *dict)
{
    eg_segments_t seg;
    eg_segments_init(&seg);
    int rc = 0;
    /* first every word into the vocabulary, then the class table */
    for (int pass = 0; pass < 2 && rc == 0; pass++) {
        if (pass == 1 && !(m->classes = calloc(m->vocab.count + 1, sizeof *m->classes)))
            rc = -1;
        for (int k = EG_LIST_WORDS; k < EG_LIST_COUNT && rc == 0; k++) {
            for (size_t w = 0; w < dict->lists[k].count && rc == 0; w++) {
                long id = list_entry_id(m, &dict->lists[k], w, &seg, pass == 0);
                if (id == -2)
                    rc = -1;
                else if (id >= 0 && pass == 1)
                    mark_class(m, id, k);
            }
        }
    }
    eg_segments_free(&seg);
    return rc;
}

/* The entities' classes apart from the entities: the rules read one per
 * mention, and an entity record is a cache miss where a byte table of
 * 150,000 entities stays in cache. */
static int add_entity_classes(eg_matcher_t *m, const eg_dict_t *dict)
{
    if (!(m->entity_class = malloc(dict->nentities + 1)))
        return -1;
    for (size_t e = 0; e < dict->nentities; e++)
        m->entity_class[e] = dict->entities[e].tclass;
    return 0;
}

/* One bit per alias for eg_matcher_shared, asked once per mention: the
 * alias record and its trie node are two reads far apart in memory. */
static int mark_shared(eg_matcher_t *m)
{
    size_t n = m->dict->naliases;
    if (!(m->shared = calloc(n / 64 + 1, sizeof *m->shared)))
        return -1;
    for (size_t a = 0; a < n; a++)
        if (m->nodes[m->alias[a].node].term_count > 1)
            m->shared[a >> 6] |= 1ULL << (a & 63);
    return 0;
}

/* The candidate slot of alias (or blocker) a. */
static cand_t make_cand(const eg_matcher_t *m, uint32_t a)
{
    const eg_dict_t *d = m->dict;
    return (cand_t){a << 2 | m->alias[a].policy,
                    a < d->naliases ? d->aliases[a].entity : EG_ENTITY_FOUND};
}

/* A candidate's priority: its entity's; a blocker's is above all, so
 * that it comes before any alias of its node. */
static int candidate_priority(const eg_matcher_t *m, uint32_t a)
{
    const eg_dict_t *d = m->dict;
    return a < d->naliases ? d->entities[d->aliases[a].entity].priority : INT_MAX;
}

/* Order the candidates of a node (in dictionary order now) by
 * compare_pending. Most nodes have one candidate, or several of one
 * priority, and are in order already. */
static int order_candidates(eg_matcher_t *m, const node_t *nd)
{
    cand_t *c = m->cand + nd->term_first;
    int p0 = candidate_priority(m, cand_alias(c[0])), same = 1;
    for (uint32_t i = 1; i < nd->term_count && same; i++)
        same = candidate_priority(m, cand_alias(c[i])) == p0;
    if (same)
        return 0;
    pending_t *p = malloc(nd->term_count * sizeof *p);
    if (!p)
        return -1;
    for (uint32_t i = 0; i < nd->term_count; i++)
        p[i] = (pending_t){cand_alias(c[i]), candidate_priority(m, cand_alias(c[i]))};
    qsort(p, nd->term_count, sizeof *p, compare_pending);
    for (uint32_t i = 0; i < nd->term_count; i++)
        c[i] = make_cand(m, p[i].alias);
    free(p);
    return 0;
}

/* cand: the added aliases and blockers (ntok > 0) grouped by node, in
 * node order, each node's term_first and term_count set (a node with no
 * candidate keeps 0, 0). A counting sort: visiting aliases in dictionary
 * order puts each node's candidates in that order, and only nodes whose
 * candidates differ in priority need sorting. */
static int group_candidates(eg_matcher_t *m)
{
    size_t n = m->dict->naliases + m->dict->lists[EG_LIST_STOP].count, total = 0;
    for (size_t a = 0; a < n; a++)
        if (m->alias[a].ntok)
            m->nodes[m->alias[a].node].term_count++, total++;
    if (!(m->cand = eg_big_alloc((total + 1) * sizeof *m->cand)))
        return -1;
    uint32_t next = 0;
    for (size_t v = 0; v < m->nnodes; v++) {
        node_t *nd = &m->nodes[v];
        if (nd->term_count) {
            nd->term_first = next;
            next += nd->term_count;
            nd->term_count = 0;
        }
    }
    for (size_t a = 0; a < n; a++) {
        if (m->alias[a].ntok) {
            node_t *nd = &m->nodes[m->alias[a].node];
            m->cand[nd->term_first + nd->term_count++] = make_cand(m, (uint32_t)a);
        }
    }
    for (size_t v = 0; v < m->nnodes; v++)
        if (m->nodes[v].term_count > 1 && order_candidates(m, &m->nodes[v]))
            return -1;
    return 0;
}

int eg_matcher_build(eg_matcher_t **out, const eg_dict_t *dict,
                     const eg_warner_t *warn, eg_error_t *err)
{
    *out = NULL;
    eg_matcher_t *m = calloc(1, sizeof *m);
    size_t nstop = dict->lists[EG_LIST_STOP].count;
    if (m)
        m->alias = eg_big_calloc((dict->naliases + nstop + 1) * sizeof *m->alias);
    if (!m || !m->alias || new_node(m) < 0) {
        eg_matcher_free(m);
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
    }
    m->dict = dict;
    eg_strmap_init(&m->vocab);
    if (dict->naliases + nstop > CAND_MAX_ALIASES) {
        eg_matcher_free(m);
        return eg_error_set(err, EG_ERR_DATA, NULL, 0,
                            "more than %u aliases and stop-list forms: split the dictionary",
                            (unsigned)CAND_MAX_ALIASES);
    }
    eg_segments_t seg;
    eg_segments_init(&seg);
    eg_buf_t folded = EG_BUF_INIT, work = EG_BUF_INIT;
    int rc = 0;
    for (size_t ai = 0; ai < dict->naliases && rc == 0; ai++) {
        const eg_alias_t *a = &dict->aliases[ai];
        if (eg_tokenize(a->text, strlen(a->text), &seg)) {
            rc = -1;
            break;
        }
        if (seg.ntokens == 0) {
            eg_warn(warn, a->file, a->line, "alias '%s' has no word to match; skipped",
                    a->text);
            continue;
        }
        if (dict->lists[EG_LIST_STOP].count) {
            eg_buf_clear(&folded);
            if (eg_fold_append(&folded, &work, a->text, strlen(a->text))) {
                rc = -1;
                break;
            }
            if (eg_strmap_find(&dict->lists[EG_LIST_STOP], folded.data, folded.len) >= 0) {
                m->nskipped++;
                continue;
            }
        }
        rc = add_alias(m, (uint32_t)ai, &seg, &folded, &work);
    }
    if (rc == 0)
        rc = insert_aliases(m);
    for (size_t k = 0; k < nstop && rc == 0; k++)
        rc = add_blocker(m, k, &seg);
    eg_segments_free(&seg);
    eg_buf_free(&folded);
    eg_buf_free(&work);
    /* the table the edges would have grown to one at a time, when the
     * first guess was larger (aliases that share many words) */
    if (rc == 0 && edge_slots_for(m->nedges) < m->edge_slots)
        rc = resize_edges(m, edge_slots_for(m->nedges));
    if (rc == 0)
        rc = group_candidates(m);
    free(m->build_ids);
    m->build_ids = NULL;
    if (rc == 0)
        rc = add_word_lists(m, dict);
    if (rc == 0)
        rc = add_entity_classes(m, dict);
    if (rc == 0) {
        m->root_child = eg_big_alloc((m->vocab.count + 1) * sizeof *m->root_child);
        if (!m->root_child)
            rc = -1;
        for (size_t id = 0; rc == 0 && id < m->vocab.count; id++)
            m->root_child[id] = m->edge_slots ? (int32_t)child_of(m, 0, (int32_t)id) : -1;
    }
    if (rc == 0)
        rc = build_shortcuts(m);
    if (rc == 0)
        rc = mark_shared(m);
    if (rc) {
        eg_matcher_free(m);
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
    }
    *out = m;
    return 0;
}

void eg_matcher_free(eg_matcher_t *m)
{
    if (!m)
        return;
    eg_strmap_free(&m->vocab);
    eg_big_free(m->edges);
    eg_big_free(m->nodes);
    eg_big_free(m->cand);
    eg_big_free(m->alias);
    free(m->tok_spans);
    free(m->classes);
    free(m->entity_class);
    free(m->shared);
    eg_big_free(m->root_child);
    free(m->id_flags);
    free(m->build_ids);
    eg_fastvocab_free(&m->fast);
    eg_tokset_free(&m->lower_starts);
    free(m);
}

size_t eg_matcher_nodes(const eg_matcher_t *m)
{
    return m->nnodes;
}

size_t eg_matcher_vocabulary(const eg_matcher_t *m)
{
    return m->vocab.count;
}

size_t eg_matcher_stopped(const eg_matcher_t *m)
{
    return m->nskipped;
}

const uint64_t *eg_matcher_class_filter(const eg_matcher_t *m)
{
    return m->class_filter;
}

int eg_matcher_has_classes(const eg_matcher_t *m)
{
    return m->has_classes;
}

const uint8_t *eg_matcher_entity_classes(const eg_matcher_t *m)
{
    return m->entity_class;
}

const uint16_t *eg_matcher_class_table(const eg_matcher_t *m, size_t *n)
{
    *n = m->vocab.count;
    return m->classes;
}

const eg_dict_t *eg_matcher_dict(const eg_matcher_t *m)
{
    return m->dict;
}

void eg_mentions_free(eg_mentions_t *m)
{
    free(m->items);
    memset(m, 0, sizeof *m);
}

void eg_match_scratch_free(eg_match_scratch_t *s)
{
    eg_buf_free(&s->folded);
    eg_buf_free(&s->fold_work);
    free(s->ids);
    free(s->base_ids);
    eg_mentions_free(&s->blocked);
    memset(s, 0, sizeof *s);
}

/* ---- scanning ---- */

#define ID_UNKNOWN (-3) /* scratch ids[k] not looked up yet (ids >= -1 are answers) */

/* Any token the fast tables cannot answer: fold it (Unicode) and ask the
 * vocabulary. -2 when memory runs out. */
/* The longest token folded: an alias has at most EG_DICT_MAX_ALIAS bytes,
 * and text that folds to it takes at most a few bytes for each of its
 * (full-width letters, decomposed accents: 3 for 1). Folding a longer
 * token could match nothing and took memory without end (90 MB of U+FDFA,
 * which folds to 18 letters, took 3.26 GB). */
#define MAX_FOLDED_TOKEN (4 * EG_DICT_MAX_ALIAS)

static int32_t lookup_general(const eg_matcher_t *m, eg_match_scratch_t *s,
                              const char *bytes, size_t n)
{
    if (n > MAX_FOLDED_TOKEN)
        return -1;
    eg_buf_clear(&s->folded);
    if (eg_fold_append(&s->folded, &s->fold_work, bytes, n))
        return -2;
    return (int32_t)eg_strmap_find(&m->vocab, s->folded.data, s->folded.len);
}

/* lookup_general through the scratch's memory of short tokens (folding
 * is costly and the same few non-ASCII characters come back often). */
static int32_t lookup_remembered(const eg_matcher_t *m, eg_match_scratch_t *s,
                                 const char *bytes, size_t n)
{
    if (s->cached_for != m) {
        memset(s->raw_ids, 0, sizeof s->raw_ids);
        s->cached_for = m;
    }
    struct eg_raw_id *slot = NULL;
    uint64_t raw[2] = {0, 0};
    if (n <= sizeof raw) {
        memcpy(raw, bytes, n);
        slot = &s->raw_ids[((raw[0] ^ raw[1] * 0xC2B2AE3D27D4EB4FULL) * 0x9E3779B97F4A7C15ULL) >> 56];
        if (slot->len == n && slot->bytes[0] == raw[0] && slot->bytes[1] == raw[1])
            return slot->id;
    }
    int32_t id = lookup_general(m, s, bytes, n);
    if (id == -2) {
        s->oom = 1;
        return -1;
    }
    if (slot) {
        slot->bytes[0] = raw[0];
        slot->bytes[1] = raw[1];
        slot->len = (uint32_t)n;
        slot->id = id;
    }
    return id;
}

/* Does the fast table answer text[t->start, end)? (end: the token's end
 * or its base's) */
static inline int fast_eligible(const eg_token_t *t, uint32_t end)
{
    return (t->flags & EG_TOKF_ASCII) && t->kind == EG_TOK_WORD &&
           end - t->start <= EG_TOKKEY_MAX;
}

static inline eg_tokkey_t fast_key(const char *text, const eg_segments_t *seg,
                                   const eg_token_t *t, uint32_t end)
{
    return eg_tokkey_make(text + t->start, end - t->start, seg->text_len - t->start, 1);
}

/* The id of text[t->start, end). */
static inline int32_t lookup(const eg_matcher_t *m, eg_match_scratch_t *s, const char *text,
                             const eg_segments_t *seg, const eg_token_t *t, uint32_t end)
{
    if (fast_eligible(t, end)) {
        eg_tokkey_t k = fast_key(text, seg, t, end);
        const eg_fastvocab_entry_t *e = eg_fastvocab_find(&m->fast, k, eg_tokkey_hash(k));
        return e ? e->id : -1;
    }
    if ((t->flags & EG_TOKF_ASCII) && t->kind == EG_TOK_PUNCT) /* one ASCII byte */
        return m->punct_id[(unsigned char)text[t->start] & 0x7F];
    return lookup_remembered(m, s, text + t->start, end - t->start);
}

static inline int32_t word_id(const eg_matcher_t *m, eg_match_scratch_t *s, const char *text,
                              const eg_segments_t *seg, size_t k)
{
    if (s->ids[k] == ID_UNKNOWN)
        s->ids[k] = lookup(m, s, text, seg, &seg->tokens[k], seg->tokens[k].end);
    return s->ids[k];
}

static inline int32_t base_id(const eg_matcher_t *m, eg_match_scratch_t *s, const char *text,
                              const eg_segments_t *seg, size_t k)
{
    const eg_token_t *t = &seg->tokens[k];
    if (t->base_end == t->end)
        return -1;
    if (s->base_ids[k] == ID_UNKNOWN)
        s->base_ids[k] = lookup(m, s, text, seg, t, t->base_end);
    return s->base_ids[k];
}

int32_t eg_matcher_token_id(const eg_matcher_t *m, eg_match_scratch_t *s, const char *text,
                            const eg_segments_t *seg, size_t k)
{
    return word_id(m, s, text, seg, k);
}

int32_t eg_matcher_base_id(const eg_matcher_t *m, eg_match_scratch_t *s, const char *text,
                           const eg_segments_t *seg, size_t k)
{
    return base_id(m, s, text, seg, k);
}

static inline int lower_only(const eg_token_t *t)
{
    return (t->flags & (EG_TOKF_HAS_UPPER | EG_TOKF_HAS_LOWER)) == EG_TOKF_HAS_LOWER;
}

/* Could a match start at token k? Most tokens are lower-case words, and
 * most lower-case words start no alias that may match in lower case: the
 * set rules those out before any lookup. *root is the trie node the token
 * itself leads to from the root (-1: none); the token's possessive base
 * may start a match too. (Prefetching the lookups of tokens ahead, in
 * stages, was measured slower even with 150,000 names.) */
typedef struct start {
    long node;         /* the trie node token k leads to from the root, or -1 */
    int has_terms;     /* that node ends aliases */
    uint64_t child_sig; /* that node's child signature */
} start_t;

static inline int can_start(const eg_matcher_t *m, eg_match_scratch_t *s, const char *text,
                            const eg_segments_t *seg, size_t k, start_t *st)
{
    const eg_token_t *t = &seg->tokens[k];
    int lower = lower_only(t);
    *st = (start_t){-1, 0, 0};
    if (s->ids[k] == ID_UNKNOWN && fast_eligible(t, t->end)) {
        eg_tokkey_t key = fast_key(text, seg, t, t->end);
        uint64_t h = eg_tokkey_hash(key);
        if (lower && t->base_end == t->end && !eg_tokset_maybe(&m->lower_starts, h))
            return 0;
        const eg_fastvocab_entry_t *e = eg_fastvocab_find(&m->fast, key, h);
        s->ids[k] = e ? e->id : -1;
        if (e && e->aux >= 0 && (!lower || (e->aux & 1))) {
            /* all the scan needs of the root node, from the same slot */
            st->node = e->aux >> 2;
            st->has_terms = (e->aux >> 1) & 1;
            st->child_sig = e->extra;
        }
    } else {
        int32_t id = word_id(m, s, text, seg, k);
        if (id >= 0 && (!lower || (m->id_flags[id] & ID_LOWER_START)) &&
            m->root_child[id] >= 0) {
            st->node = m->root_child[id];
            st->has_terms = m->nodes[st->node].term_count != 0;
            st->child_sig = m->nodes[st->node].child_sig;
        }
    }
    if (st->node >= 0)
        return 1;
    int32_t b = base_id(m, s, text, seg, k);
    return b >= 0 && m->root_child[b] >= 0;
}

/* The id of token k when it may continue a match at a node with this
 * child signature, or -1: a short ASCII token whose bit the signature
 * lacks is ruled out without a lookup (most are); otherwise the lookup
 * reuses the hash the signature test computed. */
static inline int32_t child_token_id(const eg_matcher_t *m, eg_match_scratch_t *s,
                                     const char *text, const eg_segments_t *seg,
                                     uint64_t child_sig, size_t k)
{
    const eg_token_t *t = &seg->tokens[k];
    if (fast_eligible(t, t->end)) {
        eg_tokkey_t key = fast_key(text, seg, t, t->end);
        uint64_t h = eg_tokkey_hash(key);
        if (!(child_sig & child_bit(h)))
            return -1;
        if (s->ids[k] == ID_UNKNOWN) {
            const eg_fastvocab_entry_t *e = eg_fastvocab_find(&m->fast, key, h);
            s->ids[k] = e ? e->id : -1;
        }
        return s->ids[k];
    }
    if ((t->flags & EG_TOKF_ASCII) && t->kind == EG_TOK_PUNCT) {
        eg_tokkey_t key = eg_tokkey_make(text + t->start, 1, 1, 0);
        if (!(child_sig & child_bit(eg_tokkey_hash(key))))
            return -1;
    }
    return word_id(m, s, text, seg, k);
}

/* Every id unknown: lookups happen on demand (most tokens never need one). */
static int reset_ids(const eg_segments_t *seg, eg_match_scratch_t *s)
{
    if (seg->ntokens > s->cap) {
        size_t cap = seg->ntokens + seg->ntokens / 2 + 16;
        int32_t *ids = realloc(s->ids, cap * sizeof *ids);
        if (!ids)
            return -1;
        s->ids = ids;
        int32_t *base = realloc(s->base_ids, cap * sizeof *base);
        if (!base)
            return -1;
        s->base_ids = base;
        s->cap = cap;
    }
    for (size_t k = 0; k < seg->ntokens; k++)
        s->ids[k] = s->base_ids[k] = ID_UNKNOWN;
    s->oom = 0;
    s->blocked.n = 0;
    return 0;
}

static int exact_equal(const eg_matcher_t *m, uint32_t ai, const char *text,
                       const eg_segments_t *seg, size_t first, size_t last,
                       int base)
{
    const alias_info_t *info = &m->alias[ai];
    const char *atext = m->dict->aliases[ai].text;
    for (size_t k = 0; k < info->ntok; k++) {
        const eg_token_t *t = &seg->tokens[first + k];
        uint32_t end = (base && first + k == last) ? t->base_end : t->end;
        uint32_t as = m->tok_spans[2 * (info->tok_first + k)];
        uint32_t ae = m->tok_spans[2 * (info->tok_first + k) + 1];
        if (end - t->start != ae - as || memcmp(text + t->start, atext + as, ae - as))
            return 0;
    }
    return 1;
}

/* The first candidate at node whose case policy accepts tokens
 * [first, last] (the last one cut to its base when base): its index in
 * m->cand, or -1. */
static long accept(const eg_matcher_t *m, uint32_t node, const char *text,
                   const eg_segments_t *seg, size_t first, size_t last, int base)
{
    int has_upper = -1;
    uint32_t c0 = m->nodes[node].term_first, n = m->nodes[node].term_count;
    for (uint32_t c = c0; c < c0 + n; c++) {
        switch (cand_policy(m->cand[c])) {
        case P_FOLD:
            return c;
        case P_NOT_ALL_LOWER:
            if (has_upper < 0) {
                has_upper = 0;
                for (size_t k = first; k <= last; k++)
                    if (seg->tokens[k].flags & EG_TOKF_HAS_UPPER)
                        has_upper = 1;
            }
            if (has_upper)
                return c;
            break;
        case P_EXACT:
            if (exact_equal(m, cand_alias(m->cand[c]), text, seg, first, last, base))
                return c;
            break;
        }
    }
    return -1;
}

int eg_mentions_push(eg_mentions_t *out, const eg_mention_t *mn)
{
    if (out->n == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 64;
        eg_mention_t *p = realloc(out->items, cap * sizeof *p);
        if (!p)
            return -1;
        out->items = p;
        out->cap = cap;
    }
    out->items[out->n++] = *mn;
    return 0;
}

int eg_mentions_assign(eg_mentions_t *m, const eg_mention_t *items, size_t n)
{
    if (n > m->cap) {
        eg_mention_t *p = realloc(m->items, n * sizeof *p);
        if (!p)
            return -1;
        m->items = p;
        m->cap = n;
    }
    if (n)
        memcpy(m->items, items, n * sizeof *items);
    m->n = n;
    return 0;
}

/* The longest match that starts at token i of sentence si, if any:
 * pushed (a blocker to s->blocked, an alias to out). Returns the token
 * after it, or i when nothing starts there; -1 when memory runs out. */
static long match_at(const eg_matcher_t *m, const char *text, const eg_segments_t *seg,
                     eg_match_scratch_t *s, size_t si, size_t i, eg_mentions_t *out)
{
    const eg_sentence_t *sent = &seg->sentences[si];
    start_t st;
    if (!can_start(m, s, text, seg, i, &st))
        return (long)i;
    long best_cand = -1; /* index in m->cand */
    size_t best_last = 0;
    int best_base = 0;
    uint32_t node = 0;
    uint64_t node_sig = 0;
    for (size_t j = i; j < sent->end_token; j++) {
        int32_t b = base_id(m, s, text, seg, j);
        if (b >= 0) {
            long c = j == i ? m->root_child[b] : child_of(m, node, b);
            long a = c >= 0 && m->nodes[c].term_count
                         ? accept(m, (uint32_t)c, text, seg, i, j, 1)
                         : -1;
            if (a >= 0)
                best_cand = a, best_last = j, best_base = 1;
        }
        int32_t id = j == i ? word_id(m, s, text, seg, j)
                            : child_token_id(m, s, text, seg, node_sig, j);
        if (id < 0)
            break;
        long c;
        int has_terms;
        if (j == i) {
            c = st.node;
            has_terms = st.has_terms;
            node_sig = st.child_sig;
        } else {
            c = child_of(m, node, id);
            if (c < 0)
                break;
            has_terms = m->nodes[c].term_count != 0;
            node_sig = m->nodes[c].child_sig;
        }
        if (c < 0)
            break;
        long a = has_terms ? accept(m, (uint32_t)c, text, seg, i, j, 0) : -1;
        if (a >= 0)
            best_cand = a, best_last = j, best_base = 0;
        node = (uint32_t)c;
    }
    if (best_cand < 0)
        return (long)i;
    eg_mention_t mn = {
        .start = seg->tokens[i].start,
        .sentence = (uint32_t)si,
        .first_token = (uint32_t)i,
        .ntokens = (uint32_t)(best_last - i + 1),
    };
    cand_t best = m->cand[best_cand];
    if (cand_alias(best) >= m->dict->naliases) { /* a blocker */
        mn.end = seg->tokens[best_last].end;
        mn.entity = EG_ENTITY_FOUND;
        mn.alias = EG_ALIAS_NONE;
        if (eg_mentions_push(&s->blocked, &mn))
            return -1;
    } else {
        const eg_token_t *lt = &seg->tokens[best_last];
        mn.end = best_base ? lt->base_end : lt->end;
        mn.entity = best.entity;
        mn.alias = cand_alias(best);
        if (eg_mentions_push(out, &mn))
            return -1;
    }
    return (long)(best_last + 1);
}

/* Could token t start a match that has no capital? (NOCAP_ANY never
 * gets here: eg_matcher_scan hands it to the dense scan.) */
static inline int may_start_uncapitalised(const eg_matcher_t *m, const eg_token_t *t)
{
    return m->nocap == NOCAP_UNCASED && !(t->flags & EG_TOKF_HAS_LOWER);
}

/* Token k is a token that some alias has before its last one (so a
 * match may go on from it to the capital after it). */
static inline int inner_token(const eg_matcher_t *m, eg_match_scratch_t *s, const char *text,
                              const eg_segments_t *seg, size_t k)
{
    int32_t id = word_id(m, s, text, seg, k);
    return id >= 0 && (m->id_flags[id] & ID_INNER);
}

/* What both scans do first: no mentions, every id unknown. Returns 1
 * when there is something to scan, 0 when not, -1 out of memory. */
static int scan_begin(const eg_matcher_t *m, const eg_segments_t *seg, eg_match_scratch_t *s,
                      eg_mentions_t *out)
{
    out->n = 0;
    if (reset_ids(seg, s))
        return -1;
    return m->edge_slots && seg->ntokens;
}

int eg_matcher_scan_dense(const eg_matcher_t *m, const char *text, const eg_segments_t *seg,
                          eg_match_scratch_t *s, eg_mentions_t *out)
{
    int go = scan_begin(m, seg, s, out);
    if (go <= 0)
        return go < 0 ? EG_ERR_RUNTIME : 0;
    for (size_t si = 0; si < seg->nsentences; si++) {
        const eg_sentence_t *sent = &seg->sentences[si];
        size_t i = sent->first_token;
        while (i < sent->end_token) {
            long next = match_at(m, text, seg, s, si, i, out);
            if (next < 0)
                return EG_ERR_RUNTIME;
            i = (size_t)next > i ? (size_t)next : i + 1;
        }
    }
    return s->oom ? EG_ERR_RUNTIME : 0;
}

/* Every match but one with no capital at all holds a token with a
 * capital, and the tokens before that token in the match are inner
 * tokens of some alias. So the scan visits the tokens with a capital
 * and walks back from each over inner tokens (not into a match already
 * made): those are all the places a match can start, tried left to
 * right as eg_matcher_scan_dense tries every token. Most lower-case
 * words are never looked up. */
int eg_matcher_scan(const eg_matcher_t *m, const char *text, const eg_segments_t *seg,
                    eg_match_scratch_t *s, eg_mentions_t *out)
{
    if (m->nocap == NOCAP_ANY)
        return eg_matcher_scan_dense(m, text, seg, s, out);
    int go = scan_begin(m, seg, s, out);
    if (go <= 0)
        return go < 0 ? EG_ERR_RUNTIME : 0;
    for (size_t si = 0; si < seg->nsentences; si++) {
        const eg_sentence_t *sent = &seg->sentences[si];
        size_t pos = sent->first_token; /* no match starts before pos but those made */
        for (size_t u = pos; u < sent->end_token; u++) {
            const eg_token_t *t = &seg->tokens[u];
            if (!(t->flags & EG_TOKF_HAS_UPPER) && !may_start_uncapitalised(m, t))
                continue;
            size_t i = u;
            while (i > pos && inner_token(m, s, text, seg, i - 1))
                i--;
            for (; i <= u; i++) {
                if (i < pos)
                    continue; /* inside a match made from an earlier i */
                long next = match_at(m, text, seg, s, si, i, out);
                if (next < 0)
                    return EG_ERR_RUNTIME;
                pos = (size_t)next > i ? (size_t)next : i + 1;
            }
            u = pos - 1;
        }
    }
    return s->oom ? EG_ERR_RUNTIME : 0;
}

int eg_matcher_shared(const eg_matcher_t *m, uint32_t ai)
{
    return ai < m->dict->naliases && ((m->shared[ai >> 6] >> (ai & 63)) & 1);
}

size_t eg_matcher_alternatives(const eg_matcher_t *m, const char *text,
                               const eg_segments_t *seg, const eg_mention_t *mn,
                               uint32_t *aliases, size_t max)
{
    if (mn->alias >= m->dict->naliases || mn->ntokens == 0)
        return 0;
    uint32_t node = m->alias[mn->alias].node;
    size_t first = mn->first_token, last = first + mn->ntokens - 1;
    int base = mn->end < seg->tokens[last].end;
    int has_upper = 0;
    for (size_t k = first; k <= last; k++)
        if (seg->tokens[k].flags & EG_TOKF_HAS_UPPER)
            has_upper = 1;
    size_t n = 0;
    for (uint32_t c = 0; c < m->nodes[node].term_count && n < max; c++) {
        cand_t cd = m->cand[m->nodes[node].term_first + c];
        uint32_t ai = cand_alias(cd);
        int ok = cand_policy(cd) == P_FOLD || (cand_policy(cd) == P_NOT_ALL_LOWER && has_upper) ||
                 (cand_policy(cd) == P_EXACT && exact_equal(m, ai, text, seg, first, last, base));
        if (ok)
            aliases[n++] = ai;
    }
    return n;
}

const char *eg_why_name(unsigned why)
{
    static const char *const NAMES[EG_WHY_COUNT] = {
        [EG_WHY_ALIAS] = "alias",         [EG_WHY_PRIORITY] = "importance",
        [EG_WHY_CONTEXT] = "context",     [EG_WHY_ONE_SENSE] = "one-sense",
        [EG_WHY_LOCATIVE] = "locative",
        [EG_WHY_PERSON] = "person",       [EG_WHY_PARTIAL] = "partial",
        [EG_WHY_GIVEN_NAME] = "given-name", [EG_WHY_TITLE] = "title",
        [EG_WHY_ORG_HEAD] = "org-head",   [EG_WHY_ORG_SUFFIX] = "org-suffix",
        [EG_WHY_ACRONYM] = "acronym",     [EG_WHY_PATTERN] = "pattern",
        [EG_WHY_PLACE_HEAD] = "place-head",
    };
    return why < EG_WHY_COUNT ? NAMES[why] : "?";
}
