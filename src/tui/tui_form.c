/*
 * Forms of labelled fields: one-line text fields (edited with the text
 * widget) and choices (cycled with Left/Right or Space).  The same code
 * draws the meeting header inside the editor and the small dialogs (new
 * meeting, attendee), so every form answers the same keys; and the
 * completion of a series field both forms have.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/textbuf.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"
#include "store/store.h"
#include "tui/tui.h"

void
tui_form_draw(struct tui_form *f, int y, int x, int h, int w, bool cursor)
{
	int lw = f->labelw;

	if (h <= 0)
		return;
	if (lw > w / 2)
		lw = w / 2;
	if (f->cur < f->top)
		f->top = f->cur;
	if (f->cur >= f->top + (size_t)h)
		f->top = f->cur - (size_t)h + 1;
	for (size_t i = f->top; i < f->n && (int)(i - f->top) < h; i++) {
		struct tui_field *fd = &f->f[i];
		int r = y + (int)(i - f->top);
		bool here = i == f->cur;

		if (here)
			attron(A_BOLD);
		tui_puts(r, x, lw, fd->label);
		if (here)
			attroff(A_BOLD);
		if (fd->tb) {
			/* Underline the field so empty ones are visible. */
			tui_fill(r, x + lw + 1, w - lw - 1, A_UNDERLINE);
			attron(A_UNDERLINE);
			tui_edit_draw(fd->tb, r, x + lw + 1, 1, w - lw - 1,
			    cursor && here);
			attroff(A_UNDERLINE);
		} else {
			const char *c = fd->nchoices ? fd->choices[fd->choice] : "";

			tui_puts(r, x + lw + 1, w - lw - 1,
			    tui_fmt("< %s >", c));
			if (cursor && here) {
				move(r, x + lw + 3);
				curs_set(1);
			}
		}
	}
}

enum tui_form_res
tui_form_key(struct tui_form *f, const struct tui_event *ev)
{
	struct tui_field *fd;

	if (f->n == 0)
		return FORM_NONE;
	fd = &f->f[f->cur];
	if (ev->kind == EV_CHAR && ev->code == 27)
		return FORM_CANCEL;
	if (ev->kind == EV_CHAR && (ev->code == '\r' || ev->code == '\n')) {
		if (f->cur + 1 == f->n)
			return FORM_ACCEPT;
		f->cur++;
		return FORM_USED;
	}
	if ((ev->kind == EV_KEY && ev->code == KEY_DOWN) ||
	    (ev->kind == EV_CHAR && ev->code == '\t')) {
		if (f->cur + 1 < f->n) {
			f->cur++;
			return FORM_USED;
		}
		return FORM_NONE;
	}
	if ((ev->kind == EV_KEY && (ev->code == KEY_UP || ev->code == KEY_BTAB))) {
		if (f->cur > 0) {
			f->cur--;
			return FORM_USED;
		}
		return FORM_NONE;
	}
	if (fd->tb)
		return tui_edit_key(fd->tb, ev) ? FORM_USED : FORM_NONE;
	if (fd->nchoices == 0)
		return FORM_NONE;
	if ((ev->kind == EV_KEY && ev->code == KEY_RIGHT) ||
	    (ev->kind == EV_CHAR && ev->code == ' ')) {
		fd->choice = (fd->choice + 1) % fd->nchoices;
		return FORM_USED;
	}
	if (ev->kind == EV_KEY && ev->code == KEY_LEFT) {
		fd->choice = (fd->choice + fd->nchoices - 1) % fd->nchoices;
		return FORM_USED;
	}
	return FORM_NONE;
}

struct formrun {
	struct tui_form	*f;
	const char	*title, *hint;
	bool		 accepted;
};

static void
form_draw(struct tui_screen *s)
{
	struct formrun *r = s->data;
	int iy, ix, ih, iw, extra = r->f->note ? 2 : 0;

	/* A box like every dialog's: fields, a blank row, the note and
	 * another blank row if there is one, the hint. */
	tui_frame((int)r->f->n + 4 + extra, 72, r->title, &iy, &ix, &ih, &iw);
	attron(A_DIM);
	if (r->f->note && ih - 3 >= 1)
		tui_puts(iy + ih - 3, ix, iw, r->f->note);
	tui_puts(iy + ih - 1, ix, iw, r->hint);
	attroff(A_DIM);
	tui_form_draw(r->f, iy, ix, ih - 2 - (ih - 2 > extra + 1 ? extra : 0),
	    iw, true);
}

static enum tui_act
form_key(struct tui_screen *s, const struct tui_event *ev)
{
	struct formrun *r = s->data;

	if (ev->kind == EV_CHAR && ev->code == TK_CTRL('S')) {
		r->accepted = true;
		return TUI_LEAVE;
	}
	if (ev->kind == EV_CHAR && ev->code == TK_CTRL('N') && r->f->complete) {
		r->f->complete(r->f, r->f->carg);
		if (r->f->changed)
			r->f->changed(r->f, r->f->carg);
		return TUI_STAY;
	}
	switch (tui_form_key(r->f, ev)) {
	case FORM_USED:
		if (r->f->changed)
			r->f->changed(r->f, r->f->carg);
		return TUI_STAY;
	case FORM_ACCEPT:
		r->accepted = true;
		return TUI_LEAVE;
	case FORM_CANCEL:
		return TUI_LEAVE;
	default:
		return TUI_STAY;
	}
}

bool
tui_form_run(struct tui_form *f, const char *title, const char *hint)
{
	struct formrun r = { f, title, hint, false };
	struct tui_screen s = { .data = &r, .draw = form_draw,
	    .key = form_key };

	tui_dialog_opens();
	if (tui_run(&s) == TUI_QUIT)
		return false;
	return r.accepted;
}

bool
tui_form_line(const char *title, const char *label, int labelw,
    const char *hint, char **out)
{
	struct textbuf tb;
	struct tui_field f;
	struct tui_form form;
	bool ok;

	tb_init(&tb);
	tb.single_line = true;
	memset(&f, 0, sizeof f);
	memset(&form, 0, sizeof form);
	f.label = label;
	f.tb = &tb;
	form.f = &f;
	form.n = 1;
	form.labelw = labelw;
	ok = tui_form_run(&form, title, hint);
	*out = ok && tb.len ? xstrdup(tb_text(&tb)) : NULL;
	tb_free(&tb);
	return ok;
}

int
tui_offer_series(struct store *s, struct textbuf *tb, struct err *e)
{
	char **names;
	const char **items;
	size_t n, k = 0;
	int r = -1;

	if (store_series_names(s, &names, &n, e) != 0)
		return -1;
	items = xcalloc(n + 1, sizeof *items);
	for (size_t i = 0; i < n; i++)
		if (utf8_fold_contains(names[i], tb_text(tb)))
			items[k++] = names[i];
	if (k == 0)
		tui_ask(_("Series"), _("No series so far matches."), "\n");
	else if ((r = tui_choose(_("Series"), items, k, 0)) >= 0) {
		tb_set(tb, items[r], strlen(items[r]));
		tb_move(tb, TB_BOTTOM);
	}
	free(items);
	store_names_free(names, n);
	return r >= 0;
}
