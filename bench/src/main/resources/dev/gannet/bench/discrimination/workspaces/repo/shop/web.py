from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from string import Template

from .inventory import Inventory
from .pricing import format_price

TEMPLATES = Path(__file__).parent.parent / "templates"
PORT = 8042


class ShopHandler(BaseHTTPRequestHandler):
    inventory = Inventory.from_csv()

    def do_GET(self) -> None:
        if self.path == "/":
            self._page("index.html", count=len(self.inventory.low_stock()))
        elif self.path.startswith("/book/"):
            book = self.inventory.find(self.path.removeprefix("/book/"))
            self._page("book.html", title=book.title, author=book.author, price=format_price(book.price_cents))
        else:
            self.send_error(404, "no such page")

    def _page(self, name: str, **values: object) -> None:
        body = Template((TEMPLATES / name).read_text()).safe_substitute(values).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body)


def serve() -> None:
    HTTPServer(("127.0.0.1", PORT), ShopHandler).serve_forever()
