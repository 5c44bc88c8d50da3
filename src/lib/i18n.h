/*
 * The one place that decides how messages are translated.  Core modules
 * include it too: their error messages reach users and are translated.
 */
#ifndef MINUTES_I18N_H
#define MINUTES_I18N_H

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s)	gettext(s)
#else
#define _(s)	(s)
#endif
#define N_(s)	(s)

#endif
