/*
 * libpq, loaded when a PostgreSQL store is first opened rather than at
 * program start (store_pg_lib.c).  Linked in, libpq and the twenty
 * libraries it brings (TLS, Kerberos, LDAP) cost every command about
 * 2 ms before main, SQLite files and --help alike.  Included by
 * store_pg_impl.h after libpq-fe.h: the PQ... names below stand for
 * the loaded library's functions, so the backend's code calls them as
 * usual, and only after pg_lib_load has succeeded.
 */
#ifndef MINUTES_STORE_PG_LIB_H
#define MINUTES_STORE_PG_LIB_H

#include <libpq-fe.h>

/* Every libpq function the backend calls; a new one is added here, to the
 * defines below and to store_pg_lib.c's list. */
struct pg_lib {
	__typeof__(PQclear)		*clear;
	__typeof__(PQntuples)		*ntuples;
	__typeof__(PQgetvalue)		*getvalue;
	__typeof__(PQgetisnull)		*getisnull;
	__typeof__(PQstatus)		*status;
	__typeof__(PQresultStatus)	*resultStatus;
	__typeof__(PQerrorMessage)	*errorMessage;
	__typeof__(PQresultErrorField)	*resultErrorField;
	__typeof__(PQsocket)		*socket;
	__typeof__(PQsetnonblocking)	*setnonblocking;
	__typeof__(PQsetNoticeProcessor) *setNoticeProcessor;
	__typeof__(PQsendQueryPrepared)	*sendQueryPrepared;
	__typeof__(PQsendQueryParams)	*sendQueryParams;
	__typeof__(PQsendQuery)		*sendQuery;
	__typeof__(PQsendPrepare)	*sendPrepare;
	__typeof__(PQisBusy)		*isBusy;
	__typeof__(PQgetResult)		*getResult;
	__typeof__(PQflush)		*flush;
	__typeof__(PQfinish)		*finish;
	__typeof__(PQconsumeInput)	*consumeInput;
	__typeof__(PQconnectStartParams) *connectStartParams;
	__typeof__(PQconnectPoll)	*connectPoll;
	__typeof__(PQcmdTuples)		*cmdTuples;
	__typeof__(PQcmdStatus)		*cmdStatus;
};
extern struct pg_lib pg_lib;

/* Loads libpq once; 0, or -1 with why (dlerror's words) in *why. */
int	 pg_lib_load(const char **why);

#define PQclear			(pg_lib.clear)
#define PQntuples		(pg_lib.ntuples)
#define PQgetvalue		(pg_lib.getvalue)
#define PQgetisnull		(pg_lib.getisnull)
#define PQstatus		(pg_lib.status)
#define PQresultStatus		(pg_lib.resultStatus)
#define PQerrorMessage		(pg_lib.errorMessage)
#define PQresultErrorField	(pg_lib.resultErrorField)
#define PQsocket		(pg_lib.socket)
#define PQsetnonblocking	(pg_lib.setnonblocking)
#define PQsetNoticeProcessor	(pg_lib.setNoticeProcessor)
#define PQsendQueryPrepared	(pg_lib.sendQueryPrepared)
#define PQsendQueryParams	(pg_lib.sendQueryParams)
#define PQsendQuery		(pg_lib.sendQuery)
#define PQsendPrepare		(pg_lib.sendPrepare)
#define PQisBusy		(pg_lib.isBusy)
#define PQgetResult		(pg_lib.getResult)
#define PQflush			(pg_lib.flush)
#define PQfinish		(pg_lib.finish)
#define PQconsumeInput		(pg_lib.consumeInput)
#define PQconnectStartParams	(pg_lib.connectStartParams)
#define PQconnectPoll		(pg_lib.connectPoll)
#define PQcmdTuples		(pg_lib.cmdTuples)
#define PQcmdStatus		(pg_lib.cmdStatus)

#endif
