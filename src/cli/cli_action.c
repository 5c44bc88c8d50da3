/*
 * Subcommands of the action review: `actions` lists the items of every
 * meeting (a table that fits the terminal, or JSON, CSV, iCalendar) and
 * `action ID` shows one item with its history and source sentence, or
 * changes its status.  Arguments are checked completely before the
 * database is opened, so a typo never creates or changes a database.
 * "Today" comes from cal_today, so MINUTES_TODAY reviews "as of" a date.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/model.h"
#include "export/export_actions.h"
#include "lib/buf.h"
#include "lib/cal.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/paths.h"
#include "lib/pool.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"
#include "store/store.h"

#define ELLIPSIS "\xe2\x80\xa6"	/* U+2026, one column */

static size_t
width(const char *s)
{
	return s ? utf8_width(s, strlen(s)) : 0;
}

/* Bytes of s that fit in w columns, and their width in *used.  A walk by
 * code point, cheaper than utf8_fit's grapheme walk on a long review: a
 * zero-width mark never starts a cut, so it stays with its base letter. */
static size_t
fit(const char *s, size_t len, size_t w, size_t *used)
{
	size_t i = 0, u = 0;

	while (i < len) {
		size_t j = i;
		size_t cw = (size_t)utf8_cpwidth(utf8_decode(s, len, &j));

		if (u + cw > w)
			break;
		u += cw;
		i = j;
	}
	*used = u;
	return i;
}

/* Appends s in exactly w columns: padded, or cut with an ellipsis.  The
 * last column passes pad = 0 so lines carry no trailing blanks.  len and
 * sw are s's length and display width when the caller knows them
 * (measuring Vietnamese text is the table's main cost), else (size_t)-1;
 * plain, that the measuring found nothing to escape, so that s is copied
 * as it is. */
static void
cellw(struct buf *b, const char *s, size_t len, size_t sw, size_t w, int pad,
    bool plain)
{
	if (len == (size_t)-1)
		len = s ? strlen(s) : 0;

	if (sw == (size_t)-1)
		sw = s ? utf8_width(s, len) : 0;
	if (sw > w) {
		size_t cut = w ? fit(s, len, w - 1, &sw) : (sw = 0);

		utf8_escape_ctrl(b, s, cut);
		if (w) {
			buf_adds(b, ELLIPSIS);
			sw++;
		}
	} else if (s && plain)
		buf_add(b, s, len);
	else if (s)
		utf8_escape_ctrl(b, s, len);
	if (pad && sw < w)
		buf_addrep(b, ' ', w - sw);
}

static void
cell(struct buf *b, const char *s, size_t w, int pad)
{
	cellw(b, s, (size_t)-1, (size_t)-1, w, pad, false);
}

/* The decimal digits of id, written backwards from end; their count.  Not
 * snprintf: three numbers a row of a long review add up. */
static size_t
id_digits(int64_t id, char *end)
{
	uint64_t v = id < 0 ? 0 - (uint64_t)id : (uint64_t)id;
	char *p = end;

	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	if (id < 0)
		*--p = '-';
	return (size_t)(end - p);
}

static size_t
id_width(int64_t id)
{
	char tmp[24];

	return id_digits(id, tmp + sizeof tmp);
}

static void
add_id(struct buf *b, int64_t id)
{
	char tmp[24];
	size_t n = id_digits(id, tmp + sizeof tmp);

	buf_add(b, tmp + sizeof tmp - n, n);
}

static size_t
min_sz(size_t a, size_t b)
{
	return a < b ? a : b;
}

static size_t
max_sz(size_t a, size_t b)
{
	return a > b ? a : b;
}

/* The status words as the table shows them, and their widths: one per
 * status, with ", overdue" or without, measured once per review. */
struct status_cells {
	char	*text[4][2];
	size_t	 len[4][2];
	size_t	 width[4][2];
};

static void
status_cells(struct status_cells *sc)
{
	for (int st = 0; st < 4; st++) {
		sc->text[st][0] = xstrdup(status_label((enum act_status)st));
		sc->text[st][1] = xasprintf("%s, %s", sc->text[st][0],
		    _("overdue"));
		for (int o = 0; o < 2; o++) {
			sc->len[st][o] = strlen(sc->text[st][o]);
			sc->width[st][o] = width(sc->text[st][o]);
		}
	}
}

