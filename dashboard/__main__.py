import sys

from dashboard.ui.cli import main

sys.exit(main())
