/*
 * A free-text page of the editor: one section of the template, typed into
 * an editing buffer, with the suggestions panel (tui_suggest.c) under it.
 * The page is dirty while its buffer has changed since the last save;
 * a save puts the text into the meeting (the tasks taken from it keep
 * pointing at their words) and writes it with the rest.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/merge.h"
#include "core/model.h"
#include "core/textbuf.h"
#include "core/tmpl.h"
#include "lib/buf.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"
#include "tui/editor/tui_page.h"
#include "tui/editor/tui_speaker.h"
#include "tui/editor/tui_suggest.h"
#include "tui/tui.h"

static const char *const editor_keys[] = {
	"Tab, Ctrl-PgDn", N_("next section"),
	"Shift-Tab, Ctrl-PgUp", N_("previous section"),
	"F2, Ctrl-G", N_("go to any section"),
	N_("Arrows, Home, End"), N_("move; Up/Down by screen line"),
	"Ctrl-Left, Ctrl-Right", N_("move by word"),
	"PgUp, PgDn", N_("move by page"),
	"Ctrl-Home, Ctrl-End", N_("start or end of the text"),
	"Backspace, Delete", N_("delete a character"),
	"Ctrl-Z, Ctrl-Y", N_("undo, redo"),
	"F3, F4, F5", N_("suggested task: accept, edit, dismiss"),
	"Ctrl-Up, Ctrl-Down", N_("choose a suggested task"),
	"F8", N_("the next speaker from the attendees, as a new paragraph "
	    "(again: the one after)"),
	"Ctrl-N", N_("complete the speaker's name typed at the start of a "
	    "paragraph"),
	"F7", N_("hide or show the suggested tasks in this section "
	    "(remembered for the meeting)"),
	"Ctrl-S", N_("save now (saving also happens by itself)"),
	"F10, Ctrl-Q", N_("leave the meeting"),
	"F9", N_("mark final (after the checklist), or reopen"),
	"F6", N_("export the meeting to a file"),
	"F1", N_("this help"),
	NULL, NULL
};

const struct page_help page_editor_help = {
	N_("Keys of the meeting editor"), editor_keys
};

struct text {
	struct page	 p;
	struct textbuf	 tb;
	unsigned long	 saved;		/* tb.changes when last saved */
	unsigned long	 staged;	/* tb.changes when put in a batch */
	/* The text as the meeting last had it (loaded, put in a batch, or
	 * taken from another instance), and tb.changes when the buffer
	 * held just that (NO_SYNC once typing went on over a reload):
	 * what was typed since is merged with another instance's text
	 * against it (reload). */
	char		*synced;
	unsigned long	 synced_at;
	struct suggest_panel sp;
	struct speaker	 speaker;
};

static struct text *
txt(const struct page *p)
{
	return (struct text *)p;
}

static void
draw(struct page *p, int y, int x, int h, int w)
{
	struct text *t = txt(p);

	tui_edit_draw(&t->tb, y, x, h, w, true);
	tui_suggest_highlight(&t->sp, y, x, h, w);
}

static enum page_res
key(struct page *p, const struct tui_event *ev)
{
	struct text *t = txt(p);

	if (tui_suggest_key(&t->sp, ev))
		return PAGE_DONE;
	if (ev->kind == EV_KEY && ev->code == KEY_F(7)) {
		tui_suggest_mute(&t->sp);
		return PAGE_DONE;
	}
	if (ev->kind == EV_KEY && ev->code == KEY_F(8)) {
		tui_speaker_next(&t->speaker, p->host, &t->tb);
		return PAGE_DONE;
	}
	if (ev->kind == EV_CHAR && ev->code == TK_CTRL('N')) {
		tui_speaker_complete(p->host, &t->tb);
		return PAGE_DONE;
	}
	if (ev->kind == EV_CHAR && ev->code == '?' && t->tb.len == 0)
		return PAGE_HELP;
	tui_edit_key(&t->tb, ev);
	return PAGE_DONE;
}

static bool
filled(const struct page *p)
{
	return txt(p)->tb.len > 0;
}

static bool
plain(const struct page *p, const struct tui_event *ev)
{
	const struct textbuf *tb = &txt(p)->tb;

	/* ? in an empty section opens the help. */
	return tui_edit_takes(tb, ev) && !(ev->kind == EV_CHAR &&
	    ev->code == '?' && tb->len == 0);
}

static void
leave(struct page *p)
{
	tb_break_undo(&txt(p)->tb);
	tui_suggest_free(&txt(p)->sp);
}

static bool
tick(struct page *p, int64_t now)
{
	return tui_suggest_tick(&txt(p)->sp, now);
}

static int
panel_rows(const struct page *p)
{
	return tui_suggest_rows(&txt(p)->sp);
}