/* Display widths of one row's assignee, task and meeting ("ID title"),
 * the lengths of assignee, task and title, and whether each is plain
 * (nothing in it to escape). */
struct row_widths {
	size_t	 w[3];
	size_t	 len[3];
	bool	 plain[3];
};

/* Points *s at a repair of itself, kept in fixed, if it is not valid
 * UTF-8; whether it was not. */
static bool
repair(const char **s, struct pool *fixed)
{
	char *t;

	if (*s == NULL || utf8_valid(*s, strlen(*s), NULL))
		return false;
	t = xstrdup(*s);
	cli_repair_str(&t);
	*s = pool_strndup(fixed, t, strlen(t));
	free(t);
	return true;
}

/* The width of *s and whether it is plain.  The table checks its rows
 * itself, in this one walk over each field (repair_rows would be
 * another): text found not plain is checked, and if it is not valid
 * UTF-8, *s is pointed at its repair, kept in fixed, and *bad set. */
static size_t
measure(const char **s, size_t *len, bool *plain, struct pool *fixed,
    bool *bad)
{
	size_t w = utf8_width_plain(*s, *len = strlen(*s), plain);

	if (!*plain && repair(s, fixed)) {
		*bad = true;
		w = utf8_width_plain(*s, *len = strlen(*s), plain);
	}
	return w;
}

/*
 * Widths of the texts rows share, by address: store_act_brief keeps an
 * office's name once for all its items and a meeting's title once for
 * all of its own, and a review names a dozen offices.  Direct-mapped;
 * only plain texts are kept (a repaired one has a new address).
 */
#define SEEN 1024

struct seen {
	const char	*s[SEEN];
	size_t		 w[SEEN];
	size_t		 len[SEEN];
};

static size_t
measure_shared(struct seen *sn, const char **s, size_t *len, bool *plain,
    struct pool *fixed, bool *bad)
{
	size_t i = (size_t)((uintptr_t)*s >> 4) % SEEN, w;

	if (sn->s[i] == *s) {
		*len = sn->len[i];
		*plain = true;
		return sn->w[i];
	}
	w = measure(s, len, plain, fixed, bad);
	if (*plain) {
		sn->s[i] = *s;
		sn->w[i] = w;
		sn->len[i] = *len;
	}
	return w;
}

/* Column widths for the rows v[0..n), fitted to cols by display width;
 * the task column gives way last.  rw[] gets each row's widths.  True
 * when a field had to be repaired (its repair kept in fixed). */
static bool
table_widths(struct act_brief_row *v, size_t n, const char *const h[6],
    const struct status_cells *sc, size_t cols, size_t w[6],
    struct row_widths *rw, struct pool *fixed)
{
	struct seen *sn = xcalloc(1, sizeof *sn);
	size_t avail, fixed_w, share;
	bool bad = false;

	for (int k = 0; k < 6; k++)
		w[k] = width(h[k]);
	w[1] = max_sz(w[1], 10);
	for (size_t i = 0; i < n; i++) {
		w[0] = max_sz(w[0], id_width(v[i].id));
		w[2] = max_sz(w[2], sc->width[v[i].status][v[i].overdue]);
		bad |= repair(&v[i].due, fixed);
		rw[i].plain[0] = true;	/* "-" */
		rw[i].len[0] = 1;
		rw[i].w[0] = v[i].assignee ? measure_shared(sn, &v[i].assignee,
		    &rw[i].len[0], &rw[i].plain[0], fixed, &bad) : 1;
		rw[i].w[1] = measure(&v[i].task, &rw[i].len[1],
		    &rw[i].plain[1], fixed, &bad);
		rw[i].w[2] = id_width(v[i].meeting_id) + 1 +
		    measure_shared(sn, &v[i].title, &rw[i].len[2],
		    &rw[i].plain[2], fixed, &bad);
		for (int k = 0; k < 3; k++)
			w[3 + k] = max_sz(w[3 + k], rw[i].w[k]);
	}
	free(sn);
	fixed_w = w[0] + w[1] + w[2] + 5 * 2;
	avail = cols > fixed_w ? cols - fixed_w : 0;
	if (w[3] + w[4] + w[5] <= avail)
		return bad;
	/* Assignee and meeting keep up to 24 columns while the task has 20
	 * or more; on narrower terminals they shrink to a quarter each
	 * (never below their heading), and the task, cut with an ellipsis,
	 * has whatever is left. */
	w[3] = min_sz(w[3], 24);
	w[5] = min_sz(w[5], 24);
	if (avail < w[3] + w[5] + 20) {
		share = avail / 4;
		w[3] = min_sz(w[3], max_sz(share, width(h[3])));
		w[5] = min_sz(w[5], max_sz(share, width(h[5])));
	}
	w[4] = min_sz(w[4], avail > w[3] + w[5] + 8 ? avail - w[3] - w[5] : 8);
	return bad;
}

