/*
 * The tasks page of the editor: the meeting's action items as a table of
 * assignee, task, due date and status, with keys to add, edit, delete,
 * reorder and change status.  The due date may be typed as a date or as
 * any deadline phrase the extractor knows; it is resolved against the
 * meeting's date and shown as YYYY-MM-DD, keeping the phrase, before the
 * autosave writes it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/textbuf.h"
#include "core/series.h"
#include "core/tmpl.h"
#include "extract/suggest.h"
#include "lib/cal.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"
#include "tui/editor/tui_page.h"
#include "tui/tui.h"

static const char *const keys[] = {
	"a, Insert", N_("add a task"),
	"Enter, e", N_("edit the task"),
	"d, Delete", N_("delete the task"),
	"s", N_("open / doing / done / dropped"),
	"K, J", N_("move the task up or down"),
	N_("Up, Down, PgUp, PgDn"), N_("choose a row"),
	"Tab, Shift-Tab", N_("next or previous section"),
	"Ctrl-S", N_("save now"),
	"F9", N_("mark final (after the checklist), or reopen"),
	"F10, Ctrl-Q", N_("leave the meeting"),
	NULL, NULL
};
static const struct page_help help = { N_("Keys of the tasks table"), keys };

struct tasks {
	struct page	 p;
	struct tui_list	 l;
};

/* What a row needs: the meeting and the columns' widths. */
struct rowctx {
	const struct meeting *m;
	int		 cw[4];
};

/* Assignee, task, due, status: the status as wide as its heading and
 * its longest word ("Trạng thái" cut to "Trạng th" reads as nothing). */
static void
columns(const struct tmpl_section *ts, int w, int cw[4])
{
	struct tui_col cols[4] = {
		{ 0, 1, 3 }, { 0, 0, 0 }, { 12, 0, 0 }, { 10, 0, 0 }
	};
	const char *head = ts && ts->ncolumns == 4 ? ts->columns[3] : "";
	int sw = tui_status_width(head);

	if (sw > cols[3].fixed && sw < w / 4)
		cols[3].fixed = sw;
	tui_columns(w, 20, cols, 4, cw);
}

static void
row(void *arg, size_t i, int y, int x, int w, bool sel)
{
	const struct rowctx *c = arg;
	const struct action *a = &c->m->act[i];
	const int *cw = c->cw;
	char d[11];

	(void)sel;
	(void)w;
	tui_cell(y, x, cw[0] - 1, a->assignee ? a->assignee : "");
	tui_cell(y, x + cw[0], cw[1] - 1, a->task ? a->task : "");
	tui_cell(y, x + cw[0] + cw[1], cw[2] - 1,
	    a->due ? cal_show(a->due, d) : a->due_text ? a->due_text : "");
	tui_cell(y, x + cw[0] + cw[1] + cw[2], cw[3], status_label(a->status));
}

static void
draw(struct page *p, int y, int x, int h, int w)
{
	struct tui_list *l = &((struct tasks *)p)->l;
	struct meeting *m = p->host->m;
	const struct tmpl_section *ts = p->sec;
	struct rowctx c = { m, { 0 } };
	int *cw = c.cw, cx = x;

	w--;
	columns(ts, w, cw);
	tui_fill(y, x, w, A_UNDERLINE);
	attron(A_UNDERLINE);
	if (ts->ncolumns == 4)
		for (int k = 0; k < 4; k++) {
			tui_puts(y, cx, cw[k] - 1, ts->columns[k]);
			cx += cw[k];
		}
	attroff(A_UNDERLINE);
	l->n = m->nact;
	if (m->nact == 0) {
		attron(A_DIM);
		tui_puts(y + 2, x, w, _("No tasks yet.  Press a to add one, "
		    "F1 for the keys."));
		attroff(A_DIM);
		return;
	}
	tui_list_draw(l, y + 1, x, h - 2, w, row, &c);
	/* The selected task's due phrase, which the column has no room for. */
	if (l->cur < m->nact) {
		const struct action *a = &m->act[l->cur];
		char d[11];

		attron(A_DIM);
		tui_fill(y + h - 1, x, w, A_DIM);
		if (a->due_text && a->due)
			tui_puts(y + h - 1, x, w, tui_fmt(_("Due %s (\"%s\")"),
			    cal_show(a->due, d), a->due_text));
		attroff(A_DIM);
	}
}

/* Blanks around a value are dropped as the Markdown format drops them,
 * so an export imports back the same. */
