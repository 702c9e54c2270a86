# واجهة دفتر بالعربية. المفاتيح نفسها في en.ftl.

## commands
command-save = حفظ
command-save-tip = احفظ المشروع الآن (يُحفظ تلقائيًا أيضًا بعد كل تغيير بلحظة)
command-undo = تراجع
command-undo-tip = تراجع عن آخر تغيير
command-redo = إعادة
command-redo-tip = أعد ما تم التراجع عنه
command-next-document = المستند التالي
command-next-document-tip = افتح المستند التالي في القائمة
command-previous-document = المستند السابق
command-previous-document-tip = افتح المستند السابق في القائمة
command-next-span = المقطع التالي
command-next-span-tip = اختر المقطع التالي بترتيب القراءة (العنصر التالي في صفحة المراجعة)
command-previous-span = المقطع السابق
command-previous-span-tip = اختر المقطع السابق بترتيب القراءة (العنصر السابق في صفحة المراجعة)
command-delete-span = حذف المقطع
command-delete-span-tip = احذف المقطع المحدد
command-ready-for-review = جاهز للمراجعة
command-ready-for-review-tip = علّم هذا المستند جاهزًا للمراجعة
command-find-document = بحث عن مستند
command-find-document-tip = اكتب لتصفية قائمة المستندات
command-larger-text = نص أكبر
command-larger-text-tip = كبّر نص المقال
command-smaller-text = نص أصغر
command-smaller-text-tip = صغّر نص المقال
command-new-meeting = اجتماع جديد
command-new-meeting-tip = سجّل اجتماعًا جديدًا؛ تصبح الكلمات المحددة دليله
command-new-outcome = نتيجة جديدة
command-new-outcome-tip = سجّل نتيجة للاجتماع الحالي؛ تصبح الكلمات المحددة دليلها
command-meetings = الاجتماعات
command-meetings-tip = اعرض لوحة الاجتماعات (أو المقاطع مجددًا)
command-review = المراجعة
command-review-tip = اعرض صفحة المراجعة (أو المقاطع مجددًا)
command-accept = قبول
command-accept-tip = اقبل العنصر الحالي وانتقل إلى العنصر المعلّق التالي (صفحة المراجعة)
command-reject = رفض
command-reject-tip = ارفض العنصر الحالي مع التعليق المكتوب وتابع (صفحة المراجعة)
command-export = تصدير…
command-export-tip = صدّر التوسيمات إلى مجلد (العمل المراجَع افتراضيًا)
command-search = بحث…
command-search-tip = ابحث في كل المقالات عن كلمات أو عبارة أو نمط؛ ووسِّم النتائج معًا
command-records = السجلات…
command-records-tip = كل الاجتماعات والنتائج في جدول: صفِّ، رتِّب، وافتح أيًّا منها عند دليله
command-charts = الرسوم البيانية…
command-charts-tip = الاجتماعات على خط زمني، والنتائج والمقاطع والتقدم رسومًا بيانية، تُحفظ بصيغة SVG
command-commands = الأوامر…
command-commands-tip = ابحث عن أي أمر باسمه ونفّذه (اكتب للتصفية، و Enter للتنفيذ)

## palette
palette-title = الأوامر
palette-tag-as = وسم: { $label }
palette-fill-field = ملء من التحديد: { $field }
palette-subtype = النوع الفرعي: { $subtype }
palette-new-entity = اجعل المقطع المحدد كيانًا جديدًا
palette-participant-group = أضف الكلمات المحددة مجموعةً من المشاركين
palette-date-stated = المقالات تذكر موعد انعقاده
palette-date-not-stated = المقالات لا تذكر موعد انعقاده
palette-outcome-title = عنوان النتيجة من التحديد
palette-attribution = القائل: التحديد
palette-outcome-evidence = أضف التحديد إلى دليل النتيجة
palette-actor-adopter = أضف التحديد إلى النتيجة بصفته المعتمِد / الموقِّع
palette-actor-proposer = أضف التحديد إلى النتيجة بصفته المقترِح
palette-actor-beneficiary = أضف التحديد إلى النتيجة بصفته المستفيد / المستهدَف
palette-actor-approving-body = أضف التحديد إلى النتيجة بصفته الهيئة المصادِقة
palette-grow-start = وسّع المقطع قبل كلمته الأولى
palette-shrink-start = قلّص المقطع من كلمته الأولى
palette-grow-end = وسّع المقطع بعد كلمته الأخيرة
palette-shrink-end = قلّص المقطع من كلمته الأخيرة
palette-edge-keys = Alt+Shift+سهم، Alt+سهم
palette-show-spans = اعرض المقاطع
palette-show-meetings = اعرض الاجتماعات
palette-show-review = اعرض المراجعة
palette-show-curation = اعرض تنقيح التوسيم المزدوج
palette-sync = المزامنة مع الفريق (git)
palette-agreement = اعرض مدى اتفاق الموسِّمين
palette-stop-snapping = أوقف محاذاة التحديد إلى الكلمات
palette-snap = حاذِ التحديد إلى كلمات كاملة

