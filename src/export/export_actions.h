/*
 * Writers for lists of action items (the rows of store_act_query): JSON
 * for scripts, CSV (RFC 4180, and a variant for Excel), XLSX
 * spreadsheets (export_xlsx.c) and iCalendar (RFC 5545) VTODOs for
 * calendar and task clients.  Like the meeting writers they
 * append to a buf and never print, so the caller decides where the bytes
 * go and a failure never leaves half a file.
 */
#ifndef MINUTES_EXPORT_ACTIONS_H
#define MINUTES_EXPORT_ACTIONS_H

#include <stddef.h>

struct buf;
struct action_row;
struct err;

/* One JSON array of objects: id, meeting_id, meeting_title, meeting_date,
 * assignee, task, due, due_text, status, overdue; then a newline. */
void	export_actions_json(struct buf *, const struct action_row *,
	    size_t n);
/* A header row, then one record per item with the JSON's fields; fields
 * quoted only when they must be; CRLF after every record. */
void	export_actions_csv(struct buf *, const struct action_row *,
	    size_t n);
/* The same for Excel: UTF-8 with a byte order mark, ";" between fields
 * (what Excel expects where the decimal mark is a comma). */
void	export_actions_csv_excel(struct buf *, const struct action_row *,
	    size_t n);
/* A spreadsheet (Office Open XML, made with libxlsxwriter): a bold,
 * frozen header row with an autofilter, then one row per item: its
 * number, assignee, task, due date (a date cell shown dd/mm/yyyy),
 * status in the interface language, meeting, meeting date (a date cell)
 * and the last note; overdue rows marked.  0, or an error code with a
 * message (the workbook is written to a temporary file and read back,
 * as libxlsxwriter writes only to files). */
int	export_actions_xlsx(struct buf *, const struct action_row *, size_t n,
	    struct err *);
/* One VCALENDAR with a VTODO per item.  uid_tag tells databases apart in
 * the UIDs ("action-<id>-<uid_tag>@minutes"), so the same item keeps its
 * UID from one export to the next and two databases never collide. */
void	export_actions_ics(struct buf *, const struct action_row *,
	    size_t n, const char *uid_tag);
/* A short tag for uid_tag derived from a database's path (a hash, so the
 * path itself is not published in the UIDs); writes 16 hex digits and a
 * NUL into out[17]. */
void	export_actions_uid_tag(const char *db_path, char out[17]);

/* Appends one iCalendar content line (name, then value as given) folded at
 * 75 octets, never inside a UTF-8 character, ended with CRLF. */
void	export_ics_line(struct buf *, const char *name, const char *value);
/* Appends s escaped as an iCalendar TEXT value (\\ \; \, \n); other
 * control characters, which TEXT may not hold, become spaces. */
void	export_ics_text(struct buf *, const char *s);
/* Appends s as one CSV field, quoted when it holds , " CR or LF (or sep
 * for export_csv_field_sep); a value that starts like a formula is
 * quoted with an apostrophe before it. */
void	export_csv_field(struct buf *, const char *s);
void	export_csv_field_sep(struct buf *, const char *s, char sep);

#endif
