/*
 * The meeting editor: the header form, the review of earlier tasks when
 * there are any, then one page per template section (free text, the
 * attendees table, the tasks table), with the section's guidance beside
 * or below and a progress line of which sections hold something.
 * Movement between sections is free at all times.  The pages are built
 * from the template by one table here (page_kinds) and known otherwise
 * only by their operations (tui_page.h); this file is their host.
 *
 * Saving is what this screen is about (tui_editor_save.c).  A page is
 * dirty while it holds what the store does not; so is a part of the
 * meeting (header, roster, tasks) a page changed.  The idle tick saves
 * half a second after the last key (and at least once a second while
 * typing goes on), leaving a section saves at once, and a signal saves
 * before the program ends.  A failed save keeps everything in memory,
 * says so in the status line and is retried; the store's transactions
 * mean a failure never touches what was saved before.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/series.h"
#include "core/tmpl.h"
#include "extract/extract.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"
#include "store/store.h"
#include "tui/editor/tui_editor.h"
#include "tui/editor/tui_page.h"
#include "tui/tui.h"

#define IDLE_SAVE_MS	500	/* save this long after the last key */
#define BUSY_SAVE_MS	1000	/* and at least this often while typing */
#define LOCK_BEAT_MS	10000

/* The page each kind of template section is edited on: the one place
 * that knows the kinds. */
static const struct {
	enum sec_kind	 kind;
	struct page	*(*make)(struct page_host *, const struct tmpl_section *);
} page_kinds[] = {
	{ SEC_TEXT, page_text_new },
	{ SEC_ROSTER, page_roster_new },
	{ SEC_TASKS, page_tasks_new },
};

static struct editor *
editor_of(struct page_host *h)
{
	return (struct editor *)h;
}

static struct page *
page(struct editor *ed)
{
	return ed->pg[ed->cur];
}

static void
go_page(struct editor *ed, size_t to)
{
	if (to >= ed->npg || to == ed->cur)
		return;
	/* Leaving a section saves it. */
	tui_editor_commit(ed, true);
	if (tui_editor_dirty(ed))
		tui_editor_save(ed);
	if (page(ed)->ops->leave)
		page(ed)->ops->leave(page(ed));
	ed->cur = to;
}

/* The page where checklist item c is fixed: an empty section by its
 * key, the rest by the page that knows the item. */
static void
go_fix(struct editor *ed, const struct check_item *c)
{
	for (size_t i = 0; i < ed->npg; i++) {
		struct page *p = ed->pg[i];

		if ((c->kind == CHECK_EMPTY_SECTION && p->sec &&
		    strcmp(p->sec->key, c->section) == 0) ||
		    (p->ops->fix && p->ops->fix(p, c)))
			go_page(ed, i);
	}
}

/* --- the host: what the pages may ask ------------------------------------ */

static void
host_status(struct page_host *h, bool error, const char *msg)
{
	tui_editor_status(editor_of(h), error, msg);
}

static void
host_changed(struct page_host *h, unsigned parts)
{
	editor_of(h)->parts |= parts;
}

static int
host_save(struct page_host *h)
{
	return tui_editor_save(editor_of(h));
}

static struct extractor *
host_extractor(struct page_host *h)
{
	struct editor *ed = editor_of(h);
	struct err e;

	/* Rules are compiled once, when first needed, and a failure is
	 * not retried on every key. */
	if (ed->ex == NULL && !ed->ex_tried) {
		ed->ex_tried = true;
		err_clear(&e);
		ed->ex = extract_new("auto", &e);
		if (ed->ex == NULL)
			tui_editor_status(ed, true, e.msg);
	}
	return ed->ex;
}

static void
host_fix(struct page_host *h, const struct check_item *c)
{
	go_fix(editor_of(h), c);
}

/* --- keys ------------------------------------------------------------------ */

static void
menu(struct editor *ed)
{
	const char **items = xcalloc(ed->npg, sizeof *items);
	char **own = xcalloc(ed->npg, sizeof *own);
	int r;

	for (size_t i = 0; i < ed->npg; i++) {
		own[i] = xasprintf("%zu  %s", i, ed->pg[i]->title);
		items[i] = own[i];
	}
	r = tui_choose(_("Go to section"), items, ed->npg, ed->cur);
	if (r >= 0)
		go_page(ed, (size_t)r);
	for (size_t i = 0; i < ed->npg; i++)
		free(own[i]);
	free(own);
	free(items);
}

static void
help(struct editor *ed)
{
	const struct page_help *h = page(ed)->ops->help;

	tui_help(_(h->title), h->keys);
}

