/*
 * The public calls only a shared (PostgreSQL) store answers: what kind of
 * store this is, and letting roles use it.  A SQLite file belongs to
 * whoever can open it, so granting means nothing there.
 */
#include "config.h"

#include "lib/err.h"
#include "lib/i18n.h"
#include "store/store_impl.h"

bool
store_is_shared(const struct store *s)
{
	return s->pg != NULL;
}

bool
store_is_uri(const char *name)
{
	return pgs_uri_like(name);
}

int
store_grant(struct store *s, const char *const *roles, size_t n,
    struct err *e)
{
	if (s->pg == NULL)
		return err_set(e, ERR_INPUT, _("%s: grant needs a PostgreSQL "
		    "store (--db postgresql://...); a file is shared by its "
		    "permissions"), s->path);
	return pgs_grant(s->pg, roles, n, e);
}
