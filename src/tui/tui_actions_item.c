/*
 * One task of the action review, shown whole (tui_actions.c opens it
 * with Enter): what, who, by when, its status and meeting, its history of
 * changes with their notes, and the paragraph it came from with the
 * sentence between » and «, under its section's heading in the meeting's
 * template.  A paragraph cut to fit is cut between words and says so
 * with "…".  Enter or j opens the editor at that sentence.
 */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/tmpl.h"
#include "lib/buf.h"
#include "lib/cal.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"
#include "store/store.h"
#include "tui/tui.h"

static const char *const item_keys[] = {
	"Enter, j", N_("open the meeting at this section"),
	N_("Up, Down, PgUp, PgDn"), N_("scroll"),
	"q, Esc, F10", N_("back to the review"),
	NULL, NULL
};

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* The paragraph of text around the item's source span, with the span
 * between » and «, cut to a few hundred bytes either side. */
static void
source_context(struct buf *b, const struct action *a, const char *text)
{
	size_t len = strlen(text), from, to, st, en;
	const char *p;
	bool cut, tcut;

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
	/* Cut before the paragraph's start: from the next word on, and
	 * said with "…", never from the middle of a word. */
	cut = from > 0 && !(from > 1 && text[from - 1] == '\n' &&
	    text[from - 2] == '\n');
	if (cut) {
		while (from < st && !is_blank(text[from]))
			from++;
		while (from < st && is_blank(text[from]))
			from++;
	}
	p = strstr(text + en, "\n\n");
	to = p ? (size_t)(p - text) : len;
	tcut = to - en > 300;
	if (tcut) {
		to = en + 300;
		while (to > en && !is_blank(text[to]))
			to--;
	}
	if (cut)
		buf_adds(b, "\xe2\x80\xa6");
	buf_add(b, text + from, st - from);
	buf_adds(b, "\xc2\xbb");
	buf_add(b, text + st, en - st);
	buf_adds(b, "\xc2\xab");
	buf_add(b, text + en, to - en);
	if (tcut)
		buf_adds(b, "\xe2\x80\xa6");
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

/* Where the item came from: its sentence in the section's text, under
 * the section's heading (heading, or its key when the template is gone). */
static void
add_source(struct buf *b, const struct action *a, const char *text,
    const char *heading)
{
	if (a->src_section && text) {
		struct buf c = BUF_INIT;

		buf_adds(b, _("Source, in the section "));
		buf_printf(b, "\xe2\x80\x9c%s\xe2\x80\x9d:", heading ? heading :
		    a->src_section);
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

/* The heading of the section an item came from, in its meeting's
 * template; NULL when it cannot be told. */
static const char *
heading_of(struct tui *t, const struct action_row *r)
{
	const char *heading = NULL, *tid;
	const struct tmpl *tp;
	struct meeting m;
	struct err e;

	if (r->a.src_section == NULL)
		return NULL;
	meeting_init(&m);
	err_clear(&e);
	if (store_meeting_load(t->store, r->a.meeting_id, &m, &e) == 0 &&
	    (tid = meeting_get(&m, F_TEMPLATE)) != NULL &&
	    (tp = tmpl_find(t->tmpls, tid)) != NULL)
		for (size_t i = 0; i < tp->nsec; i++)
			if (strcmp(tp->sec[i].key, r->a.src_section) == 0)
				heading = tp->sec[i].heading;
	meeting_free(&m);
	return heading;
}

/* Shows one item; opens the editor when asked to. */
enum tui_act
tui_action_item(struct tui *t, int64_t id, const char *today, char *msg,
    size_t msglen)
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
	if (store_act_get(t->store, id, today, &r, &e) != 0) {
		snprintf(msg, msglen, "%s", e.msg);
		return TUI_STAY;
	}
	if (store_act_history(t->store, r.a.id, &ev, &nev, &e) != 0 ||
	    store_act_source(t->store, &r, &text, &e) != 0)
		snprintf(msg, msglen, "%s", e.msg);
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
	add_source(&it.text, &r.a, text, heading_of(t, &r));
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
		res = tui_editor_run_at(t, mid, section, src_at);
	free(section);
	return res == TUI_QUIT ? TUI_QUIT : TUI_STAY;
}

