/*
 * Unit tests of the Markdown minutes format: escaping of # lines and table
 * cells, text kept byte for byte (blank lines at either end included),
 * CRLF input, NFC, and the errors with their line numbers.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/mdformat.h"
#include "core/model.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "tap.h"
#include "tmeet.h"
#include "core/tmpl.h"
#include "lib/xmalloc.h"

static struct tmpl_set set;

static const char HEAD[] =
    "---\ntemplate: liaison\ntitle: T\ndate: 2025-01-02\nstatus: draft\n---\n";

/* Writes m, reads it back, writes again: both writes must agree. */
static void
roundtrip(struct meeting *m, const char *what)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	struct meeting r;
	struct err e;

	if (!ok(md_write(&a, m, &set, &e) == 0, "%s: write", what)) {
		buf_free(&a);
		return;
	}
	if (!ok(md_read(a.s, a.len, "x", &set, &r, &e) == 0, "%s: read back",
	    what)) {
		printf("# %s\n", e.msg);
		meeting_free(&r);
		buf_free(&a);
		return;
	}
	md_write(&b, &r, &set, &e);
	is_str(b.s, a.s, "%s: fixed point", what);
	meeting_free(&r);
	buf_free(&a);
	buf_free(&b);
}

static struct meeting
base(void)
{
	struct meeting m;

	meeting_init(&m);
	meeting_set(&m, F_TEMPLATE, "liaison");
	meeting_set(&m, F_TITLE, "T");
	meeting_set(&m, F_DATE, "2025-01-02");
	return m;
}

static void
test_text_bodies(void)
{
	static const char *const bodies[] = {
		"plain", "two\n\nparagraphs", "\nleading blank",
		"trailing newline\n", "trailing blanks\n\n\n", "# hash",
		"\\# backslash hash", "\\\\## two backslashes", "---",
		"## Fake {#results}", "| a | b |", "tab\there", "\n", "\n\n",
	};

	for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
		struct meeting m = base(), r;
		struct buf b = BUF_INIT;
		struct err e;

		meeting_section_set(&m, "results", bodies[i]);
		meeting_section_set(&m, "opinions", bodies[i]);
		md_write(&b, &m, &set, &e);
		if (ok(md_read(b.s, b.len, "x", &set, &r, &e) == 0,
		    "body %zu reads", i)) {
			is_str(meeting_section(&r, "results"), bodies[i],
			    "body %zu survives mid-file", i);
			is_str(meeting_section(&r, "opinions"), bodies[i],
			    "body %zu survives before an empty section", i);
		}
		meeting_free(&r);
		meeting_free(&m);
		buf_free(&b);
	}
}

static void
test_last_section_text(void)
{
	struct tmpl_set one = { 0 };
	struct tmpl t = { 0 };
	struct tmpl_section sec = { 0 };
	struct meeting m = base(), r;
	struct buf b = BUF_INIT;
	struct err e;
	static const char *const bodies[] = { "x", "x\n", "x\n\n", "\n" };

	/* A template whose last section is text. */
	sec.key = "notes";
	sec.heading = "Notes";
	sec.prompt = "";
	sec.kind = SEC_TEXT;
	t.id = "one";
	t.lang = "en";
	t.sec = &sec;
	t.nsec = 1;
	one.t = &t;
	one.n = 1;
	meeting_set(&m, F_TEMPLATE, "one");
	for (size_t i = 0; i < 4; i++) {
		buf_reset(&b);
		meeting_section_set(&m, "notes", bodies[i]);
		md_write(&b, &m, &one, &e);
		if (ok(md_read(b.s, b.len, "x", &one, &r, &e) == 0,
		    "last body %zu reads", i))
			is_str(meeting_section(&r, "notes"), bodies[i],
			    "last body %zu survives at end of file", i);
		meeting_free(&r);
	}
	buf_free(&b);
	meeting_free(&m);
}

