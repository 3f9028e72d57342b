<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Open Folder…</source>
        <translation>&amp;Open Folder…</translation>
    </message>
    <message>
        <source>&amp;Skipped Files…</source>
        <translation>&amp;Skipped Files…</translation>
    </message>
    <message>
        <source>&amp;Export Bookmarks…</source>
        <translation>&amp;Export Bookmarks…</translation>
    </message>
    <message>
        <source>&amp;Import Bookmarks…</source>
        <translation>&amp;Import Bookmarks…</translation>
    </message>
    <message>
        <source>Export &amp;Notes…</source>
        <translation>Export &amp;Notes…</translation>
    </message>
    <message>
        <source>Every highlight, note and bookmark as JSON, Markdown or CSV</source>
        <translation>Every highlight, note and bookmark as JSON, Markdown or CSV</translation>
    </message>
    <message>
        <source>Export &amp;Results…</source>
        <translation>Export &amp;Results…</translation>
    </message>
    <message>
        <source>The articles listed, as shown, as CSV for a spreadsheet</source>
        <translation>The articles listed, as shown, as CSV for a spreadsheet</translation>
    </message>
    <message>
        <source>Import No&amp;tes…</source>
        <translation>Import No&amp;tes…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Search the Library</source>
        <translation>&amp;Search the Library</translation>
    </message>
    <message>
        <source>Search titles and text of every article (Ctrl+K)</source>
        <translation>Search titles and text of every article (Ctrl+K)</translation>
    </message>
    <message>
        <source>&amp;Find in Article…</source>
        <translation>&amp;Find in Article…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Find &amp;Next</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>Find Pre&amp;vious</translation>
    </message>
    <message>
        <source>&amp;Next Article</source>
        <translation>&amp;Next Article</translation>
    </message>
    <message>
        <source>&amp;Previous Article</source>
        <translation>&amp;Previous Article</translation>
    </message>
    <message>
        <source>Next &amp;Unread Article</source>
        <translation>Next &amp;Unread Article</translation>
    </message>
    <message>
        <source>Next unread article (N, or Space at an article's end)</source>
        <translation>Next unread article (N, or Space at an article's end)</translation>
    </message>
    <message>
        <source>Go to the &amp;List</source>
        <translation>Go to the &amp;List</translation>
    </message>
    <message>
        <source>Go to the &amp;Article</source>
        <translation>Go to the &amp;Article</translation>
    </message>
    <message>
        <source>&amp;Full-Screen Reading</source>
        <translation>&amp;Full-Screen Reading</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Keyboard Shortcuts</translation>
    </message>
    <message>
        <source>&amp;Print Article…</source>
        <translation>&amp;Print Article…</translation>
    </message>
    <message>
        <source>Export Article as P&amp;DF…</source>
        <translation>Export Article as P&amp;DF…</translation>
    </message>
    <message>
        <source>Bookmark This &amp;Paragraph…</source>
        <translation>Bookmark This &amp;Paragraph…</translation>
    </message>
    <message>
        <source>Bookmark the paragraph at the top, with a note</source>
        <translation>Bookmark the paragraph at the top, with a note</translation>
    </message>
    <message>
        <source>&amp;Highlight the Selection</source>
        <translation>&amp;Highlight the Selection</translation>
    </message>
    <message>
        <source>Highlight the selected words, or unhighlight them</source>
        <translation>Highlight the selected words, or unhighlight them</translation>
    </message>
    <message>
        <source>No&amp;te on the Highlight…</source>
        <translation>No&amp;te on the Highlight…</translation>
    </message>
    <message>
        <source>Add or edit the note of the highlight selected</source>
        <translation>Add or edit the note of the highlight selected</translation>
    </message>
    <message>
        <source>Notes Pan&amp;el</source>
        <translation>Notes Pan&amp;el</translation>
    </message>
    <message>
        <source>&amp;Bookmark</source>
        <translation>&amp;Bookmark</translation>
    </message>
    <message>
        <source>Bookmark this article, or remove its bookmark (Ctrl+D)</source>
        <translation>Bookmark this article, or remove its bookmark (Ctrl+D)</translation>
    </message>
    <message>
        <source>Show Only B&amp;ookmarks</source>
        <translation>Show Only B&amp;ookmarks</translation>
    </message>
    <message>
        <source>List only bookmarked articles (Ctrl+Shift+B)</source>
        <translation>List only bookmarked articles (Ctrl+Shift+B)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;In</translation>
    </message>
    <message>
        <source>Larger text (Ctrl++)</source>
        <translation>Larger text (Ctrl++)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom &amp;Out</translation>
    </message>
    <message>
        <source>Smaller text (Ctrl+-)</source>
        <translation>Smaller text (Ctrl+-)</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>&amp;Reset Zoom</translation>
    </message>
    <message>
        <source>Default text size (Ctrl+0)</source>
        <translation>Default text size (Ctrl+0)</translation>
    </message>
    <message>
        <source>&amp;About Qari</source>
        <translation>&amp;About Qari</translation>
    </message>
</context>
<context>
    <name>ArticleList</name>
    <message>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Hijri Date</source>
        <translation>Hijri Date</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versions</translation>
    </message>
    <message>
        <source>Bookmarked</source>
        <translation>Bookmarked</translation>
    </message>
    <message>
        <source>How many versions each story has: sort by it to see the most widely published</source>
        <translation>How many versions each story has: sort by it to see the most widely published</translation>
    </message>
    <message>
        <source>file missing</source>
        <translation>file missing</translation>
    </message>
    <message>
        <source>Bookmarked, but the file is no longer in the library:
%1</source>
        <translation>Bookmarked, but the file is no longer in the library:
%1</translation>
    </message>
    <message>
        <source>Not bookmarked</source>
        <translation>Not bookmarked</translation>
    </message>
</context>
<context>
    <name>BookmarkCommands</name>
    <message>
        <source>Bookmark not saved</source>
        <translation>Bookmark not saved</translation>
    </message>
    <message>
        <source>Bookmarked</source>
        <translation>Bookmarked</translation>
    </message>
    <message>
        <source>Bookmark removed</source>
        <translation>Bookmark removed</translation>
    </message>
    <message>
        <source>Export Bookmarks</source>
        <translation>Export Bookmarks</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON files (*.json)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>Import Bookmarks</source>
        <translation>Import Bookmarks</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <source>Bookmarks imported: %1</source>
        <translation>Bookmarks imported: %1</translation>
    </message>
</context>
<context>
    <name>Colors</name>
    <message>
        <source>Yellow</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Blue</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>Pink</translation>
    </message>
</context>
<context>
    <name>ComfortCommands</name>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>The new language takes effect when Qari starts again.</source>
        <translation>The new language takes effect when Qari starts again.</translation>
    </message>
    <message>
        <source>Restart Now</source>
        <translation>Restart Now</translation>
    </message>
</context>
<context>
    <name>ExportCommands</name>
    <message>
        <source>Export Article as PDF</source>
        <translation>Export Article as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON files (*.json)</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Markdown files (*.md)</translation>
    </message>
    <message>
        <source>CSV files, for a spreadsheet (*.csv)</source>
        <translation>CSV files, for a spreadsheet (*.csv)</translation>
    </message>
    <message>
        <source>Export Notes</source>
        <translation>Export Notes</translation>
    </message>
    <message>
        <source>Notes exported to %1</source>
        <translation>Notes exported to %1</translation>
    </message>
    <message>
        <source>Export Results</source>
        <translation>Export Results</translation>
    </message>
    <message>
        <source>%1 article(s) exported to %2</source>
        <translation>%1 article(s) exported to %2</translation>
    </message>
    <message>
        <source>Import Notes</source>
        <translation>Import Notes</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <source>Notes imported: %1</source>
        <translation>Notes imported: %1</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Agency</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>All publications (%1)</source>
        <translation>All publications (%1)</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>Publication</translation>
    </message>
    <message>
        <source>Show only one publication's articles</source>
        <translation>Show only one publication's articles</translation>
    </message>
    <message>
        <source>Show only the articles one agency is credited with</source>
        <translation>Show only the articles one agency is credited with</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Show only articles dated in this range</source>
        <translation>Show only articles dated in this range</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>All agencies (%1)</source>
        <translation>All agencies (%1)</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in this article</source>
        <translation>Find in this article</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Previous match (Shift+F3)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Previous match</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Next match (F3)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Next match</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>Close the find bar</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>No matches</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
</context>
<context>
    <name>FontFamilyBox</name>
    <message>
        <source>Reading font</source>
        <translation>Reading font</translation>
    </message>
    <message>
        <source>Reading font: the bundled Arabic fonts, then the system's</source>
        <translation>Reading font: the bundled Arabic fonts, then the system's</translation>
    </message>
</context>
<context>
    <name>FontSizeBox</name>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Text size</translation>
    </message>
    <message>
        <source>Text size (Ctrl++ / Ctrl+- / Ctrl+0)</source>
        <translation>Text size (Ctrl++ / Ctrl+- / Ctrl+0)</translation>
    </message>
</context>
<context>
    <name>HighlightCommands</name>
    <message>
        <source>Select the words to highlight first.</source>
        <translation>Select the words to highlight first.</translation>
    </message>
    <message>
        <source>Highlight removed</source>
        <translation>Highlight removed</translation>
    </message>
    <message>
        <source>Highlighted</source>
        <translation>Highlighted</translation>
    </message>
    <message>
        <source>Note on the Highlight</source>
        <translation>Note on the Highlight</translation>
    </message>
    <message>
        <source>A note for “%1”:</source>
        <translation>A note for “%1”:</translation>
    </message>
    <message>
        <source>Remove the Highlight</source>
        <translation>Remove the Highlight</translation>
    </message>
    <message>
        <source>This highlight has a note: “%1”. Remove the highlight and its note?</source>
        <translation>This highlight has a note: “%1”. Remove the highlight and its note?</translation>
    </message>
    <message>
        <source>Highlight not saved</source>
        <translation>Highlight not saved</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>Highlight</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>Note…</translation>
    </message>
    <message>
        <source>Remove Highlight</source>
        <translation>Remove Highlight</translation>
    </message>
</context>
<context>
    <name>LibraryCommands</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <source>Could not finish reading the library: %1</source>
        <translation>Could not finish reading the library: %1</translation>
    </message>
    <message>
        <source>Open a Folder of Articles</source>
        <translation>Open a Folder of Articles</translation>
    </message>
    <message>
        <source>No recent libraries</source>
        <translation>No recent libraries</translation>
    </message>
    <message>
        <source>Reading the library…</source>
        <translation>Reading the library…</translation>
    </message>
    <message>
        <source>The newest article opens once every file has been read. Choose any article in the list meanwhile.</source>
        <translation>The newest article opens once every file has been read. Choose any article in the list meanwhile.</translation>
    </message>
    <message>
        <source>No articles here</source>
        <translation>No articles here</translation>
    </message>
    <message>
        <source>No readable articles were found in %1. Open another folder with File › Open Folder… (Ctrl+O).</source>
        <translation>No readable articles were found in %1. Open another folder with File › Open Folder… (Ctrl+O).</translation>
    </message>
</context>
<context>
    <name>LibraryStatus</name>
    <message>
        <source>Reading the library</source>
        <translation>Reading the library</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Stop reading files; what was read stays listed</source>
        <translation>Stop reading files; what was read stays listed</translation>
    </message>
    <message>
        <source>Show the files that could not be read</source>
        <translation>Show the files that could not be read</translation>
    </message>
    <message>
        <source>Reading the library…</source>
        <translation>Reading the library…</translation>
    </message>
    <message>
        <source>%1 of %2 files</source>
        <translation>%1 of %2 files</translation>
    </message>
    <message>
        <source>Articles: %1</source>
        <translation>Articles: %1</translation>
    </message>
    <message>
        <source>Articles: %1 of %2</source>
        <translation>Articles: %1 of %2</translation>
    </message>
    <message numerus="yes">
        <source>%n story(ies)</source>
        <translation>
            <numerusform>1 story</numerusform>
            <numerusform>%n stories</numerusform>
        </translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Skipped: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>This search could not be run: %1</source>
        <translation>This search could not be run: %1</translation>
    </message>
    <message>
        <source>Could not write the backup of your bookmarks: %1</source>
        <translation>Could not write the backup of your bookmarks: %1</translation>
    </message>
    <message>
        <source>%1 — Qari</source>
        <translation>%1 — Qari</translation>
    </message>
    <message>
        <source>The file of this bookmarked article is no longer in the library (it was at %1). Press Ctrl+D to remove the bookmark.</source>
        <translation>The file of this bookmarked article is no longer in the library (it was at %1). Press Ctrl+D to remove the bookmark.</translation>
    </message>
    <message>
        <source>This article can no longer be read from %1: %2</source>
        <translation>This article can no longer be read from %1: %2</translation>
    </message>
    <message>
        <source>This file has changed since the library was read.</source>
        <translation>This file has changed since the library was read.</translation>
    </message>
    <message>
        <source>Opening this long article…</source>
        <translation>Opening this long article…</translation>
    </message>
    <message>
        <source>Every article here has been read.</source>
        <translation>Every article here has been read.</translation>
    </message>
    <message>
        <source>About Qari</source>
        <translation>About Qari</translation>
    </message>
    <message>
        <source>Qari (قارئ) %1 — a reader for Arabic news archives.</source>
        <translation>Qari (قارئ) %1 — a reader for Arabic news archives.</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Main toolbar</translation>
    </message>
</context>
<context>
    <name>MarkCommands</name>
    <message>
        <source>Bookmark This Paragraph</source>
        <translation>Bookmark This Paragraph</translation>
    </message>
    <message>
        <source>A note for “%1…” (optional):</source>
        <translation>A note for “%1…” (optional):</translation>
    </message>
    <message>
        <source>Paragraph bookmarked</source>
        <translation>Paragraph bookmarked</translation>
    </message>
    <message>
        <source>Edit the Note</source>
        <translation>Edit the Note</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Bookmark not saved</source>
        <translation>Bookmark not saved</translation>
    </message>
    <message>
        <source>That article is not in the library that is open.</source>
        <translation>That article is not in the library that is open.</translation>
    </message>
    <message>
        <source>Those words were not found in the article as it is now.</source>
        <translation>Those words were not found in the article as it is now.</translation>
    </message>
    <message>
        <source>That paragraph was not found in the article as it is now.</source>
        <translation>That paragraph was not found in the article as it is now.</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation>&amp;Article</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Search the notes</source>
        <translation>Search the notes</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Everything</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>Highlights</translation>
    </message>
    <message>
        <source>Paragraph Bookmarks</source>
        <translation>Paragraph Bookmarks</translation>
    </message>
    <message>
        <source>Open article only</source>
        <translation>Open article only</translation>
    </message>
    <message>
        <source>Only the open article's notes</source>
        <translation>Only the open article's notes</translation>
    </message>
    <message>
        <source>No note here matches.</source>
        <translation>No note here matches.</translation>
    </message>
    <message>
        <source>No notes yet: select words and press Ctrl+H to highlight them, or press Ctrl+Shift+D to bookmark the paragraph at the top.</source>
        <translation>No notes yet: select words and press Ctrl+H to highlight them, or press Ctrl+Shift+D to bookmark the paragraph at the top.</translation>
    </message>
    <message>
        <source>%1 highlight in “%2”</source>
        <translation>%1 highlight in “%2”</translation>
    </message>
    <message>
        <source>“%1…” in “%2”</source>
        <translation>“%1…” in “%2”</translation>
    </message>
    <message>
        <source>(not found in the article as it is now)</source>
        <translation>(not found in the article as it is now)</translation>
    </message>
    <message>
        <source>Edit the Note…</source>
        <translation>Edit the Note…</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>Remove This Highlight</source>
        <translation>Remove This Highlight</translation>
    </message>
    <message>
        <source>Remove This Bookmark</source>
        <translation>Remove This Bookmark</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>The bookmarks store was damaged (%1) and was moved to %2.</source>
        <translation>The bookmarks store was damaged (%1) and was moved to %2.</translation>
    </message>
    <message>
        <source>Restored %1 bookmark(s) and %2 highlight(s) and paragraph mark(s): from the backup %5, with %3 change(s) from the journal and %4 row(s) salvaged from the damaged file.</source>
        <translation>Restored %1 bookmark(s) and %2 highlight(s) and paragraph mark(s): from the backup %5, with %3 change(s) from the journal and %4 row(s) salvaged from the damaged file.</translation>
    </message>
    <message>
        <source>Restored %1 bookmark(s) and %2 highlight(s) and paragraph mark(s), with no backup to start from: %3 change(s) from the journal and %4 row(s) salvaged from the damaged file.</source>
        <translation>Restored %1 bookmark(s) and %2 highlight(s) and paragraph mark(s), with no backup to start from: %3 change(s) from the journal and %4 row(s) salvaged from the damaged file.</translation>
    </message>
    <message>
        <source>The bookmarks store was damaged (%1). It was moved to %2; there was no backup, journal or readable row to restore from.</source>
        <translation>The bookmarks store was damaged (%1). It was moved to %2; there was no backup, journal or readable row to restore from.</translation>
    </message>
    <message>
        <source>%1 recent change(s) to your bookmarks had not reached the store (%2): they were restored from the journal.</source>
        <translation>%1 recent change(s) to your bookmarks had not reached the store (%2): they were restored from the journal.</translation>
    </message>
    <message>
        <source>Bookmarks can't be saved in this session (%1). Qari still reads your library.</source>
        <translation>Bookmarks can't be saved in this session (%1). Qari still reads your library.</translation>
    </message>
</context>
<context>
    <name>ReadingView</name>
    <message>
        <source>Article text</source>
        <translation>Article text</translation>
    </message>
    <message>
        <source>The rest of this article (%1 more characters) is not shown: it is too long to display in full.</source>
        <translation>The rest of this article (%1 more characters) is not shown: it is too long to display in full.</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search titles and text (Ctrl+K)</source>
        <translation>Search titles and text (Ctrl+K)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Ignores harakat, hamza forms and ة/ه, ى/ي; finds words with و ف ب ك ل ال attached. A trailing * searches a prefix; "quotes" a phrase; "word1 word2"~5 finds the words at most 5 words apart, in either order.
Match spelling exactly (%1): every word as typed, hamza and alef forms, ة, ى, harakat and tatweel included (و ف ب ك ل ال may still come before it).</source>
        <translation>Ignores harakat, hamza forms and ة/ه, ى/ي; finds words with و ف ب ك ل ال attached. A trailing * searches a prefix; "quotes" a phrase; "word1 word2"~5 finds the words at most 5 words apart, in either order.
Match spelling exactly (%1): every word as typed, hamza and alef forms, ة, ى, harakat and tatweel included (و ف ب ك ل ال may still come before it).</translation>
    </message>
    <message>
        <source>Match Spelling Exactly</source>
        <translation>Match Spelling Exactly</translation>
    </message>
    <message>
        <source>on</source>
        <translation>on</translation>
    </message>
    <message>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message>
        <source>Match spelling exactly: %1 (%2)</source>
        <translation>Match spelling exactly: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>SearchReasons</name>
    <message>
        <source>too many words and spellings to look for: %1</source>
        <translation>too many words and spellings to look for: %1</translation>
    </message>
    <message>
        <source>too many forms to look for: %1</source>
        <translation>too many forms to look for: %1</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Keyboard Shortcuts</translation>
    </message>
    <message>
        <source>Next page of the article; at its end, the next unread one</source>
        <translation>Next page of the article; at its end, the next unread one</translation>
    </message>
    <message>
        <source>Previous page of the article</source>
        <translation>Previous page of the article</translation>
    </message>
    <message>
        <source>Larger or smaller text</source>
        <translation>Larger or smaller text</translation>
    </message>
    <message>
        <source>Ctrl+mouse wheel</source>
        <translation>Ctrl+mouse wheel</translation>
    </message>
    <message>
        <source>Leave full-screen reading</source>
        <translation>Leave full-screen reading</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Command</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
</context>
<context>
    <name>SkipReasons</name>
    <message>
        <source>empty file</source>
        <translation>empty file</translation>
    </message>
    <message>
        <source>binary data (NUL bytes)</source>
        <translation>binary data (NUL bytes)</translation>
    </message>
    <message>
        <source>binary data (control characters)</source>
        <translation>binary data (control characters)</translation>
    </message>
    <message>
        <source>not text in any supported encoding</source>
        <translation>not text in any supported encoding</translation>
    </message>
    <message>
        <source>no text</source>
        <translation>no text</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>no such file or folder</translation>
    </message>
    <message>
        <source>its name is not UTF-8: rename it to read it (convmv converts names)</source>
        <translation>its name is not UTF-8: rename it to read it (convmv converts names)</translation>
    </message>
    <message>
        <source>the folder's name is not UTF-8: rename it to read the files in it</source>
        <translation>the folder's name is not UTF-8: rename it to read the files in it</translation>
    </message>
    <message>
        <source>the same article as %1</source>
        <translation>the same article as %1</translation>
    </message>
    <message>
        <source>cannot read it: %1</source>
        <translation>cannot read it: %1</translation>
    </message>
    <message>
        <source>cannot open the folder: %1</source>
        <translation>cannot open the folder: %1</translation>
    </message>
    <message>
        <source>file too large%1</source>
        <translation>file too large%1</translation>
    </message>
</context>
<context>
    <name>SkippedDialog</name>
    <message>
        <source>Skipped Files</source>
        <translation>Skipped Files</translation>
    </message>
    <message>
        <source>Files that could not be read as articles: %1</source>
        <translation>Files that could not be read as articles: %1</translation>
    </message>
    <message>
        <source>Every file in the library was read.</source>
        <translation>Every file in the library was read.</translation>
    </message>
    <message>
        <source>Skipped files</source>
        <translation>Skipped files</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>Themes</name>
    <message>
        <source>Follow the System</source>
        <translation>Follow the System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Sepia</source>
        <translation>Sepia</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
</context>
<context>
    <name>TimelineBar</name>
    <message>
        <source>Timeline of the listed articles</source>
        <translation>Timeline of the listed articles</translation>
    </message>
    <message>
        <source>%1 — articles: %2</source>
        <translation>%1 — articles: %2</translation>
    </message>
</context>
<context>
    <name>VersionsBar</name>
    <message>
        <source>Other versions of this story</source>
        <translation>Other versions of this story</translation>
    </message>
    <message>
        <source>Also published by:</source>
        <translation>Also published by:</translation>
    </message>
    <message numerus="yes">
        <source>%n more version(s)</source>
        <translation>
            <numerusform>1 more version</numerusform>
            <numerusform>%n more versions</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown source</source>
        <translation>unknown source</translation>
    </message>
</context>
<context>
    <name>ViewMenu</name>
    <message>
        <source>Compact</source>
        <translation>Compact</translation>
    </message>
    <message>
        <source>Comfortable</source>
        <translation>Comfortable</translation>
    </message>
    <message>
        <source>Airy</source>
        <translation>Airy</translation>
    </message>
    <message>
        <source>Very Airy</source>
        <translation>Very Airy</translation>
    </message>
    <message>
        <source>Narrow Column</source>
        <translation>Narrow Column</translation>
    </message>
    <message>
        <source>Medium Column</source>
        <translation>Medium Column</translation>
    </message>
    <message>
        <source>Wide Column</source>
        <translation>Wide Column</translation>
    </message>
    <message>
        <source>Whole Width</source>
        <translation>Whole Width</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <source>Line &amp;Spacing</source>
        <translation>Line &amp;Spacing</translation>
    </message>
    <message>
        <source>Page &amp;Width</source>
        <translation>Page &amp;Width</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Arabic-Indic &amp;Digits (٠١٢٣)</source>
        <translation>Arabic-Indic &amp;Digits (٠١٢٣)</translation>
    </message>
    <message>
        <source>&amp;Hijri Dates (Umm al-Qura)</source>
        <translation>&amp;Hijri Dates (Umm al-Qura)</translation>
    </message>
    <message>
        <source>&amp;Group Versions of a Story</source>
        <translation>&amp;Group Versions of a Story</translation>
    </message>
    <message>
        <source>One row per story, its versions under it; off: every article</source>
        <translation>One row per story, its versions under it; off: every article</translation>
    </message>
    <message>
        <source>Follow the System</source>
        <translation>Follow the System</translation>
    </message>
</context>
</TS>
