#!/usr/bin/env python3
"""Regenerates ../digits.csv.gz: the 1,797 UCI handwritten digits (8 × 8, values 0-16) as scikit-learn ships them.

Needs: apt-get install python3-sklearn
Each row: 64 pixel values (row by row) then the digit.
"""
import shutil
import sys
from pathlib import Path

SOURCE = "/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz"

if __name__ == "__main__":
    target = sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parent.parent / "digits.csv.gz")
    shutil.copyfile(SOURCE, target)
