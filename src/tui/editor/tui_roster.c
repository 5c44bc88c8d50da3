/*
 * The attendees page of the editor: a table of name, position,
 * organisation, role and presence, with keys to add, edit, delete, and
 * toggle presence or role in one keystroke (what a secretary does while
 * people arrive).  Changes go into the meeting in memory; the editor's
 * autosave writes the list with the rest.  The roster's chair and
 * secretary are the header's: giving someone the role names them there
 * (series_role_changed), and the header page gives the role back.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/series.h"
#include "core/textbuf.h"
#include "core/tmpl.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"
#include "store/store.h"
#include "tui/editor/tui_page.h"
#include "tui/tui.h"

static const char *const keys[] = {
	"a, Insert", N_("add an attendee"),
	"Enter, e", N_("edit the attendee"),
	"d, Delete", N_("delete the attendee"),
	"Space, p", N_("present / absent / represented"),
	"r", N_("chair / secretary / member / guest"),
	"Ctrl-N", N_("in the form: people of earlier meetings"),
	N_("Up, Down, PgUp, PgDn"), N_("choose a row"),
	"Tab, Shift-Tab", N_("next or previous section"),
	"F2, Ctrl-G", N_("go to any section"),
	"Ctrl-S", N_("save now"),
	"F9", N_("mark final (after the checklist), or reopen"),
	"F10, Ctrl-Q", N_("leave the meeting"),
	NULL, NULL
};
static const struct page_help help = { N_("Keys of the attendees table"), keys };

static const char *const role_names[] = {
	N_("chair"), N_("secretary"), N_("member"), N_("guest")
};
static const char *const pres_names[] = {
	N_("present"), N_("absent"), N_("represented")
};

struct roster {
	struct page	 p;
	struct tui_list	 l;
	/* r pressed again and again on one row passes through chair and
	 * secretary: who lost a role to it gets it back when it moves on,
	 * so only where the row stops counts. */
	long		 cycling;	/* the row, or -1 */
	long		 lost[4];	/* by role: who lost it to that row */
};

struct rowctx {
	const struct meeting *m;
	int		 cw[5];
};

static void
cell(int y, int *x, int w, const char *s)
{
	tui_cell(y, *x, w - 1, s ? s : "");
	*x += w;
}

static void
row(void *arg, size_t i, int y, int x, int w, bool sel)
{
	struct rowctx *c = arg;
	const struct attendee *a = &c->m->att[i];

	(void)w;
	(void)sel;
	cell(y, &x, c->cw[0], a->name);
	cell(y, &x, c->cw[1], a->position);
	cell(y, &x, c->cw[2], a->organisation);
	cell(y, &x, c->cw[3], _(role_names[a->role]));
	cell(y, &x, c->cw[4], a->presence == PRES_REPRESENTED && a->proxy ?
	    tui_fmt("%s: %s", _(pres_names[a->presence]), a->proxy) :
	    _(pres_names[a->presence]));
}

/* Name, position, organisation, role, presence. */
static const struct tui_col cols[5] = {
	{ 0, 36, 100 }, { 0, 30, 100 }, { 0, 0, 0 }, { 11, 0, 0 }, { 13, 0, 0 }
};

static void
draw(struct page *p, int y, int x, int h, int w)
{
	struct roster *r = (struct roster *)p;
	const struct meeting *m = p->host->m;
	const struct tmpl_section *ts = p->sec;
	struct rowctx c = { m, { 0 } };
	int cx = x;

	w--;
	tui_columns(w, 15, cols, 5, c.cw);
	attron(A_UNDERLINE);
	tui_fill(y, x, w, A_UNDERLINE);
	for (int k = 0; k < 5; k++)
		cell(y, &cx, c.cw[k], ts->ncolumns == 5 ? ts->columns[k] : "");
	attroff(A_UNDERLINE);
	r->l.n = m->natt;
	if (m->natt == 0) {
		attron(A_DIM);
		tui_puts(y + 2, x, w, _("No attendees yet.  Press a to add one, "
		    "F1 for the keys."));
		attroff(A_DIM);
		return;
	}
	tui_list_draw(&r->l, y + 1, x, h - 1, w, row, &c);
}

/* Blanks around a value are dropped as the Markdown format drops them,
 * so an export imports back the same. */
static void
set_text(char **dst, struct textbuf *tb)
{
	free(*dst);
	*dst = model_trim(tb_text(tb));
}

/* People of earlier meetings, offered by Ctrl-N in the name and
 * organisation fields. */
struct people {
	struct store	*store;
	struct person	*p;
	size_t		 n;
	bool		 loaded;
};

static void
fill(struct textbuf *tb, const char *s)
{
	tb_set(tb, s ? s : "", s ? strlen(s) : 0);
	tb_move(tb, TB_BOTTOM);
}

/* Offers the people (in the name field) or organisations (in the
 * organisation field) that contain what is typed, folding case and
 * marks; the chosen one fills the fields. */
