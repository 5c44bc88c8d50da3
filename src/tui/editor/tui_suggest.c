/*
 * The editor's suggestions panel: the action items the extractor finds in
 * the paragraph being typed, listed under the text with the words they
 * came from underlined, and the keys that accept one into the tasks
 * (as it is, or edited first) or dismiss it.  The extractor reads one
 * paragraph, not the section, and only after the key's echo is on the
 * screen and keys have stopped for a moment (a longer pause when the
 * paragraph is slow to read), so no keystroke waits for it.  Answered
 * suggestions are remembered in the store by digest
 * (suggest.h); a suggestion whose words overlap a task already taken from
 * the same place is not offered again either, so correcting a typo in an
 * accepted sentence does not offer it a second time.  F7 hides the
 * panel for the rest of the run, and then the extractor is not run at
 * all, for a secretary who would rather not see it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/tmpl.h"
#include "extract/suggest.h"
#include "lib/cal.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"
#include "store/store.h"
#include "tui/editor/tui_editor.h"
#include "tui/tui.h"

/* Looking costs under a millisecond for a 2,000-word paragraph, but is
 * done only once keys stop for SUGGEST_QUIET_MS: the key's echo is drawn
 * first, a burst of keys (fast typing, a held key) pays for one look,
 * and the suggestions still follow within a few tens of milliseconds.
 * A paragraph that takes longer than SUGGEST_CHEAP_MS is looked at only
 * after a real pause, so a key arriving meanwhile rarely waits for it. */
#define SUGGEST_QUIET_MS	20
#define SUGGEST_CHEAP_MS	5
#define SUGGEST_IDLE_MS		300

static void
clear_list(struct editor *ed)
{
	suggest_free(ed->sug, ed->nsug);
	ed->sug = NULL;
	ed->nsug = 0;
	ed->sug_sel = 0;
}

void
tui_suggest_free(struct editor *ed)
{
	clear_list(ed);
	for (size_t i = 0; i < ed->nseen; i++)
		free(ed->seen[i]);
	free(ed->seen);
	ed->seen = NULL;
	ed->nseen = 0;
}

static void
seen_add(struct editor *ed, const char *digest)
{
	ed->seen = xreallocarray(ed->seen, ed->nseen + 1, sizeof *ed->seen);
	ed->seen[ed->nseen++] = xstrdup(digest);
}

/* The answered digests of the current section, loaded once per visit. */
static void
load_seen(struct editor *ed, const char *key)
{
	struct err e;
	char **v = NULL;
	size_t n = 0;

	tui_suggest_free(ed);
	err_clear(&e);
	if (ed->m.id != 0 &&
	    store_suggestions_seen(ed->t->store, ed->m.id, key, &v, &n, &e) == 0) {
		ed->seen = v;
		ed->nseen = n;
	}
	ed->seen_page = ed->cur;
	ed->seen_valid = true;
}

/* True if a task of the meeting already covers s; dig holds the tasks'
 * digests, made once per look rather than once per suggestion, which in
 * a section of many taken directives cost more than the extractor. */
static bool
taken(const struct editor *ed, const char *key, const struct suggestion *s,
    char (*dig)[17])
{
	for (size_t i = 0; i < ed->m.nact; i++) {
		const struct action *a = &ed->m.act[i];

		if (strcmp(dig[i], s->digest) == 0)
			return true;
		if (a->src_section && strcmp(a->src_section, key) == 0 &&
		    a->src_start < (int64_t)s->end && (int64_t)s->start < a->src_end)
			return true;
	}
	return false;
}

static void
look(struct editor *ed, struct page *p)
{
	struct suggestion *v = NULL;
	struct ymd ref;
	struct err e;
	size_t n = 0, k = 0, a, b;
	const char *d = meeting_get(&ed->m, F_DATE);
	struct extractor *x = tui_editor_extractor(ed);
	char (*dig)[17];

	clear_list(ed);
	if (x == NULL)
		return;
	if (d == NULL || !cal_parse_iso(d, &ref))
		cal_today(&ref, NULL);
	suggest_paragraph(tb_text(&p->tb), p->tb.len, p->tb.cur, &a, &b);
	ed->sug_pstart = a;
	ed->sug_pend = b;
	err_clear(&e);
	if (suggest_find(x, tb_text(&p->tb), a, b, ref, ed->seen, ed->nseen,
	    &v, &n, &e) != 0)
		return;
	dig = xcalloc(ed->m.nact + 1, sizeof *dig);
	for (size_t i = 0; i < ed->m.nact; i++)
		suggest_digest(ed->m.act[i].assignee, ed->m.act[i].task, dig[i]);
	for (size_t i = 0; i < n; i++) {
		if (taken(ed, p->sec->key, &v[i], dig)) {
			free(v[i].assignee);
			free(v[i].task);
			free(v[i].due_text);
			continue;
		}
		v[k++] = v[i];
	}
	free(dig);
	ed->sug = v;
	ed->nsug = k;
}

