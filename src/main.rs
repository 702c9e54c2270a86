//! Daftar's command line. Without a subcommand it opens the window.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "daftar",
    version,
    about = "Annotate Persian and Arabic news: entities, diplomatic meetings and their outcomes.",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// A folder of articles or a project file to open (default: the bundled sample).
    path: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Create or update a project from a folder of articles, and print the import report; or
    /// import another tool's annotations as pre-annotations pending review.
    Import {
        /// A folder of articles (.txt, .text, .md); a brat collection (a folder with .ann files
        /// beside its .txt files); a doccano JSONL file; a Label Studio JSON export.
        source: PathBuf,
        /// The project file to create or update.
        #[arg(short = 'o', long = "output", value_name = "PROJECT")]
        project: PathBuf,
        /// Decode every article with this encoding (e.g. windows-1256) instead of detecting it.
        #[arg(long, value_name = "LABEL")]
        encoding: Option<String>,
        /// Credit imported annotations to this annotator (default: `import:<format>`), so that
        /// two people's annotations of the same documents are kept apart and compared.
        #[arg(long, value_name = "NAME")]
        annotator: Option<String>,
    },
    /// Verify every span against its article; report changed and missing articles.
    /// Exit status: 0 all well, 1 problems found, 2 could not run.
    Check {
        /// The project file.
        project: PathBuf,
    },
    /// Lay out an article exactly as the article view does and print its lines and clusters.
    Layout {
        /// The article (any encoding Daftar imports).
        file: PathBuf,
        /// Wrap width in pixels.
        #[arg(long)]
        width: f32,
        /// Font size in pixels.
        #[arg(long, default_value_t = daftar::cli::ARTICLE_FONT_SIZE)]
        font_size: f32,
        /// Print JSON: lines with byte ranges, clusters in visual order with x, width, direction.
        #[arg(long)]
        json: bool,
    },
    /// Export annotations (reviewed work only, unless --all). Formats and their offset units are
    /// described in docs/FORMATS.md.
    Export {
        /// The project file.
        project: PathBuf,
        /// jsonl, csv, doccano, label-studio, brat, conll or w3c.
        #[arg(long)]
        format: String,
        /// The folder to write into (created if missing; must be empty unless --force).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Export every document and every annotation that was not rejected.
        #[arg(long)]
        all: bool,
        /// Replace files in a folder that is not empty.
        #[arg(long)]
        force: bool,
        /// CSV for Excel: a byte order mark, and cells that Excel would run as formulas
        /// (beginning with = + - @) made text. Without it, plain CSV, exact to the letter.
        #[arg(long, alias = "bom")]
        excel: bool,
    },
    /// Documents by status, spans by label, entities, meetings, outcomes, and work per
    /// annotator.
    Stats {
        /// The project file.
        project: PathBuf,
    },
    /// Copy a one-file project (`NAME.daftar.ron`) into a project folder (`NAME.daftar`) that git
    /// merges; the old file is left as it was.
    Migrate {
        /// The one-file project.
        project: PathBuf,
        /// The project folder to create (default: beside it, `.daftar.ron` → `.daftar`).
        #[arg(short = 'o', long = "output", value_name = "FOLDER")]
        output: Option<PathBuf>,
    },
    /// Give documents to annotators: each to everyone named, round robin, or to two people each
    /// (double annotation, for agreement).
    Assign {
        /// The project.
        project: PathBuf,
        /// The annotators, separated by commas.
        #[arg(long, value_name = "NAMES")]
        annotators: String,
        /// everyone, round-robin or double.
        #[arg(long, default_value = "round-robin")]
        mode: String,
        /// Only documents not given to anyone yet.
        #[arg(long)]
        unassigned: bool,
    },
    /// Pre-annotate from the gazetteers (countries, capitals, organizations, titles; English,
    /// Persian and Arabic) and the project's entities: pending spans by suggest:gazetteer.
    Suggest {
        /// The project.
        project: PathBuf,
        /// Only these documents (their paths in the project); every document without it.
        #[arg(long = "document", value_name = "PATH")]
        documents: Vec<String>,
    },
    /// Share a project folder through git: commit your changes, pull and merge the others',
    /// push. Files both sides changed are named and the merge undone (nothing is lost).
    Sync {
        /// The project folder (inside a git repository).
        project: PathBuf,
        /// Your name, for the commit message (default: $USER).
        #[arg(long, value_name = "NAME")]
        annotator: Option<String>,
    },
    /// Git's merge driver for a project folder's files (set up by `daftar sync`): merges BASE,
    /// OURS and THEIRS field by field into OURS; exit status 1 when both changed one field.
    MergeFile {
        base: PathBuf,
        ours: PathBuf,
        theirs: PathBuf,
        /// The file's path in the repository (what kind of file it is).
        path: String,
    },
    /// How far annotators agree on the documents two or more of them annotated: span F1 (exact
    /// and overlapping), Cohen's kappa over tokens per pair and label, Fleiss' kappa and
    /// Krippendorff's alpha across annotators.
    Agreement {
        /// The project file.
        project: PathBuf,
        /// Print JSON (per pair: overall, per label, per document).
        #[arg(long)]
        json: bool,
    },
    /// Every meeting and outcome as a table (an outcome with its meeting's organization, body,
    /// level, dates, venue and host), filtered.
    Records {
        /// The project file.
        project: PathBuf,
        /// Only meetings or only outcomes.
        #[arg(long, value_parser = ["meeting", "outcome"])]
        kind: Option<String>,
        /// Words in the organization, body, level, venue, host, type, status or an article's path.
        #[arg(long)]
        text: Option<String>,
        /// Only records whose dates reach this day or later (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long)]
        from: Option<String>,
        /// Only records whose dates begin on this day or earlier.
        #[arg(long)]
        to: Option<String>,
        /// Only records in this review state: pending, accepted, rejected.
        #[arg(long, value_parser = ["pending", "accepted", "rejected"])]
        review: Option<String>,
        /// Only outcomes of this type (a key of the schema, e.g. decision).
        #[arg(long = "type")]
        outcome_type: Option<String>,
        /// Only outcomes in this status (e.g. adopted).
        #[arg(long)]
        status: Option<String>,
        /// One JSON object per record.
        #[arg(long)]
        json: bool,
    },
    /// Every place a word or phrase occurs in the project's articles, Persian and Arabic
    /// spellings, harakat, ZWNJ and digits folded alike (exit status 1 when nothing is found).
    Search {
        /// The project file.
        project: PathBuf,
        /// Words or a phrase (matched on word boundaries), or a regular expression with --regex.
        query: String,
        /// QUERY is a regular expression (over the folded text).
        #[arg(long)]
        regex: bool,
        /// Only inside spans of this label (e.g. PER).
        #[arg(long)]
        label: Option<String>,
        /// Only documents in this state: new, in-progress, ready-for-review, reviewed,
        /// needs-changes.
        #[arg(long)]
        status: Option<String>,
        /// One JSON object per hit: document, start, end (code points), quote, left, right.
        #[arg(long)]
        json: bool,
    },
}

