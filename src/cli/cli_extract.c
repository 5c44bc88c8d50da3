/*
 * `minutes extract`: runs the extractor over any text and prints JSON
 * lines (SPEC section 2), or with --check-rules only compiles the rule
 * files and reports what is wrong with them.  Kept apart from cli.c so
 * the subcommand's options and output live next to each other.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "extract/extract.h"
#include "lib/buf.h"
#include "lib/cal.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/json.h"

static void
due_json(struct buf *b, bool has, struct ymd d)
{
	char iso[11];

	if (!has) {
		buf_adds(b, "null");
		return;
	}
	cal_format_iso(d, iso);
	json_str(b, iso);
}

int
cli_extract(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "lang", required_argument, NULL, 'l' },
		{ "date", required_argument, NULL, 'd' },
		{ "deadlines", no_argument, NULL, 'D' },
		{ "check-rules", no_argument, NULL, 'C' },
		{ "section", required_argument, NULL, 'S' },
		{ NULL, 0, NULL, 0 }
	};
	const char *lang = "auto", *date = NULL, *path = NULL, *section = NULL;
	bool deadlines = false, check = false;
	struct extractor *x;
	struct err e = { 0 };
	struct buf in = BUF_INIT, out = BUF_INIT;
	struct ymd ref;
	const char *p;
	int ch, rc = EXIT_OK;

	opterr = 0;
	while ((ch = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		switch (ch) {
		case 'l':
			lang = optarg;
			break;
		case 'd':
			date = optarg;
			break;
		case 'D':
			deadlines = true;
			break;
		case 'C':
			check = true;
			break;
		case 'S':
			section = optarg;
			break;
		default:
			return cli_fail(c, EXIT_USAGE,
			    _("unknown option \"%s\"; usage: minutes extract "
			    "[--lang vi|en|auto] [--date YYYY-MM-DD] [--deadlines] "
			    "[--check-rules] [FILE|-]"), argv[optind - 1]);
		}
	}
	if (optind < argc)
		path = argv[optind++];
	if (optind < argc)
		return cli_fail(c, EXIT_USAGE, _("unexpected argument \"%s\""),
		    argv[optind]);
	if (strcmp(lang, "vi") && strcmp(lang, "en") && strcmp(lang, "auto"))
		return cli_fail(c, EXIT_USAGE,
		    _("--lang: \"%s\" is not vi, en or auto"), lang);
	if (date && !cal_parse_iso(date, &ref))
		return cli_fail(c, EXIT_USAGE,
		    _("--date: \"%s\" is not a real date (YYYY-MM-DD)"), date);
	if (!date && cal_today(&ref, &e) != 0)
		return cli_fail_err(c, &e);

	if ((x = extract_new(lang, &e)) == NULL)
		return cli_fail_err(c, &e);
	if (check) {
		/* Every problem on its own line, then a verdict by status. */
		for (size_t i = 0; (p = extract_problem(x, i)) != NULL; i++) {
			fprintf(stderr, "minutes: extract: %s\n", p);
			rc = EXIT_USAGE;
		}
		if (rc == EXIT_OK)
			printf(_("%zu rules compiled, no problems\n"),
			    extract_nrules(x));
		extract_free(x);
		return rc;
	}
	/* A broken user rule must not stop the others: say so once. */
	if ((p = extract_problem(x, 0)) != NULL)
		fprintf(stderr, "minutes: extract: %s%s\n", p,
		    extract_problem(x, 1) ? _(" (and more; see --check-rules)") : "");

	extract_set_section(x, section);
	if (cli_read_input(path, &in, &e) != 0) {
		extract_free(x);
		buf_free(&in);
		return cli_fail_err(c, &e);
	}
	if (deadlines) {
		struct extract_deadline *d;
		size_t n;

		if (extract_deadlines(x, buf_str(&in), in.len, ref, &d, &n, &e) == 0) {
			for (size_t i = 0; i < n; i++) {
				buf_printf(&out, "{\"start\":%zu,\"end\":%zu,\"text\":",
				    d[i].start, d[i].end);
				json_str(&out, d[i].text);
				buf_adds(&out, ",\"due\":");
				due_json(&out, true, d[i].due);
				buf_adds(&out, "}\n");
			}
			extract_deadlines_free(d, n);
		} else
			rc = -1;
	} else {
		struct extract_item *it;
		size_t n;

		if (extract_items(x, buf_str(&in), in.len, ref, &it, &n, &e) == 0) {
			for (size_t i = 0; i < n; i++) {
				buf_printf(&out, "{\"sentence\":%d,\"start\":%zu,"
				    "\"end\":%zu,\"assignee\":", it[i].sentence,
				    it[i].start, it[i].end);
				json_str(&out, it[i].assignee);
				buf_adds(&out, ",\"task\":");
				json_str(&out, it[i].task);
				buf_adds(&out, ",\"deadline_text\":");
				json_str(&out, it[i].deadline_text);
				buf_adds(&out, ",\"due\":");
				due_json(&out, it[i].has_due, it[i].due);
				buf_adds(&out, "}\n");
			}
			extract_items_free(it, n);
		} else
			rc = -1;
	}
	/* A rule stopped by the match limit may have missed text. */
	for (size_t i = 0; (p = extract_warning(x, i)) != NULL; i++)
		fprintf(stderr, "minutes: extract: %s\n", p);
	extract_free(x);
	buf_free(&in);
	if (rc < 0) {
		buf_free(&out);
		if (path)
			err_prefix(&e, "%s", path);
		return cli_fail_err(c, &e);
	}
	if (out.len && fwrite(out.s, 1, out.len, stdout) != out.len)
		rc = cli_fail(c, EXIT_RUNTIME, _("cannot write to standard output"));
	buf_free(&out);
	return rc;
}
