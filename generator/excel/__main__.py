"""``python -m generator.excel WORKBOOK``: the button's run, without Excel."""

import sys

from .button import _cli

sys.exit(_cli())
