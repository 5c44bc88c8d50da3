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
 * accepted sentence does not offer it a second time.  The extractor is
 * told which section it reads (extract_set_section), so in "results"
 * and "limitations" only a clear cue makes a task, not every past
 * achievement.  F7 mutes one section of one meeting, remembered in the
 * store beside the answered suggestions (a row whose digest is
 * SUGGEST_MUTED), so a secretary who finds them in the way in "Ý kiến
 * đại biểu" keeps them in "Kết luận"; a muted section never runs the
 * extractor.  A rule that hits PCRE2's match limit while looking is told
 * once in the status line (extract_warning).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/textbuf.h"
#include "extract/extract.h"
#include "extract/suggest.h"
#include "lib/cal.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"
#include "store/store.h"
#include "tui/editor/tui_page.h"
#include "tui/editor/tui_suggest.h"
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

/* The digest that marks a muted section: never a real digest, which is
 * 16 hex digits. */
#define SUGGEST_MUTED	"muted"

static void
clear_list(struct suggest_panel *sp)
{
	suggest_free(sp->sug, sp->nsug);
	sp->sug = NULL;
	sp->nsug = 0;
	sp->sel = 0;
}

void
tui_suggest_init(struct suggest_panel *sp, struct page_host *h,
    const char *key, struct textbuf *tb)
{
	memset(sp, 0, sizeof *sp);
	sp->host = h;
	sp->key = key;
	sp->tb = tb;
}

void
tui_suggest_free(struct suggest_panel *sp)
{
	clear_list(sp);
	for (size_t i = 0; i < sp->nseen; i++)
		free(sp->seen[i]);
	free(sp->seen);
	sp->seen = NULL;
	sp->nseen = sp->seencap = 0;
	sp->seen_valid = false;
	sp->valid = false;
}

/* The answered digests of the section, loaded once per visit. */
static void
load_seen(struct suggest_panel *sp)
{
	struct page_host *h = sp->host;
	struct err e;
	char **v = NULL;
	size_t n = 0;

	tui_suggest_free(sp);
	err_clear(&e);
	if (h->m->id != 0 &&
	    store_suggestions_seen(h->t->store, h->m->id, sp->key, &v, &n,
	    &e) == 0) {
		sp->seen = v;
		sp->nseen = sp->seencap = n;
	}
	sp->muted = false;
	for (size_t i = 0; i < sp->nseen; i++)
		if (strcmp(sp->seen[i], SUGGEST_MUTED) == 0)
			sp->muted = true;
	sp->seen_valid = true;
}

/* True if a task of the meeting already covers s; dig holds the tasks'
 * digests, made once per look rather than once per suggestion, which in
 * a section of many taken directives cost more than the extractor. */
static bool
taken(const struct meeting *m, const char *key, const struct suggestion *s,
    char (*dig)[17])
{
	for (size_t i = 0; i < m->nact; i++) {
		const struct action *a = &m->act[i];

		if (strcmp(dig[i], s->digest) == 0)
			return true;
		if (a->src_section && strcmp(a->src_section, key) == 0 &&
		    a->src_start < (int64_t)s->end && (int64_t)s->start < a->src_end)
			return true;
	}
	return false;
}

/* A rule stopped at PCRE2's match limit is told once, in the status
 * line: the first such rule of the extractor, then the next new one. */
static void
warn(struct page_host *h, const struct extractor *x)
{
	static const struct extractor *told_x;
	static size_t told;
	const char *w, *colon;

	if (x != told_x) {
		told_x = x;
		told = 0;
	}
	if ((w = extract_warning(x, told)) == NULL)
		return;
	while (extract_warning(x, told) != NULL)
		told++;
	/* The file by its name: the folder would push the rest out of
	 * the line. */
	colon = strchr(w, ':');
	for (const char *p = w; colon && p < colon; p++)
		if (*p == '/')
			w = p + 1;
	/* News, not an error: the next save keeps it in view a moment. */
	h->status(h, false, w);
}

