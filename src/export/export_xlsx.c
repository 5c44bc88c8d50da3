/*
 * The follow-up sheet (see export_actions.h): the tasks as an XLSX
 * workbook made with libxlsxwriter (loaded at the first such export,
 * export_xlsx_lib.h), the sheet an office sends each unit.  Dates are
 * real date cells (a spreadsheet sorts and filters them as dates) shown
 * dd/mm/yyyy; text is always written as text, so a task that starts with
 * "=" stays words.  Column widths follow the longest value by display
 * width, within bounds, and long tasks wrap.
 *
 * libxlsxwriter writes only to a named file, so the workbook goes to a
 * temporary file (in $TMPDIR) that is read back and removed: the caller
 * still gets bytes, and writes them with its atomic file write.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/model.h"
#include "export/export_actions.h"
#include "export/export_xlsx_lib.h"
#include "lib/buf.h"
#include "lib/cal.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/utf8.h"

enum { C_NUM, C_ASSIGNEE, C_TASK, C_DUE, C_STATUS, C_MEETING, C_MDATE,
	C_NOTE, NCOLS };

/* Widest and narrowest a column may be, in characters. */
static const double col_min[NCOLS] = { 5, 12, 30, 11, 12, 20, 11, 12 };
static const double col_max[NCOLS] = { 8, 30, 60, 11, 24, 45, 11, 40 };

struct formats {
	lxw_format	*head, *text, *date, *num;
	lxw_format	*late_text, *late_date, *late_num;	/* overdue */
};

static void
make_formats(lxw_workbook *wb, struct formats *f)
{
	f->head = workbook_add_format(wb);
	format_set_bold(f->head);
	format_set_bg_color(f->head, 0xD9D9D9);
	format_set_text_wrap(f->head);
	format_set_align(f->head, LXW_ALIGN_VERTICAL_TOP);
	f->text = workbook_add_format(wb);
	format_set_text_wrap(f->text);
	format_set_align(f->text, LXW_ALIGN_VERTICAL_TOP);
	f->date = workbook_add_format(wb);
	format_set_num_format(f->date, "dd/mm/yyyy");
	format_set_align(f->date, LXW_ALIGN_VERTICAL_TOP);
	f->num = workbook_add_format(wb);
	format_set_align(f->num, LXW_ALIGN_VERTICAL_TOP);
	f->late_text = workbook_add_format(wb);
	format_set_text_wrap(f->late_text);
	format_set_align(f->late_text, LXW_ALIGN_VERTICAL_TOP);
	format_set_font_color(f->late_text, 0x9C0006);
	format_set_bg_color(f->late_text, 0xFFC7CE);
	f->late_date = workbook_add_format(wb);
	format_set_num_format(f->late_date, "dd/mm/yyyy");
	format_set_align(f->late_date, LXW_ALIGN_VERTICAL_TOP);
	format_set_font_color(f->late_date, 0x9C0006);
	format_set_bg_color(f->late_date, 0xFFC7CE);
	f->late_num = workbook_add_format(wb);
	format_set_align(f->late_num, LXW_ALIGN_VERTICAL_TOP);
	format_set_font_color(f->late_num, 0x9C0006);
	format_set_bg_color(f->late_num, 0xFFC7CE);
}

static void
note_width(double *w, const char *s)
{
	double n = s ? (double)utf8_width(s, strlen(s)) : 0;

	if (n > *w)
		*w = n;
}

/* A date cell, or the text as stored when it is not a date. */
static void
date_cell(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *iso,
    lxw_format *date, lxw_format *text)
{
	struct ymd d;

	if (iso && cal_parse_iso(iso, &d)) {
		lxw_datetime dt = { d.y, d.m, d.d, 0, 0, 0 };

		worksheet_write_datetime(ws, r, c, &dt, date);
	} else if (iso && *iso)
		worksheet_write_string(ws, r, c, iso, text);
}

