/*
 * Three-way merging, for two instances that saved the same meeting: what
 * both started from (base), what this one has (mine) and what the other
 * stored meanwhile (theirs).  The rule everywhere: a change made on one
 * side only is taken; the same change on both sides is taken once; two
 * different changes to the same place are a conflict, and then nothing is
 * dropped -- both versions are kept, visibly, for a person to reconcile.
 *
 * Texts are merged by words (merge_text.c): two edits merge when at least
 * one unchanged word, space or line break lies between them, so two
 * people typing in different sentences of one paragraph do not conflict.
 * A conflict keeps this instance's lines where they were and puts the
 * other version's lines right after them, between two marker lines.
 *
 * Roster and task rows are merged by id, field by field (merge_rows.c): a
 * row changed on both sides in different fields is merged; a field
 * changed on both sides to different values makes the row a conflict,
 * kept twice (the other version under its id, this one as a new row
 * after it).  A row deleted on one side and changed on the other is
 * kept.  A task's status and source span are the exceptions: when both
 * sides changed them, this instance's are kept (a status has a history
 * that records the change).
 */
#ifndef MINUTES_MERGE_H
#define MINUTES_MERGE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/model.h"

struct buf;

/* What a merge did: places where both sides' changes were combined, and
 * conflicts where both versions were kept. */
struct merge_count {
	size_t	merged;
	size_t	both;
};

/* The marker lines around the other version of a conflicting passage
 * (in the interface language). */
const char *merge_mark_begin(void);
const char *merge_mark_end(void);

/*
 * Merges texts (valid UTF-8 or not: bytes are never split inside a
 * character) into out, which is reset first.  Returns the number of
 * conflicting passages kept twice (0: a clean merge).  The work is
 * bounded: past about MERGE_MAX_STEPS comparisons the rest of a changed
 * region is treated as one change (so two very different versions become
 * one conflict, keeping both, rather than a long wait).
 */
#define MERGE_MAX_STEPS 20000000
size_t	 merge_text(const char *base, size_t nbase, const char *mine,
	    size_t nmine, const char *theirs, size_t ntheirs, struct buf *out);

/* Header fields: a field changed on one side is taken from it; changed
 * on both sides to different values, mine is kept and c->both counted.
 * out[f] are malloc'd (or NULL). */
void	 merge_fields(char *const base[F_NFIELDS], char *const mine[F_NFIELDS],
	    char *const theirs[F_NFIELDS], char *out[F_NFIELDS],
	    struct merge_count *c);

/* Row lists by id (0: a row not stored yet, always kept).  *out is a
 * malloc'd array of deep copies, in mine's order with rows added on the
 * other side after the row they follow there. */
void	 merge_attendees(const struct attendee *base, size_t nbase,
	    const struct attendee *mine, size_t nmine,
	    const struct attendee *theirs, size_t ntheirs,
	    struct attendee **out, size_t *nout, struct merge_count *c);
void	 merge_actions(const struct action *base, size_t nbase,
	    const struct action *mine, size_t nmine,
	    const struct action *theirs, size_t ntheirs,
	    struct action **out, size_t *nout, struct merge_count *c);

/* Deep copies of rows (the store keeps what a caller started from). */
void	 merge_copy_attendee(struct attendee *dst, const struct attendee *src);
bool	 merge_same_attendee(const struct attendee *, const struct attendee *);
bool	 merge_same_action(const struct action *, const struct action *);

#endif
