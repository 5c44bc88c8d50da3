/*
 * Writers for lists of action items (see export_actions.h).  The
 * iCalendar writer is the one with rules that bite: content lines end in
 * CRLF and are folded at 75 octets (a fold may not split a UTF-8
 * character, or clients show mojibake), TEXT values escape backslash,
 * semicolon, comma and newline, and every VTODO needs a UID that stays the
 * same from one export to the next so that re-importing updates items
 * instead of duplicating them: the item's stored UUID.  DTSTAMP is the
 * item's last change, which
 * RFC 5545 asks for when there is no METHOD, and which keeps the output of
 * an unchanged database byte-identical across runs.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/model.h"
#include "export/export_actions.h"
#include "lib/buf.h"
#include "lib/i18n.h"
#include "lib/json.h"

/* The text fields of a row in the order both JSON and CSV give them,
 * after id and meeting_id. */
static const char *const row_keys[] = { "meeting_title", "meeting_date",
    "assignee", "task", "due", "due_text" };
#define NROW_KEYS (sizeof row_keys / sizeof row_keys[0])

static const char *
row_text(const struct action_row *r, size_t k)
{
	const char *v[NROW_KEYS] = { r->meeting_title, r->meeting_date,
	    r->a.assignee, r->a.task, r->a.due, r->a.due_text };

	return v[k];
}

void
export_actions_json(struct buf *b, const struct action_row *v, size_t n)
{
	buf_addc(b, '[');
	for (size_t i = 0; i < n; i++) {
		const struct action_row *r = &v[i];

		buf_printf(b, "%s{\"id\":%" PRId64 ",\"meeting_id\":%" PRId64,
		    i ? "," : "", r->a.id, r->a.meeting_id);
		for (size_t k = 0; k < NROW_KEYS; k++) {
			buf_printf(b, ",\"%s\":", row_keys[k]);
			json_str(b, row_text(r, k));
		}
		buf_printf(b, ",\"status\":\"%s\",\"overdue\":%s}",
		    status_word(r->a.status), r->overdue ? "true" : "false");
	}
	buf_adds(b, "]\n");
}

void
export_csv_field_sep(struct buf *b, const char *s, char sep)
{
	/* A spreadsheet runs a cell that starts like a formula; one typed
	 * into the minutes must stay text there, so it gets an apostrophe,
	 * which spreadsheets take as "text follows". */
	bool formula = s && *s && strchr("=+-@\t\r", *s) != NULL;

	if (s == NULL)
		return;
	if (!formula && strchr(s, sep) == NULL &&
	    strpbrk(s, "\"\r\n") == NULL) {
		buf_adds(b, s);
		return;
	}
	buf_addc(b, '"');
	if (formula)
		buf_addc(b, '\'');
	for (; *s; s++) {
		if (*s == '"')
			buf_addc(b, '"');
		buf_addc(b, *s);
	}
	buf_addc(b, '"');
}

void
export_csv_field(struct buf *b, const char *s)
{
	export_csv_field_sep(b, s, ',');
}

/* The CSV of rows with sep between fields. */
static void
csv(struct buf *b, const struct action_row *v, size_t n, char sep)
{
	buf_printf(b, "id%cmeeting_id", sep);
	for (size_t k = 0; k < NROW_KEYS; k++)
		buf_printf(b, "%c%s", sep, row_keys[k]);
	buf_printf(b, "%cstatus%coverdue\r\n", sep, sep);
	for (size_t i = 0; i < n; i++) {
		const struct action_row *r = &v[i];

		buf_printf(b, "%" PRId64 "%c%" PRId64, r->a.id, sep,
		    r->a.meeting_id);
		for (size_t k = 0; k < NROW_KEYS; k++) {
			buf_addc(b, sep);
			export_csv_field_sep(b, row_text(r, k), sep);
		}
		buf_printf(b, "%c%s%c%s\r\n", sep, status_word(r->a.status),
		    sep, r->overdue ? "yes" : "no");
	}
}

void
export_actions_csv(struct buf *b, const struct action_row *v, size_t n)
{
	csv(b, v, n, ',');
}

void
export_actions_csv_excel(struct buf *b, const struct action_row *v, size_t n)
{
	/* Excel reads a CSV file in the system's code page unless it starts
	 * with a byte order mark, and splits it at the list separator of
	 * the regional settings, which is ";" where "," is the decimal
	 * comma, as in Vietnam. */
	buf_adds(b, "\xef\xbb\xbf");
	csv(b, v, n, ';');
}

void
export_ics_text(struct buf *b, const char *s)
{
	const char *run = s;

	/* Plain runs are copied whole: a calendar of thousands of tasks is
	 * mostly text that needs nothing. */
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x20 && c != 0x7f && c != '\\' && c != ';' && c != ',')
			continue;
		buf_add(b, run, (size_t)(s - run));
		run = s + 1;
		if (c == '\\' || c == ';' || c == ',') {
			buf_addc(b, '\\');
			buf_addc(b, (char)c);
		} else if (c == '\n')
			buf_adds(b, "\\n");
		else if (c == '\r' && s[1] == '\n')
			;	/* the \n that follows stands for both */
		else
			buf_addc(b, ' ');
	}
	if (run)
		buf_add(b, run, (size_t)(s - run));
}

