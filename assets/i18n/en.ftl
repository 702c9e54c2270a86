# Daftar's interface in English. Every key is also in fa.ftl and ar.ftl (a test checks it, and
# that every key the code asks for is here). Made from the session's tables; edit freely.

## commands
command-save = Save
command-save-tip = Save the project now (it also saves itself a moment after each change)
command-undo = Undo
command-undo-tip = Undo the last change
command-redo = Redo
command-redo-tip = Redo what was undone
command-next-document = Next document
command-next-document-tip = Open the next document of the list
command-previous-document = Previous document
command-previous-document-tip = Open the previous document of the list
command-next-span = Next span
command-next-span-tip = Select the next span in reading order (the next item on the review page)
command-previous-span = Previous span
command-previous-span-tip = Select the previous span in reading order (the previous item on the review page)
command-delete-span = Delete span
command-delete-span-tip = Delete the selected span
command-ready-for-review = Ready for review
command-ready-for-review-tip = Mark this document ready for review
command-find-document = Find document
command-find-document-tip = Type to filter the document list
command-larger-text = Larger text
command-larger-text-tip = Make the article text larger
command-smaller-text = Smaller text
command-smaller-text-tip = Make the article text smaller
command-new-meeting = New meeting
command-new-meeting-tip = Record a new meeting; the selected words become its evidence
command-new-outcome = New outcome
command-new-outcome-tip = Record an outcome of the current meeting; the selected words become its evidence
command-meetings = Meetings
command-meetings-tip = Show the meetings panel (or the spans again)
command-review = Review
command-review-tip = Show the review page (or the spans again)
command-accept = Accept
command-accept-tip = Accept the current item and go to the next pending one (review page)
command-reject = Reject
command-reject-tip = Reject the current item with the comment typed, and go on (review page)
command-export = Export…
command-export-tip = Export annotations to a folder (reviewed work by default)
command-search = Search…
command-search-tip = Search every article for words, a phrase or a pattern; tag the hits together
command-records = Records…
command-records-tip = Every meeting and outcome as a table: filter, sort, open one at its evidence
command-charts = Charts…
command-charts-tip = The meetings on a timeline, outcomes, spans and progress as charts, saved as SVG
command-commands = Commands…
command-commands-tip = Find any command by name and run it (type to filter, Enter to run)

## palette
palette-title = Commands
palette-tag-as = Tag as: { $label }
palette-fill-field = Fill from the selection: { $field }
palette-subtype = Subtype: { $subtype }
palette-new-entity = Make the selected span a new entity
palette-participant-group = Add the selected words as a group of participants
palette-date-stated = The articles do say when it met
palette-date-not-stated = The articles do not say when it met
palette-outcome-title = Outcome title from the selection
palette-attribution = Who said it: the selection
palette-outcome-evidence = Add the selection to the outcome's evidence
palette-actor-adopter = Add the selection to the outcome as its adopter / signatory
palette-actor-proposer = Add the selection to the outcome as its proposer
palette-actor-beneficiary = Add the selection to the outcome as its beneficiary / target
palette-actor-approving-body = Add the selection to the outcome as its approving body
palette-grow-start = Grow the span before its first word
palette-shrink-start = Shrink the span from its first word
palette-grow-end = Grow the span after its last word
palette-shrink-end = Shrink the span from its last word
palette-edge-keys = Alt+Shift+arrow, Alt+arrow
palette-show-spans = Show the spans
palette-show-meetings = Show the meetings
palette-show-review = Show the review
palette-show-curation = Show the curation of double annotation
palette-sync = Sync with the team (git)
palette-agreement = Show how far the annotators agree
palette-stop-snapping = Stop snapping selections to words
palette-snap = Snap selections to whole words

