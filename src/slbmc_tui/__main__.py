"""`python -m slbmc_tui` runs the same CLI as the `slbmc` command."""

from slbmc_tui.cli import main

raise SystemExit(main())