/* Ctrl-S: nothing to write is as good as saved, unless a field is
 * waiting for a valid value. */
static void
save_now(struct editor *ed)
{
	bool was_dirty;

	tui_editor_commit(ed, true);
	was_dirty = tui_editor_dirty(ed);
	if (tui_editor_save(ed) == 0 && !was_dirty && !ed->status_err)
		tui_editor_saved_now(ed);
}

/* F6: export what is on screen, saved first, since the export reads
 * the stored meeting. */
static void
export(struct editor *ed)
{
	tui_editor_commit(ed, true);
	if (tui_editor_dirty(ed) && tui_editor_save(ed) != 0 &&
	    tui_ask(_("Export"), tui_fmt("%s\n\n%s", ed->status,
	    _("The export would miss what is not saved.  Export what is "
	    "saved anyway? (y/n)")), "yn") != 'y')
		return;
	tui_export_run(ed->host.t, ed->m.id);
}

/* The keys of the whole editor, whatever the page; true if used. */
static bool
editor_key_common(struct editor *ed, const struct tui_event *ev)
{
	int c = ev->code;
	bool ch = ev->kind == EV_CHAR, key = ev->kind == EV_KEY;

	if (key && c == KEY_F(1))
		help(ed);
	else if (ch && c == TK_CTRL('S'))
		save_now(ed);
	else if ((ch && c == '\t') || (key && c == TK_C_PGDN))
		go_page(ed, ed->cur + 1 < ed->npg ? ed->cur + 1 : 0);
	else if (key && (c == KEY_BTAB || c == TK_C_PGUP))
		go_page(ed, ed->cur > 0 ? ed->cur - 1 : ed->npg - 1);
	else if ((key && c == KEY_F(2)) || (ch && c == TK_CTRL('G')))
		menu(ed);
	else if (key && c == KEY_F(9))
		page_final_key(&ed->host);
	else if (key && c == KEY_F(6))
		export(ed);
	else
		return false;
	return true;
}

/* Read-only or final minutes take no typing; true if ev is refused. */
static bool
refused(struct editor *ed, const struct tui_event *ev)
{
	int c = ev->code;
	bool key = ev->kind == EV_KEY;

	if (!ed->host.readonly && !ed->host.final)
		return false;
	if (!(ev->kind == EV_CHAR || ev->kind == EV_PASTE || (key &&
	    (c == KEY_BACKSPACE || c == KEY_DC || c == KEY_IC ||
	    c == KEY_ENTER || c == KEY_F(3) || c == KEY_F(4) ||
	    c == KEY_F(5)))))
		return false;
	tui_editor_status(ed, true, ed->host.readonly ? _("Read-only: this meeting "
	    "is open in another minutes") : _("Final: read-only; F9 "
	    "reopens"));
	return true;
}

static enum tui_act
editor_key(struct tui_screen *s, const struct tui_event *ev)
{
	struct editor *ed = s->data;
	int c = ev->code;
	enum page_res res;

	ed->host.key_at = tui_now_ms();
	/* While a save runs on its thread, only typing is taken. */
	if (tui_editor_bg_holds(ed, ev))
		return TUI_STAY;
	if ((ev->kind == EV_KEY && c == KEY_F(10)) || (ev->kind == EV_CHAR &&
	    (c == TK_CTRL('Q') || c == TK_CTRL('C'))))
		return tui_editor_may_leave(ed) ? TUI_LEAVE : TUI_STAY;
	if (editor_key_common(ed, ev) || refused(ed, ev))
		return TUI_STAY;
	if (ev->kind == EV_CHAR && c == '?' && page(ed)->ops->ask_help)
		res = PAGE_HELP;
	else
		res = page(ed)->ops->key(page(ed), ev);
	switch (res) {
	case PAGE_DONE:
		break;
	case PAGE_HELP:
		help(ed);
		break;
	case PAGE_SAVE:
		if (tui_editor_dirty(ed))
			tui_editor_save(ed);
		break;
	case PAGE_NEXT:
		go_page(ed, ed->cur + 1);
		break;
	}
	if (tui_editor_dirty(ed)) {
		ed->last_key = tui_now_ms();
		if (ed->dirty_since == 0)
			ed->dirty_since = ed->last_key;
	}
	return TUI_STAY;
}

