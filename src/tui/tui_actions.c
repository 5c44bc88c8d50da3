/*
 * The action review screen: the open tasks of every meeting, in the order
 * and with the scopes of `minutes actions` (overdue first, then by due
 * date, undated last), overdue ones in red and those due within a week in
 * yellow, with a word in a marker column so the list reads the same
 * without colour.  A status key (d, g, o, x) asks for an optional note and
 * records the change through the store; Enter shows one item with its
 * history and the paragraph it came from, and from there the editor opens
 * at that section.  `/` narrows the list as the user types: every word
 * and "quoted phrase" typed must occur in the item's assignee or task,
 * both folded (case, diacritics, đ -> d), so "uy ban" finds "Ủy ban";
 * fields narrow it as `minutes actions` does (core/actfilter.h).  The
 * folded text of each row is made once per load, which keeps a keystroke
 * cheap on a long review.  A long review is read in two steps: the ids of
 * its items in order, then their rows, the visible ones before the first
 * screen and the rest in chunks while no key waits, folding them for the
 * filter; a filter typed before that is done does what is left at once.
 * The columns beyond assignee and task (status, meeting, the latest note)
 * come as the width allows; under the list, the selected item's status,
 * meeting and note are spelled out whatever the width.
 */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/actfilter.h"
#include "core/model.h"
#include "core/search.h"
#include "core/tmpl.h"
#include "core/textbuf.h"
#include "export/export_actions.h"
#include "lib/buf.h"
#include "lib/cal.h"
#include "lib/err.h"
#include "lib/filewrite.h"
#include "lib/i18n.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"
#include "store/store.h"
#include "tui/tui.h"

enum { PAIR_OVERDUE = 1, PAIR_SOON = 2 };
#define SOON_DAYS 7
#define CHUNK 1000	/* rows read in one step in the background */

struct review {
	struct tui		*t;
	char			 today[11];
	long			 today_days;
	bool			 all;		/* every status, not only open */
	int64_t			*ids;		/* the items, in review order */
	struct action_row	*v;		/* their rows, v[0..loaded) read */
	size_t			 n, loaded;
	struct folded {
		char		*who, *what;	/* folded assignee and task */
	}			*fold;
	size_t			 folded;	/* fold[0..folded) made */
	size_t			*vis;		/* rows that pass the filter */
	size_t			 nvis;
	struct tui_list		 l;
	struct textbuf		 filter;
	bool			 typing;	/* keys go to the filter */
	char			 msg[600];
	char			 ferr[520];	/* why the filter is not all read */
	int			 mark_w;	/* the widest marker word */
	int			 status_w;	/* the widest status word */
};

static const char *const review_keys[] = {
	"Enter", N_("show the item, its history and source"),
	"d, g, o, x", N_("mark done, doing, open, dropped"),
	"/", N_("filter: words, \"a phrase\", assignee:, status:, meeting:, "
	    "due: (due before a date)"),
	"Esc", N_("clear the filter"),
	"A", N_("show every status, or only open items"),
	"X", N_("write the rows shown to a spreadsheet (.xlsx)"),
	N_("Up, Down, PgUp, PgDn"), N_("choose an item"),
	"F1, ?", N_("this help"),
	"q, F10", N_("back to the meeting list"),
	NULL, NULL
};


/* The id of the selected item, or 0. */
static int64_t
selected(const struct review *rv)
{
	return rv->nvis ? rv->ids[rv->vis[rv->l.cur]] : 0;
}

/* Reads the rows up to (not including) upto. */
static void
load(struct review *rv, size_t upto)
{
	struct err e;

	if (upto > rv->n)
		upto = rv->n;
	if (upto <= rv->loaded)
		return;
	err_clear(&e);
	if (store_act_fetch(rv->t->store, rv->today, rv->ids + rv->loaded,
	    upto - rv->loaded, rv->v + rv->loaded, &e) != 0) {
		/* Shown as empty rows with the message; not read again. */
		snprintf(rv->msg, sizeof rv->msg, "%s", e.msg);
		for (size_t i = rv->loaded; i < upto; i++)
			rv->v[i].a.id = rv->ids[i];
	}
	rv->loaded = upto;
}

