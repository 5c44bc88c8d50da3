/*
 * Series carry-over and the finalise checklist (see series.h).  The chair
 * and the secretary count as present when the header names them or the
 * roster gives someone that role, since secretaries fill either first.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/series.h"
#include "core/tmpl.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"

void
series_copy_roster(struct meeting *m, const struct meeting *prev)
{
	for (size_t i = 0; i < prev->natt; i++) {
		const struct attendee *p = &prev->att[i];
		struct attendee *a = meeting_add_attendee(m);

		a->name = xstrdup(p->name);
		a->position = xstrdup0(p->position);
		a->organisation = xstrdup0(p->organisation);
		a->role = p->role;
		a->presence = PRES_PRESENT;
	}
}

static bool
has_role(const struct meeting *m, enum role r)
{
	for (size_t i = 0; i < m->natt; i++)
		if (m->att[i].role == r)
			return true;
	return false;
}

static bool
blank(const char *s)
{
	if (s == NULL)
		return true;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

/* The checklist as it grows. */
struct checklist {
	struct check_item	*v;
	size_t			 n, cap;
};

static void
add(struct checklist *l, enum check_kind k, const char *sec, size_t task)
{
	XPUSH(l->v, l->n, l->cap);
	l->v[l->n++] = (struct check_item){ .kind = k, .section = sec,
	    .task = task };
}

void
series_checklist(const struct meeting *m, const struct tmpl *t,
    struct check_item **out, size_t *n)
{
	struct checklist l = { NULL, 0, 0 };

	if (blank(m->field[F_CHAIR]) && !has_role(m, ROLE_CHAIR))
		add(&l, CHECK_NO_CHAIR, NULL, 0);
	if (blank(m->field[F_SECRETARY]) && !has_role(m, ROLE_SECRETARY))
		add(&l, CHECK_NO_SECRETARY, NULL, 0);
	if (blank(m->field[F_END]))
		add(&l, CHECK_NO_END, NULL, 0);
	for (size_t i = 0; t && i < t->nsec; i++) {
		const struct tmpl_section *s = &t->sec[i];
		bool empty;

		if (!s->required)
			continue;
		if (s->kind == SEC_ROSTER)
			empty = m->natt == 0;
		else if (s->kind == SEC_TASKS)
			empty = m->nact == 0;
		else
			empty = blank(meeting_section(m, s->key));
		if (empty)
			add(&l, CHECK_EMPTY_SECTION, s->key, 0);
	}
	for (size_t i = 0; i < m->nact; i++) {
		if (blank(m->act[i].assignee))
			add(&l, CHECK_TASK_NO_ASSIGNEE, NULL, i);
		if (m->act[i].due == NULL)
			add(&l, CHECK_TASK_NO_DUE, NULL, i);
	}
	*out = l.v;
	*n = l.n;
}

char *
series_check_text(const struct meeting *m, const struct tmpl *t,
    const struct check_item *c)
{
	const struct tmpl_section *s;
	const char *task = c->task < m->nact ? m->act[c->task].task : "";

	switch (c->kind) {
	case CHECK_NO_CHAIR:
		return xstrdup(_("No chair: name who chairs the meeting"));
	case CHECK_NO_SECRETARY:
		return xstrdup(_("No secretary: name who takes the minutes"));
	case CHECK_NO_END:
		return xstrdup(_("No end time"));
	case CHECK_EMPTY_SECTION:
		s = t ? tmpl_section(t, c->section) : NULL;
		return xasprintf(_("Section \"%s\" is empty"),
		    s ? s->heading : c->section);
	case CHECK_TASK_NO_ASSIGNEE:
		return xasprintf(_("Task %zu has no assignee: %s"), c->task + 1, task);
	case CHECK_TASK_NO_DUE:
		return xasprintf(_("Task %zu has no due date: %s"), c->task + 1, task);
	}
	return xstrdup("");
}
