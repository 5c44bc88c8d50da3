/*
 * Meeting records (see model.h): construction, freeing, the canonical
 * words of each enumeration, and validation shared by every way in.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "lib/cal.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"

static const char *const field_keys[F_NFIELDS] = {
	"template", "series", "title", "organisation", "number", "style",
	"date", "start", "end", "place", "locality", "chair", "secretary",
	"recipients", "status"
};
static const char *const role_words[] = { "chair", "secretary", "member", "guest" };
static const char *const presence_words[] = { "present", "absent", "represented" };
static const char *const status_words[] = { "open", "doing", "done", "dropped" };

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

static int
word_index(const char *const *words, size_t n, const char *s)
{
	for (size_t i = 0; s && i < n; i++)
		if (strcmp(words[i], s) == 0)
			return (int)i;
	return -1;
}

const char *
field_key(enum field f)
{
	return f < F_NFIELDS ? field_keys[f] : "";
}

int
field_parse(const char *key)
{
	return word_index(field_keys, F_NFIELDS, key);
}

const char *
role_word(enum role r)
{
	return role_words[r];
}

bool
role_parse(const char *s, enum role *r)
{
	int i = word_index(role_words, NELEM(role_words), s);

	if (i >= 0)
		*r = (enum role)i;
	return i >= 0;
}

const char *
presence_word(enum presence p)
{
	return presence_words[p];
}

bool
presence_parse(const char *s, enum presence *p)
{
	int i = word_index(presence_words, NELEM(presence_words), s);

	if (i >= 0)
		*p = (enum presence)i;
	return i >= 0;
}

const char *
status_word(enum act_status s)
{
	return status_words[s];
}

const char *
status_label(enum act_status s)
{
	static const char *const labels[] = {
		N_("open"), N_("doing"), N_("done"), N_("dropped")
	};

	return _(labels[s]);
}

const char *
status_label_of(const char *word)
{
	enum act_status s;

	return status_parse(word, &s) ? status_label(s) : word;
}

bool
status_parse(const char *s, enum act_status *st)
{
	int i = word_index(status_words, NELEM(status_words), s);

	if (i >= 0)
		*st = (enum act_status)i;
	return i >= 0;
}

void
meeting_init(struct meeting *m)
{
	memset(m, 0, sizeof *m);
}

void
attendee_free(struct attendee *a)
{
	free(a->name);
	free(a->position);
	free(a->organisation);
	free(a->proxy);
	memset(a, 0, sizeof *a);
}

void
action_free(struct action *a)
{
	free(a->assignee);
	free(a->task);
	free(a->due);
	free(a->due_text);
	free(a->src_section);
	memset(a, 0, sizeof *a);
}

void
action_copy(struct action *dst, const struct action *src)
{
	*dst = *src;
	dst->assignee = xstrdup0(src->assignee);
	dst->task = xstrdup0(src->task);
	dst->due = xstrdup0(src->due);
	dst->due_text = xstrdup0(src->due_text);
	dst->src_section = xstrdup0(src->src_section);
}

void
meeting_free(struct meeting *m)
{
	for (int f = 0; f < F_NFIELDS; f++)
		free(m->field[f]);
	for (size_t i = 0; i < m->natt; i++)
		attendee_free(&m->att[i]);
	free(m->att);
	for (size_t i = 0; i < m->nsec; i++) {
		free(m->sec[i].key);
		free(m->sec[i].body);
	}
	free(m->sec);
	for (size_t i = 0; i < m->nact; i++)
		action_free(&m->act[i]);
	free(m->act);
	review_items_free(m->rev, m->nrev);
	meeting_init(m);
}

void
review_items_free(struct review_item *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].assignee);
		free(v[i].task);
		free(v[i].due);
		free(v[i].note);
	}
	free(v);
}

void
meeting_set(struct meeting *m, enum field f, const char *v)
{
	free(m->field[f]);
	m->field[f] = v && *v ? xstrdup(v) : NULL;
}

const char *
meeting_get(const struct meeting *m, enum field f)
{
	return m->field[f];
}

const char *
meeting_section(const struct meeting *m, const char *key)
{
	for (size_t i = 0; i < m->nsec; i++)
		if (strcmp(m->sec[i].key, key) == 0)
			return m->sec[i].body;
	return NULL;
}

void
meeting_section_set(struct meeting *m, const char *key, const char *body)
{
	for (size_t i = 0; i < m->nsec; i++)
		if (strcmp(m->sec[i].key, key) == 0) {
			free(m->sec[i].body);
			m->sec[i].body = xstrdup(body ? body : "");
			return;
		}
	XPUSH(m->sec, m->nsec, m->seccap);
	m->sec[m->nsec].key = xstrdup(key);
	m->sec[m->nsec].body = xstrdup(body ? body : "");
	m->nsec++;
}

struct attendee *
meeting_add_attendee(struct meeting *m)
{
	XPUSH(m->att, m->natt, m->attcap);
	memset(&m->att[m->natt], 0, sizeof *m->att);
	m->att[m->natt].role = ROLE_MEMBER;
	m->att[m->natt].presence = PRES_PRESENT;
	return &m->att[m->natt++];
}

struct action *
meeting_add_action(struct meeting *m)
{
	XPUSH(m->act, m->nact, m->actcap);
	memset(&m->act[m->nact], 0, sizeof *m->act);
	m->act[m->nact].meeting_id = m->id;
	return &m->act[m->nact++];
}

bool
model_blank(const char *s)
{
	return s == NULL || s[strspn(s, " \t")] == '\0';
}

char *
model_trim(const char *s)
{
	size_t n;

	if (model_blank(s))
		return NULL;
	s += strspn(s, " \t");
	n = strlen(s);
	while (s[n - 1] == ' ' || s[n - 1] == '\t')
		n--;
	return xstrndup(s, n);
}

static bool
one_line(const char *s)
{
	return s == NULL || strpbrk(s, "\r\n") == NULL;
}

const char *
field_label(enum field f)
{
	static const char *const labels[F_NFIELDS] = {
		N_("Template"), N_("Series"), N_("Title"), N_("Organisation"),
		N_("Number"), N_("Style"), N_("Date"), N_("Start"), N_("End"),
		N_("Place"), N_("Place of issue"), N_("Chair"), N_("Secretary"),
		N_("Recipients"), N_("Status")
	};

	return f < F_NFIELDS ? _(labels[f]) : "";
}

int
model_date_error(struct err *e, const char *what, const char *v)
{
	struct ymd t;
	char iso[11];
	enum cal_read r = cal_read_date(v, NULL, &t);

	if (r == CAL_OK) {
		cal_format_iso(t, iso);
		return err_set(e, ERR_INPUT, _("%s: \"%s\" is to be written "
		    "yyyy-mm-dd here: %s"), what, v, iso);
	}
	if (r == CAL_NODAY)
		return cal_date_error(e, r, what, v);
	return err_set(e, ERR_INPUT, _("%s: \"%s\" is not a date "
	    "(yyyy-mm-dd)"), what, v);
}

static int
time_error(struct err *e, const char *what, const char *v)
{
	int h, m;
	enum cal_read r = cal_read_time(v, &h, &m);

	if (r == CAL_OK)
		return err_set(e, ERR_INPUT, _("%s: \"%s\" is to be written "
		    "HH:MM here: %02d:%02d"), what, v, h, m);
	if (r == CAL_NOTIME)
		return cal_time_error(e, r, what, v);
	return err_set(e, ERR_INPUT, _("%s: \"%s\" is not a time (HH:MM)"),
	    what, v);
}

int
field_validate(enum field f, const char *v, struct err *e)
{
	const char *k = field_label(f);

	if (v == NULL || *v == '\0')
		return 0;
	if (!utf8_valid(v, strlen(v), NULL))
		return err_set(e, ERR_INPUT, _("%s: not valid UTF-8"), k);
	if (!one_line(v))
		return err_set(e, ERR_INPUT, _("%s: must be one line"), k);
	switch (f) {
	case F_DATE:
		if (!cal_parse_iso(v, NULL))
			return model_date_error(e, k, v);
		break;
	case F_START:
	case F_END:
		if (!cal_parse_hhmm(v, NULL, NULL))
			return time_error(e, k, v);
		break;
	case F_STATUS:
		if (strcmp(v, "draft") != 0 && strcmp(v, "final") != 0)
			return err_set(e, ERR_INPUT,
			    _("%s: \"%s\" is not draft or final"), k, v);
		break;
	case F_STYLE:
		if (strcmp(v, "state") != 0 && strcmp(v, "party") != 0)
			return err_set(e, ERR_INPUT,
			    _("%s: \"%s\" is not state or party"), k, v);
		break;
	case F_TEMPLATE:
		for (const char *p = v; *p; p++)
			if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
			    *p == '-' || *p == '_'))
				return err_set(e, ERR_INPUT,
				    _("%s: \"%s\" is not a template name"), k, v);
		break;
	default:
		break;
	}
	return 0;
}

int
field_input(enum field f, const char *typed, const char *date, char **out,
    struct err *e)
{
	char *v = model_trim(typed), buf[11];
	struct ymd t, ref;
	enum cal_read r;
	int h, m;

	*out = NULL;
	if (v && f == F_DATE) {
		r = cal_read_date(v, date && cal_parse_iso(date, &ref) ? &ref :
		    NULL, &t);
		if (r != CAL_OK) {
			cal_date_error(e, r, field_label(f), v);
			free(v);
			return ERR_INPUT;
		}
		cal_format_iso(t, buf);
		free(v);
		v = xstrdup(buf);
	} else if (v && (f == F_START || f == F_END)) {
		if ((r = cal_read_time(v, &h, &m)) != CAL_OK) {
			cal_time_error(e, r, field_label(f), v);
			free(v);
			return ERR_INPUT;
		}
		free(v);
		v = xasprintf("%02d:%02d", h, m);
	}
	if (field_validate(f, v, e) != 0) {
		free(v);
		return ERR_INPUT;
	}
	*out = v;
	return 0;
}

static int
check_text(const char *what, const char *s, bool line, struct err *e)
{
	if (s == NULL)
		return 0;
	if (!utf8_valid(s, strlen(s), NULL))
		return err_set(e, ERR_INPUT, _("%s: not valid UTF-8"), what);
	if (line && !one_line(s))
		return err_set(e, ERR_INPUT, _("%s: must be one line"), what);
	return 0;
}

int
meeting_validate(const struct meeting *m, struct err *e)
{
	static const enum field required[] = { F_TEMPLATE, F_TITLE, F_DATE };

	for (size_t i = 0; i < NELEM(required); i++)
		if (model_blank(m->field[required[i]]))
			return err_set(e, ERR_INPUT, _("\"%s\" is required"),
			    field_label(required[i]));
	for (int f = 0; f < F_NFIELDS; f++)
		if (field_validate((enum field)f, m->field[f], e))
			return ERR_INPUT;
	for (size_t i = 0; i < m->natt; i++) {
		const struct attendee *a = &m->att[i];

		if (model_blank(a->name))
			return err_set(e, ERR_INPUT, _("attendee %zu has no name"), i + 1);
		if (check_text(_("attendee"), a->name, true, e) ||
		    check_text(_("attendee"), a->position, true, e) ||
		    check_text(_("attendee"), a->organisation, true, e) ||
		    check_text(_("attendee"), a->proxy, true, e))
			return ERR_INPUT;
	}
	for (size_t i = 0; i < m->nsec; i++)
		if (check_text(m->sec[i].key, m->sec[i].body, false, e))
			return ERR_INPUT;
	for (size_t i = 0; i < m->nact; i++) {
		const struct action *a = &m->act[i];

		if (model_blank(a->task))
			return err_set(e, ERR_INPUT, _("task %zu has no text"), i + 1);
		if (a->due && !cal_parse_iso(a->due, NULL)) {
			char what[64];

			snprintf(what, sizeof what, _("task %zu, due date"), i + 1);
			return model_date_error(e, what, a->due);
		}
		if (check_text(_("task"), a->task, true, e) ||
		    check_text(_("task"), a->assignee, true, e) ||
		    check_text(_("task"), a->due_text, true, e))
			return ERR_INPUT;
	}
	return 0;
}

static void
nfc_in_place(char **s)
{
	char *t;

	if (*s == NULL || utf8_is_nfc(*s, strlen(*s)))
		return;
	t = utf8_nfc(*s, strlen(*s), NULL);
	free(*s);
	*s = t;
}

void
meeting_normalise(struct meeting *m)
{
	for (int f = 0; f < F_NFIELDS; f++)
		nfc_in_place(&m->field[f]);
	for (size_t i = 0; i < m->natt; i++) {
		nfc_in_place(&m->att[i].name);
		nfc_in_place(&m->att[i].position);
		nfc_in_place(&m->att[i].organisation);
		nfc_in_place(&m->att[i].proxy);
	}
	for (size_t i = 0; i < m->nsec; i++)
		nfc_in_place(&m->sec[i].body);
	for (size_t i = 0; i < m->nact; i++) {
		nfc_in_place(&m->act[i].assignee);
		nfc_in_place(&m->act[i].task);
		nfc_in_place(&m->act[i].due_text);
	}
}

/* The start of the occurrence of w (wlen bytes) in s nearest to near, or
 * -1. */
