"""Lantern Books: inventory, pricing, cart and a tiny web front end."""
VERSION = "0.3.1"
