/*
 * The meeting list: every meeting, newest first, with its date, title,
 * series and number of open tasks; the screen the program opens on.  A
 * long list shows its first screen before it reads the rest, which comes
 * in parts while no key waits (10,000 meetings: the first screen in a few
 * milliseconds instead of the whole list's 30 or more).  From
 * here a meeting is opened or a new one created.  Also the entry point
 * from the command line (tui_main), which starts and ends the terminal.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/textbuf.h"
#include "core/tmpl.h"
#include "lib/cal.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"
#include "store/store.h"
#include "tui/tui.h"
#include "tui/tui_main.h"

/* Meetings read in one step while the list is shown. */
#define LIST_CHUNK	2000

struct meetings {
	struct tui		*t;
	struct meeting_summary	*v;
	size_t			 n;		/* read so far */
	size_t			 total;		/* how many there are */
	struct tui_list		 l;
	char			 err[600];
};

static const char *const list_keys[] = {
	"Enter", N_("open the meeting"),
	"n", N_("new meeting"),
	"a", N_("review the action items of every meeting"),
	"/", N_("search every meeting as you type"),
	"e", N_("export the meeting to a file"),
	N_("Up, Down, PgUp, PgDn"), N_("choose a meeting"),
	"Home, End", N_("first or last meeting"),
	"F1, ?", N_("this help"),
	"q, F10, Ctrl-Q", N_("quit"),
	NULL, NULL
};

const char *
tui_lang(const char *forced)
{
	const char *l = forced, *m;

	if (l)
		return strcmp(l, "vi") == 0 ? "vi" : "en";
	l = getenv("LANGUAGE");
	if (l && *l)
		return strncmp(l, "vi", 2) == 0 ? "vi" : "en";
	m = setlocale(LC_MESSAGES, NULL);
	return m && strncmp(m, "vi", 2) == 0 ? "vi" : "en";
}

const struct tmpl *
tui_default_template(const struct tmpl_set *ts, const char *lang)
{
	for (size_t i = 0; i < ts->n; i++)
		if (ts->t[i].lang && strcmp(ts->t[i].lang, lang) == 0)
			return &ts->t[i];
	return ts->n ? &ts->t[0] : NULL;
}

/* Reads meetings until n of them (or all) are in. */
static void
read_upto(struct meetings *ml, size_t upto)
{
	struct meeting_summary *part;
	size_t got;
	struct err e;

	if (upto > ml->total)
		upto = ml->total;
	err_clear(&e);
	while (ml->n < upto) {
		if (store_meeting_list_range(ml->t->store, ml->n, upto - ml->n,
		    &part, &got, &e) != 0) {
			snprintf(ml->err, sizeof ml->err, "%s", e.msg);
			ml->total = ml->n;	/* not tried again */
			break;
		}
		if (got == 0) {
			ml->total = ml->n;	/* fewer than counted */
			free(part);
			break;
		}
		ml->v = xreallocarray(ml->v, ml->n + got, sizeof *ml->v);
		memcpy(ml->v + ml->n, part, got * sizeof *part);
		ml->n += got;
		free(part);
	}
	ml->l.n = ml->n;
}

/* The count, then the first screen; the rest comes in list_work. */
static void
reload(struct meetings *ml)
{
	struct err e;

	store_summaries_free(ml->v, ml->n);
	ml->v = NULL;
	ml->n = ml->total = 0;
	ml->err[0] = '\0';
	err_clear(&e);
	if (store_meeting_count(ml->t->store, &ml->total, &e) != 0)
		snprintf(ml->err, sizeof ml->err, "%s", e.msg);
	read_upto(ml, ml->l.cur + (size_t)(LINES > 0 ? LINES : 24));
}

static bool
list_work(struct tui_screen *scr)
{
	struct meetings *ml = scr->data;

	read_upto(ml, ml->n + LIST_CHUNK);
	return ml->n < ml->total;
}

static void
row(void *arg, size_t i, int y, int x, int w, bool sel)
{
	struct meetings *ml = arg;
	const struct meeting_summary *s = &ml->v[i];
	int sw = w >= 100 ? 24 : 16, tw = w - 11 - sw - 8;

	char d[11];

	(void)sel;
	tui_puts(y, x, 10, cal_show(s->date, d));
	tui_cell(y, x + 11, tw - 1, s->title ? s->title : "");
	tui_cell(y, x + 11 + tw, sw - 1, s->series ? s->series : "");
	if (s->open_tasks > 0)
		tui_puts(y, x + 11 + tw + sw, 7, tui_fmt("%6d", s->open_tasks));
}