/* The folded "assignee task" of the rows up to upto, for the filter. */
static void
fold_rows(struct review *rv, size_t upto)
{
	load(rv, upto);
	if (upto > rv->n)
		upto = rv->n;
	for (size_t i = rv->folded; i < upto; i++) {
		const struct action *a = &rv->v[i].a;

		rv->fold[i].who = search_fold(a->assignee ? a->assignee : "",
		    a->assignee ? strlen(a->assignee) : 0);
		rv->fold[i].what = search_fold(a->task ? a->task : "",
		    a->task ? strlen(a->task) : 0);
	}
	if (upto > rv->folded)
		rv->folded = upto;
}

/* Rows that pass the filter (core/actfilter.h).  A filter that does not
 * read yet (a date still being typed) filters by what came before the
 * bad part and says why under the list. */
static void
refilter(struct review *rv, int64_t keep)
{
	struct actfilter f;
	struct err e;

	err_clear(&e);
	rv->ferr[0] = '\0';
	if (actfilter_parse(tb_text(&rv->filter), &f, &e) != 0)
		snprintf(rv->ferr, sizeof rv->ferr, "%s", e.msg);
	rv->nvis = 0;
	/* Usually done in the background by now (review_work). */
	if (!actfilter_empty(&f))
		fold_rows(rv, rv->n);
	for (size_t i = 0; i < rv->n; i++)
		if (actfilter_empty(&f) || actfilter_match(&f, &rv->v[i].a,
		    rv->fold[i].who, rv->fold[i].what, rv->v[i].meeting_title))
			rv->vis[rv->nvis++] = i;
	actfilter_free(&f);
	rv->l.n = rv->nvis;
	/* The same item stays selected; when it has left the list (marked
	 * done), the one that took its place. */
	if (rv->l.cur >= rv->nvis)
		rv->l.cur = rv->nvis ? rv->nvis - 1 : 0;
	for (size_t i = 0; i < rv->nvis; i++)
		if (rv->ids[rv->vis[i]] == keep)
			rv->l.cur = i;
}

static void
unload(struct review *rv)
{
	for (size_t i = 0; i < rv->n; i++) {
		free(rv->fold[i].who);
		free(rv->fold[i].what);
	}
	free(rv->fold);
	free(rv->vis);
	free(rv->ids);
	action_rows_free(rv->v, rv->n);
	rv->fold = NULL;
	rv->vis = NULL;
	rv->ids = NULL;
	rv->v = NULL;
	rv->n = rv->nvis = rv->loaded = rv->folded = 0;
}

/* Reads the items again (after a change of status or scope), keeping the
 * selected item selected when it is still listed. */
static void
reload(struct review *rv)
{
	struct store_act_filter f;
	struct err e;
	int64_t keep = selected(rv);

	unload(rv);
	memset(&f, 0, sizeof f);
	f.scope = rv->all ? STORE_ACT_ALL : STORE_ACT_OPEN;
	f.today = rv->today;
	err_clear(&e);
	if (store_act_ids(rv->t->store, &f, &rv->ids, &rv->n, &e) != 0) {
		snprintf(rv->msg, sizeof rv->msg, "%s", e.msg);
		rv->ids = NULL;
		rv->n = 0;
	}
	rv->v = xcalloc(rv->n + 1, sizeof *rv->v);
	rv->fold = xcalloc(rv->n + 1, sizeof *rv->fold);
	rv->vis = xcalloc(rv->n + 1, sizeof *rv->vis);
	refilter(rv, keep);
}

/* A filter on a closed status (done, dropped) reads every status: the
 * open ones alone would never show what it asks for.  True if the items
 * were read again (and filtered). */
