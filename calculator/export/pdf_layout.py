"""The PDF report's page layout: A4, DejaVu fonts (Danish letters), headings, paragraphs and tables.

The footer of every page carries the reproducibility stamp and the page number.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from calculator.text.catalog import Words

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
INK, MUTED, RULE = (30, 30, 30), (95, 95, 95), (200, 205, 210)


class FontMissing(RuntimeError):
    """The DejaVu fonts are not installed (Debian: fonts-dejavu-core)."""


class Report(FPDF):
    def __init__(self, footer_text: str, lang: str = "da"):
        super().__init__(format="A4", unit="mm")
        self.footer_text = footer_text
        self.language = lang
        self.words = Words(lang)
        for style, name in FONTS.items():
            path = FONT_DIR / name
            if not path.exists():
                raise FontMissing(f"The font {path} is missing (Debian package fonts-dejavu-core)")
            self.add_font("DejaVu", style, str(path))
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=18)

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font("DejaVu", "", 7)
        self.set_text_color(*MUTED)
        self.cell(0, 5, f"{self.footer_text}   ·   " + self.words("pdf.page", page=self.page_no(), pages="{nb}"), align="C")

    def h1(self, text: str) -> None:
        self.set_font("DejaVu", "B", 16)
        self.set_text_color(*INK)
        self.multi_cell(0, 8, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def h2(self, text: str) -> None:
        if self.get_y() > self.h - 40:
            self.add_page()
        self.ln(2)
        self.set_font("DejaVu", "B", 11.5)
        self.set_text_color(*INK)
        self.cell(0, 7, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_draw_color(*RULE)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(1.5)

    def para(self, text: str, size: float = 9.5, style: str = "", color=INK) -> None:
        self.set_font("DejaVu", style, size)
        self.set_text_color(*color)
        self.multi_cell(0, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(0.8)

    @staticmethod
    def table_height(rows: int, size: float) -> float:
        return (rows + 1) * (size * 0.48 + 1.8)

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` mm still fit on this one."""
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()

    def grid(self, header: list[str], rows: list[list[str]], widths: list[float], size: float = 8.5,
             align: tuple[str, ...] | None = None, bold_rows: frozenset[int] = frozenset()) -> None:
        """A table; ``widths`` in mm (a narrow table stays narrow, left-aligned).

        A short table is kept on one page (a page break before it rather than inside it).
        """
        if len(rows) <= 12:
            self.ensure(self.table_height(len(rows), size))
        self.set_font("DejaVu", "", size)
        self.set_text_color(*INK)
        self.set_draw_color(*RULE)
        width = min(sum(widths), self.epw)
        with self.table(col_widths=widths, text_align=align or "LEFT", line_height=size * 0.48, padding=0.8,
                        headings_style=_heading_style(), borders_layout="HORIZONTAL_LINES", width=width,
                        align="LEFT") as table:
            head = table.row()
            for h in header:
                head.cell(h)
            bold = _bold()
            for i, r in enumerate(rows):
                row = table.row()
                for v in r:
                    row.cell(v, style=bold if i in bold_rows else None)
        self.ln(1.5)


def sentence(text: str) -> str:
    """End a sentence with one full stop (an amount in kroner already ends in "kr.")."""
    return text if text.endswith(".") else text + "."


def _bold():
    from fpdf.fonts import FontFace

    return FontFace(emphasis="BOLD")


def _heading_style():
    from fpdf.fonts import FontFace

    return FontFace(emphasis="BOLD", fill_color=(228, 235, 242))


