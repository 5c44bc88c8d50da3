/*
 * The search subcommand: every argument after the options is part of the
 * query (so both `minutes search dang vien` and `minutes search '"dang
 * vien"'` work), the query is parsed by search.c before the database is
 * opened, and each hit is printed as one line -- id, date, title and a
 * snippet with the matches marked -- cut to the terminal's width by
 * display width, never wrapped, so the output stays one hit per line for
 * scripts as well as for eyes.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/search.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/json.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"
#include "store/store.h"

#define MARK_OPEN "\xc2\xbb"	/* » */
#define MARK_CLOSE "\xc2\xab"	/* « */
/* Columns of a snippet when the line is not cut: the JSON's. */
#define SNIPPET_WHOLE 200

/* Appends s cut to width columns, with "…" when cut; its width. */
static size_t
fit(struct buf *b, const char *s, size_t width)
{
	struct buf t = BUF_INIT;
	size_t w, n;

	/* Escape first: the width of an escaped control character is what
	 * the terminal shows. */
	utf8_escape_ctrl(&t, s, strlen(s));
	w = utf8_width(buf_str(&t), t.len);
	if (w <= width) {
		buf_add(b, buf_str(&t), t.len);
		buf_free(&t);
		return w;
	}
	n = utf8_fit(buf_str(&t), t.len, width - 1);
	while (n > 0 && t.s[n - 1] == ' ')
		n--;
	buf_add(b, buf_str(&t), n);
	buf_adds(b, "\xe2\x80\xa6");
	w = utf8_width(buf_str(&t), n) + 1;
	buf_free(&t);
	return w;
}

static const char *
part_word(enum search_part p)
{
	switch (p) {
	case SEARCH_PART_TITLE:		return "title";
	case SEARCH_PART_HEADER:	return "header";
	case SEARCH_PART_ROSTER:	return "roster";
	case SEARCH_PART_SECTION:	return "section";
	case SEARCH_PART_TASKS:		return "tasks";
	}
	return "title";
}

static void
print_json(struct buf *b, const struct search_hit *v, size_t n,
    const struct search_query *q)
{
	buf_addc(b, '[');
	for (size_t i = 0; i < n; i++) {
		struct buf sn = BUF_INIT;

		search_snippet(&sn, v[i].text, q, SNIPPET_WHOLE, MARK_OPEN,
		    MARK_CLOSE);
		buf_printf(b, "%s{\"id\":%" PRId64 ",\"date\":", i ? "," : "",
		    v[i].id);
		json_str(b, v[i].date);
		json_member(b, "title", v[i].title);
		buf_printf(b, ",\"exact\":%s,\"part\":\"%s\",\"section\":",
		    v[i].exact ? "true" : "false", part_word(v[i].part));
		json_str(b, v[i].section);
		json_member(b, "snippet", buf_str(&sn));
		buf_addc(b, '}');
		buf_free(&sn);
	}
	buf_adds(b, "]\n");
}

static void
print_lines(const struct cli *c, struct buf *b, const struct search_hit *v,
    size_t n, const struct search_query *q, size_t width)
{
	char d[11];

	size_t idw = 1;

	for (size_t i = 0; i < n; i++) {
		char tmp[32];
		size_t w = (size_t)snprintf(tmp, sizeof tmp, "%" PRId64, v[i].id);

		if (w > idw)
			idw = w;
	}
	for (size_t i = 0; i < n; i++) {
		size_t used = idw + 2 + 10 + 2, rest, tw;
		char tmp[32];

		snprintf(tmp, sizeof tmp, "%" PRId64, v[i].id);
		buf_addrep(b, ' ', idw - strlen(tmp));
		buf_adds(b, tmp);
		buf_adds(b, "  ");
		buf_adds(b, cli_date(c, v[i].date, d));
		buf_adds(b, "  ");
		rest = width > used ? width - used : 0;
		/* The title takes at most two fifths of what is left, so the
		 * snippet -- the reason for the line -- has room.  Off a
		 * terminal the title is whole and the snippet as long as in
		 * the JSON. */
		tw = width == CLI_WHOLE ? width : rest * 2 / 5;
		if (tw < 10)
			tw = rest;
		tw = fit(b, v[i].title, tw);
		if (width == CLI_WHOLE)
			rest = tw + 2 + SNIPPET_WHOLE;
		if (rest > tw + 2 + 8) {
			buf_adds(b, "  ");
			search_snippet(b, v[i].text, q, rest - tw - 2, MARK_OPEN,
			    MARK_CLOSE);
		}
		while (b->len > 0 && b->s[b->len - 1] == ' ')
			buf_truncate(b, b->len - 1);
		buf_addc(b, '\n');
	}
}

enum { SEARCH_LIMIT, SEARCH_WIDTH, SEARCH_JSON };
static const struct cli_opt search_opts[] = {
	[SEARCH_LIMIT] = { "limit", 0, CLI_NUM, NULL, 0, 1, 100000,
	    N_("at most N meetings (20 by default)") },
	[SEARCH_WIDTH] = { "width", 0, CLI_NUM, NULL, 0, 20, 1000,
	    N_("cut each line to N columns (off a terminal: whole titles)") },
	[SEARCH_JSON] = { "json", 0, CLI_FLAG, NULL, 0, 0, 0,
	    N_("one JSON array of the hits") },
	{ NULL, 0, 0, NULL, 0, 0, 0, NULL }
};

static int
cli_search(struct cli *c, const struct cli_args *a)
{
	struct search_query q;
	struct search_hit *v;
	struct store *s;
	struct buf text = BUF_INIT, b = BUF_INIT;
	struct err e;
	long limit = a->val[SEARCH_LIMIT] ? a->num[SEARCH_LIMIT] : 20;
	long width = a->val[SEARCH_WIDTH] ? a->num[SEARCH_WIDTH] : 0;
	bool json = a->val[SEARCH_JSON] != NULL;
	size_t n;
	int rc;

	if (a->n == 0)
		return cli_fail(c, EXIT_USAGE, _("what to search for? give "
		    "some words"));
	for (int i = 0; i < a->n; i++)
		buf_printf(&text, "%s%s", i ? " " : "", a->v[i]);
	if (search_query_parse(buf_str(&text), 0, &q, &e)) {
		buf_free(&text);
		return cli_fail_err(c, &e);
	}
	buf_free(&text);
	if ((rc = cli_store(c, &s)) != 0) {
		search_query_free(&q);
		return rc;
	}
	if (store_search(s, &q, (size_t)limit, &v, &n, &e)) {
		search_query_free(&q);
		return cli_fail_err(c, &e);
	}
	if (json)
		print_json(&b, v, n, &q);
	else
		print_lines(c, &b, v, n, &q, cli_out_width(width));
	if (n == 0 && !json && isatty(STDOUT_FILENO))
		buf_printf(&b, "%s\n", _("No meeting matches."));
	if (cli_write_text(c, NULL, buf_str(&b), b.len, &e))
		rc = cli_fail_err(c, &e);
	buf_free(&b);
	store_search_hits_free(v, n);
	search_query_free(&q);
	return rc;
}

const struct cli_cmd cli_cmd_search = { "search", "QUERY",
    N_("full-text search, diacritic-insensitive"), search_opts, -1,
    cli_search };
