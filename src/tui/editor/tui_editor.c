/*
 * The meeting editor: the header form, then one page per template section
 * (free text, the attendees table, the tasks table), with the section's
 * guidance beside or below the text and a progress line of which sections
 * hold text.  Movement between sections is free at all times.
 *
 * Saving is what this screen is about.  Text lives in the pages' buffers;
 * a page is dirty while its buffer has changed since the last successful
 * save.  The idle tick saves dirty pages half a second after the last key
 * (and at least once a second while typing goes on), leaving a section
 * saves at once, and a signal saves before the program ends.  A failed
 * save keeps everything in memory, says so in the status line and is
 * retried; the store's transactions mean a failure never touches what was
 * saved before.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/mdformat.h"
#include "core/model.h"
#include "core/rescue.h"
#include "core/textbuf.h"
#include "core/tmpl.h"
#include "extract/extract.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"
#include "store/store.h"
#include "tui/editor/tui_editor.h"
#include "tui/tui.h"

#define IDLE_SAVE_MS	500	/* save this long after the last key */
#define BUSY_SAVE_MS	1000	/* and at least this often while typing */
#define RETRY_MS	2000	/* after a failed save */
#define LOCK_BEAT_MS	10000
#define NEWS_MS		3000	/* a message this fresh outlives a save */
/* Waiting for another program's lock: briefly while typing (a failed
 * save is retried), longer when leaving, the last chance to save. */
#define BUSY_TYPING_MS	150
#define BUSY_LEAVING_MS	3000

static const enum field hdr_fields[] = {
	F_TITLE, F_ORGANISATION, F_NUMBER, F_DATE, F_START, F_END, F_PLACE,
	F_CHAIR, F_SECRETARY, F_SERIES, F_RECIPIENTS
};
#define NHDR EDITOR_NHDR
_Static_assert(sizeof hdr_fields / sizeof hdr_fields[0] == NHDR, "header fields");

static const char *const hdr_labels[NHDR] = {
	N_("Title"), N_("Organisation"), N_("Number"), N_("Date (YYYY-MM-DD)"),
	N_("Start (HH:MM)"), N_("End (HH:MM)"), N_("Place"), N_("Chair"),
	N_("Secretary"), N_("Series"), N_("Recipients (;)")
};

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
	"F7", N_("hide or show the suggested tasks"),
	"Ctrl-S", N_("save now (saving also happens by itself)"),
	"F10, Ctrl-Q", N_("leave the meeting"),
	"F9", N_("mark final (after the checklist), or reopen"),
	"F6", N_("export the meeting to a file"),
	"F1", N_("this help"),
	NULL, NULL
};

static struct page *
page(struct editor *ed)
{
	return &ed->pg[ed->cur];
}

static void
set_status(struct editor *ed, bool error, const char *msg)
{
	snprintf(ed->status, sizeof ed->status, "%s", msg);
	ed->status_err = error;
	ed->status_routine = false;
	ed->status_ms = tui_now_ms();
}

void
tui_editor_status(struct editor *ed, bool error, const char *msg)
{
	set_status(ed, error, msg);
}

static bool
page_dirty(const struct page *p)
{
	return p->kind == PAGE_TEXT && p->tb.changes != p->saved;
}

bool
tui_editor_dirty(const struct editor *ed)
{
	if (ed->header_dirty || ed->roster_dirty || ed->tasks_dirty)
		return true;
	for (size_t i = 0; i < NHDR; i++)
		if (ed->htb[i].changes != ed->hsaved[i])
			return true;
	for (size_t i = 0; i < ed->npg; i++)
		if (page_dirty(&ed->pg[i]))
			return true;
	return false;
}

/* Copies edited header fields into the meeting when they are valid; an
 * invalid one stays in its field, unsaved, and is reported. */
static void
commit_header(struct editor *ed, bool report)
{
	for (size_t i = 0; i < NHDR; i++) {
		struct textbuf *tb = &ed->htb[i];
		enum field f = hdr_fields[i];
		struct err e;
		char *v;

		if (tb->changes == ed->hsaved[i])
			continue;
		err_clear(&e);
		/* Trimmed, as the Markdown format reads it. */
		v = model_trim(tb_text(tb));
		if ((f == F_TITLE || f == F_DATE) && v == NULL)
			err_set(&e, ERR_INPUT, "%s", f == F_TITLE ?
			    _("the title cannot be empty") :
			    _("the date cannot be empty"));
		else
			field_validate(f, v, &e);
		if (e.code != ERR_OK) {
			free(v);
			if (report)
				set_status(ed, true, e.msg);
			continue;
		}
		meeting_set(&ed->m, f, v);
		free(v);
		ed->hsaved[i] = tb->changes;
		ed->header_dirty = true;
	}
}