#[cfg(feature = "gui")]
fn open_window(path: Option<PathBuf>) -> anyhow::Result<u8> {
    daftar::ui::run(path).map(|()| daftar::cli::OK)
}

#[cfg(not(feature = "gui"))]
fn open_window(_path: Option<PathBuf>) -> anyhow::Result<u8> {
    anyhow::bail!(
        "this daftar was built without its window (the `gui` feature): use a subcommand \
         (import, export, check, stats, search, records, agreement, assign, migrate, sync, layout); see daftar --help"
    )
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Import {
            source,
            project,
            encoding,
            annotator,
        }) => daftar::cli::import(&source, &project, encoding.as_deref(), annotator.as_deref()),
        Some(Command::Check { project }) => daftar::cli::check(&project),
        Some(Command::Export {
            project,
            format,
            out,
            all,
            force,
            excel,
        }) => daftar::cli::export(&project, &format, &out, all, force, excel),
        Some(Command::Stats { project }) => daftar::cli::stats(&project),
        Some(Command::Migrate { project, output }) => {
            daftar::cli::migrate(&project, output.as_deref())
        }
        Some(Command::Assign {
            project,
            annotators,
            mode,
            unassigned,
        }) => daftar::cli::assign(&project, &annotators, &mode, unassigned),
        Some(Command::Suggest { project, documents }) => daftar::cli::suggest(&project, &documents),
        Some(Command::Sync { project, annotator }) => {
            daftar::cli::sync(&project, annotator.as_deref())
        }
        Some(Command::MergeFile {
            base,
            ours,
            theirs,
            path,
        }) => daftar::cli::merge_file(&base, &ours, &theirs, &path),
        Some(Command::Agreement { project, json }) => daftar::cli::agreement(&project, json),
        Some(Command::Records {
            project,
            kind,
            text,
            from,
            to,
            review,
            outcome_type,
            status,
            json,
        }) => {
            use daftar::model::ReviewState;
            use daftar::records::{RecordFilter, RecordKind};
            let filter = RecordFilter {
                kind: kind.map(|k| {
                    if k == "meeting" {
                        RecordKind::Meeting
                    } else {
                        RecordKind::Outcome
                    }
                }),
                text,
                from,
                to,
                review: review.and_then(|r| {
                    [
                        ReviewState::Pending,
                        ReviewState::Accepted,
                        ReviewState::Rejected,
                    ]
                    .into_iter()
                    .find(|s| s.name() == r)
                }),
                outcome_type,
                outcome_status: status,
            };
            daftar::cli::records(&project, &filter, json)
        }
        Some(Command::Search {
            project,
            query,
            regex,
            label,
            status,
            json,
        }) => daftar::cli::search(&project, &query, regex, label, status.as_deref(), json),
        Some(Command::Layout {
            file,
            width,
            font_size,
            json,
        }) => daftar::cli::layout(&file, width, font_size, json),
        None => open_window(cli.path),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("daftar: {error:#}");
            ExitCode::from(2)
        }
    }
}
