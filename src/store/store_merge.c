/*
 * A save that merges with what another instance stored (store.h,
 * store_merge.h), whichever database holds the meeting.  Inside the
 * backend's transaction it compares what is stored now with the
 * caller's base:
 *
 *   - a section whose stored revision is still the base's is written as
 *     the caller has it, and its revision goes up by one;
 *   - one whose revision moved on was saved by someone else meanwhile:
 *     the caller's text is merged with the stored one against the base
 *     text (core/merge_text.c), so that neither's words are lost, and the
 *     result is stored under the next revision;
 *   - header fields, roster rows and tasks are merged the same way,
 *     against the base's copies (core/merge_rows.c);
 *   - sections the caller did not change but someone else did are read,
 *     so the caller sees them.
 *
 * Only the revisions are read for a section that did not move on: a long
 * text's body is read again only to merge it.  Nothing in the caller's
 * meeting or base changes until the transaction has committed, so a
 * failed save can be retried as it was.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/merge.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"
#include "store/store_merge.h"

/* A section text the transaction stored or found, with its revision,
 * and the text stored before it (pre), which the other instance's task
 * spans point into. */
struct merge_text {
	char		*key, *body;
	int64_t		 rev;
	const char	*pre;
	char		*pre_own;	/* pre, when it is not borrowed */
};

struct store_base *
merge_base_new(void)
{
	struct store_base *b = xcalloc(1, sizeof *b);

	meeting_init(&b->m);
	return b;
}

int64_t
store_base_rev(const struct store_base *b, const char *key)
{
	for (size_t i = 0; b && i < b->nrev; i++)
		if (strcmp(b->rev[i].key, key) == 0)
			return b->rev[i].rev;
	return 0;
}

void
merge_base_set_rev(struct store_base *b, const char *key, int64_t rev)
{
	for (size_t i = 0; i < b->nrev; i++)
		if (strcmp(b->rev[i].key, key) == 0) {
			b->rev[i].rev = rev;
			return;
		}
	XPUSH(b->rev, b->nrev, b->caprev);
	b->rev[b->nrev].key = xstrdup(key);
	b->rev[b->nrev++].rev = rev;
}

void
store_base_free(struct store_base *b)
{
	if (b == NULL)
		return;
	meeting_free(&b->m);
	for (size_t i = 0; i < b->nrev; i++)
		free(b->rev[i].key);
	free(b->rev);
	free(b);
}

void
store_sync_report_free(struct store_sync_report *rep)
{
	for (size_t i = 0; i < rep->nchanged; i++)
		free(rep->changed[i]);
	free(rep->changed);
	rep->changed = NULL;
	rep->nchanged = 0;
}

static void
report_changed(struct store_sync_report *rep, const char *key)
{
	rep->changed = xreallocarray(rep->changed, rep->nchanged + 1,
	    sizeof *rep->changed);
	rep->changed[rep->nchanged++] = xstrdup(key);
}

static const char *
text_of(const struct meeting *m, const char *key)
{
	const char *t = meeting_section(m, key);

	return t ? t : "";
}

/* Stores body as section key (revision stored + 1) and keeps it for the
 * caller, with the text it replaces (pre; pre_own is freed with it). */
static int
write_text(struct merge *y, const char *key, char *body, int64_t stored,
    const char *pre, char *pre_own, struct err *e)
{
	XPUSH(y->text, y->ntext, y->captext);
	y->text[y->ntext++] = (struct merge_text){ xstrdup(key), body,
	    stored + 1, pre, pre_own };
	return y->ops->write_text(y->db, y->m->id, key, body, stored, e);
}

/* One section the caller changed: written, or merged with the stored
 * text when someone else saved it since the base. */
