"""``python -m govinfo`` runs the command line."""

from govinfo.cli import main

raise SystemExit(main())
