/*
 * The meeting editor's state, shared by the files that draw its pages:
 * tui_editor.c (header and text pages, saving), tui_roster.c (the
 * attendees table) and tui_tasks.c (the tasks table).  Private to the
 * screens; the rest of the program opens the editor via tui.h.
 */
#ifndef MINUTES_TUI_EDITOR_H
#define MINUTES_TUI_EDITOR_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "core/model.h"
#include "core/textbuf.h"
#include "tui/tui.h"

struct extractor;
struct suggestion;
struct tmpl;
struct tmpl_section;

enum page_kind { PAGE_HEADER, PAGE_TEXT, PAGE_ROSTER, PAGE_TASKS,
	PAGE_REVIEW };

struct page {
	enum page_kind	 kind;
	const struct tmpl_section *sec;	/* NULL for the header and review */
	const char	*title;
	const char	*prompt;
	struct textbuf	 tb;		/* PAGE_TEXT */
	unsigned long	 saved;		/* tb.changes when last saved */
};

#define EDITOR_NHDR 11

struct editor {
	struct tui	*t;
	struct meeting	 m;
	const struct tmpl *tp;
	struct page	*pg;
	size_t		 npg, cur;
	struct tui_form	 hform;
	struct tui_field hfields[EDITOR_NHDR];
	struct textbuf	 htb[EDITOR_NHDR];
	unsigned long	 hsaved[EDITOR_NHDR];
	bool		 header_dirty;	/* m's header differs from the store */
	bool		 roster_dirty;
	bool		 tasks_dirty;
	struct extractor *ex;		/* made when first needed; may be NULL */
	bool		 ex_tried;
	/* Suggestions for the paragraph at the cursor (tui_suggest.c). */
	struct suggestion *sug;
	size_t		 nsug, sug_sel, sug_pstart, sug_pend;
	unsigned long	 sug_changes;	/* the text's changes when found */
	int64_t		 sug_cost_ms;	/* how long the last look took */
	int64_t		 key_at;	/* when the last key came, any key */
	bool		 sug_valid;
	char		**seen;		/* answered digests of one section */
	size_t		 nseen, seen_page;
	bool		 seen_valid;
	/* Earlier meetings' open tasks under review (tui_review.c). */
	struct action	*rev;
	char		**rev_note;	/* the note given here, or NULL */
	size_t		 nrev;
	struct tui_list	 review;
	struct tui_list	 roster, tasks;
	int64_t		 last_key, dirty_since, next_retry, lock_beat;
	time_t		 saved_at;
	char		 status[600];
	bool		 status_err;
	bool		 status_routine;	/* "Saved at", not news */
	int64_t		 status_ms;	/* when the status was set */
	bool		 readonly;	/* open in another minutes */
	bool		 final;		/* the minutes are final (tui_final.c) */
};

bool	 tui_editor_dirty(const struct editor *);
/* The screen's draw function (tui_editor_draw.c). */
void	 tui_editor_draw(struct tui_screen *);
void	 tui_editor_status(struct editor *, bool error, const char *msg);
/* Moves to page i (saving what the page left holds), or to the header
 * field f. */
void	 tui_editor_goto_page(struct editor *, size_t i);
void	 tui_editor_goto_field(struct editor *, enum field f);
/* F9: the checklist and marking final, or reopening final minutes. */
void	 tui_final_key(struct editor *);
/* Saves every dirty page; 0, or the error code after reporting it. */
int	 tui_editor_save(struct editor *);

extern const char *const tui_roster_keys[];
void	 tui_roster_draw(struct editor *, int y, int x, int h, int w);
/* True if the attendee list changed. */
bool	 tui_roster_key(struct editor *, const struct tui_event *);
extern const char *const tui_tasks_keys[];
void	 tui_tasks_draw(struct editor *, int y, int x, int h, int w);
/* Edits a task in a form (the due field resolved); true if accepted. */
bool	 tui_tasks_edit(struct editor *, struct action *, const char *title);
/* True if the tasks changed. */
bool	 tui_tasks_key(struct editor *, const struct tui_event *);
/* The editor's extractor, made on first use; NULL if no rules load. */
struct extractor *tui_editor_extractor(struct editor *);

/* Looks for suggestions once keys pause; true to redraw. */
bool	 tui_suggest_tick(struct editor *, int64_t now);
/* Rows the suggestions panel wants (0 when there are none). */
int	 tui_suggest_rows(const struct editor *);
void	 tui_suggest_draw(struct editor *, int y, int x, int h, int w);
/* Underlines the selected suggestion's words in the text just drawn. */
void	 tui_suggest_highlight(struct editor *, int y, int x, int h, int w);
/* F3/F4/F5 and Ctrl-Up/Down on a text page; true if used. */
bool	 tui_suggest_key(struct editor *, const struct tui_event *);
void	 tui_suggest_free(struct editor *);

extern const char *const tui_review_keys[];
/* Loads the series' open tasks; ed->nrev is 0 when there are none. */
void	 tui_review_load(struct editor *);
void	 tui_review_free(struct editor *);
void	 tui_review_draw(struct editor *, int y, int x, int h, int w);
void	 tui_review_key(struct editor *, const struct tui_event *);

#endif