static void
list_draw(struct tui_screen *scr)
{
	struct meetings *ml = scr->data;
	int w = COLS - 2, sw = w >= 100 ? 24 : 16, tw = w - 11 - sw - 8;

	tui_bar(0, tui_fmt(_("Meetings (%zu)"), ml->total), "minutes", A_REVERSE);
	tui_fill(1, 1, w, A_UNDERLINE);
	attron(A_UNDERLINE);
	tui_puts(1, 1, 10, _("Date"));
	tui_puts(1, 12, tw - 1, _("Title"));
	tui_puts(1, 12 + tw, sw - 1, _("Series"));
	tui_puts(1, 12 + tw + sw, 7, _("  Tasks"));
	attroff(A_UNDERLINE);
	if (ml->total == 0) {
		attron(A_DIM);
		tui_puts(3, 1, w, _("No meetings yet.  Press n to create one."));
		attroff(A_DIM);
	}
	tui_list_draw(&ml->l, 2, 1, LINES - 3, w, row, ml);
	tui_bar(LINES - 1, ml->err[0] ? ml->err :
	    _("Enter open  n new  a tasks  / find  e export  q quit"), _("F1 help"), A_REVERSE);
}

/* Ctrl-N in the new-meeting dialog's series field: the series so far
 * that contain what is typed (folded, as search matches), the one
 * chosen filled in. */
struct series_offer {
	struct store	*store;
	size_t		 field;		/* the series field's index */
};

static void
offer_series(struct tui_form *form, void *arg)
{
	struct series_offer *so = arg;
	struct err e;

	if (form->cur != so->field)
		return;
	err_clear(&e);
	if (tui_offer_series(so->store, form->f[so->field].tb, &e) < 0)
		tui_ask(_("New meeting"), e.msg, "\n");
}

/* Asks for template, series, title and date; creates the meeting. */
static int64_t
new_meeting(struct meetings *ml)
{
	const struct tmpl_set *ts = ml->t->tmpls;
	const struct tmpl *def = tui_default_template(ts, ml->t->lang);
	const char **names = xcalloc(ts->n + 1, sizeof *names);
	char **own = xcalloc(ts->n + 1, sizeof *own);
	struct textbuf tb[3];
	struct tui_field f[4];
	struct tui_form form;
	struct series_offer so = { ml->t->store, 1 };
	char *datelabel = xasprintf("%s (%s)", _("Date"), cal_date_form());
	const char *labels[3] = { _("Series"), _("Title"), datelabel };
	int64_t id = 0;
	char today[11];
	struct ymd d;
	struct err e;

	if (ts->n == 0) {
		tui_ask(_("New meeting"), _("No templates were found."), "\n");
		free(names);
		free(own);
		free(datelabel);
		return 0;
	}
	memset(f, 0, sizeof f);
	memset(&form, 0, sizeof form);
	for (size_t i = 0; i < ts->n; i++) {
		own[i] = xasprintf("%s (%s)", ts->t[i].name, ts->t[i].id);
		names[i] = own[i];
		if (&ts->t[i] == def)
			f[0].choice = i;
	}
	f[0].label = _("Template");
	f[0].choices = names;
	f[0].nchoices = ts->n;
	for (int i = 0; i < 3; i++) {
		tb_init(&tb[i]);
		tb[i].single_line = true;
		f[i + 1].label = labels[i];
		f[i + 1].tb = &tb[i];
	}
	err_clear(&e);
	if (cal_today(&d, &e) == 0) {
		cal_format_date(d, today);
		tb_set(&tb[2], today, strlen(today));
		tb_move(&tb[2], TB_BOTTOM);
	}
	form.f = f;
	form.n = 4;
	form.labelw = 18;
	form.complete = offer_series;
	form.carg = &so;
	while (tui_form_run(&form, _("New meeting"), _("Ctrl-S create, Esc "
	    "cancel, Left/Right template, Ctrl-N series"))) {
		const struct tmpl *tp = &ts->t[f[0].choice];

		err_clear(&e);
		if (store_series_new_meeting(ml->t->store, tp,
		    tb_text(&tb[0]), tb_text(&tb[1]), tb_text(&tb[2]), &id,
		    &e) == 0)
			break;
		id = 0;
		tui_ask(_("New meeting"), e.msg, "\n");
	}
	for (int i = 0; i < 3; i++)
		tb_free(&tb[i]);
	for (size_t i = 0; i < ts->n; i++)
		free(own[i]);
	free(own);
	free(names);
	free(datelabel);
	return id;
}

