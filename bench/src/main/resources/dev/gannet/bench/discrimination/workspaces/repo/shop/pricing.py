MEMBER_DISCOUNT_PERCENT = 10
BULK_THRESHOLD = 5
BULK_DISCOUNT_PERCENT = 5


def line_total(price_cents: int, quantity: int) -> int:
    """Price of several copies of one book, with the bulk discount from five copies on."""
    total = price_cents * quantity
    if quantity >= BULK_THRESHOLD:
        total -= total * BULK_DISCOUNT_PERCENT // 100
    return total


def apply_member_discount(total_cents: int, is_member: bool) -> int:
    if not is_member:
        return total_cents
    return total_cents - total_cents * MEMBER_DISCOUNT_PERCENT // 100


def format_price(cents: int) -> str:
    return f"£{cents // 100}.{cents % 100:02d}"
