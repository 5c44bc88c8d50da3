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

#include "core/model.h"
#include "tui/editor/tui_page.h"

struct extractor;
struct store_base;
struct tui_screen;

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
	char		 sticky[300];	/* news of a conflict, */
	int64_t		 sticky_until;	/* kept in view till then */
};

/* Waiting for another program's lock: briefly while typing (a failed
 * save is retried), longer when leaving, the last chance to save. */
#define BUSY_TYPING_MS	150
#define BUSY_LEAVING_MS	3000

/* The screen's draw function (tui_editor_draw.c). */
void	 tui_editor_draw(struct tui_screen *);

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
/* tui_editor_save that also takes in the header, roster and tasks
 * another instance saved, when nothing here changed them. */
int	 tui_editor_pull(struct editor *);
/* "Saved at" in the status line, after any news. */
void	 tui_editor_saved_now(struct editor *);
/* F10: true when the program may end, saved or the loss accepted. */
bool	 tui_editor_may_leave(struct editor *);
/* The screen's leave function: a signal ends the program. */
void	 tui_editor_leave(struct tui_screen *);

#endif
