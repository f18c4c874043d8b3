"""`python -m gongwen`."""

from gongwen.cli import main

raise SystemExit(main())
