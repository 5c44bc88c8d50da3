/*
 * The review page of the editor ("Kiểm điểm việc thực hiện kết luận kỳ
 * trước"): a new meeting of a series opens on the tasks earlier meetings
 * left open or in progress, and the secretary records, item by item, what
 * the meeting found: done, doing, dropped (each with an optional note) or
 * still open.  Each answer is written at once as a status change whose
 * history row names this meeting, which is what the exports read back.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/textbuf.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"
#include "store/store.h"
#include "tui/editor/tui_editor.h"
#include "tui/tui.h"

const char *const tui_review_keys[] = {
	"d", N_("done (asks for a note)"),
	"g", N_("doing (asks for a note)"),
	"x", N_("dropped (asks for a note)"),
	"o", N_("still open (asks for a note)"),
	N_("Up, Down, PgUp, PgDn"), N_("choose a row"),
	"Tab, Shift-Tab", N_("next or previous section"),
	"F10, Ctrl-Q", N_("leave the meeting"),
	NULL, NULL
};

void
tui_review_load(struct editor *ed)
{
	const char *series = meeting_get(&ed->m, F_SERIES);
	struct err e;

	ed->rev = NULL;
	ed->nrev = 0;
	if (series == NULL || ed->m.id == 0)
		return;
	err_clear(&e);
	ed->rev_note = NULL;
	if (store_series_open_actions(ed->t->store, series,
	    meeting_get(&ed->m, F_DATE), ed->m.id, &ed->rev, &ed->rev_note,
	    &ed->nrev, &e) != 0)
		tui_editor_status(ed, true, e.msg);
}

void
tui_review_free(struct editor *ed)
{
	for (size_t i = 0; i < ed->nrev; i++) {
		action_free(&ed->rev[i]);
		free(ed->rev_note[i]);
	}
	free(ed->rev);
	free(ed->rev_note);
}

static void
columns(int w, int cw[5])
{
	cw[2] = 11;
	cw[3] = 9;
	w -= cw[2] + cw[3];
	if (w < 30)
		w = 30;
	cw[0] = w * 25 / 100;
	cw[1] = w * 45 / 100;
	cw[4] = w - cw[0] - cw[1];
}

static void
row(void *arg, size_t i, int y, int x, int w, bool sel)
{
	struct editor *ed = arg;
	const struct action *a = &ed->rev[i];
	const char *cells[5];
	int cw[5];

	(void)sel;
	columns(w, cw);
	cells[0] = a->assignee;
	cells[1] = a->task;
	cells[2] = a->due;
	cells[3] = status_label(a->status);
	cells[4] = ed->rev_note[i];
	for (int k = 0; k < 5; k++) {
		tui_cell(y, x, cw[k] - 1, cells[k] ? cells[k] : "");
		x += cw[k];
	}
}

void
tui_review_draw(struct editor *ed, int y, int x, int h, int w)
{
	const char *head[5] = { _("Assignee"), _("Task"), _("Due"),
	    _("Status"), _("Note") };
	int cw[5], cx = x;

	columns(w, cw);
	tui_fill(y, x, w, A_UNDERLINE);
	attron(A_UNDERLINE);
	for (int k = 0; k < 5; k++) {
		tui_puts(y, cx, cw[k] - 1, head[k]);
		cx += cw[k];
	}
	attroff(A_UNDERLINE);
	ed->review.n = ed->nrev;
	tui_list_draw(&ed->review, y + 1, x, h - 1, w, row, ed);
}

/* Asks for an optional note; false on Esc. */
static bool
ask_note(const char *status, char **note)
{
	struct textbuf tb;
	struct tui_field f;
	struct tui_form form;
	char title[160];
	bool ok;

	tb_init(&tb);
	tb.single_line = true;
	memset(&f, 0, sizeof f);
	memset(&form, 0, sizeof form);
	f.label = _("Note");
	f.tb = &tb;
	form.f = &f;
	form.n = 1;
	form.labelw = 8;
	/* Not tui_fmt: the form draws its frame with it. */
	snprintf(title, sizeof title, _("Mark %s"), status);
	ok = tui_form_run(&form, title, _("Enter "
	    "accepts (the note may stay empty), Esc cancels"));
	*note = ok && tb.len ? xstrdup(tb_text(&tb)) : NULL;
	tb_free(&tb);
	return ok;
}

void
tui_review_key(struct editor *ed, const struct tui_event *ev)
{
	static const char keys[] = "ogdx";	/* by enum act_status */
	struct tui_list *l = &ed->review;
	const char *k;
	enum act_status to;
	char *note = NULL, title[100];
	struct err e;

	l->n = ed->nrev;
	if (tui_list_key(l, ev) || ev->kind != EV_CHAR || ed->nrev == 0 ||
	    ev->code <= 0 || ev->code > 127 ||
	    (k = strchr(keys, ev->code)) == NULL)
		return;
	to = (enum act_status)(k - keys);
	/* The form's title is formatted with tui_fmt: copy the word. */
	snprintf(title, sizeof title, "%s", status_label(to));
	if (!ask_note(title, &note))
		return;
	err_clear(&e);
	if (store_act_review(ed->t->store, ed->rev[l->cur].id, to, note,
	    ed->m.id, &e) != 0) {
		tui_editor_status(ed, true, e.msg);
		free(note);
		return;
	}
	ed->rev[l->cur].status = to;
	if (note) {
		free(ed->rev_note[l->cur]);
		ed->rev_note[l->cur] = note;
	}
	tui_editor_status(ed, false, tui_fmt(_("Reviewed: %s — %s"),
	    ed->rev[l->cur].task, status_label(to)));
	if (l->cur + 1 < ed->nrev)
		l->cur++;
}