## toolbar
language-english = English
language-persian = Persian
language-arabic = Arabic
menu-project = Project
menu-corpus = Corpus
menu-team = Team
team-assign = Assign documents…
team-assign-tip = Give the documents listed to annotators
team-sync = Sync with the team
team-sync-tip = Save, commit your work, merge the team's and push (a project folder in a git repository)
team-agreement = Agreement…
team-agreement-tip = How far the annotators agree, where two or more annotated a document
team-curation = Curate double annotation
team-curation-tip = Take from two or more people's annotations of the shown document
toolbar-annotator = Annotator:
annotator-hint = Your name
toolbar-light = Light
toolbar-dark = Dark
toolbar-interface-language = Interface
toolbar-label-names = Label names
toolbar-snap = Snap to words
toolbar-snap-tip = Widen a selection to whole words before tagging it
toolbar-only-my-spans = Only my spans
toolbar-only-my-spans-tip = Hide the spans other annotators made on this article (blind double annotation); the Curation page still shows everyone's
toolbar-direction = Direction:
toolbar-direction-detect = detect
toolbar-direction-rtl = right to left
toolbar-direction-ltr = left to right
project-open-folder = Open folder of articles…
project-import-folder = Import folder into a project file…
dialog-folder-of-articles = Folder of articles
dialog-project-file = Project file to create or update
dialog-daftar-project = Daftar project
dialog-annotation-files = doccano JSONL, Label Studio JSON
project-import-brat = Import a brat collection…
project-import-brat-tip = A folder of .txt files with .ann files beside them
project-import-annotations = Import doccano or Label Studio annotations…
project-import-annotations-tip = A doccano .jsonl or a Label Studio .json export
project-open-project-folder = Open project folder…
project-open-project-folder-tip = A NAME.daftar folder, as a team shares it through git
project-open-project = Open project…
project-suggest-document = Suggest from gazetteers: this document
project-suggest-listed = Suggest from gazetteers: the documents listed
project-suggest-every = Suggest from gazetteers: every document
project-suggest-tip = Countries, capitals, organizations, titles and the project's entities, in any spelling: pending spans for you to accept or reject
project-suggest-listed-tip = The documents the list shows: narrow it with its filters first
project-recent = Recent projects
project-open-recent-tip = Open this project

## panels
window-close = Close
status-all = all statuses
status-new = new
status-in-progress = in progress
status-ready-for-review = ready for review
status-reviewed = reviewed
status-needs-changes = needs changes
review-pending = pending
review-accepted = accepted
review-rejected = rejected
documents-status = Status
documents-my-queue = My queue
documents-my-queue-tip = Only the documents given to you (your name in the toolbar)
documents-and = and
documents-assigned = for { $names }
documents-changed-on-disk = changed on disk
documents-missing = missing
documents-unreadable = unreadable
filter-documents = Filter documents
article-no-document = No document in this project.
article-changed-on-disk = This article changed on disk since it was annotated. Of its { $spans ->
        [one] 1 span
       *[other] { $spans } spans
    }, { $kept ->
        [one] 1 keeps its place
       *[other] { $kept } keep their place
    }, { $moved ->
        [one] 1 moves
       *[other] { $moved } move
    } and { $orphaned ->
        [one] 1 is orphaned
       *[other] { $orphaned } are orphaned
    } (their text is gone: place them again).
article-reanchor = Re-anchor the spans
spans-labels = Labels
spans-labels-help = Select text, then press a label's key or click it.
spans-label-tip = { $label }: key { $key }
spans-document-note = Note ({ $status })
spans-heading = Spans
spans-rejected-by = rejected by { $reviewer }: { $comment }
spans-orphaned = orphaned (was at { $from }): tag its text again
spans-delete = Delete
edge-keys-short = Edges: drag them, Alt+Shift+arrow grows, Alt+arrow shrinks
entity-select-span = Select a span to link it to an entity.
entity-not-linkable = { $label } spans are not linked to entities.
entity-heading = Entity
entity-unlink = Unlink
entity-search-hint = Find an entity
entity-link-tip = Link to this entity
entity-new = New entity from this span
entity-subtype = Subtype
entity-subtype-none = none
entity-external-id = External id
entity-external-id-hint = Wikidata QID or ISO 3166 code
entity-external-id-tip = A Wikidata QID (Q794) or an ISO 3166 code (IR); Enter stores it
span-note = Note
span-note-hint = Note on this span
span-attributes = Attributes
span-attribute-remove = Remove
span-attribute-remove-tip = Remove { $key }
attribute-key-hint = Attribute
attribute-value-hint = Value
attribute-add = Add
tag-all = Tag all occurrences:
tag-all-in-document = in this document
tag-all-in-corpus = in all documents
suggestions-count = { $count ->
    [one] { $count } suggestion
    *[other] { $count } suggestions
    }