## toolbar
language-english = الإنجليزية
language-persian = الفارسية
language-arabic = العربية
menu-project = المشروع
menu-corpus = المدوّنة
menu-team = الفريق
team-assign = إسناد المستندات…
team-assign-tip = أسند المستندات المدرجة إلى الموسِّمين
team-sync = المزامنة مع الفريق
team-sync-tip = احفظ، وثبّت عملك، وادمج عمل الفريق وادفعه (مجلد مشروع في مستودع git)
team-agreement = الاتفاق…
team-agreement-tip = مدى اتفاق الموسِّمين حيث وسَّم اثنان أو أكثر مستندًا
team-curation = تنقيح التوسيم المزدوج
team-curation-tip = الأخذ من توسيمات شخصين أو أكثر للمستند المعروض
toolbar-annotator = الموسِّم:
annotator-hint = اسمك
toolbar-light = فاتح
toolbar-dark = داكن
toolbar-interface-language = الواجهة
toolbar-label-names = أسماء الوسوم
toolbar-snap = المحاذاة إلى الكلمات
toolbar-snap-tip = وسّع التحديد إلى كلمات كاملة قبل وسمه
toolbar-only-my-spans = مقاطعي فقط
toolbar-only-my-spans-tip = أخفِ المقاطع التي أنشأها الموسِّمون الآخرون على هذا المقال (توسيم مزدوج أعمى)؛ صفحة التنقيح تعرض عمل الجميع
toolbar-direction = الاتجاه:
toolbar-direction-detect = تلقائي
toolbar-direction-rtl = من اليمين إلى اليسار
toolbar-direction-ltr = من اليسار إلى اليمين
project-open-folder = فتح مجلد مقالات…
project-import-folder = استيراد مجلد إلى ملف مشروع…
dialog-folder-of-articles = مجلد المقالات
dialog-project-file = ملف المشروع المراد إنشاؤه أو تحديثه
dialog-daftar-project = مشروع دفتر
dialog-annotation-files = doccano JSONL، Label Studio JSON
project-import-brat = استيراد مجموعة brat…
project-import-brat-tip = مجلد ملفات ‎.txt بجانبها ملفات ‎.ann
project-import-annotations = استيراد توسيمات doccano أو Label Studio…
project-import-annotations-tip = ملف ‎.jsonl من doccano أو ‎.json من Label Studio
project-open-project-folder = فتح مجلد مشروع…
project-open-project-folder-tip = مجلد NAME.daftar كما يتشاركه الفريق عبر git
project-open-project = فتح مشروع…
project-suggest-document = اقتراح من المعاجم الجغرافية: هذا المستند
project-suggest-listed = اقتراح من المعاجم الجغرافية: المستندات المدرجة
project-suggest-every = اقتراح من المعاجم الجغرافية: كل المستندات
project-suggest-tip = الدول والعواصم والمنظمات والألقاب وكيانات المشروع بأي تهجئة: مقاطع معلّقة لتقبلها أو ترفضها
project-suggest-listed-tip = المستندات التي تعرضها القائمة: ضيّقها بمرشحاتها أولًا
project-recent = المشاريع الأخيرة
project-open-recent-tip = افتح هذا المشروع

## panels
window-close = إغلاق
status-all = كل الحالات
status-new = جديد
status-in-progress = قيد العمل
status-ready-for-review = جاهز للمراجعة
status-reviewed = مُراجَع
status-needs-changes = يحتاج تعديلات
review-pending = معلّق
review-accepted = مقبول
review-rejected = مرفوض
documents-status = الحالة
documents-my-queue = قائمتي
documents-my-queue-tip = المستندات المسندة إليك فقط (اسمك في شريط الأدوات)
documents-and = و
documents-assigned = لـ { $names }
documents-changed-on-disk = تغيّر على القرص
documents-missing = مفقود
documents-unreadable = غير مقروء
filter-documents = تصفية المستندات
article-no-document = لا مستندات في هذا المشروع.
article-changed-on-disk = تغيّر هذا المقال على القرص منذ توسيمه. من مقاطعه الـ{ $spans }، يبقى { $kept } في مكانه، وينتقل { $moved }، ويتيتّم { $orphaned } (زال نصّها: ضعها مجددًا).
article-reanchor = إعادة تثبيت المقاطع
spans-labels = الوسوم
spans-labels-help = حدّد نصًّا، ثم اضغط مفتاح الوسم أو انقر عليه.
spans-label-tip = { $label }: المفتاح { $key }
spans-document-note = ملاحظة ({ $status })
spans-heading = المقاطع
spans-rejected-by = رفضه { $reviewer }: { $comment }
spans-orphaned = يتيم (كان عند { $from }): وسِّم نصه مجددًا
spans-delete = حذف
edge-keys-short = الحواف: اسحبها، Alt+Shift+سهم يوسّع، Alt+سهم يقلّص
entity-select-span = حدّد مقطعًا لربطه بكيان.
entity-not-linkable = مقاطع { $label } لا تُربط بكيانات.
entity-heading = الكيان
entity-unlink = فك الربط
entity-search-hint = ابحث عن كيان
entity-link-tip = اربط بهذا الكيان
entity-new = كيان جديد من هذا المقطع
entity-subtype = النوع الفرعي
entity-subtype-none = لا شيء
entity-external-id = المعرّف الخارجي
entity-external-id-hint = معرّف ويكي بيانات أو رمز ISO 3166
entity-external-id-tip = معرّف ويكي بيانات (Q794) أو رمز ISO 3166 ‏(IR)؛ يحفظه Enter
span-note = ملاحظة
span-note-hint = ملاحظة على هذا المقطع
span-attributes = السمات
span-attribute-remove = إزالة
span-attribute-remove-tip = إزالة { $key }
attribute-key-hint = السمة
attribute-value-hint = القيمة
attribute-add = إضافة
tag-all = وسم كل الورودات:
tag-all-in-document = في هذا المستند
tag-all-in-corpus = في كل المستندات
suggestions-count = { $count ->
    [zero] لا اقتراحات
    [one] اقتراح واحد
    [two] اقتراحان
    [few] { $count } اقتراحات
    *[other] { $count } اقتراحًا
    }
