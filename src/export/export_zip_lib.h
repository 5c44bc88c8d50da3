/*
 * libzip, loaded when a DOCX or ODT export first needs it rather than at
 * program start (export_zip_lib.c).  Linked in, libzip and the libraries
 * it brings (libcrypto, libbz2...) cost every command about 1 ms before
 * main.  Included by export_zip.c in place of zip.h: the zip_... names
 * below stand for the loaded library's functions, so the code calls them
 * as usual, and only after zip_lib_load has succeeded.
 */
#ifndef MINUTES_EXPORT_ZIP_LIB_H
#define MINUTES_EXPORT_ZIP_LIB_H

#include <zip.h>

/* Every libzip function export_zip.c calls, named as in zip.h; a new one
 * is added here, to the defines below and to export_zip_lib.c's list. */
struct zip_lib {
	__typeof__(zip_error_init)		*zip_error_init;
	__typeof__(zip_error_fini)		*zip_error_fini;
	__typeof__(zip_error_strerror)		*zip_error_strerror;
	__typeof__(zip_get_error)		*zip_get_error;
	__typeof__(zip_source_buffer_create)	*zip_source_buffer_create;
	__typeof__(zip_source_buffer)		*zip_source_buffer;
	__typeof__(zip_source_keep)		*zip_source_keep;
	__typeof__(zip_source_free)		*zip_source_free;
	__typeof__(zip_source_open)		*zip_source_open;
	__typeof__(zip_source_seek)		*zip_source_seek;
	__typeof__(zip_source_tell)		*zip_source_tell;
	__typeof__(zip_source_read)		*zip_source_read;
	__typeof__(zip_source_close)		*zip_source_close;
	__typeof__(zip_source_error)		*zip_source_error;
	__typeof__(zip_open_from_source)	*zip_open_from_source;
	__typeof__(zip_file_add)		*zip_file_add;
	__typeof__(zip_set_file_compression)	*zip_set_file_compression;
	__typeof__(zip_file_set_mtime)		*zip_file_set_mtime;
	__typeof__(zip_close)			*zip_close;
	__typeof__(zip_discard)			*zip_discard;
};
extern struct zip_lib zip_lib;

/* Loads libzip once; 0, or -1 with why (dlerror's words) in *why. */
int	 zip_lib_load(const char **why);

/* The loader itself names the members, not the functions. */
#ifndef ZIP_LIB_MEMBERS
#define zip_error_init		(zip_lib.zip_error_init)
#define zip_error_fini		(zip_lib.zip_error_fini)
#define zip_error_strerror	(zip_lib.zip_error_strerror)
#define zip_get_error		(zip_lib.zip_get_error)
#define zip_source_buffer_create (zip_lib.zip_source_buffer_create)
#define zip_source_buffer	(zip_lib.zip_source_buffer)
#define zip_source_keep		(zip_lib.zip_source_keep)
#define zip_source_free		(zip_lib.zip_source_free)
#define zip_source_open		(zip_lib.zip_source_open)
#define zip_source_seek		(zip_lib.zip_source_seek)
#define zip_source_tell		(zip_lib.zip_source_tell)
#define zip_source_read		(zip_lib.zip_source_read)
#define zip_source_close	(zip_lib.zip_source_close)
#define zip_source_error	(zip_lib.zip_source_error)
#define zip_open_from_source	(zip_lib.zip_open_from_source)
#define zip_file_add		(zip_lib.zip_file_add)
#define zip_set_file_compression (zip_lib.zip_set_file_compression)
#define zip_file_set_mtime	(zip_lib.zip_file_set_mtime)
#define zip_close		(zip_lib.zip_close)
#define zip_discard		(zip_lib.zip_discard)
#endif

#endif
