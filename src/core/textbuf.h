/*
 * The editing buffer behind every text field of the screens: the text, the
 * cursor, undo and redo, and the layout of the text into screen lines by
 * display width.  It knows nothing of curses, so all of editing, including
 * the awkward parts (combining marks arriving one code point at a time,
 * grapheme steps, wrapping), is unit-tested without a terminal; the screen
 * code only draws what the layout functions describe.
 *
 * The text is one contiguous NFC UTF-8 string.  Inserting even into a 50 KB
 * section moves at most 50 KB, which costs microseconds, so a gap buffer or
 * rope would add complexity without a measurable gain.  Layout is computed
 * on demand from the start of the paragraph concerned, never for the whole
 * text, so a keystroke costs the same in a short note and a long report.
 */
#ifndef MINUTES_TEXTBUF_H
#define MINUTES_TEXTBUF_H

#include <stdbool.h>
#include <stddef.h>

struct tb_edit;

struct textbuf {
	char		*s;		/* NUL-terminated, NFC */
	size_t		 len, cap;
	size_t		 cur;		/* cursor, a byte offset on a grapheme boundary */
	size_t		 goal;		/* column kept by Up/Down */
	bool		 goal_set;
	bool		 single_line;	/* newlines become spaces */
	size_t		 width;		/* wrap width in columns (>= 1) */
	size_t		 height;	/* lines shown, for scrolling and paging */
	size_t		 top;		/* start of the first line shown */
	unsigned long	 changes;	/* bumped by every change of the text */
	struct tb_edit	*undo;		/* [0, nundo) done, [nundo, nedit) redoable */
	size_t		 nundo, nedit, capedit;
	bool		 nomerge;	/* the next edit starts a new undo step */
	/* The lines shown, as laid out by the last tb_scroll, so drawing
	 * does not lay them out again: vis[i] starts a line of visn[i] bytes. */
	size_t		*vis, *visn;
	size_t		 nvis, viscap;
	unsigned long	 vis_changes;	/* changes when top was last checked */
	size_t		 vis_width;
};

enum tb_move {
	TB_LEFT, TB_RIGHT, TB_WORD_LEFT, TB_WORD_RIGHT, TB_HOME, TB_END,
	TB_UP, TB_DOWN, TB_PGUP, TB_PGDN, TB_TOP, TB_BOTTOM
};

void	 tb_init(struct textbuf *);
void	 tb_free(struct textbuf *);
/* Replaces the whole text (normalised to NFC), forgets undo, puts the
 * cursor at the start. */
void	 tb_set(struct textbuf *, const char *s, size_t len);
/* The text, NUL-terminated, never NULL. */
const char *tb_text(const struct textbuf *);

/* Inserts valid UTF-8 at the cursor as typed or pasted: CR and CRLF become
 * LF, NUL bytes are dropped, and the text around the insertion is put in
 * NFC so a combining mark typed after its letter composes with it.  One
 * call is one undo step (typed characters merge into words). */
void	 tb_insert(struct textbuf *, const char *s, size_t len);
/* Deletes the grapheme before / after the cursor. */
void	 tb_backspace(struct textbuf *);
void	 tb_delete(struct textbuf *);
void	 tb_move(struct textbuf *, enum tb_move);
/* Puts the cursor at byte offset off (at the grapheme boundary at or
 * before it, and at the end when past it). */
void	 tb_goto(struct textbuf *, size_t off);
/* Undo and redo one step; false when there is nothing to do. */
bool	 tb_undo(struct textbuf *);
bool	 tb_redo(struct textbuf *);
/* Ends the current undo step, e.g. when the cursor moves. */
void	 tb_break_undo(struct textbuf *);

/* Layout.  tb_view sets the area the text is shown in: lines wrap at
 * cols - 1 so the cursor always has a cell after the last character. */
void	 tb_view(struct textbuf *, size_t cols, size_t rows);
/* The screen line that starts at start: *n bytes to show, *next where the
 * following line starts.  Returns false if it is the last line. */
bool	 tb_line(const struct textbuf *, size_t start, size_t *n, size_t *next);
/* The start of the screen line holding byte offset off. */
size_t	 tb_line_start(const struct textbuf *, size_t off);
/* Scrolls so the cursor is shown; then *row, *col is where it is, and
 * vis/visn/nvis describe the lines shown. */
void	 tb_scroll(struct textbuf *, size_t *row, size_t *col);

#endif
