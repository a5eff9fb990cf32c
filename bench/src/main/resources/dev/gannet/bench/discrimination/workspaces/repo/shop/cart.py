from .inventory import Inventory
from .pricing import apply_member_discount, line_total


class Cart:
    def __init__(self, inventory: Inventory, is_member: bool = False) -> None:
        self._inventory = inventory
        self._is_member = is_member
        self._lines: dict[str, int] = {}

    def add(self, isbn: str, quantity: int = 1) -> None:
        if quantity < 1:
            raise ValueError("quantity must be at least 1")
        self._lines[isbn] = self._lines.get(isbn, 0) + quantity

    def remove(self, isbn: str) -> None:
        self._lines.pop(isbn, None)

    def total_cents(self) -> int:
        subtotal = sum(line_total(self._inventory.find(isbn).price_cents, qty) for isbn, qty in self._lines.items())
        return apply_member_discount(subtotal, self._is_member)

    def checkout(self) -> int:
        total = self.total_cents()
        for isbn, qty in self._lines.items():
            self._inventory.take(isbn, qty)
        self._lines.clear()
        return total
