<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Open Folder…</source>
        <translation>&amp;فتح مجلد…</translation>
    </message>
    <message>
        <source>&amp;Skipped Files…</source>
        <translation>الملفات ال&amp;متخطاة…</translation>
    </message>
    <message>
        <source>&amp;Export Bookmarks…</source>
        <translation>&amp;تصدير العلامات المرجعية…</translation>
    </message>
    <message>
        <source>&amp;Import Bookmarks…</source>
        <translation>ا&amp;ستيراد العلامات المرجعية…</translation>
    </message>
    <message>
        <source>Export &amp;Notes…</source>
        <translation>تصدير ال&amp;ملاحظات…</translation>
    </message>
    <message>
        <source>Every highlight, note and bookmark as JSON, Markdown or CSV</source>
        <translation>كل تظليل وملاحظة وإشارة مرجعية بصيغة JSON أو Markdown أو CSV</translation>
    </message>
    <message>
        <source>Export &amp;Results…</source>
        <translation>تصدير ال&amp;نتائج…</translation>
    </message>
    <message>
        <source>The articles listed, as shown, as CSV for a spreadsheet</source>
        <translation>المقالات المعروضة، كما تظهر، بصيغة CSV لجداول البيانات</translation>
    </message>
    <message>
        <source>Import No&amp;tes…</source>
        <translation>استيراد الملا&amp;حظات…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Search the Library</source>
        <translation>ال&amp;بحث في المكتبة</translation>
    </message>
    <message>
        <source>Search titles and text of every article (Ctrl+K)</source>
        <translation>البحث في عناوين كل المقالات ونصوصها (Ctrl+K)</translation>
    </message>
    <message>
        <source>&amp;Find in Article…</source>
        <translation>البحث في ال&amp;مقال…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>البحث عن ال&amp;تالي</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>البحث عن ال&amp;سابق</translation>
    </message>
    <message>
        <source>&amp;Next Article</source>
        <translation>المقال ال&amp;تالي</translation>
    </message>
    <message>
        <source>&amp;Previous Article</source>
        <translation>المقال ال&amp;سابق</translation>
    </message>
    <message>
        <source>Next &amp;Unread Article</source>
        <translation>المقال &amp;غير المقروء التالي</translation>
    </message>
    <message>
        <source>Next unread article (N, or Space at an article&apos;s end)</source>
        <translation>المقال غير المقروء التالي (N، أو Space في نهاية المقال)</translation>
    </message>
    <message>
        <source>Go to the &amp;List</source>
        <translation>الانتقال إلى ال&amp;قائمة</translation>
    </message>
    <message>
        <source>Go to the &amp;Article</source>
        <translation>الانتقال إلى ال&amp;مقال</translation>
    </message>
    <message>
        <source>&amp;Full-Screen Reading</source>
        <translation>القراءة بملء ال&amp;شاشة</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>ا&amp;ختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>&amp;Print Article…</source>
        <translation>&amp;طباعة المقال…</translation>
    </message>
    <message>
        <source>Export Article as P&amp;DF…</source>
        <translation>تصدير المقال &amp;بصيغة PDF…</translation>
    </message>
    <message>
        <source>Bookmark This &amp;Paragraph…</source>
        <translation>وضع علامة مرجعية على هذه ال&amp;فقرة…</translation>
    </message>
    <message>
        <source>Bookmark the paragraph at the top, with a note</source>
        <translation>وضع علامة مرجعية على الفقرة الظاهرة في الأعلى، مع ملاحظة</translation>
    </message>
    <message>
        <source>&amp;Highlight the Selection</source>
        <translation>&amp;ظلّل المحدَّد</translation>
    </message>
    <message>
        <source>Highlight the selected words, or unhighlight them</source>
        <translation>ظلّل الكلمات المحددة، أو أزل تظليلها</translation>
    </message>
    <message>
        <source>No&amp;te on the Highlight…</source>
        <translation>&amp;ملاحظة على التظليل…</translation>
    </message>
    <message>
        <source>Add or edit the note of the highlight selected</source>
        <translation>أضف ملاحظة التظليل المحدد أو عدّلها</translation>
    </message>
    <message>
        <source>Notes Pan&amp;el</source>
        <translation>لوحة المل&amp;احظات</translation>
    </message>
    <message>
        <source>&amp;Bookmark</source>
        <translation>وضع &amp;علامة مرجعية</translation>
    </message>
    <message>
        <source>Bookmark this article, or remove its bookmark (Ctrl+D)</source>
        <translation>وضع علامة مرجعية على هذا المقال أو إزالتها (Ctrl+D)</translation>
    </message>
    <message>
        <source>Show Only B&amp;ookmarks</source>
        <translation>عرض المقالات ذات العلامات ال&amp;مرجعية فقط</translation>
    </message>
    <message>
        <source>List only bookmarked articles (Ctrl+Shift+B)</source>
        <translation>عرض المقالات ذات العلامات المرجعية فقط في القائمة (Ctrl+Shift+B)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;تكبير</translation>
    </message>
    <message>
        <source>Larger text (Ctrl++)</source>
        <translation>تكبير النص (Ctrl++)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <source>Smaller text (Ctrl+-)</source>
        <translation>تصغير النص (Ctrl+-)</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>&amp;إعادة ضبط التكبير</translation>
    </message>
    <message>
        <source>Default text size (Ctrl+0)</source>
        <translation>حجم النص الافتراضي (Ctrl+0)</translation>
    </message>
    <message>
        <source>&amp;About Qari</source>
        <translation>&amp;عن قارئ</translation>
    </message>
