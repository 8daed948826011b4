/* eg_types.h — the few kinds of entity the tagging rules reason about.
 *
 * Types are free words in a dictionary ("person", "place", "city",
 * "band"...). Rules need to know only whether an entity is a person, a
 * place or an organisation; the class is worked out once per entity
 * (eg_entity_t.tclass, eg_found_entity_t.tclass), never per mention.
 */
#ifndef EG_TYPES_H
#define EG_TYPES_H

enum eg_type_class {
    EG_TC_OTHER = 0,
    EG_TC_PERSON,       /* person, per */
    EG_TC_PLACE,        /* place, city, country, region, loc */
    EG_TC_ORGANISATION, /* organisation, organization, org */
};

/* The class of a type name (case-insensitive). */
unsigned char eg_type_class(const char *type);

#endif
