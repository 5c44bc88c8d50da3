/*
 * Zip packages for the office documents (see export_xml.h), made with
 * libzip (loaded at the first such export, export_zip_lib.h) in memory:
 * the archive is built in a buffer source and copied out, so a writer
 * still only appends bytes to a buf and a failure never leaves half a
 * file.  Every entry carries the same fixed time, so the same meeting
 * gives the same bytes on every run.
 */
#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "export/export_xml.h"
#include "export/export_zip_lib.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"

/* 1 January 2020, 00:00 UTC: any fixed time inside DOS dates will do. */
#define FIXED_MTIME ((time_t)1577836800)

static int
fail(struct err *e, const char *what, zip_error_t *ze)
{
	err_set(e, ERR_RUNTIME, _("making the document: %s: %s"), what,
	    zip_error_strerror(ze));
	return ERR_RUNTIME;
}

/* Adds the files to the open archive z: the built ones from part[i]. */
static int
add_files(zip_t *z, const struct export_zip_file *v, const struct buf *part,
    size_t n, struct err *e)
{
	for (size_t i = 0; i < n; i++) {
		zip_source_t *s = v[i].build ?
		    zip_source_buffer(z, buf_str(&part[i]), part[i].len, 0) :
		    zip_source_buffer(z, v[i].data, v[i].len, 0);
		zip_int64_t idx;

		if (s == NULL)
			return fail(e, v[i].name, zip_get_error(z));
		idx = zip_file_add(z, v[i].name, s, ZIP_FL_ENC_UTF_8);
		if (idx < 0) {
			zip_source_free(s);
			return fail(e, v[i].name, zip_get_error(z));
		}
		if (zip_set_file_compression(z, (zip_uint64_t)idx, v[i].store ?
		    ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) != 0 ||
		    zip_file_set_mtime(z, (zip_uint64_t)idx, FIXED_MTIME, 0) != 0)
			return fail(e, v[i].name, zip_get_error(z));
	}
	return 0;
}

/* Appends the whole of source src to b. */
static int
copy_out(struct buf *b, zip_source_t *src, struct err *e)
{
	zip_int64_t len, got;

	if (zip_source_open(src) != 0)
		return fail(e, "zip", zip_source_error(src));
	if (zip_source_seek(src, 0, SEEK_END) != 0 ||
	    (len = zip_source_tell(src)) < 0 ||
	    zip_source_seek(src, 0, SEEK_SET) != 0) {
		zip_source_close(src);
		return fail(e, "zip", zip_source_error(src));
	}
	buf_grow(b, (size_t)len);
	got = zip_source_read(src, b->s + b->len, (zip_uint64_t)len);
	zip_source_close(src);
	if (got != len)
		return fail(e, "zip", zip_source_error(src));
	b->len += (size_t)len;
	b->s[b->len] = '\0';
	return 0;
}

/* The archive of the files, the built ones' bytes in part. */
static int
zip_files(struct buf *b, const struct export_zip_file *v,
    const struct buf *part, size_t n, struct err *e)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;
	int rc;

	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(NULL, 0, 0, &ze)) == NULL) {
		rc = fail(e, "zip", &ze);
		zip_error_fini(&ze);
		return rc;
	}
	if ((z = zip_open_from_source(src, ZIP_TRUNCATE, &ze)) == NULL) {
		rc = fail(e, "zip", &ze);
		zip_source_free(src);
		zip_error_fini(&ze);
		return rc;
	}
	zip_error_fini(&ze);
	/* The source outlives the archive: the bytes are read from it after
	 * zip_close has written them. */
	zip_source_keep(src);
	if ((rc = add_files(z, v, part, n, e)) != 0) {
		zip_discard(z);
		zip_source_free(src);
		return rc;
	}
	if (zip_close(z) != 0) {
		rc = fail(e, "zip", zip_get_error(z));
		zip_discard(z);
		zip_source_free(src);
		return rc;
	}
	rc = copy_out(b, src, e);
	zip_source_free(src);
	return rc;
}

int
export_zip(struct buf *b, const struct export_zip_file *v, size_t n,
    const struct doc *d, struct err *e)
{
	struct buf *part;
	const char *why;
	int rc;

	if (zip_lib_load(&why) != 0)
		return err_set(e, ERR_RUNTIME, _("DOCX and ODT documents need "
		    "the libzip library, which cannot be loaded (%s); on "
		    "Debian: apt-get install %s"), why, ZIP_DEB);
	part = xcalloc(n, sizeof *part);
	for (size_t i = 0; i < n; i++)
		if (v[i].build)
			v[i].build(&part[i], d);
	rc = zip_files(b, v, part, n, e);
	for (size_t i = 0; i < n; i++)
		buf_free(&part[i]);
	free(part);
	return rc;
}
