#!/bin/sh
# The office documents as a program reads them: every .docx and .xlsx the
# exports write is opened with python3-docx and python3-openpyxl and
# checked for page size, margins, fonts, the header lines, every task and
# the date cells; the .odt is checked as a zip and as XML.
. "${top_srcdir:-.}/tests/cli/lib.sh"

PY=/usr/bin/python3
[ -x "$PY" ] && "$PY" -c 'import docx' 2>/dev/null ||
    skip_all "needs python3-docx (apt-get install python3-docx)"
"$PY" -c 'import openpyxl' 2>/dev/null ||
    skip_all "needs python3-openpyxl (apt-get install python3-openpyxl)"

# check NAME PYTHON-BODY FILE [LISTS]: runs the body with f = the file,
# a = the lines of the other files; it prints nothing when all is well,
# else what is wrong, one line each.
check() {
	_name=$1 _body=$2
	shift 2
	"$PY" - "$@" >"$T/py" 2>&1 <<PYEOF
import sys, re, zipfile
f = sys.argv[1]
a = [l for x in sys.argv[2:] for l in open(x, encoding="utf-8").read().splitlines() if l]
bad = []
def want(cond, what):
    if not cond: bad.append(what)
want(len(sys.argv) < 3 or len(a) >= 2, "too few tasks to look for: %d" % len(a))
$_body
for b in bad: print(b)
PYEOF
	if [ -s "$T/py" ]; then
		_result 1 "$_name"
		sed 's/^/#   /' "$T/py" | head -20
	else
		_result 0 "$_name"
	fi
}

for name in vi-quarterly vi-state-long en-liaison; do
	expect_rc 0 "import $name" "$MINUTES" import "$FIX/$name.md"
done
# Tasks as the fixtures have them, one a line, to find each in the
# documents.
for name in vi-quarterly vi-state-long en-liaison; do
	sed -n '/{#tasks}/,$p' "$FIX/$name.md" | grep '^| ' | tail -n +2 |
	    awk -F' [|] ' '{print $2}' >"$T/$name.tasks"
done

for id in 1 2 3; do
	expect_rc 0 "export $id --format docx" "$MINUTES" export $id --format docx -o "$T/m$id.docx"
	expect_rc 0 "export $id --format odt" "$MINUTES" export $id --format odt -o "$T/m$id.odt"
done

DOCX_COMMON='
import docx
from docx.shared import Mm
d = docx.Document(f)
s = d.sections[0]
mm = lambda v: round(v / 36000, 1)
want(abs(mm(s.page_width) - 210) < 0.5 and abs(mm(s.page_height) - 297) < 0.5, "A4 portrait: %s x %s mm" % (mm(s.page_width), mm(s.page_height)))
want(20 <= mm(s.top_margin) <= 25 and 20 <= mm(s.bottom_margin) <= 25, "top and bottom margins 20-25 mm: %s, %s" % (mm(s.top_margin), mm(s.bottom_margin)))
want(30 <= mm(s.left_margin) <= 35 and 15 <= mm(s.right_margin) <= 20, "left 30-35 mm, right 15-20 mm: %s, %s" % (mm(s.left_margin), mm(s.right_margin)))
want(d.styles["Normal"].font.name == "Times New Roman", "Normal font: %s" % d.styles["Normal"].font.name)
want(s.different_first_page_header_footer, "a first page of its own (no number on it)")
hx = s.header._element.xml
want("PAGE" in hx, "the page number field in the header")
want("PAGE" not in s.first_page_header._element.xml, "no page number on page 1")
paras = [p.text for p in d.paragraphs]
cells = [[c.text for c in r.cells] for t in d.tables for r in t.rows]
text = "\n".join(paras + ["\n".join(r) for r in cells])
for t in a:
    want(t in text, "task missing: " + t)