</context>
<context>
    <name>ArticleList</name>
    <message>
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Hijri Date</source>
        <translation>التاريخ الهجري</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>النسخ</translation>
    </message>
    <message>
        <source>Bookmarked</source>
        <translation>عليه علامة مرجعية</translation>
    </message>
    <message>
        <source>How many versions each story has: sort by it to see the most widely published</source>
        <translation>عدد نسخ كل خبر: رتّب به لترى الأوسع نشرًا</translation>
    </message>
    <message>
        <source>file missing</source>
        <translation>الملف مفقود</translation>
    </message>
    <message>
        <source>Bookmarked, but the file is no longer in the library:
%1</source>
        <translation>عليه علامة مرجعية، لكن ملفه لم يعد في المكتبة:
%1</translation>
    </message>
    <message>
        <source>Not bookmarked</source>
        <translation>بلا علامة مرجعية</translation>
    </message>
</context>
<context>
    <name>BookmarkCommands</name>
    <message>
        <source>Bookmark not saved</source>
        <translation>لم تُحفظ العلامة المرجعية</translation>
    </message>
    <message>
        <source>Bookmarked</source>
        <translation>أُضيفت علامة مرجعية</translation>
    </message>
    <message>
        <source>Bookmark removed</source>
        <translation>أُزيلت العلامة المرجعية</translation>
    </message>
    <message>
        <source>Export Bookmarks</source>
        <translation>تصدير العلامات المرجعية</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>ملفات JSON (*.json)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>فشل التصدير</translation>
    </message>
    <message>
        <source>Import Bookmarks</source>
        <translation>استيراد العلامات المرجعية</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>فشل الاستيراد</translation>
    </message>
    <message>
        <source>Bookmarks imported: %1</source>
        <translation>العلامات المرجعية المستوردة: %1</translation>
    </message>
</context>
<context>
    <name>Colors</name>
    <message>
        <source>Yellow</source>
        <translation>أصفر</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>أخضر</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>أزرق</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>وردي</translation>
    </message>
</context>
<context>
    <name>ComfortCommands</name>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>The new language takes effect when Qari starts again.</source>
        <translation>تسري اللغة الجديدة عند إعادة تشغيل قارئ.</translation>
    </message>
    <message>
        <source>Restart Now</source>
        <translation>إعادة التشغيل الآن</translation>
    </message>
