/*
 * Subcommands on whole meetings: list, show, import, export, templates.
 * Input is parsed and checked completely before the database is opened,
 * so bad input never creates or changes a database.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/mdformat.h"
#include "core/model.h"
#include "core/tmpl.h"
#include "export/export.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/json.h"
#include "lib/paths.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"
#include "store/store.h"

static void
pad(struct buf *b, const char *s, size_t width)
{
	size_t w = utf8_width(s, strlen(s));

	utf8_escape_ctrl(b, s, strlen(s));
	if (w < width)
		buf_addrep(b, ' ', width - w);
}

static void
list_json(struct buf *b, const struct meeting_summary *v, size_t n)
{
	buf_addc(b, '[');
	for (size_t i = 0; i < n; i++) {
		buf_printf(b, "%s{\"id\":%" PRId64 ",\"date\":", i ? "," : "",
		    v[i].id);
		json_str(b, v[i].date);
		json_member(b, "title", v[i].title);
		json_member(b, "series", v[i].series);
		json_member(b, "template", v[i].template_id);
		buf_printf(b, ",\"status\":\"%s\",\"open_tasks\":%d}",
		    v[i].final ? "final" : "draft", v[i].open_tasks);
	}
	buf_adds(b, "]\n");
}

/* One meeting a line: id, date, open tasks, title [series] (final). */
static void
list_table(const struct cli *c, struct buf *b, const struct meeting_summary *v,
    size_t n)
{
	char d[11];

	const char *hid = _("ID"), *hopen = _("OPEN");
	size_t wid = utf8_width(hid, strlen(hid));
	size_t wopen = utf8_width(hopen, strlen(hopen));
	char tmp[32];

	for (size_t i = 0; i < n; i++) {
		size_t w = (size_t)snprintf(tmp, sizeof tmp, "%" PRId64,
		    v[i].id);

		if (w > wid)
			wid = w;
	}
	pad(b, hid, wid);
	buf_adds(b, "  ");
	pad(b, _("DATE"), 10);
	buf_adds(b, "  ");
	pad(b, hopen, wopen);
	buf_printf(b, "  %s\n", _("TITLE"));
	for (size_t i = 0; i < n; i++) {
		snprintf(tmp, sizeof tmp, "%" PRId64, v[i].id);
		buf_addrep(b, ' ', wid - strlen(tmp));
		buf_adds(b, tmp);
		buf_adds(b, "  ");
		pad(b, cli_date(c, v[i].date, d), 10);
		buf_adds(b, "  ");
		snprintf(tmp, sizeof tmp, "%d", v[i].open_tasks);
		buf_addrep(b, ' ', wopen > strlen(tmp) ? wopen - strlen(tmp) : 0);
		buf_adds(b, tmp);
		buf_adds(b, "  ");
		utf8_escape_ctrl(b, v[i].title, strlen(v[i].title));
		if (v[i].series) {
			buf_adds(b, " [");
			utf8_escape_ctrl(b, v[i].series, strlen(v[i].series));
			buf_addc(b, ']');
		}
		if (v[i].final)
			buf_printf(b, " (%s)", _("final"));
		buf_addc(b, '\n');
	}
}

enum { LIST_JSON };
static const struct cli_opt list_opts[] = {
	[LIST_JSON] = { "json", 0, CLI_FLAG, NULL, 0, 0, 0,
	    N_("one JSON array of the meetings") },
	{ NULL, 0, 0, NULL, 0, 0, 0, NULL }
};

static int
cli_list(struct cli *c, const struct cli_args *a)
{
	struct meeting_summary *v;
	struct store *s;
	struct buf b = BUF_INIT;
	struct err e;
	size_t n;
	int rc;

	if ((rc = cli_store(c, &s)))
		return rc;
	if (store_meeting_list(s, &v, &n, &e))
		return cli_fail_err(c, &e);
	if (a->val[LIST_JSON])
		list_json(&b, v, n);
	else if (n)
		list_table(c, &b, v, n);
	store_summaries_free(v, n);
	if (cli_write_text(c, NULL, buf_str(&b), b.len, &e))
		rc = cli_fail_err(c, &e);
	buf_free(&b);
	return rc;
}

const struct cli_cmd cli_cmd_list = { "list", NULL,
    N_("meetings, newest first"), list_opts, 0, cli_list };

/* Loads the meeting whose ID is arg, and its template. */
static int
load(struct cli *c, const char *arg, struct meeting *m, struct tmpl_set *set,
    const struct tmpl **t)
{
	struct store *s;
	struct err e;
	long long id;
	int rc;

	meeting_init(m);
	memset(set, 0, sizeof *set);
	if (arg == NULL)
		return cli_fail(c, EXIT_USAGE, _("which meeting? give its ID"));
	if (cli_parse_id(arg, &id))
		return cli_fail(c, EXIT_USAGE, _("\"%s\" is not a meeting ID"), arg);
	if (tmpl_set_load(set, &e))
		return cli_fail_err(c, &e);
	if ((rc = cli_store(c, &s)))
		return rc;
	if (store_meeting_load(s, (int64_t)id, m, &e))
		return cli_fail_err(c, &e);
	*t = tmpl_find(set, m->field[F_TEMPLATE]);
	if (*t == NULL)
		return cli_fail(c, EXIT_RUNTIME, _("meeting %lld uses template "
		    "\"%s\", which is not installed"), id, m->field[F_TEMPLATE]);
	return 0;
}