static void
look(struct suggest_panel *sp)
{
	struct page_host *h = sp->host;
	const struct meeting *m = h->m;
	struct textbuf *tb = sp->tb;
	struct suggestion *v = NULL;
	struct ymd ref;
	struct err e;
	size_t n = 0, k = 0, a, b;
	const char *d = meeting_get(m, F_DATE);
	struct extractor *x = h->extractor(h);
	char (*dig)[17];
	int rc;

	clear_list(sp);
	if (x == NULL)
		return;
	if (d == NULL || !cal_parse_iso(d, &ref))
		cal_today(&ref, NULL);
	suggest_paragraph(tb_text(tb), tb->len, tb->cur, &a, &b);
	sp->pstart = a;
	sp->pend = b;
	err_clear(&e);
	extract_set_section(x, sp->key);
	rc = suggest_find(x, tb_text(tb), a, b, ref, sp->seen, sp->nseen, &v,
	    &n, &e);
	warn(h, x);
	if (rc != 0)
		return;
	dig = xcalloc(m->nact + 1, sizeof *dig);
	for (size_t i = 0; i < m->nact; i++)
		suggest_digest(m->act[i].assignee, m->act[i].task, dig[i]);
	for (size_t i = 0; i < n; i++) {
		if (taken(m, sp->key, &v[i], dig)) {
			free(v[i].assignee);
			free(v[i].task);
			free(v[i].due_text);
			continue;
		}
		v[k++] = v[i];
	}
	free(dig);
	sp->sug = v;
	sp->nsug = k;
}