static int
merge_one_text(struct merge *y, const char *key, struct err *e)
{
	const char *mine = text_of(y->m, key);
	const char *base = text_of(&y->base->m, key);
	int64_t stored = 0;
	char *theirs = NULL;
	struct buf out = BUF_INIT;
	size_t conflicts;

	if (y->ops->rev(y->db, y->m->id, key, &stored, e))
		return ERR_RUNTIME;
	if (stored == store_base_rev(y->base, key))
		return strcmp(mine, base) == 0 ? 0 :
		    write_text(y, key, xstrdup(mine), stored, base, NULL, e);
	if (y->ops->body(y->db, y->m->id, key, &theirs, e))
		return ERR_RUNTIME;
	if (theirs == NULL)
		theirs = xstrdup("");
	conflicts = merge_text(base, strlen(base), mine, strlen(mine), theirs,
	    strlen(theirs), &out);
	if (conflicts)
		y->rep->kept_both++;
	else
		y->rep->merged++;
	return write_text(y, key, buf_steal(&out), stored, theirs, theirs, e);
}

static bool
listed(const struct merge *y, const char *key)
{
	for (size_t i = 0; i < y->nkeys; i++)
		if (strcmp(y->keys[i], key) == 0)
			return true;
	return false;
}

/* A section the caller did not change whose revision moved on: read, so
 * the caller has what is stored. */
static void
moved(void *arg, const char *key, int64_t rev)
{
	struct merge *y = arg;

	if (listed(y, key) || rev == store_base_rev(y->base, key))
		return;
	XPUSH(y->text, y->ntext, y->captext);
	y->text[y->ntext++] = (struct merge_text){ xstrdup(key), NULL, rev,
	    NULL, NULL };
}

static int
merge_texts(struct merge *y, struct err *e)
{
	size_t first;

	for (size_t i = 0; i < y->nkeys; i++)
		if (merge_one_text(y, y->keys[i], e))
			return ERR_RUNTIME;
	first = y->ntext;
	if (y->ops->revs(y->db, y->m->id, moved, y, e))
		return ERR_RUNTIME;
	for (size_t i = first; i < y->ntext; i++) {
		if (y->ops->body(y->db, y->m->id, y->text[i].key,
		    &y->text[i].body, e))
			return ERR_RUNTIME;
		if (y->text[i].body == NULL)
			y->text[i].body = xstrdup("");
		y->text[i].pre = y->text[i].body;
		y->rep->merged++;
	}
	return 0;
}

static int
merge_header(struct merge *y, struct err *e)
{
	struct meeting theirs, out;
	struct merge_count c = { 0, 0 };
	bool same = true;
	int rc;

	meeting_init(&theirs);
	if ((rc = y->ops->read(y->db, MERGE_HEADER, y->m->id, &theirs, e))) {
		meeting_free(&theirs);
		return rc;
	}
	merge_fields(y->base->m.field, y->m->field, theirs.field, y->field, &c);
	y->has_fields = true;
	y->rep->merged += c.merged;
	y->rep->overridden += c.both;
	for (int f = 0; f < F_NFIELDS; f++)
		same = same && strcmp(theirs.field[f] ? theirs.field[f] : "",
		    y->field[f] ? y->field[f] : "") == 0;
	meeting_free(&theirs);
	if (same)
		return 0;
	meeting_init(&out);
	memcpy(out.field, y->field, sizeof out.field);
	out.id = y->m->id;
	return y->ops->write_header(y->db, &out, e);
}

/* Task a's span after its text became x->body: it points into this
 * caller's text when it came from this side, else into the text stored
 * before (x->pre). */
static bool
follow(const struct merge *y, const struct merge_text *x, struct action *a)
{
	const char *mine = text_of(y->m, x->key), *old = mine;
	const struct action *own = NULL;
	struct meeting one;

	if (a->src_section == NULL || strcmp(a->src_section, x->key) != 0)
		return false;
	for (size_t i = 0; a->id && i < y->m->nact && !own; i++)
		if (y->m->act[i].id == a->id)
			own = &y->m->act[i];
	if (a->id && !(own && own->src_section &&
	    strcmp(own->src_section, x->key) == 0 &&
	    own->src_start == a->src_start && own->src_end == a->src_end))
		old = x->pre ? x->pre : mine;
	if (strcmp(old, x->body) == 0)
		return false;
	meeting_init(&one);
	one.act = a;
	one.nact = 1;
	return meeting_follow_edit(&one, x->key, old, x->body);
}

/* The spans of rows' tasks follow the texts this save stored; true if
 * any moved. */