/* Writes meeting arg in format f to out (NULL: standard output). */
static int
write_meeting(struct cli *c, const char *arg, const struct export_format *f,
    size_t width, const char *out)
{
	struct meeting m;
	struct tmpl_set set;
	const struct tmpl *t;
	struct buf b = BUF_INIT;
	struct err e;
	int rc;

	if ((rc = load(c, arg, &m, &set, &t)) == 0) {
		if (export_meeting(f, &b, &m, &set, width, &e))
			rc = cli_fail_err(c, &e);
		if (rc == 0 && out && paths_is_database(out,
		    store_path(c->store)))
			rc = cli_fail(c, EXIT_USAGE, _("%s is the database; "
			    "export to another file"), out);
		else if (rc == 0 && (f->binary ? cli_write_output(out,
		    buf_str(&b), b.len, &e) : cli_write_text(c, out, buf_str(&b),
		    b.len, &e)))
			rc = cli_fail_err(c, &e);
	}
	buf_free(&b);
	meeting_free(&m);
	tmpl_set_free(&set);
	return rc;
}

static int
cli_show(struct cli *c, const struct cli_args *a)
{
	return write_meeting(c, a->n ? a->v[0] : NULL,
	    export_format_find("text"), 80, NULL);
}

const struct cli_cmd cli_cmd_show = { "show", "ID",
    N_("the meeting as text"), NULL, 1, cli_show };

static int
cli_import(struct cli *c, const struct cli_args *a)
{
	struct tmpl_set set;
	struct meeting m;
	struct store *s;
	struct buf in = BUF_INIT;
	struct err e;
	const char *path = a->n ? a->v[0] : "-";
	int rc;

	if (strcmp(path, "-") == 0 && isatty(STDIN_FILENO))
		return cli_fail(c, EXIT_USAGE, _("give a file to import, or "
		    "pipe one into standard input"));
	if (cli_read_input(path, &in, &e)) {
		buf_free(&in);
		return cli_fail_err(c, &e);
	}
	if (tmpl_set_load(&set, &e)) {
		buf_free(&in);
		return cli_fail_err(c, &e);
	}
	rc = md_read(buf_str(&in), in.len, strcmp(path, "-") ? path : "stdin",
	    &set, &m, &e);
	buf_free(&in);
	tmpl_set_free(&set);
	if (rc) {
		meeting_free(&m);
		return cli_fail_err(c, &e);
	}
	if ((rc = cli_store(c, &s)) == 0) {
		char *series = NULL;

		/* A series already stored under another spelling (case,
		 * blanks, uỷ/ủy) is that series. */
		if (store_series_resolve(s, meeting_get(&m, F_SERIES), &series,
		    &e) != 0)
			rc = cli_fail_err(c, &e);
		else {
			meeting_set(&m, F_SERIES, series);
			if (store_meeting_insert(s, &m, &e))
				rc = cli_fail_err(c, &e);
			else
				printf("%" PRId64 "\n", m.id);
		}
		free(series);
	}
	meeting_free(&m);
	return rc;
}

const struct cli_cmd cli_cmd_import = { "import", "[FILE|-]",
    N_("read minutes in the Markdown format; print the new ID"), NULL, 1,
    cli_import };

enum { EXPORT_FORMAT, EXPORT_WIDTH, EXPORT_OUTPUT };
static const struct cli_opt export_opts[] = {
	[EXPORT_FORMAT] = { "format", 0, CLI_CHOICE, "{formats}", 0, 0, 0,
	    N_("the format; text by default") },
	[EXPORT_WIDTH] = { "width", 0, CLI_NUM, NULL, 0, 20, 1000,
	    N_("line width of the text layouts (80 by default)") },
	[EXPORT_OUTPUT] = { "output", 'o', CLI_PATH, NULL, 0, 0, 0,
	    N_("write to FILE (atomically) instead of standard output") },
	{ NULL, 0, 0, NULL, 0, 0, 0, NULL }
};

static int
cli_export(struct cli *c, const struct cli_args *a)
{
	const char *fname = a->val[EXPORT_FORMAT] ? a->val[EXPORT_FORMAT] :
	    c->set.val[SET_EXPORT_FORMAT];
	const struct export_format *f = fname ? export_format_find(fname) :
	    export_format_at(0);
	size_t width = a->val[EXPORT_WIDTH] ? (size_t)a->num[EXPORT_WIDTH] :
	    c->set.val[SET_WIDTH] ? (size_t)c->set.num[SET_WIDTH] : 80;

	/* Options were checked by the parser; the settings only here. */
	int rc;

	if (f == NULL)
		return cli_fail_setting(c, SET_EXPORT_FORMAT, _("is not one of "
		    "the export formats"));
	if ((rc = cli_refuse_binary(c, f->name, f->binary,
	    a->val[EXPORT_OUTPUT])) != 0)
		return rc;
	return write_meeting(c, a->n ? a->v[0] : NULL, f, width,
	    a->val[EXPORT_OUTPUT]);
}

const struct cli_cmd cli_cmd_export = { "export", "ID",
    N_("write a meeting out"), export_opts, 1, cli_export };

static int
cli_templates(struct cli *c, const struct cli_args *a)
{
	struct tmpl_set set;
	struct err e;
	int rc = 0;

	(void)a;
	if (tmpl_set_load(&set, &e))
		return cli_fail_err(c, &e);
	for (size_t i = 0; i < set.n; i++) {
		const struct tmpl *t = &set.t[i];

		printf("%-12s %-3s %s\n", t->id, t->lang, t->name);
		for (size_t k = 0; k < t->nsec; k++)
			printf("    %-12s %s\n", t->sec[k].key, t->sec[k].heading);
	}
	if (set.n == 0)
		rc = cli_no_templates(c);
	tmpl_set_free(&set);
	return rc;
}

const struct cli_cmd cli_cmd_templates = { "templates", NULL,
    N_("list the templates found"), NULL, 0, cli_templates };
