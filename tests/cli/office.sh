#!/bin/sh
# The documents as an office opens them: LibreOffice converts the .docx
# and .odt of both styles to PDF (one soffice run for all of them), and
# pdftotext finds the national title, the motto, the Party's name and
# BIÊN BẢN with their diacritics, and a page number on page 2 but none on
# page 1.
. "${top_srcdir:-.}/tests/cli/lib.sh"

SOFFICE=$(command -v soffice || command -v libreoffice || true)
[ -n "$SOFFICE" ] ||
    skip_all "needs LibreOffice (apt-get install libreoffice-writer-nogui)"
needs pdftotext "needs pdftotext (apt-get install poppler-utils)"

expect_rc 0 "import the party meeting" "$MINUTES" import "$FIX/vi-quarterly.md"
expect_rc 0 "import the state meeting" "$MINUTES" import "$FIX/vi-state-long.md"
mkdir "$T/doc" "$T/pdf"
expect_rc 0 "party docx" "$MINUTES" export 1 --format docx -o "$T/doc/party.docx"
expect_rc 0 "party odt" "$MINUTES" export 1 --format odt -o "$T/doc/party-odt.odt"
expect_rc 0 "state docx" "$MINUTES" export 2 --format docx -o "$T/doc/state.docx"
expect_rc 0 "state odt" "$MINUTES" export 2 --format odt -o "$T/doc/state-odt.odt"

# One run converts all four; LibreOffice wants a writable profile.
(cd "$T/doc" && HOME="$T/home" "$SOFFICE" --headless --norestore \
    -env:UserInstallation=file://"$T/lo" --convert-to pdf --outdir "$T/pdf" \
    party.docx party-odt.odt state.docx state-odt.odt) >"$T/lo.log" 2>&1
for n in party party-odt state state-odt; do
	if [ -s "$T/pdf/$n.pdf" ]; then
		_result 0 "LibreOffice converts $n"
	else
		_result 1 "LibreOffice converts $n"
		sed 's/^/#   /' "$T/lo.log" | head -5
	fi
done

for n in party party-odt state state-odt; do
	pdftotext -layout "$T/pdf/$n.pdf" "$T/$n.txt" 2>/dev/null
	pdftotext -f 1 -l 1 "$T/pdf/$n.pdf" "$T/$n.p1" 2>/dev/null
	pdftotext -f 2 -l 2 "$T/pdf/$n.pdf" "$T/$n.p2" 2>/dev/null
	like "$(cat "$T/$n.txt")" 'BIÊN BẢN' "$n: BIÊN BẢN"
	is "$(grep -v '^[[:space:]]*$' "$T/$n.p2" | head -1 | tr -d ' \f')" 2 "$n: page 2 is numbered at its top"
	if grep -v '^[[:space:]]*$' "$T/$n.p1" | head -1 | grep -qx '[[:space:]]*1[[:space:]]*'; then
		_result 1 "$n: page 1 carries no number"
	else
		_result 0 "$n: page 1 carries no number"
	fi
done
for n in party party-odt; do
	like "$(cat "$T/$n.txt")" 'ĐẢNG CỘNG SẢN VIỆT NAM' "$n: the Party's name"
	like "$(cat "$T/$n.txt")" 'Bình Giang, ngày 18 tháng 9 năm 2025' "$n: place and date"
	like "$(cat "$T/$n.txt")" 'Hội nghị giao ban quý III năm 2025' "$n: the title"
done
for n in state state-odt; do
	like "$(cat "$T/$n.txt")" 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' "$n: the national title"
	like "$(cat "$T/$n.txt")" 'Độc lập - Tự do - Hạnh phúc' "$n: the motto"
	like "$(cat "$T/$n.txt")" 'CHỦ TỌA' "$n: the chair signs"
done
# The first page renders (to look at it: pdftoppm -png -r 60 -f 1 -l 1).
if command -v pdftoppm >/dev/null 2>&1; then
	pdftoppm -png -r 30 -f 1 -l 1 "$T/pdf/state.pdf" "$T/state" 2>/dev/null
	[ -s "$T/state-1.png" ]; _result $? "the first page renders to PNG"
fi
done_testing
