/*
 * Terminal set-up and the event loop shared by the screens (see tui.h).
 * The loop draws a whole frame into curses' virtual screen and shows it
 * with one doupdate(), so curses sends only the cells that changed: typing
 * a letter writes a few bytes, never a full redraw.  Signals that ask the
 * program to end only set a flag here; the loop notices it within one tick
 * (100 ms) and lets the screen save before the terminal is restored.
 */
#include "config.h"

#include <langinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lib/i18n.h"
#include "lib/paths.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"
#include "tui/tui.h"
#include "tui/tui_ahead.h"

#define TICK_MS	100

volatile sig_atomic_t tui_signal;

static struct tui_screen *current;	/* drawn under dialogs */
static struct buf paste;
static struct buf putbuf;	/* reused by tui_put: drawing is per keystroke */
static SCREEN *scr;

static void
on_signal(int sig)
{
	tui_signal = sig;
}

void
tui_signals_install(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a blocked read returns and the loop looks. */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	/* A closed terminal must not kill us before the last save. */
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
}

int64_t
tui_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static const struct {
	const char	*seq;
	int		 code;
} extra_keys[] = {
	{ "\033[200~", TK_PASTE_BEGIN },
	{ "\033[201~", TK_PASTE_END },
	{ "\033[1;5D", TK_C_LEFT },
	{ "\033[1;5C", TK_C_RIGHT },
	{ "\033[1;5A", TK_C_UP },
	{ "\033[1;5B", TK_C_DOWN },
	{ "\033[1;5H", TK_C_HOME },
	{ "\033[1;5F", TK_C_END },
	{ "\033[5;5~", TK_C_PGUP },
	{ "\033[6;5~", TK_C_PGDN },
	{ "\033[Z", KEY_BTAB },
	{ "\033[1~", KEY_HOME },
	{ "\033[4~", KEY_END },
	{ "\033OH", KEY_HOME },
	{ "\033OF", KEY_END },
	{ "\033[H", KEY_HOME },
	{ "\033[F", KEY_END },
};

int
tui_start(char *errbuf, size_t errlen)
{
	const char *cs = nl_langinfo(CODESET);

	if (cs == NULL || (strcmp(cs, "UTF-8") != 0 && strcmp(cs, "utf8") != 0)) {
		snprintf(errbuf, errlen, "%s",
		    _("the screens need a UTF-8 locale (e.g. LC_ALL=C.UTF-8)"));
		return -1;
	}
	scr = newterm(NULL, stdout, stdin);
	if (scr == NULL) {
		snprintf(errbuf, errlen, _("cannot use terminal \"%s\""),
		    getenv("TERM") ? getenv("TERM") : "");
		return -1;
	}
	set_term(scr);
	set_escdelay(25);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	timeout(TICK_MS);
	/* NO_COLOR (no-color.org): set and not empty, no colour at all;
	 * without start_color the pairs the screens ask for draw nothing. */
	if (has_colors() && !(getenv("NO_COLOR") && *getenv("NO_COLOR"))) {
		start_color();
		use_default_colors();
	}
	for (size_t i = 0; i < sizeof extra_keys / sizeof extra_keys[0]; i++)
		define_key(extra_keys[i].seq, extra_keys[i].code);
	/* Bracketed paste: a paste arrives between \e[200~ and \e[201~. */
	fputs("\033[?2004h", stdout);
	fflush(stdout);
	return 0;
}

void
tui_stop(void)
{
	if (scr == NULL)
		return;
	fputs("\033[?2004l", stdout);
	fflush(stdout);
	endwin();
	delscreen(scr);
	scr = NULL;
	buf_free(&paste);
	buf_free(&putbuf);
	tui_edit_forget();
}

/* Collects a bracketed paste up to its end marker. */
static void
read_paste(struct tui_event *ev)
{
	wint_t wc;
	int r, idle = 0;

	buf_reset(&paste);
	timeout(TICK_MS);	/* the caller may have been polling */
	/* A paste arrives as fast as the terminal sends it; stop after 2 s
	 * of silence rather than wait forever for a lost end marker. */
	while (idle < 20) {
		r = get_wch(&wc);
		if (r == ERR) {
			if (tui_signal)
				break;
			idle++;
			continue;
		}
		idle = 0;
		if (r == KEY_CODE_YES) {
			if (wc == TK_PASTE_END)
				break;
			if (wc == KEY_ENTER)
				buf_addc(&paste, '\n');
			continue;
		}
		utf8_encode(&paste, (int32_t)wc);
	}
	ev->kind = EV_PASTE;
	ev->paste = buf_str(&paste);
	ev->pastelen = paste.len;
}