/* The meeting cell: "ID title", built only when it must be cut. */
static void
meeting_cell(struct buf *b, const struct act_brief_row *r,
    const struct row_widths *rw, size_t w)
{
	char *s;

	if (rw->w[2] <= w) {
		add_id(b, r->meeting_id);
		buf_addc(b, ' ');
		if (rw->plain[2])
			buf_add(b, r->title, rw->len[2]);
		else
			utf8_escape_ctrl(b, r->title, rw->len[2]);
		return;
	}
	s = xasprintf("%" PRId64 " %s", r->meeting_id, r->title);
	cellw(b, s, (size_t)-1, rw->w[2], w, 0, rw->plain[2]);
	free(s);
}

/* Standard output gets a long table in pieces of this size as they are
 * made, rather than one buffer of it all (2 MB for 10,000 tasks, a page
 * fault every 4 KB): everything that could fail is done before the first
 * piece, so this changes nothing but the memory used. */
#define TABLE_PIECE (64 * 1024)

/* Whether a due date is printable ASCII (as every date minutes writes
 * is), so copied as it is rather than through utf8_escape_ctrl. */
static bool
ascii_date(const char *s)
{
	if (s == NULL)
		return true;	/* "-" */
	for (; *s; s++)
		if (*s < 0x20 || *s > 0x7e)
			return false;
	return true;
}

/* The plain table: id, due, status, assignee, task, meeting, fitted to
 * cols columns (CLI_WHOLE: nothing is cut); when stream, written to
 * standard output piece by piece.  0, or ERR_RUNTIME with e set. */
static int
table(struct cli *c, struct buf *b, struct act_brief_row *v, size_t n,
    size_t cols, bool stream, struct err *e)
{
	const char *const h[6] = { _("ID"), _("DUE"), _("STATUS"),
	    _("ASSIGNEE"), _("TASK"), _("MEETING") };
	struct row_widths *rw = xcalloc(n ? n : 1, sizeof *rw);
	struct status_cells sc;
	struct pool fixed = POOL_INIT;
	size_t w[6];
	char d[11];
	int rc = 0;

	status_cells(&sc);
	if (table_widths(v, n, h, &sc, cols, w, rw, &fixed))
		cli_repaired(c);
	buf_grow(b, stream ? TABLE_PIECE + 4096 :
	    (n + 1) * (w[0] + w[1] + w[2] + 64));
	buf_addrep(b, ' ', w[0] - width(h[0]));
	buf_adds(b, h[0]);
	for (int k = 1; k < 6; k++) {
		buf_adds(b, "  ");
		cell(b, h[k], w[k], k < 5);
	}
	buf_addc(b, '\n');
	for (size_t i = 0; i < n; i++) {
		const struct act_brief_row *r = &v[i];

		/* Lengths as known, not strlen'd: ten fields a row of a
		 * 10,000-row review add up. */
		buf_addrep(b, ' ', w[0] - id_width(r->id));
		add_id(b, r->id);
		buf_add(b, "  ", 2);
		cellw(b, r->due ? cli_date(c, r->due, d) : "-",
		    (size_t)-1, r->due ? 10 : 1, w[1], 1, ascii_date(r->due));
		buf_add(b, "  ", 2);
		cellw(b, sc.text[r->status][r->overdue],
		    sc.len[r->status][r->overdue],
		    sc.width[r->status][r->overdue], w[2], 1, true);
		buf_add(b, "  ", 2);
		cellw(b, r->assignee ? r->assignee : "-", rw[i].len[0],
		    rw[i].w[0], w[3], 1, rw[i].plain[0]);
		buf_add(b, "  ", 2);
		cellw(b, r->task, rw[i].len[1], rw[i].w[1], w[4], 1,
		    rw[i].plain[1]);
		buf_add(b, "  ", 2);
		meeting_cell(b, r, &rw[i], w[5]);
		buf_addc(b, '\n');
		if (stream && b->len >= TABLE_PIECE) {
			if ((rc = cli_write_output(NULL, buf_str(b), b->len,
			    e)) != 0)
				break;
			buf_reset(b);
		}
	}
	for (int st = 0; st < 4; st++)
		for (int o = 0; o < 2; o++)
			free(sc.text[st][o]);
	free(rw);
	pool_free(&fixed);
	return rc;
}

