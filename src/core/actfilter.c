/*
 * The action review's filter (see actfilter.h): a small scanner of words,
 * quoted phrases and field:value pairs, and the test of one item against
 * what was parsed.  Phrases are matched as folded substrings, so "rà soát
 * danh" finds the three words together and in that order.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/actfilter.h"
#include "core/search.h"
#include "lib/cal.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"

enum ffield { FF_NONE = -1, FF_ASSIGNEE, FF_STATUS, FF_MEETING,
	FF_DUE };

/* The field names: English always, and the interface language's. */
static const char *const field_names[] = {
	N_("assignee"), N_("status"), N_("meeting"), N_("due")
};

static char *
fold(const char *s, size_t len)
{
	return search_fold(s, len);
}

/* The field named by s[0..len), folded, or FF_NONE. */
static enum ffield
field_of(const char *s, size_t len)
{
	char *f = fold(s, len);
	enum ffield r = FF_NONE;

	for (int i = 0; i < 4 && r == FF_NONE; i++) {
		char *tr = fold(_(field_names[i]), strlen(_(field_names[i])));

		if (strcmp(f, field_names[i]) == 0 || strcmp(f, tr) == 0)
			r = (enum ffield)i;
		free(tr);
	}
	free(f);
	return r;
}

/* Reads one value at *p: a quoted run (to its quote or the end) or a run
 * of non-blanks; returns it malloc'd and moves *p past it. */
static char *
value(const char **p)
{
	const char *s = *p, *e;
	char *v;

	if (*s == '"') {
		s++;
		e = strchr(s, '"');
		if (e == NULL)
			e = s + strlen(s);
		v = xstrndup(s, (size_t)(e - s));
		*p = *e ? e + 1 : e;
		return v;
	}
	e = s + strcspn(s, " \t");
	v = xstrndup(s, (size_t)(e - s));
	*p = e;
	return v;
}

/* A date as a person types it: YYYY-MM-DD, or d/m/yyyy. */
static bool
parse_date(const char *s, char out[11])
{
	struct ymd d;
	int dd, mm, yy, n = 0;

	if (cal_parse_iso(s, &d)) {
		cal_format_iso(d, out);
		return true;
	}
	if (sscanf(s, "%2d/%2d/%4d%n", &dd, &mm, &yy, &n) == 3 &&
	    s[n] == '\0' && yy >= 1000 && cal_valid(yy, mm, dd)) {
		d.y = yy;
		d.m = mm;
		d.d = dd;
		cal_format_iso(d, out);
		return true;
	}
	return false;
}

/* A status by its word, in English or the interface language, or the
 * start of one ("đang" is doing); -1 when none. */
static int
status_of(const char *v)
{
	static const char *const en[] = { "open", "doing", "done", "dropped" };
	char *f = fold(v, strlen(v));
	size_t len = strlen(f);
	int r = -1;

	for (int i = 0; i < 4 && r < 0 && len > 0; i++) {
		const char *l = status_label((enum act_status)i);
		char *tr = fold(l, strlen(l));

		if (strncmp(en[i], f, len) == 0 || strncmp(tr, f, len) == 0)
			r = i;
		free(tr);
	}
	free(f);
	return r;
}

static int
set_field(struct actfilter *f, enum ffield k, const char *v, struct err *e)
{
	char *end;
	long long id;

	switch (k) {
	case FF_ASSIGNEE:
		free(f->assignee);
		f->assignee = fold(v, strlen(v));
		break;
	case FF_STATUS:
		if (*v == '\0')
			break;
		if ((f->status = status_of(v)) < 0)
			return err_set(e, ERR_INPUT, _("\"%s\" is not a status: "
			    "type %s, %s, %s or %s"), v, status_label(ACT_OPEN),
			    status_label(ACT_DOING), status_label(ACT_DONE),
			    status_label(ACT_DROPPED));
		break;
	case FF_MEETING:
		id = strtoll(v, &end, 10);
		if (*v && *end == '\0' && id > 0)
			f->meeting_id = id;
		else if (*v) {
			free(f->meeting);
			f->meeting = fold(v, strlen(v));
		}
		break;
	case FF_DUE:
		if (*v && !parse_date(v, f->due_before))
			return err_set(e, ERR_INPUT, _("\"%s\" is not a date: "
			    "type dd/mm/yyyy or yyyy-mm-dd"), v);
		break;
	default:
		break;
	}
	return 0;
}

int
actfilter_parse(const char *text, struct actfilter *f, struct err *e)
{
	const char *p = text;

	memset(f, 0, sizeof *f);
	f->status = -1;
	while (*p) {
		const char *colon, *end;
		enum ffield k = FF_NONE;
		char *v;
		int rc;

		p += strspn(p, " \t");
		if (*p == '\0')
			break;
		end = p + strcspn(p, " \t\"");
		colon = memchr(p, ':', (size_t)(end - p));
		if (colon && *p != '"')
			k = field_of(p, (size_t)(colon - p));
		if (k != FF_NONE) {
			p = colon + 1;
			v = value(&p);
			rc = set_field(f, k, v, e);
			free(v);
			if (rc != 0)
				return rc;
			continue;
		}
		v = value(&p);
		if (*v && f->nterms < ACTFILTER_MAX_TERMS)
			f->terms[f->nterms++] = fold(v, strlen(v));
		free(v);
	}
	return 0;
}

bool
actfilter_empty(const struct actfilter *f)
{
	return f->nterms == 0 && f->assignee == NULL && f->status < 0 &&
	    f->meeting_id == 0 && f->meeting == NULL && !f->due_before[0];
}

bool
actfilter_match(const struct actfilter *f, const struct action *a,
    const char *who, const char *what, const char *title)
{
	who = who ? who : "";
	what = what ? what : "";
	for (size_t i = 0; i < f->nterms; i++)
		if (!strstr(who, f->terms[i]) && !strstr(what, f->terms[i]))
			return false;
	if (f->assignee && !strstr(who, f->assignee))
		return false;
	if (f->status >= 0 && (int)a->status != f->status)
		return false;
	if (f->meeting_id && a->meeting_id != f->meeting_id)
		return false;
	if (f->due_before[0] && (a->due == NULL ||
	    strcmp(a->due, f->due_before) >= 0))
		return false;
	if (f->meeting) {
		char *t = fold(title ? title : "", title ? strlen(title) : 0);
		bool ok = strstr(t, f->meeting) != NULL;

		free(t);
		if (!ok)
			return false;
	}
	return true;
}

void
actfilter_free(struct actfilter *f)
{
	for (size_t i = 0; i < f->nterms; i++)
		free(f->terms[i]);
	free(f->assignee);
	free(f->meeting);
	memset(f, 0, sizeof *f);
	f->status = -1;
}
