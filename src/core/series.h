/*
 * What a meeting inherits from its series and what it must have before it
 * is final: the roster of the last meeting, the open tasks of earlier
 * meetings to review, and the checklist run when the secretary marks the
 * minutes final.  Pure functions over model records; the store supplies
 * the records (store_series_*), the screens show the results.
 */
#ifndef MINUTES_SERIES_H
#define MINUTES_SERIES_H

#include <stddef.h>

struct meeting;
struct tmpl;

/* Copies prev's attendees into m (which has none yet), all marked present
 * and without representatives: the usual start of the next meeting. */
void	 series_copy_roster(struct meeting *m, const struct meeting *prev);

enum check_kind {
	CHECK_NO_CHAIR,
	CHECK_NO_SECRETARY,
	CHECK_NO_END,
	CHECK_EMPTY_SECTION,	/* a required section is empty */
	CHECK_TASK_NO_ASSIGNEE,
	CHECK_TASK_NO_DUE
};

struct check_item {
	enum check_kind	 kind;
	const char	*section;	/* key, for CHECK_EMPTY_SECTION */
	size_t		 task;		/* index into m->act, for task checks */
};

/* What is still missing before m can be final (see enum check_kind), in
 * the order a secretary would fix them.  *out is malloc'd; *n may be 0. */
void	 series_checklist(const struct meeting *m, const struct tmpl *t,
	    struct check_item **out, size_t *n);
/* One line describing an item, translated, malloc'd. */
char	*series_check_text(const struct meeting *m, const struct tmpl *t,
	    const struct check_item *);

#endif
