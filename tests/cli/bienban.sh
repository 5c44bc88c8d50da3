#!/bin/sh
# The text export: the biên bản in both styles and the English layout match
# their golden files at widths 80 and 60, no line is wider than asked (by
# display width), and show prints the same text as export --format text.
# To refresh a golden file after a deliberate change of layout, run
#   src/minutes export ID --format text --width W > tests/golden/NAME.W.txt
# and read the difference before committing it.
. "${top_srcdir:-.}/tests/cli/lib.sh"

G="$top_srcdir/tests/golden"


for name in vi-quarterly vi-state-long vi-long en-liaison vi-city-1 vi-city-2; do
	expect_rc 0 "import $name" "$MINUTES" import "$FIX/$name.md"
	id=$(cat "$T/out")
	for w in 80 60; do
		expect_rc 0 "$name: export --width $w" "$MINUTES" export "$id" --format text --width "$w"
		cp "$T/out" "$T/$name.$w.txt"
		same_file "$T/$name.$w.txt" "$G/$name.$w.txt" "$name at $w columns matches its golden file"
		got=$(widest "$T/$name.$w.txt")
		if [ "$got" -le "$w" ]; then
			_result 0 "$name: no line wider than $w (widest $got)"
		else
			_result 1 "$name: no line wider than $w (widest $got)"
		fi
		if grep -q ' $' "$T/$name.$w.txt"; then
			_result 1 "$name: no trailing spaces at $w"
		else
			_result 0 "$name: no trailing spaces at $w"
		fi
	done
	expect_rc 0 "$name: show" "$MINUTES" show "$id"
	same_file "$T/out" "$T/$name.80.txt" "$name: show prints the export at 80 columns"
done

# Narrow widths still hold, down to the smallest allowed.
for w in 20 33 41; do
	expect_rc 0 "export --width $w" "$MINUTES" export 2 --format text --width "$w"
	cp "$T/out" "$T/narrow.txt"
	got=$(widest "$T/narrow.txt")
	[ "$got" -le "$w" ]; _result $? "state style at $w columns: widest line $got"
done

# The styles differ where the forms do.
like "$(head -3 "$T/vi-state-long.80.txt")" 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' "state: the national motto"
like "$(head -3 "$T/vi-state-long.80.txt")" 'Độc lập - Tự do - Hạnh phúc' "state: the second line of the motto"
like "$(head -8 "$T/vi-state-long.80.txt")" 'Số: 215/BB-UBND' "state: Số: with a colon"
like "$(head -3 "$T/vi-quarterly.80.txt")" 'ĐẢNG CỘNG SẢN VIỆT NAM' "party: the Party's name"
like "$(head -5 "$T/vi-quarterly.80.txt")" 'Số 27-BB/QU' "party: Số without a colon"
like "$(head -8 "$T/vi-quarterly.80.txt")" 'Bình Giang, ngày 18 tháng 9 năm 2025' "party: place and date line"
like "$(head -8 "$T/vi-state-long.80.txt")" 'ngày 05 tháng 12 năm 2025' "a day below 10 takes a zero"
like "$(cat "$T/vi-quarterly.80.txt")" 'có mặt 8/9 đại biểu' "attendance: present/total"
like "$(cat "$T/vi-quarterly.80.txt")" 'Hội nghị kết thúc vào 16 giờ 45 phút, ngày 18 tháng 9 năm 2025' "the closing line"
like "$(cat "$T/vi-quarterly.80.txt")" 'THƯ KÝ +CHỦ TRÌ' "party: signatures THƯ KÝ and CHỦ TRÌ side by side"
like "$(cat "$T/vi-state-long.80.txt")" 'THƯ KÝ +CHỦ TỌA' "state: signatures THƯ KÝ and CHỦ TỌA side by side"
like "$(cat "$T/vi-quarterly.80.txt")" 'thời hạn: 31/10/2025' "task due dates as dd/mm/yyyy"
like "$(cat "$T/en-liaison.80.txt")" '^ *MINUTES$' "English: plain layout"
# Issue 13's paper points, on a second meeting of a city's series.
c2="$T/vi-city-2.80.txt"
like "$(head -3 "$c2")" 'Hải Phòng, ngày 03 tháng 7 năm 2024' "Thành ủy Hải Phòng: the place of issue, a zero before day 3"
like "$(cat "$c2")" 'Tổng hợp ý kiến cử tri trước kỳ họp Hội đồng' "the review lists a carried task still in progress"
like "$(cat "$c2")" 'nhân dân \(thời hạn: 28/06/2024\) — đang thực hiện\.' "... with its status and the document's date style"
like "$(cat "$c2")" 'Tổ chức chiến dịch Thanh niên tình nguyện hè \(thời hạn:' "the review lists a carried task nobody answered"
if grep -q 'Báo cáo kết quả Ngày hội gia đình' "$c2"; then _result 1 "a task done before is not carried"; else _result 0 "a task done before is not carried"; fi
like "$(tail -8 "$c2")" '^ +Nguyễn Thị Hồng Thanh +Lê Văn Thành$' "under the signatures, the names only"
if tail -8 "$c2" | grep -q 'Chuyên viên'; then _result 1 "no position under a signature"; else _result 0 "no position under a signature"; fi
like "$(cat "$c2")" '^Thư ký: Nguyễn Thị Hồng Thanh, Chuyên viên Văn phòng Thành ủy\.$' "the position on the role line"
for w in 80 60; do
	last=$(sed -n '/^ *BIÊN BẢN$/,/^$/p' "$T/vi-city-2.$w.txt" | grep -v '^$' | tail -1)
	n=$(printf '%s\n' "$last" | wc -w)
	[ "$n" -ge 3 ]; _result $? "the title's last line at $w columns is balanced ($n words)"