suggestions-accept-all = Accept all
suggestions-reject-all = Reject all
suggestion-accept = Accept
suggestion-reject = Reject
entities-heading = Entities ({ $count })
entities-show-mention = Show this mention
import-report-title = Import report
import-report-files = Files that were skipped, re-decoded, changed or missing:
import-line-skipped = { $path }: skipped: { $reason }
import-line-changed = { $path }: changed on disk since it was imported: its annotations are kept
import-line-missing = { $path }: missing: its annotations are kept
import-line-warning = { $path }: warning: { $warning }
import-summary = { $added } added, { $unchanged } unchanged, { $changed } changed, { $missing } missing, { $skipped } skipped, { $warned } with warnings
import-summary-ignored = , { $ignored } other files ignored
annotations-from = Imported from { $source }:
annotations-imported = { $documents ->
        [one] 1 document
       *[other] { $documents } documents
    } with { $spans ->
        [one] 1 pre-annotated span
       *[other] { $spans } pre-annotated spans
    } (pending review)
annotations-already = { $spans ->
        [one] 1 span was already in the project and was not added again
       *[other] { $spans } spans were already in the project and were not added again
    }
annotations-rejected = not imported: { $place }: { $reason }
annotations-saved-as = Saved as { $path }
skip-empty = empty file
skip-too-large = too large for an article ({ $bytes } bytes; the limit is { $limit })
skip-binary = binary file (it contains NUL or control bytes; UTF-16 needs a byte order mark)
skip-invalid-utf8 = invalid UTF-8 at byte { $at } (the file looks damaged)
skip-undecodable = cannot be decoded as { $encoding } without losing characters
skip-not-an-article = not an article (.txt, .text or .md)
skip-unreadable = cannot be read: { $error }
skip-name-not-unicode = its name is not valid UTF-8 (an old encoding?): rename it to import it
skip-folder-unreadable = folder cannot be read ({ $error }): its files are not imported
decode-warning-not-nfc = not in Unicode NFC (kept as it is)
decode-warning-replacement = contains U+FFFD replacement characters: it was damaged before import
decode-warning-from-bom = decoded from { $encoding } (byte order mark), not UTF-8
decode-warning-from-told = decoded from { $encoding } (as told), not UTF-8
decode-warning-from-detected = decoded from { $encoding } (detected), not UTF-8
status-opening = Opening { $path }
status-finding-occurrences = Finding occurrences
status-suggesting = Suggesting from the gazetteers
status-document-of = Document { $position } of { $count } · { $status }
status-counts-tip = Documents by status (filter the list by status above it)
status-not-saved = Not saved: { $error }
status-unsaved = Unsaved changes
status-saved-at = Saved { $time }
status-saved = Saved
status-selected-characters = Selected characters { $start }..{ $end }
page-spans = Spans
page-curation = Curation
page-suggestions = Suggestions
edge-keys-help = Alt+Shift+Left or Right grows the selected span on that side, Alt+Left or Right shrinks it from the other side (a word at a time when snapping to words, else a letter). Or drag an edge.

