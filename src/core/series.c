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
#include "lib/buf.h"
#include "lib/i18n.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"

/* The five tone marks of Vietnamese, as NFD writes them. */
static bool
tone_mark(int32_t cp)
{
	return cp == 0x300 || cp == 0x301 || cp == 0x303 || cp == 0x309 ||
	    cp == 0x323;
}

static bool
blank_cp(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == 0xa0 || cp == 0x202f || cp == 0x3000 ||
	    (cp >= 0x2000 && cp <= 0x200a);
}

char *
series_key(const char *name)
{
	struct buf b = BUF_INIT, tones = BUF_INIT;
	char *f;
	size_t len, i = 0;
	bool space = false;

	if (name == NULL)
		return xstrdup("");
	f = utf8_casefold(name, strlen(name));
	len = strlen(f);
	for (;;) {
		int32_t cp = i < len ? utf8_decode(f, len, &i) : 0;

		if (cp != 0 && utf8_is_word(cp)) {
			if (space && b.len > 0)
				buf_addc(&b, ' ');
			space = false;
			if (tone_mark(cp))
				utf8_encode(&tones, cp);
			else
				utf8_encode(&b, cp);
			continue;
		}
		/* A word ends: its tone goes after it. */
		buf_add(&b, buf_str(&tones), tones.len);
		buf_reset(&tones);
		if (cp == 0)
			break;
		if (blank_cp(cp))
			space = true;
		else {
			if (space && b.len > 0)
				buf_addc(&b, ' ');
			space = false;
			utf8_encode(&b, cp);
		}
	}
	free(f);
	buf_free(&tones);
	return buf_steal(&b);
}

bool
series_same(const char *a, const char *b)
{
	char *ka, *kb;
	bool same;

	if (a == NULL || b == NULL)
		return false;
	ka = series_key(a);
	kb = series_key(b);
	same = strcmp(ka, kb) == 0;
	free(ka);
	free(kb);
	return same;
}

char *
series_clean(const char *typed)
{
	struct buf b = BUF_INIT;
	size_t len, i = 0;
	bool space = false;

	if (typed == NULL)
		return NULL;
	len = strlen(typed);
	while (i < len) {
		size_t at = i;
		int32_t cp = utf8_decode(typed, len, &i);

		if (blank_cp(cp)) {
			space = true;
			continue;
		}
		if (space && b.len > 0)
			buf_addc(&b, ' ');
		space = false;
		buf_add(&b, typed + at, i - at);
	}
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_steal(&b);
}

long
series_find(char *const *names, size_t n, const char *name)
{
	char *k;
	long found = -1;

	if (name == NULL)
		return -1;
	k = series_key(name);
	for (size_t i = 0; i < n && found < 0; i++) {
		char *ki;

		if (names[i] == NULL)
			continue;
		ki = series_key(names[i]);
		if (strcmp(k, ki) == 0)
			found = (long)i;
		free(ki);
	}
	free(k);
	return found;
}

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

char *
series_number_pattern(const char *number)
{
	const char *p = number;
	char *rest, *t;

	if (number == NULL)
		return NULL;
	p += strspn(p, " \t");
	p += strspn(p, "0123456789");
	if (p == number + strspn(number, " \t"))
		return model_trim(number);	/* no running number */
	if ((rest = model_trim(p)) == NULL)
		return NULL;
	/* "…" where the number goes, as drafts print it. */
	t = xasprintf("\xe2\x80\xa6%s", rest);
	free(rest);
	return t;
}

void
series_copy_header(struct meeting *m, const struct meeting *prev)
{
	static const enum field kept[] = {
		F_SERIES, F_ORGANISATION, F_PLACE, F_LOCALITY, F_CHAIR,
		F_SECRETARY, F_START, F_STYLE, F_RECIPIENTS
	};
	char *no = series_number_pattern(meeting_get(prev, F_NUMBER));

	for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++)
		if (meeting_get(prev, kept[i]))
			meeting_set(m, kept[i], meeting_get(prev, kept[i]));
	if (no)
		meeting_set(m, F_NUMBER, no);
	free(no);
}

/* The name before any comma of a header field, malloc'd, or NULL. */
static char *
header_name(const struct meeting *m, enum field f)
{
	const char *v = meeting_get(m, f);
	char *n, *t;

	if (v == NULL)
		return NULL;
	n = xstrndup(v, strcspn(v, ","));
	t = model_trim(n);
	free(n);
	return t;
}

long
series_named(const struct meeting *m, enum field f)
{
	char *name = header_name(m, f);
	long found = -1;

	for (size_t i = 0; name && i < m->natt && found < 0; i++)
		if (series_same(m->att[i].name, name))
			found = (long)i;
	free(name);
	return found;
}

