/*
 * Subcommands on whole meetings: list, show, import, export, templates.
 * Input is parsed and checked completely before the database is opened,
 * so bad input never creates or changes a database.
 */
#include "config.h"

#include <getopt.h>
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

int
cli_list(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		{ "json", no_argument, NULL, 'j' }, { NULL, 0, NULL, 0 }
	};
	struct meeting_summary *v;
	struct store *s;
	struct buf b = BUF_INIT;
	struct err e;
	size_t n;
	int ch, rc = 0, json = 0;

	while ((ch = cli_getopt(c, argc, argv, ":o:", longs, &rc)) != -1) {
		if (ch == -2)
			return rc;
		if (ch == 'j')
			json = 1;
		else
			return cli_fail(c, EXIT_USAGE, _("unknown option \"%s\""),
			    argv[optind - 1]);
	}
	if (optind < argc)
		return cli_fail(c, EXIT_USAGE, _("unexpected argument \"%s\""),
		    argv[optind]);
	if ((rc = cli_store(c, &s)))
		return rc;
	if (store_meeting_list(s, &v, &n, &e))
		return cli_fail_err(c, &e);
	if (json) {
		buf_addc(&b, '[');
		for (size_t i = 0; i < n; i++) {
			buf_printf(&b, "%s{\"id\":%" PRId64 ",\"date\":", i ? "," : "",
			    v[i].id);
			json_str(&b, v[i].date);
			buf_adds(&b, ",\"title\":");
			json_str(&b, v[i].title);
			buf_adds(&b, ",\"series\":");
			json_str(&b, v[i].series);
			buf_adds(&b, ",\"template\":");
			json_str(&b, v[i].template_id);
			buf_printf(&b, ",\"status\":\"%s\",\"open_tasks\":%d}",
			    v[i].final ? "final" : "draft", v[i].open_tasks);
		}
		buf_adds(&b, "]\n");
	} else if (n) {
		const char *hid = _("ID"), *hdate = _("DATE"), *hopen = _("OPEN"),
		    *htitle = _("TITLE");
		size_t wid = utf8_width(hid, strlen(hid));
		size_t wopen = utf8_width(hopen, strlen(hopen));

		for (size_t i = 0; i < n; i++) {
			char tmp[32];
			size_t w = (size_t)snprintf(tmp, sizeof tmp, "%" PRId64,
			    v[i].id);

			if (w > wid)
				wid = w;
		}
		pad(&b, hid, wid);
		buf_adds(&b, "  ");
		pad(&b, hdate, 10);
		buf_adds(&b, "  ");
		pad(&b, hopen, wopen);
		buf_adds(&b, "  ");
		buf_adds(&b, htitle);
		buf_addc(&b, '\n');
		for (size_t i = 0; i < n; i++) {
			char tmp[32];

			snprintf(tmp, sizeof tmp, "%" PRId64, v[i].id);
			buf_addrep(&b, ' ', wid - strlen(tmp));
			buf_adds(&b, tmp);
			buf_adds(&b, "  ");
			pad(&b, v[i].date, 10);
			buf_adds(&b, "  ");
			snprintf(tmp, sizeof tmp, "%d", v[i].open_tasks);
			buf_addrep(&b, ' ', wopen > strlen(tmp) ? wopen - strlen(tmp) : 0);
			buf_adds(&b, tmp);
			buf_adds(&b, "  ");
			utf8_escape_ctrl(&b, v[i].title, strlen(v[i].title));
			if (v[i].series) {
				buf_adds(&b, " [");
				utf8_escape_ctrl(&b, v[i].series, strlen(v[i].series));
				buf_addc(&b, ']');
			}
			if (v[i].final)
				buf_printf(&b, " (%s)", _("final"));
			buf_addc(&b, '\n');
		}
	}
	store_summaries_free(v, n);
	fwrite(buf_str(&b), 1, b.len, stdout);
	buf_free(&b);
	return EXIT_OK;
}

/* Loads meeting ID (argv[optind]) and its template. */
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

int
cli_show(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = { { NULL, 0, NULL, 0 } };
	struct meeting m;
	struct tmpl_set set;
	const struct tmpl *t;
	struct buf b = BUF_INIT;
	struct err e;
	int ch, rc = 0;

	while ((ch = cli_getopt(c, argc, argv, ":o:", longs, &rc)) != -1)
		return ch == -2 ? rc : cli_fail(c, EXIT_USAGE,
		    _("unknown option \"%s\""), argv[optind - 1]);
	if (optind + 1 < argc)
		return cli_fail(c, EXIT_USAGE, _("unexpected argument \"%s\""),
		    argv[optind + 1]);
	if ((rc = load(c, argv[optind], &m, &set, &t)) == 0) {
		export_text(&b, &m, t, 80);
		if (cli_write_output(NULL, buf_str(&b), b.len, &e))
			rc = cli_fail_err(c, &e);
	}
	buf_free(&b);
	meeting_free(&m);
	tmpl_set_free(&set);
	return rc;
}

