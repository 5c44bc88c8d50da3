/*
 * Saving the meeting editor, and leaving it (the rest of the editor is in
 * tui_editor.c).  A save gathers the typed values (commit) and the dirty
 * texts (stage) from the pages and writes them with the changed parts of
 * the meeting in one transaction.  Leaving saves once more; what cannot
 * be saved goes to a rescue file, or at the last to the terminal.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/mdformat.h"
#include "core/model.h"
#include "core/rescue.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"
#include "store/store.h"
#include "tui/editor/tui_editor.h"
#include "tui/editor/tui_page.h"
#include "tui/tui.h"

#define RETRY_MS	2000	/* after a failed save */
#define NEWS_MS		3000	/* a message this fresh outlives a save */
#define CONFLICT_MS	30000	/* and news of a conflict this long */

void
tui_editor_status(struct editor *ed, bool error, const char *msg)
{
	snprintf(ed->status, sizeof ed->status, "%s", msg);
	ed->status_err = error;
	ed->status_routine = false;
	ed->status_ms = tui_now_ms();
}


bool
tui_editor_dirty(const struct editor *ed)
{
	if (ed->parts != 0)
		return true;
	for (size_t i = 0; i < ed->npg; i++)
		if (ed->pg[i]->ops->dirty && ed->pg[i]->ops->dirty(ed->pg[i]))
			return true;
	return false;
}

/* What was typed goes into the meeting where it is valid. */
void
tui_editor_commit(struct editor *ed, bool report)
{
	/* The meeting is a running save's until it ends. */
	tui_editor_bg_wait(ed);
	for (size_t i = 0; i < ed->npg; i++)
		if (ed->pg[i]->ops->commit)
			ed->pg[i]->ops->commit(ed->pg[i], report);
}

void
tui_editor_saved_now(struct editor *ed)
{
	char when[16];
	time_t now = time(NULL);
	struct tm tm;
	size_t len;
	bool sticky = tui_now_ms() < ed->sticky_until;

	localtime_r(&now, &tm);
	strftime(when, sizeof when, "%H:%M:%S", &tm);
	ed->saved_at = now;
	/* A save follows most actions by half a second: news such as
	 * "Added to the tasks" stays in view, with the save after it; news
	 * of a conflict stays longer, in bold. */
	if (sticky) {
		snprintf(ed->status, sizeof ed->status, "%s  ", ed->sticky);
	} else if (!ed->status_err && !ed->status_routine && ed->status[0] &&
	    tui_now_ms() - ed->status_ms < NEWS_MS) {
		len = strlen(ed->status);
		snprintf(ed->status + len, sizeof ed->status - len, "  ");
	} else {
		ed->status[0] = '\0';
	}
	len = strlen(ed->status);
	snprintf(ed->status + len, sizeof ed->status - len, _("Saved at %s"),
	    when);
	ed->status_err = sticky;
	ed->status_routine = true;
	ed->status_ms = tui_now_ms();
}

static void
save_failed(struct editor *ed, const struct err *e)
{
	const char *path = store_path(ed->host.t->store), *msg = e->msg;
	size_t pl = strlen(path);

	/* The status line is narrow: the file name is known. */
	if (strncmp(msg, path, pl) == 0 && strncmp(msg + pl, ": ", 2) == 0)
		msg += pl + 2;
	tui_editor_status(ed, true, tui_fmt(_("NOT SAVED: %s (kept in memory; "
	    "retrying)"), msg));
	ed->next_retry = tui_now_ms() + RETRY_MS;
}

/* Puts what the pages hold into the meeting: the valid typed values,
 * and the dirty texts, which b lists (its arrays malloc'd). */
static void
stage(struct editor *ed, struct page_batch *b)
{
	b->keys = xcalloc(ed->npg + 1, sizeof *b->keys);
	b->pages = xcalloc(ed->npg + 1, sizeof *b->pages);
	b->n = 0;
	tui_editor_commit(ed, false);
	for (size_t i = 0; i < ed->npg; i++)
		if (ed->pg[i]->ops->stage)
			ed->pg[i]->ops->stage(ed->pg[i], b);
}