static int
today_iso(struct cli *c, char out[11])
{
	struct ymd t;
	struct err e;

	if (cal_today(&t, &e))
		return cli_fail_err(c, &e);
	cal_format_iso(t, out);
	return 0;
}

enum { ACTS_OPEN, ACTS_OVERDUE, ACTS_ALL, ACTS_ASSIGNEE, ACTS_MEETING,
    ACTS_SERIES, ACTS_BEFORE, ACTS_SINCE, ACTS_JSON, ACTS_CSV, ACTS_ICS,
    ACTS_TW, ACTS_XLSX, ACTS_EXCEL, ACTS_OUTPUT, ACTS_WIDTH };
static const struct cli_opt actions_opts[] = {
	[ACTS_OPEN] = { "open", 0, CLI_FLAG, NULL, 1, 0, 0,
	    N_("open and in-hand items (the default)") },
	[ACTS_OVERDUE] = { "overdue", 0, CLI_FLAG, NULL, 1, 0, 0,
	    N_("only the overdue ones") },
	[ACTS_ALL] = { "all", 0, CLI_FLAG, NULL, 1, 0, 0,
	    N_("every item, done and dropped too") },
	[ACTS_ASSIGNEE] = { "assignee", 0, CLI_TEXT, NULL, 0, 0, 0,
	    N_("assignees holding TEXT, ignoring case and diacritics") },
	[ACTS_MEETING] = { "meeting", 0, CLI_MEETING, NULL, 0, 0, 0,
	    N_("the items of one meeting") },
	[ACTS_SERIES] = { "series", 0, CLI_TEXT, "S", 0, 0, 0,
	    N_("the items of one series of meetings") },
	[ACTS_BEFORE] = { "due-before", 0, CLI_DATE, "DATE", 0, 0, 0,
	    N_("items due before DATE") },
	[ACTS_SINCE] = { "since", 0, CLI_DATE, "DATE", 0, 0, 0,
	    N_("the items closed since DATE too (with --ics and "
	    "--taskwarrior: the last 90 days)") },
	[ACTS_JSON] = { "json", 0, CLI_FLAG, NULL, 2, 0, 0,
	    N_("one JSON array") },
	[ACTS_CSV] = { "csv", 0, CLI_FLAG, NULL, 2, 0, 0,
	    N_("CSV with a header row") },
	[ACTS_ICS] = { "ics", 0, CLI_FLAG, NULL, 2, 0, 0,
	    N_("iCalendar tasks (VTODO) for calendar and task clients") },
	[ACTS_TW] = { "taskwarrior", 0, CLI_FLAG, NULL, 2, 0, 0,
	    N_("JSON for Taskwarrior's task import") },
	[ACTS_XLSX] = { "xlsx", 0, CLI_FLAG, NULL, 2, 0, 0,
	    N_("a spreadsheet, to a file (-o)") },
	[ACTS_EXCEL] = { "excel", 0, CLI_FLAG, NULL, 0, 0, 0,
	    N_("with --csv: for Excel (a byte order mark, \";\" between "
	    "fields)") },
	[ACTS_OUTPUT] = { "output", 'o', CLI_PATH, NULL, 0, 0, 0,
	    N_("write to FILE (atomically) instead of standard output") },
	[ACTS_WIDTH] = { "width", 0, CLI_NUM, NULL, 0, 20, 1000,
	    N_("fit the table to N columns (off a terminal: whole fields)") },
	{ NULL, 0, 0, NULL, 0, 0, 0, NULL }
};

/* The filter the options describe, for the review as of today; since[]
 * holds the default of --since.  0, or an exit status. */
