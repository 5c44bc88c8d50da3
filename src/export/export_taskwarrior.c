/*
 * Action items as Taskwarrior's `task import` reads them (see
 * export_actions.h): one JSON array of task objects.  What makes a second
 * import update the tasks instead of adding them again is the uuid, the
 * item's own, stored with it; the rest follows Taskwarrior's JSON format:
 * dates as UTC stamps YYYYMMDDTHHMMSSZ, statuses pending, completed and
 * deleted, and "start" for a task in hand.  A due date is a day, which
 * Taskwarrior holds as an instant: local midnight of that day, as `task
 * add due:DATE` would set it.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/model.h"
#include "export/export_actions.h"
#include "lib/buf.h"
#include "lib/i18n.h"
#include "lib/json.h"

/* Appends sep and "key":"stamp", the stored stamp iso in Taskwarrior's
 * form ("2025-10-15T08:30:00Z" -> "20251015T083000Z"). */
static void
tw_stamp(struct buf *b, const char *sep, const char *key, const char *iso)
{
	char out[17];
	size_t j = 0;

	for (; *iso && j + 1 < sizeof out; iso++)
		if (*iso != '-' && *iso != ':')
			out[j++] = *iso;
	out[j] = '\0';
	buf_printf(b, "%s\"%s\":\"%s\"", sep, key, out);
}

/* Local midnight of the date "YYYY-MM-DD", as a UTC stamp. */
static void
tw_due(struct buf *b, const char *date)
{
	struct tm tm = { 0 }, utc;
	time_t t;
	char out[17];

	if (sscanf(date, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday) != 3)
		return;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_isdst = -1;
	if ((t = mktime(&tm)) == (time_t)-1 || gmtime_r(&t, &utc) == NULL)
		return;
	strftime(out, sizeof out, "%Y%m%dT%H%M%SZ", &utc);
	buf_printf(b, ",\"due\":\"%s\"", out);
}

static const char *
tw_status(enum act_status st)
{
	switch (st) {
	case ACT_DONE:
		return "completed";
	case ACT_DROPPED:
		return "deleted";
	default:
		return "pending";
	}
}

static void
tw_task(struct buf *b, const struct action_row *r)
{
	const char *changed = strcmp(r->updated, r->closed) >= 0 ? r->updated :
	    r->closed;
	struct buf t = BUF_INIT;

	buf_adds(b, "{\"uuid\":");
	json_str(b, r->uuid);
	if (r->a.assignee)
		buf_printf(&t, "%s: ", r->a.assignee);
	buf_adds(&t, r->a.task);
	json_member(b, "description", buf_str(&t));
	buf_printf(b, ",\"status\":\"%s\"", tw_status(r->a.status));
	tw_stamp(b, ",", "entry", r->created[0] ? r->created : changed);
	tw_stamp(b, ",", "modified", changed);
	if (r->a.due)
		tw_due(b, r->a.due);
	if (r->a.status == ACT_DOING)
		tw_stamp(b, ",", "start", r->updated);
	if (r->a.status == ACT_DONE || r->a.status == ACT_DROPPED)
		tw_stamp(b, ",", "end", r->closed[0] ? r->closed : changed);
	if (r->meeting_series) {
		json_member(b, "project", r->meeting_series);
	}
	buf_reset(&t);
	buf_printf(&t, "%s: %s (%s)", _("Meeting"), r->meeting_title,
	    r->meeting_date);
	if (r->a.due_text)
		buf_printf(&t, "; %s: %s", _("Deadline as said"), r->a.due_text);
	tw_stamp(b, ",\"annotations\":[{", "entry", r->created[0] ? r->created :
	    changed);
	json_member(b, "description", buf_str(&t));
	buf_adds(b, "}]}");
	buf_free(&t);
}

void
export_actions_taskwarrior(struct buf *b, const struct action_row *v,
    size_t n)
{
	buf_addc(b, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_adds(b, ",\n");
		tw_task(b, &v[i]);
	}
	buf_adds(b, "]\n");
}