static struct tui_hook dialog_hook;

struct tui_hook
tui_set_dialog_hook(struct tui_hook h)
{
	struct tui_hook old = dialog_hook;

	dialog_hook = h;
	return old;
}

void
tui_dialog_opens(void)
{
	if (dialog_hook.fn)
		dialog_hook.fn(dialog_hook.arg);
}

/* A tick sooner than TICK_MS, asked for by a screen; -1 when none. */
static int wake_ms = -1;

void
tui_wake_in(int ms)
{
	if (ms < 0)
		ms = 0;
	if (wake_ms < 0 || ms < wake_ms)
		wake_ms = ms;
}

void
tui_read(struct tui_event *ev)
{
	wint_t wc;
	int r, wait = wake_ms >= 0 && wake_ms < TICK_MS ? wake_ms : TICK_MS;

	if (tui_ahead_next(ev))
		return;
	wake_ms = -1;
	if (wait != TICK_MS)
		timeout(wait);
	r = get_wch(&wc);
	if (wait != TICK_MS)
		timeout(TICK_MS);

	memset(ev, 0, sizeof *ev);
	if (r == ERR) {
		ev->kind = EV_TICK;
	} else if (r == KEY_CODE_YES) {
		if (wc == KEY_RESIZE) {
			ev->kind = EV_RESIZE;
		} else if (wc == TK_PASTE_BEGIN) {
			read_paste(ev);
		} else {
			ev->kind = EV_KEY;
			ev->code = (int)wc;
		}
	} else {
		ev->kind = EV_CHAR;
		ev->code = (int)wc;
	}
}

static void
draw_current(void)
{
	erase();
	curs_set(0);
	if (current && current->draw)
		current->draw(current);
}

static void
show(void)
{
	wnoutrefresh(stdscr);
	doupdate();
}

enum tui_act
tui_run(struct tui_screen *s)
{
	struct tui_screen *prev = current;
	struct tui_event ev;
	enum tui_act res = TUI_LEAVE;
	bool redraw = true, busy = s->work != NULL;

	current = s;
	for (;;) {
		if (tui_signal) {
			if (s->leave)
				s->leave(s);
			res = TUI_QUIT;
			break;
		}
		if (s->tick && s->tick(s))
			redraw = true;
		if (redraw) {
			draw_current();
			show();
			redraw = false;
		}
		/* With work to do, a key waiting goes first; otherwise one
		 * step of the work. */
		if (busy)
			tui_wake_in(0);
		tui_read(&ev);
		if (busy && ev.kind == EV_TICK) {
			busy = s->work(s);
			continue;
		}
		if (ev.kind == EV_TICK)
			continue;
		redraw = true;
		busy = s->work != NULL;
		if (ev.kind == EV_RESIZE)
			continue;
		res = s->key(s, &ev);
		if (res != TUI_STAY)
			break;
	}
	current = prev;
	return res;
}