static void
panel_draw(struct page *p, int y, int x, int h, int w)
{
	tui_suggest_draw(&txt(p)->sp, y, x, h, w);
}

static void
place(struct page *p, int64_t at)
{
	if (at >= 0)
		tb_goto(&txt(p)->tb, (size_t)at);
	else
		tb_move(&txt(p)->tb, TB_BOTTOM);
}

static bool
dirty(const struct page *p)
{
	return txt(p)->tb.changes != txt(p)->saved;
}

#define NO_SYNC	((unsigned long)-1)

static void
set_synced(struct text *t, const char *s, unsigned long at)
{
	free(t->synced);
	t->synced = xstrdup(s);
	t->synced_at = at;
}

static void
stage(struct page *p, struct page_batch *b)
{
	struct text *t = txt(p);
	struct meeting *m = p->host->m;
	const char *key = p->sec->key, *old;

	if (!dirty(p))
		return;
	/* Tasks taken from this text keep pointing at their words. */
	old = meeting_section(m, key);
	if (meeting_follow_edit(m, key, old ? old : "", tb_text(&t->tb)))
		p->host->changed(p->host, PART_TASKS);
	meeting_section_set(m, key, tb_text(&t->tb));
	/* Typing may go on while the batch is stored (tui_editor_bg.c). */
	set_synced(t, tb_text(&t->tb), t->tb.changes);
	t->staged = t->tb.changes;
	b->keys[b->n] = key;
	b->pages[b->n++] = p;
}

static void
saved(struct page *p)
{
	txt(p)->saved = txt(p)->staged;
}

/* Where the cursor goes when the text changes from old to new under it:
 * the same place, counted from the end when the change lies before it. */
static size_t
follow_cursor(const char *old, size_t nold, const char *new, size_t nnew,
    size_t cur)
{
	size_t pre = 0, suf = 0;

	while (pre < nold && pre < nnew && old[pre] == new[pre])
		pre++;
	while (suf < nold - pre && suf < nnew - pre &&
	    old[nold - 1 - suf] == new[nnew - 1 - suf])
		suf++;
	if (cur <= pre)
		return cur;
	if (cur >= nold - suf)
		return cur - nold + nnew;
	return pre;
}

/* The section as another instance's save left it in the meeting; what
 * was typed here since the meeting last had this page's text is merged
 * into it.  Returns the passages that merge kept twice. */
static size_t
reload(struct page *p)
{
	struct text *t = txt(p);
	const char *body = meeting_section(p->host->m, p->sec->key);
	char *old = xstrdup(tb_text(&t->tb));
	size_t nold = t->tb.len, cur = t->tb.cur, both = 0;
	bool typed = t->tb.changes != t->synced_at;
	struct buf merged = BUF_INIT;

	if (body == NULL)
		body = "";
	if (typed) {
		both = merge_text(t->synced, strlen(t->synced), old, nold,
		    body, strlen(body), &merged);
		tb_set(&t->tb, buf_str(&merged), merged.len);
	} else {
		tb_set(&t->tb, body, strlen(body));
	}
	tb_goto(&t->tb, follow_cursor(old, nold, t->tb.s, t->tb.len, cur));
	free(old);
	buf_free(&merged);
	/* With typing merged in, the buffer is not the meeting's text and
	 * is still to be saved. */
	t->staged = t->tb.changes;
	if (!typed)
		t->saved = t->staged;
	set_synced(t, body, typed ? NO_SYNC : t->tb.changes);
	/* The suggestions point into the old text. */
	tui_suggest_free(&t->sp);
	return both;
}

static void
free_page(struct page *p)
{
	tb_free(&txt(p)->tb);
	tui_suggest_free(&txt(p)->sp);
	free(txt(p)->synced);
	free(p);
}

static const struct page_ops text_ops = {
	.help = &page_editor_help,
	.draw = draw,
	.key = key,
	.filled = filled,
	.leave = leave,
	.tick = tick,
	.panel_rows = panel_rows,
	.panel_draw = panel_draw,
	.place = place,
	.dirty = dirty,
	.stage = stage,
	.saved = saved,
	.reload = reload,
	.plain = plain,
	.free = free_page,
};

struct page *
page_text_new(struct page_host *h, const struct tmpl_section *sec)
{
	struct text *t = xcalloc(1, sizeof *t);
	const char *body = meeting_section(h->m, sec->key);

	page_init(&t->p, &text_ops, h, sec);
	tb_init(&t->tb);
	if (body)
		tb_set(&t->tb, body, strlen(body));
	t->saved = t->staged = t->tb.changes;
	set_synced(t, tb_text(&t->tb), t->tb.changes);
	tui_suggest_init(&t->sp, h, sec->key, &t->tb);
	return &t->p;
}