static void
note_saved(struct editor *ed)
{
	char when[16];
	time_t now = time(NULL);
	struct tm tm;
	size_t len;

	localtime_r(&now, &tm);
	strftime(when, sizeof when, "%H:%M:%S", &tm);
	ed->saved_at = now;
	/* A save follows most actions by half a second: news such as
	 * "Added to the tasks" stays in view, with the save after it. */
	if (!ed->status_err && !ed->status_routine && ed->status[0] &&
	    tui_now_ms() - ed->status_ms < NEWS_MS) {
		len = strlen(ed->status);
		snprintf(ed->status + len, sizeof ed->status - len, "  ");
	} else {
		ed->status[0] = '\0';
	}
	len = strlen(ed->status);
	snprintf(ed->status + len, sizeof ed->status - len, _("Saved at %s"),
	    when);
	ed->status_err = false;
	ed->status_routine = true;
	ed->status_ms = tui_now_ms();
}

int
tui_editor_save(struct editor *ed)
{
	const char **keys = xcalloc(ed->npg + 1, sizeof *keys);
	unsigned long *snap = xcalloc(ed->npg + 1, sizeof *snap);
	size_t nkeys = 0;
	struct err e;
	int rc = 0;
	bool wrote;

	if (ed->readonly) {
		free(keys);
		free(snap);
		return 0;
	}
	commit_header(ed, false);
	for (size_t i = 0; i < ed->npg; i++) {
		struct page *p = &ed->pg[i];
		const char *old;

		if (!page_dirty(p))
			continue;
		/* Tasks taken from this text keep pointing at their words. */
		old = meeting_section(&ed->m, p->sec->key);
		if (meeting_follow_edit(&ed->m, p->sec->key, old ? old : "",
		    tb_text(&p->tb)))
			ed->tasks_dirty = true;
		meeting_section_set(&ed->m, p->sec->key, tb_text(&p->tb));
		snap[nkeys] = p->tb.changes;
		keys[nkeys++] = p->sec->key;
	}
	err_clear(&e);
	wrote = nkeys > 0 || ed->header_dirty || ed->roster_dirty ||
	    ed->tasks_dirty;
	/* One transaction: the tasks' spans point into the texts saved
	 * with them. */
	rc = store_meeting_save(ed->t->store, &ed->m, nkeys > 0 ||
	    ed->header_dirty, keys, nkeys, ed->roster_dirty, ed->tasks_dirty,
	    &e);
	if (rc == 0) {
		ed->header_dirty = ed->roster_dirty = ed->tasks_dirty = false;
		for (size_t i = 0, k = 0; i < ed->npg && k < nkeys; i++)
			if (ed->pg[i].kind == PAGE_TEXT &&
			    ed->pg[i].sec->key == keys[k])
				ed->pg[i].saved = snap[k++];
	}
	free(keys);
	free(snap);
	ed->dirty_since = 0;
	if (rc != 0) {
		const char *path = store_path(ed->t->store), *msg = e.msg;
		size_t pl = strlen(path);

		/* The status line is narrow: the file name is known. */
		if (strncmp(msg, path, pl) == 0 && strncmp(msg + pl, ": ", 2) == 0)
			msg += pl + 2;
		set_status(ed, true, tui_fmt(_("NOT SAVED: %s (kept in memory; "
		    "retrying)"), msg));
		ed->next_retry = tui_now_ms() + RETRY_MS;
		return rc;
	}
	ed->next_retry = 0;
	/* A save that wrote nothing leaves the status line alone: it may be
	 * telling about a field that cannot be saved. */
	if (wrote)
		note_saved(ed);
	return 0;
}

struct extractor *
tui_editor_extractor(struct editor *ed)
{
	struct err e;

	/* Rules are compiled once, when first needed, and a failure is
	 * not retried on every key. */
	if (ed->ex == NULL && !ed->ex_tried) {
		ed->ex_tried = true;
		err_clear(&e);
		ed->ex = extract_new("auto", &e);
		if (ed->ex == NULL)
			set_status(ed, true, e.msg);
	}
	return ed->ex;
}