/* The store's parts of a save, from the editor's. */
static unsigned
sync_parts(unsigned parts)
{
	return ((parts & PART_HEADER) ? STORE_SYNC_HEADER : 0) |
	    ((parts & PART_ROSTER) ? STORE_SYNC_ROSTER : 0) |
	    ((parts & PART_TASKS) ? STORE_SYNC_TASKS : 0) |
	    STORE_SYNC_INDEX_LATER;
}

/* What another instance saved meanwhile is now in the meeting: the pages
 * of the sections it changed show it, and the status line says what was
 * merged, or where both versions were kept for the secretary. */
static void
take_theirs(struct editor *ed, const struct store_sync_report *rep,
    unsigned saved)
{
	size_t both = rep->kept_both;

	for (size_t k = 0; k < rep->nchanged; k++)
		for (size_t i = 0; i < ed->npg; i++) {
			struct page *p = ed->pg[i];

			if (p->sec && p->ops->reload &&
			    strcmp(p->sec->key, rep->changed[k]) == 0)
				both += p->ops->reload(p);
		}
	/* Spans that followed a merged text are saved next time (when
	 * the tasks were saved, they are stored as merged already). */
	if (rep->tasks && !(saved & PART_TASKS))
		ed->parts |= PART_TASKS;
	if (both > 0) {
		/* Short: it shares the line with the keys' hint. */
		snprintf(ed->sticky, sizeof ed->sticky, _("Conflict: both "
		    "versions kept, marked; keep one"));
		tui_editor_status(ed, true, ed->sticky);
		ed->sticky_until = tui_now_ms() + CONFLICT_MS;
	} else if (rep->merged > 0 || rep->overridden > 0) {
		tui_editor_status(ed, false, _("Merged with what another "
		    "minutes saved"));
	}
}

/* What a save takes: the pages' texts, the parts, put into the
 * meeting; and, once stored, what the store said. */
void
tui_editor_job_stage(struct editor *ed, struct save_job *j, unsigned pull,
    unsigned only)
{
	memset(j, 0, sizeof *j);
	stage(ed, &j->b);
	err_clear(&j->e);
	j->parts = (ed->parts & only) | pull;
	j->pull = pull & ~ed->parts;
	ed->dirty_since = 0;
}

/* The store's part of a save: the only one that may run off the keys'
 * path (tui_editor_bg.c), touching nothing but the meeting, its base and
 * the store.  One transaction: the tasks' spans point into the texts
 * saved with them. */
void
tui_editor_job_run(struct editor *ed, struct save_job *j)
{
	j->rc = store_meeting_sync(ed->host.t->store, ed->base, &ed->m,
	    j->b.keys, j->b.n, sync_parts(j->parts), &j->rep, &j->e);
}

/* After the store's part: the pages learn what was saved and what came
 * from elsewhere, the status line says how it went.  0, or the error. */
int
tui_editor_job_end(struct editor *ed, struct save_job *j)
{
	int rc = j->rc;

	if (rc == 0) {
		ed->parts &= ~j->parts;
		ed->index_behind |= j->b.n > 0;
		for (size_t k = 0; k < j->b.n; k++)
			j->b.pages[k]->ops->saved(j->b.pages[k]);
	}
	free(j->b.keys);
	free(j->b.pages);
	if (rc != 0) {
		store_sync_report_free(&j->rep);
		ed->sticky_until = 0;
		save_failed(ed, &j->e);
		return rc;
	}
	ed->next_retry = 0;
	take_theirs(ed, &j->rep, j->parts);
	store_sync_report_free(&j->rep);
	/* A save that wrote nothing leaves the status line alone: it may be
	 * telling about a field that cannot be saved. */
	if (j->b.n > 0 || (j->parts & ~j->pull) != 0)
		tui_editor_saved_now(ed);
	return 0;
}

/* Saves every dirty page and part, and the parts pull besides, merged
 * with what another instance saved meanwhile, waiting for it; 0, or the
 * error code after saying it in the status line. */