</context>
<context>
    <name>ExportCommands</name>
    <message>
        <source>Export Article as PDF</source>
        <translation>تصدير المقال بصيغة PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>ملفات PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>فشل التصدير</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>ملفات JSON (*.json)</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>ملفات Markdown ‏(*.md)</translation>
    </message>
    <message>
        <source>CSV files, for a spreadsheet (*.csv)</source>
        <translation>ملفات CSV لجداول البيانات (*.csv)</translation>
    </message>
    <message>
        <source>Export Notes</source>
        <translation>تصدير الملاحظات</translation>
    </message>
    <message>
        <source>Notes exported to %1</source>
        <translation>صُدِّرت الملاحظات إلى %1</translation>
    </message>
    <message>
        <source>Export Results</source>
        <translation>تصدير النتائج</translation>
    </message>
    <message>
        <source>%1 article(s) exported to %2</source>
        <translation>صُدِّر %1 مقال إلى %2</translation>
    </message>
    <message>
        <source>Import Notes</source>
        <translation>استيراد الملاحظات</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>فشل الاستيراد</translation>
    </message>
    <message>
        <source>Notes imported: %1</source>
        <translation>الملاحظات المستوردة: %1</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Agency</source>
        <translation>الوكالة</translation>
    </message>
    <message>
        <source>All publications (%1)</source>
        <translation>كل المطبوعات (%1)</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>المطبوعة</translation>
    </message>
    <message>
        <source>Show only one publication&apos;s articles</source>
        <translation>اعرض مقالات مطبوعة واحدة فقط</translation>
    </message>
    <message>
        <source>Show only the articles one agency is credited with</source>
        <translation>اعرض فقط المقالات المنسوبة إلى وكالة واحدة</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>Show only articles dated in this range</source>
        <translation>عرض المقالات المؤرخة ضمن هذه المدة فقط</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>من تاريخ</translation>
    </message>
    <message>
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>All agencies (%1)</source>
        <translation>كل الوكالات (%1)</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in this article</source>
        <translation>البحث في هذا المقال</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>التطابق السابق (Shift+F3)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>التطابق السابق</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>التطابق التالي (F3)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>التطابق التالي</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>إغلاق (Esc)</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>إغلاق شريط البحث</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>لا تطابقات</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
</context>
<context>
    <name>FontFamilyBox</name>
    <message>
        <source>Reading font</source>
        <translation>خط القراءة</translation>
    </message>
    <message>
        <source>Reading font: the bundled Arabic fonts, then the system&apos;s</source>
        <translation>خط القراءة: الخطوط العربية المضمّنة، ثم خطوط النظام</translation>
    </message>
</context>
<context>
    <name>FontSizeBox</name>
    <message>
        <source> pt</source>
        <translation> نقطة</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>حجم النص</translation>
    </message>
    <message>
        <source>Text size (Ctrl++ / Ctrl+- / Ctrl+0)</source>
        <translation>حجم النص (Ctrl++ / Ctrl+- / Ctrl+0)</translation>
    </message>
</context>
<context>
    <name>HighlightCommands</name>
    <message>
        <source>Select the words to highlight first.</source>
        <translation>حدّد الكلمات المراد تظليلها أولاً.</translation>
    </message>
    <message>
        <source>Highlight removed</source>
        <translation>أُزيل التظليل</translation>
    </message>
    <message>
        <source>Highlighted</source>
        <translation>ظُلِّل</translation>
    </message>
    <message>
        <source>Note on the Highlight</source>
        <translation>ملاحظة على التظليل</translation>
    </message>
    <message>
        <source>A note for “%1”:</source>
        <translation>ملاحظة على «%1»:</translation>
    </message>
    <message>
        <source>Remove the Highlight</source>
        <translation>إزالة التظليل</translation>
    </message>
    <message>
        <source>This highlight has a note: “%1”. Remove the highlight and its note?</source>
        <translation>لهذا التظليل ملاحظة: «%1». أتزيل التظليل وملاحظته؟</translation>
    </message>
    <message>
        <source>Highlight not saved</source>
        <translation>لم يُحفظ التظليل</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>ظلّل</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>ملاحظة…</translation>
    </message>
    <message>
        <source>Remove Highlight</source>
        <translation>أزل التظليل</translation>
    </message>
</context>
<context>
    <name>LibraryCommands</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>المكتبات ال&amp;حديثة</translation>
    </message>
    <message>
        <source>Could not finish reading the library: %1</source>
        <translation>تعذّر إكمال قراءة المكتبة: %1</translation>
    </message>
    <message>
        <source>Open a Folder of Articles</source>
        <translation>فتح مجلد مقالات</translation>
    </message>
    <message>
        <source>No recent libraries</source>
        <translation>لا توجد مكتبات حديثة</translation>
    </message>
    <message>
        <source>Reading the library…</source>
        <translation>جارٍ قراءة المكتبة…</translation>
    </message>
    <message>
        <source>The newest article opens once every file has been read. Choose any article in the list meanwhile.</source>
        <translation>يُفتح أحدث مقال بعد قراءة الملفات كلها. وإلى ذلك الحين، اختر ما شئت من القائمة.</translation>
    </message>
    <message>
        <source>No articles here</source>
        <translation>لا توجد مقالات هنا</translation>
    </message>
    <message>
        <source>No readable articles were found in %1. Open another folder with File › Open Folder… (Ctrl+O).</source>
        <translation>لم يُعثر على مقالات قابلة للقراءة في %1. افتح مجلدًا آخر من ملف › فتح مجلد… (Ctrl+O).</translation>
    </message>
