/*
 * Search as you type, opened with `/` from the meeting list: every key
 * runs the query again through the store's full-text index (the last word
 * taken as a prefix while it is still being typed) and lists the hits
 * with a one-line snippet, the matches marked; Enter opens the editor at
 * the section that matched.  A query that does not parse yet (an open
 * quote) keeps the last hits and says why in the status line, so typing
 * never flashes an empty list.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/search.h"
#include "core/textbuf.h"
#include "lib/buf.h"
#include "lib/cal.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"
#include "store/store.h"
#include "tui/tui.h"

#define SEARCH_LIMIT 200

struct finder {
	struct tui		*t;
	struct textbuf		 q;
	struct search_query	 sq;
	bool			 have_q;
	struct search_hit	*v;
	size_t			 n;
	struct tui_list		 l;
	char			 msg[600];
};

static const char *const search_keys[] = {
	N_("words"), N_("search titles, headers, attendees, sections, tasks"),
	"\"...\"", N_("a phrase"),
	"Enter", N_("open the meeting at the matching section"),
	N_("Up, Down, PgUp, PgDn"), N_("choose a meeting"),
	"Esc, F10", N_("back to the meeting list"),
	"F1", N_("this help"),
	NULL, NULL
};

/* Runs the query as typed; keeps the previous hits when it does not
 * parse. */
static void
research(struct finder *f)
{
	const char *text = tb_text(&f->q);
	struct search_query sq;
	struct err e;

	f->msg[0] = '\0';
	err_clear(&e);
	if (strspn(text, " \t") == strlen(text)) {
		store_search_hits_free(f->v, f->n);
		f->v = NULL;
		f->n = f->l.n = 0;
		return;
	}
	if (search_query_parse(text, SEARCH_PREFIX_LAST, &sq, &e) != 0) {
		snprintf(f->msg, sizeof f->msg, "%s", e.msg);
		return;
	}
	store_search_hits_free(f->v, f->n);
	f->v = NULL;
	f->n = 0;
	if (f->have_q)
		search_query_free(&f->sq);
	f->sq = sq;
	f->have_q = true;
	if (store_search(f->t->store, &f->sq, SEARCH_LIMIT, &f->v, &f->n,
	    &e) != 0) {
		snprintf(f->msg, sizeof f->msg, "%s", e.msg);
		f->v = NULL;
		f->n = 0;
	}
	f->l.n = f->n;
	f->l.cur = 0;
}

static void
row(void *arg, size_t i, int y, int x, int w, bool sel)
{
	struct finder *f = arg;
	const struct search_hit *h = &f->v[i];
	int tw = w / 3;
	struct buf b = BUF_INIT;
	char d[11];

	(void)sel;
	tui_puts(y, x, 10, cal_show(h->date, d));
	tui_puts(y, x + 11, tw - 1, h->title ? h->title : "");
	if (h->text && f->have_q && w - 11 - tw > 0) {
		search_snippet(&b, h->text, &f->sq, (size_t)(w - 11 - tw), "[",
		    "]");
		tui_puts(y, x + 11 + tw, w - 11 - tw, buf_str(&b));
	}
	buf_free(&b);
}

static void
search_draw(struct tui_screen *scr)
{
	struct finder *f = scr->data;
	char title[200];

	snprintf(title, sizeof title, _("Search (%zu)"), f->n);
	tui_bar(0, title, "minutes", A_REVERSE);
	attron(A_BOLD);
	tui_puts(1, 1, 8, _("Search:"));
	attroff(A_BOLD);
	tui_list_draw(&f->l, 3, 1, LINES - 4, COLS - 2, row, f);
	if (f->n == 0 && tb_text(&f->q)[0]) {
		attron(A_DIM);
		tui_puts(3, 1, COLS - 2, _("Nothing found."));
		attroff(A_DIM);
	}
	tui_bar(LINES - 1, f->msg[0] ? f->msg :
	    _("Type to search  Enter open  Esc back"), _("F1 help"),
	    A_REVERSE);
	tui_edit_draw(&f->q, 1, 10, 1, COLS - 11, true);
}

static enum tui_act
search_key(struct tui_screen *scr, const struct tui_event *ev)
{
	struct finder *f = scr->data;
	int c = ev->code;
	bool ch = ev->kind == EV_CHAR, key = ev->kind == EV_KEY;

	if ((ch && c == 27) || (key && c == KEY_F(10)))
		return TUI_LEAVE;
	if (ch && c == TK_CTRL('Q'))
		return TUI_QUIT;
	if (key && c == KEY_F(1)) {
		tui_help(_("Keys of the search"), search_keys);
		return TUI_STAY;
	}
	if (tui_list_key(&f->l, ev))
		return TUI_STAY;
	if ((ch && (c == '\r' || c == '\n')) || (key && c == KEY_ENTER)) {
		const struct search_hit *h;
		const char *sec = NULL;

		if (f->n == 0)
			return TUI_STAY;
		h = &f->v[f->l.cur];
		if (h->part == SEARCH_PART_SECTION)
			sec = h->section;
		else if (h->part == SEARCH_PART_TASKS)
			sec = "tasks";
		if (tui_editor_run(f->t, h->id, sec) == TUI_QUIT)
			return TUI_QUIT;
		research(f);
		return TUI_STAY;
	}
	if (tui_edit_key(&f->q, ev))
		research(f);
	return TUI_STAY;
}

enum tui_act
tui_search_run(struct tui *t)
{
	struct finder f;
	struct tui_screen s = { .data = &f, .draw = search_draw,
	    .key = search_key };
	enum tui_act r;

	memset(&f, 0, sizeof f);
	f.t = t;
	tb_init(&f.q);
	f.q.single_line = true;
	r = tui_run(&s);
	store_search_hits_free(f.v, f.n);
	if (f.have_q)
		search_query_free(&f.sq);
	tb_free(&f.q);
	return r == TUI_QUIT ? TUI_QUIT : TUI_LEAVE;
}
