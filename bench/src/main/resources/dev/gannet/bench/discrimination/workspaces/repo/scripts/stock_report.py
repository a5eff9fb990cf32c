"""Prints each author's titles and copies, then the titles that need reordering."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))

from shop.inventory import Inventory  # noqa: E402

inventory = Inventory.from_csv()
for author in ("Idris Vale", "Mara Quill", "Tomas Reyk"):
    for book in inventory.by_author(author):
        print(f"{author:12} {book.title:16} {book.copies}")
print("reorder:", ", ".join(b.title for b in inventory.low_stock()))