static int
actions_filter(struct cli *c, const struct cli_args *a, const char *today,
    char since[11], struct store_act_filter *f)
{
	const char *review = c->set.val[SET_REVIEW];

	*f = (struct store_act_filter){ .scope = STORE_ACT_OPEN,
	    .today = today };
	if (a->val[ACTS_OVERDUE])
		f->scope = STORE_ACT_OVERDUE;
	else if (a->val[ACTS_ALL])
		f->scope = STORE_ACT_ALL;
	else if (!a->val[ACTS_OPEN] && review)	/* the settings' default */
		f->scope = strcmp(review, "all") == 0 ? STORE_ACT_ALL :
		    strcmp(review, "overdue") == 0 ? STORE_ACT_OVERDUE :
		    STORE_ACT_OPEN;
	f->assignee = a->val[ACTS_ASSIGNEE];
	f->meeting_id = a->val[ACTS_MEETING] ? (int64_t)a->num[ACTS_MEETING] : 0;
	f->series = a->val[ACTS_SERIES];
	f->due_before = a->val[ACTS_BEFORE];
	/* Calendars and task lists must learn that an item was closed, or
	 * they keep it open for ever: their exports add the items closed
	 * lately. */
	if (a->val[ACTS_SINCE])
		f->closed_since = a->val[ACTS_SINCE];
	else if (a->val[ACTS_ICS] || a->val[ACTS_TW]) {
		struct ymd d;

		cal_parse_iso(today, &d);
		cal_format_iso(cal_add_days(d, -90), since);
		f->closed_since = since;
	}
	if (a->val[ACTS_SINCE] && (a->val[ACTS_ALL] || a->val[ACTS_OVERDUE]))
		return cli_fail(c, EXIT_USAGE, _("--since adds closed items to "
		    "the open ones: not with %s"), a->val[ACTS_ALL] ? "--all" :
		    "--overdue");
	if (f->scope != STORE_ACT_OPEN)
		f->closed_since = NULL;
	return 0;
}

/* Stored text that is not valid UTF-8 (another program wrote it) is
 * replaced before the writers see it: an iCalendar line folded by octets
 * must not grow when a bad byte becomes U+FFFD at the output. */
static void
repair_rows(struct cli *c, struct action_row *v, size_t n)
{
	bool any = false;

	for (size_t i = 0; i < n; i++) {
		struct action_row *r = &v[i];
		char **str[] = { &r->meeting_title, &r->meeting_series,
		    &r->a.assignee, &r->a.task, &r->a.due, &r->a.due_text,
		    &r->a.src_section };
		char *arr[] = { r->meeting_date, r->created, r->updated,
		    r->closed, r->uuid };
		size_t size[] = { sizeof r->meeting_date, sizeof r->created,
		    sizeof r->updated, sizeof r->closed, sizeof r->uuid };

		for (size_t k = 0; k < sizeof str / sizeof str[0]; k++)
			any |= cli_repair_str(str[k]);
		for (size_t k = 0; k < sizeof arr / sizeof arr[0]; k++)
			any |= cli_repair_arr(arr[k], size[k]);
	}
	if (any)
		cli_repaired(c);
}

/* The rows in the format the options ask for. */
static int
actions_write(struct cli *c, struct buf *b, const struct cli_args *a,
    struct action_row *v, size_t n)
{
	struct err e;

	if (a->val[ACTS_XLSX])
		return export_actions_xlsx(b, v, n, &e) ? cli_fail_err(c, &e) : 0;
	if (a->val[ACTS_JSON])
		export_actions_json(b, v, n);
	else if (a->val[ACTS_CSV] && a->val[ACTS_EXCEL])
		export_actions_csv_excel(b, v, n);
	else if (a->val[ACTS_CSV])
		export_actions_csv(b, v, n);
	else if (a->val[ACTS_ICS])
		export_actions_ics(b, v, n);
	else if (a->val[ACTS_TW])
		export_actions_taskwarrior(b, v, n);
	return 0;
}

/* The rows of f as the table, into b (or, for standard output, straight
 * out in pieces). */
static int
actions_table(struct cli *c, struct store *s, const struct store_act_filter *f,
    struct buf *b, const struct cli_args *a)
{
	const char *out = a->val[ACTS_OUTPUT];
	struct act_brief t;
	struct err e;
	int rc = 0;

