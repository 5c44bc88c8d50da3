/*
 * `minutes extract`: runs the extractor over any text and prints JSON
 * lines (SPEC section 2), or with --check-rules only compiles the rule
 * files and reports what is wrong with them.  Kept apart from cli.c so
 * the subcommand's options and output live next to each other.
 */
#include "config.h"

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

static void
items_json(struct buf *out, const struct extract_item *it, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		buf_printf(out, "{\"sentence\":%d,\"start\":%zu,\"end\":%zu,"
		    "\"assignee\":", it[i].sentence, it[i].start, it[i].end);
		json_str(out, it[i].assignee);
		json_member(out, "task", it[i].task);
		json_member(out, "deadline_text", it[i].deadline_text);
		buf_adds(out, ",\"due\":");
		due_json(out, it[i].has_due, it[i].due);
		buf_adds(out, "}\n");
	}
}

static void
deadlines_json(struct buf *out, const struct extract_deadline *d, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		buf_printf(out, "{\"start\":%zu,\"end\":%zu,\"text\":",
		    d[i].start, d[i].end);
		json_str(out, d[i].text);
		buf_adds(out, ",\"due\":");
		due_json(out, true, d[i].due);
		buf_adds(out, "}\n");
	}
}

/* --check-rules: every problem on its own line, then a verdict by status. */
static int
check_rules(struct extractor *x)
{
	const char *p;
	int rc = EXIT_OK;

	for (size_t i = 0; (p = extract_problem(x, i)) != NULL; i++) {
		fprintf(stderr, "minutes: extract: %s\n", p);
		rc = EXIT_USAGE;
	}
	if (rc == EXIT_OK)
		printf(_("%zu rules compiled, no problems\n"), extract_nrules(x));
	return rc;
}

/* Runs x over the text in, appending JSON lines to out. */
static int
run(struct extractor *x, const struct buf *in, struct ymd ref, bool deadlines,
    struct buf *out, struct err *e)
{
	if (deadlines) {
		struct extract_deadline *d;
		size_t n;

		if (extract_deadlines(x, buf_str(in), in->len, ref, &d, &n, e))
			return -1;
		deadlines_json(out, d, n);
		extract_deadlines_free(d, n);
	} else {
		struct extract_item *it;
		size_t n;

		if (extract_items(x, buf_str(in), in->len, ref, &it, &n, e))
			return -1;
		items_json(out, it, n);
		extract_items_free(it, n);
	}
	return 0;
}

enum { EXTRACT_LANG, EXTRACT_DATE, EXTRACT_DEADLINES, EXTRACT_CHECK,
    EXTRACT_SECTION };
static const struct cli_opt extract_opts[] = {
	[EXTRACT_LANG] = { "lang", 0, CLI_CHOICE, "vi|en|auto", 0, 0, 0,
	    N_("the text's language (auto by default)") },
	[EXTRACT_DATE] = { "date", 0, CLI_DATE, NULL, 0, 0, 0,
	    N_("the reference date for relative deadlines (today)") },
	[EXTRACT_DEADLINES] = { "deadlines", 0, CLI_FLAG, NULL, 0, 0, 0,
	    N_("every deadline found, in a task or not") },
	[EXTRACT_CHECK] = { "check-rules", 0, CLI_FLAG, NULL, 0, 0, 0,
	    N_("only compile the rule files and report their problems") },
	[EXTRACT_SECTION] = { "section", 0, CLI_TEXT, "KEY", 0, 0, 0,
	    N_("the section the text comes from (it changes what counts as a "
	    "task)") },
	{ NULL, 0, 0, NULL, 0, 0, 0, NULL }
};

static int
cli_extract(struct cli *c, const struct cli_args *a)
{
	const char *lang = a->val[EXTRACT_LANG] ? a->val[EXTRACT_LANG] : "auto";
	const char *path = a->n ? a->v[0] : NULL, *p;
	struct extractor *x;
	struct err e = { 0 };
	struct buf in = BUF_INIT, out = BUF_INIT;
	struct ymd ref;
	int rc = EXIT_OK;

	if (a->val[EXTRACT_DATE])
		cal_parse_iso(a->val[EXTRACT_DATE], &ref);
	else if (cal_today(&ref, &e) != 0)
		return cli_fail_err(c, &e);
	if ((x = extract_new(lang, &e)) == NULL)
		return cli_fail_err(c, &e);
	if (a->val[EXTRACT_CHECK]) {
		rc = check_rules(x);
		extract_free(x);
		return rc;
	}
	/* A broken user rule must not stop the others: say so once. */
	if ((p = extract_problem(x, 0)) != NULL)
		fprintf(stderr, "minutes: extract: %s%s\n", p,
		    extract_problem(x, 1) ? _(" (and more; see --check-rules)") : "");
	extract_set_section(x, a->val[EXTRACT_SECTION]);
	if (cli_read_input(path, &in, &e) != 0)
		rc = -2;
	else if (run(x, &in, ref, a->val[EXTRACT_DEADLINES] != NULL, &out, &e))
		rc = -1;
	/* A rule stopped by the match limit may have missed text. */
	for (size_t i = 0; rc != -2 && (p = extract_warning(x, i)) != NULL; i++)
		fprintf(stderr, "minutes: extract: %s\n", p);
	extract_free(x);
	buf_free(&in);
	if (rc < 0) {
		buf_free(&out);
		if (path && rc == -1)
			err_prefix(&e, "%s", path);
		return cli_fail_err(c, &e);
	}
	if (out.len && fwrite(out.s, 1, out.len, stdout) != out.len)
		rc = cli_fail(c, EXIT_RUNTIME, _("cannot write to standard output"));
	buf_free(&out);
	return rc;
}

const struct cli_cmd cli_cmd_extract = { "extract", "[FILE|-]",
    N_("find action items and deadlines in text; JSON lines"), extract_opts,
    1, cli_extract };