suggestions-accept-all = قبول الكل
suggestions-reject-all = رفض الكل
suggestion-accept = قبول
suggestion-reject = رفض
entities-heading = الكيانات ({ $count })
entities-show-mention = اعرض هذا الذكر
import-report-title = تقرير الاستيراد
import-report-files = ملفات تم تخطيها أو إعادة فك ترميزها أو تغيّرت أو فُقدت:
import-line-skipped = { $path }: تم تخطيه: { $reason }
import-line-changed = { $path }: تغيّر على القرص منذ استيراده: تُحفظ توسيماته
import-line-missing = { $path }: مفقود: تُحفظ توسيماته
import-line-warning = { $path }: تحذير: { $warning }
import-summary = أُضيف { $added }، ولم يتغيّر { $unchanged }، وتغيّر { $changed }، وفُقد { $missing }، وتُخطّي { $skipped }، و{ $warned } بتحذيرات
import-summary-ignored = ، وتُجوهل { $ignored } من الملفات الأخرى
annotations-from = استُورد من { $source }:
annotations-imported = { $documents ->
        [one] مستند واحد
        [two] مستندان
        [few] { $documents } مستندات
        [many] { $documents } مستندًا
       *[other] { $documents } مستند
    } فيها { $spans ->
        [one] مقطع واحد موسوم مسبقًا
        [two] مقطعان موسومان مسبقًا
        [few] { $spans } مقاطع موسومة مسبقًا
        [many] { $spans } مقطعًا موسومًا مسبقًا
       *[other] { $spans } مقطع موسوم مسبقًا
    } (بانتظار المراجعة)
annotations-already = { $spans ->
        [one] كان مقطع واحد في المشروع من قبل فلم يُضف ثانية
        [two] كان مقطعان في المشروع من قبل فلم يُضافا ثانية
        [few] كانت { $spans } مقاطع في المشروع من قبل فلم تُضف ثانية
        [many] كان { $spans } مقطعًا في المشروع من قبل فلم تُضف ثانية
       *[other] كان { $spans } مقطع في المشروع من قبل فلم تُضف ثانية
    }
annotations-rejected = لم يُستورد: { $place }: { $reason }
annotations-saved-as = حُفظ في { $path }
skip-empty = ملف فارغ
skip-too-large = أكبر من أن يكون خبرًا ({ $bytes } بايت؛ الحد { $limit })
skip-binary = ملف ثنائي (فيه بايت NUL أو بايتات تحكم؛ يحتاج UTF-16 إلى علامة ترتيب البايتات)
skip-invalid-utf8 = ترميز UTF-8 غير صالح عند البايت { $at } (يبدو الملف تالفًا)
skip-undecodable = لا يمكن فك ترميزه بـ { $encoding } دون فقدان محارف
skip-not-an-article = ليس خبرًا (.txt أو .text أو .md)
skip-unreadable = تتعذّر قراءته: { $error }
skip-name-not-unicode = اسمه ليس UTF-8 صالحًا (ترميز قديم؟): أعد تسميته لاستيراده
skip-folder-unreadable = تتعذّر قراءة المجلد ({ $error }): لا تُستورد ملفاته
decode-warning-not-nfc = ليس بصيغة NFC في يونيكود (حُفظ كما هو)
decode-warning-replacement = فيه محارف الاستبدال U+FFFD: كان تالفًا قبل الاستيراد
decode-warning-from-bom = فُكّ ترميزه من { $encoding } (علامة ترتيب البايتات)، لا UTF-8
decode-warning-from-told = فُكّ ترميزه من { $encoding } (كما طُلب)، لا UTF-8
decode-warning-from-detected = فُكّ ترميزه من { $encoding } (مكتشَفًا)، لا UTF-8
status-opening = جارٍ فتح { $path }
status-finding-occurrences = البحث عن الورودات
status-suggesting = الاقتراح من المعاجم الجغرافية
status-document-of = المستند { $position } من { $count } · { $status }
status-counts-tip = المستندات حسب الحالة (صفِّ القائمة بالحالة أعلاها)
status-not-saved = لم يُحفظ: { $error }
status-unsaved = تغييرات غير محفوظة
status-saved-at = حُفظ { $time }
status-saved = محفوظ
status-selected-characters = المحارف المحددة { $start }..{ $end }
page-spans = المقاطع
page-curation = التنقيح
page-suggestions = الاقتراحات
edge-keys-help = Alt+Shift+يسار أو يمين يوسّع المقطع المحدد من تلك الجهة، و Alt+يسار أو يمين يقلّصه من الجهة الأخرى (كلمةً كلمة عند المحاذاة إلى الكلمات، وإلا حرفًا حرفًا). أو اسحب حافة.