	if (store_act_brief(s, f, &t, &e))
		return cli_fail_err(c, &e);
	if (t.n == 0)
		buf_printf(b, "%s\n", _("No action items."));
	else if (table(c, b, t.row, t.n, cli_out_width(a->val[ACTS_WIDTH] ?
	    a->num[ACTS_WIDTH] : 0), out == NULL || strcmp(out, "-") == 0,
	    &e))
		rc = cli_fail_err(c, &e);
	store_act_brief_free(&t);
	return rc;
}

static int
cli_actions(struct cli *c, const struct cli_args *a)
{
	struct store_act_filter f;
	struct action_row *v;
	struct store *s;
	struct buf b = BUF_INIT;
	struct err e;
	const char *out = a->val[ACTS_OUTPUT];
	char today[11], since[11], *series = NULL;
	size_t n;
	int rc;

	if (a->val[ACTS_EXCEL] && !a->val[ACTS_CSV])
		return cli_fail(c, EXIT_USAGE, _("--excel goes with --csv"));
	if ((rc = cli_refuse_binary(c, "xlsx", a->val[ACTS_XLSX] != NULL,
	    out)) != 0 || (rc = today_iso(c, today)) ||
	    (rc = actions_filter(c, a, today, since, &f)))
		return rc;
	if ((rc = cli_store(c, &s)))
		return rc;
	if (f.meeting_id && !store_meeting_exists(s, f.meeting_id))
		return cli_fail(c, EXIT_USAGE, _("no meeting %lld"),
		    (long long)f.meeting_id);
	/* The series as stored, however its name was typed ("Thành uỷ"
	 * for "Thành ủy"), as the list shows it. */
	if (f.series && store_series_resolve(s, f.series, &series, &e))
		return cli_fail_err(c, &e);
	if (series)
		f.series = series;
	f.with_notes = a->val[ACTS_XLSX] != NULL;	/* the sheet shows them */
	f.brief = !a->val[ACTS_XLSX] && !a->val[ACTS_JSON] &&
	    !a->val[ACTS_CSV] && !a->val[ACTS_ICS] && !a->val[ACTS_TW];
	if (f.brief)	/* the table checks what it shows itself */
		rc = actions_table(c, s, &f, &b, a);
	else if ((rc = store_act_query(s, &f, &v, &n, &e)) != 0)
		rc = cli_fail_err(c, &e);
	else {
		repair_rows(c, v, n);
		rc = actions_write(c, &b, a, v, n);
		action_rows_free(v, n);
	}
	free(series);
	if (rc == 0 && out && paths_is_database(out, store_path(s)))
		rc = cli_fail(c, EXIT_USAGE, _("%s is the database; export to "
		    "another file"), out);
	/* Not cli_write_text: the rows were made valid UTF-8 above and the
	 * writers cut text only between characters, so checking the whole
	 * output again would only repeat that work. */
	else if (rc == 0 && cli_write_output(out, buf_str(&b), b.len, &e))
		rc = cli_fail_err(c, &e);
	buf_free(&b);
	return rc;
}

const struct cli_cmd cli_cmd_actions = { "actions", NULL,
    N_("open action items of every meeting, overdue first"), actions_opts,
    0, cli_actions };

/* Appends s wrapped to width columns; lines after the first start with
 * indent spaces (the first is where the caller left off). */
static void
wrap_to(struct buf *b, const char *s, size_t width, size_t indent)
{
	size_t len = strlen(s), i = 0;

	if (width < 10)
		width = 10;
	while (i < len) {
		size_t next, l = utf8_wrap(s + i, len - i, width, &next);

		if (i)
			buf_addrep(b, ' ', indent);
		utf8_escape_ctrl(b, s + i, l);
		buf_addc(b, '\n');
		i += next ? next : (l ? l : 1);
	}
	if (len == 0)
		buf_addc(b, '\n');
}

/* "Label   value", the value wrapped under itself. */
static void
field(struct buf *b, const char *label, size_t lw, const char *value,
    size_t cols)
{
	cell(b, label, lw, 1);
	buf_adds(b, "  ");
	wrap_to(b, value, cols > lw + 2 ? cols - lw - 2 : 10, lw + 2);
}

/* Appends text wrapped to cols, each line indented by two spaces. */
static void
wrapped(struct buf *b, const char *s, size_t cols)
{
	buf_adds(b, "  ");
	wrap_to(b, s, cols > 12 ? cols - 2 : 10, 2);
}

