/*
 * The way into the screens from the command line, free of curses so that
 * cli_tui.c stays a plain command-line file: start the terminal, run the
 * meeting list or the editor, restore the terminal.
 */
#ifndef MINUTES_TUI_MAIN_H
#define MINUTES_TUI_MAIN_H

#include <stdint.h>

struct err;
struct meeting;
struct store;
struct tmpl;
struct tmpl_set;

/* The language the interface speaks: "vi" or "en". */
const char *tui_lang(const char *forced);
/* The template a new meeting gets by default: the first in the
 * interface's language, else the first. */
const struct tmpl *tui_default_template(const struct tmpl_set *,
	    const char *lang);
/* Runs the screens: the editor on id (at the end of section, if given),
 * or the meeting list when id is 0.  Returns an exit status. */
int	 tui_main(struct store *, struct tmpl_set *, const char *lang,
	    int64_t id, const char *section, struct err *);

#endif
