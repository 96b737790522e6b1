"""Export writers (xlsx, CSV, vCard), the column registry and the CRM presets.

``boothapp.core.services.exports.ExportService`` is the entry point; the modules here
are the parts it assembles and know nothing of files, sessions or the GUI.
"""

from boothapp.core.exporting.columns import (
    LEADS_SHEET_LAYOUT,
    Column,
    ColumnKind,
    ShowContext,
    is_known_key,
    leads_sheet_columns,
    resolve_columns,
)
from boothapp.core.exporting.presets import (
    BUILT_IN_PRESET_LABELS,
    BUILT_IN_PRESETS,
    EXCEL_FR,
    HUBSPOT,
    SALESFORCE,
)
from boothapp.core.exporting.report import (
    ExportCancelled,
    ExportError,
    ExportReport,
    ExportWarning,
)

__all__ = [
    "BUILT_IN_PRESETS",
    "BUILT_IN_PRESET_LABELS",
    "EXCEL_FR",
    "HUBSPOT",
    "LEADS_SHEET_LAYOUT",
    "SALESFORCE",
    "Column",
    "ColumnKind",
    "ExportCancelled",
    "ExportError",
    "ExportReport",
    "ExportWarning",
    "ShowContext",
    "is_known_key",
    "leads_sheet_columns",
    "resolve_columns",
]
