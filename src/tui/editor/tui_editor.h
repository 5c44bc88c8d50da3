/*
 * The meeting editor's own state, shared by tui_editor.c (keys, saving,
 * the pages' host) and tui_editor_draw.c (the frame around the pages).
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
struct tui_screen;

struct editor {
	struct page_host host;		/* first: a page's host is its editor */
	struct meeting	 m;
	struct page	**pg;		/* built from the template */
	size_t		 npg, cur;
	unsigned	 parts;		/* enum page_part changed, not saved */
	struct extractor *ex;		/* made when first needed; may be NULL */
	bool		 ex_tried;
	int64_t		 last_key, dirty_since, next_retry, lock_beat;
	time_t		 saved_at;
	char		 status[600];
	bool		 status_err;
	bool		 status_routine;	/* "Saved at", not news */
	int64_t		 status_ms;	/* when the status was set */
};

/* The screen's draw function (tui_editor_draw.c). */
void	 tui_editor_draw(struct tui_screen *);

#endif