static bool
editor_tick(struct tui_screen *s)
{
	struct editor *ed = s->data;
	int64_t now = tui_now_ms();
	bool redraw = false;

	if (ed->host.readonly)
		return false;
	/* A save on its thread has the meeting: nothing else till it ends. */
	if (ed->bg.running) {
		if (!tui_editor_bg_poll(ed))
			return false;
		redraw = true;
	}
	if (page(ed)->ops->tick)
		redraw |= page(ed)->ops->tick(page(ed), now);
	/* Keys that waited for the last save go first. */
	if (tui_ahead_held() > 0)
		return redraw;
	if (ed->dirty_since && now >= ed->next_retry &&
	    (now - ed->last_key >= IDLE_SAVE_MS ||
	    now - ed->dirty_since >= BUSY_SAVE_MS)) {
		tui_editor_bg_start(ed);
		return true;
	} else if (ed->next_retry && now >= ed->next_retry &&
	    tui_editor_dirty(ed)) {
		tui_editor_bg_start(ed);
		return true;
	}
	if (now - ed->lock_beat >= LOCK_BEAT_MS) {
		long other = 0;
		int rc;

		/* Taken again rather than refreshed: a read-only second
		 * instance took the mark when it opened, and a third must
		 * still be warned about us. */
		rc = store_lock_take(ed->host.t->store, ed->m.id, &other,
		    NULL);
		if (rc == 0 && other != 0) {
			/* Shows what the other has saved, even while
			 * nothing is typed here. */
			if (ed->next_retry == 0)
				tui_editor_pull(ed);
			if (!ed->status_err)
				tui_editor_status(ed, true, _("Warning: this "
				    "meeting is also open in another minutes"));
			redraw = true;
		}
		/* Busy (another instance saving): again in a second. */
		ed->lock_beat = rc == 0 ? now : now - LOCK_BEAT_MS + 1000;
	}
	return redraw;
}

/* --- opening and closing ------------------------------------------------- */

/* The header, the review when the series left tasks open, then a page
 * for each section of the template. */
static void
pages_build(struct editor *ed)
{
	const struct tmpl *tp = ed->host.tp;
	struct page *review = page_review_new(&ed->host);

	ed->pg = xcalloc(tp->nsec + 2, sizeof *ed->pg);
	ed->pg[ed->npg++] = page_header_new(&ed->host);
	if (review)
		ed->pg[ed->npg++] = review;
	for (size_t i = 0; i < tp->nsec; i++)
		for (size_t k = 0; k < sizeof page_kinds / sizeof page_kinds[0]; k++)
			if (page_kinds[k].kind == tp->sec[i].kind)
				ed->pg[ed->npg++] = page_kinds[k].make(&ed->host,
				    &tp->sec[i]);
}

static void
editor_free(struct editor *ed)
{
	tui_editor_bg_free(ed);
	for (size_t i = 0; i < ed->npg; i++) {
		if (ed->pg[i]->ops->free)
			ed->pg[i]->ops->free(ed->pg[i]);
		else
			free(ed->pg[i]);
	}
	free(ed->pg);
	extract_free(ed->ex);
	meeting_free(&ed->m);
	store_base_free(ed->base);
}

/* Warns when another instance has the meeting open; false to go back.
 * The question may meet a secretary already typing: what they typed is
 * never its answer, and reaches the section if they edit. */
static bool
check_lock(struct editor *ed)
{
	long other = 0;
	struct err e;
	size_t lost;
	int k;

	err_clear(&e);
	if (store_lock_take(ed->host.t->store, ed->m.id, &other, &e) != 0) {
		tui_editor_status(ed, true, e.msg);
		return true;
	}
	if (other == 0)
		return true;
	k = tui_ask_typing(_("Open elsewhere"), tui_fmt(_("Meeting %lld is "
	    "being edited by another minutes (process %ld).  Typing here too "
	    "is merged with what is typed there; where both change the same "
	    "words, both versions are kept.\n\n"
	    "r  open read-only\ne  edit anyway\nq  go back"),
	    (long long)ed->m.id, other), "req");
	if (k == 'e') {
		tui_ahead_replay();
		tui_editor_status(ed, true, _("Warning: this meeting is also "
		    "open in another minutes"));
		return true;
	}
	lost = tui_ahead_drop();
	if (k != 'r')
		return false;
	ed->host.readonly = true;
	if (lost > 0)
		tui_editor_status(ed, true, tui_fmt(_("Read-only: %zu keys "
		    "typed before the answer were not used"), lost));
	else
		tui_editor_status(ed, true, _("Read-only: this meeting is open "
		    "in another minutes"));
	return true;
}

/* Dialogs stop the editor's timer: the texts typed just before one opens
 * are saved first, so a crash while it is open loses none of them.  Not
 * the roster and tasks: the page that opens the dialog may hold one of
 * their rows (a task to delete), which taking in another instance's rows
 * would free; they are saved when the dialog is over. */