static void
go_page(struct editor *ed, size_t to)
{
	if (to >= ed->npg || to == ed->cur)
		return;
	/* Leaving a section saves it. */
	commit_header(ed, true);
	if (tui_editor_dirty(ed))
		tui_editor_save(ed);
	tb_break_undo(&page(ed)->tb);
	ed->cur = to;
}

void
tui_editor_goto_page(struct editor *ed, size_t i)
{
	go_page(ed, i);
}

void
tui_editor_goto_field(struct editor *ed, enum field f)
{
	go_page(ed, 0);
	for (size_t i = 0; i < NHDR; i++)
		if (hdr_fields[i] == f)
			ed->hform.cur = i;
}

static void
menu(struct editor *ed)
{
	const char **items = xcalloc(ed->npg, sizeof *items);
	char **own = xcalloc(ed->npg, sizeof *own);
	int r;

	for (size_t i = 0; i < ed->npg; i++) {
		own[i] = xasprintf("%zu  %s", i, ed->pg[i].title);
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

/* Writes the meeting to a rescue file when it cannot be saved; false
 * (and the reason in the status line) when that fails too. */
static bool
rescue(struct editor *ed)
{
	struct err e;
	char *path;

	err_clear(&e);
	/* A shared store has no folder to put the file beside. */
	if (rescue_write(&ed->m, ed->t->tmpls, store_is_shared(ed->t->store) ?
	    NULL : store_path(ed->t->store), &path, &e) == 0) {
		buf_printf(&ed->t->rescued, "  %s\n", path);
		free(path);
		return true;
	}
	set_status(ed, true, e.msg);
	return false;
}

/* The last resort, when no file can be written (a full disk): the
 * meeting is kept to be printed on the terminal once the screen is
 * gone, where the secretary can still copy it. */
static void
keep_lost(struct editor *ed)
{
	struct err e;

	err_clear(&e);
	if (md_write(&ed->t->lost, &ed->m, ed->t->tmpls, &e) != 0)
		buf_printf(&ed->t->lost, "%s\n", e.msg);
}

/* True when the program may end: saved, or the user accepts the loss. */
static bool
may_leave(struct editor *ed)
{
	int rc;

	commit_header(ed, true);
	if (!tui_editor_dirty(ed) || ed->readonly)
		return true;
	store_set_busy_timeout(ed->t->store, BUSY_LEAVING_MS);
	rc = tui_editor_save(ed);
	store_set_busy_timeout(ed->t->store, BUSY_TYPING_MS);
	if (rc == 0 && !tui_editor_dirty(ed))
		return true;
	if (tui_ask(_("Unsaved text"), tui_fmt("%s\n\n%s", ed->status, rc ?
	    _("Leave anyway? What could not be saved goes to a rescue file. "
	    "(y/n)") : _("Leave anyway and lose what was not saved? (y/n)")),
	    "yn") != 'y')
		return false;
	if (rc != 0 && !rescue(ed)) {
		/* Leaving now would lose the text: say so, and let the
		 * secretary free some space and try again. */
		if (tui_ask(_("Unsaved text"), tui_fmt("%s\n\n%s", ed->status,
		    _("No rescue file could be written either.  Free some "
		    "disk space and leave again, or leave now and have the "
		    "minutes printed in the terminal to copy.  Leave now? "
		    "(y/n)")), "yn") != 'y')
			return false;
		keep_lost(ed);
	}
	return true;
}

static bool
is_enter(const struct tui_event *ev)
{
	return (ev->kind == EV_CHAR && (ev->code == '\r' || ev->code == '\n')) ||
	    (ev->kind == EV_KEY && ev->code == KEY_ENTER);
}

static enum tui_act
editor_key(struct tui_screen *s, const struct tui_event *ev)
{
	struct editor *ed = s->data;
	struct page *p = page(ed);
	int c = ev->code;
	bool ch = ev->kind == EV_CHAR, key = ev->kind == EV_KEY;

	ed->key_at = tui_now_ms();
	if ((key && c == KEY_F(10)) || (ch && (c == TK_CTRL('Q') ||
	    c == TK_CTRL('C'))))
		return may_leave(ed) ? TUI_LEAVE : TUI_STAY;
	if (key && c == KEY_F(1)) {
		if (p->kind == PAGE_ROSTER)
			tui_help(_("Keys of the attendees table"), tui_roster_keys);
		else if (p->kind == PAGE_REVIEW)
			tui_help(_("Keys of the review"), tui_review_keys);
		else if (p->kind == PAGE_TASKS)
			tui_help(_("Keys of the tasks table"), tui_tasks_keys);
		else
			tui_help(_("Keys of the meeting editor"), editor_keys);
		return TUI_STAY;
	}
	if (ch && c == TK_CTRL('S')) {
		bool was_dirty;

		commit_header(ed, true);
		was_dirty = tui_editor_dirty(ed);
		/* Nothing to write is as good as saved, unless a field is
		 * waiting for a valid value. */
		if (tui_editor_save(ed) == 0 && !was_dirty && !ed->status_err)
			note_saved(ed);
		return TUI_STAY;
	}
	if ((ch && c == '\t') || (key && c == TK_C_PGDN)) {
		go_page(ed, ed->cur + 1 < ed->npg ? ed->cur + 1 : 0);
		return TUI_STAY;
	}
	if (key && (c == KEY_BTAB || c == TK_C_PGUP)) {
		go_page(ed, ed->cur > 0 ? ed->cur - 1 : ed->npg - 1);
		return TUI_STAY;
	}
	if ((key && c == KEY_F(2)) || (ch && c == TK_CTRL('G'))) {
		menu(ed);
		return TUI_STAY;
	}
	if (key && c == KEY_F(7)) {
		/* Kept for the rest of the run: one who finds the panel in
		 * the way finds it so in the next meeting too. */
		ed->t->no_suggest = !ed->t->no_suggest;
		ed->sug_valid = false;
		set_status(ed, false, ed->t->no_suggest ? _("Suggested tasks "
		    "hidden; F7 shows them") : _("Suggested tasks shown"));
		return TUI_STAY;
	}
	if (key && c == KEY_F(9)) {
		tui_final_key(ed);
		return TUI_STAY;
	}
	if (key && c == KEY_F(6)) {
		/* Export what is on screen: save first, since the export
		 * reads the stored meeting. */
		commit_header(ed, true);
		if (tui_editor_dirty(ed) && tui_editor_save(ed) != 0 &&
		    tui_ask(_("Export"), tui_fmt("%s\n\n%s", ed->status,
		    _("The export would miss what is not saved.  Export what "
		    "is saved anyway? (y/n)")), "yn") != 'y')
			return TUI_STAY;
		tui_export_run(ed->t, ed->m.id);
		return TUI_STAY;
	}
	if ((ed->readonly || ed->final) && (ch || ev->kind == EV_PASTE ||
	    (key && (c == KEY_BACKSPACE || c == KEY_DC || c == KEY_IC ||
	    c == KEY_ENTER || c == KEY_F(3) || c == KEY_F(4) ||
	    c == KEY_F(5))))) {
		set_status(ed, true, ed->readonly ? _("Read-only: this meeting "
		    "is open in another minutes") : _("Final: read-only; F9 "
		    "reopens"));
		return TUI_STAY;
	}
	if (tui_suggest_key(ed, ev))
		goto done;
	switch (p->kind) {
	case PAGE_HEADER: {
		size_t was = ed->hform.cur;
		enum tui_form_res r = tui_form_key(&ed->hform, ev);

		if (r == FORM_ACCEPT)
			go_page(ed, 1);
		else if (ed->hform.cur != was) {
			/* Leaving a field saves it. */
			commit_header(ed, true);
			if (tui_editor_dirty(ed))
				tui_editor_save(ed);
		}
		break;
	}
	case PAGE_TEXT:
		if (ch && c == '?' && p->tb.len == 0) {
			tui_help(_("Keys of the meeting editor"), editor_keys);
			break;
		}
		tui_edit_key(&p->tb, ev);
		break;
	case PAGE_ROSTER:
		if (ch && c == '?') {
			tui_help(_("Keys of the attendees table"), tui_roster_keys);
			break;
		}
		if (tui_roster_key(ed, ev))
			ed->roster_dirty = true;
		break;
	case PAGE_REVIEW:
		if (ch && c == '?')
			tui_help(_("Keys of the review"), tui_review_keys);
		else
			tui_review_key(ed, ev);
		break;
	case PAGE_TASKS:
		if (ch && c == '?')
			tui_help(_("Keys of the tasks table"), tui_tasks_keys);
		else if (tui_tasks_key(ed, ev))
			ed->tasks_dirty = true;
		(void)is_enter;
		break;
	}
done:
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

	if (ed->readonly)
		return false;
	redraw = tui_suggest_tick(ed, now);
	if (ed->dirty_since && now >= ed->next_retry &&
	    (now - ed->last_key >= IDLE_SAVE_MS ||
	    now - ed->dirty_since >= BUSY_SAVE_MS)) {
		tui_editor_save(ed);
		redraw = true;
	} else if (ed->next_retry && now >= ed->next_retry &&
	    tui_editor_dirty(ed)) {
		tui_editor_save(ed);
		redraw = true;
	}
	if (now - ed->lock_beat >= LOCK_BEAT_MS) {
		long other = 0;

		/* Taken again rather than refreshed: a read-only second
		 * instance took the mark when it opened, and a third must
		 * still be warned about us. */
		if (store_lock_take(ed->t->store, ed->m.id, &other, NULL) == 0 &&
		    other != 0 && !ed->status_err) {
			set_status(ed, true, _("Warning: this meeting is also "
			    "open in another minutes"));
			redraw = true;
		}
		ed->lock_beat = now;
	}
	return redraw;
}

static void
editor_leave(struct tui_screen *s)
{
	struct editor *ed = s->data;

	/* A signal: one save; if the database cannot take it, a rescue
	 * file, so nothing typed is lost. */
	if (ed->readonly)
		return;
	commit_header(ed, false);
	if (!tui_editor_dirty(ed))
		return;
	store_set_busy_timeout(ed->t->store, BUSY_LEAVING_MS);
	/* Saving is failing already: the rescue file first, because the
	 * next attempt may wait out the whole busy timeout. */
	if (ed->next_retry != 0) {
		size_t had = ed->t->rescued.len;
		bool rescued = rescue(ed);

		if (tui_editor_save(ed) != 0) {
			if (!rescued)
				keep_lost(ed);
		} else if (ed->t->rescued.len > had) {
			/* Saved after all: the rescue file is not needed. */
			char *path = xstrdup(ed->t->rescued.s + had + 2);

			path[strcspn(path, "\n")] = '\0';
			unlink(path);
			free(path);
			buf_truncate(&ed->t->rescued, had);
		}
		return;
	}
	if (tui_editor_save(ed) != 0) {
		if (!rescue(ed))
			keep_lost(ed);
	} else if (tui_editor_dirty(ed)) {
		/* Saved, but a header field that cannot be stored as typed
		 * (a date such as 13/9/2023) is left: it goes, as typed, to
		 * a rescue file, to be corrected there. */
		for (size_t i = 0; i < NHDR; i++)
			if (ed->htb[i].changes != ed->hsaved[i])
				meeting_set(&ed->m, hdr_fields[i],
				    tb_text(&ed->htb[i]));
		if (!rescue(ed))
			keep_lost(ed);
	}
}

static void
pages_build(struct editor *ed)
{
	const struct tmpl *tp = ed->tp;
	size_t first;

	/* A meeting of a series reviews the open tasks first. */
	tui_review_load(ed);
	first = ed->nrev > 0 ? 2 : 1;
	ed->npg = tp->nsec + first;
	ed->pg = xcalloc(ed->npg, sizeof *ed->pg);
	ed->pg[0].kind = PAGE_HEADER;
	ed->pg[0].title = _("Meeting details");
	ed->pg[0].prompt = _("The header of the minutes: what, who chairs, who "
	    "writes, when and where.  Up/Down or Enter move between fields.");
	tb_init(&ed->pg[0].tb);
	if (ed->nrev > 0) {
		ed->pg[1].kind = PAGE_REVIEW;
		ed->pg[1].title = _("Review of previous actions");
		ed->pg[1].prompt = _("The tasks earlier meetings of the series "
		    "left open.  For each, record what this meeting found: d "
		    "done, g doing, x dropped, o still open, each with a note.");
		tb_init(&ed->pg[1].tb);
	}
	for (size_t i = 0; i < tp->nsec; i++) {
		struct page *p = &ed->pg[i + first];
		const char *body;

		p->sec = &tp->sec[i];
		p->title = p->sec->heading;
		p->prompt = p->sec->prompt;
		p->kind = p->sec->kind == SEC_ROSTER ? PAGE_ROSTER :
		    p->sec->kind == SEC_TASKS ? PAGE_TASKS : PAGE_TEXT;
		tb_init(&p->tb);
		body = meeting_section(&ed->m, p->sec->key);
		if (body)
			tb_set(&p->tb, body, strlen(body));
		p->saved = p->tb.changes;
	}
	ed->hform.f = ed->hfields;
	ed->hform.n = NHDR;
	for (size_t i = 0; i < NHDR; i++) {
		const char *v = meeting_get(&ed->m, hdr_fields[i]);
		size_t w = utf8_width(_(hdr_labels[i]), strlen(_(hdr_labels[i])));

		tb_init(&ed->htb[i]);
		ed->htb[i].single_line = true;
		if (v)
			tb_set(&ed->htb[i], v, strlen(v));
		ed->hsaved[i] = ed->htb[i].changes;
		ed->hfields[i].label = _(hdr_labels[i]);
		ed->hfields[i].tb = &ed->htb[i];
		if ((int)w > ed->hform.labelw)
			ed->hform.labelw = (int)w;
	}
}

static void
editor_free(struct editor *ed)
{
	for (size_t i = 0; i < ed->npg; i++)
		tb_free(&ed->pg[i].tb);
	for (size_t i = 0; i < NHDR; i++)
		tb_free(&ed->htb[i]);
	free(ed->pg);
	tui_suggest_free(ed);
	tui_review_free(ed);
	extract_free(ed->ex);
	meeting_free(&ed->m);
}

/* Warns when another instance has the meeting open; false to go back. */
static bool
check_lock(struct editor *ed)
{
	long other = 0;
	struct err e;
	int k;

	err_clear(&e);
	if (store_lock_take(ed->t->store, ed->m.id, &other, &e) != 0) {
		set_status(ed, true, e.msg);
		return true;
	}
	if (other == 0)
		return true;
	k = tui_ask(_("Open elsewhere"), tui_fmt(_("Meeting %lld is being "
	    "edited by another minutes (process %ld).  Typing here too could "
	    "overwrite what is typed there.\n\n"
	    "r  open read-only\ne  edit anyway\nq  go back"),
	    (long long)ed->m.id, other), "req");
	if (k == 'r') {
		ed->readonly = true;
		set_status(ed, true, _("Read-only: this meeting is open in "
		    "another minutes"));
		return true;
	}
	if (k == 'e') {
		set_status(ed, true, _("Warning: this meeting is also open in "
		    "another minutes"));
		return true;
	}
	return false;
}

enum tui_act
tui_editor_run(struct tui *t, int64_t id, const char *section)
{
	return tui_editor_run_at(t, id, section, -1);
}

/* Dialogs stop the editor's timer: what was typed just before one opens
 * is saved first, so a crash while it is open loses nothing. */
static void
before_dialog(void *arg)
{
	struct editor *ed = arg;

	if (tui_editor_dirty(ed))
		tui_editor_save(ed);
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
	struct err e;

	ed->t = t;
	meeting_init(&ed->m);
	err_clear(&e);
	if (store_meeting_load(t->store, id, &ed->m, &e) != 0) {
		tui_ask(_("Cannot open the meeting"), e.msg, "\n");
		goto out;
	}
	ed->tp = tmpl_find(t->tmpls, meeting_get(&ed->m, F_TEMPLATE) ?
	    meeting_get(&ed->m, F_TEMPLATE) : "");
	if (ed->tp == NULL) {
		tui_ask(_("Cannot open the meeting"), tui_fmt(_("template \"%s\" "
		    "was not found"), meeting_get(&ed->m, F_TEMPLATE)), "\n");
		goto out;
	}
	pages_build(ed);
	store_set_busy_timeout(t->store, BUSY_TYPING_MS);
	ed->lock_beat = tui_now_ms();
	ed->final = meeting_get(&ed->m, F_STATUS) &&
	    strcmp(meeting_get(&ed->m, F_STATUS), "final") == 0;
	set_status(ed, false, ed->final ? _("Final: read-only; F9 reopens") :
	    _("Type; the text is saved by itself."));
	if (!check_lock(ed))
		goto out;
	if (section) {
		for (size_t i = 1; i < ed->npg; i++)
			if (ed->pg[i].sec &&
			    strcmp(ed->pg[i].sec->key, section) == 0) {
				ed->cur = i;
				if (at >= 0)
					tb_goto(&ed->pg[i].tb, (size_t)at);
				else
					tb_move(&ed->pg[i].tb, TB_BOTTOM);
			}
	} else if (meeting_get(&ed->m, F_TITLE) && ed->npg > 1)
		ed->cur = 1;
	hook = tui_set_dialog_hook((struct tui_hook){ before_dialog, ed });
	r = tui_run(&s);
	tui_set_dialog_hook(hook);
	/* The edit mark is a courtesy: never wait long to remove it. */
	store_set_busy_timeout(t->store, BUSY_TYPING_MS);
	if (!ed->readonly)
		store_lock_release(t->store, ed->m.id);
	store_set_busy_timeout(t->store, 5000);
out:
	editor_free(ed);
	free(ed);
	return r;
}