static void
set_text(char **dst, struct textbuf *tb)
{
	free(*dst);
	*dst = model_trim(tb_text(tb));
}

/* Reads the due field into a: empty clears it, else it must resolve. */
static bool
read_due(struct page_host *h, struct action *a, struct textbuf *tb)
{
	struct ymd ref, due;
	char iso[11], shown[11];
	const char *d = meeting_get(h->m, F_DATE);

	if (tb->len == 0) {
		free(a->due);
		free(a->due_text);
		a->due = a->due_text = NULL;
		return true;
	}
	if (a->due && (strcmp(tb_text(tb), a->due) == 0 ||
	    strcmp(tb_text(tb), cal_show(a->due, shown)) == 0))
		return true;	/* unchanged */
	if (d == NULL || !cal_parse_iso(d, &ref))
		cal_today(&ref, NULL);
	if (!suggest_due(h->extractor(h), tb_text(tb), ref, &due))
		return false;
	cal_format_iso(due, iso);
	free(a->due_text);
	a->due_text = cal_read_date(tb_text(tb), NULL, NULL) == CAL_OK ? NULL :
	    xstrdup(tb_text(tb));
	free(a->due);
	a->due = xstrdup(iso);
	return true;
}

/* The template's tasks section (its column headings name the form's
 * fields), or NULL. */
static const struct tmpl_section *
tasks_section(const struct tmpl *tp)
{
	for (size_t i = 0; tp && i < tp->nsec; i++)
		if (tp->sec[i].kind == SEC_TASKS)
			return &tp->sec[i];
	return NULL;
}

/* The form names the fields as the table's headings do, in the
 * template's words, as the attendee form does; the label column fits
 * the longest. */
static void
name_fields(const struct tmpl_section *ts, struct tui_field f[4],
    struct tui_form *form)
{
	const char *labels[4] = { _("Assignee"), _("Task"),
	    _("Due (date or phrase)"), _("Status") };

	for (int i = 0; ts && ts->ncolumns == 4 && i < 4; i++)
		labels[i] = ts->columns[i];
	for (int i = 0; i < 4; i++) {
		int lw = (int)utf8_width(labels[i], strlen(labels[i])) + 2;

		f[i].label = labels[i];
		if (lw > form->labelw)
			form->labelw = lw;
	}
}

/* A date typed in a form a person writes one but naming no day
 * (31/02/2024) is said so, with why; true if it was. */
static bool
no_such_day(const char *title, struct textbuf *tb)
{
	enum cal_read r = cal_read_date(tb_text(tb), NULL, NULL);
	struct err e;

	if (r != CAL_NODAY)
		return false;
	cal_date_error(&e, r, _("Due"), tb_text(tb));
	tui_ask(title, e.msg, "\n");
	return true;
}

bool
page_task_form(struct page_host *h, struct action *a, const char *title)
{
	const char *st[4];
	struct textbuf tb[3];
	struct tui_field f[4];
	struct tui_form form;
	char d[11];
	const char *init[3] = { a->assignee, a->task,
	    a->due_text ? a->due_text : a->due ? cal_show(a->due, d) : NULL };
	bool ok;

	for (int i = 0; i < 4; i++)
		st[i] = status_label((enum act_status)i);
	memset(f, 0, sizeof f);
	memset(&form, 0, sizeof form);
	for (int i = 0; i < 3; i++) {
		tb_init(&tb[i]);
		tb[i].single_line = true;
		if (init[i])
			tb_set(&tb[i], init[i], strlen(init[i]));
		tb_move(&tb[i], TB_BOTTOM);
		f[i].tb = &tb[i];
	}
	name_fields(tasks_section(h->tp), f, &form);
	f[3].choices = st;
	f[3].nchoices = 4;
	f[3].choice = a->status;
	form.f = f;
	form.n = 4;
	for (;;) {
		ok = tui_form_run(&form, title, _("Enter next, Ctrl-S "
		    "done, Esc cancel, Left/Right choose; a due date may be "
		    "a phrase"));
		/* A signal ends the program with the form open: what was
		 * typed in it is kept as a task, not cancelled, so it is
		 * saved; a due that is no date stays as its phrase. */
		if (!ok && tui_signal && !model_blank(tb_text(&tb[1]))) {
			if (!read_due(h, a, &tb[2])) {
				free(a->due);
				free(a->due_text);
				a->due = NULL;
				a->due_text = xstrdup(tb_text(&tb[2]));
			}
			ok = true;
			break;
		}
		if (!ok)
			break;
		if (model_blank(tb_text(&tb[1]))) {
			tui_ask(title, _("The task cannot be empty."), "\n");
			form.cur = 1;
			continue;
		}
		if (!read_due(h, a, &tb[2])) {
			if (!no_such_day(title, &tb[2]))
				tui_ask(title, tui_fmt(_("\"%s\" is not a date: "
				    "type YYYY-MM-DD or a phrase such as "
				    "\"15/10\", \"tháng 12/2023\", \"by "
				    "Friday\"."), tb_text(&tb[2])), "\n");
			form.cur = 2;
			continue;
		}
		break;
	}
	if (ok) {
		set_text(&a->assignee, &tb[0]);
		set_text(&a->task, &tb[1]);
		a->status = (enum act_status)f[3].choice;
	}
	for (int i = 0; i < 3; i++)
		tb_free(&tb[i]);
	return ok;
}

