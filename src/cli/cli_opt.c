/*
 * The one option parser of the command line, and the usage text, both
 * read from a subcommand's entry in the command table (struct cli_cmd):
 * the entry says which options there are, what each takes and which
 * exclude each other, so no subcommand parses or checks its own argv and
 * the usage can never disagree with what is accepted.  getopt_long does
 * the scanning (long options, "--name=value", abbreviations, operands
 * before or after options); this file builds its tables and turns its
 * verdicts into our one-line messages.
 */
#include "config.h"

#include <assert.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "export/export.h"
#include "lib/buf.h"
#include "lib/cal.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/str.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"

/* getopt_long returns OPT_BASE + index for an option given by its long
 * name, above every character a short option can be; OPT_HELP for -h
 * and --help, which every subcommand takes. */
#define OPT_BASE 256
#define OPT_HELP (OPT_BASE + CLI_MAXOPT)

const char *
cli_format_names(void)
{
	static struct buf names = BUF_INIT;

	if (names.len == 0)
		for (size_t i = 0; i < export_format_count(); i++)
			buf_printf(&names, "%s%s", i ? "|" : "",
			    export_format_at(i)->name);
	return buf_str(&names);
}

/* An option's value as usage shows it ("N", "text|md|json|html"). */
static const char *
meta(const struct cli_opt *o)
{
	if (o->meta && strcmp(o->meta, "{formats}") == 0)
		return cli_format_names();
	if (o->meta)
		return o->meta;
	switch (o->type) {
	case CLI_NUM:
		return "N";
	case CLI_DATE:
		return "DATE";
	case CLI_MEETING:
		return "ID";
	case CLI_PATH:
		return "FILE";
	default:
		return "TEXT";
	}
}

/* "--name VALUE", or "-c VALUE" for an option that has a short alias. */
static void
opt_words(struct buf *b, const struct cli_opt *o, bool both)
{
	if (o->shortc && both)
		buf_printf(b, "-%c, --%s", o->shortc, o->name);
	else if (o->shortc)
		buf_printf(b, "-%c", o->shortc);
	else
		buf_printf(b, "--%s", o->name);
	if (o->type != CLI_FLAG)
		buf_printf(b, " %s", meta(o));
}

static void
synopsis(struct buf *b, const struct cli_cmd *cmd)
{
	const char *ops = cmd->operands ? cmd->operands : "";
	const struct cli_opt *o = cmd->opts;

	buf_adds(b, cmd->name);
	if (*ops && *ops != '[')
		buf_printf(b, " %s", ops);
	for (size_t i = 0; o && o[i].name; i++) {
		/* A group is shown once, at its first member. */
		if (o[i].group && i > 0 && o[i - 1].group == o[i].group)
			continue;
		buf_adds(b, " [");
		opt_words(b, &o[i], false);
		for (size_t k = i + 1; o[i].group && o[k].name &&
		    o[k].group == o[i].group; k++) {
			buf_addc(b, '|');
			opt_words(b, &o[k], false);
		}
		buf_addc(b, ']');
	}
	if (*ops == '[')
		buf_printf(b, " %s", ops);
}

void
cli_usage_entry(FILE *f, const char *left, const char *summary)
{
	size_t col = 2;
	const char *p = left;

	/* Wrapped at 79 columns between bracketed groups, never inside
	 * one; the summary on a line of its own. */
	fputs("  ", f);
	while (*p) {
		const char *q = p;
		int depth = 0;

		while (*q && (depth > 0 || *q != ' ')) {
			depth += *q == '[' ? 1 : *q == ']' ? -1 : 0;
			q++;
		}
		if (p != left && col + 1 + (size_t)(q - p) > 79) {
			fputs("\n     ", f);
			col = 5;
		}
		if (p != left) {
			fputc(' ', f);
			col++;
		}
		fwrite(p, 1, (size_t)(q - p), f);
		col += (size_t)(q - p);
		p = *q ? q + 1 : q;
	}
	if (summary)
		fprintf(f, "\n        %s", summary);
	fputc('\n', f);
}

void
cli_usage_line(FILE *f, const struct cli_cmd *cmd)
{
	struct buf b = BUF_INIT;

	synopsis(&b, cmd);
	cli_usage_entry(f, buf_str(&b), cmd->summary ? _(cmd->summary) : NULL);
	buf_free(&b);
}

void
cli_cmd_usage(FILE *f, const struct cli_cmd *cmd)
{
	const struct cli_opt *o = cmd->opts;
	struct buf b = BUF_INIT;

	buf_adds(&b, "minutes ");
	synopsis(&b, cmd);
	fprintf(f, "%s\n", _("Usage:"));
	cli_usage_entry(f, buf_str(&b), cmd->summary ? _(cmd->summary) : NULL);
	fprintf(f, "\n%s\n", _("Options:"));
	for (size_t i = 0; o && o[i].name; i++) {
		buf_reset(&b);
		opt_words(&b, &o[i], true);
		cli_usage_entry(f, buf_str(&b), _(o[i].help));
	}
	cli_usage_entry(f, "-h, --help", _("show this help"));
	for (size_t i = 0; o && o[i].name; i++) {
		if (o[i].meta == NULL || strcmp(o[i].meta, "{formats}") != 0)
			continue;
		fprintf(f, "\n%s\n", _("Formats:"));
		for (size_t k = 0; k < export_format_count(); k++)
			cli_usage_entry(f, export_format_at(k)->name,
			    _(export_format_at(k)->what));
	}
	buf_free(&b);
}

/* Checks the value v of option o by its type; 0 or an exit status.  A
 * date is written as YYYY-MM-DD into iso. */