const char *
tui_fmt(const char *fmt, ...)
{
	static char b[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(b, sizeof b, fmt, ap);
	va_end(ap);
	return b;
}

/* Draws s escaped and cut to width columns in whole graphemes; when it
 * is cut and mark is set, the last column shows "…" instead.  Returns
 * the columns used. */
static int
put(int y, int x, int width, const char *s, size_t len, bool mark)
{
	struct buf *b = &putbuf;
	size_t n, w;
	bool cut;

	if (y < 0 || y >= LINES || x < 0 || x >= COLS || width <= 0)
		return 0;
	if (width > COLS - x)
		width = COLS - x;
	buf_reset(b);
	/* Controls as ^X or <9B>, bidi overrides as <RLO>: stored text
	 * never sends raw escapes or reorders the line. */
	utf8_escape_ctrl(b, s, len);
	n = utf8_fit(buf_str(b), b->len, (size_t)width);
	cut = mark && n < b->len;
	if (cut)
		n = utf8_fit(buf_str(b), b->len, (size_t)width - 1);
	w = utf8_width(buf_str(b), n);
	if (n > 0)
		mvaddnstr(y, x, buf_str(b), (int)n);
	if (cut)
		mvaddstr(y, x + (int)w++, "\xe2\x80\xa6");
	return (int)w;
}

int
tui_put(int y, int x, int width, const char *s, size_t len)
{
	return put(y, x, width, s, len, false);
}

int
tui_puts(int y, int x, int width, const char *s)
{
	/* Cut text says so in its last column: a heading cut to "Trạng th"
	 * or a title cut mid-word reads as other words. */
	return put(y, x, width, s, strlen(s), true);
}

int
tui_cell(int y, int x, int width, const char *s)
{
	return tui_puts(y, x, width, s);
}

void
tui_fill(int y, int x, int width, attr_t attr)
{
	if (y < 0 || y >= LINES || x < 0 || x >= COLS)
		return;
	if (width > COLS - x)
		width = COLS - x;
	attron(attr);
	mvhline(y, x, ' ', width);
	attroff(attr);
}

void
tui_bar(int y, const char *left, const char *right, attr_t attr)
{
	int rw = right ? (int)utf8_width(right, strlen(right)) : 0;

	tui_fill(y, 0, COLS, attr);
	attron(attr);
	if (right && rw + 2 < COLS)
		tui_puts(y, COLS - rw - 1, rw, right);
	else
		rw = -2;
	tui_puts(y, 1, COLS - rw - 3, left ? left : "");
	attroff(attr);
}

void
tui_frame(int h, int w, const char *title, int *iy, int *ix, int *ih, int *iw)
{
	int y, x, tw = title ? (int)utf8_width(title, strlen(title)) + 6 : 0;

	/* Wide enough for the title, which can be longer than what the box
	 * holds (a translated one often is). */
	if (w < tw)
		w = tw;
	if (w > COLS - 2)
		w = COLS - 2;
	if (h > LINES - 2)
		h = LINES - 2;
	if (w < 4)
		w = 4;
	if (h < 3)
		h = 3;
	y = (LINES - h) / 2;
	x = (COLS - w) / 2;
	for (int r = 0; r < h; r++)
		tui_fill(y + r, x, w, A_NORMAL);
	mvaddch(y, x, ACS_ULCORNER);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	if (y + h - 1 < LINES - 1 || x + w < COLS)
		mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	if (title && *title) {
		attron(A_BOLD);
		tui_puts(y, x + 2, w - 4, tui_fmt(" %s ", title));
		attroff(A_BOLD);
	}
	*iy = y + 1;
	*ix = x + 2;
	*ih = h - 2;
	*iw = w - 4;
}

/* Draws wrapped text; returns the rows used. */
static int
wrapped(int y, int x, int h, int w, const char *s)
{
	size_t len = strlen(s), i = 0, next;
	int r = 0;

	while (i < len && r < h) {
		size_t n = utf8_wrap(s + i, len - i, (size_t)w, &next);

		tui_put(y + r, x, w, s + i, n);
		r++;
		i += next;
	}
	return r;
}

static int
wrapped_rows(const char *s, int w)
{
	size_t len = strlen(s), i = 0, next;
	int r = 0;

	while (i < len) {
		utf8_wrap(s + i, len - i, (size_t)w, &next);
		r++;
		i += next;
	}
	return r;
}

/* A yes/no question (keys holding y and n) also takes the interface
 * language's own two keys: c and k, for có and không, in Vietnamese.
 * Returns the key as y or n, or 0 for another key. */
static int
yes_no(const char *keys, int c)
{
	/* TRANSLATORS: the keys for yes and no, in that order, each one
	 * ASCII letter; y and n are taken too, whatever the language. */
	const char *loc = _("yn");

	if (!strchr(keys, 'y') || !strchr(keys, 'n') || c <= 0 || c >= 128)
		return 0;
	if (c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	if (c == 'y' || c == 'n')
		return c;
	if (strlen(loc) == 2 && c == loc[0])
		return 'y';
	if (strlen(loc) == 2 && c == loc[1])
		return 'n';
	return 0;
}

/* The answer ev gives among keys: a key, y or n, '\n' for Enter, 27 for
 * Esc, or 0 for none. */
static int
answer(const struct tui_event *ev, const char *keys)
{
	int yn;

	if (ev->kind != EV_CHAR)
		return 0;
	if (ev->code == 27)
		return 27;
	if ((yn = yes_no(keys, ev->code)) != 0)
		return yn;
	if (ev->code > 0 && ev->code < 128 && strchr(keys, ev->code))
		return ev->code;
	if (ev->code == '\r' && strchr(keys, '\n'))
		return '\n';
	return 0;
}

/* With typing, a key that is part of a burst of typing is held back
 * (tui_ahead.c), never read as the answer. */
static int
ask(const char *title, const char *msg, const char *keys, bool typing)
{
	struct tui_event ev;
	int a;

	tui_dialog_opens();
	if (typing)
		tui_ahead_begin();
	for (;;) {
		int iy, ix, ih, iw, w = COLS - 10 < 64 ? COLS - 10 : 64;

		if (tui_signal)
			return 0;
		draw_current();
		tui_frame(wrapped_rows(msg, w - 4) + 2, w, title, &iy, &ix, &ih,
		    &iw);
		wrapped(iy, ix, ih, iw, msg);
		show();
		tui_read(&ev);
		a = answer(&ev, keys);
		if (typing && tui_ahead_typing(&ev, a != 0))
			continue;
		if (a != 0)
			return a == 27 ? 0 : a;
	}
}

int
tui_ask(const char *title, const char *msg, const char *keys)
{
	/* Copies: the screen drawn underneath may reuse tui_fmt's buffer. */
	char *t = xstrdup(title), *m = xstrdup(msg);
	int r = ask(t, m, keys, false);

	free(t);
	free(m);
	return r;
}

int
tui_ask_typing(const char *title, const char *msg, const char *keys)
{
	char *t = xstrdup(title), *m = xstrdup(msg);
	int r = ask(t, m, keys, true);

	free(t);
	free(m);
	return r;
}

/* The help's lines: each key in bold with its description beside it,
 * wrapped to the width; on a narrow screen the description goes under
 * its key.  Appends (key or NULL, text) pairs to v. */
static size_t
help_lines(const char *const *pairs, int w, const char ***v, size_t *np,
    size_t *cap)
{
	size_t n = 0, kw = 0;

	for (size_t i = 0; pairs[2 * i]; i++) {
		const char *k = _(pairs[2 * i]);
		size_t kwi = utf8_width(k, strlen(k));

		if (kwi > kw)
			kw = kwi;
	}
	/* Beside its key when the description keeps half the width. */
	if ((int)kw + 2 > w / 2)
		kw = 0;
	for (size_t i = 0; pairs[2 * i]; i++) {
		const char *d = _(pairs[2 * i + 1]);
		size_t len = strlen(d), at = 0, next;
		int dw = kw ? w - (int)kw - 2 : w - 2;

		if (kw == 0) {
			XPUSH(*v, n, *cap);
			(*v)[n++] = _(pairs[2 * i]);
			XPUSH(*v, n, *cap);
			(*v)[n++] = NULL;
		}
		do {
			size_t m = utf8_wrap(d + at, len - at, (size_t)(dw > 1 ?
			    dw : 1), &next);

			XPUSH(*v, n, *cap);
			(*v)[n++] = at == 0 && kw ? _(pairs[2 * i]) : NULL;
			XPUSH(*v, n, *cap);
			(*v)[n++] = xstrndup(d + at, m);
			at += next ? next : len - at;
		} while (at < len);
	}
	*np = n;
	return kw;
}

void
tui_help(const char *title, const char *const *pairs)
{
	struct tui_event ev;
	const char **v = NULL;
	size_t cap = 0, n = 0, top = 0, kw = 0;
	int lastw = -1;

	tui_dialog_opens();
	for (;;) {
		int iy, ix, ih, iw, rows, w = COLS - 4 < 76 ? COLS - 4 : 76;
		bool more;

		if (tui_signal)
			break;
		if (w != lastw) {
			/* Measured again after a resize. */
			for (size_t i = 1; i < n; i += 2)
				free((char *)v[i]);
			n = 0;
			kw = help_lines(pairs, w - 4, &v, &n, &cap);
			lastw = w;
		}
		draw_current();
		tui_frame((int)n / 2 + 4, w, title, &iy, &ix, &ih, &iw);
		rows = ih - 2 > 1 ? ih - 2 : 1;
		if (top + (size_t)rows > n / 2)
			top = n / 2 > (size_t)rows ? n / 2 - (size_t)rows : 0;
		for (size_t i = top; i < n / 2 && (int)(i - top) < rows; i++) {
			const char *k = v[2 * i], *d = v[2 * i + 1];
			int y = iy + (int)(i - top), dx = kw ? (int)kw + 2 : 2;

			if (k) {
				attron(A_BOLD);
				tui_puts(y, ix, kw ? (int)kw : iw, k);
				attroff(A_BOLD);
			}
			if (d)
				tui_puts(y, ix + dx, iw - dx, d);
		}
		more = n / 2 > (size_t)rows;
		attron(A_DIM);
		tui_puts(iy + ih - 1, ix, iw, more ? tui_fmt(_("Up/Down scroll "
		    "(%zu-%zu of %zu); other keys go back."),
		    top + 1, top + (size_t)rows < n / 2 ? top + (size_t)rows :
		    n / 2, n / 2) : _("Press any key to go back."));
		attroff(A_DIM);
		show();
		tui_read(&ev);
		if (ev.kind == EV_KEY && more && (ev.code == KEY_UP ||
		    ev.code == KEY_DOWN || ev.code == KEY_PPAGE ||
		    ev.code == KEY_NPAGE || ev.code == KEY_HOME ||
		    ev.code == KEY_END)) {
			size_t page = rows > 1 ? (size_t)rows - 1 : 1;

			if (ev.code == KEY_UP && top > 0)
				top--;
			else if (ev.code == KEY_DOWN)
				top++;
			else if (ev.code == KEY_PPAGE)
				top = top > page ? top - page : 0;
			else if (ev.code == KEY_NPAGE)
				top += page;
			else if (ev.code == KEY_HOME)
				top = 0;
			else
				top = n / 2;
			continue;
		}
		if (ev.kind == EV_CHAR || ev.kind == EV_KEY || ev.kind == EV_PASTE)
			break;
	}
	for (size_t i = 1; i < n; i += 2)
		free((char *)v[i]);
	free(v);
}

int
tui_choose(const char *title, const char *const *items, size_t n,
    size_t cur)
{
	struct tui_event ev;
	size_t top = 0;

	if (n == 0)
		return -1;
	tui_dialog_opens();
	if (cur >= n)
		cur = 0;
	for (;;) {
		int iy, ix, ih, iw;

		if (tui_signal)
			return -1;
		draw_current();
		tui_frame((int)n + 2, 60, title, &iy, &ix, &ih, &iw);
		if (cur < top)
			top = cur;
		if (cur >= top + (size_t)ih)
			top = cur - (size_t)ih + 1;
		for (size_t i = top; i < n && (int)(i - top) < ih; i++) {
			attr_t a = i == cur ? A_REVERSE : A_NORMAL;

			tui_fill(iy + (int)(i - top), ix - 1, iw + 2, a);
			attron(a);
			tui_puts(iy + (int)(i - top), ix, iw, items[i]);
			attroff(a);
		}
		show();
		tui_read(&ev);
		if (ev.kind == EV_KEY && ev.code == KEY_UP && cur > 0)
			cur--;
		else if (ev.kind == EV_KEY && ev.code == KEY_DOWN && cur + 1 < n)
			cur++;
		else if (ev.kind == EV_KEY && ev.code == KEY_HOME)
			cur = 0;
		else if (ev.kind == EV_KEY && ev.code == KEY_END)
			cur = n - 1;
		else if ((ev.kind == EV_CHAR && (ev.code == '\r' || ev.code == '\n')) ||
		    (ev.kind == EV_KEY && ev.code == KEY_ENTER))
			return (int)cur;
		else if (ev.kind == EV_CHAR && (ev.code == 27 || ev.code == 'q'))
			return -1;
		else if (ev.kind == EV_CHAR && ev.code >= '0' && ev.code <= '9' &&
		    (size_t)(ev.code - '0') < n)
			return ev.code - '0';
	}
}

bool
tui_may_write(const char *path, const char *dbpath)
{
	if (*path == '\0')
		return false;
	if (paths_is_database(path, dbpath)) {
		tui_ask(_("Export"), tui_fmt(_("%s is the database; export to "
		    "another file"), path), "\n");
		return false;
	}
	return access(path, F_OK) != 0 || tui_ask(_("Export"),
	    tui_fmt(_("%s already exists.  Replace it? (y/n)"), path),
	    "yn") == 'y';
}
