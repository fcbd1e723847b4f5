"""The frozen app's entry point: the same `kompetenz.cli:main` the pip-installed command runs."""

import multiprocessing
import sys

from kompetenz.cli import main

if __name__ == "__main__":
    # `content check` uses worker processes; in a frozen app on Windows and macOS each worker
    # is this executable started again, and freeze_support turns it into a worker.
    multiprocessing.freeze_support()
    sys.exit(main())