static void
before_dialog(void *arg)
{
	struct editor *ed = arg;

	if (tui_editor_dirty(ed))
		tui_editor_save_texts(ed);
}

/* Loads meeting id and finds its template; false after saying why not. */
static bool
open_meeting(struct editor *ed, int64_t id)
{
	struct tui *t = ed->host.t;
	const char *tid;
	struct err e;

	err_clear(&e);
	if (store_meeting_open(t->store, id, &ed->m, &ed->base, &e) != 0) {
		tui_ask(_("Cannot open the meeting"), e.msg, "\n");
		return false;
	}
	tid = meeting_get(&ed->m, F_TEMPLATE);
	ed->host.tp = tmpl_find(t->tmpls, tid ? tid : "");
	if (ed->host.tp == NULL) {
		tui_ask(_("Cannot open the meeting"), tui_fmt(_("template \"%s\" "
		    "was not found"), tid), "\n");
		return false;
	}
	return true;
}

/* The page shown first: the section asked for (the cursor at byte at of
 * its text, or at its end), else the first section of a meeting that
 * has a title. */
static void
first_page(struct editor *ed, const char *section, int64_t at)
{
	if (section == NULL) {
		if (meeting_get(&ed->m, F_TITLE) && ed->npg > 1)
			ed->cur = 1;
		return;
	}
	for (size_t i = 1; i < ed->npg; i++) {
		struct page *p = ed->pg[i];

		if (p->sec && strcmp(p->sec->key, section) == 0) {
			ed->cur = i;
			if (p->ops->place)
				p->ops->place(p, at);
		}
	}
}

enum tui_act
tui_editor_run(struct tui *t, int64_t id, const char *section)
{
	return tui_editor_run_at(t, id, section, -1);
}

/*
 * A signal ends the editor.  Keys typed before it that the program has
 * not read yet (on a loaded machine, the last tenths of a second of
 * typing) still reach the text shown, as long as they are typing into
 * it (page_ops.plain); then the last save.  A key that is not stops the
 * reading: what it would have done is not done at the end.
 */
static void
editor_leave(struct tui_screen *s)
{
	struct editor *ed = s->data;
	struct tui_event ev;

	tui_editor_bg_wait(ed);
	for (;;) {
		tui_wake_in(0);
		tui_read(&ev);
		if (ev.kind == EV_TICK || page(ed)->ops->plain == NULL ||
		    !page(ed)->ops->plain(page(ed), &ev))
			break;
		editor_key(s, &ev);
	}
	tui_editor_leave(s);
}

enum tui_act
tui_editor_run_at(struct tui *t, int64_t id, const char *section,
    int64_t at)
{
	struct editor *ed = xcalloc(1, sizeof *ed);
	struct tui_screen s = { .data = ed, .draw = tui_editor_draw,
	    .key = editor_key, .tick = editor_tick, .leave = editor_leave };
	enum tui_act r = TUI_LEAVE;
	struct tui_hook hook;
	const char *status;

	ed->host = (struct page_host){ .t = t, .m = &ed->m,
	    .status = host_status, .changed = host_changed, .save = host_save,
	    .extractor = host_extractor, .fix = host_fix };
	meeting_init(&ed->m);
	if (!open_meeting(ed, id))
		goto out;
	pages_build(ed);
	store_set_busy_timeout(t->store, BUSY_TYPING_MS);
	ed->lock_beat = tui_now_ms();
	status = meeting_get(&ed->m, F_STATUS);
	ed->host.final = status && strcmp(status, "final") == 0;
	/* Without news, the status line says what the page shown takes
	 * (tui_editor_draw.c). */
	if (ed->host.final)
		tui_editor_status(ed, false, _("Final: read-only; F9 reopens"));
	if (!check_lock(ed))
		goto out;
	first_page(ed, section, at);
	hook = tui_set_dialog_hook((struct tui_hook){ before_dialog, ed });
	r = tui_run(&s);
	tui_editor_bg_wait(ed);
	tui_set_dialog_hook(hook);
	/* The edit mark is a courtesy: never wait long to remove it. */
	store_set_busy_timeout(t->store, BUSY_TYPING_MS);
	if (!ed->host.readonly)
		store_lock_release(t->store, ed->m.id);
	/* Saves while typing left the search index behind (a long text
	 * takes long to index); leaving is the time to bring it up.  A
	 * search would do it too, first. */
	if (ed->index_behind && r != TUI_QUIT)
		store_search_catch_up(t->store, NULL);
	store_set_busy_timeout(t->store, 5000);
out:
	editor_free(ed);
	free(ed);
	return r;
}