</context>
<context>
    <name>LibraryStatus</name>
    <message>
        <source>Reading the library</source>
        <translation>قراءة المكتبة</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <source>Stop reading files; what was read stays listed</source>
        <translation>إيقاف قراءة الملفات؛ يبقى ما قُرئ منها معروضًا</translation>
    </message>
    <message>
        <source>Show the files that could not be read</source>
        <translation>عرض الملفات التي تعذّرت قراءتها</translation>
    </message>
    <message>
        <source>Reading the library…</source>
        <translation>جارٍ قراءة المكتبة…</translation>
    </message>
    <message>
        <source>%1 of %2 files</source>
        <translation>الملفات: %1 من %2</translation>
    </message>
    <message>
        <source>Articles: %1</source>
        <translation>المقالات: %1</translation>
    </message>
    <message>
        <source>Articles: %1 of %2</source>
        <translation>المقالات: %1 من %2</translation>
    </message>
    <message numerus="yes">
        <source>%n story(ies)</source>
        <translation>
            <numerusform>لا أخبار</numerusform>
            <numerusform>خبر واحد</numerusform>
            <numerusform>خبران</numerusform>
            <numerusform>%n أخبار</numerusform>
            <numerusform>%n خبرًا</numerusform>
            <numerusform>%n خبر</numerusform>
        </translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>المتخطاة: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>This search could not be run: %1</source>
        <translation>تعذّر إجراء هذا البحث: %1</translation>
    </message>
    <message>
        <source>Could not write the backup of your bookmarks: %1</source>
        <translation>تعذّرت كتابة النسخة الاحتياطية من علاماتك المرجعية: %1</translation>
    </message>
    <message>
        <source>%1 — Qari</source>
        <translation>%1 — قارئ</translation>
    </message>
    <message>
        <source>The file of this bookmarked article is no longer in the library (it was at %1). Press Ctrl+D to remove the bookmark.</source>
        <translation>لم يعد ملف هذا المقال ذي العلامة المرجعية موجودًا في المكتبة (كان في %1). اضغط Ctrl+D لإزالة العلامة المرجعية.</translation>
    </message>
    <message>
        <source>This article can no longer be read from %1: %2</source>
        <translation>لم تعد قراءة هذا المقال من %1 ممكنة: %2</translation>
    </message>
    <message>
        <source>This file has changed since the library was read.</source>
        <translation>تغيّر هذا الملف منذ قراءة المكتبة.</translation>
    </message>
    <message>
        <source>Opening this long article…</source>
        <translation>جارٍ فتح هذا المقال الطويل…</translation>
    </message>
    <message>
        <source>Every article here has been read.</source>
        <translation>قُرئت كل المقالات هنا.</translation>
    </message>
    <message>
        <source>About Qari</source>
        <translation>عن قارئ</translation>
    </message>
    <message>
        <source>Qari (قارئ) %1 — a reader for Arabic news archives.</source>
        <translation>قارئ (Qari) %1 — برنامج لقراءة أرشيفات الأخبار العربية.</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>شريط الأدوات الرئيسي</translation>
    </message>
