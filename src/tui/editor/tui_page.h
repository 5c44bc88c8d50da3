/*
 * The pages of the meeting editor and the one way they reach the editor.
 *
 * A page is a struct page_ops (what every page does: draw, take a key,
 * say whether it is filled, free itself, and the optional operations
 * below) and a state of its own that starts with a struct page.  Each
 * kind lives in its own file: tui_header.c (the header form), tui_text.c
 * (a free-text section, with the suggestions of tui_suggest.c),
 * tui_roster.c (the attendees table), tui_tasks.c (the tasks table) and
 * tui_review.c (the previous meetings' open tasks).  The editor builds
 * them from the template in one table (tui_editor.c) and otherwise knows
 * them only through their operations.
 *
 * A page reaches the editor only through its struct page_host: the
 * meeting and template, the store, the status line, saving, what must be
 * saved, the extractor, and going to where a checklist item is fixed.  Pages never call the editor's own code, so
 * the editor depends on the pages and not the other way round.
 */
#ifndef MINUTES_TUI_PAGE_H
#define MINUTES_TUI_PAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/tmpl.h"

struct action;
struct check_item;
struct extractor;
struct meeting;
struct page;
struct tui;
struct tui_event;

/* The parts of the meeting in memory that a page changed; the editor
 * writes them with its next save. */
enum page_part {
	PART_HEADER = 1 << 0,
	PART_ROSTER = 1 << 1,
	PART_TASKS = 1 << 2,
	PART_ALL = PART_HEADER | PART_ROSTER | PART_TASKS
};

/* What a page may ask of the editor that holds it.  The editor keeps the
 * fields current; pages read them and call the functions. */
struct page_host {
	struct tui	*t;		/* the store, the run's settings */
	struct meeting	*m;		/* the meeting being edited */
	const struct tmpl *tp;		/* its template */
	bool		 readonly;	/* open in another minutes */
	bool		 final;		/* the minutes are final (F9) */
	int64_t		 key_at;	/* when the last key came, any key */
	/* One line in the status bar; an error shows bold. */
	void	(*status)(struct page_host *, bool error, const char *msg);
	/* Parts (enum page_part) of the meeting changed in memory. */
	void	(*changed)(struct page_host *, unsigned parts);
	/* Saves every page now; 0, or the error code after showing it. */
	int	(*save)(struct page_host *);
	/* The extractor, made on first use; NULL (and said in the status
	 * line) when no rules load. */
	struct extractor *(*extractor)(struct page_host *);
	/* Goes to the page and place where a checklist item is fixed. */
	void	(*fix)(struct page_host *, const struct check_item *);
};

/* What a page's key handler asks of the editor afterwards. */
enum page_res {
	PAGE_DONE,	/* nothing more */
	PAGE_HELP,	/* show the page's keys */
	PAGE_SAVE,	/* save now if anything waits (a field was left) */
	PAGE_NEXT	/* go to the next page */
};

/* The section texts one save writes, gathered from the pages. */
struct page_batch {
	const char	**keys;		/* section keys, for the store */
	struct page	**pages;	/* the page each came from */
	size_t		 n;
};

/* The keys F1 shows: a title and pairs of key and description, all
 * N_() strings. */
struct page_help {
	const char	*title;
	const char *const *keys;
};

struct page_ops {
	const struct page_help *help;
	bool		 ask_help;	/* ? shows the help too (a table) */
	/* Draws the page in rows [y, y+h) and columns [x, x+w). */
	void	(*draw)(struct page *, int y, int x, int h, int w);
	/* A key the editor left to the page (typing, the page's keys). */
	enum page_res (*key)(struct page *, const struct tui_event *);
	/* A ✓ in the progress line: the page holds something. */
	bool	(*filled)(const struct page *);

	/* The rest may be NULL. */
	/* Frees the page; NULL when free() is enough. */
	void	(*free)(struct page *);
	/* The page is left for another. */
	void	(*leave)(struct page *);
	/* Idle, on the page shown; true to redraw. */
	bool	(*tick)(struct page *, int64_t now);
	/* A panel below the page (rows wanted, 0 for none), in the
	 * guidance's place, and drawing it. */
	int	(*panel_rows)(const struct page *);
	void	(*panel_draw)(struct page *, int y, int x, int h, int w);
	/* Opened at byte at of the page's text, or at its end if at < 0. */
	void	(*place)(struct page *, int64_t at);
	/* Moves to where a checklist item is fixed; true if it is here.
	 * (An empty section is found by its key, without this.) */
	bool	(*fix)(struct page *, const struct check_item *);
	/* Saving: the page holds what the store does not have yet. */
	bool	(*dirty)(const struct page *);
	/* Puts what was typed into the meeting where it is valid; with
	 * report, an invalid value is said in the status line. */
	void	(*commit)(struct page *, bool report);
	/* The same with invalid values too, as typed, for a rescue file. */
	void	(*force)(struct page *);
	/* Puts the page's text into the meeting and adds it to batch. */
	void	(*stage)(struct page *, struct page_batch *);
	/* The batch it was staged in was stored. */
	void	(*saved)(struct page *);
	/* ev only edits the page's own text (never the meeting, the store
	 * or a dialog), so it may be taken while a save runs. */
	bool	(*plain)(const struct page *, const struct tui_event *);
	/* Another instance's save changed the page's section in the
	 * meeting (merged into it): show it, keeping the cursor's place
	 * and merging in what was typed meanwhile; the passages that
	 * merge kept twice. */
	size_t	(*reload)(struct page *);
};

/* Every page starts with this. */
struct page {
	const struct page_ops *ops;
	struct page_host *host;
	const struct tmpl_section *sec;	/* NULL for the header and review */
	const char	*title;
	const char	*prompt;	/* the guidance, or NULL */
};

/* Starts a page of section sec (or NULL): its title and guidance are
 * the section's. */
static inline void
page_init(struct page *p, const struct page_ops *ops, struct page_host *h,
    const struct tmpl_section *sec)
{
	p->ops = ops;
	p->host = h;
	p->sec = sec;
	if (sec) {
		p->title = sec->heading;
		p->prompt = sec->prompt;
	}
}

/* The page kinds, each made by its own file. */
struct page	*page_header_new(struct page_host *);
/* NULL when the series left nothing to review. */
struct page	*page_review_new(struct page_host *);
struct page	*page_text_new(struct page_host *, const struct tmpl_section *);
struct page	*page_roster_new(struct page_host *,
		    const struct tmpl_section *);
struct page	*page_tasks_new(struct page_host *, const struct tmpl_section *);

/* The editor's keys, the help of the header and text pages. */
extern const struct page_help page_editor_help;
/* Edits a task in a form, the due date resolved against the meeting's
 * date (tui_tasks.c); true if accepted.  Also used by the suggestions. */
bool	 page_task_form(struct page_host *, struct action *, const char *title);
/* The editor's F9 (tui_final.c): the checklist and marking final, or
 * reopening. */
void	 page_final_key(struct page_host *);

#endif