## meetings
problem-missing-field = meeting { $meeting } has no { $field } (required)
problem-date-both = meeting { $meeting } has a start date and says its date is not stated
problem-ends-before-start = meeting { $meeting } ends ({ $end }) before it starts ({ $start })
problem-unknown-role = meeting { $meeting } has a participant with role { $role }, which the schema does not define
problem-participant-without-who = meeting { $meeting } has a participant with neither an entity nor a count
problem-no-meeting = outcome { $outcome } belongs to no meeting
problem-no-type = outcome { $outcome } has no type yet
problem-unknown-type = outcome { $outcome } has type { $kind }, which the schema does not define
problem-no-status = outcome { $outcome } has no status yet
problem-unknown-status = outcome { $outcome } has status { $status }, which the schema does not define
codes-heading = Codes
codes-edit = Edit codes
codes-apply = Apply codes
codes-use-derived = Use derived codes
codes-derived = (derived from the schema)
codes-by-hand = (set by hand)
codes-none = no codes
codes-mode = mode { $mode }
codes-context = context { $contexts }
codes-cameo-hint = CAMEO code
codes-plover-event-hint = PLOVER event
codes-plover-mode-hint = PLOVER mode
codes-plover-contexts-hint = PLOVER contexts, comma separated
calendar-gregorian = Gregorian
calendar-solar-hijri = Solar Hijri
calendar-hijri = Hijri
precision-day = Day
precision-month = Month
precision-year = Year
meeting-use-selection = Use selection
meeting-add-from-selection = Add from selection
meeting-add-participant-tip = Add the entity the selected words name as a participant
meeting-article-reports-it = This article reports it
meeting-article-reports-it-tip = Attach the selected words as evidence of this meeting
meeting-replace-evidence = Replace with selection
meeting-replace-evidence-tip = Put the words selected in the article in place of these
meeting-remove = Remove
meeting-remove-evidence-tip = Take these words off the meeting
meeting-clear = Clear
meeting-add-group = Add group
meeting-group-from-selection = Group from selection
meeting-group-from-selection-tip = Read the group from the selected words: «دو کشور به عنوان مهمان ویژه»
meeting-published = Published
meeting-published-hint = YYYY-MM-DD or ۲۲ تیر ۱۴۰۲
meeting-published-tip = Dates without a year in this article take it from here
meeting-published-set = Set
meeting-date-not-stated = not stated
meeting-date-not-stated-long = date not stated
meeting-date-not-stated-latest = date not stated · no later than { $latest }
meeting-group-count = How many
meeting-all-members = all members
meeting-all-members-tip = Every member (no count is given or invented)
meeting-group-description-hint = who (e.g. countries)
meeting-group-role = group role
meeting-role = role
meeting-unnamed = Unnamed:
meeting-entity-missing = { $id } (missing)
meeting-missing-span = (missing span)
meeting-show = Show
meeting-show-evidence = Show the evidence:
meeting-open-article = Open an article to record its meetings.
meeting-in-article = Meetings in this article
meeting-none-yet = None yet. Select the words that report a meeting and press Alt+M.
meeting-from-other-articles = Recorded from other articles
meeting-from-other-articles-help = This article may report one of these: select its words and attach them.
meeting-edit = Edit
meeting-none-chosen = No meeting chosen.
meeting-heading = Meeting
meeting-delete = Delete meeting
meeting-delete-tip = Delete this record (its outcomes must be deleted first)
meeting-fields-help = Select words in the article, then press a field's number or “Use selection”.
meeting-fill-tip = Fill { $field } from the selected words
outcomes-heading = Outcomes ({ $count })
outcomes-none-yet = Select the words that report what it decided and press Alt+O.
outcome-heading = Outcome { $id }
outcome-delete = Delete outcome
outcome-status = Outcome status
outcome-title-tip = The document's title
outcome-actor-role = actor role
outcome-add-from-selection = Add from selection:
outcome-attribution-tip = Who is reported as saying it

## review
review-accept-all-remaining = Accept all remaining
review-finish = Finish: reviewed
review-finish-tip = Accept what is still pending and mark the document reviewed
review-send-back = Send back: needs changes
review-send-back-tip = Send the document back to its annotator with the note
review-comment-hint = Comment on this item (Enter rejects with it)
review-note-hint = Note for the annotator
review-this-document = This document
review-counts = { $accepted } accepted · { $rejected } rejected · { $pending } pending
review-queue-ready = Ready for review ({ $count })
review-queue-sent-back = Sent back ({ $count })
review-open = Open
curation-take-all = A: take all
curation-take-none = X: take none
curation-take-version = { $key }: take { $annotator }'s
curation-queue = Annotated by two or more ({ $count })
curation-people = { $count ->
    [one] { $count } person
    *[other] { $count } people
    }
