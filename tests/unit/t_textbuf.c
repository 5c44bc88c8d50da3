/*
 * Unit tests of the editing buffer: typing precomposed and decomposed
 * Vietnamese, grapheme and word movement, undo and redo granularity, paste
 * with CR line ends, wrapping by display width, vertical movement and
 * scrolling.  Each feature is one function, which stops where a step the
 * rest builds on went wrong.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "core/textbuf.h"

static void
type(struct textbuf *tb, const char *s)
{
	/* One code point at a time, as the terminal delivers them. */
	while (*s) {
		size_t n = 1;

		while (((unsigned char)s[n] & 0xc0) == 0x80)
			n++;
		tb_insert(tb, s, n);
		s += n;
	}
}

static void
test_typing(void)
{
	struct textbuf tb;

	tb_init(&tb);
	type(&tb, "Hội nghị");
	is_str(tb_text(&tb), "Hội nghị", "precomposed typing");
	is_int((intmax_t)tb.cur, (intmax_t)strlen("Hội nghị"), "cursor at end");
	tb_set(&tb, "", 0);
	type(&tb, "Vie\xcc\xa3\xcc\x82t");	/* e + dot below + circumflex */
	is_str(tb_text(&tb), "Việt", "combining marks compose to NFC");
	tb_backspace(&tb);
	tb_backspace(&tb);
	is_str(tb_text(&tb), "Vi", "backspace removes a whole letter with its marks");
	tb_set(&tb, "xa\xcc\x81y", 4 + 1);
	is_str(tb_text(&tb), "xáy", "tb_set normalises");
	tb_move(&tb, TB_RIGHT);
	tb_move(&tb, TB_RIGHT);
	is_int((intmax_t)tb.cur, 3, "right steps over a precomposed letter");
	tb_move(&tb, TB_LEFT);
	is_int((intmax_t)tb.cur, 1, "left steps back over it");
	tb_delete(&tb);
	is_str(tb_text(&tb), "xy", "delete removes the letter");
	tb_free(&tb);
}

/* Undo and redo go a word at a time. */
static void
test_undo(void)
{
	struct textbuf tb;

	tb_init(&tb);
	type(&tb, "một hai ba");
	if (!ok(tb_undo(&tb), "undo works"))
		goto out;
	is_str(tb_text(&tb), "một hai ", "undo removes the last word");
	tb_undo(&tb);
	is_str(tb_text(&tb), "một ", "undo again removes the word before");
	ok(tb_redo(&tb), "redo works");
	is_str(tb_text(&tb), "một hai ", "redo puts it back");
	tb_undo(&tb);
	tb_undo(&tb);
	is_str(tb_text(&tb), "", "undo down to nothing");
	ok(!tb_undo(&tb), "nothing more to undo");
	tb_redo(&tb);
	tb_redo(&tb);
	tb_redo(&tb);
	is_str(tb_text(&tb), "một hai ba", "redo everything");
	is_int((intmax_t)tb.cur, (intmax_t)strlen("một hai ba"), "cursor restored");
out:
	tb_free(&tb);
}

/* Typing after an undo drops what could be redone; backspaces in a row
 * are one step; a mark composed onto a letter is in the letter's step. */
static void
test_undo_steps(void)
{
	struct textbuf tb;

	tb_init(&tb);
	type(&tb, "một hai ba");
	if (!ok(tb_undo(&tb), "set-up: one word undone"))
		goto out;
	type(&tb, "X");
	ok(!tb_redo(&tb), "typing after undo drops redo");
	tb_backspace(&tb);
	tb_backspace(&tb);
	tb_backspace(&tb);
	is_str(tb_text(&tb), "một ha", "three backspaces");
	tb_undo(&tb);
	is_str(tb_text(&tb), "một hai X", "one undo restores the backspaces");
	tb_set(&tb, "", 0);
	type(&tb, "a");
	type(&tb, "\xcc\x81");
	tb_undo(&tb);
	is_str(tb_text(&tb), "", "a composed mark is in the same undo step");
out:
	tb_free(&tb);
}

