import sys

from engagement_desk.cli import main

sys.exit(main())