curation-nothing = Fewer than two people annotated this document: nothing to curate here.
curation-counts = { $places } places · { $disagreements } disagreements · { $decided } decided
curation-decided = decided
curation-to-decide = to decide
curation-agreed = agreed
curation-disagreement = disagreement
curation-taken = taken: { $spans }
curation-not-taken = not taken: { $spans }
suggestions-accept-group = Accept the group (A)
suggestions-reject-group = Reject the group (X)
suggestions-all-labels = all labels
suggestions-heading = Suggestions to review ({ $count })
suggestions-help = Spans the gazetteers proposed (Project › Suggest from gazetteers), one row per entity or name.
suggestions-keys-help = ] and [ move between groups.
suggestions-nothing = Nothing waiting.
suggestions-in-documents = { $count ->
        [one] In 1 document
       *[other] In { $count } documents
    }
suggestions-entity = entity
suggestions-more = and { $count } more

## export
export-title = Export
export-now = Export now
export-replace = Replace files
export-every-format = every format
export-format = Format
export-folder = Folder
export-folder-hint = Folder to export into
export-choose = Choose…
export-choose-another = Choose another folder
export-reviewed-only = Reviewed work only
export-everything = Everything but rejected work
export-excel = CSV for Excel
export-excel-tip = A byte order mark, and cells beginning with = + - @ shown as text, never run as formulas
export-not-empty = This folder is not empty: files with the same names will be replaced.
export-done = Exported { $documents ->
        [one] 1 document
       *[other] { $documents } documents
    }, { $spans ->
        [one] 1 span
       *[other] { $spans } spans
    }, { $meetings ->
        [one] 1 meeting
       *[other] { $meetings } meetings
    }, { $outcomes ->
        [one] 1 outcome
       *[other] { $outcomes } outcomes
    }: { $files ->
        [one] 1 file
       *[other] { $files } files
    } into { $folder }.
export-cancelled = Export cancelled: nothing was written.
export-failed = Not exported: { $error }.

## corpus
search-title = Search the corpus
search-hint = Words, a phrase or a pattern
search-button = Search
search-regex = Regular expression
search-regex-tip = A regular expression over the folded text: \d any digit, \b a word's edge
search-results = Search results
search-tag-checked = Tag the checked hits
search-tag-hit = Tag the hit
search-tag-tip = One undo step. In the list, a label's key does the same with its label.
search-entity-hint = Link them to an entity (optional)
search-searching = Searching…
search-hit-name = hit { $number }: { $words }
search-failed = Not searched: { $error }.
search-any-label = any label or none
search-inside-spans = inside spans of
search-any-status = of any status
search-in-documents = in documents
search-help = Type words and press Enter: letter forms, harakat, ZWNJ and digits fold alike.
search-found = { $hits ->
    [0] Nothing found for
    [one] 1 hit of
    *[other] { $hits } hits in { $documents } documents of
    }
search-checked = { $count } checked
search-skipped = { $count ->
        [one] 1 article unreadable or changed
       *[other] { $count } articles unreadable or changed
    }
search-tag-as = Tag as:
search-linked-to = Linked to:
search-unlink-tip = Link to no entity
search-check-all = Check all
search-uncheck-all = Uncheck all
search-keys-help = Up and Down move · Enter opens · Space checks · a label's key tags
records-title = Records
records-filter-hint = Find words in the records
records-from-hint = From (YYYY-MM-DD)
records-to-hint = To
records-list = Records table
records-column-record = Record
records-column-organization = Organization
records-column-body = Body
records-column-level = Level
records-column-from = From
records-column-to = To
records-column-venue = Venue
records-column-host = Host
records-column-held = Held?
records-column-outcome = Outcome
records-column-status = Status
records-column-review = Review
records-column-articles = Articles
records-kind = kind
records-kind-all = meetings and outcomes
records-kind-meetings = meetings
records-kind-outcomes = outcomes
records-review = review
records-any-review = any review
records-count = { $count ->
    [one] { $count } record
    *[other] { $count } records
    }
records-sort-tip = Sort by this column (again: the other way)
records-reported-by = Reported by:
charts-title = Charts
charts-save-svg = Save as SVG…
charts-svg-picture = SVG picture
charts-timeline = Meetings timeline
charts-outcomes = Outcomes
charts-spans = Spans per label
charts-documents = Documents per annotator
charts-weeks = Progress per week
charts-no-dates = No meeting has a date yet.
charts-planned = { $dates } (planned)
charts-undated = { $count ->
    [one] 1 meeting without a date is not on the timeline.
    *[other] { $count } meetings without a date are not on the timeline.
    }
charts-legend = Filled: held; hollow: planned.
charts-nothing = Nothing to count yet.
chart-outcomes-title = Outcomes by type and status
chart-spans-title = Spans by label and review
chart-documents-title = Documents by annotator and status
chart-weeks-title = Spans made each week, by annotator
chart-not-assigned = (not assigned)

## windows
cancel = Cancel
picker-filter-hint = Type to filter
picker-nothing-matches = Nothing matches
agreement-title = Agreement
agreement-measure-again = Measure again
agreement-measuring = Measuring agreement…
agreement-none = No document has spans of two annotators yet: agreement is measured where two or more people annotated the same document.
agreement-documents = { $count ->
        [one] 1 document annotated by two or more people
       *[other] { $count } documents annotated by two or more people
    }
agreement-heat-map = Heat map
agreement-kappa-tokens = κ over tokens
agreement-all = all
agreement-fleiss = Fleiss' κ over { $documents ->
        [one] 1 document
       *[other] { $documents } documents
    }, { $tokens ->
        [one] 1 token
       *[other] { $tokens } tokens
    }:
