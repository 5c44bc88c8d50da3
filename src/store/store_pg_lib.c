/*
 * Loads libpq at the first PostgreSQL store (see store_pg_lib.h).  The
 * name is the library's soname, stable since PostgreSQL 8.0; the
 * functions are looked up by name into pg_lib (lib/dl.c).  Nothing is
 * unloaded: a program that opened one store may open another.
 */
#include "config.h"

#include <stddef.h>

#include "lib/dl.h"
#include "store/store_pg_lib.h"

#define LIBPQ_SONAME "libpq.so.5"

struct pg_lib pg_lib;

static const struct dl_func funcs[] = {
#define F(name, member) { name, offsetof(struct pg_lib, member) }
	F("PQclear", clear),
	F("PQntuples", ntuples),
	F("PQgetvalue", getvalue),
	F("PQgetisnull", getisnull),
	F("PQstatus", status),
	F("PQresultStatus", resultStatus),
	F("PQerrorMessage", errorMessage),
	F("PQresultErrorField", resultErrorField),
	F("PQsocket", socket),
	F("PQsetnonblocking", setnonblocking),
	F("PQsetNoticeProcessor", setNoticeProcessor),
	F("PQsendQueryPrepared", sendQueryPrepared),
	F("PQsendQueryParams", sendQueryParams),
	F("PQsendQuery", sendQuery),
	F("PQsendPrepare", sendPrepare),
	F("PQisBusy", isBusy),
	F("PQgetResult", getResult),
	F("PQflush", flush),
	F("PQfinish", finish),
	F("PQconsumeInput", consumeInput),
	F("PQconnectStartParams", connectStartParams),
	F("PQconnectPoll", connectPoll),
	F("PQcmdTuples", cmdTuples),
	F("PQcmdStatus", cmdStatus),
#undef F
};

_Static_assert(sizeof funcs / sizeof funcs[0] * sizeof(void (*)(void)) ==
    sizeof(struct pg_lib), "a name for every member of struct pg_lib");

int
pg_lib_load(const char **why)
{
	static void *handle;

	return dl_load(&handle, LIBPQ_SONAME, funcs, sizeof funcs /
	    sizeof funcs[0], &pg_lib, sizeof pg_lib, why);
}
