/*
 * The first page of the editor: the header of the minutes as a form, with
 * the fields the template names (tmpl_fields: title, organisation, number,
 * date, times, place, place of issue, chair, secretary, series,
 * recipients by default).  A field is copied into the meeting when it is
 * left, if its value is valid: dates and times are read as people type
 * them (03/07/2024, 3/7, 14h30) and shown as the interface language
 * writes them; an invalid one stays in its field, unsaved, and the status
 * line says why, until it is corrected.  The chair and the secretary are
 * the roster's: Ctrl-N offers its people, and naming one gives them the
 * role there (series_header_changed); a role given in the roster shows
 * here as soon as the page is drawn.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/series.h"
#include "core/textbuf.h"
#include "core/tmpl.h"
#include "lib/cal.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"
#include "store/store.h"
#include "tui/editor/tui_page.h"
#include "tui/tui.h"

static const char *const keys[] = {
	N_("Up, Down, Enter"), N_("next or previous field"),
	"Ctrl-N", N_("chair, secretary: the attendees; series: the series "
	    "so far"),
	"Tab, Ctrl-PgDn", N_("next section"),
	"Shift-Tab, Ctrl-PgUp", N_("previous section"),
	"F2, Ctrl-G", N_("go to any section"),
	"Ctrl-Z, Ctrl-Y", N_("undo, redo"),
	"Ctrl-S", N_("save now (saving also happens by itself)"),
	"F9", N_("mark final (after the checklist), or reopen"),
	"F6", N_("export the meeting to a file"),
	"F10, Ctrl-Q", N_("leave the meeting"),
	"F1", N_("this help"),
	NULL, NULL
};
static const struct page_help help = { N_("Keys of the meeting details"),
	keys };

struct header {
	struct page	 p;
	struct tui_form	 form;
	const int	*f;		/* the fields, from the template */
	size_t		 n;
	struct tui_field fields[F_NFIELDS];
	struct textbuf	 tb[F_NFIELDS];
	char		*label[F_NFIELDS];
	unsigned long	 saved[F_NFIELDS];	/* tb[i].changes when last
						 * committed or loaded */
};

static struct header *
hdr(const struct page *p)
{
	return (struct header *)p;
}

/* The meeting's value of field f as the form shows it: a date in the
 * interface language's way. */
static const char *
shown(const struct meeting *m, enum field f, char buf[11])
{
	const char *v = meeting_get(m, f);

	if (v == NULL)
		return "";
	return f == F_DATE ? cal_show(v, buf) : v;
}

/* Fields not being edited show the meeting as it is now: the roster may
 * have named the chair, a value typed "3/7" shows as stored. */
static void
sync_fields(struct header *hd)
{
	for (size_t i = 0; i < hd->n; i++) {
		struct textbuf *tb = &hd->tb[i];
		char buf[11];
		const char *v;

		if (tb->changes != hd->saved[i] || i == hd->form.cur)
			continue;
		v = shown(hd->p.host->m, (enum field)hd->f[i], buf);
		if (strcmp(tb_text(tb), v) == 0)
			continue;
		tb_set(tb, v, strlen(v));
		tb_move(tb, TB_BOTTOM);
		hd->saved[i] = tb->changes;
	}
}

static void
draw(struct page *p, int y, int x, int h, int w)
{
	sync_fields(hdr(p));
	tui_form_draw(&hdr(p)->form, y, x, h, w - 1, true);
}

static bool
filled(const struct page *p)
{
	return meeting_get(p->host->m, F_TITLE) && meeting_get(p->host->m, F_DATE);
}

static bool
dirty(const struct page *p)
{
	const struct header *hd = hdr(p);

	for (size_t i = 0; i < hd->n; i++)
		if (hd->tb[i].changes != hd->saved[i])
			return true;
	return false;
}