static void
test_tables(void)
{
	struct meeting m = base();
	struct attendee *a;
	struct action *t;

	a = meeting_add_attendee(&m);
	a->name = xstrdup("A | B");
	a->position = xstrdup("back\\slash");
	a->organisation = xstrdup("ends with \\");
	a->role = ROLE_GUEST;
	a->presence = PRES_REPRESENTED;
	a->proxy = xstrdup("Nguyễn Văn C");
	a = meeting_add_attendee(&m);
	a->name = xstrdup("Only a name");
	t = meeting_add_action(&m);
	t->task = xstrdup("a|b\\|c");
	t->status = ACT_DROPPED;
	roundtrip(&m, "tables with | and \\");
	meeting_free(&m);
}

static void
expect_error(const char *text, const char *want, const char *what)
{
	struct meeting m;
	struct err e;

	e.msg[0] = '\0';
	is_int(md_read(text, strlen(text), "f.md", &set, &m, &e), ERR_INPUT,
	    "%s is an input error", what);
	if (!ok(strstr(e.msg, want) != NULL, "%s message has \"%s\"", what, want))
		printf("# got: %s\n", e.msg);
	meeting_free(&m);
}

static void
test_errors(void)
{
	char *s;

	expect_error("", "f.md: line 1:", "empty file");
	expect_error("---\ntitle: T\n", "line 1: the front matter is not closed",
	    "unclosed");
	expect_error("---\ntemplate: liaison\ndate: 2025-01-02\n---\n",
	    "line 4: \"title\" is required", "no title");
	expect_error("---\ntemplate: liaison\ntitle: T\ntitle: U\n",
	    "line 4: \"title\" is given twice", "twice");
	s = xasprintf("%s\n## Results achieved {#results}\n\n# raw hash\n", HEAD);
	expect_error(s, "line 10: expected a section heading", "raw # line");
	free(s);
	s = xasprintf("%stext\n", HEAD);
	expect_error(s, "line 7: text before the first", "stray text");
	free(s);
	s = xasprintf("%s\n## Assigned tasks {#tasks}\n\n| a | b | c | d |\n| x | y | z | w |\n", HEAD);
	expect_error(s, "line 11: expected the separator", "no separator");
	free(s);
	s = xasprintf("%s\n## Assigned tasks {#tasks}\n\n| a | b | c | d |\n"
	    "|---|---|---|---|\n| x |  | 2025-01-01 | open |\n", HEAD);
	expect_error(s, "line 12: a task needs its content", "empty task");
	free(s);
	s = xasprintf("%s\n## Attendees {#attendees}\n\n| a | b | c | d | e |\n"
	    "|---|---|---|---|---|\n| x | y | z | member | present \\|\n", HEAD);
	expect_error(s, "line 12: expected a table row", "row ending in \\|");
	free(s);
	expect_error("---\ntemplate: liaison\ntitle: T\nend: 7:00\n",
	    "line 4: End: \"7:00\" is to be written HH:MM here: 07:00",
	    "bad end: the form the file needs, named by the field's label");
	expect_error("---\ntemplate: liaison\ntitle: T\xc3\n", "line 3: not valid UTF-8",
	    "bad UTF-8");
}

static void
test_crlf_nfc(void)
{
	const char *text = "---\r\ntemplate: liaison\r\ntitle: Ho\xcc\x82\xcc\xa3i\r\n"
	    "date: 2025-01-02\r\n---\r\n\r\n## Results achieved {#results}\r\n"
	    "\r\nline one\r\nline two\r\n";
	struct meeting m;
	struct err e;

	if (!ok(md_read(text, strlen(text), "f", &set, &m, &e) == 0,
	    "CRLF reads")) {
		meeting_free(&m);
		return;
	}
	is_str(meeting_get(&m, F_TITLE), "H\xe1\xbb\x99i", "title in NFC");
	is_str(meeting_section(&m, "results"), "line one\nline two",
	    "CRs dropped from text");
	is_str(meeting_get(&m, F_STATUS), "draft", "status defaults to draft");
	meeting_free(&m);
}

/* Values and cells are read trimmed, so they are written trimmed: blanks
 * around a title, a name or a proxy used to be written, read back without
 * them and then written otherwise; and a name of blanks only was written
 * as an empty cell that import refuses (found by tests/fuzz/fuzz_rescue.c). */
