from typing import Protocol


class Clock(Protocol):
    def now(self) -> float: ...


class Greeter(Protocol):
    def greet(self, name: str) -> str: ...


class Storage(Protocol):
    def load(self, key: str) -> bytes: ...
    def save(self, key: str, data: bytes) -> None: ...
