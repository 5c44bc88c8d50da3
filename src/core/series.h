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

#include <stdbool.h>

#include "core/model.h"

struct tmpl;

/*
 * Names compared as the same: a series typed "Giao ban thường trực Thành
 * uỷ" is the series stored as "Giao ban thường trực Thành ủy", and the
 * chair the header names is the roster's "Lê Văn Bình" however it was
 * capitalised.  The key folds case (as search does), makes every run of
 * blanks one space and drops those around, and moves each word's tone
 * mark to the word's end, so that the old and new placements (ủy/uỷ,
 * hòa/hoà, khỏe/khoẻ, thúy/thuý) agree.  The other marks stay: "Họp" and
 * "Hợp" are different words, so search's folding, which drops every mark,
 * would merge names that are not the same.
 */
char	*series_key(const char *name);		/* malloc'd */
bool	 series_same(const char *a, const char *b);
/* typed with its blanks made single spaces and those around dropped,
 * malloc'd; NULL when nothing is left. */
char	*series_clean(const char *typed);
/* The first of names[0..n) that is the same as name, or -1. */
long	 series_find(char *const *names, size_t n, const char *name);

/* Copies prev's attendees into m (which has none yet), all marked present
 * and without representatives: the usual start of the next meeting. */
void	 series_copy_roster(struct meeting *m, const struct meeting *prev);
/* Copies the header a meeting of the series keeps from prev into m:
 * organisation, place, place of issue, chair, secretary, start time,
 * style, recipients, the series' spelling, and the number's pattern
 * (series_number_pattern). */
void	 series_copy_header(struct meeting *m, const struct meeting *prev);
/* The number of the next minutes from the last one's: the running
 * number at its start made "…", the rest kept ("12-BB/TU" gives
 * "…-BB/TU", "05/BB-UBND" "…/BB-UBND"), as a draft prints it until it is
 * numbered.  malloc'd; NULL for NULL or a number that is only digits. */
char	*series_number_pattern(const char *number);

/*
 * One truth for the chair and the secretary: the header's field (F_CHAIR,
 * F_SECRETARY) and the roster's role name the same person.  The header
 * may hold "Name, position": the name before the comma is compared.
 */
/* The attendee the header's field f names, or -1. */
long	 series_named(const struct meeting *m, enum field f);
/* Attendee i's role was changed from old (in the roster): with the role
 * of chair or secretary, the header names them and whoever else held it
 * becomes a member; a header that named them for the role they left is
 * cleared.  True if the header changed. */
bool	 series_role_changed(struct meeting *m, size_t i, enum role old);
/* The header's field f (F_CHAIR, F_SECRETARY) was changed: the attendee
 * it names takes the role, and whoever else held it becomes a member.
 * True if the roster changed. */
bool	 series_header_changed(struct meeting *m, enum field f);
/* Attendee i was added: if the header names them as chair or secretary,
 * they take that role.  True if the roster changed. */
bool	 series_attendee_added(struct meeting *m, size_t i);

enum check_kind {
	CHECK_NO_CHAIR,
	CHECK_NO_SECRETARY,
	CHECK_CHAIR_MISMATCH,	/* the header's chair is not the roster's */
	CHECK_SECRETARY_MISMATCH,
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