static bool
wants_all(struct review *rv)
{
	struct actfilter f;
	struct err e;
	bool closed;

	if (rv->all)
		return false;
	actfilter_parse(tb_text(&rv->filter), &f, &e);
	closed = f.status == ACT_DONE || f.status == ACT_DROPPED;
	actfilter_free(&f);
	if (!closed)
		return false;
	rv->all = true;
	reload(rv);
	return true;
}

/* Days from today to the item's due date; false when it has none. */
static bool
days_left(const struct review *rv, const struct action *a, long *d)
{
	struct ymd y;

	if (a->due == NULL || !cal_parse_iso(a->due, &y))
		return false;
	*d = cal_days(y) - rv->today_days;
	return true;
}

/* The marker word and colour pair of a row. */
static const char *
marker(const struct review *rv, const struct action_row *r, int *pair)
{
	long d;

	*pair = 0;
	if (r->a.status == ACT_DONE || r->a.status == ACT_DROPPED)
		return status_label(r->a.status);
	if (r->overdue) {
		*pair = PAIR_OVERDUE;
		return _("overdue");
	}
	if (days_left(rv, &r->a, &d) && d <= SOON_DAYS) {
		*pair = PAIR_SOON;
		return _("soon");
	}
	return r->a.status == ACT_DOING ? status_label(ACT_DOING) : "";
}

/* The columns of the review, left to right. */
enum { C_MARK, C_DUE, C_WHO, C_TASK, C_STATUS, C_MEETING, C_NOTE, NCOLS };

/* Column widths for w columns (0 for a column left out): marker, due,
 * assignee and task always; status and the meeting's date from 100
 * columns, its title too from 130, the latest note from 150.  The task
 * gets what is left. */
static void
columns(const struct review *rv, int w, int cw[NCOLS])
{
	int rest;

	memset(cw, 0, NCOLS * sizeof *cw);
	cw[C_MARK] = rv->mark_w + 1;
	cw[C_DUE] = 11;
	if (w >= 100) {
		cw[C_STATUS] = rv->status_w + 1;
		cw[C_MEETING] = w >= 130 ? 11 + 22 : 11;
	}
	if (w >= 150)
		cw[C_NOTE] = 24;
	cw[C_WHO] = w >= 120 ? 30 : w / 4;
	rest = w;
	for (int k = 0; k < NCOLS; k++)
		rest -= cw[k];
	cw[C_TASK] = rest > 1 ? rest : 1;
}

/* The meeting of a row: its date, and its title where there is room. */
static const char *
meeting_cell(const struct action_row *r)
{
	char d[11];

	return tui_fmt("%s %s", cal_show(r->meeting_date, d), r->meeting_title ?
	    r->meeting_title : "");
}

static void
row(void *arg, size_t i, int y, int x, int w, bool sel)
{
	struct review *rv = arg;
	const struct action_row *r = &rv->v[rv->vis[i]];
	int cw[NCOLS], pair;
	const char *mk = marker(rv, r, &pair), *cells[NCOLS];
	char d[11];

	columns(rv, w, cw);
	if (pair && has_colors() && !sel)
		attron(COLOR_PAIR(pair) | A_BOLD);
	else if (pair)
		attron(A_BOLD);
	tui_puts(y, x, cw[C_MARK] - 1, mk);
	tui_puts(y, x + cw[C_MARK], cw[C_DUE] - 1, r->a.due ?
	    cal_show(r->a.due, d) : "-");
	if (pair && has_colors() && !sel)
		attroff(COLOR_PAIR(pair) | A_BOLD);
	else if (pair)
		attroff(A_BOLD);
	x += cw[C_MARK] + cw[C_DUE];
	cells[C_WHO] = r->a.assignee ? r->a.assignee : "-";
	cells[C_TASK] = r->a.task ? r->a.task : "";
	cells[C_STATUS] = status_label(r->a.status);
	cells[C_NOTE] = r->last_note ? r->last_note : "";
	for (int k = C_WHO; k < NCOLS; k++) {
		if (cw[k] == 0)
			continue;
		/* tui_fmt's buffer is used at once, before the next cell. */
		tui_cell(y, x, cw[k] - 1, k != C_MEETING ? cells[k] :
		    cw[k] > 11 ? meeting_cell(r) : cal_show(r->meeting_date, d));
		x += cw[k];
	}
}