static void
complete(struct tui_form *form, void *arg)
{
	struct people *pp = arg;
	struct textbuf *tb = form->f[form->cur].tb;
	bool org = form->cur == 2;
	const char **items;
	size_t *which, k = 0;
	struct err e;
	int r;

	if (tb == NULL || (form->cur != 0 && !org))
		return;
	if (!pp->loaded) {
		err_clear(&e);
		pp->loaded = true;
		if (store_people(pp->store, &pp->p, &pp->n, &e) != 0)
			pp->n = 0;
	}
	items = xcalloc(pp->n + 1, sizeof *items);
	which = xcalloc(pp->n + 1, sizeof *which);
	for (size_t i = 0; i < pp->n; i++) {
		const struct person *p = &pp->p[i];
		const char *key = org ? p->organisation : p->name;
		bool dup = false;

		if (key == NULL || !utf8_fold_contains(key, tb_text(tb)))
			continue;
		for (size_t j = 0; org && j < k; j++)
			dup |= strcmp(items[j], key) == 0;
		if (dup)
			continue;
		items[k] = org ? key : xasprintf("%s — %s%s%s", p->name,
		    p->position ? p->position : "", p->position &&
		    p->organisation ? ", " : "", p->organisation ?
		    p->organisation : "");
		which[k++] = i;
	}
	if (k == 0)
		tui_ask(_("Earlier meetings"), _("No one in earlier meetings "
		    "matches."), "\n");
	else if ((r = tui_choose(_("Earlier meetings"), items, k, 0)) >= 0) {
		const struct person *p = &pp->p[which[r]];

		if (org)
			fill(tb, p->organisation);
		else {
			fill(form->f[0].tb, p->name);
			fill(form->f[1].tb, p->position);
			fill(form->f[2].tb, p->organisation);
		}
	}
	for (size_t i = 0; !org && i < k; i++)
		free((char *)items[i]);
	free(items);
	free(which);
}

/* Edits attendee a in a form; true if accepted. */
static bool
edit(struct page *p, struct attendee *a)
{
	struct people pp = { p->host->t->store, NULL, 0, false };
	const struct tmpl_section *ts = p->sec;
	const char *roles[4], *pres[3];
	struct textbuf tb[4];
	struct tui_field f[6];
	struct tui_form form;
	const char *init[4] = { a->name, a->position, a->organisation, a->proxy };
	const char *labels[4] = { _("Name"), _("Position"), _("Organisation"),
	    _("Represented by") };
	bool ok;

	for (int i = 0; i < 4; i++)
		roles[i] = _(role_names[i]);
	for (int i = 0; i < 3; i++)
		pres[i] = _(pres_names[i]);
	memset(f, 0, sizeof f);
	memset(&form, 0, sizeof form);
	for (int i = 0; i < 4; i++) {
		int k = i < 3 ? i : 5;

		tb_init(&tb[i]);
		tb[i].single_line = true;
		if (init[i])
			tb_set(&tb[i], init[i], strlen(init[i]));
		tb_move(&tb[i], TB_BOTTOM);
		f[k].label = labels[i];
		f[k].tb = &tb[i];
	}
	f[3].label = _("Role");
	f[4].label = _("Presence");
	/* The form names the fields as the table's headings do, in the
	 * template's words ("Đơn vị", not a second word for it). */
	if (ts->ncolumns == 5)
		for (int k = 0; k < 5; k++)
			f[k].label = ts->columns[k];
	f[3].choices = roles;
	f[3].nchoices = 4;
	f[3].choice = a->role;
	f[4].choices = pres;
	f[4].nchoices = 3;
	f[4].choice = a->presence;
	form.f = f;
	form.n = 6;
	form.labelw = 16;
	form.complete = complete;
	form.carg = &pp;
	for (;;) {
		ok = tui_form_run(&form, _("Attendee"), _("Enter next field, "
		    "Ctrl-S done, Esc cancel; Ctrl-N earlier people"));
		/* A signal ends the program with the form open: what was
		 * typed in it is kept, not cancelled, so it is saved. */
		if (!ok && tui_signal && !model_blank(tb_text(&tb[0])))
			ok = true;
		if (!ok || !model_blank(tb_text(&tb[0])))
			break;
		tui_ask(_("Attendee"), _("A name is needed."), "\n");
		form.cur = 0;
	}
	if (ok) {
		set_text(&a->name, &tb[0]);
		set_text(&a->position, &tb[1]);
		set_text(&a->organisation, &tb[2]);
		set_text(&a->proxy, &tb[3]);
		a->role = (enum role)f[3].choice;
		a->presence = (enum presence)f[4].choice;
	}
	for (int i = 0; i < 4; i++)
		tb_free(&tb[i]);
	store_people_free(pp.p, pp.n);
	return ok;
}