bool
tui_suggest_tick(struct editor *ed, int64_t now)
{
	struct page *p = &ed->pg[ed->cur];
	size_t a, b;

	/* Hidden suggestions cost nothing: the extractor does not run. */
	if (p->kind != PAGE_TEXT || ed->final || ed->t->no_suggest) {
		if (ed->nsug == 0)
			return false;
		clear_list(ed);
		ed->sug_valid = false;
		return true;
	}
	if (!ed->seen_valid || ed->seen_page != ed->cur) {
		load_seen(ed, p->sec->key);
		ed->sug_valid = false;
	}
	if (ed->sug_valid && ed->sug_changes == p->tb.changes) {
		/* The same text: look again only if the cursor went to
		 * another paragraph. */
		suggest_paragraph(tb_text(&p->tb), p->tb.len, p->tb.cur, &a, &b);
		if (a == ed->sug_pstart && b == ed->sug_pend)
			return false;
	}
	{
		int64_t wait = (ed->sug_cost_ms > SUGGEST_CHEAP_MS ?
		    SUGGEST_IDLE_MS : SUGGEST_QUIET_MS) - (now - ed->key_at);

		if (wait > 0) {
			tui_wake_in((int)wait);
			return false;
		}
	}
	/* Timed without making the extractor, a one-off: counted, the
	 * rules' compilation would put every paragraph on the slow path
	 * until the first pause. */
	(void)tui_editor_extractor(ed);
	now = tui_now_ms();
	look(ed, p);
	ed->sug_cost_ms = tui_now_ms() - now;
	ed->sug_valid = true;
	ed->sug_changes = p->tb.changes;
	return true;
}

/* One suggestion on one row: who, what, by when.  The task gives way
 * when the row is narrow, so the due date always shows. */
static void
draw_one(const struct suggestion *s, bool sel, int y, int x, int w)
{
	char due[16] = "";
	int cx = x, end = x + w, dw;

	if (s->has_due) {
		char iso[11];

		cal_format_iso(s->due, iso);
		snprintf(due, sizeof due, " — %s", iso);
	}
	dw = (int)utf8_width(due, strlen(due));
	cx += tui_puts(y, cx, end - cx, sel ? "▸ " : "  ");
	cx += tui_cell(y, cx, end - cx - dw - 3, s->assignee ? s->assignee :
	    "?");
	cx += tui_puts(y, cx, end - cx, " — ");
	cx += tui_cell(y, cx, end - cx - dw, s->task ? s->task : "");
	tui_puts(y, cx, end - cx, due);
}

int
tui_suggest_rows(const struct editor *ed)
{
	return ed->nsug == 0 ? 0 : ed->nsug < 4 ? (int)ed->nsug + 1 : 5;
}

void
tui_suggest_draw(struct editor *ed, int y, int x, int h, int w)
{
	size_t top = 0;

	if (ed->nsug == 0 || h < 2)
		return;
	attron(A_BOLD);
	tui_puts(y, x, w, tui_fmt(_("Suggested tasks (%zu): F3 accept, F4 edit, "
	    "F5 dismiss, Ctrl-Up/Down choose"), ed->nsug));
	attroff(A_BOLD);
	if (ed->sug_sel >= (size_t)(h - 1))
		top = ed->sug_sel - (size_t)(h - 2);
	for (size_t i = top; i < ed->nsug && (int)(i - top) < h - 1; i++) {
		int r = y + 1 + (int)(i - top);

		if (i == ed->sug_sel)
			attron(A_REVERSE);
		tui_fill(r, x, w, i == ed->sug_sel ? A_REVERSE : A_NORMAL);
		draw_one(&ed->sug[i], i == ed->sug_sel, r, x, w);
		if (i == ed->sug_sel)
			attroff(A_REVERSE);
	}
}

