/*
 * The Markdown minutes format (see mdformat.h and SPEC section 8).
 *
 * Reading works on whole lines.  The input is validated as UTF-8, put in
 * NFC and split once; the front matter, then each "## Heading {#key}"
 * block, is parsed by the kind of section the template says it is.  The
 * text of a section is the lines between the blank line after its heading
 * and the blank line before the next heading, so any text, including
 * leading or trailing blank lines, survives a round trip.  A text line
 * that starts with "#" after any run of backslashes is written with one
 * more backslash and read with one less, which makes the escape reversible.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mdformat.h"
#include "core/model.h"
#include "core/tmpl.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"

struct reader {
	char		**line;		/* the input's lines, NUL-terminated */
	size_t		 n;
	const char	*name;
	struct err	*e;
};

static int
fail(struct reader *r, size_t i, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
fail(struct reader *r, size_t i, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return err_set(r->e, ERR_INPUT, _("%s: line %zu: %s"), r->name, i + 1, msg);
}

static bool
blank(const char *s)
{
	return s[strspn(s, " \t")] == '\0';
}

/* Number of backslashes before a '#' that starts the line, or -1. */
static int
hash_escapes(const char *s)
{
	int n = 0;

	while (s[n] == '\\')
		n++;
	return s[n] == '#' ? n : -1;
}

/* Parses "## Heading {#key}"; returns the malloc'd key or NULL. */
static char *
heading_key(const char *s)
{
	const char *open, *end;

	if (strncmp(s, "## ", 3) != 0)
		return NULL;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (end - s < 6 || end[-1] != '}')
		return NULL;
	for (open = end - 2; open > s && *open != '{'; open--)
		;
	if (open[0] != '{' || open[1] != '#' || open + 2 >= end - 1)
		return NULL;
	for (const char *p = open + 2; p < end - 1; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '_'))
			return NULL;
	return xstrndup(open + 2, (size_t)(end - 1 - (open + 2)));
}

static int
read_front(struct reader *r, size_t *i, const struct tmpl_set *set,
    struct meeting *m, const struct tmpl **tp)
{
	size_t open = *i, close = 0;
	bool seen[F_NFIELDS] = { false };
	static const enum field required[] = { F_TEMPLATE, F_TITLE, F_DATE };
	size_t tline = 0;

