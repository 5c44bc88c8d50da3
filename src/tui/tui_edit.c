/*
 * The text widget: maps keys onto the editing buffer (textbuf.c) and draws
 * the buffer's layout.  Everything about where lines break and where the
 * cursor is comes from textbuf, so this file only translates keys and puts
 * already-measured lines on the screen.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/textbuf.h"
#include "lib/buf.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"
#include "tui/tui.h"

/*
 * Rows of text already on the screen, as curses cells.  The frame is
 * redrawn whole on every key, but most text rows are the same as before:
 * copying their cells back costs far less than converting the UTF-8 again
 * (measured: most of a keystroke's time went to waddnstr's conversions).
 */
struct rowcache {
	char		*bytes;
	size_t		 n;
	cchar_t		*cells;
	int		 ncells;
};
static struct rowcache *cache;
static int cache_rows, cache_x, cache_w;

static void
cache_reset(int h, int x, int w)
{
	for (int i = 0; i < cache_rows; i++) {
		free(cache[i].bytes);
		free(cache[i].cells);
	}
	free(cache);
	cache = h > 0 ? xcalloc((size_t)h, sizeof *cache) : NULL;
	cache_rows = h;
	cache_x = x;
	cache_w = w;
}

void
tui_edit_forget(void)
{
	cache_reset(0, 0, 0);
}

/* Draws one laid-out row, from the cache when it is unchanged. */
static void
draw_row(int r, int y, int x, int w, const char *s, size_t n)
{
	struct rowcache *c = &cache[r];

	if (c->cells && c->n == n && memcmp(c->bytes, s, n) == 0) {
		mvadd_wchnstr(y, x, c->cells, c->ncells);
		return;
	}
	tui_put(y, x, w, s, n);
	free(c->bytes);
	free(c->cells);
	c->bytes = xmalloc(n + 1);
	memcpy(c->bytes, s, n);
	c->n = n;
	c->ncells = w;
	c->cells = xcalloc((size_t)w + 1, sizeof *c->cells);
	mvin_wchnstr(y, x, c->cells, w);
}

bool
tui_edit_key(struct textbuf *tb, const struct tui_event *ev)
{
	struct buf b = BUF_INIT;

	if (ev->kind == EV_PASTE) {
		tb_insert(tb, ev->paste, ev->pastelen);
		tb_break_undo(tb);
		return true;
	}
	if (ev->kind == EV_CHAR) {
		int c = ev->code;

		if (c == '\r' || c == '\n') {
			if (tb->single_line)
				return false;
			tb_insert(tb, "\n", 1);
			return true;
		}
		if (c == 127 || c == TK_CTRL('H')) {
			tb_backspace(tb);
			return true;
		}
		if (c == TK_CTRL('Z')) {
			tb_undo(tb);
			return true;
		}
		if (c == TK_CTRL('Y')) {
			tb_redo(tb);
			return true;
		}
		if (c == TK_CTRL('A')) {
			tb_move(tb, TB_HOME);
			return true;
		}
		if (c == TK_CTRL('E')) {
			tb_move(tb, TB_END);
			return true;
		}
		if (c < 0x20 && c != '\t')
			return false;
		if (c == '\t')
			return false;	/* Tab moves between fields */
		utf8_encode(&b, c);
		tb_insert(tb, b.s, b.len);
		buf_free(&b);
		return true;
	}
	if (ev->kind != EV_KEY)
		return false;
	switch (ev->code) {
	case KEY_LEFT:		tb_move(tb, TB_LEFT); break;
	case KEY_RIGHT:		tb_move(tb, TB_RIGHT); break;
	case TK_C_LEFT:		tb_move(tb, TB_WORD_LEFT); break;
	case TK_C_RIGHT:	tb_move(tb, TB_WORD_RIGHT); break;
	case KEY_HOME:		tb_move(tb, TB_HOME); break;
	case KEY_END:		tb_move(tb, TB_END); break;
	case TK_C_HOME:		tb_move(tb, TB_TOP); break;
	case TK_C_END:		tb_move(tb, TB_BOTTOM); break;
	case KEY_BACKSPACE:	tb_backspace(tb); break;
	case KEY_DC:		tb_delete(tb); break;
	case KEY_ENTER:
		if (tb->single_line)
			return false;
		tb_insert(tb, "\n", 1);
		break;
	case KEY_UP:
	case KEY_DOWN:
	case KEY_PPAGE:
	case KEY_NPAGE:
		if (tb->single_line)
			return false;
		tb_move(tb, ev->code == KEY_UP ? TB_UP :
		    ev->code == KEY_DOWN ? TB_DOWN :
		    ev->code == KEY_PPAGE ? TB_PGUP : TB_PGDN);
		break;
	default:
		return false;
	}
	return true;
}

bool
tui_edit_takes(const struct textbuf *tb, const struct tui_event *ev)
{
	int c = ev->code;

	if (ev->kind == EV_PASTE)
		return true;
	if (ev->kind == EV_CHAR)
		return ((c == '\r' || c == '\n') && !tb->single_line) ||
		    c == 127 || c == TK_CTRL('H') || c == TK_CTRL('Z') ||
		    c == TK_CTRL('Y') || c == TK_CTRL('A') ||
		    c == TK_CTRL('E') || c >= 0x20;
	if (ev->kind != EV_KEY)
		return false;
	switch (c) {
	case KEY_LEFT: case KEY_RIGHT: case TK_C_LEFT: case TK_C_RIGHT:
	case KEY_HOME: case KEY_END: case TK_C_HOME: case TK_C_END:
	case KEY_BACKSPACE: case KEY_DC:
		return true;
	case KEY_ENTER: case KEY_UP: case KEY_DOWN: case KEY_PPAGE:
	case KEY_NPAGE:
		return !tb->single_line;
	default:
		return false;
	}
}

/* A one-line field scrolls sideways to keep the cursor in view; one
 * without the cursor shows the start of its text, as it is read. */
static void
draw_single(struct textbuf *tb, int y, int x, int w, bool cursor)
{
	const char *s = tb_text(tb);
	size_t start = 0, col = utf8_width(s, tb->cur);

	if (!cursor) {
		tui_puts(y, x, w, s);
		return;
	}
	while (col + 1 > (size_t)w && start < tb->cur) {
		size_t n = utf8_next(s, tb->len, start);

		col -= utf8_width(s + start, n - start);
		start = n;
	}
	tui_put(y, x, w, s + start, tb->len - start);
	move(y, x + (int)col);
	curs_set(1);
}

void
tui_edit_draw(struct textbuf *tb, int y, int x, int h, int w, bool cursor)
{
	const char *s = tb_text(tb);
	size_t row, col;

	if (h <= 0 || w <= 1)
		return;
	if (tb->single_line) {
		draw_single(tb, y, x, w, cursor);
		return;
	}
	if (tb->width != (size_t)w - 1 || tb->height != (size_t)h)
		tb_view(tb, (size_t)w, (size_t)h);
	tb_scroll(tb, &row, &col);
	if (h != cache_rows || x != cache_x || w != cache_w)
		cache_reset(h, x, w);
	for (size_t r = 0; r < tb->nvis && (int)r < h; r++)
		draw_row((int)r, y + (int)r, x, w, s + tb->vis[r], tb->visn[r]);
	if (cursor) {
		move(y + (int)row, x + (int)col);
		curs_set(1);
	}
}
