/*
 * The action review screen: the open tasks of every meeting, in the order
 * and with the scopes of `minutes actions` (overdue first, then by due
 * date, undated last), overdue ones in red and those due within a week in
 * yellow, with a word in a marker column so the list reads the same
 * without colour.  A status key (d, g, o, x) asks for an optional note and
 * records the change through the store; Enter shows one item with its
 * history and the paragraph it came from, and from there the editor opens
 * at that section.  `/` narrows the list as the user types: every word
 * typed must occur in the item's assignee or task, both folded (case,
 * diacritics, đ -> d), so "uy ban" finds "Ủy ban".  The folded text of
 * each row is made once per load, which keeps a keystroke cheap on a long
 * review.  A long review is read in two steps:
 * the ids of its items in order, then their rows, the visible ones before
 * the first screen and the rest in chunks while no key waits, folding
 * them for the filter; a filter typed before that is done does what is
 * left at once.
 */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/search.h"
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
	char			**fold;		/* folded "assignee task" per row */
	size_t			 folded;	/* fold[0..folded) made */
	size_t			*vis;		/* rows that pass the filter */
	size_t			 nvis;
	struct tui_list		 l;
	struct textbuf		 filter;
	bool			 typing;	/* keys go to the filter */
	char			 msg[600];
	int			 mark_w;	/* the widest marker word */
};

static const char *const review_keys[] = {
	"Enter", N_("show the item, its history and source"),
	"d, g, o, x", N_("mark done, doing, open, dropped"),
	"/", N_("filter by assignee or task words"),
	"Esc", N_("clear the filter"),
	"A", N_("show every status, or only open items"),
	"X", N_("write the rows shown to a spreadsheet (.xlsx)"),
	N_("Up, Down, PgUp, PgDn"), N_("choose an item"),
	"F1, ?", N_("this help"),
	"q, F10", N_("back to the meeting list"),
	NULL, NULL
};

static const char *const item_keys[] = {
	"Enter, j", N_("open the meeting at this section"),
	N_("Up, Down, PgUp, PgDn"), N_("scroll"),
	"q, Esc, F10", N_("back to the review"),
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
	struct buf b = BUF_INIT;

	load(rv, upto);
	if (upto > rv->n)
		upto = rv->n;
	for (size_t i = rv->folded; i < upto; i++) {
		const struct action *a = &rv->v[i].a;

		buf_reset(&b);
		if (a->assignee)
			buf_adds(&b, a->assignee);
		buf_addc(&b, ' ');
		buf_adds(&b, a->task ? a->task : "");
		rv->fold[i] = search_fold(buf_str(&b), b.len);
	}
	if (upto > rv->folded)
		rv->folded = upto;
	buf_free(&b);
}