</context>
<context>
    <name>MarkCommands</name>
    <message>
        <source>Bookmark This Paragraph</source>
        <translation>وضع علامة مرجعية على هذه الفقرة</translation>
    </message>
    <message>
        <source>A note for “%1…” (optional):</source>
        <translation>ملاحظة على «%1…» (اختيارية):</translation>
    </message>
    <message>
        <source>Paragraph bookmarked</source>
        <translation>أُضيفت علامة مرجعية على الفقرة</translation>
    </message>
    <message>
        <source>Edit the Note</source>
        <translation>تعديل الملاحظة</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>الملاحظة:</translation>
    </message>
    <message>
        <source>Bookmark not saved</source>
        <translation>لم تُحفظ العلامة المرجعية</translation>
    </message>
    <message>
        <source>That article is not in the library that is open.</source>
        <translation>هذا المقال ليس في المكتبة المفتوحة.</translation>
    </message>
    <message>
        <source>Those words were not found in the article as it is now.</source>
        <translation>لم تُعثر على هذه الكلمات في المقال بصيغته الحالية.</translation>
    </message>
    <message>
        <source>That paragraph was not found in the article as it is now.</source>
        <translation>لم تُعثر على هذه الفقرة في المقال بصيغته الحالية.</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation>م&amp;قال</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Notes</source>
        <translation>الملاحظات</translation>
    </message>
    <message>
        <source>Search the notes</source>
        <translation>ابحث في الملاحظات</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>اعرض</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>الكل</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>التظليلات</translation>
    </message>
    <message>
        <source>Paragraph Bookmarks</source>
        <translation>العلامات المرجعية للفقرات</translation>
    </message>
    <message>
        <source>Open article only</source>
        <translation>المقال المفتوح فقط</translation>
    </message>
    <message>
        <source>Only the open article&apos;s notes</source>
        <translation>ملاحظات المقال المفتوح فقط</translation>
    </message>
    <message>
        <source>No note here matches.</source>
        <translation>لا ملاحظة هنا تطابق البحث.</translation>
    </message>
    <message>
        <source>No notes yet: select words and press Ctrl+H to highlight them, or press Ctrl+Shift+D to bookmark the paragraph at the top.</source>
        <translation>لا ملاحظات بعد: حدّد كلمات واضغط Ctrl+H لتظليلها، أو اضغط Ctrl+Shift+D لإضافة إشارة مرجعية إلى الفقرة في أعلى الصفحة.</translation>
    </message>
    <message>
        <source>%1 highlight in “%2”</source>
        <translation>تظليل %1 في «%2»</translation>
    </message>
    <message>
        <source>“%1…” in “%2”</source>
        <translation>«%1…» في «%2»</translation>
    </message>
    <message>
        <source>(not found in the article as it is now)</source>
        <translation>(غير موجودة في المقال بصيغته الحالية)</translation>
    </message>
    <message>
        <source>Edit the Note…</source>
        <translation>تعديل الملاحظة…</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <source>Remove This Highlight</source>
        <translation>أزل هذا التظليل</translation>
    </message>
    <message>
        <source>Remove This Bookmark</source>
        <translation>إزالة هذه العلامة المرجعية</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>The bookmarks store was damaged (%1) and was moved to %2.</source>
        <translation>كان مخزن الإشارات المرجعية تالفاً (%1) ونُقل إلى %2.</translation>
    </message>
    <message>
        <source>Restored %1 bookmark(s) and %2 highlight(s) and paragraph mark(s): from the backup %5, with %3 change(s) from the journal and %4 row(s) salvaged from the damaged file.</source>
        <translation>استُعيدت %1 إشارة مرجعية و%2 من التظليلات وإشارات الفقرات: من النسخة الاحتياطية %5، مع %3 تغيير من السجل و%4 صف أُنقذ من الملف التالف.</translation>
    </message>
    <message>
        <source>Restored %1 bookmark(s) and %2 highlight(s) and paragraph mark(s), with no backup to start from: %3 change(s) from the journal and %4 row(s) salvaged from the damaged file.</source>
        <translation>استُعيدت %1 إشارة مرجعية و%2 من التظليلات وإشارات الفقرات، دون نسخة احتياطية يُبدأ منها: %3 تغيير من السجل و%4 صف أُنقذ من الملف التالف.</translation>
    </message>
    <message>
        <source>The bookmarks store was damaged (%1). It was moved to %2; there was no backup, journal or readable row to restore from.</source>
        <translation>كان مخزن الإشارات المرجعية تالفاً (%1). نُقل إلى %2؛ ولم تكن هناك نسخة احتياطية ولا سجل ولا صف مقروء يُستعاد منه.</translation>
    </message>
    <message>
        <source>%1 recent change(s) to your bookmarks had not reached the store (%2): they were restored from the journal.</source>
        <translation>%1 من التغييرات الأخيرة على إشاراتك المرجعية لم تصل إلى المخزن (%2): استُعيدت من السجل.</translation>
    </message>
    <message>
        <source>Bookmarks can&apos;t be saved in this session (%1). Qari still reads your library.</source>
        <translation>لا يمكن حفظ العلامات المرجعية في هذه الجلسة (%1). لا يزال قارئ يقرأ مكتبتك.</translation>
    </message>
