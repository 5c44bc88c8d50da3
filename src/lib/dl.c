/*
 * dlopen and dlsym for the libraries loaded on first use (see dl.h).
 * The library is opened with RTLD_NOW, so a missing symbol of its own
 * shows here, as the failure to load, not later in the middle of an
 * export or a query.
 */
#include "config.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "lib/dl.h"

int
dl_load(void **handle, const char *soname, const struct dl_func *v,
    size_t n, void *out, size_t size, const char **why)
{
	/* dlclose frees dlerror's words (glibc), so they are kept here. */
	static char missing[512];
	void *h;

	if (*handle)
		return 0;
	if ((h = dlopen(soname, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		*why = dlerror();
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		void *f = dlsym(h, v[i].name);

		if (f == NULL) {
			const char *d = dlerror();

			snprintf(missing, sizeof missing, "%s",
			    d ? d : v[i].name);
			*why = missing;
			memset(out, 0, size);
			dlclose(h);
			return -1;
		}
		/* POSIX guarantees that a function's address survives the
		 * trip through void *. */
		memcpy((char *)out + v[i].off, &f, sizeof f);
	}
	*handle = h;
	return 0;
}
