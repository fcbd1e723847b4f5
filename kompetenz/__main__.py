import sys

from kompetenz.cli import main

sys.exit(main())