</context>
<context>
    <name>ReadingView</name>
    <message>
        <source>Article text</source>
        <translation>نص المقال</translation>
    </message>
    <message>
        <source>The rest of this article (%1 more characters) is not shown: it is too long to display in full.</source>
        <translation>لم يُعرض باقي هذا المقال (الأحرف المتبقية: %1) لأنه أطول من أن يُعرض كاملًا.</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search titles and text (Ctrl+K)</source>
        <translation>البحث في العناوين والنصوص (Ctrl+K)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>Ignores harakat, hamza forms and ة/ه, ى/ي; finds words with و ف ب ك ل ال attached. A trailing * searches a prefix; &quot;quotes&quot; a phrase; &quot;word1 word2&quot;~5 finds the words at most 5 words apart, in either order.
Match spelling exactly (%1): every word as typed, hamza and alef forms, ة, ى, harakat and tatweel included (و ف ب ك ل ال may still come before it).</source>
        <translation>يتجاهل الحركات وصور الهمزة والفرق بين ة/ه وى/ي، ويجد الكلمات المتصلة بها و ف ب ك ل ال. النجمة * في آخر الكلمة تبحث عن بادئة، وعلامتا التنصيص &quot;…&quot; تبحثان عن عبارة، و&quot;كلمة1 كلمة2&quot;~5 يجد الكلمتين على بعد 5 كلمات على الأكثر بأي ترتيب.
مطابقة الإملاء تماماً (%1): كل كلمة كما كُتبت، بصور الهمزة والألف وة وى والحركات والتطويل (ويجوز أن تسبقها و ف ب ك ل ال).</translation>
    </message>
    <message>
        <source>Match Spelling Exactly</source>
        <translation>طابِق الإملاء تماماً</translation>
    </message>
    <message>
        <source>on</source>
        <translation>مفعّلة</translation>
    </message>
    <message>
        <source>off</source>
        <translation>معطّلة</translation>
    </message>
    <message>
        <source>Match spelling exactly: %1 (%2)</source>
        <translation>مطابقة الإملاء تماماً: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>SearchReasons</name>
    <message>
        <source>too many words and spellings to look for: %1</source>
        <translation>كلمات وصيغ كتابة أكثر مما يُبحث عنه في بحث واحد: %1</translation>
    </message>
    <message>
        <source>too many forms to look for: %1</source>
        <translation>صيغ أكثر مما يُبحث عنه في بحث واحد: %1</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Next page of the article; at its end, the next unread one</source>
        <translation>الصفحة التالية من المقال، وفي نهايته المقال غير المقروء التالي</translation>
    </message>
    <message>
        <source>Previous page of the article</source>
        <translation>الصفحة السابقة من المقال</translation>
    </message>
    <message>
        <source>Larger or smaller text</source>
        <translation>تكبير النص أو تصغيره</translation>
    </message>
    <message>
        <source>Ctrl+mouse wheel</source>
        <translation>Ctrl+عجلة الفأرة</translation>
    </message>
    <message>
        <source>Leave full-screen reading</source>
        <translation>الخروج من القراءة بملء الشاشة</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>الأمر</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
</context>
<context>
    <name>SkipReasons</name>
    <message>
        <source>empty file</source>
        <translation>ملف فارغ</translation>
    </message>
    <message>
        <source>binary data (NUL bytes)</source>
        <translation>بيانات ثنائية (بايتات صفرية)</translation>
    </message>
    <message>
        <source>binary data (control characters)</source>
        <translation>بيانات ثنائية (محارف تحكّم)</translation>
    </message>
    <message>
        <source>not text in any supported encoding</source>
        <translation>ليس نصًّا بأيٍّ من الترميزات المدعومة</translation>
    </message>
    <message>
        <source>no text</source>
        <translation>لا نصّ فيه</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>لا يوجد ملف أو مجلد بهذا الاسم</translation>
    </message>
    <message>
        <source>its name is not UTF-8: rename it to read it (convmv converts names)</source>
        <translation>اسمه ليس بترميز UTF-8: أعد تسميته لتقرأه (الأداة convmv تحوّل الأسماء)</translation>
    </message>
    <message>
        <source>the folder&apos;s name is not UTF-8: rename it to read the files in it</source>
        <translation>اسم المجلد ليس بترميز UTF-8: أعد تسميته لتقرأ ملفاته</translation>
    </message>
    <message>
        <source>the same article as %1</source>
        <translation>المقال نفسه الذي في %1</translation>
    </message>
    <message>
        <source>cannot read it: %1</source>
        <translation>تعذّرت قراءته: %1</translation>
    </message>
    <message>
        <source>cannot open the folder: %1</source>
        <translation>تعذّر فتح المجلد: %1</translation>
    </message>
    <message>
        <source>file too large%1</source>
        <translation>الملف أكبر من المسموح%1</translation>
    </message>
