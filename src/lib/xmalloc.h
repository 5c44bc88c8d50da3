/*
 * Allocation that never returns NULL.  Running out of memory in a note-taking
 * tool is not a condition any caller can do something sensible about, so the
 * wrappers print one line and abort; every caller may then treat allocation
 * as infallible and keep its error paths for errors a user can act on.
 */
#ifndef MINUTES_XMALLOC_H
#define MINUTES_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xreallocarray(void *p, size_t nmemb, size_t size);
/* Room for one more element after v[0..n), for arrays that grow at the
 * end: *cap (0 for an empty array) doubles when full, so pushing n
 * elements costs O(n).  Use XPUSH; keep cap beside the array. */
void *xpush(void *v, size_t n, size_t *cap, size_t size);
#define XPUSH(v, n, cap) ((v) = xpush((v), (n), &(cap), sizeof *(v)))
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* xstrdup that maps NULL to NULL. */
char *xstrdup0(const char *s);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

#endif
