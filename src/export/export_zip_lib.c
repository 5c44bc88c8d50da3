/*
 * Loads libzip at the first DOCX or ODT export (see export_zip_lib.h).
 * The soname is the one the -dev package's library carries, read by
 * configure (ZIP_SONAME); the functions are looked up by the names of
 * zip_lib's members (lib/dl.c), so a name cannot drift from its type.
 */
#include "config.h"

#include <stddef.h>

#define ZIP_LIB_MEMBERS
#include "export/export_zip_lib.h"
#include "lib/dl.h"

struct zip_lib zip_lib;

static const struct dl_func funcs[] = {
#define F(f) { #f, offsetof(struct zip_lib, f) }
	F(zip_error_init),
	F(zip_error_fini),
	F(zip_error_strerror),
	F(zip_get_error),
	F(zip_source_buffer_create),
	F(zip_source_buffer),
	F(zip_source_keep),
	F(zip_source_free),
	F(zip_source_open),
	F(zip_source_seek),
	F(zip_source_tell),
	F(zip_source_read),
	F(zip_source_close),
	F(zip_source_error),
	F(zip_open_from_source),
	F(zip_file_add),
	F(zip_set_file_compression),
	F(zip_file_set_mtime),
	F(zip_close),
	F(zip_discard),
#undef F
};

_Static_assert(sizeof funcs / sizeof funcs[0] * sizeof(void (*)(void)) ==
    sizeof(struct zip_lib), "a name for every member of struct zip_lib");

int
zip_lib_load(const char **why)
{
	static void *handle;

	return dl_load(&handle, ZIP_SONAME, funcs, sizeof funcs /
	    sizeof funcs[0], &zip_lib, sizeof zip_lib, why);
}