	if (r->n == 0 || strcmp(r->line[0], "---") != 0)
		return fail(r, 0, _("the file must begin with a front matter "
		    "block opened by ---"));
	for (size_t k = open + 1; k < r->n; k++) {
		char *s = r->line[k], *colon, *key, *val, *end;
		int f;

		if (strcmp(s, "---") == 0) {
			close = k;
			break;
		}
		if (strncmp(s, "## ", 3) == 0)
			break;	/* a heading: the block was never closed */
		if (blank(s))
			continue;
		if ((colon = strchr(s, ':')) == NULL)
			return fail(r, k, _("expected \"key: value\" in the front "
			    "matter"));
		key = xstrndup(s, (size_t)(colon - s));
		end = key + strlen(key);
		while (end > key && (end[-1] == ' ' || end[-1] == '\t'))
			*--end = '\0';
		f = field_parse(key);
		if (f < 0) {
			fail(r, k, _("unknown key \"%s\""), key);
			free(key);
			return ERR_INPUT;
		}
		free(key);
		if (seen[f])
			return fail(r, k, _("\"%s\" is given twice"),
			    field_key((enum field)f));
		seen[f] = true;
		val = colon + 1;
		val += strspn(val, " \t");
		end = val + strlen(val);
		while (end > val && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		val = xstrndup(val, (size_t)(end - val));
		if (field_validate((enum field)f, val, r->e)) {
			char msg[sizeof r->e->msg];

			memcpy(msg, r->e->msg, sizeof msg);
			free(val);
			return fail(r, k, "%s", msg);
		}
		meeting_set(m, (enum field)f, val);
		free(val);
		if (f == F_TEMPLATE)
			tline = k;
	}
	if (close == 0)
		return fail(r, open, _("the front matter is not closed by ---"));
	for (size_t k = 0; k < sizeof required / sizeof required[0]; k++)
		if (m->field[required[k]] == NULL)
			return fail(r, close, _("\"%s\" is required"),
			    field_key(required[k]));
	if ((*tp = tmpl_find(set, m->field[F_TEMPLATE])) == NULL)
		return fail(r, tline, _("unknown template \"%s\""),
		    m->field[F_TEMPLATE]);
	if (m->field[F_STATUS] == NULL)
		meeting_set(m, F_STATUS, "draft");
	*i = close + 1;
	return 0;
}

static char *
trimmed(const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return xstrndup(s, n);
}

static void free_cells(char **, size_t);

/* Splits a table row into trimmed cells, undoing \| and \\.  NULL if the
 * line is not a row: it must begin and end with an unescaped |. */
static char **
split_row(const char *s, size_t *ncells)
{
	struct buf cell = BUF_INIT;
	char **v = NULL;
	size_t n = 0, cap = 0;
	bool closed = false;

	s += strspn(s, " \t");
	if (*s != '|')
		return NULL;
	for (const char *p = s + 1; *p; p++) {
		if (*p == '\\' && (p[1] == '|' || p[1] == '\\')) {
			buf_addc(&cell, *++p);
			closed = false;
		} else if (*p == '|') {
			XPUSH(v, n, cap);
			v[n++] = trimmed(buf_str(&cell), cell.len);
			buf_reset(&cell);
			closed = true;
		} else {
			buf_addc(&cell, *p);
			if (*p != ' ' && *p != '\t')
				closed = false;
		}
	}
	buf_free(&cell);
	if (!closed) {
		free_cells(v, n);
		return NULL;
	}
	*ncells = n;
	return v;
}

static void
free_cells(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static bool
separator_row(char **cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *c = cells[i];
		size_t dashes;

		c += *c == ':';
		dashes = strspn(c, "-");
		c += dashes;
		c += *c == ':';
		if (dashes == 0 || *c)
			return false;
	}
	return n > 0;
}

/* Line k of the roster table, split into cells c: one attendee. */
static int
read_attendee(struct reader *r, size_t k, char **c, struct meeting *m)
{
	struct attendee *a;
	enum role role;
	enum presence pres;
	char *proxy = NULL;

	if (*c[0] == '\0')
		return fail(r, k, _("an attendee needs a name"));
	if (!role_parse(c[3], &role))
		return fail(r, k, _("role \"%s\" is not chair, secretary, "
		    "member or guest"), c[3]);
	if (strncmp(c[4], "represented:", 12) == 0) {
		const char *p = c[4] + 12;

		p += strspn(p, " \t");
		pres = PRES_REPRESENTED;
		proxy = *p ? xstrdup(p) : NULL;
	} else if (!presence_parse(c[4], &pres))
		return fail(r, k, _("presence \"%s\" is not present, absent "
		    "or represented"), c[4]);
	a = meeting_add_attendee(m);
	a->name = xstrdup(c[0]);
	a->position = *c[1] ? xstrdup(c[1]) : NULL;
	a->organisation = *c[2] ? xstrdup(c[2]) : NULL;
	a->role = role;
	a->presence = pres;
	a->proxy = proxy;
	return 0;
}

/* Line k of the tasks table, split into cells c: one task. */
static int
read_task(struct reader *r, size_t k, char **c, struct meeting *m)
{
	struct action *a;
	enum act_status st;

	if (*c[1] == '\0')
		return fail(r, k, _("a task needs its content"));
	if (*c[2] && field_validate(F_DATE, c[2], NULL)) {
		struct err e;

		model_date_error(&e, _("due date"), c[2]);
		return fail(r, k, "%s", e.msg);
	}
	if (!status_parse(c[3], &st))
		return fail(r, k, _("status \"%s\" is not open, doing, done "
		    "or dropped"), c[3]);
	a = meeting_add_action(m);
	a->assignee = *c[0] ? xstrdup(c[0]) : NULL;
	a->task = xstrdup(c[1]);
	a->due = *c[2] ? xstrdup(c[2]) : NULL;
	a->status = st;
	return 0;
}

static int
read_table(struct reader *r, size_t from, size_t to,
    const struct tmpl_section *sec, struct meeting *m)
{
	size_t k = from, rows = 0;
	int rc;

	while (k < to && blank(r->line[k]))
		k++;
	while (to > k && blank(r->line[to - 1]))
		to--;
	for (; k < to; k++) {
		size_t n;
		char **c;

		if (blank(r->line[k]))
			continue;
		if ((c = split_row(r->line[k], &n)) == NULL)
			return fail(r, k, _("expected a table row "
			    "beginning and ending with |"));
		if (n != sec->ncolumns) {
			free_cells(c, n);
			return fail(r, k, _("a row of \"%s\" needs %zu cells, "
			    "found %zu"), sec->key, sec->ncolumns, n);
		}
		rows++;
		if (rows == 1) {	/* the header row: any words */
			free_cells(c, n);
			continue;
		}
		if (rows == 2) {
			bool ok = separator_row(c, n);

			free_cells(c, n);
			if (!ok)
				return fail(r, k, _("expected the separator row "
				    "|---|...| under the header"));
			continue;
		}
		rc = sec->kind == SEC_ROSTER ? read_attendee(r, k, c, m) :
		    read_task(r, k, c, m);
		free_cells(c, n);
		if (rc)
			return rc;
	}
	if (rows == 1)
		return fail(r, to - 1, _("the table has a header but no separator "
		    "row"));
	return 0;
}

static void
read_text(struct reader *r, size_t from, size_t to, bool last,
    struct meeting *m, const char *key)
{
	struct buf b = BUF_INIT;

