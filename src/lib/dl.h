/*
 * Loading a shared library when a feature first needs it, not at program
 * start: libpq for a PostgreSQL store, libzip and libxlsxwriter for the
 * office exports.  Linked in, each (and the libraries it brings) costs
 * every command time before main.  A caller keeps a struct of function
 * pointers, one member per function it calls, and a table naming them.
 */
#ifndef MINUTES_DL_H
#define MINUTES_DL_H

#include <stddef.h>

/* A function to look up, and where its address goes in the caller's
 * struct (offsetof). */
struct dl_func {
	const char	*name;
	size_t		 off;
};

/* Opens the library by its soname, once, and fills the struct at out
 * (size bytes) with the n functions; *handle keeps the library, which is
 * never unloaded.  0, or -1 with why (dlerror's words) in *why, out all
 * null pointers and *handle still NULL, so a later call tries again. */
int	 dl_load(void **handle, const char *soname, const struct dl_func *,
	    size_t n, void *out, size_t size, const char **why);

#endif
