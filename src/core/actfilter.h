/*
 * The action review's filter, as the secretary types it: words and
 * "quoted phrases" that must occur in an item's assignee or task, and
 * fields as `minutes actions` has them as options: assignee:TEXT,
 * status:WORD, meeting:ID (or words of its title), due:DATE (due before
 * DATE).  Field names are also taken in the interface language (người:,
 * tt:, họp:, hạn: in Vietnamese), values may be quoted, and everything is
 * compared folded (case, diacritics, đ -> d), as search folds it.  Kept
 * free of the screen and the database so a unit test can drive it.
 */
#ifndef MINUTES_ACTFILTER_H
#define MINUTES_ACTFILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model.h"

struct err;

#define ACTFILTER_MAX_TERMS 32

struct actfilter {
	char	*terms[ACTFILTER_MAX_TERMS];	/* folded words and phrases */
	size_t	 nterms;
	char	*assignee;	/* folded, or NULL */
	int	 status;	/* an enum act_status, or -1 for any */
	int64_t	 meeting_id;	/* 0 for any */
	char	*meeting;	/* folded words of the meeting's title, or NULL */
	char	 due_before[11];	/* YYYY-MM-DD, or "" */
};

/* Parses text into f (zeroed first).  An unclosed quote runs to the end,
 * as it does while being typed.  ERR_INPUT with a one-line message for a
 * date or status that is none (f then holds what came before it). */
int	 actfilter_parse(const char *text, struct actfilter *f, struct err *);
/* True if nothing is asked. */
bool	 actfilter_empty(const struct actfilter *f);
/* True if the item passes: who and what are its folded assignee and task
 * (search_fold), title its meeting's title as stored. */
bool	 actfilter_match(const struct actfilter *f, const struct action *a,
	    const char *who, const char *what, const char *title);
void	 actfilter_free(struct actfilter *f);

#endif
