import unittest

from shop.cart import Cart
from shop.inventory import Book, Inventory, OutOfStock


def small_inventory() -> Inventory:
    return Inventory([Book("1", "One", "A", 1000, 3), Book("2", "Two", "B", 500, 1)])


class CartTest(unittest.TestCase):
    def test_total_with_member_discount(self):
        cart = Cart(small_inventory(), is_member=True)
        cart.add("1", 2)
        self.assertEqual(cart.total_cents(), 1800)

    def test_checkout_takes_stock(self):
        inventory = small_inventory()
        cart = Cart(inventory)
        cart.add("2")
        cart.checkout()
        self.assertEqual(inventory.find("2").copies, 0)

    def test_out_of_stock(self):
        cart = Cart(small_inventory())
        cart.add("2", 2)
        with self.assertRaises(OutOfStock):
            cart.checkout()


if __name__ == "__main__":
    unittest.main()
