/*
 * The subcommands that open the screens: none at all (the meeting list),
 * `new` and `edit`.  Everything that can be checked without a terminal
 * (options, the template, the meeting, the section) is checked here first,
 * so a mistake is one line on stderr and an exit status, never a screen.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/meeting_new.h"
#include "core/model.h"
#include "core/tmpl.h"
#include "lib/cal.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "store/store.h"
#include "tui/tui_main.h"

static int
need_terminal(struct cli *c)
{
	if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
		return 0;
	return cli_fail(c, EXIT_RUNTIME, _("needs a terminal"));
}

static int
run(struct cli *c, struct store *st, int64_t id, const char *section,
    struct tmpl_set *ts)
{
	struct err e;
	int rc;

	err_clear(&e);
	rc = tui_main(st, ts, c->lang, id, section, &e);
	tmpl_set_free(ts);
	if (rc)
		return cli_fail_err(c, &e);
	return EXIT_OK;
}

int
cli_tui(struct cli *c)
{
	struct tmpl_set ts = { 0 };
	struct store *st;
	struct err e;
	int rc;

	if ((rc = need_terminal(c)) != 0 || (rc = cli_store(c, &st)) != 0)
		return rc;
	err_clear(&e);
	if (tmpl_set_load(&ts, &e) != 0)
		return cli_fail_err(c, &e);
	return run(c, st, 0, NULL, &ts);
}

/* getopt_long after the subcommand name, with the usual messages. */
static int
opt(struct cli *c, int argc, char **argv, const struct option *longs,
    int *rc)
{
	int ch;

	opterr = 0;
	ch = getopt_long(argc, argv, ":", longs, NULL);
	if (ch == '?' || ch == ':') {
		*rc = cli_fail(c, EXIT_USAGE, ch == '?' ?
		    _("unknown option \"%s\"") : _("option \"%s\" needs a value"),
		    argv[optind - 1]);
		return -2;
	}
	return ch;
}

/* Creates the meeting `minutes new` describes: the core makes it, the
 * series' last meeting lends it its roster, the store keeps it. */
static int
create(struct store *st, const struct tmpl *tp, const char *series,
    const char *title, const char *date, int64_t *id, struct err *e)
{
	struct meeting m, prev;
	int rc;

	meeting_init(&m);
	meeting_init(&prev);
	rc = meeting_new(&m, tp, series, title, date, e);
	if (rc == 0 && meeting_get(&m, F_SERIES))
		rc = store_series_previous(st, meeting_get(&m, F_SERIES),
		    meeting_get(&m, F_DATE), 0, &prev, e);
	if (rc == 0) {
		meeting_new_inherit(&m, &prev);
		rc = store_meeting_insert(st, &m, e);
	}
	*id = m.id;
	meeting_free(&prev);
	meeting_free(&m);
	return rc;
}

int
cli_new(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		{ "template", required_argument, NULL, 't' },
		{ "series", required_argument, NULL, 's' },
		{ "title", required_argument, NULL, 'T' },
		{ "date", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 }
	};
	const char *tid = NULL, *series = NULL, *title = NULL, *date = NULL;
	struct tmpl_set ts = { 0 };
	const struct tmpl *tp;
	struct store *st;
	struct err e;
	int64_t id;
	int ch, rc = 0;

	while ((ch = opt(c, argc, argv, longs, &rc)) != -1) {
		if (ch == -2)
			return rc;
		if (ch == 't')
			tid = optarg;
		else if (ch == 's')
			series = optarg;
		else if (ch == 'T')
			title = optarg;
		else if (ch == 'd')
			date = optarg;
	}
	if (optind < argc)
		return cli_fail(c, EXIT_USAGE, _("unexpected argument \"%s\""),
		    argv[optind]);
	if (date && !cal_parse_iso(date, NULL))
		return cli_fail(c, EXIT_USAGE,
		    _("date \"%s\" is not a real date (YYYY-MM-DD)"), date);
	err_clear(&e);
	if (tmpl_set_load(&ts, &e) != 0)
		return cli_fail_err(c, &e);
	tp = tid ? tmpl_find(&ts, tid) : tui_default_template(&ts,
	    tui_lang(c->lang));
	if (tp == NULL) {
		tmpl_set_free(&ts);
		if (tid)
			return cli_fail(c, EXIT_USAGE, _("no template \"%s\"; "
			    "see minutes templates"), tid);
		return cli_fail(c, EXIT_RUNTIME, "%s", _("no templates found"));
	}
	if ((rc = need_terminal(c)) != 0 || (rc = cli_store(c, &st)) != 0) {
		tmpl_set_free(&ts);
		return rc;
	}
	if (create(st, tp, series, title, date, &id, &e) != 0) {
		tmpl_set_free(&ts);
		return cli_fail_err(c, &e);
	}
	return run(c, st, id, NULL, &ts);
}

int
cli_edit(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		{ "section", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	const char *section = NULL;
	struct tmpl_set ts = { 0 };
	const struct tmpl *tp;
	struct meeting m;
	struct store *st;
	struct err e;
	long long id;
	int ch, rc = 0;

	while ((ch = opt(c, argc, argv, longs, &rc)) != -1) {
		if (ch == -2)
			return rc;
		if (ch == 's')
			section = optarg;
	}
	if (optind + 1 != argc || cli_parse_id(argv[optind], &id) != 0)
		return cli_fail(c, EXIT_USAGE, _("usage: minutes edit ID "
		    "[--section KEY]"));
	if ((rc = cli_store(c, &st)) != 0)
		return rc;
	err_clear(&e);
	if (tmpl_set_load(&ts, &e) != 0)
		return cli_fail_err(c, &e);
	meeting_init(&m);
	if (store_meeting_load(st, (int64_t)id, &m, &e) != 0) {
		meeting_free(&m);
		tmpl_set_free(&ts);
		return cli_fail_err(c, &e);
	}
	tp = tmpl_find(&ts, meeting_get(&m, F_TEMPLATE) ?
	    meeting_get(&m, F_TEMPLATE) : "");
	if (tp == NULL)
		rc = cli_fail(c, EXIT_RUNTIME, _("template \"%s\" was not found"),
		    meeting_get(&m, F_TEMPLATE));
	else if (section && tmpl_section(tp, section) == NULL)
		rc = cli_fail(c, EXIT_USAGE, _("template \"%s\" has no section "
		    "\"%s\""), tp->id, section);
	else
		rc = need_terminal(c);
	meeting_free(&m);
	if (rc) {
		tmpl_set_free(&ts);
		return rc;
	}
	return run(c, st, (int64_t)id, section, &ts);
}