</context>
<context>
    <name>SkippedDialog</name>
    <message>
        <source>Skipped Files</source>
        <translation>الملفات المتخطاة</translation>
    </message>
    <message>
        <source>Files that could not be read as articles: %1</source>
        <translation>الملفات التي تعذّرت قراءتها كمقالات: %1</translation>
    </message>
    <message>
        <source>Every file in the library was read.</source>
        <translation>قُرئت كل ملفات المكتبة.</translation>
    </message>
    <message>
        <source>Skipped files</source>
        <translation>الملفات المتخطاة</translation>
    </message>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
</context>
<context>
    <name>Themes</name>
    <message>
        <source>Follow the System</source>
        <translation>حسب النظام</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>فاتحة</translation>
    </message>
    <message>
        <source>Sepia</source>
        <translation>سيبيا</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>داكنة</translation>
    </message>
</context>
<context>
    <name>TimelineBar</name>
    <message>
        <source>Timeline of the listed articles</source>
        <translation>الخط الزمني للمقالات المعروضة</translation>
    </message>
    <message>
        <source>%1 — articles: %2</source>
        <translation>%1 — المقالات: %2</translation>
    </message>
</context>
<context>
    <name>VersionsBar</name>
    <message>
        <source>Other versions of this story</source>
        <translation>نسخ أخرى من هذا الخبر</translation>
    </message>
    <message>
        <source>Also published by:</source>
        <translation>نُشر أيضًا في:</translation>
    </message>
    <message numerus="yes">
        <source>%n more version(s)</source>
        <translation>
            <numerusform>لا نسخ أخرى</numerusform>
            <numerusform>نسخة أخرى واحدة</numerusform>
            <numerusform>نسختان أخريان</numerusform>
            <numerusform>%n نسخ أخرى</numerusform>
            <numerusform>%n نسخة أخرى</numerusform>
            <numerusform>%n نسخة أخرى</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown source</source>
        <translation>مصدر غير معروف</translation>
    </message>
</context>
<context>
    <name>ViewMenu</name>
    <message>
        <source>Compact</source>
        <translation>متقارب</translation>
    </message>
    <message>
        <source>Comfortable</source>
        <translation>مريح</translation>
    </message>
    <message>
        <source>Airy</source>
        <translation>متباعد</translation>
    </message>
    <message>
        <source>Very Airy</source>
        <translation>متباعد جدًا</translation>
    </message>
    <message>
        <source>Narrow Column</source>
        <translation>عمود ضيق</translation>
    </message>
    <message>
        <source>Medium Column</source>
        <translation>عمود متوسط</translation>
    </message>
    <message>
        <source>Wide Column</source>
        <translation>عمود عريض</translation>
    </message>
    <message>
        <source>Whole Width</source>
        <translation>كامل العرض</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>ال&amp;سمة</translation>
    </message>
    <message>
        <source>Line &amp;Spacing</source>
        <translation>تباعد الأس&amp;طر</translation>
    </message>
    <message>
        <source>Page &amp;Width</source>
        <translation>&amp;عرض الصفحة</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>ال&amp;لغة</translation>
    </message>
    <message>
        <source>Arabic-Indic &amp;Digits (٠١٢٣)</source>
        <translation>الأرقام ال&amp;هندية (٠١٢٣)</translation>
    </message>
    <message>
        <source>&amp;Hijri Dates (Umm al-Qura)</source>
        <translation>التواريخ ال&amp;هجرية (أم القرى)</translation>
    </message>
    <message>
        <source>&amp;Group Versions of a Story</source>
        <translation>&amp;جمع نسخ الخبر الواحد</translation>
    </message>
    <message>
        <source>One row per story, its versions under it; off: every article</source>
        <translation>صف واحد لكل خبر ونسخه تحته؛ عند الإلغاء: كل مقال في صفه</translation>
    </message>
    <message>
        <source>Follow the System</source>
        <translation>حسب النظام</translation>
    </message>
</context>
</TS>