static enum field
role_field(enum role r)
{
	return r == ROLE_CHAIR ? F_CHAIR : r == ROLE_SECRETARY ? F_SECRETARY :
	    F_NFIELDS;
}

/* Attendee i alone holds role r: the others who held it are members. */
static void
sole_holder(struct meeting *m, size_t i, enum role r)
{
	for (size_t k = 0; k < m->natt; k++)
		if (k != i && m->att[k].role == r)
			m->att[k].role = ROLE_MEMBER;
}

bool
series_role_changed(struct meeting *m, size_t i, enum role old)
{
	struct attendee *a = &m->att[i];
	enum field fo = role_field(old), fn = role_field(a->role);
	bool changed = false;

	if (a->role == old)
		return false;
	if (fo != F_NFIELDS && series_named(m, fo) == (long)i) {
		meeting_set(m, fo, NULL);
		changed = true;
	}
	if (fn != F_NFIELDS) {
		sole_holder(m, i, a->role);
		if (series_named(m, fn) != (long)i) {
			meeting_set(m, fn, a->name);
			changed = true;
		}
	}
	return changed;
}

bool
series_header_changed(struct meeting *m, enum field f)
{
	enum role r = f == F_CHAIR ? ROLE_CHAIR : ROLE_SECRETARY;
	long i = series_named(m, f);

	if ((f != F_CHAIR && f != F_SECRETARY) || i < 0 ||
	    m->att[i].role == r)
		return false;
	/* The secretary named chair leaves the secretary's field too. */
	if (role_field(m->att[i].role) != F_NFIELDS &&
	    series_named(m, role_field(m->att[i].role)) == i)
		meeting_set(m, role_field(m->att[i].role), NULL);
	m->att[i].role = r;
	sole_holder(m, (size_t)i, r);
	return true;
}

bool
series_attendee_added(struct meeting *m, size_t i)
{
	static const enum field fs[] = { F_CHAIR, F_SECRETARY };

	if (m->att[i].role == ROLE_CHAIR || m->att[i].role == ROLE_SECRETARY)
		return false;
	for (size_t k = 0; k < 2; k++)
		if (series_named(m, fs[k]) == (long)i)
			return series_header_changed(m, fs[k]);
	return false;
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

/* The first attendee with role r, or -1. */
static long
holder(const struct meeting *m, enum role r)
{
	for (size_t i = 0; i < m->natt; i++)
		if (m->att[i].role == r)
			return (long)i;
	return -1;
}

/* The header names a chair (f) the roster does not: someone else holds
 * the role there, or the one named holds another, or, with a roster,
 * is not in it. */
static bool
mismatch(const struct meeting *m, enum field f)
{
	long named = series_named(m, f);

	if (blank(m->field[f]) || m->natt == 0)
		return false;
	return named < 0 || m->att[named].role != (f == F_CHAIR ? ROLE_CHAIR :
	    ROLE_SECRETARY);
}

static char *
mismatch_text(const struct meeting *m, enum field f)
{
	long named = series_named(m, f), h = holder(m, f == F_CHAIR ?
	    ROLE_CHAIR : ROLE_SECRETARY);
	char *name = header_name(m, f), *t;

	if (named < 0)
		t = xasprintf(f == F_CHAIR ? _("The chair %s is not in the "
		    "attendees table") : _("The secretary %s is not in the "
		    "attendees table"), name ? name : "");
	else if (h < 0)
		t = xasprintf(f == F_CHAIR ? _("The header's chair %s is not "
		    "the chair in the attendees table") : _("The header's "
		    "secretary %s is not the secretary in the attendees table"),
		    name ? name : "");
	else
		t = xasprintf(f == F_CHAIR ? _("The header's chair is %s, the "
		    "attendees table's %s") : _("The header's secretary is %s, "
		    "the attendees table's %s"), name ? name : "",
		    m->att[h].name);
	free(name);
	return t;
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
	else if (mismatch(m, F_CHAIR))
		add(&l, CHECK_CHAIR_MISMATCH, NULL, 0);
	if (blank(m->field[F_SECRETARY]) && !has_role(m, ROLE_SECRETARY))
		add(&l, CHECK_NO_SECRETARY, NULL, 0);
	else if (mismatch(m, F_SECRETARY))
		add(&l, CHECK_SECRETARY_MISMATCH, NULL, 0);
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
	case CHECK_CHAIR_MISMATCH:
		return mismatch_text(m, F_CHAIR);
	case CHECK_SECRETARY_MISMATCH:
		return mismatch_text(m, F_SECRETARY);
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
