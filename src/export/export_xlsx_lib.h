/*
 * libxlsxwriter, loaded when an XLSX export first needs it rather than at
 * program start (export_xlsx_lib.c), for the reason libzip is
 * (export_zip_lib.h): linked in, it and the libraries it brings cost
 * every command time before main.  Included by export_xlsx.c in place of
 * xlsxwriter.h: the names below stand for the loaded library's
 * functions, so the code calls them as usual, and only after
 * xlsx_lib_load has succeeded.
 */
#ifndef MINUTES_EXPORT_XLSX_LIB_H
#define MINUTES_EXPORT_XLSX_LIB_H

#include <xlsxwriter.h>

/* Every libxlsxwriter function export_xlsx.c calls, named as in
 * xlsxwriter.h; a new one is added here, to the defines below and to
 * export_xlsx_lib.c's list. */
struct xlsx_lib {
	__typeof__(workbook_new)		*workbook_new;
	__typeof__(workbook_add_worksheet)	*workbook_add_worksheet;
	__typeof__(workbook_add_format)		*workbook_add_format;
	__typeof__(workbook_close)		*workbook_close;
	__typeof__(format_set_bold)		*format_set_bold;
	__typeof__(format_set_bg_color)		*format_set_bg_color;
	__typeof__(format_set_font_color)	*format_set_font_color;
	__typeof__(format_set_text_wrap)	*format_set_text_wrap;
	__typeof__(format_set_align)		*format_set_align;
	__typeof__(format_set_num_format)	*format_set_num_format;
	__typeof__(worksheet_write_string)	*worksheet_write_string;
	__typeof__(worksheet_write_number)	*worksheet_write_number;
	__typeof__(worksheet_write_datetime)	*worksheet_write_datetime;
	__typeof__(worksheet_set_column)	*worksheet_set_column;
	__typeof__(worksheet_freeze_panes)	*worksheet_freeze_panes;
	__typeof__(worksheet_autofilter)	*worksheet_autofilter;
	__typeof__(lxw_strerror)		*lxw_strerror;
};
extern struct xlsx_lib xlsx_lib;

/* Loads libxlsxwriter once; 0, or -1 with why (dlerror's words) in
 * *why. */
int	 xlsx_lib_load(const char **why);

/* The loader itself names the members, not the functions. */
#ifndef XLSX_LIB_MEMBERS
#define workbook_new		(xlsx_lib.workbook_new)
#define workbook_add_worksheet	(xlsx_lib.workbook_add_worksheet)
#define workbook_add_format	(xlsx_lib.workbook_add_format)
#define workbook_close		(xlsx_lib.workbook_close)
#define format_set_bold		(xlsx_lib.format_set_bold)
#define format_set_bg_color	(xlsx_lib.format_set_bg_color)
#define format_set_font_color	(xlsx_lib.format_set_font_color)
#define format_set_text_wrap	(xlsx_lib.format_set_text_wrap)
#define format_set_align	(xlsx_lib.format_set_align)
#define format_set_num_format	(xlsx_lib.format_set_num_format)
#define worksheet_write_string	(xlsx_lib.worksheet_write_string)
#define worksheet_write_number	(xlsx_lib.worksheet_write_number)
#define worksheet_write_datetime (xlsx_lib.worksheet_write_datetime)
#define worksheet_set_column	(xlsx_lib.worksheet_set_column)
#define worksheet_freeze_panes	(xlsx_lib.worksheet_freeze_panes)
#define worksheet_autofilter	(xlsx_lib.worksheet_autofilter)
#define lxw_strerror		(xlsx_lib.lxw_strerror)
#endif

#endif
