/*
 * Subcommands of the action review: `actions` lists the items of every
 * meeting (a table that fits the terminal, or JSON, CSV, iCalendar) and
 * `action ID` shows one item with its history and source sentence, or
 * changes its status.  Arguments are checked completely before the
 * database is opened, so a typo never creates or changes a database.
 * "Today" comes from cal_today, so MINUTES_TODAY reviews "as of" a date.
 */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
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
#include "lib/utf8.h"
#include "lib/xmalloc.h"
#include "store/store.h"

#define ELLIPSIS "\xe2\x80\xa6"	/* U+2026, one column */

/* Columns to fit: $COLUMNS, else the terminal's, else 80. */
static size_t
term_width(void)
{
	const char *env = getenv("COLUMNS");
	struct winsize ws;

	if (env && *env) {
		char *end;
		long v = strtol(env, &end, 10);

		if (*end == '\0' && v > 0 && v < 10000)
			return (size_t)v;
	}
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

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
 * last column passes pad = 0 so lines carry no trailing blanks.  sw is
 * s's display width when the caller knows it (measuring Vietnamese text is
 * the table's main cost), else (size_t)-1. */
static void
cellw(struct buf *b, const char *s, size_t sw, size_t w, int pad)
{
	size_t len = s ? strlen(s) : 0;

	if (sw == (size_t)-1)
		sw = s ? utf8_width(s, len) : 0;
	if (sw > w) {
		size_t cut = w ? fit(s, len, w - 1, &sw) : (sw = 0);

		utf8_escape_ctrl(b, s, cut);
		if (w) {
			buf_adds(b, ELLIPSIS);
			sw++;
		}
	} else if (s)
		utf8_escape_ctrl(b, s, len);
	if (pad && sw < w)
		buf_addrep(b, ' ', w - sw);
}

static void
cell(struct buf *b, const char *s, size_t w, int pad)
{
	cellw(b, s, (size_t)-1, w, pad);
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

/* The plain table: id, due, status, assignee, task, meeting, fitted to
 * the terminal's width by display width; the task column gives way last. */
static void
table(struct buf *b, const struct action_row *v, size_t n, size_t cols)
{
	const char *h[6] = { _("ID"), _("DUE"), _("STATUS"), _("ASSIGNEE"),
	    _("TASK"), _("MEETING") };
	char **status = xcalloc(n ? n : 1, sizeof *status);
	char **meeting = xcalloc(n ? n : 1, sizeof *meeting);
	size_t (*cw)[3] = xcalloc(n ? n : 1, sizeof *cw);
	size_t w[6], avail, fixed, share;

	for (int k = 0; k < 6; k++)
		w[k] = width(h[k]);
	w[1] = max_sz(w[1], 10);
	for (size_t i = 0; i < n; i++) {
		char id[32];

		snprintf(id, sizeof id, "%" PRId64, v[i].a.id);
		w[0] = max_sz(w[0], strlen(id));
		status[i] = v[i].overdue ? xasprintf("%s, %s",
		    status_label(v[i].a.status), _("overdue")) :
		    xstrdup(status_label(v[i].a.status));
		w[2] = max_sz(w[2], width(status[i]));
		cw[i][0] = v[i].a.assignee ? width(v[i].a.assignee) : 1;
		cw[i][1] = width(v[i].a.task);
		meeting[i] = xasprintf("%" PRId64 " %s", v[i].a.meeting_id,
		    v[i].meeting_title);
		cw[i][2] = width(meeting[i]);
		w[3] = max_sz(w[3], cw[i][0]);
		w[4] = max_sz(w[4], cw[i][1]);
		w[5] = max_sz(w[5], cw[i][2]);
	}
	fixed = w[0] + w[1] + w[2] + 5 * 2;
	avail = cols > fixed ? cols - fixed : 0;
	if (w[3] + w[4] + w[5] > avail) {
		/* Assignee and meeting keep up to 24 columns while the task
		 * has 20 or more; on narrower terminals they shrink to a
		 * quarter each (never below their heading), and the task, cut
		 * with an ellipsis, has whatever is left. */
		w[3] = min_sz(w[3], 24);
		w[5] = min_sz(w[5], 24);
		if (avail < w[3] + w[5] + 20) {
			share = avail / 4;
			w[3] = min_sz(w[3], max_sz(share, width(h[3])));
			w[5] = min_sz(w[5], max_sz(share, width(h[5])));
		}
		w[4] = min_sz(w[4], avail > w[3] + w[5] + 8 ?
		    avail - w[3] - w[5] : 8);
	}
	for (size_t i = 0; i <= n; i++) {
		char id[32];
		const struct action_row *r = i ? &v[i - 1] : NULL;

		if (r)
			snprintf(id, sizeof id, "%" PRId64, r->a.id);
		buf_addrep(b, ' ', w[0] - width(r ? id : h[0]));
		buf_adds(b, r ? id : h[0]);
		buf_adds(b, "  ");
		cell(b, r ? (r->a.due ? r->a.due : "-") : h[1], w[1], 1);
		buf_adds(b, "  ");
		cell(b, r ? status[i - 1] : h[2], w[2], 1);
		buf_adds(b, "  ");
		cellw(b, r ? (r->a.assignee ? r->a.assignee : "-") : h[3],
		    r ? cw[i - 1][0] : (size_t)-1, w[3], 1);
		buf_adds(b, "  ");
		cellw(b, r ? r->a.task : h[4], r ? cw[i - 1][1] : (size_t)-1,
		    w[4], 1);
		buf_adds(b, "  ");
		cellw(b, r ? meeting[i - 1] : h[5], r ? cw[i - 1][2] : (size_t)-1,
		    w[5], 0);
		buf_addc(b, '\n');
	}
	for (size_t i = 0; i < n; i++) {
		free(status[i]);
		free(meeting[i]);
	}
	free(status);
	free(meeting);
	free(cw);
}

/* The database's real path, so --db ./x and --db /abs/x give one UID tag. */
static void
uid_tag(struct store *s, char out[17])
{
	char *real = realpath(store_path(s), NULL);

	export_actions_uid_tag(real ? real : store_path(s), out);
	free(real);
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

/* Writes the rows in the format asked for (NULL: the table) to out, or
 * to standard output when out is NULL. */
static int
write_rows(struct cli *c, struct store *s, const struct action_row *v,
    size_t n, const char *format, bool excel, const char *out)
{
	struct buf b = BUF_INIT;
	struct err e;
	int rc = 0;

	if (format == NULL) {
		if (n)
			table(&b, v, n, term_width());
		else
			buf_printf(&b, "%s\n", _("No action items."));
	} else if (strcmp(format, "--json") == 0)
		export_actions_json(&b, v, n);
	else if (strcmp(format, "--csv") == 0 && excel)
		export_actions_csv_excel(&b, v, n);
	else if (strcmp(format, "--csv") == 0)
		export_actions_csv(&b, v, n);
	else if (strcmp(format, "--xlsx") == 0)
		rc = export_actions_xlsx(&b, v, n, &e) ? cli_fail_err(c, &e) : 0;
	else {
		char tag[17];

		uid_tag(s, tag);
		export_actions_ics(&b, v, n, tag);
	}
	if (rc == 0 && out && paths_is_database(out, store_path(s)))
		rc = cli_fail(c, EXIT_USAGE, _("%s is the database; "
		    "export to another file"), out);
	else if (rc == 0 && cli_write_output(out, buf_str(&b), b.len, &e))
		rc = cli_fail_err(c, &e);
	buf_free(&b);
	return rc;
}

int
cli_actions(struct cli *c, int argc, char **argv)
{
	enum { O_OPEN = 256, O_OVERDUE, O_ALL, O_ASSIGNEE, O_MEETING,
	    O_SERIES, O_BEFORE, O_JSON, O_CSV, O_ICS, O_XLSX, O_EXCEL };
	static const struct option longs[] = {
		{ "open", no_argument, NULL, O_OPEN },
		{ "overdue", no_argument, NULL, O_OVERDUE },
		{ "all", no_argument, NULL, O_ALL },
		{ "assignee", required_argument, NULL, O_ASSIGNEE },
		{ "meeting", required_argument, NULL, O_MEETING },
		{ "series", required_argument, NULL, O_SERIES },
		{ "due-before", required_argument, NULL, O_BEFORE },
		{ "json", no_argument, NULL, O_JSON },
		{ "csv", no_argument, NULL, O_CSV },
		{ "ics", no_argument, NULL, O_ICS },
		{ "xlsx", no_argument, NULL, O_XLSX },
		{ "excel", no_argument, NULL, O_EXCEL },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	struct store_act_filter f = { .scope = STORE_ACT_OPEN };
	struct action_row *v;
	struct store *s;
	struct err e;
	char today[11];
	const char *scope_opt = NULL, *format = NULL, *out = NULL;
	bool excel = false;
	long long mid;
	struct ymd d;
	size_t n;
	int ch, rc = 0;

	while ((ch = cli_getopt(c, argc, argv, ":o:", longs, &rc)) != -1) {
		const char *opt = argv[optind - 1];

		switch (ch) {
		case -2:
			return rc;
		case O_OPEN:
		case O_OVERDUE:
		case O_ALL:
			if (scope_opt && strcmp(scope_opt, opt) != 0)
				return cli_fail(c, EXIT_USAGE, _("%s and %s "
				    "cannot be used together"), scope_opt, opt);
			scope_opt = opt;
			f.scope = ch == O_OPEN ? STORE_ACT_OPEN :
			    ch == O_OVERDUE ? STORE_ACT_OVERDUE : STORE_ACT_ALL;
			break;
		case 'o':
			out = optarg;
			break;
		case O_EXCEL:
			excel = true;
			break;
		case O_JSON:
		case O_CSV:
		case O_ICS:
		case O_XLSX:
			if (format && strcmp(format, opt) != 0)
				return cli_fail(c, EXIT_USAGE, _("%s and %s "
				    "cannot be used together"), format, opt);
			format = opt;
			break;
		case O_ASSIGNEE:
			if (!utf8_valid(optarg, strlen(optarg), NULL))
				return cli_fail(c, EXIT_USAGE, _("--assignee: "
				    "not valid UTF-8"));
			f.assignee = optarg;
			break;
		case O_MEETING:
			if (cli_parse_id(optarg, &mid))
				return cli_fail(c, EXIT_USAGE,
				    _("\"%s\" is not a meeting ID"), optarg);
			f.meeting_id = (int64_t)mid;
			break;
		case O_SERIES:
			f.series = optarg;
			break;
		case O_BEFORE:
			if (!cal_parse_iso(optarg, &d))
				return cli_fail(c, EXIT_USAGE, _("--due-before: "
				    "\"%s\" is not a date (YYYY-MM-DD)"), optarg);
			f.due_before = optarg;
			break;
		default:
			return cli_fail(c, EXIT_USAGE, _("unknown option \"%s\""),
			    opt);
		}
	}
	if (optind < argc)
		return cli_fail(c, EXIT_USAGE, _("unexpected argument \"%s\""),
		    argv[optind]);
	if (excel && (format == NULL || strcmp(format, "--csv") != 0))
		return cli_fail(c, EXIT_USAGE, _("--excel goes with --csv"));
	if ((rc = cli_refuse_binary(c, "xlsx", format &&
	    strcmp(format, "--xlsx") == 0, out)) != 0)
		return rc;
	if ((rc = today_iso(c, today)))
		return rc;
	f.today = today;
	if ((rc = cli_store(c, &s)))
		return rc;
	if (f.meeting_id && !store_meeting_exists(s, f.meeting_id))
		return cli_fail(c, EXIT_USAGE, _("no meeting %lld"),
		    (long long)f.meeting_id);
	if (store_act_query(s, &f, &v, &n, &e))
		return cli_fail_err(c, &e);
	rc = write_rows(c, s, v, n, format, excel, out);
	action_rows_free(v, n);
	return rc;
}

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

static int
show(struct cli *c, struct store *s, int64_t id, const char *today)
{
	struct action_row r;
	struct store_act_event *ev;
	struct buf b = BUF_INIT;
	struct err e;
	const char *lab[] = { _("Task"), _("Assignee"), _("Due"), _("Status"),
	    _("Meeting") };
	char *text = NULL, *tmp;
	size_t nev, lw = 0, cols = term_width();

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
	tmp = r.a.due_text ? xasprintf("%s (\"%s\")", r.a.due ? r.a.due : "-",
	    r.a.due_text) : xstrdup(r.a.due ? r.a.due : "-");
	field(&b, lab[2], lw, tmp, cols);
	free(tmp);
	tmp = r.overdue ? xasprintf("%s, %s", status_label(r.a.status),
	    _("overdue")) : xstrdup(status_label(r.a.status));
	field(&b, lab[3], lw, tmp, cols);
	free(tmp);
	tmp = xasprintf("%" PRId64 " %s (%s)", r.a.meeting_id, r.meeting_title,
	    r.meeting_date);
	field(&b, lab[4], lw, tmp, cols);
	free(tmp);

	buf_printf(&b, "\n%s\n", _("History:"));
	for (size_t i = 0; i < nev; i++) {
		char at[32];

		cal_local_stamp(ev[i].at, at);
		buf_printf(&b, "  %s  ", at);
		/* On a shared store: the role that made the change. */
		if (ev[i].by)
			buf_printf(&b, "[%s] ", ev[i].by);
		if (ev[i].old_status == NULL)
			buf_printf(&b, _("created as %s"),
			    status_label_of(ev[i].new_status));
		else if (strcmp(ev[i].old_status, ev[i].new_status) == 0)
			buf_printf(&b, _("still %s"),
			    status_label_of(ev[i].new_status));
		else
			buf_printf(&b, "%s -> %s",
			    status_label_of(ev[i].old_status),
			    status_label_of(ev[i].new_status));
		if (ev[i].review_meeting_id)
			buf_printf(&b, _(" (at the review of meeting %lld)"),
			    (long long)ev[i].review_meeting_id);
		if (ev[i].note) {
			buf_adds(&b, ": ");
			utf8_escape_ctrl(&b, ev[i].note, strlen(ev[i].note));
		}
		buf_addc(&b, '\n');
	}
	if (nev == 0)
		buf_printf(&b, "  %s\n", _("(none)"));

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
	if (cli_write_output(NULL, buf_str(&b), b.len, &e)) {
		buf_free(&b);
		return cli_fail_err(c, &e);
	}
	buf_free(&b);
	return EXIT_OK;
}

int
cli_action(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		{ "note", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	struct store *s;
	struct err e;
	enum act_status to, from;
	const char *note = NULL;
	char today[11], *nfc = NULL;
	long long id;
	bool changed;
	int ch, rc = 0;

	while ((ch = cli_getopt(c, argc, argv, ":o:", longs, &rc)) != -1) {
		if (ch == -2)
			return rc;
		if (ch != 'n')
			return cli_fail(c, EXIT_USAGE, _("unknown option \"%s\""),
			    argv[optind - 1]);
		note = optarg;
	}
	if (optind >= argc)
		return cli_fail(c, EXIT_USAGE, _("which action item? give its "
		    "ID"));
	if (cli_parse_id(argv[optind], &id))
		return cli_fail(c, EXIT_USAGE, _("\"%s\" is not an action item "
		    "ID"), argv[optind]);
	if (optind + 2 < argc)
		return cli_fail(c, EXIT_USAGE, _("unexpected argument \"%s\""),
		    argv[optind + 2]);
	if (optind + 1 == argc) {
		if (note)
			return cli_fail(c, EXIT_USAGE, _("--note goes with a "
			    "new status: done, open, doing or dropped"));
		if ((rc = today_iso(c, today)) || (rc = cli_store(c, &s)))
			return rc;
		return show(c, s, (int64_t)id, today);
	}
	if (!status_parse(argv[optind + 1], &to))
		return cli_fail(c, EXIT_USAGE, _("\"%s\" is not a status: use "
		    "done, open, doing or dropped"), argv[optind + 1]);
	if (note) {
		if (!utf8_valid(note, strlen(note), NULL))
			return cli_fail(c, EXIT_USAGE, _("--note: not valid "
			    "UTF-8"));
		nfc = utf8_nfc(note, strlen(note), NULL);
	}
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