static void
swap(struct action *a, struct action *b)
{
	struct action t = *a;

	*a = *b;
	*b = t;
}

/* True if the tasks changed. */
static bool
tasks_key(struct tasks *t, const struct tui_event *ev)
{
	struct page_host *h = t->p.host;
	struct meeting *m = h->m;
	struct tui_list *l = &t->l;
	int c = ev->code;
	bool ch = ev->kind == EV_CHAR, key = ev->kind == EV_KEY;
	struct action *a;

	l->n = m->nact;
	if (tui_list_key(l, ev))
		return false;
	if ((ch && c == 'a') || (key && c == KEY_IC)) {
		struct action tmp;

		memset(&tmp, 0, sizeof tmp);
		tmp.status = ACT_OPEN;
		if (!page_task_form(h, &tmp, _("New task"))) {
			action_free(&tmp);
			return false;
		}
		a = meeting_add_action(m);
		*a = tmp;
		a->meeting_id = m->id;
		l->n = m->nact;
		l->cur = m->nact - 1;
		return true;
	}
	if (m->nact == 0 || l->cur >= m->nact)
		return false;
	a = &m->act[l->cur];
	if ((ch && (c == 'e' || c == '\r' || c == '\n')) ||
	    (key && c == KEY_ENTER)) {
		struct action tmp;
		bool ok;

		/* Edit a copy, so Esc leaves the task as it was. */
		action_copy(&tmp, a);
		ok = page_task_form(h, &tmp, _("Task"));
		if (ok) {
			action_free(a);
			*a = tmp;
		} else
			action_free(&tmp);
		return ok;
	}
	if ((ch && c == 'd') || (key && c == KEY_DC)) {
		if (tui_ask(_("Delete"), tui_fmt(_("Delete the task \"%s\"? "
		    "(y/n)"), a->task ? a->task : ""), "yn") != 'y')
			return false;
		action_free(a);
		memmove(a, a + 1, (m->nact - l->cur - 1) * sizeof *a);
		m->nact--;
		l->n = m->nact;
		if (l->cur >= m->nact && l->cur > 0)
			l->cur--;
		return true;
	}
	if (ch && c == 's') {
		a->status = (enum act_status)((a->status + 1) % 4);
		return true;
	}
	if (ch && c == 'K' && l->cur > 0) {
		swap(a, a - 1);
		l->cur--;
		return true;
	}
	if (ch && c == 'J' && l->cur + 1 < m->nact) {
		swap(a, a + 1);
		l->cur++;
		return true;
	}
	return false;
}

static enum page_res
key(struct page *p, const struct tui_event *ev)
{
	if (tasks_key((struct tasks *)p, ev))
		p->host->changed(p->host, PART_TASKS);
	return PAGE_DONE;
}

static bool
filled(const struct page *p)
{
	return p->host->m->nact > 0;
}

/* A task without an assignee or a due date is fixed here. */
static bool
fix(struct page *p, const struct check_item *c)
{
	if (c->kind != CHECK_TASK_NO_ASSIGNEE && c->kind != CHECK_TASK_NO_DUE)
		return false;
	((struct tasks *)p)->l.cur = c->task;
	return true;
}

static const struct page_ops tasks_ops = {
	.help = &help,
	.ask_help = true,
	.draw = draw,
	.key = key,
	.filled = filled,
	.fix = fix,
};

struct page *
page_tasks_new(struct page_host *h, const struct tmpl_section *sec)
{
	struct tasks *t = xcalloc(1, sizeof *t);

	page_init(&t->p, &tasks_ops, h, sec);
	return &t->p;
}