static int64_t
nearest(const char *s, size_t len, const char *w, size_t wlen, int64_t near)
{
	int64_t best = -1;
	const char *p = s, *end = s + len;

	if (wlen == 0 || wlen > len)
		return -1;
	while ((p = memmem(p, (size_t)(end - p), w, wlen)) != NULL) {
		int64_t at = p - s;

		if (best < 0 || llabs(at - near) < llabs(best - near))
			best = at;
		p++;
	}
	return best;
}

bool
meeting_follow_edit(struct meeting *m, const char *key, const char *old,
    const char *new)
{
	size_t ol = strlen(old), nl = strlen(new), pre = 0, suf = 0;
	int64_t delta = (int64_t)nl - (int64_t)ol;
	bool moved = false;

	while (pre < ol && pre < nl && old[pre] == new[pre])
		pre++;
	while (suf < ol - pre && suf < nl - pre &&
	    old[ol - 1 - suf] == new[nl - 1 - suf])
		suf++;
	for (size_t i = 0; i < m->nact; i++) {
		struct action *a = &m->act[i];
		int64_t st = a->src_start, en = a->src_end, at;

		if (a->src_section == NULL || strcmp(a->src_section, key) != 0 ||
		    st < 0 || en < st || (uint64_t)en > ol)
			continue;
		if ((uint64_t)en <= pre)
			continue;		/* before the edit */
		if ((uint64_t)st >= ol - suf) {
			at = st + delta;	/* after it */
		} else {
			at = nearest(new, nl, old + st, (size_t)(en - st), st);
			if (at < 0) {
				a->src_start = a->src_end = -1;
				moved = true;
				continue;
			}
		}
		if (at != st) {
			a->src_start = at;
			a->src_end = at + (en - st);
			moved = true;
		}
	}
	return moved;
}

void
action_row_free(struct action_row *r)
{
	action_free(&r->a);
	free(r->meeting_title);
	free(r->meeting_series);
	free(r->last_note);
	memset(r, 0, sizeof *r);
}

void
action_rows_free(struct action_row *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		action_row_free(&v[i]);
	free(v);
}
