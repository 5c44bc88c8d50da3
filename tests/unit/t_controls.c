/*
 * Unit tests of what keeps raw controls off a terminal: JSON strings
 * escape the C0 and C1 controls and the bidirectional embeddings,
 * overrides and isolates as \uXXXX; utf8_escape_ctrl shows them as ^X,
 * <9B> and <RLO>; and the width of a text counts what is shown, so the
 * tables and the screens line up around them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/json.h"
#include "lib/utf8.h"
#include "tap.h"

static void
is_json(const char *in, const char *want, const char *rule)
{
	struct buf b = BUF_INIT;

	json_str(&b, in);
	is_str(buf_str(&b), want, "%s", rule);
	buf_free(&b);
}

static void
is_shown(const char *in, const char *want, const char *rule)
{
	struct buf b = BUF_INIT;

	utf8_escape_ctrl(&b, in, strlen(in));
	is_str(buf_str(&b), want, "%s", rule);
	is_int((intmax_t)utf8_width(in, strlen(in)),
	    (intmax_t)utf8_width(b.s, b.len), "%s: the width is what is shown",
	    rule);
	buf_free(&b);
}

static void
test_json(void)
{
	is_json("a\xc2\x9b" "31m", "\"a\\u009b31m\"", "U+009B (CSI) as \\u009b");
	is_json("\xc2\x80\xc2\x9f", "\"\\u0080\\u009f\"", "the C1 range's ends");
	is_json("x\xe2\x80\xaeyz", "\"x\\u202eyz\"", "U+202E (RLO) as \\u202e");
	is_json("\xe2\x80\xaa\xe2\x81\xa6\xe2\x81\xa9",
	    "\"\\u202a\\u2066\\u2069\"", "embeddings and isolates");
	is_json("\x1b[1m\x7f", "\"\\u001b[1m\\u007f\"", "C0 controls and DEL");
	is_json("Đảng viên “Dân vận” — \xc2\xa0\xe2\x80\xaf",
	    "\"Đảng viên “Dân vận” — \xc2\xa0\xe2\x80\xaf\"",
	    "other characters, spaces included, stay as they are");
	is_json("\xc2", "\"\xc2\"", "a cut sequence is left alone");
}

static void
test_shown(void)
{
	is_shown("a\xc2\x9b" "31m", "a<9B>31m", "U+009B shown as <9B>");
	is_shown("exe\xe2\x80\xaetxt", "exe<RLO>txt", "U+202E shown as <RLO>");
	is_shown("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad",
	    "<LRE><RLE><PDF><LRO>", "the embeddings by name");
	is_shown("\xe2\x81\xa6\xe2\x81\xa7\xe2\x81\xa8\xe2\x81\xa9",
	    "<LRI><RLI><FSI><PDI>", "the isolates by name");
	is_shown("\x1b[2J", "^[[2J", "C0 controls as ^X");
	is_shown("Nguyễn Văn Ánh", "Nguyễn Văn Ánh", "Vietnamese stays");
}

int
main(void)
{
	test_json();
	test_shown();
	return tap_done();
}
