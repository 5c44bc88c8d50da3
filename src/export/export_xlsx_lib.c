/*
 * Loads libxlsxwriter at the first XLSX export (see export_xlsx_lib.h).
 * The soname is the one the -dev package's library carries, read by
 * configure (XLSXWRITER_SONAME); the functions are looked up by the names
 * of xlsx_lib's members (lib/dl.c), so a name cannot drift from its type.
 */
#include "config.h"

#include <stddef.h>

#define XLSX_LIB_MEMBERS
#include "export/export_xlsx_lib.h"
#include "lib/dl.h"

struct xlsx_lib xlsx_lib;

static const struct dl_func funcs[] = {
#define F(f) { #f, offsetof(struct xlsx_lib, f) }
	F(workbook_new),
	F(workbook_add_worksheet),
	F(workbook_add_format),
	F(workbook_close),
	F(format_set_bold),
	F(format_set_bg_color),
	F(format_set_font_color),
	F(format_set_text_wrap),
	F(format_set_align),
	F(format_set_num_format),
	F(worksheet_write_string),
	F(worksheet_write_number),
	F(worksheet_write_datetime),
	F(worksheet_set_column),
	F(worksheet_freeze_panes),
	F(worksheet_autofilter),
	F(lxw_strerror),
#undef F
};

_Static_assert(sizeof funcs / sizeof funcs[0] * sizeof(void (*)(void)) ==
    sizeof(struct xlsx_lib), "a name for every member of struct xlsx_lib");

int
xlsx_lib_load(const char **why)
{
	static void *handle;

	return dl_load(&handle, XLSXWRITER_SONAME, funcs, sizeof funcs /
	    sizeof funcs[0], &xlsx_lib, sizeof xlsx_lib, why);
}
