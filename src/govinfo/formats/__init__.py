"""The official formats as data: :data:`FORMATS` maps ``"2019"``/``"2021"`` to a spec."""

from govinfo.formats.official import (
    FORMAT_2019,
    FORMAT_2021,
    FORMATS,
    HEADER_CELLS,
    SECTION_TITLES,
)
from govinfo.formats.spec import ColumnSpec, FormatSpec, RowSpec, TableSpec, Unit

__all__ = [
    "FORMATS",
    "FORMAT_2019",
    "FORMAT_2021",
    "HEADER_CELLS",
    "SECTION_TITLES",
    "ColumnSpec",
    "FormatSpec",
    "RowSpec",
    "TableSpec",
    "Unit",
]