agreement-krippendorff = Krippendorff's α over { $documents ->
        [one] 1 document
       *[other] { $documents } documents
    }, { $tokens ->
        [one] 1 token
       *[other] { $tokens } tokens
    }:
agreement-pair-counts = { $documents ->
        [one] 1 document
       *[other] { $documents } documents
    }, { $tokens ->
        [one] 1 token
       *[other] { $tokens } tokens
    }
agreement-column-label = label
agreement-column-spans-a = spans A
agreement-column-spans-b = spans B
agreement-column-f1-exact = F1 exact
agreement-column-f1-overlap = F1 overlap
agreement-column-kappa = κ
agreement-column-alpha-u = αu
agreement-column-alpha-u-tip = Krippendorff's α for unitizing: how far the two agree on where each label's spans begin and end, character by character (1 = the same spans, 0 = no better than chance)
agreement-per-document = Per document
agreement-skipped = Skipped:
sync-running = Committing your work, merging the team's, pushing…
sync-conflicts-help = Settle these with the people who changed them: one of you changes the record or span back, syncs, and the other syncs.
sync-failed = Not synced:
assign-title = Assign documents
assign-annotators-hint = Annotators, separated by commas
assign-button = Assign
assign-listed = { $count ->
        [one] The 1 document listed
       *[other] The { $count } documents listed
    } (narrow the list with its filter first)
assign-mode-everyone = each document to everyone named
assign-mode-round-robin = round robin: each document to the next person
assign-mode-double = double annotation: each document to two people
recovery-title = Unsaved work was kept
recovery-kept = Last time this project could not be saved (another program had changed its file), so the work was kept aside:
recovery-restoring = Restoring it saves it into the project; the project file as it is now stays as its backup (.bak).
recovery-restore = Restore it
recovery-discard = Discard it
open-error-title = Daftar could not open this project
open-error-nothing-written = Nothing was written: the file is exactly as it was. Restore its backup (the .bak file beside it), or ask whoever looks after your projects to repair it, then open it again.
confirm-records-rest-title = Records rest on this span
confirm-records-rest-question = These records use the span as evidence. Delete it and take it off them? Their values stay.
confirm-records-rest-go = Delete and detach
confirm-required-title = Required fields are empty
confirm-required-question = These meetings lack fields the schema requires. Hand the article over anyway?
confirm-required-go = Hand over anyway
highlight-rejected = (rejected: { $comment })
article-view = Article text

## messages
not-done = Not done: { $reason }.
saved-file = Saved { $path }.
not-opened-unsaved = Not opened: this project could not be saved first ({ $error }).
no-other-occurrence = No other occurrence of «{ $quote }».
gazetteer-suggested = { $spans ->
        [one] 1 span
       *[other] { $spans } spans
    } suggested in { $documents ->
        [one] 1 document
       *[other] { $documents } documents
    }, pending review (by { $author }).
records-no-evidence = This record rests on no words of any article.
search-hits = { $hits ->
    [0] Nothing found.
    [one] 1 hit.
    *[other] { $hits } hits in { $documents } documents.
    }
search-not-searched = { $count ->
        [one] 1 article could not be searched (unreadable or changed on disk).
       *[other] { $count } articles could not be searched (unreadable or changed on disk).
    }
search-tagged = Tagged { $count } as { $label }.
search-already-tagged = { $count } already were.
search-not-tagged = { $count } not tagged: their article cannot be read or changed on disk.
suggestions-accepted = { $count ->
        [one] Accepted 1 suggestion of { $name }.
       *[other] Accepted { $count } suggestions of { $name }.
    }
suggestions-rejected = { $count ->
        [one] Rejected 1 suggestion of { $name }.
       *[other] Rejected { $count } suggestions of { $name }.
    }