static int
save_merging(struct editor *ed, unsigned pull, unsigned only)
{
	struct save_job j;

	tui_editor_bg_wait(ed);
	if (ed->host.readonly)
		return 0;
	tui_editor_job_stage(ed, &j, pull, only);
	tui_editor_job_run(ed, &j);
	return tui_editor_job_end(ed, &j);
}

int
tui_editor_save(struct editor *ed)
{
	return save_merging(ed, 0, PART_ALL);
}

int
tui_editor_save_texts(struct editor *ed)
{
	return save_merging(ed, 0, 0);
}

int
tui_editor_pull(struct editor *ed)
{
	return save_merging(ed, PART_ALL, PART_ALL);
}

/* Writes the meeting to a rescue file when it cannot be saved; false
 * (and the reason in the status line) when that fails too. */
static bool
rescue(struct editor *ed)
{
	struct tui *t = ed->host.t;
	struct err e;
	char *path;

	err_clear(&e);
	/* A shared store has no folder to put the file beside. */
	if (rescue_write(&ed->m, t->tmpls, store_is_shared(t->store) ? NULL :
	    store_path(t->store), &path, &e) == 0) {
		buf_printf(&t->rescued, "  %s\n", path);
		free(path);
		return true;
	}
	tui_editor_status(ed, true, e.msg);
	return false;
}

/* The last resort, when no file can be written (a full disk): the
 * meeting is kept to be printed on the terminal once the screen is
 * gone, where the secretary can still copy it. */
static void
keep_lost(struct editor *ed)
{
	struct tui *t = ed->host.t;
	struct err e;

	err_clear(&e);
	if (md_write(&t->lost, &ed->m, t->tmpls, &e) != 0)
		buf_printf(&t->lost, "%s\n", e.msg);
}

/* True when the program may end: saved, or the user accepts the loss. */
bool
tui_editor_may_leave(struct editor *ed)
{
	struct store *st = ed->host.t->store;
	int rc;

	tui_editor_commit(ed, true);
	if (!tui_editor_dirty(ed) || ed->host.readonly)
		return true;
	store_set_busy_timeout(st, BUSY_LEAVING_MS);
	rc = tui_editor_save(ed);
	store_set_busy_timeout(st, BUSY_TYPING_MS);
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

/* A signal while saving is failing already: the rescue file first,
 * because the next attempt may wait out the whole busy timeout.  It
 * holds what was typed since the last attempt too: the texts are put
 * into the meeting before it is written. */
static void
leave_failing(struct editor *ed)
{
	struct buf *rescued = &ed->host.t->rescued;
	size_t had = rescued->len;
	struct page_batch b;
	bool ok;

	stage(ed, &b);
	free(b.keys);
	free(b.pages);
	ok = rescue(ed);

	if (tui_editor_save(ed) != 0) {
		if (!ok)
			keep_lost(ed);
	} else if (rescued->len > had) {
		/* Saved after all: the rescue file is not needed. */
		char *path = xstrdup(rescued->s + had + 2);

		path[strcspn(path, "\n")] = '\0';
		unlink(path);
		free(path);
		buf_truncate(rescued, had);
	}
}

void
tui_editor_leave(struct tui_screen *s)
{
	struct editor *ed = s->data;

	tui_editor_bg_wait(ed);
	/* A signal: one save; if the database cannot take it, a rescue
	 * file, so nothing typed is lost. */
	if (ed->host.readonly)
		return;
	tui_editor_commit(ed, false);
	if (!tui_editor_dirty(ed))
		return;
	store_set_busy_timeout(ed->host.t->store, BUSY_LEAVING_MS);
	if (ed->next_retry != 0) {
		leave_failing(ed);
		return;
	}
	if (tui_editor_save(ed) != 0) {
		if (!rescue(ed))
			keep_lost(ed);
	} else if (tui_editor_dirty(ed)) {
		/* Saved, but what cannot be stored as typed (a header
		 * field) is left: it goes, as typed, to a rescue file. */
		for (size_t i = 0; i < ed->npg; i++)
			if (ed->pg[i]->ops->force)
				ed->pg[i]->ops->force(ed->pg[i]);
		ed->host.t->rescued_invalid = true;
		if (!rescue(ed))
			keep_lost(ed);
	}
}