static int
check_value(struct cli *c, const struct cli_opt *o, const char *v, long *num,
    char iso[11])
{
	struct ymd d;
	enum cal_read r;
	struct err e;

	char name[64], *end;

	snprintf(name, sizeof name, "--%s", o->name);
	switch (o->type) {
	case CLI_FLAG:
	case CLI_PATH:
		break;
	case CLI_TEXT:
		if (!utf8_valid(v, strlen(v), NULL))
			return cli_fail(c, EXIT_USAGE, _("%s: not valid UTF-8"),
			    name);
		break;
	case CLI_NUM:
		errno = 0;
		*num = strtol(v, &end, 10);
		if (errno || end == v || *end || *num < o->lo || *num > o->hi)
			return cli_fail(c, EXIT_USAGE, _("%s must be a number "
			    "from %ld to %ld"), name, o->lo, o->hi);
		break;
	case CLI_DATE:
		/* No meeting gives the year of a day and month alone. */
		if ((r = cal_read_date(v, NULL, &d)) != CAL_OK) {
			cal_date_error(&e, r, name, v);
			return cli_fail(c, EXIT_USAGE, "%s", e.msg);
		}
		cal_format_iso(d, iso);
		break;
	case CLI_MEETING: {
		long long id;

		if (cli_parse_id(v, &id))
			return cli_fail(c, EXIT_USAGE,
			    _("\"%s\" is not a meeting ID"), v);
		*num = (long)id;
		break;
	}
	case CLI_CHOICE:
		if (!str_one_of(v, meta(o)))
			return cli_fail(c, EXIT_USAGE, _("%s: \"%s\" is not one "
			    "of %s"), name, v, meta(o));
		break;
	}
	return 0;
}

/* Records option i with value v (NULL for a flag) in a. */
static int
take(struct cli *c, const struct cli_opt *o, size_t i, const char *v,
    struct cli_args *a)
{
	int rc;

	for (size_t k = 0; o[i].group && o[k].name; k++)
		if (k != i && o[k].group == o[i].group && a->val[k]) {
			char was[64], now[64];

			snprintf(was, sizeof was, "--%s", o[k].name);
			snprintf(now, sizeof now, "--%s", o[i].name);
			return cli_fail(c, EXIT_USAGE, _("%s and %s cannot be "
			    "used together"), was, now);
		}
	if ((rc = check_value(c, &o[i], v ? v : "", &a->num[i],
	    a->iso[i])) != 0)
		return rc;
	a->val[i] = o[i].type == CLI_DATE ? a->iso[i] : v ? v : "";
	return 0;
}

/* Reports what getopt_long refused: ch is '?' or ':'. */
static int
refused(struct cli *c, const struct cli_opt *o, int ch, char **argv)
{
	if (ch == ':')
		return cli_fail(c, EXIT_USAGE, _("option \"%s\" needs a value"),
		    argv[optind - 1]);
	if (optopt == OPT_HELP)
		return cli_fail(c, EXIT_USAGE, _("option \"--%s\" takes no "
		    "value"), "help");
	if (optopt >= OPT_BASE)
		return cli_fail(c, EXIT_USAGE, _("option \"--%s\" takes no "
		    "value"), o[optopt - OPT_BASE].name);
	if (optopt > 0) {
		char s[3] = { '-', (char)optopt, '\0' };

		return cli_fail(c, EXIT_USAGE, _("unknown option \"%s\"; see "
		    "minutes %s --help"), s, c->cmd);
	}
	return cli_fail(c, EXIT_USAGE, _("unknown option \"%s\"; see "
	    "minutes %s --help"), argv[optind - 1], c->cmd);
}

int
cli_parse(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv,
    struct cli_args *a)
{
	static const struct cli_opt none[] = { { NULL, 0, 0, NULL, 0, 0, 0,
	    NULL } };
	const struct cli_opt *o = cmd->opts ? cmd->opts : none;
	struct option longs[CLI_MAXOPT + 2];
	char shorts[2 * CLI_MAXOPT + 3] = ":h";
	size_t n = 0, ns = 2;
	int ch, rc;

	memset(a, 0, sizeof *a);
	for (; o[n].name; n++) {
		bool arg;

		assert(n < CLI_MAXOPT);
		arg = o[n].type != CLI_FLAG;
		longs[n] = (struct option){ o[n].name, arg ? required_argument :
		    no_argument, NULL, OPT_BASE + (int)n };
		if (o[n].shortc) {
			shorts[ns++] = (char)o[n].shortc;
			if (arg)
				shorts[ns++] = ':';
		}
	}
	longs[n] = (struct option){ "help", no_argument, NULL, OPT_HELP };
	longs[n + 1] = (struct option){ NULL, 0, NULL, 0 };
	shorts[ns] = '\0';
	optind = 0;	/* glibc: start afresh, optstring included */
	opterr = 0;
	while ((ch = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
		size_t i = (size_t)ch - OPT_BASE;

		if (ch == '?' || ch == ':')
			return refused(c, o, ch, argv);
		if (ch == 'h' || ch == OPT_HELP) {
			cli_cmd_usage(stdout, cmd);
			return CLI_DONE;
		}
		if (ch < OPT_BASE)
			for (i = 0; o[i].shortc != ch; i++)
				;
		if ((rc = take(c, o, i, optarg, a)) != 0)
			return rc;
	}
	a->n = argc - optind;
	a->v = argv + optind;
	if (cmd->max >= 0 && a->n > cmd->max)
		return cli_fail(c, EXIT_USAGE, _("unexpected argument \"%s\""),
		    a->v[cmd->max]);
	return 0;
}