static bool
follow_texts(const struct merge *y, struct meeting *rows)
{
	bool any = false;

	for (size_t t = 0; t < y->ntext; t++)
		for (size_t i = 0; i < rows->nact; i++)
			any |= follow(y, &y->text[t], &rows->act[i]);
	return any;
}

static int
merge_roster(struct merge *y, struct err *e)
{
	struct meeting theirs;
	struct merge_count c = { 0, 0 };
	bool same;
	int rc;

	meeting_init(&theirs);
	rc = y->ops->read(y->db, MERGE_ROSTER, y->m->id, &theirs, e);
	if (rc == 0) {
		merge_attendees(y->base->m.att, y->base->m.natt, y->m->att,
		    y->m->natt, theirs.att, theirs.natt, &y->rows.att,
		    &y->rows.natt, &c);
		y->has_att = true;
		same = y->rows.natt == theirs.natt;
		for (size_t i = 0; same && i < theirs.natt; i++)
			same = y->rows.att[i].id == theirs.att[i].id &&
			    merge_same_attendee(&y->rows.att[i],
			    &theirs.att[i]);
		if (!same)
			rc = y->ops->write_attendees(y->db, y->m->id,
			    y->rows.att, y->rows.natt, e);
	}
	y->rep->merged += c.merged;
	y->rep->kept_both += c.both;
	meeting_free(&theirs);
	return rc;
}

static int
merge_tasks(struct merge *y, struct err *e)
{
	struct meeting theirs;
	struct merge_count c = { 0, 0 };
	int rc;

	meeting_init(&theirs);
	if ((rc = y->ops->read(y->db, MERGE_TASKS, y->m->id, &theirs, e))) {
		meeting_free(&theirs);
		return rc;
	}
	merge_actions(y->base->m.act, y->base->m.nact, y->m->act, y->m->nact,
	    theirs.act, theirs.nact, &y->rows.act, &y->rows.nact, &c);
	y->has_act = true;
	y->rep->merged += c.merged;
	y->rep->kept_both += c.both;
	follow_texts(y, &y->rows);
	for (size_t i = 0; i < y->rows.nact && rc == 0; i++) {
		struct action *a = &y->rows.act[i];
		const char *old = NULL;

		for (size_t j = 0; a->id && j < theirs.nact && !old; j++)
			if (theirs.act[j].id == a->id)
				old = status_word(theirs.act[j].status);
		if (old == NULL || i >= theirs.nact ||
		    theirs.act[i].id != a->id ||
		    !merge_same_action(a, &theirs.act[i]))
			rc = y->ops->write_action(y->db, y->m->id, i, a, old,
			    e);
	}
	if (rc == 0)
		rc = y->ops->delete_actions_except(y->db, y->m->id, y->rows.act,
		    y->rows.nact, e);
	meeting_free(&theirs);
	return rc;
}

int
merge_run(struct merge *y, struct err *e)
{
	if ((y->parts & STORE_SYNC_HEADER) && merge_header(y, e))
		return ERR_RUNTIME;
	if (merge_texts(y, e))
		return ERR_RUNTIME;
	if ((y->parts & STORE_SYNC_ROSTER) && merge_roster(y, e))
		return ERR_RUNTIME;
	if ((y->parts & STORE_SYNC_TASKS) && merge_tasks(y, e))
		return ERR_RUNTIME;
	return y->ops->index(y->db, y->m,
	    (y->parts & STORE_SYNC_INDEX_LATER) != 0, e);
}

static bool
same_roster(const struct meeting *a, const struct meeting *b)
{
	if (a->natt != b->natt)
		return false;
	for (size_t i = 0; i < a->natt; i++)
		if (a->att[i].id != b->att[i].id ||
		    !merge_same_attendee(&a->att[i], &b->att[i]))
			return false;
	return true;
}

static bool
same_tasks(const struct meeting *a, const struct meeting *b)
{
	if (a->nact != b->nact)
		return false;
	for (size_t i = 0; i < a->nact; i++)
		if (a->act[i].id != b->act[i].id ||
		    !merge_same_action(&a->act[i], &b->act[i]))
			return false;
	return true;
}

