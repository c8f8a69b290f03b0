"""The ``rightstrack`` command: a thin layer over the library.

Library errors become one line on stderr and exit status 2 here, and only here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .documents import DocumentError, parse_file, to_json
from .documents.models import Document, Paragraph, Subparagraph
from .linking import METHODS, LinkReport, link_report, links_to_json
from .tagging import TaggingError

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "crc-kaz"


class _Group(click.Group):
    """Turns library errors into ``rightstrack: error: …`` and exit status 2."""

    def invoke(self, ctx: click.Context):  # noqa: D102
        try:
            return super().invoke(ctx)
        except (DocumentError, TaggingError) as error:
            click.echo(f"rightstrack: error: {error}", err=True)
            sys.exit(2)


@click.group(cls=_Group)
@click.version_option(package_name="rightstrack")
def main() -> None:
    """Follow-up of UN human-rights recommendations.

    \b
    Example:
      rightstrack parse examples/crc-kaz/kaz-list-of-issues-2025.md --json
    """


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--symbol", help="The document symbol, when the file does not print it (e.g. CRC/C/KAZ/CO/4).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (schema: docs/schema.md).")
def parse(path: Path, symbol: str | None, as_json: bool) -> None:
    """Parse a treaty-body or UPR document (.txt, .md, .docx, .pdf, .html).

    \b
    Examples:
      rightstrack parse examples/crc-kaz/kaz-concluding-observations-2015.txt
      rightstrack parse report.pdf --symbol A/HRC/26/4 --json > report.json
    """
    document = parse_file(path, symbol=symbol)
    if as_json:
        click.echo(json.dumps(to_json(document), ensure_ascii=False, indent=2))
    else:
        click.echo(render(document))
    for warning in document.warnings:
        click.echo(f"warning: {path}, line {warning.line}: {warning.message}", err=True)


def render(document: Document) -> str:
    """The structure as a person reads it: metadata, obligations, then each paragraph."""
    lines = [
        f"{document.title or '(untitled)'}",
        f"  symbol {document.symbol or '-'} ({document.source.get('symbol_source') or 'unknown'})"
        f" · committee {document.committee or '-'} · State {document.state or '-'}"
        f" · type {document.type or '-'} · cycle {document.cycle or '-'} · language {document.language}"
        f" · session {document.session or '-'}",
    ]
    if document.dates:
        lines.append("  dates: " + ", ".join(f"{key} {value}" for key, value in sorted(document.dates.items())))
    for obligation in document.obligations:
        limits = [f"due {obligation.due}" if obligation.due else "",
                  f"{obligation.max_words:,} words max" if obligation.max_words else "",
                  f"{obligation.max_pages} pages max" if obligation.max_pages else ""]
        lines.append(f"  obligation (para. {obligation.paragraph}): {obligation.description}; "
                     + ", ".join(x for x in limits if x))
    counts: dict[str, int] = {}
    for paragraph in document.paragraphs:
        counts[paragraph.kind] = counts.get(paragraph.kind, 0) + 1
    lines.append(f"  {len(document.paragraphs)} paragraphs: "
                 + ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items())))
    if document.recommendations:
        responses: dict[str, int] = {}
        for rec in document.recommendations:
            responses[rec.response] = responses.get(rec.response, 0) + 1
        lines.append(f"  {len(document.recommendations)} UPR recommendations: "
                     + ", ".join(f"{n} {r}" for r, n in sorted(responses.items())))
    part = cluster = heading = None
    for paragraph in document.paragraphs:
        if paragraph.part != part:
            part = paragraph.part
            lines.append(f"\n{part}")
        if paragraph.cluster != cluster:
            cluster = paragraph.cluster
            if cluster:
                articles = f" [arts. {', '.join(paragraph.articles)}]" if paragraph.articles else ""
                lines.append(f"  {cluster}{articles}")
        if paragraph.heading != heading:
            heading = paragraph.heading
            if heading:
                lines.append(f"    {heading}")
        lines.append(_paragraph_line(paragraph))
        for sub in paragraph.subparagraphs:
            lines.extend(_sub_lines(sub, "        "))
    for rec in document.recommendations:
        lines.append(f"  {rec.number} [{rec.response}] {_short(rec.text)} ({', '.join(rec.recommending_states)})")
    return "\n".join(lines)


def _paragraph_line(paragraph: Paragraph) -> str:
    flags = "".join([" URGENT" if paragraph.urgent else "", " REPEATED" if paragraph.repeated else ""])
    extras = []
    if paragraph.general_comments:
        extras.append("GC " + ", ".join(str(n) for n in paragraph.general_comments))
    for reference in paragraph.references:
        cited = f" paras. {', '.join(reference.paragraphs)}" if reference.paragraphs else ""
        extras.append(f"{reference.symbol}{cited}")
    tail = f"  <{'; '.join(extras)}>" if extras else ""
    return f"      {paragraph.number}. [{paragraph.kind}{flags}] {_short(paragraph.text)}{tail}"


def _sub_lines(sub: Subparagraph, indent: str) -> list[str]:
    lines = [f"{indent}({sub.label}) {_short(sub.text, 90)}"]
    for nested in sub.subparagraphs:
        lines.extend(_sub_lines(nested, indent + "    "))
    return lines


def _short(text: str, width: int = 100) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


@main.command("link")
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--threshold", type=click.FloatRange(0, 1),
              help="Drop candidates scoring under this (default: the method's).")
@click.option("--method", type=click.Choice(METHODS), default="lexical", show_default=True,
              help="lexical (thesaurus and tf-idf) or embedding (needs the 'embeddings' extra).")
@click.option("--limit", type=click.IntRange(1, 20), default=3, show_default=True,
              help="Candidates shown per question.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON list (shape: docs/linking.md).")
def link_command(paths: tuple[Path, ...], threshold: float | None, method: str, limit: int, as_json: bool) -> None:
    """Link each question of NEW to the earlier paragraphs it follows up.

    Give the earlier documents first and the new one last: OLD [OLD...] NEW.
    Notes on documents that do not fit together go to stderr.

    \b
    Examples:
      rightstrack link examples/crc-kaz/kaz-concluding-observations-2015.txt \\
                       examples/crc-kaz/kaz-list-of-issues-2025.md
      rightstrack link co-2015.pdf opsc-co-2006.pdf loi-2025.pdf --json > links.json
    """
    documents = [parse_file(path) for path in paths]
    report = link_report(documents[:-1], documents[-1], threshold, method, limit)
    if as_json:
        click.echo(json.dumps(links_to_json(report.items), ensure_ascii=False, indent=2))
        click.echo(f"note: threshold {report.threshold:.2f} ({report.method}); candidates under it are not listed",
                   err=True)
    else:
        click.echo(render_links(report))
    for note in report.notes:
        click.echo(f"note: {note}", err=True)


def render_links(report: LinkReport) -> str:
    """Each question with its candidates, score and reason, as a person reads them."""
    linked = sum(1 for item in report.items if item.candidates)
    explicit = sum(1 for item in report.items if any(c.explicit for c in item.candidates))
    lines = [f"{report.new or 'new document'} against {', '.join(s or '?' for s in report.old)}",
             f"  method {report.method} · threshold {report.threshold:.2f} · {len(report.items)} questions: "
             f"{linked} linked ({explicit} by citation), {len(report.items) - linked} without a link"]
    several = len(report.old) > 1
    for item in report.items:
        lines.append(f"\n{item.item}. {_short(item.text)}")
        for candidate in item.candidates:
            where = f"{candidate.symbol} " if several and candidate.symbol else ""
            flags = "".join([" EXPLICIT" if candidate.explicit else "", " REPEATED" if candidate.repeated else ""])
            kind = candidate.kind.replace("_", " ")
            if candidate.recommendation and candidate.recommendation != candidate.paragraph:
                kind += f" (recommendation: {candidate.recommendation})"
            lines.append(f"    -> {where}para. {candidate.paragraph}  {candidate.score:.2f}  {kind}{flags}")
            lines.append(f"       {candidate.why}")
        if not item.candidates:
            lines.append(f"    (no earlier paragraph scores {report.threshold:.2f} or more)")
        for warning in item.warnings:
            lines.append(f"    note: {warning}")
    return "\n".join(lines)
def _django():
    """Set up the web application (imported only by the commands that need it)."""
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rightstrack.web.settings")
    django.setup()
    from django.core.management import call_command

    return call_command


def _run(name: str, *args, **options) -> None:
    """Run a Django management command; its errors become one line and exit status 2."""
    call_command = _django()
    from django.core.management import CommandError

    try:
        call_command(name, *args, **options)
    except CommandError as error:
        click.echo(f"rightstrack: error: {error}", err=True)
        sys.exit(2)


@main.command()
@click.option("--no-serve", is_flag=True, help="Import and print what was found, then stop (CI checks).")
@click.option("--port", default=8000, show_default=True)
def demo(no_serve: bool, port: int) -> None:
    """Set up the demo: SQLite database under var/, the Kazakhstan documents with their links
    and tags, a demo administrator (its password is printed), then serve on 127.0.0.1.

    \b
    Examples:
      rightstrack demo
      rightstrack demo --no-serve
    """
    _run("demo")
    if no_serve:
        documents = [parse_file(EXAMPLES / name)
                     for name in ("kaz-concluding-observations-2015.txt", "kaz-list-of-issues-2025.md")]
        for document in documents:
            click.echo(render(document))
            click.echo("")
        click.echo(render_links(link_report(documents[:1], documents[1])))
        return
    click.echo(f"Serving on http://127.0.0.1:{port}/ (Ctrl+C to stop) …")
    _run("runserver", f"127.0.0.1:{port}", use_reloader=False)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
def serve(host: str, port: int) -> None:
    """Migrate the database and serve the web application (for a laptop; servers: docs/deployment.md).

    \b
    Example:
      rightstrack serve --port 8080
    """
    _run("migrate", verbosity=0, interactive=False)
    click.echo(f"Serving on http://{host}:{port}/ (Ctrl+C to stop) …")
    _run("runserver", f"{host}:{port}", use_reloader=False)


@main.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--symbol", help="Document symbol when the file does not print it (one file only).")
@click.option("--dry-run", is_flag=True, help="Show what would change; save nothing.")
@click.option("--user", help="Record the changes as this user.")
def import_(paths: tuple[str, ...], symbol: str | None, dry_run: bool, user: str | None) -> None:
    """Import documents into the tracking database; the same file twice changes nothing.

    \b
    Examples:
      rightstrack import examples/crc-kaz/*.txt examples/crc-kaz/*.md
      rightstrack import report.pdf --symbol A/HRC/26/4 --dry-run
    """
    _run("migrate", verbosity=0, interactive=False)
    _run("import_documents", *paths, symbol=symbol, dry_run=dry_run, user=user)


@main.command()
@click.argument("username")
@click.option("--role", type=click.Choice(["admin", "coordinator", "focal_point", "viewer"]), default="viewer",
              show_default=True)
@click.option("--agency", help="Agency name or acronym (focal points).")
def adduser(username: str, role: str, agency: str | None) -> None:
    """Create a user (or reset its password) with a role; prints the new password.

    \b
    Example:
      rightstrack adduser amina --role focal_point --agency MoE
    """
    _run("adduser", username, role=role, agency=agency)


@main.command()
@click.argument("username")
def token(username: str) -> None:
    """Print the API token of a user (created on first use) for scripts.

    \b
    Example:
      rightstrack token amina
    """
    _run("drf_create_token", username)


@main.command(context_settings={"ignore_unknown_options": True, "help_option_names": []})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def manage(args: tuple[str, ...]) -> None:
    """Django's management commands, for administrators.

    \b
    Examples:
      rightstrack manage migrate
      rightstrack manage collectstatic --no-input
    """
    _django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["rightstrack manage", *args])


@main.group()
def tagger() -> None:
    """Train a tagger for your own taxonomy from a labelled spreadsheet.

    \b
    Example:
      rightstrack tagger train --csv labelled.csv --text-column Text --labels-column Issue
    """


@tagger.command("train")
@click.option("--csv", "csv_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Labelled spreadsheet saved as CSV (UTF-8, Windows-1252 or Latin-1; , ; or tab).")
@click.option("--text-column", required=True, help="Column holding the recommendation text.")
@click.option("--labels-column", required=True, help="Column holding the labels.")
@click.option("--label-separator", default=",", show_default=True, help="Separates several labels in one cell.")
@click.option("--encoding", help="The CSV's encoding, when guessing it goes wrong (e.g. utf-8, cp1251).")
@click.option("--output", "-o", default="tagger.npz", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path), help="Where to save the tagger.")
@click.option("--embeddings", is_flag=True,
              help="Blend in sentence embeddings: a little more accurate; needs the 'embeddings' extra.")
def tagger_train(csv_path: Path, text_column: str, labels_column: str, label_separator: str,
                 encoding: str | None, output: Path, embeddings: bool) -> None:
    """Learn a tagger from a spreadsheet of labelled recommendations.

    \b
    Example:
      rightstrack tagger train --csv upr.csv --text-column Text --labels-column Issue -o upr-issues.npz
      rightstrack tag --model upr-issues.npz --jsonl < recommendations.jsonl
    """
    from .tagging import read_examples, train_tagger

    examples = read_examples(csv_path, text_column, labels_column, separator=label_separator, encoding=encoding)
    for warning in examples.warnings:
        click.echo(f"warning: {warning}", err=True)
    model = train_tagger(examples.texts, examples.labels, embeddings=embeddings,
                         info={"source": csv_path.name, "text_column": text_column, "labels_column": labels_column})
    model.save(output)
    left_out = model.info.get("left_out_labels") or []
    if left_out:
        click.echo(f"warning: {len(left_out)} label(s) seen only once were left out: "
                   + ", ".join(map(str, left_out[:10])), err=True)
    click.echo(f"{output}: {len(model.labels)} labels learned from {len(examples.texts)} rows")


@main.command()
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--jsonl", is_flag=True, help='Read {"id", "text"} lines on stdin, write one line of tags each.')
@click.option("--json", "as_json", is_flag=True, help="Print the document's tags as one JSON object.")
@click.option("--model", type=click.Path(dir_okay=False, path_type=Path),
              help="A tagger from `rightstrack tagger train`: adds its labels.")
@click.option("--committee", help="With --jsonl: the committee the texts come from (CRC adds children and articles).")
@click.option("--explain", is_flag=True, help='With --jsonl: add "evidence", the words that found each tag.')
def tag(path: Path | None, jsonl: bool, as_json: bool, model: Path | None, committee: str | None,
        explain: bool) -> None:
    """Tag recommendations and questions by theme, affected group, SDG and article.

    \b
    Examples:
      rightstrack tag examples/crc-kaz/kaz-list-of-issues-2025.md --json
      echo '{"id": "1", "text": "Prohibit child marriage."}' | rightstrack tag --jsonl
      rightstrack tag --jsonl --model upr-issues.npz < recommendations.jsonl
    """
    from .tagging import load_tagger
    from .tagging.io import tag_jsonl, tag_parsed

    trained = load_tagger(model) if model else None
    if jsonl:
        if path:
            raise click.UsageError("--jsonl reads stdin: give no PATH")
        for line in tag_jsonl(sys.stdin, trained, committee, explain=explain):
            click.echo(line)
        return
    if not path:
        raise click.UsageError("give a document PATH, or --jsonl to read texts on stdin")
    document = parse_file(path)
    result = tag_parsed(document, trained)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        for item in result["items"]:
            parts = [f"themes: {'; '.join(item['themes']) or '-'}", f"groups: {'; '.join(item['groups']) or '-'}",
                     f"SDGs: {', '.join(item['sdgs']) or '-'}"]
            if item["articles"]:
                parts.append(f"arts. {', '.join(item['articles'])}")
            if "labels" in item:
                parts.append(f"labels: {'; '.join(item['labels'])}")
            click.echo(f"{item['id']}. [{item['kind']}] " + " | ".join(parts))


if __name__ == "__main__":
    main()
