/*
 * Meetings for the unit tests: a meeting of the giaoban template with its
 * title and date, an attendee and an action item each in one call, so a
 * test's fixture says only what it is about.  Strings are copied; NULL
 * leaves a field empty.
 */
#ifndef MINUTES_TMEET_H
#define MINUTES_TMEET_H

#include <stdlib.h>

#include "core/model.h"
#include "lib/xmalloc.h"

/* m initialised here, with what the store requires. */
__attribute__((unused))
static void
tm_meeting(struct meeting *m, const char *title, const char *date)
{
	meeting_init(m);
	meeting_set(m, F_TEMPLATE, "giaoban");
	meeting_set(m, F_TITLE, title);
	meeting_set(m, F_DATE, date);
}

/* A member, present, of the organisation given. */
__attribute__((unused))
static struct attendee *
tm_attendee(struct meeting *m, const char *name, const char *organisation)
{
	struct attendee *a = meeting_add_attendee(m);

	a->name = xstrdup0(name);
	a->organisation = xstrdup0(organisation);
	return a;
}

/* Replaces the string *field (an attendee's or an item's) with a copy of
 * v. */
__attribute__((unused))
static void
tm_set(char **field, const char *v)
{
	free(*field);
	*field = xstrdup0(v);
}

/* An open item. */
__attribute__((unused))
static struct action *
tm_action(struct meeting *m, const char *assignee, const char *task,
    const char *due)
{
	struct action *t = meeting_add_action(m);

	t->assignee = xstrdup0(assignee);
	t->task = xstrdup0(task);
	t->due = xstrdup0(due);
	return t;
}

#endif
