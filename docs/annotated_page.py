"""A marked-up Word copy as a reviewer sees it in Word or WPS, as a PNG for the README.

A sample report is given a few defects (a half-width comma on the first and the last page, a
section heading left out; its date already has a leading zero), checked and marked up with
gongwen. LibreOffice exports the copy to PDF with its comments as notes; each note's place
(its /Rect) and text come from that PDF, read with pypdf, and are matched to the copy's
comments (python-docx). The first page and the top of the last are drawn by poppler; beside
each the comments stand in a margin panel, each joined to its place by a dotted line, as Word
shows them.

Usage: python docs/annotated_page.py WORKDIR OUT.png
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import docx
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader

from gongwen import annotate, check_file
from gongwen.resources import data_dir

SAMPLES = data_dir("samples")
SAMPLE = SAMPLES / "reports" / "市人力资源和社会保障局-孙丽华-2019年度履职报告.docx"
DPI = 60
PANEL = 300  # the margin panel's width, px
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
SIZE = 11
LINES = 7  # at most this many lines of a comment are drawn
COLOURS = ["#c0504d", "#4f81bd", "#9bbb59", "#8064a2", "#f79646", "#4bacc6"]
NOTES = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'


@dataclass
class Note:
    """A comment as the page shows it: where its range starts (px on the page image)."""

    page: int  # from 0
    x: float
    top: float
    bottom: float
    head: str  # its author and date
    text: str


def defective(work: Path) -> Path:
    """The sample with a comma made half-width on page 1 and near the end, and the heading
    of its 廉洁自律 section left out."""
    word = docx.Document(str(SAMPLE))
    paragraphs = word.paragraphs
    for p in (paragraphs[2], paragraphs[-4]):
        run = next(r for r in p.runs if "，" in r.text)
        run.text = run.text.replace("，", ",", 1)
    heading = next(p for p in paragraphs if p.text.startswith("四、廉洁自律"))
    heading._p.getparent().remove(heading._p)
    path = work / SAMPLE.name
    word.save(str(path))
    return path


def notes(pdf: Path, copy: Path) -> list[Note]:
    """The notes LibreOffice put on the pages (their places), with the copy's comments (their
    author, date and text)."""
    comments = {
        re.sub(r"\s+", "", c.text): (f"{c.author}  {c.timestamp:%Y-%m-%d}", c.text)
        for c in docx.Document(str(copy)).comments
    }
    scale = DPI / 72
    out = []
    for number, page in enumerate(PdfReader(pdf).pages):
        height = float(page.mediabox.height)
        for ref in page.get("/Annots") or []:
            annotation = ref.get_object()
            if annotation.get("/Subtype") != "/Text":
                continue
            x0, y0, _x1, y1 = (float(v) for v in annotation["/Rect"])
            head, text = comments[re.sub(r"\s+", "", str(annotation.get("/Contents", "")))]
            out.append(
                Note(number, x0 * scale, (height - y1) * scale, (height - y0) * scale, head, text)
            )
    return out


def dotted(draw: ImageDraw.ImageDraw, points: list[tuple[float, float]], colour: str) -> None:
    """A dotted line through `points`, as Word joins a comment to its text."""
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        steps = max(int(max(abs(x1 - x0), abs(y1 - y0)) / 3), 1)
        for k in range(0, steps, 2):
            a, b = k / steps, min(k + 1, steps) / steps
            draw.line([(x0 + (x1 - x0) * a, y0 + (y1 - y0) * a),
                       (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b)], fill=colour)  # fmt: skip


def wrap(
    draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int
) -> list[str]:
    """The lines of `text` broken to fit `width` px, at most LINES of them."""
    lines: list[str] = []
    for paragraph in text.splitlines():
        line = ""
        for char in paragraph:
            if draw.textlength(line + char, font=font) > width:
                lines.append(line)
                line = ""
            line += char
        lines.append(line)
    if len(lines) > LINES:
        lines = [*lines[: LINES - 1], "……"]
    return lines


def panel(page: Image.Image, placed: list[Note]) -> tuple[Image.Image, int]:
    """`page` with a margin panel at its right: a box for each note, joined to its place;
    and the lowest row drawn on."""
    font = ImageFont.truetype(FONT, SIZE, index=2)  # Noto Sans CJK SC
    bold = ImageFont.truetype(FONT.replace("Regular", "Bold"), SIZE, index=2)
    out = Image.new("RGB", (page.width + PANEL, page.height), "#f3f3f3")
    out.paste(page, (0, 0))
    draw = ImageDraw.Draw(out)
    draw.line([(page.width, 0), (page.width, page.height)], fill="#c8c8c8")
    top = 8
    for number, note in enumerate(sorted(placed, key=lambda n: (n.top, n.x))):
        colour = COLOURS[number % len(COLOURS)]
        lines = wrap(draw, note.text, font, PANEL - 26)
        height = (len(lines) + 1) * (SIZE + 4) + 10
        box_top = max(top, min(note.top, page.height - height - 4))
        box = (page.width + 8, box_top, out.width - 8, box_top + height)
        # the comment's start, as tall as the lines of its range, and a dotted line under
        # the text to its box
        draw.line([(note.x, note.top), (note.x, note.bottom)], fill=colour, width=2)
        dotted(draw, [(note.x, note.bottom), (page.width, note.bottom),
                      (box[0], box_top + 8)], colour)  # fmt: skip
        draw.rectangle(box, fill="white", outline=colour, width=2)
        x, y = box[0] + 8, box_top + 5
        draw.text((x, y), note.head, font=bold, fill=colour)
        for line in lines:
            y += SIZE + 4
            draw.text((x, y), line, font=font, fill="#222222")
        top = box[3] + 6
    return out, int(max(top, *(n.bottom for n in placed)))


def main(work: Path, target: Path) -> None:
    """Make the picture of the first and the last page of the sample's marked-up copy."""
    work.mkdir(parents=True, exist_ok=True)
    source = defective(work)
    register = SAMPLES / "register.csv"
    result = check_file(source, roster=SAMPLES / "roster.csv", register=register)
    copy = work / "批注稿.docx"
    copy.write_bytes(annotate(source, result, when=dt.date(2020, 4, 1)))
    profile = (work / "profile").resolve().as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", NOTES, "--outdir", str(work), str(copy)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    pdf = copy.with_suffix(".pdf")
    found = notes(pdf, copy)
    last = len(PdfReader(pdf).pages) - 1
    images = []
    for number in (0, last):
        stem = work / f"page{number}"
        subprocess.run(["pdftoppm", "-r", str(DPI), "-f", str(number + 1), "-l", str(number + 1),
                        "-png", "-singlefile", "-hide-annotations", str(pdf), str(stem)],
                       check=True)  # fmt: skip
        page = Image.open(f"{stem}.png").convert("RGB")
        drawn, lowest = panel(page, [n for n in found if n.page == number])
        if number == last:  # the last page down to its date: the rest of it is blank
            drawn = drawn.crop((0, 0, drawn.width, lowest + 24))
        images.append(drawn)
    gap = 10  # between the pages, as Word's page view shows them
    sheet = Image.new("RGB", (images[0].width, sum(i.height for i in images) + gap), "#d0d0d0")
    sheet.paste(images[0], (0, 0))
    sheet.paste(images[1], (0, images[0].height + gap))
    sheet.quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(target, optimize=True)
    shutil.rmtree(work / "profile", ignore_errors=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