/* The value typed into field i as stored, in *v; 0 or ERR_INPUT. */
static int
typed(struct header *hd, size_t i, char **v, struct err *e)
{
	enum field f = (enum field)hd->f[i];
	struct page_host *h = hd->p.host;
	char *name;

	if (field_input(f, tb_text(&hd->tb[i]), meeting_get(h->m, F_DATE), v,
	    e) != 0)
		return ERR_INPUT;
	if ((f == F_TITLE || f == F_DATE) && *v == NULL)
		return err_set(e, ERR_INPUT, "%s", f == F_TITLE ?
		    _("the title cannot be empty") :
		    _("the date cannot be empty"));
	/* A series is stored under the spelling it already has. */
	if (f == F_SERIES && *v &&
	    store_series_resolve(h->t->store, *v, &name, e) == 0) {
		free(*v);
		*v = name;
	}
	return 0;
}

/* Copies edited fields into the meeting when they are valid. */
static void
commit(struct page *p, bool report)
{
	struct header *hd = hdr(p);

	for (size_t i = 0; i < hd->n; i++) {
		struct textbuf *tb = &hd->tb[i];
		enum field f = (enum field)hd->f[i];
		struct err e;
		char *v = NULL;

		if (tb->changes == hd->saved[i])
			continue;
		err_clear(&e);
		if (typed(hd, i, &v, &e) != 0) {
			free(v);
			if (report)
				p->host->status(p->host, true, e.msg);
			continue;
		}
		meeting_set(p->host->m, f, v);
		free(v);
		hd->saved[i] = tb->changes;
		p->host->changed(p->host, PART_HEADER);
		if ((f == F_CHAIR || f == F_SECRETARY) &&
		    series_header_changed(p->host->m, f))
			p->host->changed(p->host, PART_ROSTER);
	}
}

/* A field that cannot be stored as typed (a date such as 31/9/2023)
 * goes, as typed, into the meeting for the rescue file, to be corrected
 * there; a valid one as it would be stored. */
static void
force(struct page *p)
{
	struct header *hd = hdr(p);

	for (size_t i = 0; i < hd->n; i++) {
		enum field f = (enum field)hd->f[i];
		struct err e;
		char *v = NULL;

		if (hd->tb[i].changes == hd->saved[i])
			continue;
		if (field_input(f, tb_text(&hd->tb[i]), meeting_get(p->host->m,
		    F_DATE), &v, &e) == 0)
			meeting_set(p->host->m, f, v);
		else
			meeting_set(p->host->m, f, tb_text(&hd->tb[i]));
		free(v);
	}
}

static void
fill(struct textbuf *tb, const char *s)
{
	tb_set(tb, s, strlen(s));
	tb_move(tb, TB_BOTTOM);
}

/* Ctrl-N in the chair's or the secretary's field: the attendees, the
 * one chosen named there. */
static bool
offer_people(struct header *hd, struct textbuf *tb)
{
	const struct meeting *m = hd->p.host->m;
	const char **items;
	int r;

	if (m->natt == 0) {
		tui_ask(_("Attendees"), _("No attendees yet: add them in the "
		    "attendees table, or type the name."), "\n");
		return false;
	}
	items = xcalloc(m->natt, sizeof *items);
	for (size_t i = 0; i < m->natt; i++) {
		const struct attendee *a = &m->att[i];

		items[i] = xasprintf("%s%s%s", a->name, a->position ? " — " : "",
		    a->position ? a->position : "");
	}
	r = tui_choose(_("Attendees"), items, m->natt, 0);
	if (r >= 0)
		fill(tb, m->att[r].name);
	for (size_t i = 0; i < m->natt; i++)
		free((char *)items[i]);
	free(items);
	return r >= 0;
}

/* Ctrl-N in the series field: the series so far that contain what is
 * typed (folded, as search matches). */
static bool
offer_series(struct header *hd, struct textbuf *tb)
{
	struct err e;
	int r;

	err_clear(&e);
	if ((r = tui_offer_series(hd->p.host->t->store, tb, &e)) < 0)
		hd->p.host->status(hd->p.host, true, e.msg);
	return r > 0;
}