static int
is_boundary(const char *s, size_t len, int64_t off)
{
	return off >= 0 && (size_t)off <= len &&
	    ((size_t)off == len || ((unsigned char)s[off] & 0xc0) != 0x80);
}

/* The paragraph around the item's source span, with the span between
 * » and «; cut to a few hundred bytes either side of a long paragraph. */
static void
context(struct buf *b, const struct action_row *r, const char *text,
    size_t cols)
{
	size_t len = strlen(text), from, to, st, en;
	struct buf t = BUF_INIT;
	const char *p;

	if (!is_boundary(text, len, r->a.src_start) ||
	    !is_boundary(text, len, r->a.src_end) ||
	    r->a.src_start > r->a.src_end) {
		buf_printf(b, "  %s\n", _("(the section has changed since; "
		    "the sentence is no longer where it was)"));
		return;
	}
	st = (size_t)r->a.src_start;
	en = (size_t)r->a.src_end;
	for (from = st; from > 0 && !(text[from - 1] == '\n' && from > 1 &&
	    text[from - 2] == '\n'); from--)
		;
	p = strstr(text + en, "\n\n");
	to = p ? (size_t)(p - text) : len;
	if (st - from > 300) {
		from = st - 300;
		while (!is_boundary(text, len, (int64_t)from))
			from++;
		buf_adds(&t, ELLIPSIS);
	}
	buf_add(&t, text + from, st - from);
	buf_adds(&t, "\xc2\xbb");	/* » */
	buf_add(&t, text + st, en - st);
	buf_adds(&t, "\xc2\xab");	/* « */
	if (to - en > 300) {
		size_t cut = en + 300;

		while (!is_boundary(text, len, (int64_t)cut))
			cut--;
		buf_add(&t, text + en, cut - en);
		buf_adds(&t, ELLIPSIS);
	} else
		buf_add(&t, text + en, to - en);
	wrapped(b, buf_str(&t), cols);
	buf_free(&t);
}

/* The item's history, oldest first, one change a line. */
static void
history(struct buf *b, const struct store_act_event *ev, size_t nev)
{
	buf_printf(b, "\n%s\n", _("History:"));
	for (size_t i = 0; i < nev; i++) {
		char at[32];

		cal_local_stamp(ev[i].at, at);
		buf_printf(b, "  %s  ", at);
		/* On a shared store: the role that made the change. */
		if (ev[i].by)
			buf_printf(b, "[%s] ", ev[i].by);
		if (ev[i].old_status == NULL)
			buf_printf(b, _("created as %s"),
			    status_label_of(ev[i].new_status));
		else if (strcmp(ev[i].old_status, ev[i].new_status) == 0)
			buf_printf(b, _("still %s"),
			    status_label_of(ev[i].new_status));
		else
			buf_printf(b, "%s -> %s",
			    status_label_of(ev[i].old_status),
			    status_label_of(ev[i].new_status));
		if (ev[i].review_meeting_id)
			buf_printf(b, _(" (at the review of meeting %lld)"),
			    (long long)ev[i].review_meeting_id);
		if (ev[i].note) {
			buf_adds(b, ": ");
			utf8_escape_ctrl(b, ev[i].note, strlen(ev[i].note));
		}
		buf_addc(b, '\n');
	}
	if (nev == 0)
		buf_printf(b, "  %s\n", _("(none)"));
}