## meetings
problem-missing-field = الاجتماع { $meeting } بلا { $field } (مطلوب)
problem-date-both = للاجتماع { $meeting } تاريخ بدء ويقول إن تاريخه غير مذكور
problem-ends-before-start = ينتهي الاجتماع { $meeting } ‏({ $end }) قبل أن يبدأ ({ $start })
problem-unknown-role = للاجتماع { $meeting } مشارك بدور { $role } لا يعرّفه المخطط
problem-participant-without-who = للاجتماع { $meeting } مشارك بلا كيان ولا عدد
problem-no-meeting = النتيجة { $outcome } لا تتبع أي اجتماع
problem-no-type = النتيجة { $outcome } بلا نوع بعد
problem-unknown-type = للنتيجة { $outcome } النوع { $kind } الذي لا يعرّفه المخطط
problem-no-status = النتيجة { $outcome } بلا حالة بعد
problem-unknown-status = للنتيجة { $outcome } الحالة { $status } التي لا يعرّفها المخطط
codes-heading = الرموز
codes-edit = تحرير الرموز
codes-apply = تطبيق الرموز
codes-use-derived = استخدم الرموز المشتقة
codes-derived = (مشتقة من المخطط)
codes-by-hand = (مضبوطة يدويًا)
codes-none = لا رموز
codes-mode = النمط { $mode }
codes-context = السياق { $contexts }
codes-cameo-hint = رمز CAMEO
codes-plover-event-hint = حدث PLOVER
codes-plover-mode-hint = نمط PLOVER
codes-plover-contexts-hint = سياقات PLOVER مفصولة بفواصل
calendar-gregorian = ميلادي
calendar-solar-hijri = هجري شمسي
calendar-hijri = هجري قمري
precision-day = يوم
precision-month = شهر
precision-year = سنة
meeting-use-selection = استخدم التحديد
meeting-add-from-selection = أضف من التحديد
meeting-add-participant-tip = أضف الكيان الذي تسمّيه الكلمات المحددة مشاركًا
meeting-article-reports-it = هذا المقال يذكره
meeting-article-reports-it-tip = أرفق الكلمات المحددة دليلًا على هذا الاجتماع
meeting-replace-evidence = استبدل بالتحديد
meeting-replace-evidence-tip = ضع الكلمات المحددة في المقال مكان هذه
meeting-remove = إزالة
meeting-remove-evidence-tip = أزل هذه الكلمات من الاجتماع
meeting-clear = مسح
meeting-add-group = أضف مجموعة
meeting-group-from-selection = مجموعة من التحديد
meeting-group-from-selection-tip = اقرأ المجموعة من الكلمات المحددة: «دولتان بصفة ضيف خاص»
meeting-published = تاريخ النشر
meeting-published-hint = YYYY-MM-DD أو ٢٢ تموز ٢٠٢٣
meeting-published-tip = التواريخ بلا سنة في هذا المقال تأخذها من هنا
meeting-published-set = ضبط
meeting-date-not-stated = غير مذكور
meeting-date-not-stated-long = التاريخ غير مذكور
meeting-date-not-stated-latest = التاريخ غير مذكور · في موعد أقصاه { $latest }
meeting-group-count = كم
meeting-all-members = كل الأعضاء
meeting-all-members-tip = كل الأعضاء (لا يُعطى عدد ولا يُختلق)
meeting-group-description-hint = من (مثل الدول)
meeting-group-role = دور المجموعة
meeting-role = الدور
meeting-unnamed = بلا اسم:
meeting-entity-missing = { $id } (مفقود)
meeting-missing-span = (مقطع مفقود)
meeting-show = اعرض
meeting-show-evidence = اعرض الدليل:
meeting-open-article = افتح مقالًا لتسجيل اجتماعاته.
meeting-in-article = الاجتماعات في هذا المقال
meeting-none-yet = لا شيء بعد. حدّد الكلمات التي تذكر اجتماعًا واضغط Alt+M.
meeting-from-other-articles = مسجّلة من مقالات أخرى
meeting-from-other-articles-help = قد يذكر هذا المقال أحد هذه: حدّد كلماته وأرفقها.
meeting-edit = تحرير
meeting-none-chosen = لم يُختر اجتماع.
meeting-heading = الاجتماع
meeting-delete = حذف الاجتماع
meeting-delete-tip = احذف هذا السجل (يجب حذف نتائجه أولًا)
meeting-fields-help = حدّد كلمات في المقال، ثم اضغط رقم حقل أو «استخدم التحديد».
meeting-fill-tip = املأ { $field } من الكلمات المحددة
outcomes-heading = النتائج ({ $count })
outcomes-none-yet = حدّد الكلمات التي تذكر ما قرره واضغط Alt+O.
outcome-heading = النتيجة { $id }
outcome-delete = حذف النتيجة
outcome-status = حالة النتيجة
outcome-title-tip = عنوان الوثيقة
outcome-actor-role = دور الفاعل
outcome-add-from-selection = أضف من التحديد:
outcome-attribution-tip = من يُذكر أنه قالها