static enum page_res
key(struct page *p, const struct tui_event *ev)
{
	struct header *hd = hdr(p);
	size_t was = hd->form.cur;

	if (ev->kind == EV_CHAR && ev->code == TK_CTRL('N') && hd->n > 0) {
		enum field f = (enum field)hd->f[hd->form.cur];
		struct textbuf *tb = &hd->tb[hd->form.cur];
		bool chosen = false;

		if (f == F_CHAIR || f == F_SECRETARY)
			chosen = offer_people(hd, tb);
		else if (f == F_SERIES)
			chosen = offer_series(hd, tb);
		if (!chosen)
			return PAGE_DONE;
		commit(p, true);
		return PAGE_SAVE;
	}
	if (tui_form_key(&hd->form, ev) == FORM_ACCEPT)
		return PAGE_NEXT;
	if (hd->form.cur == was)
		return PAGE_DONE;
	/* Leaving a field saves it. */
	commit(p, true);
	return PAGE_SAVE;
}

/* The chair, the secretary and the end time are fixed here. */
static bool
fix(struct page *p, const struct check_item *c)
{
	enum field f = c->kind == CHECK_NO_CHAIR ||
	    c->kind == CHECK_CHAIR_MISMATCH ? F_CHAIR :
	    c->kind == CHECK_NO_SECRETARY ||
	    c->kind == CHECK_SECRETARY_MISMATCH ? F_SECRETARY :
	    c->kind == CHECK_NO_END ? F_END : F_NFIELDS;
	struct header *hd = hdr(p);

	for (size_t i = 0; i < hd->n; i++)
		if (hd->f[i] == (int)f) {
			hd->form.cur = i;
			return true;
		}
	return false;
}

static void
free_page(struct page *p)
{
	struct header *hd = hdr(p);

	for (size_t i = 0; i < hd->n; i++) {
		tb_free(&hd->tb[i]);
		free(hd->label[i]);
	}
	free(hd);
}

static const struct page_ops header_ops = {
	.help = &help,
	.draw = draw,
	.key = key,
	.filled = filled,
	.fix = fix,
	.dirty = dirty,
	.commit = commit,
	.force = force,
	.free = free_page,
};

/* A field's label, with the form a date or time is typed in. */
static char *
label(enum field f)
{
	if (f == F_DATE)
		return xasprintf("%s (%s)", field_label(f), cal_date_form());
	if (f == F_START || f == F_END)
		return xasprintf("%s (%s)", field_label(f), _("HH:MM"));
	if (f == F_RECIPIENTS)
		return xasprintf("%s (;)", field_label(f));
	return xstrdup(field_label(f));
}

struct page *
page_header_new(struct page_host *h)
{
	struct header *hd = xcalloc(1, sizeof *hd);

	page_init(&hd->p, &header_ops, h, NULL);
	hd->p.title = _("Meeting details");
	hd->p.prompt = _("The header of the minutes: what, who chairs, who "
	    "writes, when and where.  Up/Down or Enter move between fields; "
	    "Ctrl-N offers the attendees for chair and secretary.");
	hd->n = tmpl_fields(h->tp, &hd->f);
	hd->form.f = hd->fields;
	hd->form.n = hd->n;
	for (size_t i = 0; i < hd->n; i++) {
		enum field f = (enum field)hd->f[i];
		char buf[11];
		const char *v = shown(h->m, f, buf);
		size_t w;

		hd->label[i] = label(f);
		w = utf8_width(hd->label[i], strlen(hd->label[i]));
		tb_init(&hd->tb[i]);
		hd->tb[i].single_line = true;
		tb_set(&hd->tb[i], v, strlen(v));
		hd->saved[i] = hd->tb[i].changes;
		hd->fields[i].label = hd->label[i];
		hd->fields[i].tb = &hd->tb[i];
		if ((int)w > hd->form.labelw)
			hd->form.labelw = (int)w;
	}
	return &hd->p;
}