static int
show(struct cli *c, struct store *s, int64_t id, const char *today,
    size_t cols)
{
	struct action_row r;
	struct store_act_event *ev;
	struct buf b = BUF_INIT;
	struct err e;
	const char *lab[] = { _("Task"), _("Assignee"), _("Due"), _("Status"),
	    _("Meeting") };
	char *text = NULL, *tmp, d[11];
	const char *due;
	size_t nev, lw = 0;

	if (store_act_get(s, id, today, &r, &e))
		return cli_fail_err(c, &e);
	if (store_act_history(s, id, &ev, &nev, &e) ||
	    store_act_source(s, &r, &text, &e)) {
		action_row_free(&r);
		return cli_fail_err(c, &e);
	}
	for (size_t k = 0; k < sizeof lab / sizeof lab[0]; k++)
		lw = max_sz(lw, width(lab[k]));
	buf_printf(&b, _("Action item %lld"), (long long)r.a.id);
	buf_addc(&b, '\n');
	field(&b, lab[0], lw, r.a.task, cols);
	field(&b, lab[1], lw, r.a.assignee ? r.a.assignee : "-", cols);
	due = r.a.due ? cli_date(c, r.a.due, d) : "-";
	tmp = r.a.due_text ? xasprintf("%s (\"%s\")", due, r.a.due_text) :
	    xstrdup(due);
	field(&b, lab[2], lw, tmp, cols);
	free(tmp);
	tmp = r.overdue ? xasprintf("%s, %s", status_label(r.a.status),
	    _("overdue")) : xstrdup(status_label(r.a.status));
	field(&b, lab[3], lw, tmp, cols);
	free(tmp);
	tmp = xasprintf("%" PRId64 " %s (%s)", r.a.meeting_id, r.meeting_title,
	    cli_date(c, r.meeting_date, d));
	field(&b, lab[4], lw, tmp, cols);
	free(tmp);

	history(&b, ev, nev);

	if (r.a.src_section && text) {
		buf_addc(&b, '\n');
		buf_printf(&b, _("Source, in section \"%s\":"), r.a.src_section);
		buf_addc(&b, '\n');
		context(&b, &r, text, cols);
	} else if (r.a.src_section)
		buf_printf(&b, "\n%s\n", _("Source: the section it came from "
		    "is gone."));
	else
		buf_printf(&b, "\n%s\n", _("Source: entered by hand, not found "
		    "in the text."));
	free(text);
	store_act_events_free(ev, nev);
	action_row_free(&r);
	if (cli_write_text(c, NULL, buf_str(&b), b.len, &e)) {
		buf_free(&b);
		return cli_fail_err(c, &e);
	}
	buf_free(&b);
	return EXIT_OK;
}

enum { ACT_NOTE, ACT_WIDTH };
static const struct cli_opt action_opts[] = {
	[ACT_NOTE] = { "note", 0, CLI_TEXT, NULL, 0, 0, 0,
	    N_("a note kept in the item's history with the change") },
	[ACT_WIDTH] = { "width", 0, CLI_NUM, NULL, 0, 20, 1000,
	    N_("wrap to N columns (off a terminal: no wrapping)") },
	{ NULL, 0, 0, NULL, 0, 0, 0, NULL }
};

/* `action ID STATUS`: the change, and one line saying what it did. */
static int
set_status(struct cli *c, long long id, enum act_status to, const char *note)
{
	struct store *s;
	struct err e;
	enum act_status from;
	char *nfc = note ? utf8_nfc(note, strlen(note), NULL) : NULL;
	bool changed;
	int rc;

	if ((rc = cli_store(c, &s)) == 0) {
		if (store_act_set_status(s, (int64_t)id, to, nfc, &from,
		    &changed, &e))
			rc = cli_fail_err(c, &e);
		else if (changed)
			printf(_("action item %lld: %s -> %s\n"), id,
			    status_label(from), status_label(to));
		else
			printf(_("action item %lld: already %s\n"), id,
			    status_label(to));
	}
	free(nfc);
	return rc;
}

static int
cli_action(struct cli *c, const struct cli_args *a)
{
	const char *note = a->val[ACT_NOTE];
	struct store *s;
	enum act_status to;
	char today[11];
	long long id;
	int rc;

	if (a->n == 0)
		return cli_fail(c, EXIT_USAGE, _("which action item? give its "
		    "ID"));
	if (cli_parse_id(a->v[0], &id))
		return cli_fail(c, EXIT_USAGE, _("\"%s\" is not an action item "
		    "ID"), a->v[0]);
	if (a->n == 1) {
		if (note)
			return cli_fail(c, EXIT_USAGE, _("--note goes with a "
			    "new status: done, open, doing or dropped"));
		if ((rc = today_iso(c, today)) || (rc = cli_store(c, &s)))
			return rc;
		return show(c, s, (int64_t)id, today, cli_out_width(
		    a->val[ACT_WIDTH] ? a->num[ACT_WIDTH] : 0));
	}
	if (!status_parse(a->v[1], &to))
		return cli_fail(c, EXIT_USAGE, _("\"%s\" is not a status: use "
		    "done, open, doing or dropped"), a->v[1]);
	return set_status(c, id, to, note);
}

const struct cli_cmd cli_cmd_action = { "action",
    "ID [done|open|doing|dropped]",
    N_("show an action item, or change its status"), action_opts, 2,
    cli_action };
