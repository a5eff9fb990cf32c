import csv
from dataclasses import dataclass
from pathlib import Path

DATA_FILE = Path(__file__).parent.parent / "data" / "books.csv"
LOW_STOCK_THRESHOLD = 2


@dataclass(frozen=True)
class Book:
    isbn: str
    title: str
    author: str
    price_cents: int
    copies: int


class OutOfStock(Exception):
    """Raised when a cart asks for more copies than the shelf holds."""


class Inventory:
    def __init__(self, books: list[Book]) -> None:
        self._books = {book.isbn: book for book in books}

    @classmethod
    def from_csv(cls, path: Path = DATA_FILE) -> "Inventory":
        with path.open(newline="") as handle:
            rows = csv.DictReader(handle)
            return cls([Book(r["isbn"], r["title"], r["author"], int(r["price_cents"]), int(r["copies"]))
                        for r in rows])

    def find(self, isbn: str) -> Book:
        return self._books[isbn]

    def by_author(self, author: str) -> list[Book]:
        return sorted((b for b in self._books.values() if b.author == author), key=lambda b: b.title)

    def low_stock(self) -> list[Book]:
        return [b for b in self._books.values() if b.copies <= LOW_STOCK_THRESHOLD]

    def take(self, isbn: str, count: int) -> None:
        book = self._books[isbn]
        if count > book.copies:
            raise OutOfStock(f"only {book.copies} copies of {book.title!r} left")
        self._books[isbn] = Book(book.isbn, book.title, book.author, book.price_cents, book.copies - count)