static void
row(lxw_worksheet *ws, const struct formats *f, lxw_row_t r,
    const struct action_row *a, double *w)
{
	bool late = a->overdue;
	lxw_format *text = late ? f->late_text : f->text;
	lxw_format *date = late ? f->late_date : f->date;
	char status[128];

	if (late)
		snprintf(status, sizeof status, "%s, %s",
		    status_label(a->a.status), _("overdue"));
	else
		snprintf(status, sizeof status, "%s", status_label(a->a.status));
	worksheet_write_number(ws, r, C_NUM, (double)r,
	    late ? f->late_num : f->num);
	worksheet_write_string(ws, r, C_ASSIGNEE, a->a.assignee ?
	    a->a.assignee : "", text);
	worksheet_write_string(ws, r, C_TASK, a->a.task ? a->a.task : "",
	    text);
	date_cell(ws, r, C_DUE, a->a.due, date, text);
	worksheet_write_string(ws, r, C_STATUS, status, text);
	worksheet_write_string(ws, r, C_MEETING, a->meeting_title ?
	    a->meeting_title : "", text);
	date_cell(ws, r, C_MDATE, a->meeting_date, date, text);
	worksheet_write_string(ws, r, C_NOTE, a->last_note ? a->last_note : "",
	    text);
	note_width(&w[C_ASSIGNEE], a->a.assignee);
	note_width(&w[C_TASK], a->a.task);
	note_width(&w[C_STATUS], status);
	note_width(&w[C_MEETING], a->meeting_title);
	note_width(&w[C_NOTE], a->last_note);
}

/* Writes the workbook to path; 0, or an error with a message. */
static int
workbook(const char *path, const struct action_row *v, size_t n,
    struct err *e)
{
	const char *heads[NCOLS] = { _("No."), _("Assignee"), _("Task"),
	    _("Due"), _("Status"), _("Meeting"), _("Meeting date"),
	    _("Last note") };
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws;
	struct formats f;
	double w[NCOLS] = { 0 };
	lxw_error rc;

	if (wb == NULL)
		return err_set(e, ERR_RUNTIME, _("making the spreadsheet: "
		    "cannot create %s"), path);
	ws = workbook_add_worksheet(wb, NULL);
	make_formats(wb, &f);
	for (int c = 0; c < NCOLS; c++) {
		worksheet_write_string(ws, 0, (lxw_col_t)c, heads[c], f.head);
		note_width(&w[c], heads[c]);
	}
	for (size_t i = 0; i < n; i++)
		row(ws, &f, (lxw_row_t)(i + 1), &v[i], w);
	for (int c = 0; c < NCOLS; c++) {
		double cw = w[c] + 2;

		cw = cw < col_min[c] ? col_min[c] : cw > col_max[c] ?
		    col_max[c] : cw;
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, cw, NULL);
	}
	worksheet_freeze_panes(ws, 1, 0);
	worksheet_autofilter(ws, 0, 0, (lxw_row_t)n, NCOLS - 1);
	if ((rc = workbook_close(wb)) != LXW_NO_ERROR)
		return err_set(e, ERR_RUNTIME, _("making the spreadsheet: %s"),
		    lxw_strerror(rc));
	return 0;
}

static int
read_back(struct buf *b, const char *path, struct err *e)
{
	FILE *fp = fopen(path, "rb");
	char chunk[65536];
	size_t got;
	int bad;

	if (fp == NULL)
		return err_set(e, ERR_RUNTIME, "%s: %s", path, strerror(errno));
	while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(b, chunk, got);
	bad = ferror(fp);
	fclose(fp);
	if (bad)
		return err_set(e, ERR_RUNTIME, "%s: %s", path, strerror(EIO));
	return 0;
}

int
export_actions_xlsx(struct buf *b, const struct action_row *v, size_t n,
    struct err *e)
{
	const char *dir = getenv("TMPDIR");
	struct buf path = BUF_INIT;
	const char *why;
	int fd, rc;

	if (xlsx_lib_load(&why) != 0)
		return err_set(e, ERR_RUNTIME, _("XLSX sheets need the "
		    "libxlsxwriter library, which cannot be loaded (%s); on "
		    "Debian: apt-get install %s"), why, XLSXWRITER_DEB);
	buf_printf(&path, "%s/minutes-xlsx-XXXXXX", dir && *dir ? dir : "/tmp");
	if ((fd = mkstemp(path.s)) < 0) {
		rc = err_set(e, ERR_RUNTIME, _("making the spreadsheet: %s: %s"),
		    buf_str(&path), strerror(errno));
		buf_free(&path);
		return rc;
	}
	close(fd);
	rc = workbook(buf_str(&path), v, n, e);
	if (rc == 0)
		rc = read_back(b, buf_str(&path), e);
	unlink(buf_str(&path));
	buf_free(&path);
	return rc;
}
