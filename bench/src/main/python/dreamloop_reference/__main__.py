"""``python -m dreamloop_reference COMMAND ...``: see :mod:`dreamloop_reference.cli`."""

import sys

from .cli import main

sys.exit(main())
