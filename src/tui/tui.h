/*
 * The screens' shared interface and the one place that includes curses:
 * every tui*.c includes this header and nothing else of curses, and no core
 * module includes it.  A screen is a struct tui_screen (draw, key, tick,
 * leave, free), run by tui_run(); the helpers here read keys into events
 * (including bracketed paste as one event), draw clipped and escaped text,
 * and show the small modal dialogs every screen needs.
 */
#ifndef MINUTES_TUI_H
#define MINUTES_TUI_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "lib/buf.h"

struct err;
struct store;
struct textbuf;
struct tmpl_set;

/* Keys ncurses has no name for, defined from their xterm sequences. */
enum {
	TK_PASTE_BEGIN = KEY_MAX + 1,
	TK_PASTE_END,
	TK_C_LEFT,
	TK_C_RIGHT,
	TK_C_HOME,
	TK_C_END,
	TK_C_PGUP,
	TK_C_PGDN,
	TK_C_UP,
	TK_C_DOWN
};

#define TK_CTRL(c)	((c) & 0x1f)

enum tui_ev_kind { EV_CHAR, EV_KEY, EV_PASTE, EV_TICK, EV_RESIZE };

struct tui_event {
	enum tui_ev_kind kind;
	int		 code;		/* the character or KEY_* code */
	const char	*paste;		/* EV_PASTE: UTF-8 text */
	size_t		 pastelen;
};

/* What a screen's key handler asks of the loop. */
enum tui_act { TUI_STAY, TUI_LEAVE, TUI_QUIT };

struct tui_screen {
	void		*data;
	void		(*draw)(struct tui_screen *);
	enum tui_act	(*key)(struct tui_screen *, const struct tui_event *);
	/* Called when idle (every ~100 ms); true to redraw. */
	bool		(*tick)(struct tui_screen *);
	/* A signal asks the program to end: save what can be saved. */
	void		(*leave)(struct tui_screen *);
	/* Work done in small steps while no key waits, such as reading the
	 * rest of a long list after its first page is shown; true while
	 * some is left.  Each key may bring more (called again after it). */
	bool		(*work)(struct tui_screen *);
};

/* Everything the screens share. */
struct tui {
	struct store	*store;
	struct tmpl_set	*tmpls;
	const char	*lang;
	bool		 quit;		/* a signal or a screen ended the program */
	struct buf	 rescued;	/* rescue files written, one a line */
	bool		 rescued_invalid;	/* only for values that could
						 * not be stored as typed */
	/* Meetings neither the database nor a rescue file could take, as
	 * Markdown: printed once the screen is gone, the last resort. */
	struct buf	 lost;
};

extern volatile sig_atomic_t tui_signal;	/* the signal that asks us to end */

/* Signals first (before curses, so ours win), then the terminal. */
void	 tui_signals_install(void);
int	 tui_start(char *errbuf, size_t errlen);
void	 tui_stop(void);
/* Runs a screen until its key handler says leave or quit, or a signal
 * arrives; returns TUI_LEAVE or TUI_QUIT. */
enum tui_act tui_run(struct tui_screen *);
/* A function run as each dialog (a question, the help, a choice, a form)
 * opens: the editor saves then, since its own timer does not run while a
 * dialog has the keys.  Setting one returns the one it replaces, to be
 * put back when the screen that set it ends. */
struct tui_hook {
	void	(*fn)(void *);
	void	*arg;
};
struct tui_hook tui_set_dialog_hook(struct tui_hook);
void	 tui_dialog_opens(void);
/* Reads the next event, waiting at most the tick (100 ms), or less
 * once after tui_wake_in. */
void	 tui_read(struct tui_event *);
/* Asks for the next tick within ms, for work that waits for a short
 * pause in typing; the earliest of several asks wins. */
void	 tui_wake_in(int ms);
/* Milliseconds of a monotonic clock. */
int64_t	 tui_now_ms(void);

/* Drawing helpers: text is escaped (control characters as ^X) and cut to
 * the given width in whole graphemes; nothing is drawn past the edge.
 * Return the columns used.  tui_put draws exactly the bytes given (text
 * already laid out); tui_puts and tui_cell (a table cell) end text that
 * does not fit in "…", so a cut never reads as a whole word. */
int	 tui_put(int y, int x, int width, const char *s, size_t len);
int	 tui_puts(int y, int x, int width, const char *s);
int	 tui_cell(int y, int x, int width, const char *s);
/* A full-width bar (title or status line) with left and right text. */
void	 tui_bar(int y, const char *left, const char *right, attr_t attr);
void	 tui_fill(int y, int x, int width, attr_t attr);
/* printf into a static buffer, for labels. */
const char *tui_fmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A framed box of h rows and w columns in the middle of the screen (wide
 * enough for its title, no larger than the screen); sets its inner area. */
void	 tui_frame(int h, int w, const char *title, int *iy, int *ix, int *ih,
	    int *iw);

/* Modal dialogs, drawn over the screen.  tui_ask shows a message and
 * returns the key pressed among those in keys (e.g. "yn"), or 0 on Esc or
 * a signal.  A yes/no question takes y and n, upper or lower case, and
 * the interface language's own keys for them (c and k in Vietnamese),
 * returned as y and n; its message ends in the hint, e.g. "(y/n)". */
int	 tui_ask(const char *title, const char *msg, const char *keys);
/* tui_ask for a question that may open while the secretary is typing:
 * the keys of a burst of typing (waiting when it opens, or following
 * one another within 0.3 s) are held back, never taken as the answer.
 * The caller then gives them back (tui_ahead_replay: the next reads
 * return them first) or drops them (tui_ahead_drop: how many). */