/* m takes the merged roster; base a copy of it. */
static void
apply_roster(struct merge *y, struct meeting *m, struct meeting *b)
{
	y->rep->roster = !same_roster(m, &y->rows);
	for (size_t i = 0; i < m->natt; i++)
		attendee_free(&m->att[i]);
	free(m->att);
	m->att = y->rows.att;
	m->natt = y->rows.natt;
	y->rows.att = NULL;
	y->rows.natt = 0;
	for (size_t i = 0; i < b->natt; i++)
		attendee_free(&b->att[i]);
	free(b->att);
	b->att = m->natt ? xreallocarray(NULL, m->natt, sizeof *b->att) : NULL;
	b->natt = m->natt;
	for (size_t i = 0; i < m->natt; i++)
		merge_copy_attendee(&b->att[i], &m->att[i]);
}

/* m takes the merged tasks; base a copy of them. */
static void
apply_tasks(struct merge *y, struct meeting *m, struct meeting *b)
{
	y->rep->tasks = !same_tasks(m, &y->rows);
	for (size_t i = 0; i < m->nact; i++)
		action_free(&m->act[i]);
	free(m->act);
	m->act = y->rows.act;
	m->nact = y->rows.nact;
	y->rows.act = NULL;
	y->rows.nact = 0;
	for (size_t i = 0; i < b->nact; i++)
		action_free(&b->act[i]);
	free(b->act);
	b->act = m->nact ? xreallocarray(NULL, m->nact, sizeof *b->act) : NULL;
	b->nact = m->nact;
	for (size_t i = 0; i < m->nact; i++) {
		m->act[i].base_status = m->act[i].status;
		action_copy(&b->act[i], &m->act[i]);
	}
}

/* After the commit: the caller's meeting and base take what is stored. */
static void
apply(struct merge *y)
{
	struct store_base *b = y->base;
	struct meeting *m = y->m;
	struct store_sync_report *rep = y->rep;

	for (int f = 0; y->has_fields && f < F_NFIELDS; f++) {
		rep->header |= strcmp(m->field[f] ? m->field[f] : "",
		    y->field[f] ? y->field[f] : "") != 0;
		meeting_set(m, (enum field)f, y->field[f]);
		meeting_set(&b->m, (enum field)f, y->field[f]);
	}
	/* Spans first, while m still has the texts they point into. */
	if (!y->has_act)
		rep->tasks = follow_texts(y, m);
	for (size_t i = 0; i < y->ntext; i++) {
		const char *key = y->text[i].key, *body = y->text[i].body;

		if (strcmp(text_of(m, key), body) != 0)
			report_changed(rep, key);
		meeting_section_set(m, key, body);
		meeting_section_set(&b->m, key, body);
		merge_base_set_rev(b, key, y->text[i].rev);
	}
	if (y->has_att)
		apply_roster(y, m, &b->m);
	if (y->has_act)
		apply_tasks(y, m, &b->m);
}

int
merge_begin(struct merge *y, const struct merge_ops *ops, void *db,
    struct store_base *base, struct meeting *m, const char *const *keys,
    size_t nkeys, unsigned parts, struct store_sync_report *rep,
    struct err *e)
{
	*y = (struct merge){ .ops = ops, .db = db, .base = base, .m = m,
	    .keys = keys, .nkeys = nkeys, .parts = parts, .rep = rep };
	memset(rep, 0, sizeof *rep);
	meeting_init(&y->rows);
	if (base == NULL || base->m.id != m->id)
		return err_set(e, ERR_INPUT, _("no meeting %lld"),
		    (long long)m->id);
	return 0;
}

void
merge_end(struct merge *y, int rc)
{
	if (rc == 0)
		apply(y);
	else {
		store_sync_report_free(y->rep);
		memset(y->rep, 0, sizeof *y->rep);
	}
	for (int f = 0; f < F_NFIELDS; f++)
		free(y->field[f]);
	for (size_t i = 0; i < y->ntext; i++) {
		free(y->text[i].key);
		free(y->text[i].body);
		free(y->text[i].pre_own);
	}
	free(y->text);
	meeting_free(&y->rows);
}
