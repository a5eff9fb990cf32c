import unittest

from shop.pricing import apply_member_discount, format_price, line_total


class PricingTest(unittest.TestCase):
    def test_bulk_discount_starts_at_five(self):
        self.assertEqual(line_total(1000, 4), 4000)
        self.assertEqual(line_total(1000, 5), 4750)

    def test_member_discount(self):
        self.assertEqual(apply_member_discount(2000, True), 1800)
        self.assertEqual(apply_member_discount(2000, False), 2000)

    def test_format_price(self):
        self.assertEqual(format_price(1205), "£12.05")


if __name__ == "__main__":
    unittest.main()
