"""Run Qari from a checkout: ``python main.py [PATH ...]`` (see ``--help``)."""

import sys

from reader.app import main

if __name__ == "__main__":
    sys.exit(main())