## review
review-accept-all-remaining = قبول كل المتبقي
review-finish = إنهاء: تمت المراجعة
review-finish-tip = اقبل ما زال معلّقًا وعلّم المستند مُراجَعًا
review-send-back = إعادة: يحتاج تعديلات
review-send-back-tip = أعد المستند إلى موسِّمه مع الملاحظة
review-comment-hint = تعليق على هذا العنصر (Enter يرفض به)
review-note-hint = ملاحظة للموسِّم
review-this-document = هذا المستند
review-counts = { $accepted } مقبول · { $rejected } مرفوض · { $pending } معلّق
review-queue-ready = جاهز للمراجعة ({ $count })
review-queue-sent-back = مُعاد ({ $count })
review-open = فتح
curation-take-all = A: خذ الكل
curation-take-none = X: لا تأخذ شيئًا
curation-take-version = { $key }: خذ نسخة { $annotator }
curation-queue = وسَّمه اثنان أو أكثر ({ $count })
curation-people = { $count ->
    [two] شخصان
    [few] { $count } أشخاص
    *[other] { $count } شخصًا
    }
curation-nothing = وسَّم هذا المستند أقل من شخصين: لا شيء للتنقيح هنا.
curation-counts = { $places } موضع · { $disagreements } خلاف · { $decided } محسوم
curation-decided = محسوم
curation-to-decide = للحسم
curation-agreed = متفق عليه
curation-disagreement = خلاف
curation-taken = مأخوذ: { $spans }
curation-not-taken = غير مأخوذ: { $spans }
suggestions-accept-group = قبول المجموعة (A)
suggestions-reject-group = رفض المجموعة (X)
suggestions-all-labels = كل الوسوم
suggestions-heading = اقتراحات للمراجعة ({ $count })
suggestions-help = المقاطع التي اقترحتها المعاجم الجغرافية (المشروع › اقتراح من المعاجم الجغرافية)، صف لكل كيان أو اسم.
suggestions-keys-help = ] و [ للتنقل بين المجموعات.
suggestions-nothing = لا شيء في الانتظار.
suggestions-in-documents = { $count ->
        [one] في مستند واحد
        [two] في مستندين
        [few] في { $count } مستندات
        [many] في { $count } مستندًا
       *[other] في { $count } مستند
    }
suggestions-entity = كيان
suggestions-more = و{ $count } أخرى

## export
export-title = تصدير
export-now = صدِّر الآن
export-replace = استبدال الملفات
export-every-format = كل الصيغ
export-format = الصيغة
export-folder = المجلد
export-folder-hint = المجلد المراد التصدير إليه
export-choose = اختيار…
export-choose-another = اختر مجلدًا آخر
export-reviewed-only = العمل المراجَع فقط
export-everything = كل شيء عدا العمل المرفوض
export-excel = CSV لبرنامج Excel
export-excel-tip = علامة ترتيب البايتات، والخلايا التي تبدأ بـ = + - @ تُعرض نصًا ولا تُنفّذ صيغًا أبدًا
export-not-empty = هذا المجلد ليس فارغًا: ستُستبدل الملفات ذات الأسماء نفسها.
export-done = تم التصدير: { $documents } مستند، { $spans } مقطع، { $meetings } اجتماع، { $outcomes } نتيجة: { $files } ملف في { $folder }.
export-cancelled = أُلغي التصدير: لم يُكتب شيء.
export-failed = لم يُصدَّر: { $error }.

## corpus
search-title = البحث في المدوّنة
search-hint = كلمات أو عبارة أو نمط
search-button = بحث
search-regex = تعبير نمطي
search-regex-tip = تعبير نمطي على النص الموحَّد: \d أي رقم، \b حافة كلمة
search-results = نتائج البحث
search-tag-checked = وسم النتائج المؤشَّرة
search-tag-hit = وسم النتيجة
search-tag-tip = خطوة تراجع واحدة. في القائمة، مفتاح الوسم يفعل الشيء نفسه بوسمه.
search-entity-hint = اربطها بكيان (اختياري)
search-searching = جارٍ البحث…
search-hit-name = النتيجة { $number }: { $words }
search-failed = لم يتم البحث: { $error }.
search-any-label = أي وسم أو لا شيء
search-inside-spans = داخل مقاطع
search-any-status = بأي حالة
search-in-documents = في المستندات
search-help = اكتب كلمات واضغط Enter: أشكال الحروف والحركات ومحرف عدم الوصل والأرقام تُعامل سواءً.
search-found = { $hits ->
    [0] لم يُعثر على شيء لـ
    [one] نتيجة واحدة لـ
    *[other] { $hits } نتيجة في { $documents } مستند لـ
    }
search-checked = { $count } مؤشَّرة
search-skipped = { $count ->
        [one] مقال واحد غير مقروء أو متغيّر
        [two] مقالان غير مقروءين أو متغيّرين
        [few] { $count } مقالات غير مقروءة أو متغيّرة
        [many] { $count } مقالًا غير مقروء أو متغيّر
       *[other] { $count } مقال غير مقروء أو متغيّر
    }
search-tag-as = وسم بـ:
search-linked-to = مرتبط بـ:
search-unlink-tip = لا ربط بأي كيان
search-check-all = تأشير الكل
search-uncheck-all = إلغاء تأشير الكل
search-keys-help = أعلى وأسفل للتنقل · Enter للفتح · المسافة للتأشير · مفتاح الوسم للوسم
records-title = السجلات
records-filter-hint = ابحث عن كلمات في السجلات
records-from-hint = من (YYYY-MM-DD)
records-to-hint = إلى
records-list = جدول السجلات
records-column-record = السجل
records-column-organization = المنظمة
records-column-body = الهيئة
records-column-level = المستوى
records-column-from = من
records-column-to = إلى
records-column-venue = المكان
records-column-host = المضيف
records-column-held = عُقد؟
records-column-outcome = النتيجة
records-column-status = الحالة
records-column-review = المراجعة
records-column-articles = المقالات
records-kind = النوع
records-kind-all = الاجتماعات والنتائج
records-kind-meetings = الاجتماعات
records-kind-outcomes = النتائج
records-review = المراجعة
records-any-review = أي مراجعة
records-count = { $count ->
    [zero] لا سجلات
    [one] سجل واحد
    [two] سجلان
    [few] { $count } سجلات
    *[other] { $count } سجلًا
    }
records-sort-tip = رتّب بهذا العمود (مرة أخرى: بالعكس)
records-reported-by = ورد في:
charts-title = الرسوم البيانية
charts-save-svg = حفظ بصيغة SVG…
charts-svg-picture = صورة SVG
charts-timeline = الخط الزمني للاجتماعات
charts-outcomes = النتائج
charts-spans = المقاطع حسب الوسم
charts-documents = المستندات حسب الموسِّم
charts-weeks = التقدم الأسبوعي
charts-no-dates = لا اجتماع له تاريخ بعد.
charts-planned = { $dates } (مقرر)
charts-undated = { $count ->
    [one] اجتماع واحد بلا تاريخ ليس على الخط الزمني.
    *[other] { $count } اجتماعات بلا تاريخ ليست على الخط الزمني.
    }
charts-legend = مملوء: عُقد؛ مجوّف: مقرر.
charts-nothing = لا شيء للعدّ بعد.
chart-outcomes-title = النتائج حسب النوع والحالة
chart-spans-title = المقاطع حسب الوسم والمراجعة
chart-documents-title = المستندات حسب الموسِّم والحالة
chart-weeks-title = المقاطع المنشأة كل أسبوع، حسب الموسِّم
chart-not-assigned = (غير مسنَد)

## windows
cancel = إلغاء
picker-filter-hint = اكتب للتصفية
picker-nothing-matches = لا شيء يطابق
agreement-title = الاتفاق
agreement-measure-again = قِس مجددًا
agreement-measuring = جارٍ قياس الاتفاق…
agreement-none = لا مستند فيه مقاطع موسِّمَين بعد: يُقاس الاتفاق حيث وسَّم اثنان أو أكثر المستند نفسه.
agreement-documents = { $count ->
        [one] مستند واحد وسَّمه اثنان أو أكثر
        [two] مستندان وسَّمهما اثنان أو أكثر
        [few] { $count } مستندات وسَّمها اثنان أو أكثر
        [many] { $count } مستندًا وسَّمه اثنان أو أكثر
       *[other] { $count } مستند وسَّمه اثنان أو أكثر
    }
agreement-heat-map = خريطة حرارية
agreement-kappa-tokens = κ على الرموز
agreement-all = الكل
agreement-fleiss = κ فلايس على { $documents } مستند، { $tokens } رمز:
agreement-krippendorff = α كريبندورف على { $documents } مستند، { $tokens } رمز:
agreement-pair-counts = { $documents } مستند، { $tokens } رمز
agreement-column-label = الوسم
agreement-column-spans-a = مقاطع A
agreement-column-spans-b = مقاطع B
agreement-column-f1-exact = F1 مطابق
agreement-column-f1-overlap = F1 متداخل
agreement-column-kappa = κ
agreement-column-alpha-u = αu
agreement-column-alpha-u-tip = α كريبندورف للتقطيع: مدى اتفاق الاثنين على بداية مقاطع كل وسم ونهايتها، حرفًا بحرف (١ = المقاطع نفسها، ٠ = ليس أفضل من الصدفة)
agreement-per-document = حسب المستند
agreement-skipped = متخطّى:
sync-running = تثبيت عملك، ودمج عمل الفريق، والدفع…
sync-conflicts-help = سوِّ هذه مع من غيّروها: يعيد أحدكم السجل أو المقطع ويزامن، ثم يزامن الآخر.
sync-failed = لم تتم المزامنة:
assign-title = إسناد المستندات
assign-annotators-hint = الموسِّمون، مفصولين بفواصل
assign-button = أسنِد
assign-listed = المستندات المدرجة وعددها { $count } (ضيّق القائمة بمرشحها أولًا)
assign-mode-everyone = كل مستند إلى كل المسمَّين
assign-mode-round-robin = موسِّم واحد لكل مستند، بالتناوب
assign-mode-double = موسِّمان لكل مستند (توسيم مزدوج)
recovery-title = احتُفظ بالعمل غير المحفوظ
recovery-kept = تعذّر حفظ هذا المشروع في المرة السابقة (غيّر برنامج آخر ملفه)، فحُفظ العمل جانبًا:
recovery-restoring = استعادته تحفظه في المشروع؛ ويبقى ملف المشروع الحالي نسخةً احتياطية (‎.bak).
recovery-restore = استعِده
recovery-discard = تجاهله
open-error-title = تعذّر على دفتر فتح هذا المشروع
open-error-nothing-written = لم يُكتب شيء: الملف كما كان تمامًا. استعد نسخته الاحتياطية (ملف ‎.bak بجانبه)، أو اطلب من المسؤول عن مشاريعك إصلاحه، ثم افتحه مجددًا.
confirm-records-rest-title = سجلات تستند إلى هذا المقطع
confirm-records-rest-question = تستخدم هذه السجلات المقطع دليلًا. أنحذفه ونزيله منها؟ تبقى قيمها.
confirm-records-rest-go = احذف وافصل
confirm-required-title = حقول مطلوبة فارغة
confirm-required-question = تفتقر هذه الاجتماعات إلى حقول يتطلبها المخطط. أنسلّم المقال رغم ذلك؟
confirm-required-go = سلّمه رغم ذلك
highlight-rejected = (مرفوض: { $comment })
article-view = نص المقال

## messages
not-done = لم يُنفَّذ: { $reason }.
saved-file = حُفظ { $path }.
not-opened-unsaved = لم يُفتح: تعذّر حفظ هذا المشروع أولًا ({ $error }).
no-other-occurrence = لا ورود آخر لـ«{ $quote }».
gazetteer-suggested = اقتُرح { $spans } مقطع في { $documents } مستند، بانتظار المراجعة (من { $author }).
records-no-evidence = لا يستند هذا السجل إلى كلمات أي مقال.
search-hits = { $hits ->
    [0] لم يُعثر على شيء.
    [one] نتيجة واحدة.
    *[other] { $hits } نتيجة في { $documents } مستند.
    }
search-not-searched = { $count ->
        [one] تعذّر البحث في مقال واحد (غير مقروء أو متغيّر على القرص).
        [two] تعذّر البحث في مقالين (غير مقروءين أو متغيّرين على القرص).
        [few] تعذّر البحث في { $count } مقالات (غير مقروءة أو متغيّرة على القرص).
        [many] تعذّر البحث في { $count } مقالًا (غير مقروء أو متغيّر على القرص).
       *[other] تعذّر البحث في { $count } مقال (غير مقروء أو متغيّر على القرص).
    }
search-tagged = وُسم { $count } بـ { $label }.
search-already-tagged = { $count } كانت موسومة من قبل.
search-not-tagged = لم يُوسم { $count }: مقالها غير مقروء أو تغيّر على القرص.
suggestions-accepted = { $count ->
        [one] قُبل اقتراح واحد لـ{ $name }.
        [two] قُبل اقتراحان لـ{ $name }.
        [few] قُبلت { $count } اقتراحات لـ{ $name }.
        [many] قُبل { $count } اقتراحًا لـ{ $name }.
       *[other] قُبل { $count } اقتراح لـ{ $name }.
    }
suggestions-rejected = { $count ->
        [one] رُفض اقتراح واحد لـ{ $name }.
        [two] رُفض اقتراحان لـ{ $name }.
        [few] رُفضت { $count } اقتراحات لـ{ $name }.
        [many] رُفض { $count } اقتراحًا لـ{ $name }.
       *[other] رُفض { $count } اقتراح لـ{ $name }.
    }
outcome-new = نتيجة جديدة: { $type }؛ { $status }. راجعهما في اللوحة.
outcome-proposed = { $what } { $choice } (من «{ $words }»)
outcome-choose-one = { $what }: اختر واحدًا
outcome-type-word = النوع
outcome-status-word = الحالة
refusal-nothing-selected = حدّد نصًا في المقال (أو مقطعًا) أولًا
refusal-out-of-range = التحديد لا يطابق المقال
refusal-no-span = لا مقطع { $span } في هذا المقال
refusal-no-meeting-id = لا اجتماع { $id }
refusal-no-outcome = لا نتيجة { $id }
refusal-no-field = لا يحوي المخطط حقل الاجتماع { $field }
refusal-not-a-date = «{ $words }» ليس تاريخًا يقرؤه دفتر
refusal-not-an-ordinal = «{ $words }» ليس عددًا ترتيبيًا يقرؤه دفتر
refusal-no-matching-choice = «{ $words }» لا يسمّي أي { $field } في المخطط: اختر واحدًا أولًا
refusal-not-from-text = لا يُملأ { $field } من النص: اختره في اللوحة
refusal-already-participant = { $name } يشارك في هذا الاجتماع من قبل
refusal-no-group = «{ $words }» لا يعطي عددًا ولا يذكر كل الأعضاء: اضبط المجموعة في اللوحة
refusal-not-evidence = تلك الكلمات ليست دليلًا على هذا الاجتماع
refusal-same-evidence = حدّد كلمات أخرى: هذه هي الدليل أصلًا
refusal-in-use = ما زال { $by } يشير إلى { $what }
refusal-edit = { $error }
refusal-history = تعذّر { $action } «{ $step }»: { $error }
refusal-no-document = افتح مستندًا أولًا
refusal-unreadable = تعذّرت قراءة هذا المقال
refusal-no-span-selected = حدّد مقطعًا أولًا
refusal-nothing-or-span-selected = حدّد نصًا أو مقطعًا أولًا
refusal-no-label = لا يحوي المخطط الوسم { $label }
refusal-edge-cannot-move = لا يمكن لحافة المقطع أن تذهب هناك: يبقى في المقطع حرف واحد على الأقل ويظل داخل النص
refusal-no-subtype = لا يحوي المخطط النوع الفرعي { $subtype } لـ{ $kind }
refusal-not-an-identifier = «{ $words }» ليس معرّفًا: بلا مسافات داخله (معرّف ويكي بيانات مثل Q794، رمز ISO 3166 مثل IR)
refusal-not-linkable = مقاطع { $label } لا تُربط بكيانات
refusal-no-meeting = اختر اجتماعًا أو أنشئه أولًا
refusal-search = { $error }
refusal-no-hit = أشّر النتائج المراد وسمها أولًا (المسافة)، أو انتقل إلى إحداها
refusal-no-record = لا اجتماع ولا نتيجة كهذه
refusal-not-written = تعذّرت كتابة { $path }: { $error }
refusal-no-suggestion-group = لا اقتراحات منتظرة هناك: اختر مجموعة اقتراحات أولًا
refusal-no-review-item = اختر عنصرًا للمراجعة أولًا
refusal-no-annotators = سمِّ الموسِّمين الذين تُسند إليهم المستندات
refusal-one-annotator = التوسيم المزدوج يحتاج موسِّمَين أو أكثر
refusal-no-documents = لا مستندات لإسنادها
refusal-not-a-project-folder = لا يُشارَك عبر git إلا مجلد مشروع: رحّل هذا المشروع ذا الملف الواحد أولًا (daftar migrate)
refusal-not-saved = تعذّر حفظ المشروع أولًا فلم تتم مزامنته: { $error }
refusal-not-reloaded = تعذّرت قراءة المشروع مجددًا: { $error }
refusal-no-cluster = اختر أولًا موضعًا تلتقي فيه مقاطع الموسِّمين (لا توجد إلا في مستندات وسَّمها شخصان)
refusal-no-version = لا موسِّم له هذا الرقم هنا
refusal-note-needed = اذكر في الملاحظة ما يحتاج تغييرًا أولًا
refusal-not-a-day = { $words }
refusal-nothing-to-reanchor = لم يتغير المقال على القرص: مقاطعه حيث كانت
refusal-no-export-folder = اختر مجلدًا للتصدير إليه
refusal-no-format = اختر صيغة واحدة على الأقل
refusal-folder-in-use = { $path } ليس فارغًا: ستُستبدل الملفات ذات الأسماء نفسها
refusal-no-recovery = لم يُحتفظ بأي عمل غير محفوظ لهذا المشروع
refusal-recovery = تعذّرت قراءة العمل المحفوظ ({ $error })
sync-committed = ثُبِّت: { $message }
sync-nothing-to-commit = لا جديد للتثبيت
sync-no-upstream = لم يُشارَك: ليس لهذا الفرع فرع بعيد للمزامنة معه (شغّل git push -u origin BRANCH مرة واحدة)
sync-holds-settings = اسم المشروع أو الموسِّمون أو المخطط
sync-holds-entity = الكيان { $id }
sync-holds-meeting = الاجتماع { $id }
sync-holds-outcome = النتيجة { $id }
sync-holds-document = { $document }: حالته أو ملاحظته أو تسمياته
sync-holds-spans = { $document }: مقاطع { $author }
sync-error-not-a-folder = المشروع ليس مجلدًا يستطيع git مشاركته: رحّله أولًا (daftar migrate): { $path }
sync-error-not-a-repository = مجلد المشروع ليس في مستودع git: انسخ مستودع الفريق (clone)، أو شغّل git init هناك: { $path }
sync-error-no-git = تعذّر تشغيل git ({ $reason }): هل git مثبَّت؟
sync-error-git = فشل `git { $command }`: { $message }
sync-error-cancelled = أُلغيت المزامنة قبل { $step }
sync-step-commit = التثبيت
sync-step-pull = الجلب
sync-step-push = الدفع
sync-merged = دُمج عمل الآخرين
sync-conflicts = { $count ->
    [one] تغيّر ملف واحد على الجانبين؛ أُلغي الدمج (عملك مثبَّت ولم يضع شيء):
    [two] تغيّر ملفان على الجانبين؛ أُلغي الدمج (عملك مثبَّت ولم يضع شيء):
    [few] تغيّرت { $count } ملفات على الجانبين؛ أُلغي الدمج (عملك مثبَّت ولم يضع شيء):
    [many] تغيّر { $count } ملفًا على الجانبين؛ أُلغي الدمج (عملك مثبَّت ولم يضع شيء):
   *[other] تغيّر { $count } ملف على الجانبين؛ أُلغي الدمج (عملك مثبَّت ولم يضع شيء):
}
sync-pushed = دُفع

## plurals
spans-count = { $count ->
    [zero] لا مقاطع
    [one] مقطع واحد
    [two] مقطعان
    [few] { $count } مقاطع
    [many] { $count } مقطعًا
   *[other] { $count } مقطع
}
opening-cancelled = أُلغي فتح { $path }.
