/*
 * Writers for lists of action items (see export_actions.h).  The
 * iCalendar writer is the one with rules that bite: content lines end in
 * CRLF and are folded at 75 octets (a fold may not split a UTF-8
 * character, or clients show mojibake), TEXT values escape backslash,
 * semicolon, comma and newline, and every VTODO needs a UID that stays the
 * same from one export to the next so that re-importing updates items
 * instead of duplicating them.  DTSTAMP is the item's last change, which
 * RFC 5545 asks for when there is no METHOD, and which keeps the output of
 * an unchanged database byte-identical across runs.
 */
#include "config.h"

#include <inttypes.h>
#include <stdint.h>
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
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '\\' || c == ';' || c == ',') {
			buf_addc(b, '\\');
			buf_addc(b, (char)c);
		} else if (c == '\n')
			buf_adds(b, "\\n");
		else if (c == '\r' && s[1] == '\n')
			;	/* the \n that follows stands for both */
		else if (c < 0x20 || c == 0x7f)
			buf_addc(b, ' ');
		else
			buf_addc(b, (char)c);
	}
}

void
export_ics_line(struct buf *b, const char *name, const char *value)
{
	size_t col = 0, nlen = strlen(name), vlen = strlen(value);
	size_t total = nlen + 1 + vlen;

	for (size_t i = 0; i < total; ) {
		unsigned char c = (unsigned char)(i < nlen ? name[i] :
		    i == nlen ? ':' : value[i - nlen - 1]);
		size_t k = 1;

		/* The length of the character that starts here; continuation
		 * bytes never start one, so a fold lands between characters. */
		if (c >= 0xf0)
			k = 4;
		else if (c >= 0xe0)
			k = 3;
		else if (c >= 0xc0)
			k = 2;
		if (i + k > total)
			k = total - i;
		if (col + k > 75) {
			buf_adds(b, "\r\n ");
			col = 1;
		}
		for (size_t j = 0; j < k; j++, i++)
			buf_addc(b, i < nlen ? name[i] : i == nlen ? ':' :
			    value[i - nlen - 1]);
		col += k;
	}
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

static void
ics_todo(struct buf *b, const struct action_row *r, const char *uid_tag)
{
	struct buf t = BUF_INIT;
	char stamp[32], created[32];

	export_ics_line(b, "BEGIN", "VTODO");
	buf_printf(&t, "action-%" PRId64 "-%s@minutes", r->a.id, uid_tag);
	export_ics_line(b, "UID", buf_str(&t));
	ics_stamp(created, sizeof created, r->created[0] ? r->created :
	    "1970-01-01T00:00:00Z");
	ics_stamp(stamp, sizeof stamp, r->updated[0] ? r->updated :
	    "1970-01-01T00:00:00Z");
	export_ics_line(b, "DTSTAMP", stamp);
	export_ics_line(b, "CREATED", created);
	export_ics_line(b, "LAST-MODIFIED", stamp);
	buf_reset(&t);
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
	if (r->a.status == ACT_DONE)
		export_ics_line(b, "COMPLETED", stamp);
	export_ics_line(b, "END", "VTODO");
	buf_free(&t);
}

void
export_actions_ics(struct buf *b, const struct action_row *v, size_t n,
    const char *uid_tag)
{
	export_ics_line(b, "BEGIN", "VCALENDAR");
	export_ics_line(b, "VERSION", "2.0");
	export_ics_line(b, "PRODID", "-//minutes//minutes " PACKAGE_VERSION
	    "//EN");
	export_ics_line(b, "CALSCALE", "GREGORIAN");
	for (size_t i = 0; i < n; i++)
		ics_todo(b, &v[i], uid_tag);
	export_ics_line(b, "END", "VCALENDAR");
}

void
export_actions_uid_tag(const char *db_path, char out[17])
{
	/* FNV-1a, 64 bits: stable across runs and builds, which is all a
	 * UID needs; it is not meant to keep the path secret from anyone
	 * determined. */
	uint64_t h = 0xcbf29ce484222325ULL;

	for (const unsigned char *p = (const unsigned char *)db_path; *p; p++) {
		h ^= *p;
		h *= 0x100000001b3ULL;
	}
	snprintf(out, 17, "%016" PRIx64, h);
}
