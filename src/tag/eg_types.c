/* eg_types.c — type names to classes; the CoNLL mapping of tag's output
 * (eg_export_mentions.h) reads the same words. */
#include "eg_types.h"

#include <strings.h>

unsigned char eg_type_class(const char *type)
{
    static const struct { const char *name; unsigned char cls; } MAP[] = {
        {"person", EG_TC_PERSON},       {"per", EG_TC_PERSON},
        {"place", EG_TC_PLACE},         {"city", EG_TC_PLACE},
        {"country", EG_TC_PLACE},       {"region", EG_TC_PLACE},
        {"loc", EG_TC_PLACE},           {"organisation", EG_TC_ORGANISATION},
        {"organization", EG_TC_ORGANISATION}, {"org", EG_TC_ORGANISATION},
    };
    for (unsigned i = 0; type && i < sizeof MAP / sizeof *MAP; i++)
        if (strcasecmp(type, MAP[i].name) == 0)
            return MAP[i].cls;
    return EG_TC_OTHER;
}
