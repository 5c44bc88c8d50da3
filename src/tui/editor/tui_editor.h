/*
 * The meeting editor's own state, shared by tui_editor.c (keys, the
 * pages' host, opening), tui_editor_save.c (saving and leaving) and
 * tui_editor_draw.c (the frame around the pages).
 * The pages never see it: they hold a struct page_host (tui_page.h), the
 * first member here.  The rest of the program opens the editor via tui.h.
 */
#ifndef MINUTES_TUI_EDITOR_H
#define MINUTES_TUI_EDITOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <pthread.h>
#include <stdatomic.h>

#include "core/model.h"
#include "lib/err.h"
#include "store/store.h"
#include "tui/editor/tui_page.h"

struct extractor;
struct store_base;
struct tui_event;
struct tui_screen;

/* One save: staged on the keys' path, stored (there or on a thread of
 * its own, tui_editor_bg.c), then ended on the keys' path again. */
struct save_job {
	struct page_batch b;		/* the texts */
	unsigned	 parts;		/* enum page_part saved */
	unsigned	 pull;		/* of those, only taken in */
	int		 rc;
	struct err	 e;
	struct store_sync_report rep;
};

/* A save running on its own thread while the secretary types on. */
struct editor_bg {
	bool		 running;
	atomic_bool	 done;
	pthread_t	 th;
	struct save_job	 job;
	/* What the frame shows of the meeting, read before the save began:
	 * the meeting is the thread's until it ends. */
	char		 title[256], id[96];
	bool		*filled;
};

struct editor {
	struct page_host host;		/* first: a page's host is its editor */
	struct meeting	 m;
	struct store_base *base;	/* m as last loaded or saved: what a
					 * save merges another's changes
					 * against (store_meeting_sync) */
	struct page	**pg;		/* built from the template */
	size_t		 npg, cur;
	unsigned	 parts;		/* enum page_part changed, not saved */
	struct extractor *ex;		/* made when first needed; may be NULL */
	bool		 ex_tried;
	int64_t		 last_key, dirty_since, next_retry, lock_beat;
	bool		 index_behind;	/* the search index waits for
					 * store_search_catch_up */
	time_t		 saved_at;
	char		 status[600];
	bool		 status_err;
	bool		 status_routine;	/* "Saved at", not news */
	int64_t		 status_ms;	/* when the status was set */
	struct editor_bg bg;
	char		 sticky[300];	/* news of a conflict, */
	int64_t		 sticky_until;	/* kept in view till then */
};

/* Waiting for another program's lock: briefly while typing (a failed
 * save is retried), longer when leaving, the last chance to save. */
#define BUSY_TYPING_MS	150
#define BUSY_LEAVING_MS	3000

/* The screen's draw function (tui_editor_draw.c), and the reading of
 * what it shows of the meeting into ed->bg. */
void	 tui_editor_draw(struct tui_screen *);
void	 tui_editor_frame_read(struct editor *);

/* Saving and leaving (tui_editor_save.c). */
void	 tui_editor_status(struct editor *, bool error, const char *msg);
/* True while a page or a part of the meeting holds what is not saved. */
bool	 tui_editor_dirty(const struct editor *);
/* What was typed goes into the meeting where it is valid; with report,
 * an invalid value is said in the status line. */
void	 tui_editor_commit(struct editor *, bool report);
/* Saves every dirty page and part; 0, or the error code after saying
 * it in the status line. */
int	 tui_editor_save(struct editor *);
/* tui_editor_save of the texts alone: the header, roster and tasks
 * stay as they are in memory (a dialog's caller may hold a row). */
int	 tui_editor_save_texts(struct editor *);
/* tui_editor_save that also takes in the header, roster and tasks
 * another instance saved, when nothing here changed them. */
int	 tui_editor_pull(struct editor *);
/* The parts of one save (tui_editor_save.c). */
void	 tui_editor_job_stage(struct editor *, struct save_job *,
	    unsigned pull, unsigned only);
void	 tui_editor_job_run(struct editor *, struct save_job *);
int	 tui_editor_job_end(struct editor *, struct save_job *);
/* Saving off the keys' path (tui_editor_bg.c).  tui_editor_bg_start
 * saves on a thread when the page shown is a text, else at once; while
 * it runs, only typing into the text is taken, other keys wait
 * (tui_editor_bg_holds), and nothing else may touch the meeting or the
 * store.  tui_editor_bg_poll ends a finished save (true if one ended);
 * tui_editor_bg_wait waits for one. */
void	 tui_editor_bg_start(struct editor *);
bool	 tui_editor_bg_poll(struct editor *);
void	 tui_editor_bg_wait(struct editor *);
bool	 tui_editor_bg_holds(struct editor *, const struct tui_event *);
void	 tui_editor_bg_free(struct editor *);
/* "Saved at" in the status line, after any news. */
void	 tui_editor_saved_now(struct editor *);
/* F10: true when the program may end, saved or the loss accepted. */
bool	 tui_editor_may_leave(struct editor *);
/* The screen's leave function: a signal ends the program. */
void	 tui_editor_leave(struct tui_screen *);

#endif