	/* The blank line before the next heading is the separator. */
	if (!last && to > from && blank(r->line[to - 1]))
		to--;
	if (from < to && r->line[from][0] == '\0')
		from++;
	for (size_t k = from; k < to; k++) {
		const char *s = r->line[k];

		if (hash_escapes(s) > 0)
			s++;
		if (k > from)
			buf_addc(&b, '\n');
		buf_adds(&b, s);
	}
	meeting_section_set(m, key, buf_str(&b));
	buf_free(&b);
}

static int
read_sections(struct reader *r, size_t i, const struct tmpl *t,
    struct meeting *m)
{
	size_t *start = NULL, nh = 0, capstart = 0, capkeys = 0;
	char **keys = NULL;
	int rc = 0;

	for (size_t k = i; k < r->n; k++) {
		char *key;

		if (r->line[k][0] != '#')
			continue;
		if ((key = heading_key(r->line[k])) == NULL) {
			rc = fail(r, k, _("expected a section heading "
			    "\"## Heading {#key}\" (write \\# to begin a text line "
			    "with #)"));
			goto out;
		}
		if (tmpl_section(t, key) == NULL) {
			rc = fail(r, k, _("template \"%s\" has no section \"%s\""),
			    t->id, key);
			free(key);
			goto out;
		}
		for (size_t h = 0; h < nh; h++)
			if (strcmp(keys[h], key) == 0) {
				rc = fail(r, k, _("section \"%s\" appears twice"), key);
				free(key);
				goto out;
			}
		XPUSH(start, nh, capstart);
		XPUSH(keys, nh, capkeys);
		start[nh] = k;
		keys[nh++] = key;
	}
	for (size_t k = i; k < (nh ? start[0] : r->n); k++)
		if (!blank(r->line[k])) {
			rc = fail(r, k, _("text before the first section heading"));
			goto out;
		}
	for (size_t h = 0; h < nh; h++) {
		const struct tmpl_section *sec = tmpl_section(t, keys[h]);
		size_t from = start[h] + 1, to = h + 1 < nh ? start[h + 1] : r->n;

		if (sec->kind == SEC_TEXT)
			read_text(r, from, to, h + 1 == nh, m, sec->key);
		else if ((rc = read_table(r, from, to, sec, m)))
			goto out;
	}
out:
	for (size_t h = 0; h < nh; h++)
		free(keys[h]);
	free(keys);
	free(start);
	return rc;
}

int
md_read(const char *text, size_t len, const char *name,
    const struct tmpl_set *set, struct meeting *m, struct err *e)
{
	struct reader r = { NULL, 0, name, e };
	const struct tmpl *t = NULL;
	size_t bad, i = 0, nlen, cap = 0;
	char *nfc, *p;
	bool crlf;
	int rc;

	meeting_init(m);
	/* A byte order mark, which some Windows editors put first in every
	 * UTF-8 file they save, says nothing in UTF-8: skipped. */
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if (!utf8_valid(text, len, &bad))
		return err_set(e, ERR_INPUT, _("%s: line %zu: not valid UTF-8"),
		    name, utf8_line_at(text, bad));
	nfc = utf8_nfc(text, len, &nlen);
	/* Lines end at LF.  A file saved on Windows ends every line with CR
	 * LF, as its first line shows, and only in such a file is the CR
	 * before an LF part of the line end: elsewhere it is text, kept byte
	 * for byte, or a text line ending in CR would lose it on every
	 * import and export would not give back what was imported. */
	p = memchr(nfc, '\n', nlen);
	crlf = p != NULL && p > nfc && p[-1] == '\r';
	for (p = nfc; p < nfc + nlen; ) {
		char *nl = memchr(p, '\n', (size_t)(nfc + nlen - p));
		char *end = nl ? nl : nfc + nlen;

		if (nl == NULL && p == end)
			break;
		if (crlf && nl && end > p && end[-1] == '\r')
			end[-1] = '\0';
		*end = '\0';
		XPUSH(r.line, r.n, cap);
		r.line[r.n++] = p;
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	rc = read_front(&r, &i, set, m, &t);
	if (rc == 0)
		rc = read_sections(&r, i, t, m);
	if (rc == 0)
		rc = meeting_validate(m, e);
	free(r.line);
	free(nfc);
	return rc;
}

/* Cells and header values are read trimmed, so they are written so:
 * blanks around a value would not come back, and the file would not be
 * canonical. */
static void
write_cell(struct buf *b, const char *s)
{
	char *t = model_trim(s);

	for (const char *p = t; p && *p; p++) {
		if (*p == '|' || *p == '\\')
			buf_addc(b, '\\');
		buf_addc(b, *p);
	}
	free(t);
}

static void
write_row(struct buf *b, const char *const *cells, size_t n)
{
	buf_addc(b, '|');
	for (size_t i = 0; i < n; i++) {
		buf_addc(b, ' ');
		write_cell(b, cells[i]);
		buf_adds(b, " |");
	}
	buf_addc(b, '\n');
}

static void
write_table_head(struct buf *b, const struct tmpl_section *sec)
{
	buf_addc(b, '\n');
	write_row(b, (const char *const *)sec->columns, sec->ncolumns);
	buf_addc(b, '|');
	for (size_t i = 0; i < sec->ncolumns; i++)
		buf_adds(b, "---|");
	buf_addc(b, '\n');
}

static void
write_text(struct buf *b, const char *body)
{
	const char *p = body;

	if (*body == '\0')
		return;
	buf_addc(b, '\n');
	for (;;) {
		const char *nl = strchr(p, '\n');

		if (hash_escapes(p) >= 0)
			buf_addc(b, '\\');
		buf_add(b, p, nl ? (size_t)(nl - p) : strlen(p));
		buf_addc(b, '\n');
		if (nl == NULL)
			break;
		p = nl + 1;
	}
}

int
md_write(struct buf *b, const struct meeting *m, const struct tmpl_set *set,
    struct err *e)
{
	const struct tmpl *t = tmpl_find(set, m->field[F_TEMPLATE]);

	if (t == NULL)
		return err_set(e, ERR_INPUT, _("unknown template \"%s\""),
		    m->field[F_TEMPLATE] ? m->field[F_TEMPLATE] : "");
	buf_adds(b, "---\n");
	for (int f = 0; f < F_NFIELDS; f++) {
		char *v = model_trim(m->field[f]);

		if (f == F_STATUS && v == NULL)
			v = xstrdup("draft");
		if (v)
			buf_printf(b, "%s: %s\n", field_key((enum field)f), v);
		free(v);
	}
	buf_adds(b, "---\n");
	for (size_t i = 0; i < t->nsec; i++) {
		const struct tmpl_section *sec = &t->sec[i];

		buf_printf(b, "\n## %s {#%s}\n", sec->heading, sec->key);
		if (sec->kind == SEC_TEXT) {
			const char *body = meeting_section(m, sec->key);

			write_text(b, body ? body : "");
		} else if (sec->kind == SEC_ROSTER && m->natt) {
			write_table_head(b, sec);
			for (size_t k = 0; k < m->natt; k++) {
				const struct attendee *a = &m->att[k];
				char *proxy = model_trim(a->proxy);
				char *pres = a->presence == PRES_REPRESENTED &&
				    proxy ? xasprintf("represented: %s", proxy)
				    : xstrdup(presence_word(a->presence));
				const char *cells[5] = { a->name, a->position,
				    a->organisation, role_word(a->role), pres };

				write_row(b, cells, 5);
				free(pres);
				free(proxy);
			}
		} else if (sec->kind == SEC_TASKS && m->nact) {
			write_table_head(b, sec);
			for (size_t k = 0; k < m->nact; k++) {
				const struct action *a = &m->act[k];
				const char *cells[4] = { a->assignee, a->task,
				    a->due, status_word(a->status) };

				write_row(b, cells, 4);
			}
		}
	}
	return 0;
}