/* Under the list: what the columns leave out of the selected item. */
static void
draw_detail(struct review *rv, int y, int w)
{
	const struct action_row *r;
	struct buf b = BUF_INIT;
	char d[11];

	if (rv->nvis == 0 || rv->l.cur >= rv->nvis)
		return;
	r = &rv->v[rv->vis[rv->l.cur]];
	buf_printf(&b, _("#%lld %s"), (long long)r->a.id,
	    status_label(r->a.status));
	buf_adds(&b, "  ·  ");
	buf_printf(&b, _("meeting %s %s"), cal_show(r->meeting_date, d),
	    r->meeting_title ?
	    r->meeting_title : "");
	if (r->last_note) {
		buf_adds(&b, "  ·  ");
		buf_printf(&b, _("note: %s"), r->last_note);
	}
	attron(A_DIM);
	tui_puts(y, 1, w, buf_str(&b));
	attroff(A_DIM);
	buf_free(&b);
}

static void
review_draw(struct tui_screen *scr)
{
	struct review *rv = scr->data;
	int w = COLS - 2, cw[NCOLS], x = 1, bottom = LINES - 1;
	const char *f = tb_text(&rv->filter);
	const char *head[NCOLS] = { _("Mark"), _("Due"), _("Assignee"),
	    _("Task"), _("Status"), _("Meeting"), _("Note") };
	char title[200];

	columns(rv, w, cw);
	/* The selected row is always on screen, so the rows shown lie
	 * within a screen's height of it (vis is the identity until a
	 * filter, which reads every row). */
	load(rv, rv->l.cur + (size_t)LINES);
	/* Formatted here: tui_fmt's one buffer serves the right side. */
	snprintf(title, sizeof title, rv->all ? _("All action items (%zu)") :
	    _("Open action items (%zu)"), rv->nvis);
	tui_bar(0, title, tui_fmt(_("today %s"), rv->today), A_REVERSE);
	tui_fill(1, 1, w, A_UNDERLINE);
	attron(A_UNDERLINE);
	for (int k = 0; k < NCOLS; k++) {
		if (cw[k] == 0)
			continue;
		tui_puts(1, x, cw[k] - 1, head[k]);
		x += cw[k];
	}
	attroff(A_UNDERLINE);
	if (rv->typing || *f) {
		bottom--;
		tui_fill(bottom, 0, COLS, A_NORMAL);
		attron(A_BOLD);
		x = 1 + tui_puts(bottom, 1, COLS - 2, _("Filter:")) + 1;
		attroff(A_BOLD);
		tui_edit_draw(&rv->filter, bottom, x, 1, COLS - x - 1,
		    rv->typing);
	}
	/* The status, meeting and note are on the line under the list
	 * while a column for them is missing. */
	if (cw[C_NOTE] == 0 && LINES >= 10)
		draw_detail(rv, --bottom, w);
	if (rv->nvis == 0) {
		attron(A_DIM);
		tui_puts(3, 1, w, *f ? _("No item matches the filter.") :
		    _("No open action items."));
		attroff(A_DIM);
	}
	tui_list_draw(&rv->l, 2, 1, bottom - 2, w, row, rv);
	tui_bar(LINES - 1, rv->msg[0] ? rv->msg : rv->ferr[0] ? rv->ferr :
	    rv->typing ? _("Type to filter  Enter keep  Esc clear  F1 fields") :
	    _("Enter show  d done  g doing  o open  x dropped  / filter  q back"),
	    _("F1 help"), A_REVERSE);
}