/* Appends s[0..len) to a content line now col octets long, folded before
 * any character that would pass 75 octets (continuation bytes never
 * start one, so a fold lands between characters); the new column. */
static size_t
fold_part(struct buf *b, const char *s, size_t len, size_t col)
{
	size_t i = 0, start = 0;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		size_t k = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;

		if (i + k > len)
			k = len - i;
		if (col + k > 75) {
			buf_add(b, s + start, i - start);
			buf_adds(b, "\r\n ");
			start = i;
			col = 1;
		}
		col += k;
		i += k;
	}
	buf_add(b, s + start, len - start);
	return col;
}

void
export_ics_line(struct buf *b, const char *name, const char *value)
{
	size_t col = fold_part(b, name, strlen(name), 0);

	col = fold_part(b, ":", 1, col);
	fold_part(b, value, strlen(value), col);
	buf_adds(b, "\r\n");
}

/* "2025-10-15" -> "20251015"; "2025-10-15T08:30:00Z" -> "20251015T083000Z". */
static void
ics_stamp(char *out, size_t n, const char *iso)
{
	size_t j = 0;

	for (; *iso && j + 1 < n; iso++)
		if (*iso != '-' && *iso != ':')
			out[j++] = *iso;
	out[j] = '\0';
}

static const char *
ics_status(enum act_status st)
{
	switch (st) {
	case ACT_OPEN:
		return "NEEDS-ACTION";
	case ACT_DOING:
		return "IN-PROCESS";
	case ACT_DONE:
		return "COMPLETED";
	case ACT_DROPPED:
		return "CANCELLED";
	}
	return "NEEDS-ACTION";
}

/* The later of two stamps ("" counts as earliest). */
static const char *
later(const char *a, const char *b)
{
	return strcmp(a, b) >= 0 ? a : b;
}

static void
ics_todo(struct buf *b, const struct action_row *r)
{
	struct buf t = BUF_INIT;
	char stamp[32], created[32], closed[32];
	const char *changed = later(r->updated, r->closed);

	export_ics_line(b, "BEGIN", "VTODO");
	/* The item's own random UUID, stored with it: the same wherever the
	 * database is moved, copied or restored. */
	if (r->uuid[0])
		export_ics_text(&t, r->uuid);	/* stored text, as any other */
	else
		buf_printf(&t, "action-%" PRId64 "@minutes", r->a.id);
	export_ics_line(b, "UID", buf_str(&t));
	buf_reset(&t);
	ics_stamp(created, sizeof created, r->created[0] ? r->created :
	    "1970-01-01T00:00:00Z");
	ics_stamp(stamp, sizeof stamp, changed[0] ? changed :
	    "1970-01-01T00:00:00Z");
	ics_stamp(closed, sizeof closed, r->closed[0] ? r->closed : stamp);
	export_ics_line(b, "DTSTAMP", stamp);
	export_ics_line(b, "CREATED", created);
	export_ics_line(b, "LAST-MODIFIED", stamp);
	if (r->a.assignee) {
		export_ics_text(&t, r->a.assignee);
		buf_adds(&t, ": ");
	}
	export_ics_text(&t, r->a.task);
	export_ics_line(b, "SUMMARY", buf_str(&t));
	buf_reset(&t);
	export_ics_text(&t, _("Meeting"));
	buf_adds(&t, ": ");
	export_ics_text(&t, r->meeting_title);
	buf_printf(&t, " (%s)", r->meeting_date);
	if (r->a.due_text) {
		buf_adds(&t, "\\n");
		export_ics_text(&t, _("Deadline as said"));
		buf_adds(&t, ": ");
		export_ics_text(&t, r->a.due_text);
	}
	export_ics_line(b, "DESCRIPTION", buf_str(&t));
	if (r->a.due) {
		char d[16];

		ics_stamp(d, sizeof d, r->a.due);
		export_ics_line(b, "DUE;VALUE=DATE", d);
	}
	export_ics_line(b, "STATUS", ics_status(r->a.status));
	if (r->a.status == ACT_DONE) {
		export_ics_line(b, "COMPLETED", closed);
		export_ics_line(b, "PERCENT-COMPLETE", "100");
	}
	export_ics_line(b, "END", "VTODO");
	buf_free(&t);
}

void
export_actions_ics(struct buf *b, const struct action_row *v, size_t n)
{
	export_ics_line(b, "BEGIN", "VCALENDAR");
	export_ics_line(b, "VERSION", "2.0");
	export_ics_line(b, "PRODID", "-//minutes//minutes " PACKAGE_VERSION
	    "//EN");
	export_ics_line(b, "CALSCALE", "GREGORIAN");
	for (size_t i = 0; i < n; i++)
		ics_todo(b, &v[i]);
	export_ics_line(b, "END", "VCALENDAR");
}