/* Rows that pass the filter: every folded word of it occurs in the row. */
static void
refilter(struct review *rv, int64_t keep)
{
	const char *f = tb_text(&rv->filter);
	char *q = search_fold(f, strlen(f)), *p = q;
	char *words[SEARCH_MAX_PHRASES];
	size_t nw = 0;

	while (p && *p && nw < SEARCH_MAX_PHRASES) {
		while (*p == ' ' || *p == '\t')
			*p++ = '\0';
		if (*p == '\0')
			break;
		words[nw++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
	}
	rv->nvis = 0;
	/* Usually done in the background by now (review_work). */
	if (nw > 0)
		fold_rows(rv, rv->n);
	for (size_t i = 0; i < rv->n; i++) {
		size_t k = 0;

		while (k < nw && strstr(rv->fold[i], words[k]))
			k++;
		if (k == nw)
			rv->vis[rv->nvis++] = i;
	}
	free(q);
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
	for (size_t i = 0; i < rv->n; i++)
		free(rv->fold[i]);
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

/* Column widths for w columns: marker, due, assignee; the task gets the
 * rest. */
static void
columns(const struct review *rv, int w, int *mw, int *aw, int *tw)
{
	*mw = rv->mark_w + 1;
	*aw = w >= 120 ? 30 : w / 4;
	*tw = w - *mw - 11 - *aw - 1;
	if (*tw < 1)
		*tw = 1;
}

static void
row(void *arg, size_t i, int y, int x, int w, bool sel)
{
	struct review *rv = arg;
	const struct action_row *r = &rv->v[rv->vis[i]];
	int mw, aw, tw, pair;
	const char *mk = marker(rv, r, &pair);
	char d[11];

	columns(rv, w, &mw, &aw, &tw);
	if (pair && has_colors() && !sel)
		attron(COLOR_PAIR(pair) | A_BOLD);
	else if (pair)
		attron(A_BOLD);
	tui_puts(y, x, mw - 1, mk);
	tui_puts(y + 0, x + mw, 10, r->a.due ? cal_show(r->a.due, d) : "-");
	if (pair && has_colors() && !sel)
		attroff(COLOR_PAIR(pair) | A_BOLD);
	else if (pair)
		attroff(A_BOLD);
	tui_cell(y, x + mw + 11, aw - 1, r->a.assignee ? r->a.assignee : "-");
	tui_cell(y, x + mw + 11 + aw, tw, r->a.task ? r->a.task : "");
}

static void
review_draw(struct tui_screen *scr)
{
	struct review *rv = scr->data;
	int w = COLS - 2, mw, aw, tw;
	const char *f = tb_text(&rv->filter);
	char title[200];

	columns(rv, w, &mw, &aw, &tw);
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
	tui_puts(1, 1, mw - 1, _("Mark"));
	tui_puts(1, 1 + mw, 10, _("Due"));
	tui_puts(1, 1 + mw + 11, aw - 1, _("Assignee"));
	tui_puts(1, 1 + mw + 11 + aw, tw, _("Task"));
	attroff(A_UNDERLINE);
	if (rv->nvis == 0) {
		attron(A_DIM);
		tui_puts(3, 1, w, *f ? _("No item matches the filter.") :
		    _("No open action items."));
		attroff(A_DIM);
	}
	tui_list_draw(&rv->l, 2, 1, LINES - 4, w, row, rv);
	if (rv->typing || *f) {
		tui_fill(LINES - 2, 0, COLS, A_NORMAL);
		attron(A_BOLD);
		tui_puts(LINES - 2, 1, 8, _("Filter:"));
		attroff(A_BOLD);
		tui_edit_draw(&rv->filter, LINES - 2, 10, 1, COLS - 11,
		    rv->typing);
	}
	tui_bar(LINES - 1, rv->msg[0] ? rv->msg : rv->typing ?
	    _("Type to filter  Enter keep  Esc clear") :
	    _("Enter show  d done  g doing  o open  x dropped  / filter  q back"),
	    _("F1 help"), A_REVERSE);
}

/* The paragraph of text around the item's source span, with the span
 * between » and «, cut to a few hundred bytes either side. */
static void
source_context(struct buf *b, const struct action *a, const char *text)
{
	size_t len = strlen(text), from, to, st, en;
	const char *p;

	if (a->src_start < 0 || a->src_end < a->src_start ||
	    (size_t)a->src_end > len) {
		buf_adds(b, _("(the section has changed since; the sentence "
		    "is no longer where it was)"));
		return;
	}
	st = (size_t)a->src_start;
	en = (size_t)a->src_end;
	from = st;
	while (from > 0 && st - from < 300 && !(from > 1 &&
	    text[from - 1] == '\n' && text[from - 2] == '\n'))
		from--;
	while (from < st && ((unsigned char)text[from] & 0xc0) == 0x80)
		from++;
	p = strstr(text + en, "\n\n");
	to = p ? (size_t)(p - text) : len;
	if (to - en > 300) {
		to = en + 300;
		while (to > en && ((unsigned char)text[to] & 0xc0) == 0x80)
			to--;
	}
	buf_add(b, text + from, st - from);
	buf_adds(b, "\xc2\xbb");
	buf_add(b, text + st, en - st);
	buf_adds(b, "\xc2\xab");
	buf_add(b, text + en, to - en);
}

struct item {
	struct buf	 text;		/* lines to show, '\n'-separated */
	size_t		 top;		/* first wrapped line shown */
	bool		 jump;
};

/* Draws text wrapped to w columns from wrapped line top on; returns the
 * number of wrapped lines. */
static size_t
draw_wrapped(const char *s, size_t top, int y, int h, int w)
{
	size_t len = strlen(s), i = 0, line = 0;

	while (i < len) {
		size_t next, n = utf8_wrap(s + i, len - i, (size_t)w, &next);

		if (line >= top && (int)(line - top) < h)
			tui_put(y + (int)(line - top), 1, w, s + i, n);
		line++;
		i += next > 0 ? next : 1;
	}
	return line;
}

static void
item_draw(struct tui_screen *scr)
{
	struct item *it = scr->data;
	size_t lines;

	tui_bar(0, _("Action item"), "minutes", A_REVERSE);
	lines = draw_wrapped(buf_str(&it->text), it->top, 1, LINES - 2,
	    COLS - 2);
	if (lines > 0 && it->top >= lines)
		it->top = lines - 1;
	tui_bar(LINES - 1, _("Enter open the meeting  q back"), _("F1 help"),
	    A_REVERSE);
}

static enum tui_act
item_key(struct tui_screen *scr, const struct tui_event *ev)
{
	struct item *it = scr->data;
	int c = ev->code;
	bool ch = ev->kind == EV_CHAR, key = ev->kind == EV_KEY;
	size_t page = LINES > 3 ? (size_t)LINES - 3 : 1;

	if ((ch && (c == 'q' || c == 27)) || (key && c == KEY_F(10)))
		return TUI_LEAVE;
	if ((ch && (c == '\r' || c == '\n' || c == 'j')) ||
	    (key && c == KEY_ENTER)) {
		it->jump = true;
		return TUI_LEAVE;
	}
	if ((key && c == KEY_F(1)) || (ch && c == '?'))
		tui_help(_("Keys of the action item"), item_keys);
	else if (key && c == KEY_UP && it->top > 0)
		it->top--;
	else if (key && c == KEY_DOWN)
		it->top++;
	else if (key && c == KEY_PPAGE)
		it->top = it->top > page ? it->top - page : 0;
	else if (key && c == KEY_NPAGE)
		it->top += page;
	else if (key && c == KEY_HOME)
		it->top = 0;
	return TUI_STAY;
}

/* Appends s with its control characters escaped. */
static void
add_esc(struct buf *b, const char *s)
{
	utf8_escape_ctrl(b, s, strlen(s));
}

/* The same, keeping its line breaks as lines. */
static void
add_esc_lines(struct buf *b, const char *s)
{
	const char *nl;

	while ((nl = strchr(s, '\n')) != NULL) {
		utf8_escape_ctrl(b, s, (size_t)(nl - s));
		buf_addc(b, '\n');
		s = nl + 1;
	}
	add_esc(b, s);
}

/* The item's history, one change a line. */
static void
add_history(struct buf *b, const struct store_act_event *ev, size_t nev)
{
	for (size_t i = 0; i < nev; i++) {
		char at[32];

		cal_local_stamp(ev[i].at, at);
		buf_printf(b, "  %s  ", at);
		if (ev[i].old_status == NULL)
			buf_printf(b, _("created as %s"),
			    status_label_of(ev[i].new_status));
		else
			buf_printf(b, "%s -> %s",
			    status_label_of(ev[i].old_status),
			    status_label_of(ev[i].new_status));
		if (ev[i].note) {
			buf_adds(b, ": ");
			add_esc(b, ev[i].note);
		}
		buf_addc(b, '\n');
	}
	if (nev == 0)
		buf_printf(b, "  %s\n", _("(none)"));
}

/* Where the item came from: its sentence in the section's text. */
static void
add_source(struct buf *b, const struct action *a, const char *text)
{
	if (a->src_section && text) {
		struct buf c = BUF_INIT;

		buf_printf(b, _("Source, in section \"%s\":"), a->src_section);
		buf_addc(b, '\n');
		source_context(&c, a, text);
		add_esc_lines(b, buf_str(&c));
		buf_free(&c);
	} else if (a->src_section)
		buf_adds(b, _("Source: the section it came from is gone."));
	else
		buf_adds(b, _("Source: entered by hand, not found in the "
		    "text."));
}

/* Shows one item; opens the editor when asked to. */
static enum tui_act
show_item(struct review *rv, const struct action_row *sel)
{
	struct item it = { BUF_INIT, 0, false };
	struct tui_screen s = { .data = &it, .draw = item_draw,
	    .key = item_key };
	struct action_row r;
	struct store_act_event *ev = NULL;
	size_t nev = 0;
	char *text = NULL, *section = NULL, d[11];
	int64_t mid, src_at;
	enum tui_act res;
	struct err e;

	err_clear(&e);
	if (store_act_get(rv->t->store, sel->a.id, rv->today, &r, &e) != 0) {
		snprintf(rv->msg, sizeof rv->msg, "%s", e.msg);
		return TUI_STAY;
	}
	if (store_act_history(rv->t->store, r.a.id, &ev, &nev, &e) != 0 ||
	    store_act_source(rv->t->store, &r, &text, &e) != 0)
		snprintf(rv->msg, sizeof rv->msg, "%s", e.msg);
	buf_printf(&it.text, _("Task: "));
	add_esc(&it.text, r.a.task ? r.a.task : "");
	buf_printf(&it.text, "\n%s", _("Assignee: "));
	add_esc(&it.text, r.a.assignee ? r.a.assignee : "-");
	buf_printf(&it.text, "\n%s%s", _("Due: "), r.a.due ? cal_show(r.a.due,
	    d) : "-");
	if (r.a.due_text) {
		buf_adds(&it.text, " (\"");
		add_esc(&it.text, r.a.due_text);
		buf_adds(&it.text, "\")");
	}
	buf_printf(&it.text, "\n%s%s%s", _("Status: "), status_label(r.a.status),
	    r.overdue ? tui_fmt(", %s", _("overdue")) : "");
	buf_printf(&it.text, "\n%s%" PRId64 " ", _("Meeting: "), r.a.meeting_id);
	add_esc(&it.text, r.meeting_title ? r.meeting_title : "");
	buf_printf(&it.text, " (%s)\n\n%s\n", cal_show(r.meeting_date, d),
	    _("History:"));
	add_history(&it.text, ev, nev);
	buf_addc(&it.text, '\n');
	add_source(&it.text, &r.a, text);
	mid = r.a.meeting_id;
	section = r.a.src_section ? xstrdup(r.a.src_section) :
	    xstrdup("tasks");
	/* The cursor goes to the sentence, if it is still known. */
	src_at = r.a.src_section ? r.a.src_start : -1;
	free(text);
	store_act_events_free(ev, nev);
	action_row_free(&r);
	res = tui_run(&s);
	buf_free(&it.text);
	if (res != TUI_QUIT && it.jump)
		res = tui_editor_run_at(rv->t, mid, section, src_at);
	free(section);
	return res == TUI_QUIT ? TUI_QUIT : TUI_STAY;
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
		refilter(rv, selected(rv));
		return TUI_STAY;
	}
	if ((ch && (c == 'q' || c == TK_CTRL('Q'))) ||
	    (key && c == KEY_F(10)))
		return c == TK_CTRL('Q') ? TUI_QUIT : TUI_LEAVE;
	if ((key && c == KEY_F(1)) || (ch && c == '?')) {
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
		enum tui_act r = show_item(rv, &rv->v[rv->vis[rv->l.cur]]);

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
	/* The marker column fits its longest word in the language shown
	 * ("đang làm" cut to "đang là" reads as other words). */
	{
		const char *words[] = { _("overdue"), _("soon"),
		    status_label(ACT_DOING), status_label(ACT_DONE),
		    status_label(ACT_DROPPED) };

		rv.mark_w = 7;
		for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
			if ((int)utf8_width(words[i], strlen(words[i])) > rv.mark_w)
				rv.mark_w = (int)utf8_width(words[i],
				    strlen(words[i]));
	}
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