/* Asks for a note and sets the selected item's status. */
static void
set_status(struct review *rv, enum act_status st)
{
	const struct action_row *r = &rv->v[rv->vis[rv->l.cur]];
	const char *label = _("Note");
	struct err e;
	bool changed = false;
	int64_t id = r->a.id;
	char title[200], *note, *nfc;

	/* A copy: the screen underneath reuses tui_fmt's buffer. */
	snprintf(title, sizeof title, _("Mark item %lld %s"), (long long)id,
	    status_label(st));
	/* The label column is wide enough for the label in any language. */
	if (!tui_form_line(title, label, (int)utf8_width(label, strlen(label)) +
	    2, _("Enter record (the note may be empty), Esc cancel"), &note))
		return;
	nfc = note ? utf8_nfc(note, strlen(note), NULL) : NULL;
	err_clear(&e);
	if (store_act_set_status(rv->t->store, id, st, nfc, NULL, &changed,
	    &e) != 0)
		snprintf(rv->msg, sizeof rv->msg, "%s", e.msg);
	else
		snprintf(rv->msg, sizeof rv->msg, changed ?
		    _("Item %lld is now %s.") : _("Item %lld is already %s."),
		    (long long)id, status_label(st));
	free(nfc);
	free(note);
	reload(rv);
}

/* Asks for a file name and writes the rows the review shows (after the
 * filter, every status or the open ones) to a spreadsheet there. */
static void
write_sheet(struct review *rv)
{
	struct textbuf tb;
	struct tui_field f;
	struct tui_form form;
	struct action_row *rows;
	struct buf b = BUF_INIT;
	struct err e;
	char *def;

	load(rv, rv->n);
	fold_rows(rv, rv->n);
	refilter(rv, selected(rv));
	/* Shallow copies: the rows stay the review's. */
	rows = xcalloc(rv->nvis ? rv->nvis : 1, sizeof *rows);
	for (size_t i = 0; i < rv->nvis; i++)
		rows[i] = rv->v[rv->vis[i]];
	memset(&f, 0, sizeof f);
	memset(&form, 0, sizeof form);
	tb_init(&tb);
	tb.single_line = true;
	def = xasprintf(_("tasks-%s.xlsx"), rv->today);
	tb_set(&tb, def, strlen(def));
	tb_move(&tb, TB_BOTTOM);
	f.label = _("File");
	f.tb = &tb;
	form.f = &f;
	form.n = 1;
	form.labelw = (int)utf8_width(f.label, strlen(f.label)) + 2;
	while (tui_form_run(&form, _("Write the rows shown to a spreadsheet"),
	    _("Enter write, Esc cancel"))) {
		const char *path = tb_text(&tb);

		if (!tui_may_write(path, store_path(rv->t->store)))
			continue;
		buf_reset(&b);
		err_clear(&e);
		if (export_actions_xlsx(&b, rows, rv->nvis, &e) == 0 &&
		    filewrite_atomic(path, buf_str(&b), b.len, &e) == 0) {
			snprintf(rv->msg, sizeof rv->msg, _("%zu rows written to "
			    "%s."), rv->nvis, path);
			break;
		}
		tui_ask(_("Export"), e.msg, "\n");
	}
	buf_free(&b);
	free(def);
	free(rows);
	tb_free(&tb);
}