bool
tui_suggest_tick(struct suggest_panel *sp, int64_t now)
{
	struct page_host *h = sp->host;
	struct textbuf *tb = sp->tb;
	size_t a, b;
	int64_t wait;

	if (!sp->seen_valid) {
		load_seen(sp);
		sp->valid = false;
	}
	/* Muted suggestions cost nothing: the extractor does not run.
	 * Shown again, they are looked for afresh. */
	if (h->final || sp->muted) {
		sp->valid = false;
		if (sp->nsug == 0)
			return false;
		clear_list(sp);
		return true;
	}
	if (sp->valid && sp->changes == tb->changes) {
		/* The same text: look again only if the cursor went to
		 * another paragraph. */
		suggest_paragraph(tb_text(tb), tb->len, tb->cur, &a, &b);
		if (a == sp->pstart && b == sp->pend)
			return false;
	}
	wait = (sp->cost_ms > SUGGEST_CHEAP_MS ? SUGGEST_IDLE_MS :
	    SUGGEST_QUIET_MS) - (now - h->key_at);
	if (wait > 0) {
		tui_wake_in((int)wait);
		return false;
	}
	/* Timed without making the extractor, a one-off: counted, the
	 * rules' compilation would put every paragraph on the slow path
	 * until the first pause. */
	(void)h->extractor(h);
	now = tui_now_ms();
	look(sp);
	sp->cost_ms = tui_now_ms() - now;
	sp->valid = true;
	sp->changes = tb->changes;
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

		cal_format_date(s->due, iso);
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
tui_suggest_rows(const struct suggest_panel *sp)
{
	return sp->nsug == 0 ? 0 : sp->nsug < 4 ? (int)sp->nsug + 1 : 5;
}

void
tui_suggest_draw(struct suggest_panel *sp, int y, int x, int h, int w)
{
	size_t top = 0;

	if (sp->nsug == 0 || h < 2)
		return;
	attron(A_BOLD);
	tui_puts(y, x, w, tui_fmt(_("Suggested tasks (%zu): F3 accept, F4 edit, "
	    "F5 dismiss, Ctrl-Up/Down choose"), sp->nsug));
	attroff(A_BOLD);
	if (sp->sel >= (size_t)(h - 1))
		top = sp->sel - (size_t)(h - 2);
	for (size_t i = top; i < sp->nsug && (int)(i - top) < h - 1; i++) {
		int r = y + 1 + (int)(i - top);

		if (i == sp->sel)
			attron(A_REVERSE);
		tui_fill(r, x, w, i == sp->sel ? A_REVERSE : A_NORMAL);
		draw_one(&sp->sug[i], i == sp->sel, r, x, w);
		if (i == sp->sel)
			attroff(A_REVERSE);
	}
}

void
tui_suggest_highlight(struct suggest_panel *sp, int y, int x, int h, int w)
{
	const struct textbuf *tb = sp->tb;
	const struct suggestion *s;
	const char *t = tb_text(sp->tb);
	int cy, cx;

	if (sp->nsug == 0 || sp->changes != tb->changes)
		return;
	s = &sp->sug[sp->sel];
	if (s->end > tb->len)
		return;
	/* Drawing moves the terminal cursor; put it back after. */
	getyx(stdscr, cy, cx);
	/* Underline the span on each shown line it crosses. */
	for (size_t r = 0; r < tb->nvis && (int)r < h; r++) {
		size_t ls = tb->vis[r], le = ls + tb->visn[r];
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
mark(struct suggest_panel *sp, const char *digest, const char *state)
{
	struct page_host *h = sp->host;
	struct err e;

	XPUSH(sp->seen, sp->nseen, sp->seencap);
	sp->seen[sp->nseen++] = xstrdup(digest);
	err_clear(&e);
	if (store_suggestion_mark(h->t->store, h->m->id, sp->key, digest,
	    state, &e) != 0)
		h->status(h, true, e.msg);
}

static void
drop(struct suggest_panel *sp, size_t i)
{
	struct suggestion *s = &sp->sug[i];

	free(s->assignee);
	free(s->task);
	free(s->due_text);
	memmove(s, s + 1, (sp->nsug - i - 1) * sizeof *s);
	sp->nsug--;
	if (sp->sel >= sp->nsug && sp->sel > 0)
		sp->sel--;
}

void
tui_suggest_mute(struct suggest_panel *sp)
{
	struct page_host *h = sp->host;
	struct err e;
	int rc = 0;

	if (!sp->seen_valid)
		load_seen(sp);
	sp->muted = !sp->muted;
	err_clear(&e);
	/* Read-only: for this visit only, nothing is written. */
	if (!h->readonly && h->m->id != 0)
		rc = sp->muted ? store_suggestion_mark(h->t->store, h->m->id,
		    sp->key, SUGGEST_MUTED, "dismissed", &e) :
		    store_suggestion_forget(h->t->store, h->m->id, sp->key,
		    SUGGEST_MUTED, &e);
	if (rc != 0) {
		h->status(h, true, e.msg);
		return;
	}
	if (sp->muted) {
		XPUSH(sp->seen, sp->nseen, sp->seencap);
		sp->seen[sp->nseen++] = xstrdup(SUGGEST_MUTED);
	} else
		for (size_t i = 0; i < sp->nseen; i++)
			if (strcmp(sp->seen[i], SUGGEST_MUTED) == 0) {
				free(sp->seen[i]);
				sp->seen[i--] = sp->seen[--sp->nseen];
			}
	h->status(h, false, sp->muted ? _("Suggested tasks hidden in this "
	    "section; F7 shows them") :
	    _("Suggested tasks shown in this section"));
}

/* F3 takes the selected suggestion into the tasks, F4 after editing it. */
static void
accept(struct suggest_panel *sp, bool edit)
{
	struct page_host *h = sp->host;
	struct suggestion *s = &sp->sug[sp->sel], *list;
	struct action a, *na;
	char *digest;

	/* A save (before the form, or the one below) may take in another
	 * instance's text of this section, which empties the list
	 * (tui_text.c reload): what is needed of s is read first. */
	suggest_to_action(s, sp->key, &a);
	digest = xstrdup(s->digest);
	list = sp->sug;
	if (edit && !page_task_form(h, &a, _("Accept the suggestion"))) {
		action_free(&a);
		free(digest);
		return;
	}
	na = meeting_add_action(h->m);
	*na = a;
	na->meeting_id = h->m->id;
	h->changed(h, PART_TASKS);
	/* The task is stored before the suggestion is marked taken: the
	 * other way round, a crash between the two would lose the task and
	 * never offer it again.  If the save fails the status line says so,
	 * and the task, kept in memory, is not offered again either
	 * (taken()). */
	h->status(h, false, tui_fmt(_("Added to the tasks: %s"), na->task));
	if (h->save(h) == 0)
		mark(sp, digest, "accepted");
	if (sp->sug == list)
		drop(sp, sp->sel);
	free(digest);
}

bool
tui_suggest_key(struct suggest_panel *sp, const struct tui_event *ev)
{
	struct page_host *h = sp->host;
	struct suggestion *s;
	int c = ev->code;

	if (ev->kind != EV_KEY || sp->nsug == 0)
		return false;
	if (c == TK_C_UP || c == TK_C_DOWN) {
		if (c == TK_C_UP && sp->sel > 0)
			sp->sel--;
		else if (c == TK_C_DOWN && sp->sel + 1 < sp->nsug)
			sp->sel++;
		return true;
	}
	if (c != KEY_F(3) && c != KEY_F(4) && c != KEY_F(5))
		return false;
	s = &sp->sug[sp->sel];
	if (h->readonly) {
		h->status(h, true, _("Read-only: the suggestion was not taken"));
		return true;
	}
	if (c == KEY_F(5)) {
		mark(sp, s->digest, "dismissed");
		h->status(h, false, tui_fmt(_("Dismissed: %s"), s->task));
		drop(sp, sp->sel);
		return true;
	}
	accept(sp, c == KEY_F(4));
	return true;
}
