/*
 * The subcommands that open the screens: none at all (the meeting list),
 * `new` and `edit`.  Everything that can be checked without a terminal
 * (options, the template, the meeting, the section) is checked here first,
 * so a mistake is one line on stderr and an exit status, never a screen.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
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

/* Loads the templates, the one the settings name first, so that the
 * screens, which offer the first of the interface's language for a new
 * meeting, offer it.  0, or an exit status. */
static int
load_templates(struct cli *c, struct tmpl_set *ts)
{
	const char *id = c->set.val[SET_TEMPLATE];
	const struct tmpl *tp;
	struct err e;

	err_clear(&e);
	if (tmpl_set_load(ts, &e) != 0)
		return cli_fail_err(c, &e);
	if (id == NULL)
		return 0;
	if ((tp = tmpl_find(ts, id)) == NULL) {
		tmpl_set_free(ts);
		return cli_fail_setting(c, SET_TEMPLATE, _("is not installed; "
		    "see minutes templates"));
	}
	if (tp != &ts->t[0]) {
		struct tmpl first = *tp;

		memmove(&ts->t[1], &ts->t[0], (size_t)(tp - ts->t) *
		    sizeof *ts->t);
		ts->t[0] = first;
	}
	return 0;
}

int
cli_tui(struct cli *c)
{
	struct tmpl_set ts = { 0 };
	struct store *st;
	int rc;

	if ((rc = need_terminal(c)) != 0 || (rc = cli_store(c, &st)) != 0 ||
	    (rc = load_templates(c, &ts)) != 0)
		return rc;
	return run(c, st, 0, NULL, &ts);
}

enum { NEW_TEMPLATE, NEW_SERIES, NEW_TITLE, NEW_DATE };
static const struct cli_opt new_opts[] = {
	[NEW_TEMPLATE] = { "template", 0, CLI_TEXT, "ID", 0, 0, 0,
	    N_("the template (see minutes templates)") },
	[NEW_SERIES] = { "series", 0, CLI_TEXT, "S", 0, 0, 0,
	    N_("the series: the roster and open tasks carry over") },
	[NEW_TITLE] = { "title", 0, CLI_TEXT, "T", 0, 0, 0,
	    N_("the meeting's title") },
	[NEW_DATE] = { "date", 0, CLI_DATE, NULL, 0, 0, 0,
	    N_("the meeting's date (today by default)") },
	{ NULL, 0, 0, NULL, 0, 0, 0, NULL }
};

static int
cli_new(struct cli *c, const struct cli_args *a)
{
	const char *tid = a->val[NEW_TEMPLATE], *series = a->val[NEW_SERIES];
	const char *title = a->val[NEW_TITLE], *date = a->val[NEW_DATE];
	struct tmpl_set ts = { 0 };
	const struct tmpl *tp;
	struct store *st;
	struct err e;
	int64_t id;
	int rc;

	if ((rc = load_templates(c, &ts)) != 0)
		return rc;
	/* --template, else the settings' (first in the set), else the
	 * first of the interface's language. */
	tp = tid ? tmpl_find(&ts, tid) : c->set.val[SET_TEMPLATE] ? &ts.t[0] :
	    tui_default_template(&ts, tui_lang(c->lang));
	if (tp == NULL) {
		tmpl_set_free(&ts);
		if (tid)
			return cli_fail(c, EXIT_USAGE, _("no template \"%s\"; "
			    "see minutes templates"), tid);
		return cli_no_templates(c);
	}
	if ((rc = need_terminal(c)) != 0 || (rc = cli_store(c, &st)) != 0) {
		tmpl_set_free(&ts);
		return rc;
	}
	if (store_series_new_meeting(st, tp, series, title, date, &id, &e) != 0) {
		tmpl_set_free(&ts);
		return cli_fail_err(c, &e);
	}
	return run(c, st, id, NULL, &ts);
}

const struct cli_cmd cli_cmd_new = { "new", NULL,
    N_("create a meeting and open it"), new_opts, 0, cli_new };

enum { EDIT_SECTION };
static const struct cli_opt edit_opts[] = {
	[EDIT_SECTION] = { "section", 0, CLI_TEXT, "KEY", 0, 0, 0,
	    N_("start typing at the end of this section") },
	{ NULL, 0, 0, NULL, 0, 0, 0, NULL }
};

static int
cli_edit(struct cli *c, const struct cli_args *a)
{
	const char *section = a->val[EDIT_SECTION];
	struct tmpl_set ts = { 0 };
	const struct tmpl *tp;
	struct meeting m;
	struct store *st;
	struct err e;
	long long id;
	int rc;

	if (a->n == 0)
		return cli_fail(c, EXIT_USAGE, _("which meeting? give its ID"));
	if (cli_parse_id(a->v[0], &id) != 0)
		return cli_fail(c, EXIT_USAGE, _("\"%s\" is not a meeting ID"),
		    a->v[0]);
	if ((rc = cli_store(c, &st)) != 0 || (rc = load_templates(c, &ts)) != 0)
		return rc;
	err_clear(&e);
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

const struct cli_cmd cli_cmd_edit = { "edit", "ID",
    N_("open a meeting in the editor"), edit_opts, 1, cli_edit };