sizes = [r.font.size.pt for p in d.paragraphs for r in p.runs if r.font.size]
'
check "party docx: A4, margins, Times New Roman, header lines, every task" "$DOCX_COMMON"'
head = d.tables[0]
want(head.cell(0, 0).text.startswith("QUẬN ỦY BÌNH GIANG"), "organisation in capitals, top left: " + repr(head.cell(0, 0).text))
want("*" in head.cell(0, 0).text, "the * beneath the Party body")
want(head.cell(0, 1).text.strip() == "ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM top right")
r = head.cell(0, 1).paragraphs[0].runs[0]
want(r.bold and r.font.size.pt == 15, "the Party title bold 15 pt")
want(head.cell(1, 0).text.strip() == "Số 27-BB/QU" and "Bình Giang, ngày 18 tháng 9 năm 2025" in head.cell(1, 1).text, "number and date level")
want(head.cell(1, 1).paragraphs[0].runs[0].italic, "the place and date italic")
want("BIÊN BẢN" in paras, "BIÊN BẢN")
want(any("Hội nghị giao ban quý III" in p for p in paras), "the title")
sig = d.tables[1]
want("THƯ KÝ" in sig.cell(0, 0).text and "CHỦ TRÌ" in sig.cell(0, 1).text, "signatures")
want(any(p.startswith("Nơi nhận:") for p in paras), "recipients")
want(any(p.text.startswith("Nơi nhận") and p.runs[0].underline for p in d.paragraphs), "Nơi nhận underlined (Guidance 36)")
body = [p for p in d.paragraphs if p.text.startswith("Quý III năm 2025")][0]
want(body.alignment == 3 and body.paragraph_format.first_line_indent and 10 <= mm(body.paragraph_format.first_line_indent) <= 12.7, "body justified, first line indented 1-1.27 cm")
want(body.runs[0].font.size.pt == 14, "body 14 pt")
' "$T/m1.docx" "$T/vi-quarterly.tasks"
check "state docx: national title, motto, sizes" "$DOCX_COMMON"'
head = d.tables[0]
right = head.cell(0, 1).paragraphs
want(right[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and right[0].runs[0].bold and 12 <= right[0].runs[0].font.size.pt <= 13, "national title: capitals, bold, 12-13 pt")
want(right[1].text == "Độc lập - Tự do - Hạnh phúc" and right[1].runs[0].bold and 13 <= right[1].runs[0].font.size.pt <= 14, "motto bold 13-14 pt")
want("w:top" in right[2]._element.xml and right[2].text == "", "a rule under the motto")
want(any("ngày 05 tháng 12 năm 2025" in p.text and p.runs[0].italic for p in right), "place and date italic")
want("Số: 215/BB-UBND" in head.cell(0, 0).text, "Số: with its number")
sig = d.tables[1]
want(sig.cell(0, 1).paragraphs[0].text == "CHỦ TỌA" and sig.cell(0, 1).paragraphs[0].runs[0].bold, "signature title in capitals, bold")
nn = [p for p in d.paragraphs if p.text.startswith("Nơi nhận")]
want(nn and nn[0].runs[0].bold and nn[0].runs[0].italic and nn[0].runs[0].font.size.pt == 12, "Nơi nhận: bold italic 12 pt")
' "$T/m2.docx" "$T/vi-state-long.tasks"
check "English docx: MINUTES and every task" "$DOCX_COMMON"'
want("MINUTES" in paras, "MINUTES")
' "$T/m3.docx" "$T/en-liaison.tasks"

ODT_CHECK='
z = zipfile.ZipFile(f)
names = z.namelist()
want(names[0] == "mimetype" and z.getinfo("mimetype").compress_type == zipfile.ZIP_STORED, "mimetype first and stored")
want(z.read("mimetype") == b"application/vnd.oasis.opendocument.text", "the mimetype")
import xml.dom.minidom
for n in ("content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"):
    try: xml.dom.minidom.parseString(z.read(n))
    except Exception as e: bad.append("%s: %s" % (n, e))
c = z.read("content.xml").decode()
st = z.read("styles.xml").decode()
want("fo:page-width=\"210mm\"" in st and "fo:page-height=\"297mm\"" in st, "A4")
want("text:page-number" in st and "First_20_Page" in c, "page numbers, but not on the first page")
want("Times New Roman" in st, "Times New Roman")
for t in a:
    want(t.replace("&", "&amp;") in c, "task missing: " + t)
'
check "party odt: package, XML, A4, every task" "$ODT_CHECK"'
want("ĐẢNG CỘNG SẢN VIỆT NAM" in c and "BIÊN BẢN" in c, "title lines")
' "$T/m1.odt" "$T/vi-quarterly.tasks"
check "state odt: package, XML, A4, every task" "$ODT_CHECK"'
want("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in c and "Độc lập - Tự do - Hạnh phúc" in c, "motto")
' "$T/m2.odt" "$T/vi-state-long.tasks"

# A hostile meeting: markup and control characters stay text.
printf -- '---\ntemplate: giaoban\ntitle: Họp <w:p/> & "x" \001\ndate: 2026-01-05\n---\n\n## Kết quả đạt được {#results}\n\n</w:t></w:r> ]]> <!-- \033[31m\n' >"$T/h.md"
hid=$("$MINUTES" import "$T/h.md")
expect_rc 0 "export a hostile meeting as docx" "$MINUTES" export "$hid" --format docx -o "$T/h.docx"
check "hostile docx: opens, text kept as text" '
import docx
d = docx.Document(f)
text = "\n".join(p.text for p in d.paragraphs)
want("Họp <w:p/> & \"x\"" in text, "the title as text")
want("</w:t></w:r> ]]> <!--" in text, "the section as text")
' "$T/h.docx"
expect_rc 0 "export a hostile meeting as odt" "$MINUTES" export "$hid" --format odt -o "$T/h.odt"
check "hostile odt: well-formed" '
import xml.dom.minidom
z = zipfile.ZipFile(f)
xml.dom.minidom.parseString(z.read("content.xml"))
' "$T/h.odt"

# The follow-up sheet.
export MINUTES_TODAY=2025-11-05
expect_rc 0 "action 1 done with a note" "$MINUTES" action 1 done --note "Đã gửi báo cáo"
expect_rc 0 "actions --all --xlsx -o" "$MINUTES" actions --all --xlsx -o "$T/a.xlsx"
is "$(cat "$T/out")" "" "--xlsx -o prints nothing"
is "$(stat -c %a "$T/a.xlsx")" 600 "the sheet's mode is 0600"
check "xlsx: header, every task, date cells, overdue marked, last note" '
import openpyxl, datetime
wb = openpyxl.load_workbook(f)
ws = wb.active
rows = list(ws.iter_rows(values_only=True))
want(rows[0] == ("No.", "Assignee", "Task", "Due", "Status", "Meeting", "Meeting date", "Last note"), "header row: %r" % (rows[0],))
want(all(ws.cell(1, c).font.b for c in range(1, 9)), "header bold")
want(ws.freeze_panes == "A2", "header frozen: %s" % ws.freeze_panes)
want(ws.auto_filter.ref == "A1:H%d" % len(rows), "autofilter over the table: %s" % ws.auto_filter.ref)
tasks = [r[2] for r in rows[1:]]
for t in a:
    want(t in tasks, "task missing: " + t)
dated = [ws.cell(i, 4) for i in range(2, len(rows) + 1) if ws.cell(i, 4).value is not None]
want(dated and all(isinstance(c.value, datetime.datetime) and c.number_format == "dd/mm/yyyy" for c in dated), "due dates are date cells shown dd/mm/yyyy")
want(all(isinstance(ws.cell(i, 7).value, datetime.datetime) for i in range(2, len(rows) + 1)), "meeting dates are date cells")
late = [r for r in rows[1:] if r[3] and r[3] < datetime.datetime(2025, 11, 5) and r[4] in ("open", "doing")]
want(not late, "every overdue row says so: %r" % late[:1])
want(any(r[4].endswith(", overdue") for r in rows[1:]), "overdue rows marked")
want(any(r[7] == "Đã gửi báo cáo" for r in rows[1:]), "the last note")
want(ws.column_dimensions["C"].width >= 30, "the task column is wide")
' "$T/a.xlsx" "$T/vi-quarterly.tasks" "$T/vi-state-long.tasks"
expect_rc 0 "actions --xlsx in Vietnamese" "$MINUTES" --lang vi actions --xlsx -o "$T/vi.xlsx"
check "xlsx in Vietnamese: headings and statuses in the interface language" '
import openpyxl
ws = openpyxl.load_workbook(f).active
want(ws["C1"].value == "Nội dung", "heading: %r" % ws["C1"].value)
want(any((c.value or "").startswith("chưa") or (c.value or "").startswith("đang") for c in ws["E"][1:]), "status words")
' "$T/vi.xlsx"
done_testing
