/*
 * A scrollable list of rows for the screens that show records (meetings,
 * attendees): it keeps the selection and the first row shown, answers the
 * movement keys, and calls back to draw each visible row, so a screen only
 * says what one row looks like.  And the widths of a table's columns.
 */
#include "config.h"

#include <string.h>

#include "core/model.h"
#include "lib/utf8.h"
#include "tui/tui.h"

void
tui_list_draw(struct tui_list *l, int y, int x, int h, int w,
    void (*row)(void *, size_t, int, int, int, bool), void *arg)
{
	if (h <= 0)
		return;
	l->rows = h;
	if (l->n == 0)
		l->cur = l->top = 0;
	else if (l->cur >= l->n)
		l->cur = l->n - 1;
	if (l->cur < l->top)
		l->top = l->cur;
	if (l->cur >= l->top + (size_t)h)
		l->top = l->cur - (size_t)h + 1;
	for (size_t i = l->top; i < l->n && (int)(i - l->top) < h; i++) {
		bool sel = i == l->cur;

		if (sel)
			tui_fill(y + (int)(i - l->top), x, w, A_REVERSE);
		if (sel)
			attron(A_REVERSE);
		row(arg, i, y + (int)(i - l->top), x, w, sel);
		if (sel)
			attroff(A_REVERSE);
	}
}

bool
tui_list_key(struct tui_list *l, const struct tui_event *ev)
{
	size_t page = l->rows > 1 ? (size_t)l->rows - 1 : 1;

	if (ev->kind != EV_KEY || l->n == 0)
		return false;
	switch (ev->code) {
	case KEY_UP:
		if (l->cur > 0)
			l->cur--;
		break;
	case KEY_DOWN:
		if (l->cur + 1 < l->n)
			l->cur++;
		break;
	case KEY_PPAGE:
		l->cur = l->cur > page ? l->cur - page : 0;
		break;
	case KEY_NPAGE:
		l->cur = l->cur + page < l->n ? l->cur + page : l->n - 1;
		break;
	case KEY_HOME:
		l->cur = 0;
		break;
	case KEY_END:
		l->cur = l->n - 1;
		break;
	default:
		return false;
	}
	return true;
}

void
tui_columns(int w, int min, const struct tui_col *col, int n, int *cw)
{
	int rest = w, left, last = -1;

	for (int k = 0; k < n; k++)
		if (col[k].fixed > 0) {
			cw[k] = col[k].fixed;
			rest -= cw[k];
		}
	if (rest < min)
		rest = min;
	left = rest;
	for (int k = 0; k < n; k++) {
		if (col[k].fixed > 0)
			continue;
		if (col[k].den == 0) {
			last = k;
			continue;
		}
		cw[k] = rest * col[k].num / col[k].den;
		left -= cw[k];
	}
	if (last >= 0)
		cw[last] = left;
}

int
tui_status_width(const char *heading)
{
	int sw = (int)utf8_width(heading, strlen(heading)) + 1;

	for (int i = ACT_OPEN; i <= ACT_DROPPED; i++) {
		const char *l = status_label((enum act_status)i);

		if ((int)utf8_width(l, strlen(l)) + 1 > sw)
			sw = (int)utf8_width(l, strlen(l)) + 1;
	}
	return sw;
}