outcome-new = New outcome: { $type }; { $status }. Check them in the panel.
outcome-proposed = { $what } { $choice } (from «{ $words }»)
outcome-choose-one = { $what }: choose one
outcome-type-word = type
outcome-status-word = status
refusal-nothing-selected = select some text in the article (or a span) first
refusal-out-of-range = the selection does not fit the article
refusal-no-span = no span { $span } in this article
refusal-no-meeting-id = no meeting { $id }
refusal-no-outcome = no outcome { $id }
refusal-no-field = the schema has no meeting field { $field }
refusal-not-a-date = “{ $words }” is not a date Daftar can read
refusal-not-an-ordinal = “{ $words }” is not an ordinal number Daftar can read
refusal-no-matching-choice = “{ $words }” names no { $field } of the schema: choose one first
refusal-not-from-text = { $field } is not filled from the text: choose it in the panel
refusal-already-participant = { $name } already takes part in this meeting
refusal-no-group = “{ $words }” gives no number and does not say every member: set the group in the panel
refusal-not-evidence = those words are not evidence of this meeting
refusal-same-evidence = select other words: these are the evidence already
refusal-in-use = { $what } is still referred to by { $by }
refusal-edit = { $error }
refusal-history = cannot { $action } “{ $step }”: { $error }
refusal-no-document = open a document first
refusal-unreadable = this article cannot be read
refusal-no-span-selected = select a span first
refusal-nothing-or-span-selected = select some text or a span first
refusal-no-label = the schema has no label { $label }
refusal-edge-cannot-move = the span's edge cannot go there: a span keeps at least one letter and stays inside the text
refusal-no-subtype = the schema has no subtype { $subtype } for { $kind }
refusal-not-an-identifier = “{ $words }” is not an identifier: no spaces inside (a Wikidata QID such as Q794, an ISO 3166 code such as IR)
refusal-not-linkable = { $label } spans are not linked to entities
refusal-no-meeting = choose or create a meeting first
refusal-search = { $error }
refusal-no-hit = check the hits to tag first (Space), or move to one
refusal-no-record = no such meeting or outcome
refusal-not-written = { $path } could not be written: { $error }
refusal-no-suggestion-group = no suggestions waiting there: choose a group of suggestions first
refusal-no-review-item = choose an item to review first
refusal-no-annotators = name the annotators to give the documents to
refusal-one-annotator = double annotation needs two annotators or more
refusal-no-documents = no documents to assign
refusal-not-a-project-folder = only a project folder is shared through git: migrate this one-file project first (daftar migrate)
refusal-not-saved = the project could not be saved first, so it was not synced: { $error }
refusal-not-reloaded = the project could not be read again: { $error }
refusal-no-cluster = choose a place where annotators' spans meet first (only documents two people annotated have them)
refusal-no-version = no annotator has that number here
refusal-note-needed = say what needs changing in the note first
refusal-not-a-day = { $words }
refusal-nothing-to-reanchor = the article has not changed on disk: its spans are where they were
refusal-no-export-folder = choose a folder to export into
refusal-no-format = choose at least one format
refusal-folder-in-use = { $path } is not empty: files with the same names would be replaced
refusal-no-recovery = no unsaved work was kept for this project
refusal-recovery = the kept work cannot be read ({ $error })
sync-committed = committed: { $message }
sync-nothing-to-commit = nothing new to commit
sync-no-upstream = not shared: this branch has no remote branch to sync with (run git push -u origin BRANCH once)
sync-conflicts = { $count ->
    [one] 1 file was
   *[other] { $count } files were
} changed on both sides; the merge was undone (your work is committed, nothing was lost):
sync-holds-settings = the project's name, annotators or schema
sync-holds-entity = entity { $id }
sync-holds-meeting = meeting { $id }
sync-holds-outcome = outcome { $id }
sync-holds-document = { $document }: its status, note or labels
sync-holds-spans = { $document }: the spans of { $author }
sync-error-not-a-folder = the project is not a folder that git can share: migrate it first (daftar migrate): { $path }
sync-error-not-a-repository = the project folder is not in a git repository: clone the team's repository, or run git init there: { $path }
sync-error-no-git = git could not be run ({ $reason }): is git installed?
sync-error-git = `git { $command }` failed: { $message }
sync-error-cancelled = sync cancelled before { $step }
sync-step-commit = committing
sync-step-pull = pulling
sync-step-push = pushing
sync-merged = merged the others' work
sync-pushed = pushed

## plurals
spans-count = { $count ->
    [one] { $count } span
   *[other] { $count } spans
}
opening-cancelled = Opening { $path } was cancelled.