static enum tui_act
list_key(struct tui_screen *scr, const struct tui_event *ev)
{
	struct meetings *ml = scr->data;
	int c = ev->code;
	bool ch = ev->kind == EV_CHAR, key = ev->kind == EV_KEY;
	int64_t id;

	if ((ch && (c == 'q' || c == TK_CTRL('Q') || c == TK_CTRL('C'))) ||
	    (key && c == KEY_F(10)))
		return TUI_QUIT;
	if ((key && c == KEY_F(1)) || (ch && c == '?')) {
		tui_help(_("Keys of the meeting list"), list_keys);
		return TUI_STAY;
	}
	/* Moving past what is read (End, PgDn) reads up to there first. */
	if (key && (c == KEY_END || c == KEY_NPAGE || c == KEY_DOWN))
		read_upto(ml, c == KEY_END ? ml->total : ml->l.cur +
		    (size_t)LINES * 2);
	if (tui_list_key(&ml->l, ev))
		return TUI_STAY;
	if (ch && (c == 'a' || c == '/')) {
		if ((c == 'a' ? tui_actions_run(ml->t) :
		    tui_search_run(ml->t)) == TUI_QUIT)
			return TUI_QUIT;
		reload(ml);
		return TUI_STAY;
	}
	if (ch && c == 'e') {
		if (ml->n > 0)
			tui_export_run(ml->t, ml->v[ml->l.cur].id);
		return TUI_STAY;
	}
	if (ch && c == 'n') {
		id = new_meeting(ml);
		if (id == 0)
			return TUI_STAY;
	} else if (((ch && (c == '\r' || c == '\n')) ||
	    (key && c == KEY_ENTER)) && ml->n > 0) {
		id = ml->v[ml->l.cur].id;
	} else
		return TUI_STAY;
	if (tui_editor_run(ml->t, id, NULL) == TUI_QUIT)
		return TUI_QUIT;
	reload(ml);
	/* The meeting stays selected, wherever its date put it. */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < ml->n; i++)
			if (ml->v[i].id == id) {
				ml->l.cur = i;
				return TUI_STAY;
			}
		read_upto(ml, ml->total);
	}
	return TUI_STAY;
}

enum tui_act
tui_meetings_run(struct tui *t)
{
	struct meetings ml;
	struct tui_screen s = { .data = &ml, .draw = list_draw,
	    .key = list_key, .work = list_work };
	enum tui_act r;

	memset(&ml, 0, sizeof ml);
	ml.t = t;
	reload(&ml);
	r = tui_run(&s);
	store_summaries_free(ml.v, ml.n);
	return r;
}

int
tui_main(struct store *st, struct tmpl_set *ts, const char *lang, int64_t id,
    const char *section, struct err *e)
{
	struct tui t = { .store = st, .tmpls = ts, .lang = tui_lang(lang),
	    .rescued = BUF_INIT, .lost = BUF_INIT };
	char msg[256];

	tui_signals_install();
	if (tui_start(msg, sizeof msg) != 0)
		return err_set(e, ERR_RUNTIME, "%s", msg);
	if (id)
		tui_editor_run(&t, id, section);
	else
		tui_meetings_run(&t);
	tui_stop();
	if (t.rescued.len > 0) {
		/* Said after the screen is gone, so it stays in the terminal;
		 * exit 1 (SPEC 5): the database lacks what was typed. */
		fprintf(stderr, t.rescued_invalid ? _("minutes: a value typed "
		    "could not be stored as it was; the meeting with it, as "
		    "typed, is in:\n%s(correct it there; minutes import FILE "
		    "reads it back)\n") : _("minutes: the database could not "
		    "be written; the unsaved text is in:\n%s(minutes import "
		    "FILE reads it back)\n"), buf_str(&t.rescued));
		buf_free(&t.rescued);
		if (t.lost.len == 0)
			return err_set(e, ERR_RUNTIME, _("not everything typed "
			    "is in the database: import the rescue file above"));
	}
	if (t.lost.len > 0) {
		fprintf(stderr, _("minutes: neither the database nor a rescue "
		    "file could be written; the unsaved minutes follow, to copy "
		    "into a file that minutes import can read:\n"));
		fwrite(buf_str(&t.lost), 1, t.lost.len, stderr);
		buf_free(&t.lost);
		return err_set(e, ERR_RUNTIME, _("the minutes above could not be "
		    "saved"));
	}
	return 0;
}