int
cli_import(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = { { NULL, 0, NULL, 0 } };
	struct tmpl_set set;
	struct meeting m;
	struct store *s;
	struct buf in = BUF_INIT;
	struct err e;
	const char *path;
	int ch, rc = 0;

	while ((ch = cli_getopt(c, argc, argv, ":o:", longs, &rc)) != -1)
		return ch == -2 ? rc : cli_fail(c, EXIT_USAGE,
		    _("unknown option \"%s\""), argv[optind - 1]);
	if (optind + 1 < argc)
		return cli_fail(c, EXIT_USAGE, _("unexpected argument \"%s\""),
		    argv[optind + 1]);
	path = optind < argc ? argv[optind] : "-";
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
		if (store_meeting_insert(s, &m, &e))
			rc = cli_fail_err(c, &e);
		else
			printf("%" PRId64 "\n", m.id);
	}
	meeting_free(&m);
	return rc;
}

int
cli_export(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "width", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 }
	};
	const struct export_format *f = export_format_at(0);
	const char *out = NULL;
	struct meeting m;
	struct tmpl_set set;
	const struct tmpl *t;
	struct buf b = BUF_INIT;
	struct err e;
	long width = 80;
	int ch, rc = 0;

	while ((ch = cli_getopt(c, argc, argv, ":o:", longs, &rc)) != -1) {
		char *end;

		switch (ch) {
		case -2:
			return rc;
		case 'f':
			if ((f = export_format_find(optarg)) == NULL)
				return cli_fail(c, EXIT_USAGE, _("format \"%s\" is "
				    "not one of %s"), optarg, cli_format_names());
			break;
		case 'o':
			out = optarg;
			break;
		case 'w':
			width = strtol(optarg, &end, 10);
			if (*end || width < 20 || width > 1000)
				return cli_fail(c, EXIT_USAGE, _("--width must be "
				    "a number from 20 to 1000"));
			break;
		default:
			return cli_fail(c, EXIT_USAGE, _("unknown option \"%s\""),
			    argv[optind - 1]);
		}
	}
	if (optind + 1 < argc)
		return cli_fail(c, EXIT_USAGE, _("unexpected argument \"%s\""),
		    argv[optind + 1]);
	if ((rc = cli_refuse_binary(c, f->name, f->binary, out)) != 0)
		return rc;
	if ((rc = load(c, argv[optind], &m, &set, &t)) == 0) {
		if (export_meeting(f, &b, &m, &set, (size_t)width, &e))
			rc = cli_fail_err(c, &e);
		if (rc == 0 && out && paths_is_database(out,
		    store_path(c->store)))
			rc = cli_fail(c, EXIT_USAGE, _("%s is the database; "
			    "export to another file"), out);
		else if (rc == 0 && cli_write_output(out, buf_str(&b), b.len,
		    &e))
			rc = cli_fail_err(c, &e);
	}
	buf_free(&b);
	meeting_free(&m);
	tmpl_set_free(&set);
	return rc;
}

int
cli_templates(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = { { NULL, 0, NULL, 0 } };
	struct tmpl_set set;
	struct err e;
	int ch, rc = 0;

	while ((ch = cli_getopt(c, argc, argv, ":o:", longs, &rc)) != -1)
		return ch == -2 ? rc : cli_fail(c, EXIT_USAGE,
		    _("unknown option \"%s\""), argv[optind - 1]);
	if (optind < argc)
		return cli_fail(c, EXIT_USAGE, _("unexpected argument \"%s\""),
		    argv[optind]);
	if (tmpl_set_load(&set, &e))
		return cli_fail_err(c, &e);
	for (size_t i = 0; i < set.n; i++) {
		const struct tmpl *t = &set.t[i];

		printf("%-12s %-3s %s\n", t->id, t->lang, t->name);
		for (size_t k = 0; k < t->nsec; k++)
			printf("    %-12s %s\n", t->sec[k].key, t->sec[k].heading);
	}
	if (set.n == 0)
		rc = cli_fail(c, EXIT_RUNTIME, _("no templates found in %s"),
		    "templates/");
	tmpl_set_free(&set);
	return rc;
}
