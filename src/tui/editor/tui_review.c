/*
 * The review page of the editor ("Kiểm điểm việc thực hiện kết luận kỳ
 * trước"): a new meeting of a series opens on the tasks earlier meetings
 * left open or in progress, and the secretary records, item by item, what
 * the meeting found: done, doing, dropped (each with an optional note) or
 * still open.  Each answer is written at once as a status change whose
 * history row names this meeting, which is what the exports read back.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/textbuf.h"
#include "lib/cal.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"
#include "store/store.h"
#include "tui/editor/tui_page.h"
#include "tui/tui.h"

static const char *const keys[] = {
	"d", N_("done (asks for a note)"),
	"g", N_("doing (asks for a note)"),
	"x", N_("dropped (asks for a note)"),
	"o", N_("still open (asks for a note)"),
	N_("Up, Down, PgUp, PgDn"), N_("choose a row"),
	"Tab, Shift-Tab", N_("next or previous section"),
	"F10, Ctrl-Q", N_("leave the meeting"),
	NULL, NULL
};
static const struct page_help help = { N_("Keys of the review"), keys };

struct review {
	struct page	 p;
	struct action	*rev;
	char		**note;		/* the note given here, or NULL */
	size_t		 n;
	struct tui_list	 l;
};

static void
free_page(struct page *p)
{
	struct review *r = (struct review *)p;

	for (size_t i = 0; i < r->n; i++) {
		action_free(&r->rev[i]);
		free(r->note[i]);
	}
	free(r->rev);
	free(r->note);
	free(r);
}

/* Assignee, task, due, status, note: the status as wide as its heading
 * and its longest word, in the language shown. */
static void
columns(int w, int cw[5])
{
	struct tui_col cols[5] = {
		{ 0, 25, 100 }, { 0, 45, 100 }, { 11, 0, 0 }, { 9, 0, 0 },
		{ 0, 0, 0 }
	};
	int sw = tui_status_width(_("Status"));

	if (sw > cols[3].fixed && sw < w / 4)
		cols[3].fixed = sw;
	tui_columns(w, 30, cols, 5, cw);
}

static void
row(void *arg, size_t i, int y, int x, int w, bool sel)
{
	const struct review *r = arg;
	const struct action *a = &r->rev[i];
	const char *cells[5];
	char d[11];
	int cw[5];

	(void)sel;
	columns(w, cw);
	cells[0] = a->assignee;
	cells[1] = a->task;
	cells[2] = a->due ? cal_show(a->due, d) : NULL;
	cells[3] = status_label(a->status);
	cells[4] = r->note[i];
	for (int k = 0; k < 5; k++) {
		tui_cell(y, x, cw[k] - 1, cells[k] ? cells[k] : "");
		x += cw[k];
	}
}

static void
draw(struct page *p, int y, int x, int h, int w)
{
	struct review *r = (struct review *)p;
	const char *head[5] = { _("Assignee"), _("Task"), _("Due"),
	    _("Status"), _("Note") };
	int cw[5], cx = x;

	w--;
	columns(w, cw);
	tui_fill(y, x, w, A_UNDERLINE);
	attron(A_UNDERLINE);
	for (int k = 0; k < 5; k++) {
		tui_puts(y, cx, cw[k] - 1, head[k]);
		cx += cw[k];
	}
	attroff(A_UNDERLINE);
	r->l.n = r->n;
	tui_list_draw(&r->l, y + 1, x, h - 1, w, row, r);
}

/* Asks for an optional note; false on Esc. */
static bool
ask_note(const char *status, char **note)
{
	char title[160];

	/* Not tui_fmt: the form draws its frame with it. */
	snprintf(title, sizeof title, _("Mark %s"), status);
	return tui_form_line(title, _("Note"), 8, _("Enter accepts (the note "
	    "may stay empty), Esc cancels"), note);
}

static enum page_res
key(struct page *p, const struct tui_event *ev)
{
	static const char marks[] = "ogdx";	/* by enum act_status */
	struct review *r = (struct review *)p;
	struct page_host *h = p->host;
	struct tui_list *l = &r->l;
	const char *k;
	enum act_status to;
	char *note = NULL, title[100];
	struct err e;

	l->n = r->n;
	if (tui_list_key(l, ev) || ev->kind != EV_CHAR || r->n == 0 ||
	    ev->code <= 0 || ev->code > 127 ||
	    (k = strchr(marks, ev->code)) == NULL)
		return PAGE_DONE;
	to = (enum act_status)(k - marks);
	/* The form's title is formatted with tui_fmt: copy the word. */
	snprintf(title, sizeof title, "%s", status_label(to));
	if (!ask_note(title, &note))
		return PAGE_DONE;
	err_clear(&e);
	if (store_act_review(h->t->store, r->rev[l->cur].id, to, note,
	    h->m->id, &e) != 0) {
		h->status(h, true, e.msg);
		free(note);
		return PAGE_DONE;
	}
	r->rev[l->cur].status = to;
	if (note) {
		free(r->note[l->cur]);
		r->note[l->cur] = note;
	}
	h->status(h, false, tui_fmt(_("Reviewed: %s — %s"),
	    r->rev[l->cur].task, status_label(to)));
	if (l->cur + 1 < r->n)
		l->cur++;
	return PAGE_DONE;
}

static bool
filled(const struct page *p)
{
	(void)p;
	return true;
}

static const struct page_ops review_ops = {
	.help = &help,
	.ask_help = true,
	.draw = draw,
	.key = key,
	.filled = filled,
	.free = free_page,
};

/* A meeting of a series reviews the tasks its earlier meetings left open;
 * with none, there is no review page. */
struct page *
page_review_new(struct page_host *h)
{
	const char *series = meeting_get(h->m, F_SERIES);
	struct review *r;
	struct err e;

	if (series == NULL || h->m->id == 0)
		return NULL;
	r = xcalloc(1, sizeof *r);
	page_init(&r->p, &review_ops, h, NULL);
	r->p.title = _("Review of previous actions");
	r->p.prompt = _("The tasks earlier meetings of the series left open.  "
	    "For each, record what this meeting found: d done, g doing, x "
	    "dropped, o still open, each with a note.");
	err_clear(&e);
	if (store_series_open_actions(h->t->store, series,
	    meeting_get(h->m, F_DATE), h->m->id, &r->rev, &r->note, &r->n,
	    &e) != 0)
		h->status(h, true, e.msg);
	if (r->n == 0) {
		free_page(&r->p);
		return NULL;
	}
	return &r->p;
}