static void
test_paste(void)
{
	struct textbuf tb;
	const char *p = "dòng 1\r\ndòng 2\rdòng 3\n";

	tb_init(&tb);
	type(&tb, "A");
	tb_insert(&tb, p, strlen(p));
	is_str(tb_text(&tb), "Adòng 1\ndòng 2\ndòng 3\n", "paste turns CR into LF");
	tb_undo(&tb);
	is_str(tb_text(&tb), "A", "a paste is one undo step");
	tb.single_line = true;
	tb_insert(&tb, "b\nc", 3);
	is_str(tb_text(&tb), "Ab c", "one-line fields take newlines as spaces");
	tb_free(&tb);
}

static void
test_words(void)
{
	struct textbuf tb;
	const char *s = "Đoàn Thanh niên, Hội";

	tb_init(&tb);
	tb_set(&tb, s, strlen(s));
	tb_move(&tb, TB_WORD_RIGHT);
	is_int((intmax_t)tb.cur, (intmax_t)strlen("Đoàn "), "ctrl-right to the next word");
	tb_move(&tb, TB_WORD_RIGHT);
	tb_move(&tb, TB_WORD_RIGHT);
	is_int((intmax_t)tb.cur, (intmax_t)strlen("Đoàn Thanh niên, "), "over the comma");
	tb_move(&tb, TB_WORD_LEFT);
	is_int((intmax_t)tb.cur, (intmax_t)strlen("Đoàn Thanh "), "ctrl-left to the word start");
	tb_move(&tb, TB_BOTTOM);
	tb_move(&tb, TB_WORD_LEFT);
	is_int((intmax_t)tb.cur, (intmax_t)strlen("Đoàn Thanh niên, "), "ctrl-left from the end");
	tb_free(&tb);
}

static void
test_layout(void)
{
	struct textbuf tb;
	const char *s = "một hai ba bốn năm\nsáu";
	size_t n, next, row, col;

	tb_init(&tb);
	tb_set(&tb, s, strlen(s));
	tb_view(&tb, 9, 2);	/* wraps at 8 columns */
	if (!ok(tb_line(&tb, 0, &n, &next), "first line has a successor")) {
		tb_free(&tb);
		return;
	}
	is_int((intmax_t)n, (intmax_t)strlen("một hai"), "wrapped after a word");
	is_int((intmax_t)next, (intmax_t)strlen("một hai "), "next line skips the space");
	tb_move(&tb, TB_DOWN);
	is_int((intmax_t)tb.cur, (intmax_t)strlen("một hai "), "down by screen line");
	tb_move(&tb, TB_END);
	is_int((intmax_t)tb.cur, (intmax_t)strlen("một hai ba bốn"), "end of the screen line");
	tb_move(&tb, TB_HOME);
	is_int((intmax_t)tb.cur, (intmax_t)strlen("một hai "), "home of the screen line");
	tb_move(&tb, TB_BOTTOM);
	tb_scroll(&tb, &row, &col);
	is_int((intmax_t)row, 1, "scrolled: the cursor on the last row");
	is_int((intmax_t)col, 3, "column by display width");
	is_int((intmax_t)tb_line_start(&tb, tb.top), (intmax_t)tb.top, "top is a line start");
	tb_move(&tb, TB_UP);
	is_int((intmax_t)tb.cur, (intmax_t)strlen("một hai ba bốn năm"), "up onto a shorter line ends at its end");
	tb_move(&tb, TB_TOP);
	tb_scroll(&tb, &row, &col);
	is_int((intmax_t)tb.top, 0, "scrolled back to the top");
	tb_set(&tb, "ab\n", 3);
	tb_move(&tb, TB_BOTTOM);
	tb_scroll(&tb, &row, &col);
	is_int((intmax_t)row, 1, "a final newline opens an empty line");
	is_int((intmax_t)col, 0, "at its first column");
	tb_free(&tb);
}