int	 tui_ask_typing(const char *title, const char *msg, const char *keys);
size_t	 tui_ahead_held(void);
/* Holds ev, read by a screen that cannot take it yet, to be given back
 * with the rest by tui_ahead_replay. */
void	 tui_ahead_hold(const struct tui_event *);
void	 tui_ahead_replay(void);
size_t	 tui_ahead_drop(void);
/* Shows pairs of (key, description) until a key other than a scrolling
 * one is pressed; wraps and scrolls to fit any screen. */
void	 tui_help(const char *title, const char *const *pairs);
/* Before a file the secretary named is written: false for an empty
 * name, for the database itself (said in a dialog), and for a file
 * that exists unless the secretary says to replace it. */
bool	 tui_may_write(const char *path, const char *dbpath);
/* Lets the user pick one of n items; returns its index or -1. */
int	 tui_choose(const char *title, const char *const *items, size_t n,
	    size_t current);

/* The text widget (tui_edit.c).  tui_edit_key handles editing and movement
 * keys, paste and undo; returns true if it used the event. */
bool	 tui_edit_key(struct textbuf *, const struct tui_event *);
/* True if tui_edit_key would take ev (and touch nothing but tb). */
bool	 tui_edit_takes(const struct textbuf *, const struct tui_event *);
/* Draws the text in rows [y, y+h) and columns [x, x+w), scrolled so the
 * cursor shows; if cursor is true, places the terminal cursor. */
void	 tui_edit_draw(struct textbuf *, int y, int x, int h, int w,
	    bool cursor);
/* Forgets the rows the text widget remembers (at the end). */
void	 tui_edit_forget(void);

/* A form of labelled one-line fields and choices (tui_form.c). */
struct tui_field {
	const char	*label;
	struct textbuf	*tb;		/* a text field, or NULL for a choice */
	const char *const *choices;	/* a choice: its items */
	size_t		 nchoices;
	size_t		 choice;
};
struct tui_form {
	struct tui_field *f;
	size_t		 n;
	size_t		 cur;
	int		 labelw;	/* columns of the label column */
	size_t		 top;
	/* Ctrl-N in tui_form_run: offers completions for the current
	 * field, or NULL. */
	void		(*complete)(struct tui_form *, void *arg);
	void		*carg;
	/* In tui_form_run: called with carg after each key that changed
	 * the form (a field typed into, a choice turned), or NULL. */
	void		(*changed)(struct tui_form *, void *arg);
	/* A line shown dim under the fields, or NULL (the caller may
	 * change it in changed). */
	const char	*note;
};
enum tui_form_res { FORM_NONE, FORM_USED, FORM_ACCEPT, FORM_CANCEL };
void	 tui_form_draw(struct tui_form *, int y, int x, int h, int w,
	    bool cursor);
enum tui_form_res tui_form_key(struct tui_form *, const struct tui_event *);
/* Runs a form in a box over the screen; true if accepted. */
bool	 tui_form_run(struct tui_form *, const char *title, const char *hint);
/* A form of one text field (a note): true if accepted, with what was
 * typed in *out (malloc'd; NULL when nothing was). */
bool	 tui_form_line(const char *title, const char *label, int labelw,
	    const char *hint, char **out);
/* Ctrl-N in a series field: offers the series so far whose names contain
 * what tb holds (folded, as search matches) and puts the one chosen in
 * tb, the cursor at its end.  1 when tb now holds one, 0 when none was
 * chosen, -1 (e set) when the store could not say. */
int	 tui_offer_series(struct store *, struct textbuf *tb, struct err *);

/* A scrollable list of rows (tui_list.c): the caller draws each row. */
struct tui_list {
	size_t		 n, cur, top;
	int		 rows;		/* rows shown, set by tui_list_draw */
};
void	 tui_list_draw(struct tui_list *, int y, int x, int h, int w,
	    void (*row)(void *, size_t i, int y, int x, int w, bool sel),
	    void *arg);
/* Up/Down/PgUp/PgDn/Home/End; true if used. */
bool	 tui_list_key(struct tui_list *, const struct tui_event *);
/* The widths of a table's n columns in w: a column with a fixed width
 * keeps it; the others share the rest (at least min), num/den of it
 * each, and the one with den 0 takes what is left. */
struct tui_col {
	int		 fixed, num, den;
};
void	 tui_columns(int w, int min, const struct tui_col *, int n, int *cw);
/* The width a column of item statuses needs: its heading's or its longest
 * status word's in the language shown ("Trạng thái" cut to "Trạng th"
 * reads as nothing), plus one for the gap after it. */
int	 tui_status_width(const char *heading);

/* The screens. */
enum tui_act tui_meetings_run(struct tui *);
/* Opens the editor on meeting id; section is a key or NULL. */
enum tui_act tui_editor_run(struct tui *, int64_t id, const char *section);
/* The same with the cursor at byte offset at of the section's text (where
 * a task was found), or at its end when at is negative. */
enum tui_act tui_editor_run_at(struct tui *, int64_t id, const char *section,
	    int64_t at);
/* The action review of every meeting (tui_actions.c). */
enum tui_act tui_actions_run(struct tui *);
/* One task of the review shown whole, with its history and source
 * (tui_actions_item.c); opens the editor there when asked.  A failure
 * to read it is put in msg. */
enum tui_act tui_action_item(struct tui *, int64_t id, const char *today,
	    char *msg, size_t msglen);
/* Search as you type over every meeting (tui_search.c). */
enum tui_act tui_search_run(struct tui *);
/* Asks for a format and file name and exports meeting id (tui_export.c). */
void	 tui_export_run(struct tui *, int64_t id);

#endif