static enum tui_act
review_key(struct tui_screen *scr, const struct tui_event *ev)
{
	struct review *rv = scr->data;
	int c = ev->code;
	bool ch = ev->kind == EV_CHAR, key = ev->kind == EV_KEY;
	static const struct { int k; enum act_status st; } stkeys[] = {
		{ 'd', ACT_DONE }, { 'g', ACT_DOING }, { 'o', ACT_OPEN },
		{ 'x', ACT_DROPPED }
	};

	rv->msg[0] = '\0';
	if (key && c == KEY_F(1)) {
		tui_help(_("Keys of the action review"), review_keys);
		return TUI_STAY;
	}
	if (rv->typing) {
		if (ch && c == 27) {
			tb_set(&rv->filter, "", 0);
			rv->typing = false;
		} else if ((ch && (c == '\r' || c == '\n')) ||
		    (key && c == KEY_ENTER))
			rv->typing = false;
		else if (tui_list_key(&rv->l, ev))
			return TUI_STAY;
		else if (!tui_edit_key(&rv->filter, ev))
			return TUI_STAY;
		if (!wants_all(rv))
			refilter(rv, selected(rv));
		return TUI_STAY;
	}
	if ((ch && (c == 'q' || c == TK_CTRL('Q'))) ||
	    (key && c == KEY_F(10)))
		return c == TK_CTRL('Q') ? TUI_QUIT : TUI_LEAVE;
	if (ch && c == '?') {
		tui_help(_("Keys of the action review"), review_keys);
		return TUI_STAY;
	}
	if (tui_list_key(&rv->l, ev))
		return TUI_STAY;
	if (ch && c == '/') {
		rv->typing = true;
		tb_move(&rv->filter, TB_BOTTOM);
		return TUI_STAY;
	}
	if (ch && c == 27) {
		tb_set(&rv->filter, "", 0);
		refilter(rv, selected(rv));
		return TUI_STAY;
	}
	if (ch && c == 'A') {
		rv->all = !rv->all;
		reload(rv);
		return TUI_STAY;
	}
	if (ch && c == 'X') {
		write_sheet(rv);
		return TUI_STAY;
	}
	if (rv->nvis == 0)
		return TUI_STAY;
	if ((ch && (c == '\r' || c == '\n')) || (key && c == KEY_ENTER)) {
		enum tui_act r = tui_action_item(rv->t,
		    selected(rv), rv->today, rv->msg, sizeof rv->msg);

		reload(rv);
		return r;
	}
	for (size_t i = 0; ch && i < sizeof stkeys / sizeof stkeys[0]; i++)
		if (c == stkeys[i].k)
			set_status(rv, stkeys[i].st);
	return TUI_STAY;
}

/* Reads the rest of the rows, then folds them for the filter, while the
 * user looks at the first screen. */
static bool
review_work(struct tui_screen *scr)
{
	struct review *rv = scr->data;

	if (rv->loaded < rv->n)
		load(rv, rv->loaded + CHUNK);
	else
		fold_rows(rv, rv->folded + CHUNK);
	return rv->folded < rv->n;
}

/* The marker and status columns fit their longest word in the language
 * shown ("đang làm" cut to "đang là" reads as other words). */
static void
measure_words(struct review *rv)
{
	const char *words[] = { _("overdue"), _("soon"),
	    status_label(ACT_OPEN), status_label(ACT_DOING),
	    status_label(ACT_DONE), status_label(ACT_DROPPED) };

	rv->mark_w = 7;
	rv->status_w = 6;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		int w = (int)utf8_width(words[i], strlen(words[i]));

		if (w > rv->mark_w && i != 2)
			rv->mark_w = w;
		if (w > rv->status_w && i >= 2)
			rv->status_w = w;
	}
}

enum tui_act
tui_actions_run(struct tui *t)
{
	struct review rv;
	struct tui_screen s = { .data = &rv, .draw = review_draw,
	    .key = review_key, .work = review_work };
	enum tui_act r;
	struct ymd d;
	struct err e;

	memset(&rv, 0, sizeof rv);
	rv.t = t;
	tb_init(&rv.filter);
	rv.filter.single_line = true;
	err_clear(&e);
	if (cal_today(&d, &e) != 0) {
		tui_ask(_("Action review"), e.msg, "\n");
		tb_free(&rv.filter);
		return TUI_STAY;
	}
	cal_format_iso(d, rv.today);
	rv.today_days = cal_days(d);
	measure_words(&rv);
	if (has_colors()) {
		init_pair(PAIR_OVERDUE, COLOR_RED, -1);
		init_pair(PAIR_SOON, COLOR_YELLOW, -1);
	}
	reload(&rv);
	r = tui_run(&s);
	unload(&rv);
	tb_free(&rv.filter);
	return r == TUI_QUIT ? TUI_QUIT : TUI_LEAVE;
}