static void
test_big(void)
{
	struct textbuf tb;
	size_t row, col;

	tb_init(&tb);
	tb_view(&tb, 80, 20);
	for (int i = 0; i < 2000; i++)
		tb_insert(&tb, "Ủy ban MTTQ phường rà soát các chỉ tiêu.\n",
		    strlen("Ủy ban MTTQ phường rà soát các chỉ tiêu.\n"));
	tb_scroll(&tb, &row, &col);
	is_int((intmax_t)row, 19, "after 2000 lines the cursor is on the last row");
	tb_move(&tb, TB_PGUP);
	tb_scroll(&tb, &row, &col);
	ok(row < 20, "page up keeps the cursor in view");
	tb_move(&tb, TB_TOP);
	tb_scroll(&tb, &row, &col);
	is_int((intmax_t)(row + tb.top), 0, "top of the text");
	tb_free(&tb);
}

static void
test_view_refill(void)
{
	struct textbuf tb;
	size_t row, col;

	tb_init(&tb);
	tb_view(&tb, 40, 5);
	for (int i = 0; i < 50; i++)
		tb_insert(&tb, "dòng\n", strlen("dòng\n"));
	tb_insert(&tb, "cuối", strlen("cuối"));
	tb_scroll(&tb, &row, &col);
	if (!is_int((intmax_t)row, 4, "cursor on the last row after 51 lines")) {
		tb_free(&tb);
		return;
	}
	tb_move(&tb, TB_TOP);
	tb_insert(&tb, "Đầu\n", strlen("Đầu\n"));
	tb_move(&tb, TB_BOTTOM);
	tb_undo(&tb);
	tb_scroll(&tb, &row, &col);
	ok(tb.nvis == 5, "the view is full after an undo above it");
	is_int((intmax_t)tb.cur, 0, "undo puts the cursor where the edit was");
	/* Delete most of the text from the end: the view must not be left
	 * showing a lone last line. */
	tb_move(&tb, TB_BOTTOM);
	tb_scroll(&tb, &row, &col);
	for (int i = 0; i < 40 * 5; i++)
		tb_backspace(&tb);
	tb_scroll(&tb, &row, &col);
	is_int((intmax_t)tb.nvis, 5, "after deleting, earlier lines fill the view");
	is_int((intmax_t)row, 4, "and the cursor is on the last row");
	tb_free(&tb);
}

static void
test_controls(void)
{
	struct textbuf tb;
	size_t row, col;

	tb_init(&tb);
	tb_view(&tb, 40, 5);
	tb_set(&tb, "a\tb\001c", 5);
	tb_move(&tb, TB_BOTTOM);
	tb_scroll(&tb, &row, &col);
	is_int((intmax_t)col, 6, "a tab is one column, a control two (^A)");
	tb_free(&tb);
}

/* tb_goto: an offset from a record of the text lands on a grapheme
 * boundary, never inside a letter or between it and its accent. */
static void
test_goto(void)
{
	struct textbuf tb;
	/* "Xx" + combining acute (no precomposed form, so it stays two
	 * code points in NFC), then "đ" (two bytes), then "y". */
	const char s[] = "Xx\xcc\x81\xc4\x91y";

	tb_init(&tb);
	tb_set(&tb, s, sizeof s - 1);
	tb_goto(&tb, 1);
	ok(tb.cur == 1, "goto a boundary");
	tb_goto(&tb, 3);
	ok(tb.cur == 1, "goto inside a letter and its accent: before both");
	tb_goto(&tb, 5);
	ok(tb.cur == 4, "goto inside a two-byte letter: before it");
	tb_goto(&tb, 6);
	ok(tb.cur == 6, "goto the last letter");
	tb_goto(&tb, 99);
	ok(tb.cur == tb.len, "goto past the end: the end");
	tb_goto(&tb, 0);
	ok(tb.cur == 0, "goto the start");
	tb_free(&tb);
}

int
main(void)
{
	test_typing();
	test_undo();
	test_undo_steps();
	test_paste();
	test_words();
	test_layout();
	test_big();
	test_view_refill();
	test_controls();
	test_goto();
	return tap_done();
}
