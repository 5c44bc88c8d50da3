/*
 * Saving off the keys' path.  Writing a long section takes the store a
 * while (a 10 MB text, some 50-100 ms: SQLite rewrites every page of it),
 * and a key that comes meanwhile must still echo at once.  So the timed
 * saves of a text page run on a thread of their own: the texts are put
 * into the meeting on the keys' path (a copy of a few milliseconds), the
 * thread stores them (store_meeting_sync), and the keys' path ends the
 * save when the thread is done (tui_editor_job_end: the pages learn what
 * was saved, and what came from another instance).
 *
 * While the thread runs, the meeting, its base and the store are its
 * own.  The keys' path then takes only what edits the text page shown
 * (its own buffer: page_ops.plain); every other key waits, held, and is
 * given back when the save ends (tui_ahead_hold), and the frame shows
 * the title and progress as read before the save began.  Saves that a
 * key asks for (leaving a section, Ctrl-S, a dialog, leaving) and every
 * save on another page run on the keys' path, after waiting for the
 * thread.
 */
#include "config.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "lib/xmalloc.h"
#include "tui/editor/tui_editor.h"
#include "tui/editor/tui_page.h"
#include "tui/tui.h"

static void *
run(void *arg)
{
	struct editor *ed = arg;

	tui_editor_job_run(ed, &ed->bg.job);
	atomic_store(&ed->bg.done, true);
	return NULL;
}

/* The page shown takes typing into its own text only. */
static bool
plain_page(const struct editor *ed)
{
	const struct page *p = ed->pg[ed->cur];

	return p->ops->plain != NULL;
}

void
tui_editor_bg_start(struct editor *ed)
{
	struct editor_bg *bg = &ed->bg;
	sigset_t all, old;
	int rc;

	if (bg->running || ed->host.readonly)
		return;
	if (!plain_page(ed)) {
		tui_editor_save(ed);
		return;
	}
	tui_editor_job_stage(ed, &bg->job, 0, PART_ALL);
	/* What the frame shows of the meeting, while the thread has it. */
	tui_editor_frame_read(ed);
	atomic_store(&bg->done, false);
	/* Signals stay the keys' thread's, which saves and ends on them. */
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	rc = pthread_create(&bg->th, NULL, run, ed);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		/* No thread: the save runs here, as it always could. */
		tui_editor_job_run(ed, &bg->job);
		tui_editor_job_end(ed, &bg->job);
		return;
	}
	bg->running = true;
}

static void
end(struct editor *ed)
{
	struct editor_bg *bg = &ed->bg;

	pthread_join(bg->th, NULL);
	bg->running = false;
	tui_editor_job_end(ed, &bg->job);
	/* The keys that waited, in the order they came. */
	if (tui_ahead_held() > 0)
		tui_ahead_replay();
}

bool
tui_editor_bg_poll(struct editor *ed)
{
	if (!ed->bg.running)
		return false;
	if (!atomic_load(&ed->bg.done)) {
		tui_wake_in(5);
		return false;
	}
	end(ed);
	return true;
}

void
tui_editor_bg_wait(struct editor *ed)
{
	if (ed->bg.running)
		end(ed);
}

bool
tui_editor_bg_holds(struct editor *ed, const struct tui_event *ev)
{
	struct page *p = ed->pg[ed->cur];

	/* Once a key waits, every later one waits behind it: keys are
	 * taken in the order they came. */
	if (!ed->bg.running || (tui_ahead_held() == 0 && p->ops->plain &&
	    p->ops->plain(p, ev)))
		return false;
	tui_ahead_hold(ev);
	return true;
}

void
tui_editor_bg_free(struct editor *ed)
{
	tui_editor_bg_wait(ed);
	free(ed->bg.filled);
	ed->bg.filled = NULL;
}