void
tui_suggest_highlight(struct editor *ed, int y, int x, int h, int w)
{
	struct page *p = &ed->pg[ed->cur];
	const struct suggestion *s;
	const char *t = tb_text(&p->tb);
	int cy, cx;

	if (ed->nsug == 0 || p->kind != PAGE_TEXT ||
	    ed->sug_changes != p->tb.changes)
		return;
	s = &ed->sug[ed->sug_sel];
	if (s->end > p->tb.len)
		return;
	/* Drawing moves the terminal cursor; put it back after. */
	getyx(stdscr, cy, cx);
	/* Underline the span on each shown line it crosses. */
	for (size_t r = 0; r < p->tb.nvis && (int)r < h; r++) {
		size_t ls = p->tb.vis[r], le = ls + p->tb.visn[r];
		size_t a = s->start > ls ? s->start : ls;
		size_t b = s->end < le ? s->end : le;
		int col, cw;

		if (a >= b)
			continue;
		col = (int)utf8_width(t + ls, a - ls);
		cw = (int)utf8_width(t + a, b - a);
		if (col >= w)
			continue;
		if (col + cw > w)
			cw = w - col;
		mvchgat(y + (int)r, x + col, cw, A_UNDERLINE | A_BOLD, 0, NULL);
	}
	move(cy, cx);
}

static void
mark(struct editor *ed, const struct suggestion *s, const char *state)
{
	struct err e;

	seen_add(ed, s->digest);
	err_clear(&e);
	if (store_suggestion_mark(ed->t->store, ed->m.id,
	    ed->pg[ed->cur].sec->key, s->digest, state, &e) != 0)
		tui_editor_status(ed, true, e.msg);
}

static void
drop(struct editor *ed, size_t i)
{
	struct suggestion *s = &ed->sug[i];

	free(s->assignee);
	free(s->task);
	free(s->due_text);
	memmove(s, s + 1, (ed->nsug - i - 1) * sizeof *s);
	ed->nsug--;
	if (ed->sug_sel >= ed->nsug && ed->sug_sel > 0)
		ed->sug_sel--;
}

bool
tui_suggest_key(struct editor *ed, const struct tui_event *ev)
{
	struct page *p = &ed->pg[ed->cur];
	struct suggestion *s;
	int c = ev->code;

	if (ev->kind != EV_KEY || p->kind != PAGE_TEXT || ed->nsug == 0)
		return false;
	if (c == TK_C_UP || c == TK_C_DOWN) {
		if (c == TK_C_UP && ed->sug_sel > 0)
			ed->sug_sel--;
		else if (c == TK_C_DOWN && ed->sug_sel + 1 < ed->nsug)
			ed->sug_sel++;
		return true;
	}
	if (c != KEY_F(3) && c != KEY_F(4) && c != KEY_F(5))
		return false;
	s = &ed->sug[ed->sug_sel];
	if (ed->readonly) {
		tui_editor_status(ed, true, _("Read-only: the suggestion was "
		    "not taken"));
		return true;
	}
	if (c == KEY_F(5)) {
		mark(ed, s, "dismissed");
		tui_editor_status(ed, false, tui_fmt(_("Dismissed: %s"), s->task));
		drop(ed, ed->sug_sel);
		return true;
	}
	{
		struct action a, *na;

		suggest_to_action(s, p->sec->key, &a);
		if (c == KEY_F(4) && !tui_tasks_edit(ed, &a,
		    _("Accept the suggestion"))) {
			action_free(&a);
			return true;
		}
		na = meeting_add_action(&ed->m);
		*na = a;
		na->meeting_id = ed->m.id;
		ed->tasks_dirty = true;
		/* The task is stored before the suggestion is marked taken:
		 * the other way round, a crash between the two would lose
		 * the task and never offer it again.  If the save fails the
		 * status line says so, and the task, kept in memory, is not
		 * offered again either (taken()). */
		tui_editor_status(ed, false, tui_fmt(_("Added to the tasks: %s"),
		    na->task));
		if (tui_editor_save(ed) == 0)
			mark(ed, s, "accepted");
		drop(ed, ed->sug_sel);
	}
	return true;
}
