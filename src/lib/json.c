/*
 * JSON string escaping (see json.h), per RFC 8259 section 7.
 */
#include "config.h"

#include <string.h>

#include "lib/buf.h"
#include "lib/json.h"

void
json_strn(struct buf *b, const char *s, size_t len)
{
	size_t start = 0;

	buf_addc(b, '"');
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;
		char tmp[8];

		switch (c) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		case '\b': esc = "\\b"; break;
		case '\f': esc = "\\f"; break;
		default:
			if (c < 0x20 || c == 0x7f) {
				static const char hex[] = "0123456789abcdef";

				tmp[0] = '\\'; tmp[1] = 'u'; tmp[2] = '0';
				tmp[3] = '0'; tmp[4] = hex[c >> 4];
				tmp[5] = hex[c & 15]; tmp[6] = '\0';
				esc = tmp;
			}
		}
		if (esc) {
			buf_add(b, s + start, i - start);
			buf_adds(b, esc);
			start = i + 1;
		}
	}
	buf_add(b, s + start, len - start);
	buf_addc(b, '"');
}

void
json_str(struct buf *b, const char *s)
{
	if (s == NULL)
		buf_adds(b, "null");
	else
		json_strn(b, s, strlen(s));
}
