/*
 * Type-ahead held back from a dialog (tui_ahead.c): the keys of a burst
 * of typing that reached a question, kept to be given back or dropped.
 */
#ifndef MINUTES_TUI_AHEAD_H
#define MINUTES_TUI_AHEAD_H

#include <stdbool.h>
#include <stddef.h>

struct tui_event;

/* A dialog opens: forgets what an earlier one held, and holds the keys
 * already waiting. */
void	 tui_ahead_begin(void);
/* True if ev, read by the dialog, is part of a burst of typing (it is
 * held); false if the dialog may take it, as an answer when answer. */
bool	 tui_ahead_typing(const struct tui_event *, bool answer);
/* tui_read's first source: a held event being given back. */
bool	 tui_ahead_next(struct tui_event *);
void	 tui_ahead_drop_all(void);

#endif