static void
test_blanks_around_values(void)
{
	struct meeting m = base(), r;
	struct attendee *a;
	struct action *t;
	struct buf b = BUF_INIT;
	struct err e;

	meeting_set(&m, F_TITLE, " T\t");
	meeting_set(&m, F_PLACE, "   ");
	a = meeting_add_attendee(&m);
	a->name = xstrdup(" A ");
	a->position = xstrdup("  ");
	a->presence = PRES_REPRESENTED;
	a->proxy = xstrdup(" P ");
	t = meeting_add_action(&m);
	t->assignee = xstrdup("\t");
	t->task = xstrdup(" do it ");
	roundtrip(&m, "blanks around values");
	md_write(&b, &m, &set, &e);
	ok(strstr(b.s, "\ntitle: T\n") != NULL, "the title is written trimmed");
	ok(strstr(b.s, "place:") == NULL, "a blank header field is left out");
	ok(strstr(b.s, "| A |  |  | member | represented: P |") != NULL,
	    "cells are written trimmed");
	ok(strstr(b.s, "|  | do it |  | open |") != NULL,
	    "a blank assignee is an empty cell");
	ok(md_read(b.s, b.len, "x", &set, &r, &e) == 0, "and read back");
	meeting_free(&r);
	buf_free(&b);
	tm_set(&m.att[0].name, "   ");
	ok(meeting_validate(&m, &e) == ERR_INPUT,
	    "a name of blanks only is no name: %s", e.msg);
	tm_set(&m.att[0].name, "A");
	tm_set(&m.act[0].task, " \t ");
	ok(meeting_validate(&m, &e) == ERR_INPUT,
	    "a task of blanks only is no task: %s", e.msg);
	tm_set(&m.act[0].task, "x");
	meeting_set(&m, F_TITLE, "  ");
	ok(meeting_validate(&m, &e) == ERR_INPUT,
	    "a title of blanks only is no title: %s", e.msg);
	meeting_set(&m, F_TITLE, "T");
	ok(meeting_validate(&m, &e) == 0, "valid again");
	meeting_free(&m);
}

/* A CR ending a line of text is text in an LF file, and is left when a
 * CRLF file's line end is taken off.  Reading used to drop one CR from the
 * end of every line, so text with a line ending in CR lost a CR on each
 * export and import (found by tests/fuzz/fuzz_md.c). */
static void
test_cr_in_text(void)
{
	const char *crlf = "---\r\ntemplate: liaison\r\ntitle: T\r\n"
	    "date: 2025-01-02\r\n---\r\n\r\n## Results achieved {#results}\r\n"
	    "\r\nHigh\r\r\r\nlow\r\n";
	struct meeting m, r;
	struct buf b = BUF_INIT;
	struct err e;

	m = base();
	meeting_section_set(&m, "results", "High\r\r\nlow\r\nend\r");
	roundtrip(&m, "CRs ending text lines");
	md_write(&b, &m, &set, &e);
	if (!ok(md_read(b.s, b.len, "x", &set, &r, &e) == 0, "LF file with CRs"))
		printf("# %s\n", e.msg);
	else
		is_str(meeting_section(&r, "results"), "High\r\r\nlow\r\nend\r",
		    "an LF file's CRs are text");
	meeting_free(&r);
	meeting_free(&m);
	buf_free(&b);
	if (ok(md_read(crlf, strlen(crlf), "f", &set, &m, &e) == 0, "CRLF file"))
		is_str(meeting_section(&m, "results"), "High\r\r\nlow",
		    "a CRLF file loses one CR a line");
	meeting_free(&m);
}

int
main(void)
{
	char *dirs[2];
	struct err e;

	dirs[0] = xasprintf("%s/share/templates", getenv("top_srcdir") ?
	    getenv("top_srcdir") : "..");
	dirs[1] = NULL;
	if (tmpl_set_load_dirs(&set, dirs, &e) != 0) {
		printf("Bail out! %s\n", e.msg);
		return 1;
	}
	test_text_bodies();
	test_last_section_text();
	test_tables();
	test_errors();
	test_crlf_nfc();
	test_cr_in_text();
	test_blanks_around_values();
	tmpl_set_free(&set);
	free(dirs[0]);
	return tap_done();
}
