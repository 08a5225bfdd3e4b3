#!/usr/bin/env python3
"""Runs the package's tests (standard library only) and ends with `python: N passed, N failed`."""

import sys
import unittest
from pathlib import Path

suite = unittest.defaultTestLoader.discover(str(Path(__file__).resolve().parent), pattern="test_*.py")
result = unittest.TextTestRunner(verbosity=2).run(suite)
failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
print(f"python: {result.testsRun - failed - len(result.skipped)} passed, {failed} failed")
sys.exit(0 if failed == 0 else 1)