done
# HTML: one page, the same text, everything escaped.
printf -- '---\ntemplate: giaoban\ntitle: Họp <script>alert(1)</script> & "bàn"\ndate: 2026-01-05\n---\n\n## Kết quả đạt được {#results}\n\nA < B && C > D\n' >"$T/h.md"
expect_rc 0 "import for html" "$MINUTES" import "$T/h.md"
hid=$(cat "$T/out")
expect_rc 0 "export html" "$MINUTES" export "$hid" --format html
cp "$T/out" "$T/h.html"
like "$(head -1 "$T/h.html")" '^<!DOCTYPE html>$' "html: a page"
if grep -q '<script>' "$T/h.html"; then _result 1 "html: markup in the text is escaped"; else _result 0 "html: markup in the text is escaped"; fi
like "$(cat "$T/h.html")" 'A &lt; B &amp;&amp; C &gt; D' "html: text escaped"
like "$(cat "$T/h.html")" '<title>Họp &lt;script&gt;alert\(1\)&lt;/script&gt; &amp; &quot;bàn&quot;</title>' "html: the title escaped"
if grep -Eq '(src|href)=' "$T/h.html"; then _result 1 "html: self-contained"; else _result 0 "html: self-contained"; fi
expect_rc 0 "export text for html" "$MINUTES" export "$hid" --format text
python3 -c 'import html.parser,sys,collections
class P(html.parser.HTMLParser):
    def __init__(s): super().__init__(); s.t=[]; s.skip=0
    def handle_starttag(s,t,a): s.skip+=t in ("style","title")
    def handle_endtag(s,t): s.skip-=t in ("style","title")
    def handle_data(s,d):
        if not s.skip: s.t.append(d)
p=P(); p.feed(open(sys.argv[1],encoding="utf-8").read())
words=lambda s: collections.Counter(w for w in s.split() if w.strip("-"))
sys.exit(0 if words(" ".join(p.t))==words(open(sys.argv[2],encoding="utf-8").read()) else 1)' "$T/h.html" "$T/out"
_result $? "html: the page holds every word of the text layout"
like "$(cat "$T/h.html")" '@page \{ size: A4; margin: 20mm 15mm 20mm 30mm' "html: A4 and the margins when printed"
like "$(cat "$T/h.html")" 'font-family: "Times New Roman"' "html: Times New Roman"
like "$(cat "$T/h.html")" '<table>' "html: the header is a table, not preformatted text"
done_testing