/* The header's chair and secretary, said in the status line. */
static void
say_header(struct page *p)
{
	const char *chair = meeting_get(p->host->m, F_CHAIR);
	const char *sec = meeting_get(p->host->m, F_SECRETARY);

	p->host->status(p->host, false, tui_fmt(_("In the header: chair %s, "
	    "secretary %s"), chair ? chair : "-", sec ? sec : "-"));
}

/* Attendee i's role was old: the header follows, and says so. */
static void
role_changed(struct page *p, size_t i, enum role old)
{
	if (!series_role_changed(p->host->m, i, old))
		return;
	p->host->changed(p->host, PART_HEADER);
	say_header(p);
}

/* r on row i: the next role; see struct roster. */
static void
cycle_role(struct roster *r, size_t i)
{
	struct meeting *m = r->p.host->m;
	enum role old = m->att[i].role, to = (enum role)((old + 1) % 4);
	long back;
	bool changed;

	if (r->cycling != (long)i) {
		r->cycling = (long)i;
		for (int k = 0; k < 4; k++)
			r->lost[k] = -1;
	}
	for (size_t k = 0; k < m->natt && r->lost[to] < 0; k++)
		if (k != i && m->att[k].role == to)
			r->lost[to] = (long)k;
	m->att[i].role = to;
	changed = series_role_changed(m, i, old);
	back = r->lost[old];
	r->lost[old] = -1;
	if (back >= 0 && (size_t)back < m->natt &&
	    m->att[back].role == ROLE_MEMBER) {
		m->att[back].role = old;
		changed |= series_role_changed(m, (size_t)back, ROLE_MEMBER);
	}
	if (changed) {
		r->p.host->changed(r->p.host, PART_HEADER);
		say_header(&r->p);
	}
}

/* True if the attendee list changed. */
static bool
roster_key(struct roster *r, const struct tui_event *ev)
{
	struct meeting *m = r->p.host->m;
	struct tui_list *l = &r->l;
	int c = ev->code;
	bool ch = ev->kind == EV_CHAR, key = ev->kind == EV_KEY;
	struct attendee *a;

	l->n = m->natt;
	if (!(ev->kind == EV_CHAR && c == 'r'))
		r->cycling = -1;
	if (tui_list_key(l, ev))
		return false;
	if ((ch && c == 'a') || (key && c == KEY_IC)) {
		struct attendee tmp;

		memset(&tmp, 0, sizeof tmp);
		tmp.role = ROLE_MEMBER;
		tmp.presence = PRES_PRESENT;
		if (!edit(&r->p, &tmp)) {
			attendee_free(&tmp);
			return false;
		}
		a = meeting_add_attendee(m);
		*a = tmp;
		l->n = m->natt;
		l->cur = m->natt - 1;
		/* Named in the header already, or given a role here. */
		if (series_attendee_added(m, l->cur))
			r->p.host->status(r->p.host, false, tui_fmt(_("%s: %s, "
			    "as the header names them"), a->name,
			    _(role_names[a->role])));
		else
			role_changed(&r->p, l->cur, ROLE_MEMBER);
		return true;
	}
	if (m->natt == 0 || l->cur >= m->natt)
		return false;
	a = &m->att[l->cur];
	if ((ch && (c == 'e' || c == '\r' || c == '\n')) ||
	    (key && c == KEY_ENTER)) {
		enum role old = a->role;

		if (!edit(&r->p, a))
			return false;
		role_changed(&r->p, l->cur, old);
		return true;
	}
	if ((ch && c == 'd') || (key && c == KEY_DC)) {
		if (tui_ask(_("Delete"), tui_fmt(_("Delete %s from the "
		    "attendees? (y/n)"), a->name ? a->name : ""), "yn") != 'y')
			return false;
		attendee_free(a);
		memmove(a, a + 1, (m->natt - l->cur - 1) * sizeof *a);
		m->natt--;
		l->n = m->natt;
		return true;
	}
	if (ch && (c == ' ' || c == 'p')) {
		a->presence = (enum presence)((a->presence + 1) % 3);
		return true;
	}
	if (ch && c == 'r') {
		cycle_role(r, l->cur);
		return true;
	}
	return false;
}

static enum page_res
key(struct page *p, const struct tui_event *ev)
{
	if (roster_key((struct roster *)p, ev))
		p->host->changed(p->host, PART_ROSTER);
	return PAGE_DONE;
}

static bool
filled(const struct page *p)
{
	return p->host->m->natt > 0;
}

static const struct page_ops roster_ops = {
	.help = &help,
	.ask_help = true,
	.draw = draw,
	.key = key,
	.filled = filled,
};

struct page *
page_roster_new(struct page_host *h, const struct tmpl_section *sec)
{
	struct roster *r = xcalloc(1, sizeof *r);

	page_init(&r->p, &roster_ops, h, sec);
	r->cycling = -1;
	return &r->p;
}
