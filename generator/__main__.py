"""`python -m generator ...` runs the command line."""
import sys

from generator.cli import main

sys.exit(main())
